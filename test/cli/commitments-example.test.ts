import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../scripts/cli/run.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { useDataDirEnv } from '../support/db.ts';

useDataDirEnv(beforeAll, afterAll);

const FILE = 'examples/commitments.json';
/** The CLI contract: these names, exactly, on every candidate with a commitment. */
const CONTRACT = [
  'kind',
  'term',
  'upfrontUsd',
  'committedUnits',
  'monthlyCommittedUsd',
  'breakEvenUtilization',
  'utilization',
  'stressed50Usd',
] as const;

interface Row {
  id: string;
  feasible: boolean;
  monthlyUsd: number;
  tcoUsd: number;
  commitment: Record<(typeof CONTRACT)[number], string | number> | null;
  negotiated: { fraction: number; source: string; effectiveFraction: number } | null;
}

describe('examples/commitments.json: what to commit to, with whom', () => {
  let rows: Row[] = [];
  let out: { vendors: { vendor: string; terms: unknown; lockIn: { summary: string } }[] };
  beforeAll(() => {
    out = JSON.parse(run(['cost', '--scenario', FILE, '--format', 'json']));
    rows = (out as unknown as { candidates: Row[] }).candidates;
  });
  const row = (id: string) => {
    const r = rows.find((x) => x.id === id);
    if (r === undefined) throw new Error(`no candidate ${id}`);
    return r;
  };

  it('every committed candidate carries the commitment object with the contract’s names', () => {
    const committed = rows.filter((r) => r.commitment !== null);
    expect(committed.length).toBeGreaterThan(4);
    for (const r of committed) {
      for (const key of CONTRACT) expect(r.commitment, `${r.id} ${key}`).toHaveProperty(key);
      for (const key of CONTRACT.slice(2)) {
        expect(Number.isFinite(r.commitment![key]), `${r.id} ${key}`).toBe(true);
      }
    }
    expect(
      rows.filter((r) => r.id.includes(':onDemand:')).every((r) => r.commitment === null),
    ).toBe(true);
  });

  it('GPT-4.1 on Azure: the negotiated 10 % above $50,000 a month, and PTUs beating pay-as-you-go', () => {
    // 3M a day × 365/12 = 91.25M requests × (1,500 × $2 + 300 × $8) / 1e6 = $492,750 at list;
    // 10 % off the $442,750 above $50,000 = $44,275 off: $448,475.
    const payg = row('api:azure/gpt-4.1');
    expect(payg.monthlyUsd).toBeCloseTo(448_475, 4);
    expect(payg.negotiated).toMatchObject({ fraction: 0.1, source: 'scenario' });
    expect(payg.negotiated!.effectiveFraction).toBeCloseTo(44_275 / 492_750, 12);
    // A PTU serves 3,000 input tokens a minute; an output token counts as 4: 2,700 a request.
    // Fully used a month it serves 3,000 × 43,800 = 131.4M tokens, worth $262.80 at the
    // $492,750 ÷ (91.25M × 2,700) = $2 per 1M; the 1-year reservation is $2,652 ÷ 12 = $221.
    const year = row('api:azure/gpt-4.1:provisioned:1-year');
    expect(year.commitment!.kind).toBe('provisioned');
    expect(year.commitment!.breakEvenUtilization).toBeCloseTo(221 / 262.8, 9);
    expect(year.monthlyUsd).toBeLessThan(payg.monthlyUsd);
    expect(row('api:azure/gpt-4.1:provisioned:1-month').monthlyUsd).toBeGreaterThan(
      year.monthlyUsd,
    );
  });

  it('the steady fleet commits its base: 3-year under 1-year under on-demand', () => {
    const seed = readSeed();
    const id = 'gcp:a3-highgpu-2g:us-central1';
    const prices = seed.instances.find((i) => i.id === id)!.usdPerHour;
    const at = (pricing: string) => row(`cloud:${id}:llama-3.3-70b:${pricing}:vllm:fp8`);
    expect(at('commit3y').tcoUsd).toBeLessThan(at('commit1y').tcoUsd);
    expect(at('commit1y').tcoUsd).toBeLessThan(at('onDemand').tcoUsd);
    // Break-even utilization: the CUD's $/h ÷ on-demand's for the same instance and region.
    expect(at('commit3y').commitment!.breakEvenUtilization).toBeCloseTo(
      prices.commit3y! / prices.onDemand,
      12,
    );
    expect(at('commit3y').commitment!.term).toBe('3-year');
    expect(at('commit3y').commitment!.utilization).toBeGreaterThan(0.44);
  });

  it('the vendor table names the terms that apply and each vendor’s lock-in', () => {
    const azure = out.vendors.find((v) => v.vendor === 'azure')!;
    expect(azure.terms).toMatchObject({ source: 'scenario', aboveMonthlyUsd: 50_000 });
    expect(azure.lockIn.summary).toMatch(/^Proprietary: GPT-4.1 is sold by 2 vendors/);
    const gcp = out.vendors.find((v) => v.vendor === 'gcp')!;
    expect(gcp.lockIn.summary).toMatch(/^Open weights: Llama 3.3 70B/);
    const md = run(['cost', '--scenario', FILE, '--format', 'md']);
    expect(md).toContain('## Vendors');
    expect(md).toContain('| Vendor | Best offering | Rank | 36-month cost at list (USD) |');
    expect(md).toContain('10% off the spend above $50,000/month (this scenario)');
    expect(md).toContain('## Commitments');
    expect(md).toMatch(/The recommended plan puts 100% of its horizon cost with Google Cloud/);
  });
});
