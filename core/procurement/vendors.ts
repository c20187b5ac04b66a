/**
 * The procurement view of a comparison: one row per vendor (an API provider, a cloud, or your own
 * hardware) with its best offering for the workload, its horizon cost at list and under the
 * negotiated terms that apply, the commitments it sells for that offering with their break-even,
 * and how locked in the offering's model is; and how concentrated the recommended plan is.
 */
import type { CandidateCommitment, CandidateNegotiated } from '../commitments/types.ts';
import { commitRates } from '../commitments/cloud.ts';
import type { Placement } from '../schema/placement.ts';
import type { CandidatePlacement } from '../schema/route.ts';
import type { CatalogIndex } from '../sweep/catalog-index.ts';
import { contextAtListPrices, type EvalContext } from '../sweep/context.ts';
import { evaluateCandidate, type SweepResult } from '../sweep/sweep.ts';
import type { CandidateResult, RouteDetail } from '../sweep/types.ts';

/** What a vendor's best offering could commit to, evaluated for the workload. */
export interface VendorCommitmentOption {
  /** The candidate this option is (its id), and how it reads. */
  id: string;
  label: string;
  kind: CandidateCommitment['kind'];
  term: string;
  tcoUsd: number | null;
  monthlyUsd: number | null;
  commitment: CandidateCommitment | null;
  /** Why it cannot be priced (no published price or capacity), when it cannot. */
  reason: string | null;
}

export interface VendorLockIn {
  openWeights: boolean;
  modelName: string;
  /** Vendors in the catalog that sell the model as a hosted API (this one included). */
  apiVendors: string[];
  /** Open weights: it can also be run on rented or owned GPUs. */
  selfHostable: boolean;
  summary: string;
}

export interface VendorRow {
  /** A provider or cloud id, or `onprem` for your own hardware. */
  vendor: string;
  vendorName: string;
  candidates: number;
  feasible: number;
  /** The vendor's best-ranked candidate (feasible if any), and its rank overall. */
  best: CandidateResult;
  /** Its horizon cost at list prices, and under the terms that apply (the comparison's). */
  listTcoUsd: number | null;
  negotiatedTcoUsd: number | null;
  /** The negotiated terms the best offering is priced with, and where they come from; null: list. */
  terms: CandidateNegotiated | null;
  commitments: VendorCommitmentOption[];
  /** Why the vendor sells no commitment for this offering (or none the catalog can price). */
  commitmentNote: string | null;
  lockIn: VendorLockIn;
}

export interface VendorConcentration {
  vendor: string;
  vendorName: string;
  /** Share of the recommended plan's horizon cost with that vendor. */
  share: number;
  /** Other vendors the plan's model could move to (API providers; any GPU when open). */
  alternatives: string[];
  summary: string;
}

export interface VendorView {
  rows: VendorRow[];
  concentration: VendorConcentration | null;
}

/** The vendor a placement buys from: the offering's provider, the instance's cloud, or you. */
export function vendorOf(index: CatalogIndex, p: Placement): string {
  if (p.kind === 'api') return index.offerings.get(p.offeringId)?.provider ?? 'unknown';
  if (p.kind === 'cloud') return index.instances.get(p.instanceId)?.cloud ?? 'unknown';
  return 'onprem';
}

/** How a vendor reads. */
export function vendorName(index: CatalogIndex, vendor: string): string {
  if (vendor === 'onprem') return 'Your own hardware';
  return index.providers.get(vendor)?.name ?? vendor;
}

/**
 * The vendor table of an evaluated comparison, vendors in the order of their best candidate's
 * rank. Each vendor's best offering is evaluated again at list prices (when terms apply) and with
 * each commitment it could take: a few evaluations per vendor.
 */
export function vendorView(
  ctx: EvalContext,
  result: SweepResult,
  placements: readonly CandidatePlacement[],
): VendorView {
  const index = ctx.index;
  const firstOf = new Map<string, { best: number; candidates: number; feasible: number }>();
  for (const i of result.order) {
    const p = placements[i] as CandidatePlacement;
    // A route buys from its arms' vendors: each arm is counted where it is a candidate of its own.
    if (p.kind === 'route') continue;
    const vendor = vendorOf(index, p);
    const seen = firstOf.get(vendor);
    const feasible = result.columns.feasible[i] === 1 ? 1 : 0;
    if (seen === undefined) firstOf.set(vendor, { best: i, candidates: 1, feasible });
    else {
      seen.candidates++;
      seen.feasible += feasible;
    }
  }
  const sellers = sellersByModel(index);
  let list: EvalContext | undefined;
  const rows: VendorRow[] = [];
  for (const [vendor, { best, candidates, feasible }] of firstOf) {
    const row = result.row(best);
    let listTco = row.tcoUsd;
    if (row.negotiated !== null) {
      list ??= contextAtListPrices(ctx);
      listTco = evaluateCandidate(list, withoutOwnDiscount(row.placement)).tcoUsd;
    }
    const options = commitmentOptions(ctx, row);
    rows.push({
      vendor,
      vendorName: vendorName(index, vendor),
      candidates,
      feasible,
      best: row,
      listTcoUsd: listTco,
      negotiatedTcoUsd: row.tcoUsd,
      terms: row.negotiated,
      commitments: options.options,
      commitmentNote: options.note,
      lockIn: lockIn(index, row, sellers),
    });
  }
  return { rows, concentration: concentration(index, result, placements, sellers) };
}

/** A placement without a discount of its own, so list prices apply. */
function withoutOwnDiscount(p: CandidatePlacement): CandidatePlacement {
  if (p.kind !== 'api' || p.negotiatedDiscount === undefined) return p;
  const { negotiatedDiscount: _own, ...rest } = p;
  return rest;
}

/** Vendors that sell each model as a hosted API, from the offerings priced today. */
function sellersByModel(index: CatalogIndex): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const o of index.offeringList) {
    let set = out.get(o.modelId);
    if (set === undefined) out.set(o.modelId, (set = new Set()));
    set.add(o.provider);
  }
  return out;
}

const CLOUD_TERMS = ['commit1y', 'commit3y'] as const;

/**
 * The commitments a vendor's best offering could take, each evaluated as its own candidate: a
 * hosted API's provisioned-throughput terms, a rented instance's 1- and 3-year terms (the same
 * instance, model and layout). The best offering itself, when it is one of them, is listed too.
 */
function commitmentOptions(
  ctx: EvalContext,
  best: CandidateResult,
): { options: VendorCommitmentOption[]; note: string | null } {
  const p = best.placement;
  const { variants, note } = commitmentVariants(ctx, best);
  const options = variants.map((v): VendorCommitmentOption => {
    const r = v === p || sameCandidate(v, best) ? best : evaluateCandidate(ctx, v);
    return {
      id: r.id,
      label: r.label,
      kind: v.kind === 'api' ? 'provisioned' : 'reserved',
      term:
        r.commitment?.term ??
        (v.kind === 'api' ? (v.provisioned?.term ?? '') : v.kind === 'cloud' ? v.pricing : ''),
      tcoUsd: r.tcoUsd,
      monthlyUsd: r.monthlyUsd,
      commitment: r.commitment,
      reason: r.monthlyUsd === null ? (r.reasons[0] ?? null) : null,
    };
  });
  return { options, note };
}

/**
 * The commitments a candidate could take, as placements: a hosted API's provisioned-throughput
 * terms, a rented instance's 1- and 3-year terms (the same instance, model and layout); with a
 * note when it can take none.
 */
export function commitmentVariants(
  ctx: EvalContext,
  best: CandidateResult,
): { variants: Placement[]; note: string | null } {
  const p = best.placement;
  const variants: Placement[] = [];
  let note: string | null = null;
  if (p.kind === 'api') {
    const o = ctx.index.offerings.get(p.offeringId);
    const pt = o?.provisioned;
    if (pt === undefined || pt.prices.length === 0) {
      note =
        best.provider === 'bedrock'
          ? 'Provisioned throughput: AWS publishes no price or throughput per model unit: add a candidate with your quote'
          : 'No provisioned throughput published for this offering';
    } else if (pt.inputTokensPerMinutePerUnit === undefined) {
      note = 'Provisioned throughput: the vendor publishes no throughput per unit';
    } else {
      for (const price of pt.prices) {
        variants.push({ kind: 'api', offeringId: p.offeringId, provisioned: { term: price.term } });
      }
    }
  } else if (p.kind === 'cloud') {
    const instance = ctx.index.instances.get(p.instanceId);
    for (const term of CLOUD_TERMS) {
      if (instance !== undefined && commitRates(instance, term).length > 0) {
        variants.push({ ...p, pricing: term });
      }
    }
    if (variants.length === 0) note = 'No 1- or 3-year price published for this instance';
  } else if (p.kind === 'route') {
    note = 'A route: each arm takes its own commitment';
  } else {
    note = 'Owned hardware: bought, not committed (see its capital cost)';
  }
  return { variants, note };
}

function sameCandidate(p: Placement, r: CandidateResult): boolean {
  const q = r.placement;
  if (p.kind === 'api' && q.kind === 'api') {
    return p.offeringId === q.offeringId && p.provisioned?.term === q.provisioned?.term;
  }
  return (
    p.kind === 'cloud' &&
    q.kind === 'cloud' &&
    p.pricing === q.pricing &&
    p.instanceId === q.instanceId &&
    p.modelId === q.modelId &&
    p.burst === q.burst &&
    p.committedUnits === q.committedUnits
  );
}

function lockIn(
  index: CatalogIndex,
  r: CandidateResult,
  sellers: Map<string, Set<string>>,
): VendorLockIn {
  const model = index.models.get(r.modelId);
  const open = model?.openWeights === true;
  const apiVendors = [...(sellers.get(r.modelId) ?? [])].sort();
  const names = apiVendors.map((v) => vendorName(index, v));
  const modelName = model?.name ?? r.modelName;
  const n = apiVendors.length;
  const summary = open
    ? `Open weights: ${modelName} is sold by ${n} API vendor${n === 1 ? '' : 's'} and can be self-hosted on any GPU that fits it`
    : n <= 1
      ? `Proprietary: ${modelName} is sold by ${n === 1 ? `${names[0]} alone` : 'no vendor in the catalog'}`
      : `Proprietary: ${modelName} is sold by ${n} vendors (${names.join(', ')})`;
  return { openWeights: open, modelName, apiVendors, selfHostable: open, summary };
}

/**
 * The recommended plan's vendor concentration. A plan is one candidate, so its whole horizon cost
 * is with one vendor; what matters is where its model could go instead.
 */
function concentration(
  index: CatalogIndex,
  result: SweepResult,
  placements: readonly CandidatePlacement[],
  sellers: Map<string, Set<string>>,
): VendorConcentration | null {
  if (result.recommended < 0) return null;
  const r = result.row(result.recommended);
  const p = placements[result.recommended] as CandidatePlacement;
  // A route splits its cost: the vendor of the arm holding more of the horizon cost is named.
  const split = p.kind === 'route' && r.route !== null ? routeSplit(r.route) : null;
  const arm = p.kind === 'route' ? (split?.largeHolds === false ? p.small : p.large) : p;
  const share = split === null ? 1 : split.share;
  const vendor = vendorOf(index, arm);
  const name = vendorName(index, vendor);
  const open = index.models.get(r.modelId)?.openWeights === true;
  const alternatives = [...(sellers.get(r.modelId) ?? [])].filter((v) => v !== vendor).sort();
  const altNames = alternatives.map((v) => vendorName(index, v));
  const exits = open
    ? `its open-weight model could move to ${alternatives.length} other API vendor${alternatives.length === 1 ? '' : 's'} or to any GPU that fits it`
    : alternatives.length === 0
      ? `its model is sold by no other vendor: a change of vendor means a change of model`
      : `its model is also sold by ${altNames.join(', ')}`;
  return {
    vendor,
    vendorName: name,
    share,
    alternatives,
    summary: `The recommended plan puts ${Math.round(share * 100)}% of its horizon cost with ${name}; ${exits}.`,
  };
}

/**
 * Which arm of a route holds more of the spend with its two vendors over the horizon, and its
 * share. Each arm's horizon cost carries its own setup, which the route pays once for two arms
 * of one kind: the split is of the arms' run cost (horizon cost less setup), so a setup is not
 * counted twice (the cascade in examples/routing.json read 83 % for 92 %).
 */
function routeSplit(route: RouteDetail): { largeHolds: boolean; share: number } | null {
  if (route.small.tcoUsd === null || route.large.tcoUsd === null) return null;
  const small = route.small.tcoUsd - route.small.setupUsd;
  const large = route.large.tcoUsd - route.large.setupUsd;
  if (small + large <= 0) return null;
  const largeHolds = large >= small;
  return { largeHolds, share: (largeHolds ? large : small) / (small + large) };
}
