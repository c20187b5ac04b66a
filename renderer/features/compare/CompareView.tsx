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
import { CompareTable } from './CompareTable.tsx';
import { WhyPanel } from '../why/WhyPanel.tsx';
import { Summary } from './Summary.tsx';

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
  return (
    <div className="workspace">
      <aside className="sidebar" aria-label="Scenario inputs">
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
