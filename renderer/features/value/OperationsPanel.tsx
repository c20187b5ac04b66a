import type { Operations } from '../../../core/schema/operations.ts';
import { NumberField } from '../../components/NumberField.tsx';
import { updateOperations, useWorkspace } from '../../stores/workspace-store.ts';
import { OPERATIONS_FIELDS as F } from './fields.ts';

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
          field={F.usdPerFteYear}
          testId="staff-cost"
          value={staff.usdPerFteYear}
          unit="$/FTE-year"
          onCommit={(usdPerFteYear) => set({ staff: { ...staff, usdPerFteYear } })}
        />
        <NumberField
          field={F.fteCloud}
          value={staff.fte.cloud}
          unit="FTE"
          onCommit={(cloud) => set({ staff: { ...staff, fte: { ...staff.fte, cloud } } })}
        />
        <NumberField
          field={F.fteOnprem}
          value={staff.fte.onprem}
          unit="FTE"
          onCommit={(onprem) => set({ staff: { ...staff, fte: { ...staff.fte, onprem } } })}
        />
        <NumberField
          field={F.ftePerOwnedGpu}
          value={staff.ftePerOwnedGpu}
          unit="FTE"
          onCommit={(ftePerOwnedGpu) => set({ staff: { ...staff, ftePerOwnedGpu } })}
        />
      </section>
      <section className="section">
        <h3>Running costs</h3>
        <NumberField
          field={F.storageUsdPerGBMonth}
          value={o.storageUsdPerGBMonth}
          unit="$/GB-month"
          onCommit={(storageUsdPerGBMonth) => set({ storageUsdPerGBMonth })}
        />
        <NumberField
          field={F.egressUsdPerGB}
          value={o.egressUsdPerGB}
          unit="$/GB"
          onCommit={(egressUsdPerGB) => set({ egressUsdPerGB })}
        />
        <NumberField
          field={F.egressBytesPerOutputToken}
          value={o.egressBytesPerOutputToken}
          unit="B/token"
          onCommit={(egressBytesPerOutputToken) => set({ egressBytesPerOutputToken })}
        />
        <NumberField
          field={F.monitoringUsdPerHostMonth}
          value={o.monitoringUsdPerHostMonth}
          unit="$/host-month"
          onCommit={(monitoringUsdPerHostMonth) => set({ monitoringUsdPerHostMonth })}
        />
      </section>
      <section className="section">
        <h3>Availability</h3>
        <NumberField
          field={F.reserveReplicas}
          testId="reserve-replicas"
          value={a.reserveReplicas}
          unit="replicas"
          hint="N+1: one spare replica kept warm; experiments keep none"
          onCommit={(reserveReplicas) => set({ availability: { ...a, reserveReplicas } })}
        />
        <NumberField
          field={F.reserveHeadroom}
          value={a.reserveHeadroom}
          percent
          onCommit={(reserveHeadroom) => set({ availability: { ...a, reserveHeadroom } })}
        />
        <NumberField
          field={F.weightsLoadGBps}
          value={a.weightsLoadGBps}
          unit="GB/s"
          onCommit={(weightsLoadGBps) => set({ availability: { ...a, weightsLoadGBps } })}
        />
        <NumberField
          field={F.engineStartS}
          value={a.engineStartS}
          unit="s"
          onCommit={(engineStartS) => set({ availability: { ...a, engineStartS } })}
        />
        <NumberField
          field={F.interruptionsPerMonth}
          value={o.spot.interruptionsPerMonth}
          percent
          unit="/month"
          onCommit={(interruptionsPerMonth) => set({ spot: { ...o.spot, interruptionsPerMonth } })}
        />
        <NumberField
          field={F.fallbackHours}
          value={o.spot.fallbackHours}
          unit="h each"
          onCommit={(fallbackHours) => set({ spot: { ...o.spot, fallbackHours } })}
        />
      </section>
    </div>
  );
}
