import { useEffect, useRef } from 'react';
import { useUi } from '../../stores/ui-store.ts';
import { CandidatesPanel } from '../candidates/CandidatesPanel.tsx';
import { Charts } from '../charts/Charts.tsx';
import { CandidateDetails } from '../details/CandidateDetails.tsx';
import { RangesPanel } from '../uncertainty/RangesPanel.tsx';
import { UncertaintyCard } from '../uncertainty/UncertaintyCard.tsx';
import { ValuePanel } from '../value/ValuePanel.tsx';
import { VendorTable } from '../vendors/VendorTable.tsx';
import { WhatIfBar } from '../whatif/WhatIfBar.tsx';
import { WorkloadPanel } from '../workload/WorkloadPanel.tsx';
import { WorkloadSwitcher } from '../portfolio/WorkloadSwitcher.tsx';
import { CompareTable } from './CompareTable.tsx';
import { WhyPanel } from '../why/WhyPanel.tsx';
import { Summary } from './Summary.tsx';
import { DeltaView, SnapshotStrip } from '../workshop/SnapshotStrip.tsx';

const PANELS = [
  { key: 'workload', label: 'Workload' },
  { key: 'candidates', label: 'Candidates' },
  { key: 'value', label: 'Value' },
  { key: 'ranges', label: 'Ranges' },
] as const;

/**
 * Workload on the left; on the right the answer, the what-ifs, why it is the answer, the ranked
 * table and the charts.
 */
export function CompareView() {
  const panel = useUi((s) => s.panel);
  const presenter = useUi((s) => s.presenter);
  const inputsOpen = useUi((s) => s.inputsOpen);
  // In presenter mode the inputs are a drawer over the answer, open only when asked for.
  const drawer = presenter ? (inputsOpen ? 'open' : 'closed') : 'side';
  const aside = useRef<HTMLElement>(null);
  useEffect(() => {
    if (drawer !== 'open') return;
    // Opened: focus goes into the drawer; Escape (from anywhere) closes it.
    aside.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && document.querySelector('[role="dialog"]') === null) {
        useUi.getState().toggleInputs();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drawer]);
  return (
    <div className="workspace" data-inputs={drawer}>
      {drawer === 'open' && (
        <div
          className="drawer-backdrop"
          aria-hidden="true"
          onClick={() => useUi.getState().toggleInputs()}
        />
      )}
      <aside
        ref={aside}
        className="sidebar"
        aria-label="Scenario inputs"
        data-testid="inputs"
        hidden={drawer === 'closed'}
      >
        {drawer === 'open' && (
          <div className="drawer-head">
            <span className="card-title">Scenario inputs</span>
            <span className="spacer" />
            <button
              type="button"
              className="btn"
              data-testid="close-inputs"
              title="Close (I or Escape)"
              onClick={() => useUi.getState().toggleInputs()}
            >
              Close
            </button>
          </div>
        )}
        <WorkloadSwitcher />
        <div className="tabs" role="tablist">
          {PANELS.map((p) => (
            <button
              key={p.key}
              type="button"
              role="tab"
              className="tab"
              aria-selected={panel === p.key}
              data-testid={`panel-${p.key}`}
              onClick={() => useUi.getState().setPanel(p.key)}
            >
              {p.label}
            </button>
          ))}
        </div>
        {panel === 'workload' && <WorkloadPanel />}
        {panel === 'candidates' && <CandidatesPanel />}
        {panel === 'value' && <ValuePanel />}
        {panel === 'ranges' && <RangesPanel />}
      </aside>
      <main className="content">
        <Summary />
        <WhatIfBar />
        <SnapshotStrip />
        <DeltaView />
        <WhyPanel />
        <CompareTable />
        <VendorTable />
        <UncertaintyCard />
        <Charts />
        <CandidateDetails />
      </main>
    </div>
  );
}
