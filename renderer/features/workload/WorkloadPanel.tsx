import { useMemo } from 'react';
import {
  RESIDENCY_ZONES,
  type Precision,
  type ResidencyZone,
} from '../../../core/schema/common.ts';
import type { Workload } from '../../../core/schema/workload.ts';
import { withOutputMean, withPromptMean } from '../../../core/workload/derive.ts';
import { CheckField, Chips, NumberField, SelectField } from '../../components/NumberField.tsx';
import { BENCHMARKS, type Benchmark } from '../../../core/schema/catalog.ts';
import { benchmarkName } from '../../../core/sweep/constraints.ts';
import { formatNumber } from '../../../core/format.ts';
import { useResults } from '../../stores/results-store.ts';
import {
  floorHint,
  floorLike,
  floorOnBenchmark,
  scoredModels,
  type ScoredModel,
} from './quality-floor.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { updateWorkload, useWorkspace } from '../../stores/workspace-store.ts';
import { WORKLOAD_FIELDS as F, WORKLOAD_LABELS as L } from './fields.ts';
import { locationId, USER_LOCATIONS } from './places.ts';
import { PRECISION_OPTIONS, toggledZones, ZONE_LABELS } from './choices.ts';
import { ReasoningSection, TaskSection } from './ReasoningFields.tsx';
import { prefixCapWarning } from './prefix-cap.ts';

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
  const index = useResults((s) => (s.evaluation?.ok ? s.evaluation.index : null));
  const scoredOn = (b: Benchmark) =>
    index === null ? [] : scoredModels(index.quality, index.models, b);
  const toggleZone = (zone: ResidencyZone) => set({ residency: toggledZones(w.residency, zone) });
  return (
    <div data-testid="workload-panel">
      <section className="section">
        <h3>Volume</h3>
        <NumberField
          field={F.requests}
          testId="requests"
          value={w.requests.count}
          unit={`/${w.requests.per}`}
          onCommit={(count) => set({ requests: { ...w.requests, count } })}
        />
        <SelectField
          label={L.per.label}
          value={w.requests.per}
          options={[
            { value: 'day', label: 'Day (active days)' },
            { value: 'month', label: 'Month' },
          ]}
          onChange={(per) => set({ requests: { ...w.requests, per } })}
        />
        <NumberField
          field={F.peakToAverage}
          value={w.peakToAverage}
          unit="×"
          onCommit={(peakToAverage) => set({ peakToAverage })}
        />
        <NumberField
          field={F.hoursPerDay}
          value={w.schedule.hoursPerDay}
          unit="h/day"
          onCommit={(hoursPerDay) => set({ schedule: { ...w.schedule, hoursPerDay } })}
        />
        <NumberField
          field={F.daysPerWeek}
          value={w.schedule.daysPerWeek}
          unit="d/week"
          onCommit={(daysPerWeek) => set({ schedule: { ...w.schedule, daysPerWeek } })}
        />
        <NumberField
          field={F.startHour}
          testId="start-hour"
          value={w.schedule.startHour}
          unit=":00"
          onCommit={(startHour) => set({ schedule: { ...w.schedule, startHour } })}
        />
        <NumberField
          field={F.monthlyGrowthPct}
          testId="growth"
          value={w.monthlyGrowthPct}
          unit="%"
          onCommit={(monthlyGrowthPct) => set({ monthlyGrowthPct })}
        />
        <SelectField<'production' | 'experiment'>
          label={L.stage.label}
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
            field={F.timeBoxMonths}
            value={w.timeBoxMonths}
            optional
            unit="months"
            onCommit={(timeBoxMonths) => set({ timeBoxMonths })}
          />
        )}
      </section>
      <section className="section">
        <h3>Request size</h3>
        <NumberField
          field={F.promptMean}
          testId="input-mean"
          value={w.inputTokens.mean}
          unit="tokens"
          onCommit={(mean) => set(withPromptMean(w, mean, 'keep'))}
        />
        <NumberField
          field={F.promptP95}
          value={w.inputTokens.p95}
          optional
          min={w.inputTokens.mean}
          unit="tokens"
          onCommit={(p95) => set({ inputTokens: withP95(w.inputTokens, p95) })}
        />
        <NumberField
          field={F.outputMean}
          testId="output-mean"
          value={w.outputTokens.mean}
          unit="tokens"
          onCommit={(mean) => set(withOutputMean(w, mean, 'keep'))}
        />
        <NumberField
          field={F.outputP95}
          value={w.outputTokens.p95}
          optional
          min={w.outputTokens.mean}
          unit="tokens"
          onCommit={(p95) => set({ outputTokens: withP95(w.outputTokens, p95) })}
        />
      </section>
      <ReasoningSection w={w} />
      <TaskSection w={w} />
      <section className="section">
        <h3>Caching and batching</h3>
        <NumberField
          field={F.prefixTokens}
          testId="prefix"
          value={w.promptCache.prefixTokens}
          unit="tokens"
          hint="Shared system prompt or context at the start of every prompt"
          warning={prefixCapWarning(w)}
          onCommit={(prefixTokens) => set({ promptCache: { ...w.promptCache, prefixTokens } })}
        />
        <NumberField
          field={F.promptCacheHitRate}
          testId="cache-hit"
          value={w.promptCache.hitRate}
          percent
          onCommit={(hitRate) => set({ promptCache: { ...w.promptCache, hitRate } })}
        />
        <NumberField
          field={F.distinctPrefixes}
          value={w.promptCache.distinctPrefixes}
          hint="Each keeps its own cache entry warm; more prefixes, fewer TTL hits"
          onCommit={(distinctPrefixes) =>
            set({ promptCache: { ...w.promptCache, distinctPrefixes } })
          }
        />
        <NumberField
          field={F.responseCacheHitRate}
          value={w.responseCacheHitRate}
          percent
          onCommit={(responseCacheHitRate) => set({ responseCacheHitRate })}
        />
        <NumberField
          field={F.batchShare}
          testId="batch-share"
          value={w.batchShare}
          percent
          max={1 - w.priorityShare}
          onCommit={(batchShare) => set({ batchShare })}
        />
        <NumberField
          field={F.priorityShare}
          value={w.priorityShare}
          percent
          max={1 - w.batchShare}
          onCommit={(priorityShare) => set({ priorityShare })}
        />
      </section>
      <section className="section">
        <h3>Self-hosting</h3>
        <SelectField<Precision>
          label={L.precision.label}
          value={w.precision}
          options={PRECISION_OPTIONS}
          onChange={(precision) => set({ precision })}
        />
        <SelectField<Precision | 'auto'>
          label={L.kvPrecision.label}
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
          field={F.ttftMs}
          testId="slo-ttft"
          value={w.slo.ttftMs}
          optional
          unit="ms"
          onCommit={(ttftMs) => set({ slo: { ...w.slo, ttftMs } })}
        />
        <SelectField<'visible' | 'first'>
          label={L.ttftOf.label}
          testId="slo-ttft-of"
          value={w.slo.ttftOf}
          options={[
            { value: 'visible', label: 'First visible token (after reasoning)' },
            { value: 'first', label: 'First token streamed' },
          ]}
          onChange={(ttftOf) => set({ slo: { ...w.slo, ttftOf } })}
        />
        <NumberField
          field={F.tpotMs}
          value={w.slo.tpotMs}
          optional
          unit="ms"
          onCommit={(tpotMs) => set({ slo: { ...w.slo, tpotMs } })}
        />
        <NumberField
          field={F.e2eMs}
          value={w.slo.e2eMs}
          optional
          unit="ms"
          onCommit={(e2eMs) => set({ slo: { ...w.slo, e2eMs } })}
        />
        <CheckField
          testId="slo-include-unknown"
          checked={w.slo.includeUnknown}
          label="Include hosted APIs with no latency figure"
          hint="Ranked and marked “unknown”, never counted as meeting the SLO"
          onChange={(includeUnknown) => set({ slo: { ...w.slo, includeUnknown } })}
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
        <SelectField<Benchmark | 'none'>
          label="Minimum quality"
          testId="min-quality-benchmark"
          value={w.minQuality?.benchmark ?? 'none'}
          options={[
            { value: 'none', label: 'None' },
            ...BENCHMARKS.map((b) => ({ value: b, label: benchmarkName(b) })),
          ]}
          onChange={(b) =>
            set({
              minQuality: b === 'none' ? undefined : floorOnBenchmark(w.minQuality, b, scoredOn(b)),
            })
          }
        />
        {w.minQuality && (
          <QualityFloor min={w.minQuality} models={scoredOn(w.minQuality.benchmark)} />
        )}
      </section>
    </div>
  );
}

/** The score floor: typed, or "at least as good as" a model that has a score on the benchmark. */
function QualityFloor(props: {
  min: NonNullable<Workload['minQuality']>;
  models: readonly ScoredModel[];
}) {
  const { min, models } = props;
  const set = (minQuality: Workload['minQuality']) => updateWorkload({ minQuality });
  return (
    <>
      {/* The select is narrow: the snapshot's whole name, since scores differ by snapshot. */}
      <div className="field">
        <div className="hint" data-testid="min-quality-snapshot">
          {benchmarkName(min.benchmark)}: scores of this snapshot only
        </div>
      </div>
      <SelectField<string>
        label="At least as good as"
        testId="min-quality-like"
        wide
        value={models.some((m) => m.modelId === min.likeModelId) ? (min.likeModelId as string) : ''}
        options={[
          { value: '', label: 'A score I type' },
          ...models.map((m) => ({
            value: m.modelId,
            label: `${m.name} (${formatNumber(m.score)})`,
          })),
        ]}
        onChange={(id) => {
          const model = models.find((m) => m.modelId === id);
          set(model ? floorLike(min, model) : { ...min, likeModelId: undefined });
        }}
      />
      <NumberField
        field={F.minQualityScore}
        testId="min-quality-score"
        value={min.score}
        hint={floorHint(min, models)}
        onCommit={(score) => set({ ...min, score, likeModelId: undefined })}
      />
      <CheckField
        testId="quality-include-unknown"
        checked={min.includeUnknown}
        label="Include models with no score"
        hint="Ranked and marked “unknown”, never counted as meeting the minimum"
        onChange={(includeUnknown) => set({ ...min, includeUnknown })}
      />
    </>
  );
}

function withP95(t: Workload['inputTokens'], p95: number | undefined): Workload['inputTokens'] {
  const { p95: _old, ...rest } = t;
  return p95 === undefined ? rest : { ...rest, p95 };
}
