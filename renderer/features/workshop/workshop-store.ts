import { create } from 'zustand';

export interface WorkshopState {
  /** The snapshot (its place in the strip) the delta view compares with now; null: closed. */
  comparing: number | null;
  /** Whether the keyboard shortcuts are shown. */
  helpOpen: boolean;
  compareWith: (index: number | null) => void;
  toggleHelp: (open?: boolean) => void;
}

export const useWorkshop = create<WorkshopState>()((set) => ({
  comparing: null,
  helpOpen: false,
  compareWith: (comparing) => set({ comparing }),
  toggleHelp: (open) => set((s) => ({ helpOpen: open ?? !s.helpOpen })),
}));
