import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  apiTrainingRunUsd,
  paybackMonth,
  selfHostTrainingGpuHours,
} from '../../core/levers/fine-tune.ts';
import type { CandidateCommitment } from '../../core/commitments/types.ts';
import { commitmentChange, termWords } from '../../core/levers/commitment-lever.ts';
import { LEVER_LABELS, leverSaves, notWorthItReason, type Lever } from '../../core/levers/lever.ts';
import { savingsLevers } from '../../core/levers/levers.ts';
import { decisionReport } from '../../core/report/decision-report.ts';
import { leverLines, leversJson } from '../../core/report/levers-report.ts';
import { leversSection } from '../../core/report/levers-section.ts';
import { reportMarkdown } from '../../core/report/render-markdown.ts';
import { reportWorkbook } from '../../core/report/workbook.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { twoChoices } from '../support/decision-fixtures.ts';
import { routeScenario } from '../support/route-fixtures.ts';

const catalog = { ...readSeed(), discounts: [] };
const large = { kind: 'api', offeringId: 'test/large' } as const;
const small = { kind: 'api', offeringId: 'test/small' } as const;

function leversOf(s: Scenario) {
  const e = evaluateScenario(catalog, s);
  if (!e.ok) throw new Error(e.error);
  return { e, levers: savingsLevers(catalog, s, e) };
}
/** The decision report with its Savings section alone. */
const leversReport = (s: Scenario, e: ReturnType<typeof leversOf>['e']) =>
  decisionReport({
    scenario: s,
    evaluation: e,
    catalog,
    appVersion: 'test',
    generatedOn: '2026-07-24',
    extensions: [leversSection],
  });
const find = (levers: ReturnType<typeof leversOf>['levers'], kind: string) => {
  const l = levers.find((x) => x.lever === kind);
  if (l === undefined) throw new Error(`no ${kind} lever`);
  return l;
};

describe('prompt trimming', () => {
  it('saves the trimmed tokens × the input price, and pays back its engineering', () => {
    const { levers } = leversOf(
      routeScenario({
        candidates: [large],
        levers: { trimming: { promptShare: 0.2, engineeringUsd: 1_000 } },
      }),
    );
    const trim = find(levers, 'trimming');
    // 20 % of 1,000 uncached tokens = 200 tokens × $2/MTok × 1M requests = $400 a month.
    expect(trim.monthlySavingUsd).toBeCloseTo(400, 9);
    // 12 × 400 − 1,000 engineering = 3,800 over the horizon.
    expect(trim.tcoSavingUsd).toBeCloseTo(3_800, 6);
    expect(trim.setupUsd).toBe(1_000);
    // 400, 800, 1,200 ≥ 1,000: month 3.
    expect(trim.paybackMonth).toBe(3);
    expect(trim.whatIf?.workload.inputTokens.mean).toBe(800);
  });
});

describe('fine-tuning', () => {
  it('pays back in the month the hand calculation says', () => {
    const { levers } = leversOf(
      routeScenario({
        candidates: [large],
        levers: {
          fineTune: {
            offeringId: 'openai/gpt-4.1-nano',
            trainingTokens: 2_000_000,
            epochs: 3,
            retrainEveryMonths: 1,
            engineeringUsd: 5_000,
            promptTokensSaved: 600,
          },
        },
      }),
    );
    const ft = find(levers, 'fine-tuning');
    // Tuned GPT-4.1 nano at $0.20 / $0.80 (OpenAI's fine-tuned prices), the prompt 1,000 − 600 = 400:
    // 400 × 0.2 + 100 × 0.8 = 160 µ$ → $160 a month; training 2M × 3 epochs × $1.50/MTok = $9 a run,
    // monthly. Saving 2,800 − (160 + 9) = 2,631 a month.
    expect(ft.monthlySavingUsd).toBeCloseTo(2_631, 9);
    // Setup: 5,000 engineering + the first run 9 = 5,009; 2,631 < 5,009 ≤ 5,262: month 2.
    expect(ft.setupUsd).toBeCloseTo(5_009, 9);
    expect(ft.paybackMonth).toBe(2);
    // Horizon: prompted 1,000 + 12 × 2,800 = 34,600; tuned 1,000 + 12 × 160 + 5,009 + 12 × 9 = 8,037.
    expect(ft.tcoSavingUsd).toBeCloseTo(34_600 - 8_037, 6);
    expect(ft.qualityDelta).toBeNull();
  });

  it('prices a training run and a self-hosted run by the documented rules', () => {
    expect(apiTrainingRunUsd(2_000_000, 3, 1.5)).toBeCloseTo(9, 12);
    // LoRA on 8B: 4 × 8e9 = 3.2e10 FLOPs a token; 1e9 tokens × 1 epoch = 3.2e19 FLOPs;
    // an H100 at 989 TFLOPS × 0.40 = 3.956e14 FLOP/s → 80,889 s = 22.47 GPU-hours.
    expect(selfHostTrainingGpuHours(8e9, 1e9, 1, 'lora', 989)).toBeCloseTo(
      3.2e19 / 3.956e14 / 3600,
      9,
    );
    // Full fine-tuning takes 6/4 of that.
    expect(selfHostTrainingGpuHours(8e9, 1e9, 1, 'full', 989)).toBeCloseTo(
      (1.5 * 3.2e19) / 3.956e14 / 3600,
      9,
    );
    expect(paybackMonth(5_009, 2_631, 12)).toBe(2);
    expect(paybackMonth(10_000, 100, 12)).toBeNull();
  });
});

describe('self-hosted fine-tuning', () => {
  it('trains by the FLOPs rule on the base model’s rented GPUs and serves there', () => {
    const base = twoChoices();
    const { levers } = leversOf(
      routeScenario({
        operations: base.operations,
        catalog: { ...base.catalog!, offerings: routeScenario().catalog!.offerings },
        candidates: [large, base.candidates[1]!],
        workload: {
          requests: { count: 1_000_000, per: 'month' },
          inputTokens: { mean: 1000 },
          outputTokens: { mean: 100 },
          minQuality: { benchmark: 'lmarena-text', score: 1300 },
        },
        levers: {
          fineTune: {
            modelId: 'llama-3.1-8b',
            method: 'lora',
            trainingTokens: 10_000_000,
            epochs: 3,
            engineeringUsd: 2_000,
            promptTokensSaved: 600,
          },
        },
      }),
    );
    const ft = find(levers, 'fine-tuning');
    // LoRA on Llama 3.1 8B (8.03B active): 10M × 3 epochs × 4 × 8.03e9 = 9.636e17 FLOPs; an L4 at
    // 121 dense BF16 TFLOPS × 0.40 = 4.84e13 FLOP/s → 19,909 s = 5.5303 GPU-hours × $1 = $5.5303.
    const runUsd = 9.636e17 / 4.84e13 / 3600;
    expect(ft.setupUsd).toBeCloseTo(2_000 + runUsd, 9);
    // Served on the one fixed L4 replica, $730 a month; retrained monthly: 2,800 − (730 + 5.53).
    expect(ft.monthlySavingUsd).toBeCloseTo(2_800 - 730 - runUsd, 6);
    // Month 1 saves 2,064.47 ≥ the 2,005.53 setup: it pays back in month 1.
    expect(ft.paybackMonth).toBe(1);
  });
});

describe('routing', () => {
  it('cascades from a cheaper model kept out only by quality, at the assumed escalation share', () => {
    const { e, levers } = leversOf(
      routeScenario({
        candidates: [small, large],
        workload: {
          requests: { count: 1_000_000, per: 'month' },
          inputTokens: { mean: 1000 },
          outputTokens: { mean: 100 },
          minQuality: { benchmark: 'lmarena-text', score: 1240 },
        },
      }),
    );
    expect(e.result.row(e.result.recommended).id).toBe('api:test/large');
    const route = find(levers, 'routing');
    // 140 + 0.3 × 2,800 + 1M × $0.00000332 = 983.32 a month; 2,800 − 983.32 = 1,816.68 saved.
    expect(route.monthlySavingUsd).toBeCloseTo(1_816.68, 9);
    expect(route.tcoSavingUsd).toBeCloseTo(12 * 1_816.68, 6);
    expect(route.candidateId).toMatch(/^route:cascade:esc0.3:api:test\/small>api:test\/large$/);
    expect(route.whatIf?.candidates).toHaveLength(3);
  });
});

describe('commitment', () => {
  it('prices the recommendation on a 1-year term with the commitments engine', () => {
    const base = twoChoices();
    const instance = { ...base.catalog!.instances[0]!, usdPerHour: { onDemand: 1, commit1y: 0.6 } };
    const { levers } = leversOf({
      ...base,
      catalog: { ...base.catalog!, instances: [instance] },
      candidates: [base.candidates[1]!],
    });
    const commit = find(levers, 'commitment');
    // One fixed L4: 730 h × $1 = $730 a month on demand; 730 h × $0.60 = $438 committed.
    expect(commit.monthlySavingUsd).toBeCloseTo(730 - 438, 6);
    // 36 months of it (three 1-year terms, the same setup): 36 × 292 = 10,512.
    expect(commit.tcoSavingUsd).toBeCloseTo(36 * 292, 4);
    expect(commit.setupUsd).toBe(0);
    expect(commit.candidateId).toContain(':commit1y:');
    expect(commit.whatIf?.candidates).toHaveLength(2);
    // On demand before: the lever takes a commitment, and says for how long and of what.
    expect(commit.description).toBe(
      'Commit to 1 instance for 1 year: Llama 3.1 8B on one-l4 (eu-west-1, 1-year)',
    );
    expect(commit.tradeOff).toMatch(/^Lock-in for 1 year\. /);
  });

  it('on a 3-year term already, a 1-year term is worded as shortening it', () => {
    const base = twoChoices();
    const instance = {
      ...base.catalog!.instances[0]!,
      usdPerHour: { onDemand: 1, commit1y: 0.6, commit3y: 0.4 },
    };
    const { e, levers } = leversOf({
      ...base,
      catalog: { ...base.catalog!, instances: [instance] },
      candidates: [
        { ...base.candidates[1]!, pricing: 'commit3y' } as Scenario['candidates'][number],
      ],
    });
    expect(e.result.row(e.result.recommended).commitment?.termMonths).toBe(36);
    const commit = levers.find((l) => l.lever === 'commitment');
    // Whether it is offered as a saving is the savings list's business; its words must not
    // read as a new commitment ("Commit: …") when it shortens the one there is.
    expect(commit?.description).toBe(
      'Shorten the commitment from 3 years to 1 year (1 instance): Llama 3.1 8B on one-l4 (eu-west-1, 1-year)',
    );
    expect(commit?.tradeOff).toMatch(/^Lock-in falls from 3 years to 1 year\. /);
    // 730 h × $0.40 = $292 a month on 3 years; 730 h × $0.60 = $438 on 1 year: −$146 a month.
    expect(commit?.monthlySavingUsd).toBeCloseTo(292 - 438, 6);
  });

  it('names every change of term for what it does', () => {
    const c = (termMonths: number, kind: 'reserved' | 'provisioned' = 'reserved') =>
      ({
        kind,
        termMonths,
        unit: kind === 'reserved' ? 'instance' : 'ptu',
        committedUnits: kind === 'reserved' ? 4 : 1_610,
      }) as CandidateCommitment;
    expect(commitmentChange(c(12), c(36))).toEqual({
      description: 'Lengthen the commitment from 1 year to 3 years (4 instances)',
      lockIn: 'Lock-in grows from 1 year to 3 years',
    });
    expect(commitmentChange(null, c(36)).description).toBe('Commit to 4 instances for 3 years');
    // An hourly provisioned unit commits to nothing: a term on top of it is a new commitment.
    expect(commitmentChange(c(0, 'provisioned'), c(12, 'provisioned')).description).toBe(
      'Commit to 1,610 PTUs of provisioned throughput for 1 year',
    );
    expect(commitmentChange(null, c(0, 'provisioned'))).toEqual({
      description: 'Buy 1,610 PTUs of provisioned throughput by the hour',
      lockIn: 'No lock-in: billed by the hour',
    });
    expect(commitmentChange(c(12, 'provisioned'), c(1, 'provisioned')).description).toBe(
      'Shorten the commitment from 1 year to 1 month (1,610 PTUs of provisioned throughput)',
    );
    // A week is 168 of a month's 730 hours.
    expect(termWords(168 / 730)).toBe('1 week');
    expect(termWords(6)).toBe('6 months');
  });
});

describe('batch', () => {
  it('says "batch tier" for a hosted API and idle GPU hours for a self-hosted fleet', () => {
    const base = twoChoices();
    const api = leversOf({ ...base, candidates: [base.candidates[0]!] }).levers;
    expect(find(api, 'batch').description).toBe(
      'Send 20% more of the requests through the batch tier (0% → 20%)',
    );
    const gpu = leversOf({ ...base, candidates: [base.candidates[1]!] }).levers;
    expect(find(gpu, 'batch').description).toBe(
      "Run 20% more of the requests as offline batch work in the GPUs' idle hours (0% → 20%)",
    );
  });
});

describe('the savings list', () => {
  it('is ranked by the horizon saving', () => {
    const { levers } = leversOf(
      routeScenario({
        candidates: [large],
        workload: {
          requests: { count: 1_000_000, per: 'month' },
          inputTokens: { mean: 1000 },
          outputTokens: { mean: 100 },
          promptCache: { prefixTokens: 600, hitRate: 0.3 },
        },
      }),
    );
    expect(levers.length).toBeGreaterThan(1);
    for (let i = 1; i < levers.length; i++) {
      expect(levers[i - 1]!.tcoSavingUsd).toBeGreaterThanOrEqual(levers[i]!.tcoSavingUsd);
    }
  });
});

describe('the decision report’s Savings section', () => {
  it('lists the engine’s levers with their figures, in the levers’ place, and as a sheet', () => {
    const s = routeScenario({
      candidates: [large],
      levers: { trimming: { promptShare: 0.2, engineeringUsd: 1_000 } },
    });
    const { e, levers } = leversOf(s);
    const built = leversReport(s, e);
    const section = built.report.sections.find((x) => x.id === 'levers');
    const table = section?.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no levers table');
    // The levers that save, in the engine's order (batch saves nothing here: no batch price).
    expect(table.table.rows.map((r) => r.lever)).toEqual(
      levers.filter((l) => leverSaves(l, s.objective)).map((l) => LEVER_LABELS[l.lever]),
    );
    expect(table.table.rows.map((r) => r.lever)).not.toContain('Batch');
    const trim = table.table.rows.find((r) => r.lever === 'Prompt trimming');
    // As by hand above: 200 trimmed tokens × $2/MTok × 1M requests = $400 a month; 12 × 400 −
    // 1,000 = $3,800 over the horizon; 400, 800, 1,200 ≥ 1,000 engineering: month 3.
    expect(trim?.monthlySavingUsd).toBeCloseTo(400, 9);
    expect(trim?.tcoSavingUsd).toBeCloseTo(3_800, 6);
    expect(trim?.setupUsd).toBe(1_000);
    expect(trim?.payback).toBe('month 3');
    expect(reportMarkdown(built.report)).toMatch(/## Savings\n[\s\S]*\| Prompt trimming \| /);
    expect(reportWorkbook(built).some((sheet) => sheet.name === 'Savings')).toBe(true);
  });
});

describe('levers that do not save', () => {
  // Trimming that cannot pay back its engineering: 20 % of 1,000 uncached tokens = 200 tokens ×
  // $2/MTok × 1M requests = $400 a month; 12 × 400 − 10,000 = −$5,200 over the 12-month horizon.
  const s = routeScenario({
    candidates: [large],
    levers: { trimming: { promptShare: 0.2, engineeringUsd: 10_000 } },
  });
  const { e, levers } = leversOf(s);
  const trim = find(levers, 'trimming');

  it('are not offered as savings, and say why in the objective’s terms', () => {
    expect(trim.monthlySavingUsd).toBeCloseTo(400, 9);
    expect(trim.tcoSavingUsd).toBeCloseTo(-5_200, 6);
    expect(leverSaves(trim, 'tco')).toBe(false);
    expect(notWorthItReason(trim, 'tco')).toBe(
      'saves $400.00 a month, too little to pay back its $10,000 setup within the horizon (costs $5,200 more over it)',
    );
    // Under the monthly objective the run rate is what counts: $400 a month saved is a saving.
    expect(leverSaves(trim, 'monthly')).toBe(true);
    const dearer = { ...trim, monthlySavingUsd: -146, tcoSavingUsd: -146 * 36, setupUsd: 0 };
    // −146 × 36 = −5,256.
    expect(notWorthItReason(dearer as Lever, 'tco')).toBe(
      'costs $146.00 more a month, $5,256 over the horizon',
    );
    expect(notWorthItReason(dearer as Lever, 'monthly')).toBe('costs $146.00 more a month');
    // Half a cent or less is nothing: not "$0.00 saved".
    expect(leverSaves({ ...trim, tcoSavingUsd: 0.004 }, 'tco')).toBe(false);
  });

  it('the report lists them apart, after the savings table, with the reason', () => {
    const built = leversReport(s, e);
    const blocks = built.report.sections.find((x) => x.id === 'levers')!.blocks;
    // Batch saves nothing (no batch price) and trimming loses $5,200: no savings table at all.
    expect(blocks.some((b) => b.kind === 'table')).toBe(false);
    const md = reportMarkdown(built.report);
    expect(md).toContain('No lever saves money here.');
    expect(md).toContain(
      '- Prompt trimming: Trim 20% of the uncached prompt (200 tokens a request) for $10,000 of engineering — saves $400.00 a month, too little to pay back its $10,000 setup within the horizon (costs $5,200 more over it).',
    );
    // The workbook's Savings sheet holds savings alone: here there is none.
    expect(reportWorkbook(built).some((x) => x.name === 'Savings')).toBe(false);
  });

  it('the CLI lists them apart too: the text under "Not worth it here", the JSON in leversNotWorthIt', () => {
    const lines = leverLines(levers, 'tco');
    const apart = lines.indexOf('Not worth it here:');
    expect(apart).toBeGreaterThan(0);
    expect(lines.slice(0, apart).some((l) => l.includes('Trim 20%'))).toBe(false);
    expect(lines.slice(apart).some((l) => l.includes('Trim 20%'))).toBe(true);
    const json = leversJson(levers, 'tco');
    expect(json.levers.map((l) => l.lever)).not.toContain('trimming');
    expect(json.leversNotWorthIt.find((l) => l.lever === 'trimming')?.reason).toMatch(
      /^saves \$400\.00 a month, too little/,
    );
  });
});

describe('int4 weights on H100 (examples/commitments.json)', () => {
  it('cost more than fp8 and are listed as not worth it, saying why', () => {
    const parsed = parseScenario(JSON.parse(readFileSync('examples/commitments.json', 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    const { e, levers } = leversOf(parsed.scenario);
    const rec = e.result.row(e.result.recommended);
    expect(rec.selfHost?.gpuId).toBe('h100-sxm');
    const int4 = find(levers, 'quantization');
    expect(int4.description).toBe('Serve the weights at int4 instead of fp8');
    // H100 has FP8 tensor cores (1,979 dense TFLOPS) and no INT4 ones: INT4 weights are
    // dequantized and multiplied in BF16 (989 TFLOPS), so this prompt-heavy workload (1,500 in,
    // 300 out) needs more GPUs for the same requests, not fewer.
    expect(int4.monthlySavingUsd).toBeLessThan(0);
    expect(leverSaves(int4, parsed.scenario.objective)).toBe(false);
    expect(int4.tradeOff).toMatch(
      /^More GPUs at peak \(\d+ → \d+\); NVIDIA H100 80GB SXM has no int4 math: the weights are dequantized and multiplied in 16-bit/,
    );
    expect(int4.tradeOff).toContain('the KV cache goes from fp8 to bf16');
    expect(leversJson(levers, 'tco').levers.map((l) => l.lever)).not.toContain('quantization');
  });
});
