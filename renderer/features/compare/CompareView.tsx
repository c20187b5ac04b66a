import { useState } from 'react';
import { CandidatesPanel } from '../candidates/CandidatesPanel.tsx';
import { Charts } from '../charts/Charts.tsx';
import { CandidateDetails } from '../details/CandidateDetails.tsx';
import { ValuePanel } from '../value/ValuePanel.tsx';
import { VendorTable } from '../vendors/VendorTable.tsx';
import { WhatIfBar } from '../whatif/WhatIfBar.tsx';
import { WorkloadPanel } from '../workload/WorkloadPanel.tsx';
import { CompareTable } from './CompareTable.tsx';
import { Summary } from './Summary.tsx';

const PANELS = [
  { key: 'workload', label: 'Workload' },
  { key: 'candidates', label: 'Candidates' },
  { key: 'value', label: 'Value' },
] as const;

/** Workload on the left; the answer, the what-ifs, the ranked table and the charts on the right. */
export function CompareView() {
  const [panel, setPanel] = useState<(typeof PANELS)[number]['key']>('workload');
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
              onClick={() => setPanel(p.key)}
            >
              {p.label}
            </button>
          ))}
        </div>
        {panel === 'workload' && <WorkloadPanel />}
        {panel === 'candidates' && <CandidatesPanel />}
        {panel === 'value' && <ValuePanel />}
      </aside>
      <main className="content">
        <Summary />
        <WhatIfBar />
        <CompareTable />
        <VendorTable />
        <Charts />
        <CandidateDetails />
      </main>
    </div>
  );
}
