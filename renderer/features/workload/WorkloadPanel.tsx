import { useMemo } from 'react';
import {
  PRECISIONS,
  RESIDENCY_ZONES,
  type Precision,
  type ResidencyZone,
} from '../../../core/schema/common.ts';
import type { Workload } from '../../../core/schema/workload.ts';
import { withOutputMean, withPromptMean } from '../../../core/workload/derive.ts';
import { Chips, NumberField, SelectField } from '../../components/NumberField.tsx';
import { useCatalog } from '../../stores/catalog-store.ts';
import { updateWorkload, useWorkspace } from '../../stores/workspace-store.ts';
import { locationId, USER_LOCATIONS } from './places.ts';

const ZONE_LABELS: Record<ResidencyZone, string> = {
  us: 'US',
  eu: 'EU',
  uk: 'UK',
  apac: 'APAC',
  ca: 'Canada',
  latam: 'LatAm',
  mea: 'MEA',
  global: 'Global',
};

const PRECISION_OPTIONS = PRECISIONS.map((p) => ({ value: p, label: p.toUpperCase() }));

/** Every workload input of DESIGN.md capability 2, with units, validated in place. */
export function WorkloadPanel() {
  const w = useWorkspace((s) => s.scenario.workload);
  const catalogRegions = useCatalog((s) => s.snapshot?.catalog.regions);
  const regions = useMemo(
    () =>
      (catalogRegions ?? [])
        .map((r) => ({ id: r.id, label: `${r.cloud.toUpperCase()} ${r.code} · ${r.name}` }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [catalogRegions],
  );
  const set = (patch: Partial<Workload>) => updateWorkload(patch);
  const toggleZone = (zone: ResidencyZone) =>
    set({
      residency: w.residency.includes(zone)
        ? w.residency.filter((z) => z !== zone)
        : [...w.residency, zone],
    });
  return (
    <div data-testid="workload-panel">
      <section className="section">
        <h3>Volume</h3>
        <NumberField
          label="Requests"
          testId="requests"
          value={w.requests.count}
          min={0}
          max={1e12}
          unit={`/${w.requests.per}`}
          onCommit={(v) => set({ requests: { ...w.requests, count: v ?? 0 } })}
        />
        <SelectField
          label="Counted per"
          value={w.requests.per}
          options={[
            { value: 'day', label: 'Day (active days)' },
            { value: 'month', label: 'Month' },
          ]}
          onChange={(per) => set({ requests: { ...w.requests, per } })}
        />
        <NumberField
          label="Peak ÷ average"
          value={w.peakToAverage}
          min={1}
          max={100}
          unit="×"
          onCommit={(v) => set({ peakToAverage: v ?? 1 })}
        />
        <NumberField
          label="Active hours"
          value={w.schedule.hoursPerDay}
          min={1}
          max={24}
          unit="h/day"
          onCommit={(v) => set({ schedule: { ...w.schedule, hoursPerDay: v ?? 24 } })}
        />
        <NumberField
          label="Active days"
          value={w.schedule.daysPerWeek}
          min={1}
          max={7}
          unit="d/week"
          onCommit={(v) => set({ schedule: { ...w.schedule, daysPerWeek: v ?? 7 } })}
        />
        <NumberField
          label="Monthly growth"
          value={w.monthlyGrowthPct}
          min={-100}
          max={1000}
          unit="%"
          onCommit={(v) => set({ monthlyGrowthPct: v ?? 0 })}
        />
        <SelectField<'production' | 'experiment'>
          label="Stage"
          value={w.stage ?? 'production'}
          options={[
            { value: 'production', label: 'Production (N+1 reserve)' },
            { value: 'experiment', label: 'Experiment (no reserve)' },
          ]}
          onChange={(stage) =>
            set(
              stage === 'production'
                ? { stage, timeBoxMonths: undefined }
                : { stage, timeBoxMonths: w.timeBoxMonths },
            )
          }
        />
        {w.stage === 'experiment' && (
          <NumberField
            label="Time box"
            value={w.timeBoxMonths}
            optional
            integer
            min={1}
            max={120}
            unit="months"
            onCommit={(v) => set({ timeBoxMonths: v ?? undefined })}
          />
        )}
      </section>
      <section className="section">
        <h3>Request size</h3>
        <NumberField
          label="Prompt, mean"
          testId="input-mean"
          value={w.inputTokens.mean}
          min={1}
          max={10_000_000}
          unit="tokens"
          onCommit={(v) => set(withPromptMean(w, v ?? 1, 'keep'))}
        />
        <NumberField
          label="Prompt, p95"
          value={w.inputTokens.p95}
          optional
          min={w.inputTokens.mean}
          max={10_000_000}
          unit="tokens"
          onCommit={(v) => set({ inputTokens: withP95(w.inputTokens, v) })}
        />
        <NumberField
          label="Output, mean"
          testId="output-mean"
          value={w.outputTokens.mean}
          min={1}
          max={1_000_000}
          unit="tokens"
          onCommit={(v) => set(withOutputMean(w, v ?? 1, 'keep'))}
        />
        <NumberField
          label="Output, p95"
          value={w.outputTokens.p95}
          optional
          min={w.outputTokens.mean}
          max={1_000_000}
          unit="tokens"
          onCommit={(v) => set({ outputTokens: withP95(w.outputTokens, v) })}
        />
      </section>
      <section className="section">
        <h3>Caching and batching</h3>
        <NumberField
          label="Cacheable prefix"
          testId="prefix"
          value={w.promptCache.prefixTokens}
          min={0}
          max={w.inputTokens.mean}
          unit="tokens"
          hint="Shared system prompt or context at the start of every prompt"
          onCommit={(v) => set({ promptCache: { ...w.promptCache, prefixTokens: v ?? 0 } })}
        />
        <NumberField
          label="Prompt-cache hits"
          testId="cache-hit"
          value={w.promptCache.hitRate}
          percent
          min={0}
          max={1}
          onCommit={(v) => set({ promptCache: { ...w.promptCache, hitRate: v ?? 0 } })}
        />
        <NumberField
          label="Distinct prefixes"
          value={w.promptCache.distinctPrefixes}
          integer
          min={1}
          max={1e9}
          hint="Each keeps its own cache entry warm; more prefixes, fewer TTL hits"
          onCommit={(v) => set({ promptCache: { ...w.promptCache, distinctPrefixes: v ?? 1 } })}
        />
        <NumberField
          label="Response-cache hits"
          value={w.responseCacheHitRate}
          percent
          min={0}
          max={1}
          onCommit={(v) => set({ responseCacheHitRate: v ?? 0 })}
        />
        <NumberField
          label="Batch share"
          testId="batch-share"
          value={w.batchShare}
          percent
          min={0}
          max={1 - w.priorityShare}
          onCommit={(v) => set({ batchShare: v ?? 0 })}
        />
        <NumberField
          label="Priority share"
          value={w.priorityShare}
          percent
          min={0}
          max={1 - w.batchShare}
          onCommit={(v) => set({ priorityShare: v ?? 0 })}
        />
      </section>
      <section className="section">
        <h3>Self-hosting</h3>
        <SelectField<Precision>
          label="Weights"
          value={w.precision}
          options={PRECISION_OPTIONS}
          onChange={(precision) => set({ precision })}
        />
        <SelectField<Precision | 'auto'>
          label="KV cache"
          value={w.kvPrecision ?? 'auto'}
          options={[
            { value: 'auto', label: 'Auto' },
            ...PRECISION_OPTIONS.filter((o) => o.value !== 'int4' && o.value !== 'fp4'),
          ]}
          onChange={(kv) => set({ kvPrecision: kv === 'auto' ? undefined : kv })}
        />
      </section>
      <section className="section">
        <h3>Latency SLOs</h3>
        <NumberField
          label="Time to first token"
          testId="slo-ttft"
          value={w.slo.ttftMs}
          optional
          min={1}
          max={600_000}
          unit="ms"
          onCommit={(v) => set({ slo: { ...w.slo, ttftMs: v } })}
        />
        <NumberField
          label="Time per output token"
          value={w.slo.tpotMs}
          optional
          min={0.1}
          max={60_000}
          unit="ms"
          onCommit={(v) => set({ slo: { ...w.slo, tpotMs: v } })}
        />
        <NumberField
          label="End to end"
          value={w.slo.e2eMs}
          optional
          min={1}
          max={3_600_000}
          unit="ms"
          onCommit={(v) => set({ slo: { ...w.slo, e2eMs: v } })}
        />
      </section>
      <section className="section">
        <h3>Residency and quality</h3>
        <Chips
          testId="residency"
          options={RESIDENCY_ZONES.map((z) => ({ value: z, label: ZONE_LABELS[z] }))}
          selected={w.residency}
          onToggle={toggleZone}
        />
        <div className="hint faint" style={{ marginBottom: 8, fontSize: '0.85em' }}>
          {w.residency.length === 0 ? 'Any zone allowed' : 'Only the selected zones are allowed'}
        </div>
        <div className="field">
          <label htmlFor="allowed-regions">Allowed regions</label>
          <select
            id="allowed-regions"
            className="plain"
            multiple
            size={5}
            data-testid="allowed-regions"
            value={w.regions}
            onChange={(e) => set({ regions: Array.from(e.target.selectedOptions, (o) => o.value) })}
          >
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
          <div className="hint">
            {w.regions.length === 0
              ? 'Any region in an allowed zone'
              : `${w.regions.length} selected (Ctrl-click to change)`}
          </div>
        </div>
        <SelectField<string>
          label="Users near"
          value={locationId(w.userLocation)}
          options={[
            { value: 'none', label: 'Not set (no network time)' },
            ...(locationId(w.userLocation) === 'custom'
              ? [{ value: 'custom', label: 'From the scenario file' }]
              : []),
            ...USER_LOCATIONS.map((l) => ({ value: l.id, label: l.label })),
          ]}
          onChange={(id) => {
            const city = USER_LOCATIONS.find((l) => l.id === id);
            if (id === 'none') set({ userLocation: undefined });
            else if (city)
              set({ userLocation: { latitude: city.latitude, longitude: city.longitude } });
          }}
        />
        <SelectField<'none' | 'lmarena-text' | 'aider-polyglot'>
          label="Minimum quality"
          value={w.minQuality?.benchmark ?? 'none'}
          options={[
            { value: 'none', label: 'None' },
            { value: 'lmarena-text', label: 'LMArena text' },
            { value: 'aider-polyglot', label: 'Aider polyglot' },
          ]}
          onChange={(b) =>
            set({
              minQuality:
                b === 'none'
                  ? undefined
                  : {
                      benchmark: b,
                      score: w.minQuality?.score ?? (b === 'lmarena-text' ? 1300 : 50),
                      includeUnknown: w.minQuality?.includeUnknown ?? false,
                    },
            })
          }
        />
        {w.minQuality && (
          <NumberField
            label="Score at least"
            value={w.minQuality.score}
            min={0}
            max={5000}
            onCommit={(v) =>
              set({ minQuality: { ...w.minQuality!, score: v ?? 0, likeModelId: undefined } })
            }
          />
        )}
      </section>
    </div>
  );
}

function withP95(t: Workload['inputTokens'], p95: number | undefined): Workload['inputTokens'] {
  const { p95: _old, ...rest } = t;
  return p95 === undefined ? rest : { ...rest, p95 };
}
