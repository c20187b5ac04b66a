import { formatUsd } from '../format.ts';
import { evaluatePrepared } from '../scenario/evaluate.ts';
import type { CandidatePlacement } from '../schema/route.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { CatalogIndex } from '../sweep/catalog-index.ts';
import type { CandidateResult } from '../sweep/types.ts';
import { paybackMonth } from './fine-tune.ts';

export const LEVER_KINDS = [
  'cache',
  'batch',
  'quantization',
  'region',
  'routing',
  'fine-tuning',
  'trimming',
  'commitment',
  'placement',
] as const;
export type LeverKind = (typeof LEVER_KINDS)[number];

/** How each lever reads in the app and the reports. */
export const LEVER_LABELS: Record<LeverKind, string> = {
  cache: 'Prompt cache',
  batch: 'Batch',
  quantization: 'Quantization',
  region: 'Region',
  routing: 'Routing',
  'fine-tuning': 'Fine-tuning',
  trimming: 'Prompt trimming',
  commitment: 'Commitment',
  placement: 'Another placement',
};

/** One "what if you did this" for the recommended candidate, and what it saves. */
export interface Lever {
  lever: LeverKind;
  description: string;
  /** What it costs besides money: latency, quality, setup, lock-in. */
  tradeOff: string;
  /** Run rate saved a month (negative: it costs more). */
  monthlySavingUsd: number;
  /** Horizon cost saved, setup included. */
  tcoSavingUsd: number;
  /** Change of time to first token, ms (positive: slower); null when either is unknown. */
  ttftDeltaMs: number | null;
  /** Change of the quality score; null when either is unknown. */
  qualityDelta: number | null;
  /** One-off cost of doing it, USD. */
  setupUsd: number;
  /** The month its saving has covered its setup, or null. */
  paybackMonth: number | null;
  /** The candidate the lever leads to, and how it reads. */
  candidateId: string;
  label: string;
  /** The scenario with the lever applied (what "apply" makes the draft); null: nothing to apply. */
  whatIf: Scenario | null;
}

/**
 * What a lever saves under the scenario's objective: the run rate for `monthly`, the horizon cost
 * (setup included) otherwise. The savings list ranks by it; at or below zero the lever does not pay.
 */
export function leverSavingUsd(l: Lever, objective: Scenario['objective']): number {
  return objective === 'monthly' ? l.monthlySavingUsd : l.tcoSavingUsd;
}

/** Below half a cent a lever saves nothing worth offering (it would read "$0.00" saved). */
const LEAST_SAVING_USD = 0.005;

/**
 * Whether a lever is offered as a saving: it saves at least a cent under the objective. The rest
 * are listed apart as not worth it here, with notWorthItReason, never as savings of $0 or less.
 */
export function leverSaves(l: Lever, objective: Scenario['objective']): boolean {
  return leverSavingUsd(l, objective) >= LEAST_SAVING_USD;
}

/** Why a lever that does not save is not worth it here, in the objective's terms. */
export function notWorthItReason(l: Lever, objective: Scenario['objective']): string {
  const monthly = l.monthlySavingUsd;
  const more = (usd: number, when: string) => `costs ${formatUsd(-usd)} more ${when}`;
  if (objective === 'monthly') {
    return monthly <= -LEAST_SAVING_USD ? more(monthly, 'a month') : 'saves nothing a month';
  }
  const horizon = l.tcoSavingUsd;
  if (monthly >= LEAST_SAVING_USD && l.setupUsd > 0) {
    return `saves ${formatUsd(monthly)} a month, too little to pay back its ${formatUsd(l.setupUsd)} setup within the horizon (${more(horizon, 'over it')})`;
  }
  if (horizon <= -LEAST_SAVING_USD) {
    return monthly <= -LEAST_SAVING_USD
      ? `${more(monthly, 'a month')}, ${formatUsd(-horizon)} over the horizon`
      : more(horizon, 'over the horizon');
  }
  return 'saves nothing over the horizon';
}

/** Evaluates one candidate under a what-if scenario, with the catalog index it was prepared with. */
export function evaluateWhatIf(
  index: CatalogIndex,
  whatIf: Scenario,
  p: CandidatePlacement,
): CandidateResult | null {
  const e = evaluatePrepared({ ok: true, index, placements: [p] }, whatIf);
  return e.ok ? e.result.row(0) : null;
}

export interface LeverFields {
  lever: LeverKind;
  description: string;
  tradeOff: string;
  setupUsd: number;
  whatIf: Scenario | null;
  horizon: number;
}

/** The lever's figures: the recommended candidate before, `after` with the lever. */
export function compare(rec: CandidateResult, after: CandidateResult, f: LeverFields): Lever {
  const monthly = (rec.monthlyUsd ?? 0) - (after.monthlyUsd ?? 0);
  return {
    lever: f.lever,
    description: f.description,
    tradeOff: f.tradeOff,
    monthlySavingUsd: monthly,
    tcoSavingUsd: (rec.tcoUsd ?? 0) - (after.tcoUsd ?? 0),
    ttftDeltaMs: delta(after.ttftMs, rec.ttftMs),
    qualityDelta: delta(after.quality, rec.quality),
    setupUsd: f.setupUsd,
    paybackMonth: paybackMonth(f.setupUsd, monthly, f.horizon),
    candidateId: after.id,
    label: after.label,
    whatIf: f.whatIf,
  };
}

function delta(after: number | null, before: number | null): number | null {
  return after === null || before === null ? null : after - before;
}
