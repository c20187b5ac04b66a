import { toCsv } from '../csv.ts';
import { apiTokensPerMonth, type ApiTokens } from '../pricing/api-cost.ts';
import { negotiatedApiCost } from '../pricing/negotiated.ts';
import type { CandidateCommitment } from '../commitments/types.ts';
import type { RoiMonth } from '../roi/roi.ts';
import type { ScenarioEvaluation } from '../scenario/evaluate.ts';
import type { Scenario } from '../schema/scenario.ts';
import type { ApiPlacement } from '../schema/placement.ts';
import { apiTerms } from '../sweep/evaluate-api.ts';
import { projectMonths } from '../sweep/projection.ts';
import {
  BREAKDOWN_KEYS,
  BREAKDOWN_LABELS,
  PLACEMENT_LABELS,
  type CandidateResult,
  type CostBreakdown,
} from '../sweep/types.ts';
import { HOURS_PER_MONTH, TOKENS_PER_MTOK } from '../units.ts';
import { monthlyCashBands, type MonthBand } from '../uncertainty/bands.ts';
import type { SimulationSetup } from '../uncertainty/setup.ts';
import type { UncertaintyResult } from '../uncertainty/simulate.ts';
import {
  AI_SERVICE_CATEGORY,
  AI_SERVICE_SUBCATEGORY,
  FOCUS_MANDATORY_COLUMNS,
  FOCUS_OPTIONAL_COLUMNS,
  FOCUS_PERCENTILE_COLUMN,
  FOCUS_PORTFOLIO_COLUMNS,
  FOCUS_PROJECTION_COLUMNS,
  FOCUS_TAGS_COLUMN,
} from './focus-columns.ts';
import { monthStart } from './report-tables.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;
type Key = keyof CostBreakdown;
export type FocusRow = Record<string, string | number | null>;

export interface FocusInput {
  scenario: Pick<Scenario, 'name' | 'startDate'>;
  evaluation: Ok;
  /** Candidates to project besides the recommendation (ids). */
  candidateIds?: readonly string[];
  /** The simulation: adds P10/P50/P90 rows of each month's total (x_Percentile). */
  uncertainty?: { setup: SimulationSetup; result: UncertaintyResult } | undefined;
}

/** Owned hardware is paid when bought (a purchase row): its depreciation and capital charge are not charges. */
const NOT_CHARGED_WHEN_OWNED: ReadonlySet<Key> = new Set(['gpuUsd', 'idleUsd', 'capitalChargeUsd']);
/** Fixed monthly charges, as opposed to ones that follow use. */
const RECURRING: ReadonlySet<Key> = new Set([
  'staffUsd',
  'storageUsd',
  'monitoringUsd',
  'colocationUsd',
  'capitalChargeUsd',
]);
const TOKEN_KEYS: Partial<Record<Key, keyof ApiTokens>> = {
  inputUsd: 'inputTokens',
  cachedInputUsd: 'cachedInputTokens',
  cacheWriteUsd: 'cacheWriteTokens',
  outputUsd: 'outputTokens',
  reasoningUsd: 'reasoningTokens',
};

/**
 * Splits `total` (dollars) into cents in proportion to `weights`, the parts adding up to the
 * total rounded to the cent exactly (largest remainder), so a month's rows sum to its cost.
 */
export function centsSplit(total: number, weights: readonly number[]): number[] {
  const cents = Math.round(total * 100);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || weights.length === 0) return weights.map((_, k) => (k === 0 ? cents / 100 : 0));
  const exact = weights.map((w) => (cents * w) / sum);
  const floor = exact.map(Math.floor);
  let left = cents - floor.reduce((a, b) => a + b, 0);
  const order = exact.map((x, k) => [x - Math.floor(x), k] as const).sort((a, b) => b[0] - a[0]);
  for (const [, k] of order) {
    if (left <= 0) break;
    floor[k]! += 1;
    left--;
  }
  return floor.map((c) => c / 100);
}

const iso = (day: string) => `${day}T00:00:00Z`;
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** What a candidate's commitment pays for, for its Purchase rows and the usage it covers. */
export interface CommitPlan {
  /** The commitment's id (CommitmentDiscountId, and the Purchase rows' ResourceId). */
  id: string;
  /** The parts of the bill the commitment covers. */
  keys: readonly Key[];
  /** Its charge a month (upfront spread over the term), USD; null: all of the covered parts. */
  monthUsd: number | null;
  /** Committed quantity in the month (CommitmentDiscountUnit), at the month's scale of the fleet. */
  quantity: (scale: number) => number;
  /** List (on-demand) cost per dollar of committed cost. */
  listFactor: number;
  description: string;
  /** What serves the usage beyond it, in words. */
  beyond: 'on demand' | 'spot' | 'pay-as-you-go';
  columns: Pick<
    FocusRow,
    | 'CommitmentDiscountId'
    | 'CommitmentDiscountCategory'
    | 'CommitmentDiscountType'
    | 'CommitmentDiscountName'
    | 'CommitmentDiscountUnit'
  >;
}

const UNIT_NAMES: Record<CandidateCommitment['unit'], string> = {
  instance: 'Instance',
  ptu: 'PTU',
  'model-unit': 'Model Unit',
  gsu: 'GSU',
};

/**
 * A candidate's commitment as FOCUS bills it, from the commitments engine's plan: rented
 * instances committed for a term (the committed base; the rest on demand or spot), or a hosted
 * API's provisioned throughput units. Null without a commitment.
 */
export function commitPlan(ctx: Ok, r: CandidateResult, sku: string): CommitPlan | null {
  const c = r.commitment;
  const p = r.placement;
  const months = r.selfHost?.commitmentMonths ?? null;
  if (p.kind === 'cloud' && months !== null) {
    const instance = ctx.index.instances.get(p.instanceId);
    const onDemand = instance?.usdPerHour.onDemand;
    const rate = instance?.usdPerHour[p.pricing] ?? onDemand;
    const units = c?.committedUnits ?? r.selfHost?.instancesPeak ?? 0;
    const id = `${r.id}:commitment-${months}m`;
    return {
      id,
      keys: ['gpuUsd', 'idleUsd'],
      monthUsd: c === null ? null : c.monthlyCommittedUsd + c.upfrontUsd / c.termMonths,
      // The engine's committed units hold every hour of the term; without its plan, the fleet.
      quantity: (scale) => units * HOURS_PER_MONTH * (c === null ? scale : 1),
      listFactor: onDemand !== undefined && rate !== undefined && rate > 0 ? onDemand / rate : 1,
      description: `${months}-month commitment on ${units} instance(s)`,
      beyond: p.burst === 'spot' ? 'spot' : 'on demand',
      columns: {
        CommitmentDiscountId: id,
        CommitmentDiscountCategory: 'Usage',
        CommitmentDiscountType: 'Committed use',
        CommitmentDiscountName: `${months}-month commitment: ${sku}`,
        CommitmentDiscountUnit: 'Instance-Hours',
      },
    };
  }
  if (c !== null && c.kind === 'provisioned') {
    const id = `${r.id}:provisioned-${c.term}`;
    const unit = UNIT_NAMES[c.unit];
    return {
      id,
      keys: ['provisionedUsd'],
      monthUsd: null,
      quantity: () => c.committedUnits * HOURS_PER_MONTH,
      listFactor: 1,
      description: `Provisioned throughput, ${c.term}: ${c.committedUnits} ${unit}(s)`,
      beyond: 'pay-as-you-go',
      columns: {
        CommitmentDiscountId: id,
        CommitmentDiscountCategory: 'Usage',
        CommitmentDiscountType: 'Provisioned throughput',
        CommitmentDiscountName: `Provisioned throughput (${c.term}): ${sku}`,
        CommitmentDiscountUnit: `${unit}-Hours`,
      },
    };
  }
  return null;
}

/** Who bills a candidate's charges, what the service is called, what is being paid for. */
export function parties(ctx: Ok, r: CandidateResult) {
  const index = ctx.index;
  const model = index.models.get(r.modelId);
  const provider = index.providers.get(r.provider)?.name ?? r.provider;
  const region = r.regionId === null ? undefined : index.regions.get(r.regionId);
  const p = r.placement;
  if (p.kind === 'api') {
    return {
      provider,
      publisher: model?.developer ?? provider,
      service: /\bAPI$/.test(provider) ? provider : `${provider} API`,
      resourceType: 'Hosted model API',
      sku: p.offeringId,
      region,
    };
  }
  if (p.kind === 'cloud') {
    return {
      provider,
      publisher: provider,
      service: `${provider} GPU instances`,
      resourceType: 'GPU instance fleet',
      sku: p.instanceId,
      region,
    };
  }
  if (p.kind === 'route') {
    // A route has no month-by-month series (projectMonths gives none), so no rows are billed for
    // one today; were it billed, each arm's provider bills its share.
    return {
      provider,
      publisher: provider,
      service: `Route (${p.mode}) between two placements`,
      resourceType: 'Routed model requests',
      sku: r.id,
      region,
    };
  }
  return {
    provider: 'On premises',
    publisher: 'On premises',
    service: 'Owned GPU servers',
    resourceType: 'GPU server fleet',
    sku: p.gpuId,
    region,
  };
}

/** The columns every row of a scenario's (or a portfolio's) export carries. */
export function baseColumns(scenarioName: string, pricesAsOf: string): FocusRow {
  return {
    BillingAccountId: `modelwise:${slug(scenarioName) || 'scenario'}`,
    BillingAccountName: scenarioName,
    BillingCurrency: 'USD',
    ChargeClass: null,
    ServiceCategory: AI_SERVICE_CATEGORY,
    ServiceSubcategory: AI_SERVICE_SUBCATEGORY,
    x_ScenarioName: scenarioName,
    x_Projected: 'true',
    x_PricesAsOf: pricesAsOf,
  };
}

/**
 * Projected spend as FOCUS 1.2 rows: one per month of the horizon × candidate (the recommendation
 * and any asked for) × cost component, every mandatory column filled.
 *
 * - A month's usage rows add up to the engine's run cost for that month (its volume, served share
 *   and prices), split among components as in the first full month; amounts in cents, rounded so
 *   they add up exactly: a candidate's rows to its horizon total to the cent (months and hardware
 *   rounded together by largest remainder), a month's rows to that month's share of it (within
 *   a cent of the month's cost). Tokens are in ConsumedQuantity ("Tokens") and PricingQuantity
 *   ("1000000 Tokens"); other charges are priced by the month.
 * - A 1- or 3-year commitment on rented GPUs is a Purchase row each month (Recurring) with the
 *   CommitmentDiscount* columns; the instance time it covers is Usage at no billed cost, its
 *   amortized amount in EffectiveCost, split Used and Unused by utilization.
 * - Owned servers are a Purchase row (One-Time) in the month they are bought; their depreciation
 *   and capital charge are not charges. Setup (your own integration work) is not a provider's
 *   charge and is left out; the report and workbook carry it.
 * - ListCost is before the negotiated discount (and, for committed instances, at on-demand prices).
 */
export function focusRows(input: FocusInput): FocusRow[] {
  const { evaluation } = input;
  const { result, context } = evaluation;
  const ids = [
    ...new Set([
      ...(result.recommended >= 0 ? [result.row(result.recommended).id] : []),
      ...(input.candidateIds ?? []),
    ]),
  ];
  const start = input.scenario.startDate ?? evaluation.index.asOf ?? '2000-01-01';
  const base = baseColumns(input.scenario.name, evaluation.index.asOf ?? start);
  const rows: FocusRow[] = [];
  const projected: { row: CandidateResult; months: RoiMonth[] }[] = [];
  for (const id of ids) {
    const i = result.indexOf(id);
    if (i < 0) continue;
    const p = projectMonths(context, result.row(i).placement);
    if (p === null) continue;
    projected.push(p);
    rows.push(...candidateRows(evaluation, p.row, p.months, start, base));
  }
  const u = input.uncertainty;
  if (u !== undefined) {
    const bands = monthlyCashBands(
      u.setup,
      projected.map((p) => ({ id: p.row.id, placement: p.row.placement })),
    );
    for (const band of bands) {
      const r = projected.find((p) => p.row.id === band.id)?.row;
      if (r !== undefined) rows.push(...percentileRows(evaluation, r, band, start, base, u.result));
    }
  }
  return rows;
}

/** How a candidate's months are billed: by whom, in which parts, on what terms. */
export interface Billing {
  row: CandidateResult;
  who: ReturnType<typeof parties>;
  /** The parts billed, and the weights a month's amount is split among them by. */
  keys: readonly Key[];
  weights: readonly number[];
  /** The share the negotiated terms take off this bill (less, or none, below a spend threshold). */
  discount: number;
  tokens: ApiTokens | undefined;
  plan: CommitPlan | null;
  /** Parts in a month's amount that no one bills that month: owned servers' depreciation. */
  amortized: ReadonlySet<Key>;
}

/**
 * A candidate's billing: its cost components split as in its first full month. `keys` bills
 * only those parts; `amortizeOwned` keeps owned servers' depreciation and capital charge as
 * amortized rows (a month that counts them, as a portfolio's does) instead of leaving them out;
 * `plan` replaces the candidate's own commitment.
 */
export function billing(
  ctx: Ok,
  r: CandidateResult,
  o: { keys?: readonly Key[]; amortizeOwned?: boolean; plan?: CommitPlan | null } = {},
): Billing {
  const who = parties(ctx, r);
  const b = r.breakdown;
  const owned = r.kind === 'onprem';
  const amortized = owned && o.amortizeOwned === true ? NOT_CHARGED_WHEN_OWNED : new Set<Key>();
  const keys =
    o.keys ??
    BREAKDOWN_KEYS.filter(
      (k) => b[k] > 0 && !(owned && NOT_CHARGED_WHEN_OWNED.has(k) && !amortized.has(k)),
    );
  return {
    row: r,
    who,
    keys,
    weights: keys.map((k) => b[k]),
    discount: r.negotiated?.effectiveFraction ?? r.api?.discount ?? 0,
    tokens: r.placement.kind === 'api' ? apiTokenSplit(ctx, r, r.placement) : undefined,
    plan: o.plan === undefined ? commitPlan(ctx, r, who.sku) : o.plan,
    amortized,
  };
}

function candidateRows(
  ctx: Ok,
  r: CandidateResult,
  months: readonly RoiMonth[],
  start: string,
  base: FocusRow,
): FocusRow[] {
  const t = billing(ctx, r);
  const steady = t.weights.reduce((sum, x) => sum + x, 0);
  // Each month's run cost and hardware bought, in cents rounded together (largest remainder), so
  // the candidate's rows add up to its horizon total to the cent: each month rounded alone drifted
  // from it by a cent a month at most, a few cents over a horizon. A month is within a cent of its
  // own cost.
  const runUsd = months.map((m) => (steady > 0 && m.runUsd > 0 ? m.runUsd : 0));
  const capexUsd = months.map((m) => (m.capexUsd > 0 ? m.capexUsd : 0));
  const total = [...runUsd, ...capexUsd].reduce((sum, x) => sum + x, 0);
  const rounded = centsSplit(total, [...runUsd, ...capexUsd]);
  const out: FocusRow[] = [];
  months.forEach((m, i) => {
    const common = monthColumns(base, start, m.month, t.who, r);
    out.push(...monthRows(t, common, rounded[i] ?? 0, steady > 0 ? m.runUsd / steady : 0));
    const capex = rounded[months.length + i] ?? 0;
    if (capex > 0) {
      out.push({
        ...common,
        ChargeCategory: 'Purchase',
        ChargeFrequency: 'One-Time',
        ChargeDescription: `GPU servers bought — ${r.label} (projected)`,
        BilledCost: capex,
        EffectiveCost: capex,
        ContractedCost: capex,
        ListCost: capex,
        PricingQuantity: r.selfHost?.owned?.serverUsd
          ? round6(m.capexUsd / r.selfHost.owned.serverUsd)
          : 1,
        PricingUnit: 'Servers',
        PricingCategory: 'Standard',
        x_CostComponent: 'hardware',
      });
    }
  });
  return out;
}

/**
 * One month's rows of a billing: `monthUsd` (whole cents) split among its parts in cents that add
 * up to it exactly, a commitment's Purchase row and the usage it covers, the rest billed as used.
 * `scale` is the month's amount over the first full month's (usage quantities follow it).
 */
export function monthRows(
  t: Billing,
  common: FocusRow,
  monthUsd: number,
  scale: number,
): FocusRow[] {
  const { row: r, keys, plan, discount, tokens } = t;
  const out: FocusRow[] = [];
  // The month's cost in cents, split among the components as in the first full month.
  const amounts = monthUsd > 0 ? centsSplit(monthUsd, t.weights) : [];
  // What the commitment pays for this month: its committed charge (the engine's), at most the
  // covered parts; the rest of those parts runs on demand (or spot) and is billed as used.
  const coverable = plan === null ? [] : keys.filter((k) => plan.keys.includes(k));
  const coverableUsd = coverable.map((k) => amounts[keys.indexOf(k)] ?? 0);
  const coverableTotal = coverableUsd.reduce((sum, x) => sum + x, 0);
  const coveredTotal =
    plan === null
      ? 0
      : plan.monthUsd === null
        ? coverableTotal
        : Math.min(coverableTotal, round2(plan.monthUsd));
  const coveredParts = coveredTotal > 0 ? centsSplit(coveredTotal, coverableUsd) : [];
  const coveredOf = (k: Key) => coveredParts[coverable.indexOf(k)] ?? 0;
  if (plan !== null && coveredTotal > 0) {
    out.push({
      ...common,
      ChargeCategory: 'Purchase',
      ChargeFrequency: 'Recurring',
      ChargeDescription: `${plan.description}, this month's payment — ${r.label} (projected)`,
      BilledCost: coveredTotal,
      EffectiveCost: 0,
      ContractedCost: coveredTotal,
      ListCost: round2((coveredTotal * plan.listFactor) / (1 - discount)),
      PricingQuantity: 1,
      PricingUnit: 'Month',
      PricingCategory: 'Standard',
      ResourceId: plan.id,
      ...plan.columns,
      CommitmentDiscountQuantity: round6(plan.quantity(scale)),
      CommitmentDiscountStatus: null,
      x_CostComponent: 'commitment',
    });
  }
  keys.forEach((k, j) => {
    const amount = amounts[j] ?? 0;
    if (amount <= 0) return;
    const covered = coveredOf(k);
    const tokenKey = TOKEN_KEYS[k];
    const consumed =
      tokens !== undefined && tokenKey !== undefined ? tokens[tokenKey] * scale : null;
    // Paid in the month, or carried by a payment made elsewhere: the commitment's, or the
    // owned servers' when bought (EffectiveCost only, as FOCUS amortizes).
    const usage = (usd: number, paid: 'billed' | 'covered' | 'amortized'): FocusRow => ({
      ...common,
      ChargeCategory: 'Usage',
      ChargeFrequency: RECURRING.has(k) ? 'Recurring' : 'Usage-Based',
      ChargeDescription: `${BREAKDOWN_LABELS[k]}${paid === 'amortized' ? ' (owned servers, amortized)' : paid === 'covered' || covered === 0 || plan === null ? '' : ` beyond the commitment (${plan.beyond})`} — ${r.label} (projected)`,
      BilledCost: paid === 'billed' ? usd : 0,
      EffectiveCost: usd,
      ContractedCost: paid === 'billed' ? usd : 0,
      ListCost: paid === 'billed' ? round2(usd / (1 - discount)) : 0,
      PricingQuantity: consumed === null ? 1 : round6(consumed / TOKENS_PER_MTOK),
      PricingUnit: consumed === null ? 'Month' : '1000000 Tokens',
      PricingCategory:
        paid === 'covered'
          ? 'Committed'
          : r.placement.kind === 'cloud' &&
              (r.placement.pricing === 'spot' || plan?.beyond === 'spot') &&
              (k === 'gpuUsd' || k === 'idleUsd')
            ? 'Dynamic'
            : 'Standard',
      ConsumedQuantity: consumed === null ? null : Math.round(consumed),
      ConsumedUnit: consumed === null ? null : 'Tokens',
      x_CostComponent: k,
    });
    if (t.amortized.has(k)) {
      out.push(usage(amount, 'amortized'));
      return;
    }
    if (covered > 0 && plan !== null) {
      out.push({
        ...usage(covered, 'covered'),
        ...plan.columns,
        CommitmentDiscountQuantity: round6(plan.quantity(scale) * (covered / coveredTotal)),
        CommitmentDiscountStatus: k === 'idleUsd' ? 'Unused' : 'Used',
      });
    }
    const rest = round2(amount - covered);
    if (rest > 0) out.push(usage(rest, 'billed'));
  });
  return out;
}

/**
 * Tokens a month by type at the stated volume, for a hosted-API candidate: priced on the
 * candidate's own terms (its reasoning tokens, a task's turn spacing), as its cost was.
 */
function apiTokenSplit(ctx: Ok, r: CandidateResult, p: ApiPlacement): ApiTokens {
  const t = apiTerms(ctx.context, p);
  const w = ctx.context.workload;
  const all = apiTokensPerMonth(t.o, w, ctx.context.rates, t.costOptions);
  if (r.breakdown.provisionedUsd <= 0) return all;
  // Provisioned units serve the rest: the per-token parts bill only what overflows (and batch),
  // the share of the pay-as-you-go cost the row's token parts hold.
  const full = negotiatedApiCost(t.o, w, ctx.context.rates, t.terms, t.costOptions).breakdown;
  const part = (
    k: 'inputUsd' | 'cachedInputUsd' | 'cacheWriteUsd' | 'outputUsd' | 'reasoningUsd',
  ) => (full[k] > 0 ? r.breakdown[k] / full[k] : 0);
  return {
    inputTokens: all.inputTokens * part('inputUsd'),
    cachedInputTokens: all.cachedInputTokens * part('cachedInputUsd'),
    cacheWriteTokens: all.cacheWriteTokens * part('cacheWriteUsd'),
    outputTokens: all.outputTokens * part('outputUsd'),
    reasoningTokens: all.reasoningTokens * part('reasoningUsd'),
  };
}

/** A month's total at P10, P50 and P90 of the simulated futures: rows marked by x_Percentile. */
function percentileRows(
  ctx: Ok,
  r: CandidateResult,
  band: MonthBand,
  start: string,
  base: FocusRow,
  u: UncertaintyResult,
): FocusRow[] {
  const who = parties(ctx, r);
  const out: FocusRow[] = [];
  band.p10.forEach((_, k) => {
    const common = monthColumns(base, start, k + 1, who, r);
    for (const [name, values] of [
      ['P10', band.p10],
      ['P50', band.p50],
      ['P90', band.p90],
    ] as const) {
      const usd = values[k];
      if (usd === null || usd === undefined || usd <= 0) continue;
      const amount = round2(usd);
      out.push({
        ...common,
        ChargeCategory: 'Usage',
        ChargeFrequency: 'Usage-Based',
        ChargeDescription: `All components, ${name} of ${Math.min(u.samples, 200)} simulated futures — ${r.label} (projected)`,
        BilledCost: amount,
        EffectiveCost: amount,
        ContractedCost: amount,
        ListCost: amount,
        PricingQuantity: 1,
        PricingUnit: 'Month',
        PricingCategory: 'Standard',
        x_CostComponent: 'all',
        [FOCUS_PERCENTILE_COLUMN]: name,
      });
    }
  });
  return out;
}

/**
 * The columns every row of a candidate's month carries: the month as billing and charge period
 * (starting `month` − 1 months after `start`), who bills it and the resource.
 */
export function monthColumns(
  base: FocusRow,
  start: string,
  month: number,
  who: ReturnType<typeof parties>,
  r: CandidateResult,
): FocusRow {
  const from = iso(monthStart(start, month));
  const to = iso(monthStart(start, month + 1));
  return {
    ...base,
    BillingPeriodStart: from,
    BillingPeriodEnd: to,
    ChargePeriodStart: from,
    ChargePeriodEnd: to,
    x_HorizonMonth: month,
    InvoiceIssuerName: who.provider,
    ProviderName: who.provider,
    PublisherName: who.publisher,
    ServiceName: who.service,
    RegionId: r.regionId,
    RegionName: who.region?.name ?? null,
    ResourceId: r.id,
    ResourceName: r.label,
    ResourceType: who.resourceType,
    SkuId: who.sku,
    x_CandidateId: r.id,
    x_Placement: PLACEMENT_LABELS[r.kind],
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The columns of a FOCUS export: mandatory, then the optional ones, then ours. */
export function focusColumns(rows: readonly FocusRow[]): string[] {
  const percentile = rows.some((r) => r[FOCUS_PERCENTILE_COLUMN] !== undefined);
  const portfolio = rows.some((r) => r[FOCUS_TAGS_COLUMN] !== undefined);
  return [
    ...FOCUS_MANDATORY_COLUMNS,
    ...FOCUS_OPTIONAL_COLUMNS,
    ...(portfolio ? [FOCUS_TAGS_COLUMN] : []),
    ...FOCUS_PROJECTION_COLUMNS,
    ...(portfolio ? FOCUS_PORTFOLIO_COLUMNS : []),
    ...(percentile ? [FOCUS_PERCENTILE_COLUMN] : []),
  ];
}

/** FOCUS rows as CSV: a header of column names, empty cells for nulls, amounts in decimals. */
export function focusCsv(rows: readonly FocusRow[]): string {
  const columns = focusColumns(rows);
  const cell = (v: string | number | null | undefined) =>
    v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : v;
  return toCsv([columns, ...rows.map((r) => columns.map((c) => cell(r[c])))]);
}
