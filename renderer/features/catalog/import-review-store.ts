import { create } from 'zustand';
import type { ImportPreview } from '../../../core/contract/ipc.ts';
import type { ImportFormat } from '../../../core/contract/shapes.ts';

/** An import under review: the file, and what applying it would do. Nothing is written yet. */
export interface PendingImport {
  fileName: string;
  text: string;
  format: ImportFormat;
  preview: ImportPreview;
}

export interface ImportReviewState {
  pending: PendingImport | null;
  /** Set while the import is being applied (the buttons wait). */
  applying: boolean;
  show: (pending: PendingImport) => void;
  setApplying: (applying: boolean) => void;
  close: () => void;
}

export const useImportReview = create<ImportReviewState>()((set) => ({
  pending: null,
  applying: false,
  show: (pending) => set({ pending, applying: false }),
  setApplying: (applying) => set({ applying }),
  close: () => set({ pending: null, applying: false }),
}));
