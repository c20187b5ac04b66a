import { create } from 'zustand';
import {
  DEFAULT_QUERY,
  SORT_KEYS,
  type Kind,
  type SortKey,
  type TableQuery,
} from './table-model.ts';

export interface CompareState {
  query: TableQuery;
  columnVisibility: Record<string, boolean>;
  sortBy: (columnId: string) => void;
  setText: (text: string) => void;
  toggleKind: (kind: Kind) => void;
  setFeasibleOnly: (on: boolean) => void;
  toggleColumn: (columnId: string) => void;
}

/** Table columns a column id sorts by (the candidate name sorts by model; status by rank). */
export function sortKeyOf(columnId: string): SortKey {
  if (columnId === 'candidate') return 'label';
  if (columnId === 'status') return 'rank';
  return (SORT_KEYS as readonly string[]).includes(columnId) ? (columnId as SortKey) : 'rank';
}

export const useCompare = create<CompareState>()((set) => ({
  query: DEFAULT_QUERY,
  // Less-used columns start hidden; the column menu shows them.
  columnVisibility: { perMTokUsd: false, utilization: false, kind: false },
  sortBy: (columnId) =>
    set((s) => {
      const key = sortKeyOf(columnId);
      const same = s.query.sort.key === key;
      return { query: { ...s.query, sort: { key, desc: same ? !s.query.sort.desc : false } } };
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
