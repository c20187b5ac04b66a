import type { CandidatePlacement } from '../schema/route.ts';
import type { RankedColumns } from './sweep.ts';
import type { SweepColumns } from './table.ts';

/** The columns of numbers a sweep writes, by name. */
const NUMBER_COLUMNS = [
  'monthlyUsd',
  'tcoUsd',
  'perOutcomeUsd',
  'ttftMs',
  'ttftVisibleMs',
  'reasoningTokens',
  'tpotMs',
  'e2eMs',
  'quality',
  'gpusPeak',
  'utilization',
  'netMonthlyUsd',
  'npvUsd',
  'paybackMonth',
] as const satisfies readonly (keyof SweepColumns)[];

type NumberColumn = (typeof NUMBER_COLUMNS)[number];

/**
 * A sweep's ranked columns as another thread receives them: typed arrays, and each distinct list
 * of reasons once with the list each candidate has. No placements (the
 * receiver prepared the same ones) and no rows (built where they are shown).
 */
export interface PackedColumns {
  size: number;
  kind: Uint8Array;
  feasible: Uint8Array;
  numbers: Record<NumberColumn, Float64Array>;
  reasonLists: (readonly string[])[];
  /** Index into `reasonLists` per candidate; −1 where none was written. */
  reasonOf: Int32Array;
  order: Int32Array;
  rank: Int32Array;
  pareto: Uint8Array;
  recommended: number;
  feasibleCount: number;
}

/**
 * Packs ranked columns for `postMessage` (which copies them: the sender keeps its own). A sweep
 * shares one list per reason among thousands of candidates: sent once, shared again on arrival.
 */
export function packColumns(ranked: RankedColumns): PackedColumns {
  const c = ranked.columns;
  const reasonLists: (readonly string[])[] = [];
  const byList = new Map<readonly string[], number>();
  const byText = new Map<string, number>();
  const reasonOf = new Int32Array(c.size).fill(-1);
  for (let i = 0; i < c.size; i++) {
    const list = c.reasons[i];
    if (list === undefined) continue;
    let k = byList.get(list);
    if (k === undefined) {
      // Lists built per candidate with the same reasons are one list on arrival.
      const text = list.join('\n');
      k = byText.get(text);
      if (k === undefined) {
        k = reasonLists.length;
        reasonLists.push(list);
        byText.set(text, k);
      }
      byList.set(list, k);
    }
    reasonOf[i] = k;
  }
  const numbers = {} as Record<NumberColumn, Float64Array>;
  for (const key of NUMBER_COLUMNS) numbers[key] = c[key];
  return {
    size: c.size,
    kind: c.kind,
    feasible: c.feasible,
    numbers,
    reasonLists,
    reasonOf,
    order: ranked.order,
    rank: ranked.rank,
    pareto: ranked.pareto,
    recommended: ranked.recommended,
    feasibleCount: ranked.feasibleCount,
  };
}

/** The ranked columns again, over the receiver's own placements (the same, prepared alike). */
export function unpackColumns(
  packed: PackedColumns,
  placements: readonly CandidatePlacement[],
): RankedColumns {
  if (placements.length !== packed.size) {
    throw new Error(
      `the evaluation has ${packed.size} candidates, the prepared scenario ${placements.length}`,
    );
  }
  const reasons = new Array<readonly string[]>(packed.size);
  for (let i = 0; i < packed.size; i++) {
    const k = packed.reasonOf[i] as number;
    if (k >= 0) reasons[i] = packed.reasonLists[k] as readonly string[];
  }
  const columns: SweepColumns = {
    size: packed.size,
    placements,
    kind: packed.kind,
    feasible: packed.feasible,
    ...packed.numbers,
    reasons,
    rows: [],
  };
  return {
    columns,
    order: packed.order,
    rank: packed.rank,
    pareto: packed.pareto,
    recommended: packed.recommended,
    feasibleCount: packed.feasibleCount,
  };
}
