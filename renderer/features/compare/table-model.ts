import {
  onlyUnknowns,
  primaryExclusion,
  type ExclusionCode,
} from '../../../core/decision/exclusions.ts';
import { comparisonColumn } from '../../../core/report/comparison-columns.ts';
import type { Placement } from '../../../core/schema/placement.ts';
import type { CatalogIndex } from '../../../core/sweep/catalog-index.ts';
import type { SweepResult } from '../../../core/sweep/sweep.ts';

export type Kind = Placement['kind'];

/**
 * Excluded candidates to show: those counted under one reason (their first definite one), or
 * those out only for an unknown (no quality score, no latency figure) that "include" would bring
 * back.
 */
export type ExcludedFilter =
  | { kind: 'reason'; code: ExclusionCode; label: string }
  | { kind: 'unknown'; what: 'quality' | 'latency'; label: string };

export interface TableQuery {
  /** The column (a key of comparisonColumns()) whose order the rows follow. */
  sort: { column: string; desc: boolean };
  /** Words that must all appear in the candidate's model, provider, instance or region. */
  text: string;
  /** Placement kinds shown; empty shows all. */
  kinds: Kind[];
  feasibleOnly: boolean;
  /** Only these excluded candidates (the "show them" of the explanation); null: no such filter. */
  excluded: ExcludedFilter | null;
}

export const DEFAULT_QUERY: TableQuery = {
  sort: { column: 'rank', desc: false },
  text: '',
  kinds: [],
  feasibleOnly: false,
  excluded: null,
};

/** Whether a candidate's reasons put it in the excluded group asked for. */
export function matchesExcluded(reasons: readonly string[], filter: ExcludedFilter): boolean {
  if (filter.kind === 'reason') return primaryExclusion(reasons) === filter.code;
  const unknown = onlyUnknowns(reasons);
  return unknown !== null && unknown[filter.what];
}
const KIND_OF_CODE: Kind[] = ['api', 'cloud', 'onprem'];

/** The words a candidate is found by, from its placement and the catalog (no full row needed). */
export function searchText(p: Placement, index: CatalogIndex): string {
  // A candidate's own effort is found as its id shows it (openai/gpt-5@high) and by its name.
  const effort = p.effort === undefined ? '' : ` @${p.effort} ${p.effort}`;
  return placementText(p, index) + effort;
}

function placementText(p: Placement, index: CatalogIndex): string {
  if (p.kind === 'api') {
    const o = index.offerings.get(p.offeringId);
    const provider = o ? (index.providers.get(o.provider)?.name ?? o.provider) : '';
    const name = o ? (index.models.get(o.modelId)?.name ?? o.modelId) : '';
    const effort = p.effort === undefined ? '' : `@${p.effort}`;
    return `api ${p.offeringId}${effort} ${name} ${provider} ${o?.residency ?? ''} ${o?.regionId ?? ''}`.toLowerCase();
  }
  const model = index.models.get(p.modelId)?.name ?? '';
  if (p.kind === 'cloud') {
    const i = index.instances.get(p.instanceId);
    return `cloud ${p.instanceId} ${p.modelId} ${model} ${i?.gpuId ?? ''} ${p.pricing} ${index.regions.get(i?.regionId ?? '')?.name ?? ''}`.toLowerCase();
  }
  return `onprem owned ${p.gpuId} ${p.modelId} ${model}`.toLowerCase();
}

/** The modelId of a placement, for ordering by name without building rows. */
function modelIdOf(p: Placement, index: CatalogIndex): string {
  return p.kind === 'api'
    ? (index.offerings.get(p.offeringId)?.modelId ?? p.offeringId)
    : p.modelId;
}

/**
 * The rows to show, in order: filtered by kind, feasibility and text, then sorted. Works on the
 * sweep's columns, so tens of thousands of candidates sort in milliseconds. Unknown values sort last
 * either way; ties keep rank order.
 */
export function visibleRows(
  result: SweepResult,
  index: CatalogIndex,
  query: TableQuery,
  searchCache: Map<number, string>,
): Int32Array {
  const c = result.columns;
  const words = query.text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const kinds = new Set(query.kinds);
  const out: number[] = [];
  for (const i of result.order) {
    if (query.feasibleOnly && c.feasible[i] !== 1) continue;
    if (query.excluded !== null) {
      if (c.feasible[i] === 1 || !matchesExcluded(c.reasons[i] ?? [], query.excluded)) continue;
    }
    if (kinds.size > 0 && !kinds.has(KIND_OF_CODE[c.kind[i] as number] as Kind)) continue;
    if (words.length > 0) {
      let text = searchCache.get(i);
      if (text === undefined) {
        text = searchText(c.placements[i] as Placement, index);
        searchCache.set(i, text);
      }
      if (!words.every((w) => text.includes(w))) continue;
    }
    out.push(i);
  }
  const { desc } = query.sort;
  const order = comparisonColumn(query.sort.column)?.order ?? 'rank';
  if (order === 'rank') {
    if (desc) out.reverse();
    return Int32Array.from(out);
  }
  // Array.prototype.sort is stable and `out` is in rank order, so ties keep rank order as they are.
  if (order === 'label') {
    // Few distinct models: sort their names once, then sort rows by the name's integer rank.
    const names = out.map((i) => modelIdOf(c.placements[i] as Placement, index));
    const nameRank = new Map(
      [...new Set(names)].sort((a, b) => a.localeCompare(b)).map((n, r) => [n, r]),
    );
    const rankOf = new Map(out.map((i, k) => [i, nameRank.get(names[k] as string) as number]));
    out.sort((a, b) => {
      const d = (rankOf.get(a) as number) - (rankOf.get(b) as number);
      return desc ? -d : d;
    });
    return Int32Array.from(out);
  }
  out.sort((a, b) => {
    const va = order(c, a);
    const vb = order(c, b);
    const na = Number.isNaN(va);
    const nb = Number.isNaN(vb);
    if (na || nb) return na === nb ? 0 : na ? 1 : -1;
    return desc ? vb - va : va - vb;
  });
  return Int32Array.from(out);
}

const KIND_NAMES: Record<Kind, string> = {
  api: 'hosted APIs',
  cloud: 'rented GPUs',
  onprem: 'owned GPUs',
};

/** The filters of a query in words, for a report of the rows shown ("" when there are none). */
export function describeQuery(query: TableQuery): string {
  const parts = [
    query.text.trim() === '' ? null : `matching “${query.text.trim()}”`,
    query.kinds.length === 0 ? null : query.kinds.map((k) => KIND_NAMES[k]).join(' and '),
    query.feasibleOnly ? 'feasible only' : null,
    query.excluded === null ? null : `excluded: ${query.excluded.label}`,
  ].filter((p): p is string => p !== null);
  return parts.join('; ');
}
