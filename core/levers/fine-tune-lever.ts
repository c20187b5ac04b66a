import { formatUsd } from '../format.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import { indexCatalog } from '../sweep/catalog-index.ts';
import type { Catalog } from '../schema/catalog.ts';
import type { FineTuneAssumptions } from '../schema/levers.ts';
import type { Scenario } from '../schema/scenario.ts';
import { servedMonths } from '../sweep/result.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { withPromptMean } from '../workload/derive.ts';
import { apiTrainingRunUsd, fineTuneMonthlyExtrasUsd } from './fine-tune.ts';
import { FINE_TUNE_RATES, type FineTuneRate } from './fine-tune-rates.ts';
import { compare, evaluateWhatIf, type Lever } from './lever.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

/**
 * A fine-tuned small model instead of the recommended (prompted) one: the tuned model is sent the
 * prompt without what it learned (the cacheable prefix, unless stated), priced at the provider's
 * tuned-model rates. The first training run and the engineering are the setup; each retraining
 * (spread over its cadence) and any hosting fee are added to every month.
 */
export function fineTuneLever(
  catalog: Catalog,
  scenario: Scenario,
  e: Ok,
  rec: CandidateResult,
  a: FineTuneAssumptions,
): Lever | null {
  const rate = pickRate(e, a);
  if (rate === null) return null;
  const base = e.index.offerings.get(rate.offeringId);
  if (base === undefined || rec.id === `api:${rate.offeringId}`) return null;
  const w = scenario.workload;
  const saved = Math.min(a.promptTokensSaved ?? w.promptCache.prefixTokens, w.inputTokens.mean - 1);
  const tunedWorkload = withPromptMean(w, w.inputTokens.mean - saved, 'keep');
  tunedWorkload.promptCache = {
    ...w.promptCache,
    prefixTokens: Math.max(0, w.promptCache.prefixTokens - saved),
  };
  if (w.inputTokens.p95 !== undefined) {
    tunedWorkload.inputTokens = {
      ...tunedWorkload.inputTokens,
      p95: Math.max(tunedWorkload.inputTokens.mean, w.inputTokens.p95 - saved),
    };
  }
  const tuned = {
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
    workload: tunedWorkload,
    catalog: { ...inline, offerings: [...inline.offerings, tuned] },
  };
  const index = indexCatalog(catalog, measured.catalog, measured.discounts, e.index.asOf);
  const placement = { kind: 'api' as const, offeringId: tuned.id };
  const after = evaluateWhatIf(index, measured, placement);
  if (after === null || after.monthlyUsd === null || after.tcoUsd === null) return null;

  const runUsd = apiTrainingRunUsd(a.trainingTokens, a.epochs, rate.trainingUsdPerMTok);
  const extras = fineTuneMonthlyExtrasUsd(runUsd, a.retrainEveryMonths, rate.hostingUsdPerHour);
  const setupUsd = a.engineeringUsd + runUsd;
  const months = servedMonths(e.context, 'api');
  const withExtras: CandidateResult = {
    ...after,
    monthlyUsd: after.monthlyUsd + extras,
    tcoUsd: after.tcoUsd + setupUsd + extras * months,
    // The tuned model's quality is not the base's: unknown until it is evaluated.
    quality: null,
  };
  return compare(rec, withExtras, {
    lever: 'fine-tuning',
    description: `Fine-tune ${base.modelId} (${base.provider}) on ${formatTokens(a.trainingTokens)} tokens × ${a.epochs} epochs, retrained every ${a.retrainEveryMonths} month${a.retrainEveryMonths === 1 ? '' : 's'}, and drop ${Math.round(saved)} prompt tokens a request`,
    tradeOff: `Training ${formatUsd(runUsd)} a run${rate.hostingUsdPerHour > 0 ? `, hosting ${formatUsd(rate.hostingUsdPerHour)}/h` : ''}; the tuned model’s quality is unknown until evaluated; tied to ${base.provider}. Rates: ${rate.source} (${rate.asOf}).`,
    setupUsd,
    whatIf: null,
    horizon: e.context.value.horizonMonths,
  });
}

/** The stated offering's rate, or the one whose tuned model is cheapest per prompt token. */
function pickRate(e: Ok, a: FineTuneAssumptions): FineTuneRate | null {
  const known = FINE_TUNE_RATES.filter((r) => e.index.offerings.has(r.offeringId));
  if (a.offeringId !== undefined) return known.find((r) => r.offeringId === a.offeringId) ?? null;
  const sorted = [...known].sort(
    (x, y) =>
      x.tunedUsdPerMTok.input +
      x.tunedUsdPerMTok.output -
      (y.tunedUsdPerMTok.input + y.tunedUsdPerMTok.output),
  );
  return sorted[0] ?? null;
}

function formatTokens(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : `${n}`;
}
