import type { ValueAssumptions } from '../../../core/schema/value.ts';
import { NumberField, SelectField } from '../../components/NumberField.tsx';
import { updateValue, useWorkspace } from '../../stores/workspace-store.ts';
import { OperationsPanel } from './OperationsPanel.tsx';

const KINDS = [
  { key: 'api', label: 'Hosted API' },
  { key: 'cloud', label: 'Rented GPUs' },
  { key: 'onprem', label: 'Owned GPUs' },
] as const;

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
            label="Revenue"
            value={per.usdPerRequest}
            min={0}
            max={1e6}
            unit="$/request"
            onCommit={(x) => set({ perRequest: { ...per, usdPerRequest: x ?? 0 } })}
          />
        ) : (
          <>
            <NumberField
              label="Minutes saved"
              value={per.minutesSavedPerRequest}
              min={0}
              max={10_000}
              unit="min"
              onCommit={(x) => set({ perRequest: { ...per, minutesSavedPerRequest: x ?? 0 } })}
            />
            <NumberField
              label="Loaded rate"
              value={per.loadedUsdPerHour}
              min={0}
              max={10_000}
              unit="$/hour"
              onCommit={(x) => set({ perRequest: { ...per, loadedUsdPerHour: x ?? 0 } })}
            />
          </>
        )}
        <NumberField
          label="Success rate"
          value={v.successRate}
          percent
          min={0}
          max={1}
          hint="Share of requests that achieve the outcome"
          onCommit={(x) => set({ successRate: x ?? 1 })}
        />
      </section>
      <section className="section">
        <h3>Setup and launch</h3>
        {KINDS.map((k) => (
          <div key={k.key}>
            <NumberField
              label={`${k.label} setup`}
              value={v.setupUsd[k.key]}
              min={0}
              max={1e10}
              unit="$"
              onCommit={(x) => set({ setupUsd: { ...v.setupUsd, [k.key]: x ?? 0 } })}
            />
            <NumberField
              label={`${k.label} launch`}
              value={v.weeksToLaunch[k.key]}
              min={0}
              max={520}
              unit="weeks"
              onCommit={(x) => set({ weeksToLaunch: { ...v.weeksToLaunch, [k.key]: x ?? 0 } })}
            />
          </div>
        ))}
      </section>
      <section className="section">
        <h3>Horizon</h3>
        <NumberField
          label="Horizon"
          value={v.horizonMonths}
          integer
          min={1}
          max={120}
          unit="months"
          onCommit={(x) => set({ horizonMonths: x ?? 36 })}
        />
        <NumberField
          label="Discount rate"
          value={v.discountRateAnnual}
          percent
          min={0}
          max={1}
          unit="%/yr"
          onCommit={(x) => set({ discountRateAnnual: x ?? 0.1 })}
        />
      </section>
      <OperationsPanel />
    </div>
  );
}
