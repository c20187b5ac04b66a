import { create } from 'zustand';
import type { ImportPreview } from '../../../core/contract/ipc.ts';
import type { ImportFormat } from '../../../core/contract/shapes.ts';

/** An import under review: the file, and what applying it would do. Nothing is written yet. */
export interface PendingImport {
  fileName: string;
  text: string;
  format: ImportFormat;
  /** The day the file's prices were current, for a format that dates its rows by the file. */
  asOf?: string;
  /** The day the file was last modified, where the file system said. */
  modifiedOn?: string;
  preview: ImportPreview;
}

export interface ImportReviewState {
  pending: PendingImport | null;
  /** Set while the import is being applied (the buttons wait). */
  applying: boolean;
  /** Set while the review is worked out again for another date (Apply waits). */
  refreshing: boolean;
  /** Why the date asked for cannot be used (Apply waits for a good one). */
  dateError: string | null;
  show: (pending: PendingImport) => void;
  setApplying: (applying: boolean) => void;
  setRefreshing: (refreshing: boolean) => void;
  setDateError: (error: string | null) => void;
  close: () => void;
}

export const useImportReview = create<ImportReviewState>()((set) => ({
  pending: null,
  applying: false,
  refreshing: false,
  dateError: null,
  show: (pending) => set({ pending, applying: false, refreshing: false, dateError: null }),
  setApplying: (applying) => set({ applying }),
  setRefreshing: (refreshing) => set({ refreshing }),
  setDateError: (dateError) => set({ dateError }),
  close: () => set({ pending: null, applying: false, refreshing: false, dateError: null }),
}));
