import { useMemo } from 'react';
import { ENGINES, type Engine } from '../../../core/schema/common.ts';
import { PRICING_MODELS, type PricingModel } from '../../../core/schema/catalog.ts';
import { EFFORTS, type Effort } from '../../../core/schema/reasoning.ts';
import type { CandidateSweep, Scenario } from '../../../core/schema/scenario.ts';
import { Chips, NumberField, SelectField } from '../../components/NumberField.tsx';
import { useCatalog } from '../../stores/catalog-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { candidateOptions } from './candidate-options.ts';
import { CustomOfferingForm } from './CustomOfferingForm.tsx';
import { FilterChips } from './FilterChips.tsx';
import { ProvisionedQuoteForm } from './ProvisionedQuoteForm.tsx';
import { CANDIDATE_FIELDS as F } from './fields.ts';
import { PLACEMENT_KIND_LABELS, sweptKinds, togglePlacementKind } from './placement-kinds.ts';
import { ONPREM_DEFAULTS } from './sweep-defaults.ts';

const PRICING_LABELS: Record<PricingModel, string> = {
  onDemand: 'On-demand',
  spot: 'Spot',
  commit1y: '1-year',
  commit3y: '3-year',
};
const ENGINE_LABELS: Record<Engine, string> = {
  vllm: 'vLLM',
  trtllm: 'TensorRT-LLM',
  sglang: 'SGLang',
  tgi: 'TGI',
};

/** The owned-GPU assumptions the form shows; each reads its label, limits and default from the schema. */
const ONPREM_ASSUMPTIONS = [
  { key: 'amortizationMonths', unit: 'months', hint: undefined },
  { key: 'powerUsdPerKwh', unit: '$/kWh', hint: undefined },
  { key: 'pue', unit: '', hint: undefined },
  {
    key: 'colocationUsdPerKwMonth',
    unit: '$/kW·mo',
    hint: 'Per kW of server rating (CBRE H2 2024 average asking rate by default)',
  },
] as const;

type Sweep = NonNullable<Scenario['sweep']>;
const NO_EFFORTS: readonly Effort[] = [];
function updateSweep(edit: (s: Sweep) => Sweep): void {
  useWorkspace.getState().update((s) => ({ ...s, sweep: edit(s.sweep ?? {}) }));
}

/** Which catalog candidates enter the comparison, plus custom ones and the budget. */
export function CandidatesPanel() {
  const sweep = useWorkspace((s) => s.scenario.sweep);
  const budget = useWorkspace((s) => s.scenario.constraints.maxMonthlyUsd);
  const explicit = useWorkspace((s) => s.scenario.candidates.length);
  const catalog = useCatalog((s) => s.snapshot?.catalog);
  const options = useMemo(() => (catalog ? candidateOptions(catalog) : null), [catalog]);
  if (options === null) return null;
  const api = sweep?.api;
  const cloud = sweep?.cloud;
  const onprem = sweep?.onprem;
  const setPart = <K extends keyof CandidateSweep>(key: K, value: CandidateSweep[K] | undefined) =>
    updateSweep((s) => {
      const next = { ...s };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  return (
    <div data-testid="candidates-panel">
      <section className="section">
        <h3>Placements</h3>
        <Chips
          testId="placement-kinds"
          options={(['api', 'cloud', 'onprem'] as const).map((k) => ({
            value: k,
            label: PLACEMENT_KIND_LABELS[k],
          }))}
          selected={sweptKinds(sweep)}
          onToggle={togglePlacementKind}
        />
        <NumberField
          field={F.budget}
          value={budget}
          optional
          unit="$/month"
          hint="Candidates above it are marked over budget"
          onCommit={(v) =>
            useWorkspace
              .getState()
              .update((s) => ({ ...s, constraints: v === undefined ? {} : { maxMonthlyUsd: v } }))
          }
        />
      </section>
      <section className="section">
        <h3>Reasoning efforts to compare</h3>
        <Chips
          testId="compare-efforts"
          options={EFFORTS.map((e) => ({ value: e, label: e }))}
          selected={sweep?.efforts ?? NO_EFFORTS}
          onToggle={(e) => {
            const now = sweep?.efforts ?? NO_EFFORTS;
            const next = now.includes(e) ? now.filter((x) => x !== e) : [...now, e];
            // Kept in the scale's order, so candidates list from least to most reasoning.
            setPart(
              'efforts',
              EFFORTS.filter((x) => next.includes(x)),
            );
          }}
        />
        <div className="hint faint" style={{ fontSize: '0.85em' }}>
          {(sweep?.efforts ?? NO_EFFORTS).length === 0
            ? 'None: each reasoning model runs at the workload’s effort'
            : 'Each reasoning model is a candidate per listed level it offers'}
        </div>
      </section>
      {api && (
        <section className="section">
          <h3>Hosted APIs</h3>
          <FilterChips
            title="Providers"
            testId="filter-providers"
            options={options.providers}
            selected={api.providers}
            onChange={(providers) => setPart('api', { ...api, providers })}
          />
          <FilterChips
            title="Model families"
            options={options.families}
            selected={api.families}
            onChange={(families) => setPart('api', { ...api, families })}
          />
          <Chips
            testId="api-provisioned"
            options={[{ value: 'provisioned', label: 'Provisioned throughput terms too' }]}
            selected={api.provisioned ? ['provisioned'] : []}
            onToggle={() => setPart('api', { ...api, provisioned: !api.provisioned })}
          />
        </section>
      )}
      {cloud && (
        <section className="section">
          <h3>Rented GPUs</h3>
          <FilterChips
            title="Clouds"
            testId="filter-clouds"
            options={options.clouds}
            selected={cloud.clouds}
            onChange={(clouds) => setPart('cloud', { ...cloud, clouds })}
          />
          <FilterChips
            title="GPUs"
            options={options.gpus}
            selected={cloud.gpus}
            onChange={(gpus) => setPart('cloud', { ...cloud, gpus })}
          />
          <FilterChips
            title="Model families"
            options={options.openFamilies}
            selected={cloud.families}
            onChange={(families) => setPart('cloud', { ...cloud, families })}
          />
          <div className="muted" style={{ marginBottom: 4 }}>
            Pricing
          </div>
          <Chips
            options={PRICING_MODELS.map((p) => ({ value: p, label: PRICING_LABELS[p] }))}
            selected={cloud.pricing}
            onToggle={(p) => {
              const pricing = cloud.pricing.includes(p)
                ? cloud.pricing.filter((x) => x !== p)
                : [...cloud.pricing, p];
              if (pricing.length > 0) setPart('cloud', { ...cloud, pricing });
            }}
          />
          {cloud.pricing.some((p) => p === 'commit1y' || p === 'commit3y') && (
            <SelectField<'onDemand' | 'spot'>
              label="Above the committed base"
              testId="commit-burst"
              value={cloud.burst}
              options={[
                { value: 'onDemand', label: 'On demand' },
                { value: 'spot', label: 'Spot (with interruptions)' },
              ]}
              onChange={(burst) => setPart('cloud', { ...cloud, burst })}
            />
          )}
          <SelectField<'cheapest' | 'every'>
            label="Regions"
            value={cloud.regionChoice}
            options={[
              { value: 'cheapest', label: 'Cheapest allowed per type' },
              { value: 'every', label: 'Every region' },
            ]}
            onChange={(regionChoice) => setPart('cloud', { ...cloud, regionChoice })}
          />
          <SelectField<Engine>
            label="Serving engine"
            value={cloud.engine}
            options={ENGINES.map((e) => ({ value: e, label: ENGINE_LABELS[e] }))}
            onChange={(engine) => setPart('cloud', { ...cloud, engine })}
          />
          <SelectField<'autoscale' | 'fixed'>
            label="Scaling"
            value={cloud.scaling}
            options={[
              { value: 'autoscale', label: 'Autoscale with demand' },
              { value: 'fixed', label: 'Fixed at peak' },
            ]}
            onChange={(scaling) => setPart('cloud', { ...cloud, scaling })}
          />
          <NumberField
            field={F.cloudMinReplicas}
            value={cloud.minReplicas}
            unit="replicas"
            onCommit={(minReplicas) => setPart('cloud', { ...cloud, minReplicas })}
          />
        </section>
      )}
      {onprem && (
        <section className="section">
          <h3>Owned GPUs</h3>
          <FilterChips
            title="GPUs"
            options={options.ownedGpus}
            selected={onprem.gpus}
            onChange={(gpus) => setPart('onprem', { ...onprem, gpus })}
          />
          <FilterChips
            title="Model families"
            options={options.openFamilies}
            selected={onprem.families}
            onChange={(families) => setPart('onprem', { ...onprem, families })}
          />
          {ONPREM_ASSUMPTIONS.map(({ key, unit, hint }) => (
            <NumberField
              key={key}
              field={F[key]}
              value={onprem.assumptions[key] ?? ONPREM_DEFAULTS[key]}
              unit={unit}
              hint={hint}
              onCommit={(v) =>
                setPart('onprem', { ...onprem, assumptions: { ...onprem.assumptions, [key]: v } })
              }
            />
          ))}
          <NumberField
            field={F.staffUsdPerMonth}
            value={onprem.assumptions.staffUsdPerMonth}
            optional
            unit="$/month"
            hint="Empty: FTE × loaded cost from the operations assumptions"
            onCommit={(v) => {
              const { staffUsdPerMonth: _unset, ...rest } = onprem.assumptions;
              setPart('onprem', {
                ...onprem,
                assumptions: v === undefined ? rest : { ...rest, staffUsdPerMonth: v },
              });
            }}
          />
        </section>
      )}
      <section className="section">
        <h3>Custom offering {explicit > 0 && <span className="faint">({explicit} added)</span>}</h3>
        <CustomOfferingForm />
      </section>
      <section className="section">
        <h3>Provisioned throughput at your figures</h3>
        <ProvisionedQuoteForm />
      </section>
    </div>
  );
}
