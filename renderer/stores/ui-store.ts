import { create } from 'zustand';
import type { Paper } from '../../core/report/report-css.ts';

export type View = 'compare' | 'portfolio' | 'scenarios' | 'catalog';
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
  /** Presenter mode: projector-sized type, the inputs in a drawer, the what-if bar in reach. */
  presenter: boolean;
  /** In presenter mode, whether the scenario inputs' drawer is open. */
  inputsOpen: boolean;
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
  togglePresenter: () => void;
  toggleInputs: () => void;
  toast: (kind: Toast['kind'], text: string) => void;
  dismiss: (id: number) => void;
  toggleSelected: (id: string) => void;
  clearSelected: () => void;
}

const MAX_SELECTED = 4;
let nextToast = 1;

/**
 * Presenter mode at start: `?presenter` in the address (a facilitator's bookmark) turns it on,
 * `?presenter=0` off; otherwise as it was left.
 */
function initialPresenter(): boolean {
  if (typeof location !== 'undefined') {
    const asked = new URLSearchParams(location.search).get('presenter');
    if (asked !== null) return asked !== '0' && asked !== 'off' && asked !== 'false';
  }
  return typeof localStorage !== 'undefined' && localStorage.getItem('modelwise.presenter') === '1';
}

type Look = Pick<UiState, 'theme' | 'largeText' | 'presenter'>;

/**
 * The body text size, px: 14, larger text 17; on a projector (presenter mode) 18, or 21 with
 * larger text. Tables size their rows and columns by it; the stylesheet reads it as --size.
 */
export function textSizePx(look: Pick<Look, 'largeText' | 'presenter'>): number {
  if (look.presenter) return look.largeText ? 21 : 18;
  return look.largeText ? 17 : 14;
}

/** Chart text, px: chart.js's 12 by default, never under 18 on a projector. */
export function chartTextPx(look: Pick<Look, 'largeText' | 'presenter'>): number {
  return look.presenter ? textSizePx(look) : look.largeText ? 15 : 12;
}

/** Sets the page's look at once: charts read the stylesheet while rendering. */
export function applyLook(look: Look): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.dataset.theme = look.theme;
  root.dataset.text = look.largeText ? 'large' : 'normal';
  root.dataset.presenter = look.presenter ? 'on' : 'off';
  root.style.setProperty('--size', `${textSizePx(look)}px`);
  root.style.setProperty('--chart-font', `${chartTextPx(look)}px`);
}

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
  presenter: initialPresenter(),
  inputsOpen: false,
  toasts: [],
  selected: [],
  paper: initialPaper(),
  setPaper: (paper) => {
    localStorage.setItem('modelwise.paper', paper);
    set({ paper });
  },
  setView: (view) => set({ view }),
  // Showing a panel in presenter mode opens the drawer it lives in.
  setPanel: (panel) => set((s) => ({ view: 'compare', panel, inputsOpen: s.presenter })),
  toggleTheme: () => {
    const theme = get().theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('modelwise.theme', theme);
    // Before the re-render: charts read the theme's colours from the stylesheet while rendering.
    applyLook({ ...get(), theme });
    set({ theme });
  },
  toggleLargeText: () => {
    const largeText = !get().largeText;
    localStorage.setItem('modelwise.largeText', largeText ? '1' : '0');
    applyLook({ ...get(), largeText });
    set({ largeText });
  },
  togglePresenter: () => {
    const presenter = !get().presenter;
    localStorage.setItem('modelwise.presenter', presenter ? '1' : '0');
    applyLook({ ...get(), presenter });
    set({ presenter, inputsOpen: false });
  },
  toggleInputs: () => set((s) => ({ inputsOpen: !s.inputsOpen })),
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

// The first render already has the look it starts with (charts read it from the stylesheet).
applyLook(useUi.getState());
