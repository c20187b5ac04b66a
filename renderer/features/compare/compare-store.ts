import { create } from 'zustand';
import { OBJECTIVES } from '../../../core/decision/objective.ts';
import { comparisonColumns } from '../../../core/report/comparison-columns.ts';
import { DEFAULT_QUERY, type ExcludedFilter, type Kind, type TableQuery } from './table-model.ts';

export interface CompareState {
  query: TableQuery;
  columnVisibility: Record<string, boolean>;
  sortBy: (columnId: string) => void;
  setText: (text: string) => void;
  toggleKind: (kind: Kind) => void;
  setFeasibleOnly: (on: boolean) => void;
  /** Shows only these excluded candidates (null: back to all), feasible-only off, in rank order. */
  showExcluded: (filter: ExcludedFilter | null) => void;
  toggleColumn: (columnId: string) => void;
}

/** Less-used columns start hidden, under any objective; the column menu shows them. */
const FIRST_VISIBILITY: Record<string, boolean> = Object.fromEntries(
  OBJECTIVES.flatMap((objective) => comparisonColumns({ objective, horizonMonths: 36 }))
    .filter((c) => c.hiddenAtFirst)
    .map((c) => [c.key, false]),
);

export const useCompare = create<CompareState>()((set) => ({
  query: DEFAULT_QUERY,
  columnVisibility: FIRST_VISIBILITY,
  sortBy: (column) =>
    set((s) => {
      const same = s.query.sort.column === column;
      return { query: { ...s.query, sort: { column, desc: same ? !s.query.sort.desc : false } } };
    }),
  setText: (text) => set((s) => ({ query: { ...s.query, text } })),
  toggleKind: (kind) =>
    set((s) => ({
      query: {
        ...s.query,
        kinds: s.query.kinds.includes(kind)
          ? s.query.kinds.filter((k) => k !== kind)
          : [...s.query.kinds, kind],
      },
    })),
  setFeasibleOnly: (feasibleOnly) =>
    set((s) => ({
      query: { ...s.query, feasibleOnly, excluded: feasibleOnly ? null : s.query.excluded },
    })),
  showExcluded: (excluded) =>
    set((s) => ({
      query: {
        ...s.query,
        excluded,
        feasibleOnly: excluded === null ? s.query.feasibleOnly : false,
        ...(excluded === null ? {} : { sort: DEFAULT_QUERY.sort }),
      },
    })),
  toggleColumn: (columnId) =>
    set((s) => ({
      columnVisibility: {
        ...s.columnVisibility,
        [columnId]: s.columnVisibility[columnId] === false,
      },
    })),
}));
