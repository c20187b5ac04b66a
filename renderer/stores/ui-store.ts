import { create } from 'zustand';
import type { Paper } from '../../core/report/report-css.ts';

export type View = 'compare' | 'scenarios' | 'catalog';
/** The scenario inputs shown beside the comparison. */
export type InputPanel = 'workload' | 'candidates' | 'value' | 'ranges';
export type Theme = 'light' | 'dark';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

export interface UiState {
  view: View;
  panel: InputPanel;
  theme: Theme;
  largeText: boolean;
  toasts: Toast[];
  /** Candidates picked for the charts (ids), at most four. */
  selected: string[];
  /** The paper the decision report is printed on (kept between sessions). */
  paper: Paper;
  setPaper: (paper: Paper) => void;
  setView: (view: View) => void;
  /** Shows one panel of scenario inputs (a "set a value per request" link opens Value). */
  setPanel: (panel: InputPanel) => void;
  toggleTheme: () => void;
  toggleLargeText: () => void;
  toast: (kind: Toast['kind'], text: string) => void;
  dismiss: (id: number) => void;
  toggleSelected: (id: string) => void;
  clearSelected: () => void;
}

const MAX_SELECTED = 4;
let nextToast = 1;

function initialTheme(): Theme {
  const saved =
    typeof localStorage !== 'undefined' ? localStorage.getItem('modelwise.theme') : null;
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches
    ? 'dark'
    : 'light';
}

/** The paper last chosen; else Letter where the locale is American or Canadian, A4 elsewhere. */
function initialPaper(): Paper {
  const saved =
    typeof localStorage !== 'undefined' ? localStorage.getItem('modelwise.paper') : null;
  if (saved === 'a4' || saved === 'letter') return saved;
  const locale = typeof navigator !== 'undefined' ? navigator.language : '';
  return /-(US|CA)$/i.test(locale) ? 'letter' : 'a4';
}

export const useUi = create<UiState>()((set, get) => ({
  view: 'compare',
  panel: 'workload',
  theme: initialTheme(),
  largeText:
    typeof localStorage !== 'undefined' && localStorage.getItem('modelwise.largeText') === '1',
  toasts: [],
  selected: [],
  paper: initialPaper(),
  setPaper: (paper) => {
    localStorage.setItem('modelwise.paper', paper);
    set({ paper });
  },
  setView: (view) => set({ view }),
  setPanel: (panel) => set({ view: 'compare', panel }),
  toggleTheme: () => {
    const theme = get().theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('modelwise.theme', theme);
    // Before the re-render: charts read the theme's colours from the stylesheet while rendering.
    document.documentElement.dataset.theme = theme;
    set({ theme });
  },
  toggleLargeText: () => {
    const largeText = !get().largeText;
    localStorage.setItem('modelwise.largeText', largeText ? '1' : '0');
    set({ largeText });
  },
  toast: (kind, text) => {
    const id = nextToast++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text }] }));
    setTimeout(() => get().dismiss(id), kind === 'error' ? 9000 : 4000);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  toggleSelected: (id) =>
    set((s) => ({
      selected: s.selected.includes(id)
        ? s.selected.filter((x) => x !== id)
        : [...s.selected, id].slice(-MAX_SELECTED),
    })),
  clearSelected: () => set({ selected: [] }),
}));

/** Runs an async action, showing its error (the main process's one-line message) as a toast. */
export async function attempt<T>(
  action: () => Promise<T>,
  success?: string,
): Promise<T | undefined> {
  try {
    const result = await action();
    if (success) useUi.getState().toast('success', success);
    return result;
  } catch (error) {
    useUi.getState().toast('error', error instanceof Error ? error.message : String(error));
    return undefined;
  }
}
