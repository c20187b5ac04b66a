import { create } from 'zustand';
import type { ImportPreview } from '../../../electron/ipc/contract.ts';
import type { ImportFormat } from '../../../electron/db/store-types.ts';

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
