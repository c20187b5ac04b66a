import { exclusionCode } from '../decision/exclusions.ts';
import { formatLaunch, formatPct, formatUsd } from '../format.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { Catalog } from '../schema/catalog.ts';
import { LeverAssumptions } from '../schema/levers.ts';
import { costedKind, type CandidatePlacement, type RoutePlacement } from '../schema/route.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { CatalogIndex } from '../sweep/catalog-index.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { prefixTokensCosted, withPromptMean } from '../workload/derive.ts';
import { fineTuneLever } from './fine-tune-lever.ts';
import { commitmentLever } from './commitment-lever.ts';
import { quantizationLever } from './quantization-lever.ts';
import { compare, evaluateWhatIf, leverSavingUsd, type Lever, type LeverKind } from './lever.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/**
 * Every lever evaluated for the recommended candidate, ranked by what it saves under the
 * scenario's objective (the run rate for `monthly`, the horizon cost otherwise). Levers that do not
 * apply (no cacheable prefix, an API has no precision to lower) are left out.
 */
export function savingsLevers(catalog: Catalog, scenario: Scenario, evaluation: Ok): Lever[] {
  const { result, index } = evaluation;
  if (result.recommended < 0) return [];
  const rec = result.row(result.recommended);
  const assumptions = scenario.levers ?? LeverAssumptions.parse({});
  const horizon = evaluation.context.value.horizonMonths;
  const out: (Lever | null)[] = [];
  const whatIfLever = (
    lever: LeverKind,
    whatIf: Scenario,
    description: string,
    tradeOff: string,
    setupUsd = 0,
    placement: CandidatePlacement = rec.placement,
  ): Lever | null => {
    const after = evaluateWhatIf(index, whatIf, placement);
    if (after === null || !after.feasible) return null;
    return compare(rec, after, { lever, description, tradeOff, setupUsd, whatIf, horizon });
  };

  const w = scenario.workload;
  const target = assumptions.promptCacheHitRate;
  const prefix = prefixTokensCosted(w);
  if (prefix > 0 && w.promptCache.hitRate < target) {
    out.push(
      whatIfLever(
        'cache',
        { ...scenario, workload: { ...w, promptCache: { ...w.promptCache, hitRate: target } } },
        `Keep the ${prefix}-token prefix warm: prompt-cache hits ${formatPct(w.promptCache.hitRate)} → ${formatPct(target)}`,
        'Needs a stable prefix and traffic within the cache’s TTL; no quality change.',
      ),
    );
  }

  const batchTo = Math.min(1 - w.priorityShare, w.batchShare + assumptions.batchShareStep);
  if (batchTo > w.batchShare) {
    const step = `${formatPct(batchTo - w.batchShare)} more of the requests`;
    const shares = `(${formatPct(w.batchShare)} → ${formatPct(batchTo)})`;
    // A hosted API has a batch tier; self-hosted GPUs run batch work in the hours the interactive
    // load leaves idle (the fleet sizing's offline batch), so the lever says which it does.
    const api = costedKind(rec.placement) === 'api';
    out.push(
      whatIfLever(
        'batch',
        { ...scenario, workload: { ...w, batchShare: batchTo } },
        api
          ? `Send ${step} through the batch tier ${shares}`
          : `Run ${step} as offline batch work in the GPUs' idle hours ${shares}`,
        api
          ? 'Batched answers come back within the batch window (up to 24 h): only for work that can wait.'
          : 'Batch work waits for idle capacity (off-peak hours): only for work that can wait.',
      ),
    );
  }

  out.push(quantizationLever(index, rec, scenario, horizon));

  out.push(regionLever(evaluation, rec, scenario, horizon));
  out.push(routingLever(evaluation, rec, scenario, assumptions, horizon));
  if (assumptions.fineTune !== undefined) {
    out.push(fineTuneLever(catalog, scenario, evaluation, rec, assumptions.fineTune));
  }

  const trim = assumptions.trimming;
  const uncached = w.inputTokens.mean - prefix;
  if (trim.promptShare > 0 && uncached > 0) {
    const trimmed = uncached * trim.promptShare;
    const trimmedWorkload = withPromptMean(w, w.inputTokens.mean - trimmed, 'keep');
    const p95 = w.inputTokens.p95;
    if (p95 !== undefined)
      trimmedWorkload.inputTokens = { ...trimmedWorkload.inputTokens, p95: p95 - trimmed };
    const setup = addSetup(scenario.value.setupUsd, trim.engineeringUsd);
    out.push(
      whatIfLever(
        'trimming',
        { ...scenario, workload: trimmedWorkload, value: { ...scenario.value, setupUsd: setup } },
        `Trim ${formatPct(trim.promptShare)} of the uncached prompt (${Math.round(trimmed)} tokens a request) for ${formatUsd(trim.engineeringUsd)} of engineering`,
        'One-off engineering; answers must be re-checked for quality after the prompt changes.',
        trim.engineeringUsd,
      ),
    );
  }

  out.push(commitmentLever(evaluation, rec, scenario, horizon));
  out.push(placementLever(evaluation, rec, horizon));

  const levers = out.filter((l): l is Lever => l !== null);
  const key = (l: Lever) => leverSavingUsd(l, scenario.objective);
  return levers.sort((a, b) => key(b) - key(a) || b.monthlySavingUsd - a.monthlySavingUsd);
}

function addSetup(
  setup: Scenario['value']['setupUsd'],
  usd: number,
): Scenario['value']['setupUsd'] {
  return { api: setup.api + usd, cloud: setup.cloud + usd, onprem: setup.onprem + usd };
}

/** The same model and offer (provider, instance type, pricing) elsewhere; undefined for owned GPUs. */
function sameOfferKey(index: CatalogIndex, p: CandidatePlacement): string | undefined {
  if (p.kind === 'api') {
    const o = index.offerings.get(p.offeringId);
    return o && `${o.provider}|${o.modelId}|${p.effort ?? ''}`;
  }
  if (p.kind === 'cloud') {
    const i = index.instances.get(p.instanceId);
    return (
      i && `${i.cloud}|${i.instanceType}|${p.modelId}|${p.pricing}|${p.engine}|${p.effort ?? ''}`
    );
  }
  return undefined;
}

/** The best feasible candidate with the same model and offer in another region. */
function regionLever(
  e: Ok,
  rec: CandidateResult,
  scenario: Scenario,
  horizon: number,
): Lever | null {
  const { result, index } = e;
  const key = sameOfferKey(index, rec.placement);
  if (key === undefined) return null;
  for (let k = 0; k < result.feasibleCount; k++) {
    const i = result.order[k] as number;
    if (i === result.recommended) continue;
    const p = result.columns.placements[i] as CandidatePlacement;
    if (sameOfferKey(index, p) !== key) continue;
    const other = result.row(i);
    if (other.regionId === null || other.regionId === rec.regionId) continue;
    const whatIf = { ...scenario, workload: { ...scenario.workload, regions: [other.regionId] } };
    return compare(rec, other, {
      lever: 'region',
      description: `Run it in ${other.regionId} instead of ${rec.regionId ?? 'the provider’s routing'}`,
      tradeOff:
        'Another region: check residency, the users’ distance (latency) and its grid’s carbon.',
      setupUsd: 0,
      whatIf,
      horizon,
    });
  }
  return null;
}

/** The best feasible candidate of another placement kind: a comparison, not a change to apply. */
function placementLever(e: Ok, rec: CandidateResult, horizon: number): Lever | null {
  const { result } = e;
  for (let k = 0; k < result.feasibleCount; k++) {
    const i = result.order[k] as number;
    const p = result.columns.placements[i] as CandidatePlacement;
    // A route's arms are already in it: another placement is another kind than its large arm's.
    if (p.kind === costedKind(rec.placement) || p.kind === 'route') continue;
    const other = result.row(i);
    return compare(rec, other, {
      lever: 'placement',
      description: `Move to ${other.label}`,
      tradeOff: `Another placement: ${other.setupUsd > rec.setupUsd ? 'more' : 'no more'} setup, ${formatLaunch(other.weeksToLaunch)}, a different vendor to depend on.`,
      setupUsd: Math.max(0, other.setupUsd - rec.setupUsd),
      whatIf: null,
      horizon,
    });
  }
  return null;
}

/** How many cheaper models the routing lever tries as the small arm. */
const SMALL_ARMS_TRIED = 12;

/**
 * A cascade from a cheaper model (feasible, or out only for quality, with a score) to the
 * recommended one: the cheapest few models are tried, each at its cheapest candidate, and the
 * feasible cascade that saves most is kept.
 */
function routingLever(
  e: Ok,
  rec: CandidateResult,
  scenario: Scenario,
  assumptions: LeverAssumptions,
  horizon: number,
): Lever | null {
  if (rec.placement.kind === 'route' || rec.monthlyUsd === null) return null;
  const { result, index } = e;
  const c = result.columns;
  const cheapestByModel = new Map<string, number>();
  for (let i = 0; i < c.size; i++) {
    const p = c.placements[i] as CandidatePlacement;
    if (p.kind === 'route') continue;
    const monthly = c.monthlyUsd[i] as number;
    const q = c.quality[i] as number;
    if (!(monthly < rec.monthlyUsd) || q !== q) continue;
    const reasons = c.reasons[i] ?? [];
    if (!reasons.every((r) => exclusionCode(r) === 'quality-below')) continue;
    const model = p.kind === 'api' ? index.offerings.get(p.offeringId)?.modelId : p.modelId;
    if (model === undefined || model === rec.modelId) continue;
    const best = cheapestByModel.get(model);
    if (best === undefined || monthly < (c.monthlyUsd[best] as number))
      cheapestByModel.set(model, i);
  }
  const tried = [...cheapestByModel.values()]
    .sort((a, b) => (c.monthlyUsd[a] as number) - (c.monthlyUsd[b] as number))
    .slice(0, SMALL_ARMS_TRIED);
  const r = assumptions.routing;
  let best: Lever | null = null;
  const better = (a: Lever, b: Lever) =>
    leverSavingUsd(a, scenario.objective) > leverSavingUsd(b, scenario.objective);
  for (const i of tried) {
    const small = c.placements[i] as Exclude<CandidatePlacement, RoutePlacement>;
    const route: RoutePlacement = {
      kind: 'route',
      mode: 'cascade',
      small,
      large: rec.placement,
      escalationShare: r.escalationShare,
      router: r.router,
    };
    const whatIf = { ...scenario, candidates: [...scenario.candidates, route] };
    const after = evaluateWhatIf(index, whatIf, route);
    if (after === null || !after.feasible) continue;
    const lever = compare(rec, after, {
      lever: 'routing',
      description: `Cascade: try ${result.row(i).label} first, escalate ${formatPct(r.escalationShare)} to the recommended model`,
      tradeOff: `Escalated requests wait for the first attempt (p95 first token ${Math.round(after.route?.ttftP95Ms ?? 0)} ms); quality is the share-weighted blend; two vendors to run.`,
      setupUsd: Math.max(0, after.setupUsd - rec.setupUsd),
      whatIf,
      horizon,
    });
    if (best === null || better(lever, best)) best = lever;
  }
  return best;
}
