import { toCsv } from '../csv.ts';
import { apiTokensPerMonth, type ApiTokens } from '../pricing/api-cost.ts';
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
  FOCUS_PROJECTION_COLUMNS,
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

/** Who bills a candidate's charges, what the service is called, what is being paid for. */
function parties(ctx: Ok, r: CandidateResult) {
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
  return {
    provider: 'On premises',
    publisher: 'On premises',
    service: 'Owned GPU servers',
    resourceType: 'GPU server fleet',
    sku: p.gpuId,
    region,
  };
}

/**
 * Projected spend as FOCUS 1.2 rows: one per month of the horizon × candidate (the recommendation
 * and any asked for) × cost component, every mandatory column filled.
 *
 * - A month's usage rows add up to the engine's run cost for that month (its volume, served share
 *   and prices), split among components as in the first full month; amounts in cents, rounded so
 *   they add up exactly. Tokens are in ConsumedQuantity ("Tokens") and PricingQuantity
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
  const pricesAsOf = evaluation.index.asOf ?? start;
  const base = {
    BillingAccountId: `modelwise:${slug(input.scenario.name) || 'scenario'}`,
    BillingAccountName: input.scenario.name,
    BillingCurrency: 'USD',
    ChargeClass: null,
    ServiceCategory: AI_SERVICE_CATEGORY,
    ServiceSubcategory: AI_SERVICE_SUBCATEGORY,
    x_ScenarioName: input.scenario.name,
    x_Projected: 'true',
    x_PricesAsOf: pricesAsOf,
  };
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

function candidateRows(
  ctx: Ok,
  r: CandidateResult,
  months: readonly RoiMonth[],
  start: string,
  base: FocusRow,
): FocusRow[] {
  const who = parties(ctx, r);
  const owned = r.kind === 'onprem';
  const committed = r.selfHost?.commitmentMonths ?? null;
  const b = r.breakdown;
  const keys = BREAKDOWN_KEYS.filter((k) => b[k] > 0 && !(owned && NOT_CHARGED_WHEN_OWNED.has(k)));
  const steady = keys.reduce((sum, k) => sum + b[k], 0);
  const discount = r.api?.discount ?? 0;
  const tokens = r.placement.kind === 'api' ? apiTokenSplit(ctx, r.placement) : undefined;
  const instance =
    r.placement.kind === 'cloud' ? ctx.index.instances.get(r.placement.instanceId) : undefined;
  // Committed instance time at on-demand prices: the list cost of what the commitment covers.
  const listFactor =
    committed !== null && instance !== undefined && r.placement.kind === 'cloud'
      ? instance.usdPerHour.onDemand /
        (instance.usdPerHour[r.placement.pricing] ?? instance.usdPerHour.onDemand)
      : 1;
  const commitmentId = committed === null ? null : `${r.id}:commitment-${committed}m`;
  const out: FocusRow[] = [];
  for (const m of months) {
    const from = monthStart(start, m.month);
    const to = monthStart(start, m.month + 1);
    const period = {
      BillingPeriodStart: iso(from),
      BillingPeriodEnd: iso(to),
      ChargePeriodStart: iso(from),
      ChargePeriodEnd: iso(to),
      x_HorizonMonth: m.month,
    };
    const common = {
      ...base,
      ...period,
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
    // The month's run cost in cents, split among the components as in the first full month.
    const amounts =
      steady > 0 && m.runUsd > 0
        ? centsSplit(
            m.runUsd,
            keys.map((k) => b[k]),
          )
        : [];
    const scale = steady > 0 ? m.runUsd / steady : 0;
    const covered: Key[] =
      committed === null ? [] : keys.filter((k) => k === 'gpuUsd' || k === 'idleUsd');
    const coveredUsd = covered.reduce((sum, k) => sum + (amounts[keys.indexOf(k)] ?? 0), 0);
    if (commitmentId !== null && coveredUsd > 0) {
      const hours = (r.selfHost?.instancesPeak ?? 0) * HOURS_PER_MONTH * scale;
      out.push({
        ...common,
        ChargeCategory: 'Purchase',
        ChargeFrequency: 'Recurring',
        ChargeDescription: `${committed}-month commitment on ${r.selfHost?.instancesPeak ?? 0} instance(s), this month's payment — ${r.label} (projected)`,
        BilledCost: coveredUsd,
        EffectiveCost: 0,
        ContractedCost: coveredUsd,
        ListCost: round2(coveredUsd * listFactor),
        PricingQuantity: 1,
        PricingUnit: 'Month',
        PricingCategory: 'Standard',
        ResourceId: commitmentId,
        CommitmentDiscountId: commitmentId,
        CommitmentDiscountCategory: 'Usage',
        CommitmentDiscountType: 'Committed use',
        CommitmentDiscountName: `${committed}-month commitment: ${who.sku}`,
        CommitmentDiscountQuantity: round6(hours),
        CommitmentDiscountUnit: 'Instance-Hours',
        CommitmentDiscountStatus: null,
        x_CostComponent: 'commitment',
      });
    }
    keys.forEach((k, j) => {
      const amount = amounts[j] ?? 0;
      if (amount <= 0) return;
      const isCovered = covered.includes(k);
      const tokenKey = TOKEN_KEYS[k];
      const consumed =
        tokens !== undefined && tokenKey !== undefined ? tokens[tokenKey] * scale : null;
      const row: FocusRow = {
        ...common,
        ChargeCategory: 'Usage',
        ChargeFrequency: RECURRING.has(k) ? 'Recurring' : 'Usage-Based',
        ChargeDescription: `${BREAKDOWN_LABELS[k]} — ${r.label} (projected)`,
        BilledCost: isCovered ? 0 : amount,
        EffectiveCost: amount,
        ContractedCost: isCovered ? 0 : amount,
        ListCost: isCovered ? 0 : round2(amount / (1 - discount)),
        PricingQuantity: consumed === null ? 1 : round6(consumed / TOKENS_PER_MTOK),
        PricingUnit: consumed === null ? 'Month' : '1000000 Tokens',
        PricingCategory: isCovered
          ? 'Committed'
          : r.placement.kind === 'cloud' &&
              r.placement.pricing === 'spot' &&
              (k === 'gpuUsd' || k === 'idleUsd')
            ? 'Dynamic'
            : 'Standard',
        ConsumedQuantity: consumed === null ? null : Math.round(consumed),
        ConsumedUnit: consumed === null ? null : 'Tokens',
        x_CostComponent: k,
      };
      if (isCovered && commitmentId !== null) {
        const hours =
          (r.selfHost?.instancesPeak ?? 0) * HOURS_PER_MONTH * scale * (amount / coveredUsd);
        Object.assign(row, {
          CommitmentDiscountId: commitmentId,
          CommitmentDiscountCategory: 'Usage',
          CommitmentDiscountType: 'Committed use',
          CommitmentDiscountName: `${committed}-month commitment: ${who.sku}`,
          CommitmentDiscountQuantity: round6(hours),
          CommitmentDiscountUnit: 'Instance-Hours',
          CommitmentDiscountStatus: k === 'idleUsd' ? 'Unused' : 'Used',
        });
      }
      out.push(row);
    });
    if (m.capexUsd > 0) {
      const capex = round2(m.capexUsd);
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
  }
  return out;
}

/**
 * Tokens a month by type at the stated volume, for a hosted-API candidate: priced on the
 * candidate's own terms (its reasoning tokens, a task's turn spacing), as its cost was.
 */
function apiTokenSplit(ctx: Ok, p: ApiPlacement): ApiTokens {
  const t = apiTerms(ctx.context, p);
  return apiTokensPerMonth(t.o, ctx.context.workload, ctx.context.rates, t.costOptions);
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
    const from = monthStart(start, k + 1);
    const to = monthStart(start, k + 2);
    for (const [name, values] of [
      ['P10', band.p10],
      ['P50', band.p50],
      ['P90', band.p90],
    ] as const) {
      const usd = values[k];
      if (usd === null || usd === undefined || usd <= 0) continue;
      const amount = round2(usd);
      out.push({
        ...base,
        BillingPeriodStart: iso(from),
        BillingPeriodEnd: iso(to),
        ChargePeriodStart: iso(from),
        ChargePeriodEnd: iso(to),
        x_HorizonMonth: k + 1,
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
        x_CandidateId: r.id,
        x_Placement: PLACEMENT_LABELS[r.kind],
        x_CostComponent: 'all',
        [FOCUS_PERCENTILE_COLUMN]: name,
      });
    }
  });
  return out;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The columns of a FOCUS export: mandatory, then the optional ones, then ours. */
export function focusColumns(rows: readonly FocusRow[]): string[] {
  const percentile = rows.some((r) => r[FOCUS_PERCENTILE_COLUMN] !== undefined);
  return [
    ...FOCUS_MANDATORY_COLUMNS,
    ...FOCUS_OPTIONAL_COLUMNS,
    ...FOCUS_PROJECTION_COLUMNS,
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
