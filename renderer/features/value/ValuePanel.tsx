import type { ValueAssumptions } from '../../../core/schema/value.ts';
import { NumberField, SelectField } from '../../components/NumberField.tsx';
import { updateValue, useWorkspace } from '../../stores/workspace-store.ts';
import { PLACEMENT_KINDS, VALUE_FIELDS as F } from './fields.ts';
import { OperationsPanel } from './OperationsPanel.tsx';
import { setupSource, withRequestValue } from './defaults.ts';
import { objectiveLabel, type Objective } from '../../../core/decision/objective.ts';
import { useUi } from '../../stores/ui-store.ts';

/** Sets (a new kind of) value per request, or clears it: ranking by NPV then falls back to cost. */
function setRequestValue(kind: 'none' | 'revenue' | 'timeSaved'): void {
  let changed: Objective | null = null;
  useWorkspace.getState().update((s) => {
    const next = withRequestValue(
      s,
      kind === 'none'
        ? undefined
        : kind === 'revenue'
          ? { kind, usdPerRequest: 0 }
          : { kind, minutesSavedPerRequest: 0, loadedUsdPerHour: 0 },
    );
    changed = next.objectiveChanged;
    return next.scenario;
  });
  if (changed !== null) {
    const s = useWorkspace.getState().scenario;
    useUi
      .getState()
      .toast(
        'info',
        `Ranking by ${objectiveLabel(changed, s.value.horizonMonths)}: NPV needs a value per request`,
      );
  }
}

/** What a request is worth, what launching costs and how long it takes: the ROI inputs. */
export function ValuePanel() {
  const v = useWorkspace((s) => s.scenario.value);
  const set = (patch: Partial<ValueAssumptions>) => updateValue(patch);
  const per = v.perRequest;
  return (
    <div data-testid="value-panel">
      <section className="section">
        <h3>Value per request</h3>
        <SelectField<'none' | 'revenue' | 'timeSaved'>
          label="Counted as"
          value={per?.kind ?? 'none'}
          options={[
            { value: 'none', label: 'Not set' },
            { value: 'timeSaved', label: 'Time saved' },
            { value: 'revenue', label: 'Revenue' },
          ]}
          onChange={(kind) => setRequestValue(kind)}
        />
        {per === undefined ? (
          <p className="hint" data-testid="value-unset">
            Not set: net value, payback, NPV and ROI stay blank rather than made up. Set what a
            request is worth to see them (and to rank by NPV).
          </p>
        ) : per.kind === 'revenue' ? (
          <NumberField
            field={F.revenue}
            value={per.usdPerRequest}
            unit="$/request"
            onCommit={(usdPerRequest) => set({ perRequest: { ...per, usdPerRequest } })}
          />
        ) : (
          <>
            <NumberField
              field={F.minutesSaved}
              value={per.minutesSavedPerRequest}
              unit="min"
              onCommit={(minutesSavedPerRequest) =>
                set({ perRequest: { ...per, minutesSavedPerRequest } })
              }
            />
            <NumberField
              field={F.loadedRate}
              value={per.loadedUsdPerHour}
              unit="$/hour"
              onCommit={(loadedUsdPerHour) => set({ perRequest: { ...per, loadedUsdPerHour } })}
            />
          </>
        )}
        <NumberField
          field={F.successRate}
          value={v.successRate}
          percent
          hint="Share of requests that achieve the outcome"
          onCommit={(successRate) => set({ successRate })}
        />
      </section>
      <section className="section">
        <h3>Setup and launch</h3>
        <p className="hint" data-testid="setup-defaults">
          {PLACEMENT_KINDS.every((k) => {
            const d = setupSource(v, k);
            return d.setup === 'default' && d.launch === 'default';
          })
            ? 'These are the app’s defaults for a new scenario, counted in every total cost: replace them with your own.'
            : 'Counted once in every total cost, and the launch delays the first served month.'}
        </p>
        {PLACEMENT_KINDS.map((k) => (
          <div key={k}>
            <NumberField
              field={F.setupUsd[k]}
              value={v.setupUsd[k]}
              unit="$"
              onCommit={(x) => set({ setupUsd: { ...v.setupUsd, [k]: x } })}
            />
            <NumberField
              field={F.weeksToLaunch[k]}
              value={v.weeksToLaunch[k]}
              unit="weeks"
              onCommit={(x) => set({ weeksToLaunch: { ...v.weeksToLaunch, [k]: x } })}
            />
          </div>
        ))}
      </section>
      <section className="section">
        <h3>Horizon</h3>
        <NumberField
          field={F.horizonMonths}
          value={v.horizonMonths}
          unit="months"
          onCommit={(horizonMonths) => set({ horizonMonths })}
        />
        <NumberField
          field={F.discountRateAnnual}
          value={v.discountRateAnnual}
          percent
          unit="%/yr"
          onCommit={(discountRateAnnual) => set({ discountRateAnnual })}
        />
      </section>
      <OperationsPanel />
    </div>
  );
}
