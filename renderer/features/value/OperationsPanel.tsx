import type { Operations } from '../../../core/schema/operations.ts';
import { NumberField } from '../../components/NumberField.tsx';
import { updateOperations, useWorkspace } from '../../stores/workspace-store.ts';

/**
 * What running a self-hosted model costs besides its GPUs, and what keeping it available takes:
 * one block for rented and owned placements alike (the detail of each row cites the sources).
 */
export function OperationsPanel() {
  const o = useWorkspace((s) => s.scenario.operations);
  const set = (patch: Partial<Operations>) => updateOperations(patch);
  const staff = o.staff;
  const a = o.availability;
  return (
    <div data-testid="operations-panel">
      <section className="section">
        <h3>Operations staff</h3>
        <NumberField
          label="Loaded cost"
          testId="staff-cost"
          value={staff.usdPerFteYear}
          min={0}
          max={10_000_000}
          unit="$/FTE-year"
          onCommit={(x) => set({ staff: { ...staff, usdPerFteYear: x ?? 0 } })}
        />
        <NumberField
          label="Rented GPUs"
          value={staff.fte.cloud}
          min={0}
          max={1000}
          unit="FTE"
          onCommit={(x) => set({ staff: { ...staff, fte: { ...staff.fte, cloud: x ?? 0 } } })}
        />
        <NumberField
          label="Owned GPUs"
          value={staff.fte.onprem}
          min={0}
          max={1000}
          unit="FTE"
          onCommit={(x) => set({ staff: { ...staff, fte: { ...staff.fte, onprem: x ?? 0 } } })}
        />
        <NumberField
          label="Per owned GPU"
          value={staff.ftePerOwnedGpu}
          min={0}
          max={10}
          unit="FTE"
          onCommit={(x) => set({ staff: { ...staff, ftePerOwnedGpu: x ?? 0 } })}
        />
      </section>
      <section className="section">
        <h3>Running costs</h3>
        <NumberField
          label="Weights storage"
          value={o.storageUsdPerGBMonth}
          min={0}
          max={100}
          unit="$/GB-month"
          onCommit={(x) => set({ storageUsdPerGBMonth: x ?? 0 })}
        />
        <NumberField
          label="Egress"
          value={o.egressUsdPerGB}
          min={0}
          max={100}
          unit="$/GB"
          onCommit={(x) => set({ egressUsdPerGB: x ?? 0 })}
        />
        <NumberField
          label="Response size"
          value={o.egressBytesPerOutputToken}
          min={0}
          max={100_000}
          unit="B/token"
          onCommit={(x) => set({ egressBytesPerOutputToken: x ?? 0 })}
        />
        <NumberField
          label="Monitoring"
          value={o.monitoringUsdPerHostMonth}
          min={0}
          max={100_000}
          unit="$/host-month"
          onCommit={(x) => set({ monitoringUsdPerHostMonth: x ?? 0 })}
        />
      </section>
      <section className="section">
        <h3>Availability</h3>
        <NumberField
          label="Reserve (production)"
          testId="reserve-replicas"
          value={a.reserveReplicas}
          integer
          min={0}
          max={1000}
          unit="replicas"
          hint="N+1: one spare replica kept warm; experiments keep none"
          onCommit={(x) => set({ availability: { ...a, reserveReplicas: x ?? 0 } })}
        />
        <NumberField
          label="Headroom (production)"
          value={a.reserveHeadroom}
          percent
          min={0}
          max={10}
          onCommit={(x) => set({ availability: { ...a, reserveHeadroom: x ?? 0 } })}
        />
        <NumberField
          label="Weights load"
          value={a.weightsLoadGBps}
          min={0.001}
          max={1000}
          unit="GB/s"
          onCommit={(x) => set({ availability: { ...a, weightsLoadGBps: x ?? 1.6 } })}
        />
        <NumberField
          label="Engine start"
          value={a.engineStartS}
          min={0}
          max={3600}
          unit="s"
          onCommit={(x) => set({ availability: { ...a, engineStartS: x ?? 0 } })}
        />
        <NumberField
          label="Spot reclaimed"
          value={o.spot.interruptionsPerMonth}
          percent
          min={0}
          max={1}
          unit="/month"
          onCommit={(x) => set({ spot: { ...o.spot, interruptionsPerMonth: x ?? 0 } })}
        />
        <NumberField
          label="On-demand fallback"
          value={o.spot.fallbackHours}
          min={0}
          max={730}
          unit="h each"
          onCommit={(x) => set({ spot: { ...o.spot, fallbackHours: x ?? 0 } })}
        />
      </section>
    </div>
  );
}
