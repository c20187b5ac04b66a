import { exclusionCode } from '../decision/exclusions.ts';
import { formatNumber, formatUsd } from '../format.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { FineTuneAssumptions } from '../schema/levers.ts';
import type { CloudPlacement } from '../schema/placement.ts';
import type { CandidatePlacement } from '../schema/route.ts';
import type { Scenario } from '../schema/scenario.ts';
import { indexCatalog, type CatalogIndex } from '../sweep/catalog-index.ts';
import { servedMonths } from '../sweep/result.ts';
import type { CandidateResult } from '../sweep/types.ts';
import type { Workload } from '../schema/workload.ts';
import { prefixTokensCosted, withPromptMean } from '../workload/derive.ts';
import {
  apiTrainingRunUsd,
  fineTuneMonthlyExtrasUsd,
  selfHostTrainingGpuHours,
} from './fine-tune.ts';
import { FINE_TUNE_RATES, type FineTuneRate } from './fine-tune-rates.ts';
import { compare, evaluateWhatIf, type Lever } from './lever.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/** A tuned model as the lever prices it: its candidate, training and what it adds each month. */
interface Tuned {
  after: CandidateResult;
  what: string;
  runUsd: number;
  hostingUsdPerHour: number;
  terms: string;
  kind: 'api' | 'cloud';
}

/**
 * A fine-tuned small model instead of the recommended (prompted) one: the tuned model is sent the
 * prompt without what it learned (the cacheable prefix, unless stated). Through an API it is priced
 * at the provider's tuned-model rates; self-hosted it runs on its base model's rented GPUs, trained
 * there by the FLOPs rule. The first training run and the engineering are the setup; each
 * retraining (spread over its cadence) and any hosting fee are added to every month.
 */
export function fineTuneLever(
  catalog: Catalog,
  scenario: Scenario,
  e: Ok,
  rec: CandidateResult,
  a: FineTuneAssumptions,
): Lever | null {
  const w = scenario.workload;
  const saved = Math.min(a.promptTokensSaved ?? prefixTokensCosted(w), w.inputTokens.mean - 1);
  const workload = tunedWorkload(w, saved);
  const tuned =
    a.modelId === undefined
      ? apiTuned(catalog, scenario, e, rec, a, workload)
      : selfHostTuned(scenario, e, rec, a, workload);
  if (tuned === null) return null;
  const { after } = tuned;
  if (after.monthlyUsd === null || after.tcoUsd === null) return null;
  const extras = fineTuneMonthlyExtrasUsd(
    tuned.runUsd,
    a.retrainEveryMonths,
    tuned.hostingUsdPerHour,
  );
  const setupUsd = a.engineeringUsd + tuned.runUsd;
  const months = servedMonths(e.context, tuned.kind);
  const withExtras: CandidateResult = {
    ...after,
    monthlyUsd: after.monthlyUsd + extras,
    tcoUsd: after.tcoUsd + setupUsd + extras * months,
    // The tuned model's quality is not the base's: unknown until it is evaluated.
    quality: null,
  };
  const every = a.retrainEveryMonths === 1 ? 'every month' : `every ${a.retrainEveryMonths} months`;
  return compare(rec, withExtras, {
    lever: 'fine-tuning',
    description: `Fine-tune ${tuned.what} on ${formatTokens(a.trainingTokens)} tokens × ${a.epochs} epochs, retrained ${every}, and drop ${Math.round(saved)} prompt tokens a request`,
    tradeOff: `Training ${formatUsd(tuned.runUsd)} a run${tuned.hostingUsdPerHour > 0 ? `, hosting ${formatUsd(tuned.hostingUsdPerHour)}/h` : ''}; the tuned model’s quality is unknown until evaluated. ${tuned.terms}`,
    setupUsd,
    whatIf: null,
    horizon: e.context.value.horizonMonths,
  });
}

/** The workload the tuned model sees: the prompt without the tokens it learned. */
function tunedWorkload(w: Workload, saved: number): Workload {
  const out = withPromptMean(w, w.inputTokens.mean - saved, 'keep');
  out.promptCache = {
    ...w.promptCache,
    prefixTokens: Math.max(0, prefixTokensCosted(w) - saved),
  };
  if (w.inputTokens.p95 !== undefined) {
    out.inputTokens = {
      ...out.inputTokens,
      p95: Math.max(out.inputTokens.mean, w.inputTokens.p95 - saved),
    };
  }
  return out;
}

function apiTuned(
  catalog: Catalog,
  scenario: Scenario,
  e: Ok,
  rec: CandidateResult,
  a: FineTuneAssumptions,
  workload: Workload,
): Tuned | null {
  const rate = pickRate(e.index, a);
  if (rate === null) return null;
  const base = e.index.offerings.get(rate.offeringId);
  if (base === undefined || rec.id === `api:${rate.offeringId}`) return null;
  const offering = {
    ...base,
    id: `${base.id}:fine-tuned`,
    usdPerMTok: rate.tunedUsdPerMTok,
    batch: undefined,
    priority: undefined,
    longContext: [],
    source: rate.source,
    asOf: rate.asOf,
  };
  const inline = scenario.catalog ?? {
    providers: [],
    models: [],
    offerings: [],
    gpus: [],
    instances: [],
    regions: [],
  };
  const measured: Scenario = {
    ...scenario,
    workload,
    catalog: { ...inline, offerings: [...inline.offerings, offering] },
  };
  const index = indexCatalog(catalog, measured.catalog, measured.discounts, e.index.asOf);
  const after = evaluateWhatIf(index, measured, { kind: 'api', offeringId: offering.id });
  if (after === null) return null;
  return {
    after,
    what: `${base.modelId} (${base.provider})`,
    runUsd: apiTrainingRunUsd(a.trainingTokens, a.epochs, rate.trainingUsdPerMTok),
    hostingUsdPerHour: rate.hostingUsdPerHour,
    terms: `Tied to ${base.provider}. Rates: ${rate.source} (${rate.asOf}).`,
    kind: 'api',
  };
}

/**
 * The open model on its cheapest rented-GPU candidate here (feasible, or out only for quality):
 * trained on that instance's GPUs at their hourly price, served there — LoRA adapters share the
 * base deployment, so hosting adds nothing beyond the fleet.
 */
function selfHostTuned(
  scenario: Scenario,
  e: Ok,
  rec: CandidateResult,
  a: FineTuneAssumptions,
  workload: Workload,
): Tuned | null {
  const { result, index } = e;
  const c = result.columns;
  let best = -1;
  for (let i = 0; i < c.size; i++) {
    const p = c.placements[i] as CandidatePlacement;
    if (p.kind !== 'cloud' || p.modelId !== a.modelId) continue;
    const monthly = c.monthlyUsd[i] as number;
    if (
      monthly !== monthly ||
      !(c.reasons[i] ?? []).every((r) => exclusionCode(r) === 'quality-below')
    )
      continue;
    if (best < 0 || monthly < (c.monthlyUsd[best] as number)) best = i;
  }
  if (best < 0) return null;
  const p = c.placements[best] as CloudPlacement;
  const instance = index.instances.get(p.instanceId);
  const gpu = instance && index.gpus.get(instance.gpuId);
  const arch = index.models.get(p.modelId)?.arch;
  const hourly = instance?.usdPerHour[p.pricing];
  if (instance === undefined || gpu === undefined || arch === undefined || hourly === undefined)
    return null;
  if (rec.id === result.row(best).id) return null;
  const after = evaluateWhatIf(index, { ...scenario, workload }, p);
  if (after === null) return null;
  const gpuHours = selfHostTrainingGpuHours(
    arch.paramsActiveB * 1e9,
    a.trainingTokens,
    a.epochs,
    a.method,
    gpu.tflops.bf16,
  );
  const usdPerGpuHour = hourly / instance.gpuCount;
  return {
    after,
    what: `${after.modelName} yourself (${a.method === 'lora' ? 'LoRA' : 'full'}) on ${instance.instanceType}`,
    runUsd: gpuHours * usdPerGpuHour,
    hostingUsdPerHour: 0,
    terms: `Training ${formatNumber(gpuHours, 1)} GPU-hours a run at ${formatUsd(usdPerGpuHour)}/GPU-hour: ${a.method === 'lora' ? 4 : 6} FLOPs per parameter a token at 40 % utilization (llm-foundry).`,
    kind: 'cloud',
  };
}

/** The stated offering's rate, or the one whose tuned model is cheapest per token. */
function pickRate(index: CatalogIndex, a: FineTuneAssumptions): FineTuneRate | null {
  const known = FINE_TUNE_RATES.filter((r) => index.offerings.has(r.offeringId));
  if (a.offeringId !== undefined) return known.find((r) => r.offeringId === a.offeringId) ?? null;
  const price = (r: FineTuneRate) => r.tunedUsdPerMTok.input + r.tunedUsdPerMTok.output;
  return [...known].sort((x, y) => price(x) - price(y))[0] ?? null;
}

function formatTokens(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : `${n}`;
}
