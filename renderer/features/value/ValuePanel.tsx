import type { ValueAssumptions } from '../../../core/schema/value.ts';
import { NumberField, SelectField } from '../../components/NumberField.tsx';
import { updateValue, useWorkspace } from '../../stores/workspace-store.ts';
import { PLACEMENT_KINDS, VALUE_FIELDS as F } from './fields.ts';
import { OperationsPanel } from './OperationsPanel.tsx';

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
          onChange={(kind) =>
            set({
              perRequest:
                kind === 'none'
                  ? undefined
                  : kind === 'revenue'
                    ? { kind, usdPerRequest: 0 }
                    : { kind, minutesSavedPerRequest: 0, loadedUsdPerHour: 0 },
            })
          }
        />
        {per === undefined ? (
          <p className="hint" data-testid="value-unset">
            Set a value per request to see net value, payback and NPV.
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
