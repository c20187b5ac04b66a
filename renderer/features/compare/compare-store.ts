import { create } from 'zustand';
import { COMPARISON_COLUMNS } from '../../../core/report/comparison-columns.ts';
import { DEFAULT_QUERY, type Kind, type TableQuery } from './table-model.ts';

export interface CompareState {
  query: TableQuery;
  columnVisibility: Record<string, boolean>;
  sortBy: (columnId: string) => void;
  setText: (text: string) => void;
  toggleKind: (kind: Kind) => void;
  setFeasibleOnly: (on: boolean) => void;
  toggleColumn: (columnId: string) => void;
}

/** Less-used columns start hidden; the column menu shows them. */
const FIRST_VISIBILITY: Record<string, boolean> = Object.fromEntries(
  COMPARISON_COLUMNS.filter((c) => c.hiddenAtFirst).map((c) => [c.key, false]),
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
  setFeasibleOnly: (feasibleOnly) => set((s) => ({ query: { ...s.query, feasibleOnly } })),
  toggleColumn: (columnId) =>
    set((s) => ({
      columnVisibility: {
        ...s.columnVisibility,
        [columnId]: s.columnVisibility[columnId] === false,
      },
    })),
}));
