import { describe, expect, it } from 'vitest';
import {
  cascadeBreakEvenShare,
  mixtureQuantileMs,
  routerBreakEvenShare,
} from '../../core/levers/route-math.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { routeScenario, TEST_ROUTER } from '../support/route-fixtures.ts';

const catalog = { ...readSeed(), discounts: [] };

function rows(s: Scenario) {
  const e = evaluateScenario(catalog, s);
  if (!e.ok) throw new Error(e.error);
  const byId = new Map(e.result.rankedRows().map((r) => [r.id, r]));
  const get = (prefix: string) => {
    const r = [...byId.values()].find((x) => x.id.startsWith(prefix));
    if (r === undefined) throw new Error(`no ${prefix}`);
    return r;
  };
  return {
    e,
    small: get('api:test/small'),
    large: get('api:test/large'),
    cascade: get('route:cascade'),
    router: get('route:router'),
  };
}

describe('a cascade', () => {
  it('costs small × all + large × escalated + router', () => {
    const { cascade, small, large } = rows(routeScenario());
    expect(small.monthlyUsd).toBeCloseTo(140, 9);
    expect(large.monthlyUsd).toBeCloseTo(2_800, 9);
    // 140 (every request tried small) + 0.25 × 2,800 (escalated) + 1M × $0.00001 (router) = 850.
    expect(cascade.kind).toBe('route');
    expect(cascade.monthlyUsd).toBeCloseTo(850, 9);
    expect(cascade.breakdown.routerUsd).toBeCloseTo(10, 9);
    // One API integration: 1,000 setup + 12 × 850 = 11,200 over the horizon.
    expect(cascade.tcoUsd).toBeCloseTo(11_200, 6);
    expect(cascade.route?.small.share).toBe(1);
    expect(cascade.route?.large.share).toBe(0.25);
    expect(cascade.route?.small.id).toBe('api:test/small');
    expect(cascade.route?.large.id).toBe('api:test/large');
  });

  it('has its TTFT mean and p95 over the two paths; the escalated path waits for the first attempt', () => {
    const { cascade, small, large } = rows(routeScenario());
    expect(small.ttftMs).toBe(200);
    expect(large.ttftMs).toBe(600);
    const escalatedPath = small.e2eMs! + TEST_ROUTER.latencyMs + 600;
    // Mean: 0.75 × 200 + 0.25 × (small's whole answer + 20 ms check + 600).
    expect(cascade.ttftMs).toBeCloseTo(0.75 * 200 + 0.25 * escalatedPath, 9);
    // 25 % escalate, more than 5 %: the p95 is the escalated path.
    expect(cascade.route?.ttftP95Ms).toBeCloseTo(escalatedPath, 9);
    // With 4 % escalated, 96 % take the fast path: the p95 is the small arm's 200 ms.
    const few = rows(
      routeScenario({
        candidates: [
          {
            kind: 'route',
            mode: 'cascade',
            small: { kind: 'api', offeringId: 'test/small' },
            large: { kind: 'api', offeringId: 'test/large' },
            escalationShare: 0.04,
          },
          { kind: 'api', offeringId: 'test/small' },
          { kind: 'api', offeringId: 'test/large' },
          {
            kind: 'route',
            mode: 'router',
            small: { kind: 'api', offeringId: 'test/small' },
            large: { kind: 'api', offeringId: 'test/large' },
            smallShare: 0.5,
          },
        ],
      }),
    );
    expect(few.cascade.route?.ttftP95Ms).toBe(200);
    expect(large.quality).not.toBeNull();
  });

  it('blends quality by the share each arm answers', () => {
    const { cascade, small, large } = rows(routeScenario());
    // 0.75 × small + 0.25 × large.
    expect(cascade.quality).toBeCloseTo(0.75 * small.quality! + 0.25 * large.quality!, 9);
  });

  it('breaks even with the large model alone where the algebra says', () => {
    const { cascade } = rows(routeScenario());
    // Per request: small 0.00014, large 0.0028, router 0.00001.
    // share* = 1 − (0.00014 + 0.00001) ÷ 0.0028 = 1 − 0.0535714… = 0.9464286…
    expect(cascade.route?.breakEvenEscalationShare).toBeCloseTo(1 - 0.00015 / 0.0028, 12);
    expect(cascadeBreakEvenShare(0.00014, 0.0028, 0.00001)).toBeCloseTo(0.94642857, 8);
    // A small arm dearer than the large: no share breaks even.
    expect(cascadeBreakEvenShare(0.003, 0.0028, 0)).toBeNull();
  });
});

describe('a router', () => {
  it('costs router + small share × small + large share × large, and breaks even by the algebra', () => {
    const { router } = rows(routeScenario());
    // 10 + 0.75 × 140 + 0.25 × 2,800 = 10 + 105 + 700 = 815.
    expect(router.monthlyUsd).toBeCloseTo(815, 9);
    // share* = 1 − router ÷ (large − small) = 1 − 0.00001 ÷ 0.00266 = 0.9962406…
    expect(router.route?.breakEvenEscalationShare).toBeCloseTo(1 - 0.00001 / 0.00266, 12);
    expect(routerBreakEvenShare(0.00014, 0.0028, 0.00001)).toBeCloseTo(0.9962406, 8);
    // A router that costs more than the gap never pays.
    expect(routerBreakEvenShare(0.00014, 0.0028, 0.003)).toBeNull();
  });

  it('adds its latency to both paths: mean 20 + 0.75 × 200 + 0.25 × 600 = 320 ms, p95 620 ms', () => {
    const { router } = rows(routeScenario());
    expect(router.ttftMs).toBeCloseTo(320, 9);
    expect(router.route?.ttftP95Ms).toBe(620);
    expect(
      mixtureQuantileMs(
        [
          { share: 0.95, ms: 220 },
          { share: 0.05, ms: 620 },
        ],
        0.95,
      ),
    ).toBe(220);
  });
});

describe('route candidates in a scenario', () => {
  it('rank with the others: the cascade beats the large model alone', () => {
    const { cascade, large, router } = rows(routeScenario());
    expect(cascade.rank!).toBeLessThan(large.rank!);
    expect(router.rank!).toBeLessThan(cascade.rank!);
  });

  it('refuse a cascade without an escalation share, naming the field', () => {
    const r = Scenario.safeParse({
      ...routeScenario(),
      candidates: [
        {
          kind: 'route',
          mode: 'cascade',
          small: { kind: 'api', offeringId: 'test/small' },
          large: { kind: 'api', offeringId: 'test/large' },
        },
      ],
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('a cascade needs escalationShare');
    expect(r.error?.issues[0]?.path).toEqual(['candidates', 0, 'escalationShare']);
  });

  it('name an unknown arm offering by its path', () => {
    const s = routeScenario();
    const e = evaluateScenario(catalog, {
      ...s,
      candidates: [
        {
          kind: 'route',
          mode: 'router',
          smallShare: 0.5,
          small: { kind: 'api', offeringId: 'nope/none' },
          large: { kind: 'api', offeringId: 'test/large' },
          router: { usdPerRequest: 0, latencyMs: 0 },
        },
      ],
    });
    expect(e.ok).toBe(false);
    if (!e.ok)
      expect(e.error).toContain("candidates[0].small.offeringId: unknown offering 'nope/none'");
  });
});
