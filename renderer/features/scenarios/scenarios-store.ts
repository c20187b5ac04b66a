import { create } from 'zustand';
import type { ScenarioMeta } from '../../../core/contract/shapes.ts';
import { call } from '../../api/api.ts';
import { attempt } from '../../stores/ui-store.ts';

export interface ScenariosState {
  list: ScenarioMeta[];
  /** Saved scenarios ticked for side-by-side comparison (two to four). */
  compare: string[];
  refresh: () => Promise<void>;
  toggleCompare: (id: string) => void;
}

export const MAX_COMPARE = 4;

export const useScenarios = create<ScenariosState>()((set, get) => ({
  list: [],
  compare: [],
  refresh: async () => {
    const list = await attempt(() => call('scenarios:list', {}));
    if (list) set({ list, compare: get().compare.filter((id) => list.some((s) => s.id === id)) });
  },
  toggleCompare: (id) =>
    set((s) => ({
      compare: s.compare.includes(id)
        ? s.compare.filter((x) => x !== id)
        : [...s.compare, id].slice(-MAX_COMPARE),
    })),
}));
