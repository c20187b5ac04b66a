import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { useDataDirEnv } from '../support/db.ts';

useDataDirEnv(beforeAll, afterAll);

interface Row {
  id: string;
  kind: 'api' | 'cloud' | 'onprem';
  feasible: boolean;
  monthlyUsd: number;
  setupUsd: number;
  breakdown: {
    staffUsd: number;
    capitalChargeUsd: number;
    monitoringUsd: number;
    egressUsd: number;
  };
  tcoUsd: number;
  selfHost: Record<string, number | null> & {
    owned: {
      depreciationUsd: number;
      capexUsd: number;
      horizonCapexUsd: number;
      residualUsd: number;
    } | null;
  };
}

describe('examples/chatbot-tco.json: self-hosted TCO a buyer can sign', () => {
  // Run once the test's own data folder is set (never the user's).
  let feasible: Row[] = [];
  beforeAll(() => {
    const out = JSON.parse(
      run(['cost', '--scenario', 'examples/chatbot-tco.json', '--format', 'json']),
    ) as { candidates: Row[] };
    feasible = out.candidates.filter((r) => r.feasible);
  });
  const owned = () => feasible.filter((r) => r.kind === 'onprem');
  const rented = () => feasible.filter((r) => r.kind === 'cloud');

  it('owned candidates buy whole servers, keep a spare and pay staff and a capital charge', () => {
    expect(owned().length).toBeGreaterThan(0);
    for (const r of owned()) {
      const s = r.selfHost;
      expect(s.gpusBought, r.id).toBe(s.serversPeak! * s.gpusPerServer!);
      expect(s.gpusPerServer, r.id).toBe(8);
      expect(s.reserveReplicas, r.id).toBe(1);
      expect(r.breakdown.staffUsd, r.id).toBeGreaterThan(0);
      expect(r.breakdown.capitalChargeUsd, r.id).toBeGreaterThan(0);
      // 36 months of a 36-month life: capex paid once at the decision, no book value left, so
      // TCO = $150,000 setup + capex + 36 × (monthly − depreciation − capital charge).
      const run = r.monthlyUsd - s.owned!.depreciationUsd - r.breakdown.capitalChargeUsd;
      expect(s.owned!.horizonCapexUsd, r.id).toBe(s.owned!.capexUsd);
      expect(s.owned!.residualUsd, r.id).toBe(0);
      expect(r.tcoUsd, r.id).toBeCloseTo(150_000 + s.owned!.capexUsd + 36 * run, 4);
    }
  });

  it('rented candidates carry the reserve and the running costs too', () => {
    expect(rented().length).toBeGreaterThan(0);
    for (const r of rented()) {
      expect(r.selfHost.reserveReplicas, r.id).toBe(1);
      // 0.25 FTE × $151,400 a year ÷ 12
      expect(r.breakdown.staffUsd, r.id).toBeCloseTo((0.25 * 151_400) / 12, 6);
      expect(r.breakdown.monitoringUsd, r.id).toBe(23 * r.selfHost.instancesPeak!);
      expect(r.breakdown.egressUsd, r.id).toBeGreaterThan(0);
    }
  });

  it('no longer recommends one bare owned card', () => {
    const cheapestOwned = Math.min(...owned().map((r) => r.monthlyUsd));
    // A whole 8-GPU server's depreciation alone is over $4,000 a month.
    expect(cheapestOwned).toBeGreaterThan(4_000);
    expect(owned().every((r) => r.selfHost.serversPeak! >= 1)).toBe(true);
  });
});
