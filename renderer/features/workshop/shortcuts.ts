import type { MenuCommand } from '../../../core/contract/menu.ts';

/** Commands only the page has (no native menu item): the workshop's live controls. */
export type PageCommand =
  | 'workshop:compare'
  | 'workshop:restore'
  | 'workshop:volume-half'
  | 'workshop:volume-double'
  | 'workshop:volume-x10'
  | 'view:inputs';

export type AppCommand = MenuCommand | PageCommand;

/**
 * A keyboard shortcut. `keys` reads as the help shows it: `Mod` is Ctrl (⌘ on a Mac), a single
 * character is that key as typed (`?`, `]`, `}`), a letter without `Shift` means the letter alone.
 */
export interface Shortcut {
  command: AppCommand;
  keys: readonly string[];
  group: 'Workshop' | 'View' | 'Scenario' | 'Export' | 'Edit' | 'Catalog';
  label: string;
}

/** Every shortcut, in the order the help lists them: one table for the keys and the help. */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'workshop:snapshot', keys: ['S'], group: 'Workshop', label: 'Take a snapshot' },
  {
    command: 'workshop:compare',
    keys: ['C'],
    group: 'Workshop',
    label: 'Compare the latest snapshot with now (again: close)',
  },
  {
    command: 'workshop:restore',
    keys: ['R'],
    group: 'Workshop',
    label: 'Restore the snapshot compared (undo comes back)',
  },
  { command: 'workshop:volume-half', keys: ['['], group: 'Workshop', label: 'Volume ×½' },
  { command: 'workshop:volume-double', keys: [']'], group: 'Workshop', label: 'Volume ×2' },
  { command: 'workshop:volume-x10', keys: ['}'], group: 'Workshop', label: 'Volume ×10' },
  { command: 'view:presenter', keys: ['P'], group: 'View', label: 'Presenter mode on / off' },
  { command: 'view:large-text', keys: ['A'], group: 'View', label: 'Larger text on / off' },
  {
    command: 'view:toggle-theme',
    keys: ['Mod+Shift+D', 'T'],
    group: 'View',
    label: 'Light / dark',
  },
  {
    command: 'view:inputs',
    keys: ['I'],
    group: 'View',
    label: 'Scenario inputs (presenter mode: open / close)',
  },
  { command: 'view:compare', keys: ['Mod+1'], group: 'View', label: 'Compare' },
  { command: 'view:scenarios', keys: ['Mod+2'], group: 'View', label: 'Scenarios side by side' },
  { command: 'view:catalog', keys: ['Mod+3'], group: 'View', label: 'Catalog' },
  { command: 'help:shortcuts', keys: ['?'], group: 'View', label: 'These shortcuts' },
  { command: 'scenario:new', keys: ['Mod+N'], group: 'Scenario', label: 'New scenario' },
  { command: 'scenario:open', keys: ['Mod+O'], group: 'Scenario', label: 'Open a scenario file' },
  { command: 'scenario:save', keys: ['Mod+S'], group: 'Scenario', label: 'Save' },
  {
    command: 'scenario:save-as',
    keys: ['Mod+Shift+S'],
    group: 'Scenario',
    label: 'Save as a new scenario',
  },
  {
    command: 'scenario:export',
    keys: ['Mod+Shift+E'],
    group: 'Scenario',
    label: 'Export the scenario file',
  },
  // The Export menu's items: the PDF has the print key; the rest are picked from the menu.
  { command: 'export:pdf', keys: ['Mod+P'], group: 'Export', label: 'Decision report as PDF' },
  { command: 'export:html', keys: [], group: 'Export', label: 'Decision report as HTML' },
  { command: 'export:md', keys: [], group: 'Export', label: 'Decision report as Markdown' },
  { command: 'export:xlsx', keys: [], group: 'Export', label: 'Workbook (XLSX)' },
  { command: 'export:focus', keys: [], group: 'Export', label: 'FOCUS rows (CSV)' },
  { command: 'export:csv', keys: [], group: 'Export', label: 'Comparison, current view (CSV)' },
  {
    command: 'export:comparison-md',
    keys: [],
    group: 'Export',
    label: 'Comparison, current view (Markdown)',
  },
  { command: 'export:charts', keys: [], group: 'Export', label: 'Charts (PNG)' },
  { command: 'edit:undo', keys: ['Mod+Z'], group: 'Edit', label: 'Undo' },
  { command: 'edit:redo', keys: ['Mod+Y', 'Mod+Shift+Z'], group: 'Edit', label: 'Redo' },
  { command: 'catalog:import', keys: ['Mod+I'], group: 'Catalog', label: 'Import a price list' },
  { command: 'catalog:export', keys: ['Mod+E'], group: 'Catalog', label: 'Export the catalog' },
];

/** The pressed key as a key spec reads it. */
interface Pressed {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** Whether a key spec ("Mod+Shift+S", "S", "?", "}") is the key pressed. */
export function matchesKey(spec: string, e: Pressed): boolean {
  const parts = spec.split('+');
  const key = parts[parts.length - 1] as string;
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  if (e.alt || e.mod !== mod) return false;
  // A letter or digit names the key: Shift must be as written. A symbol is the character typed,
  // whatever Shift it took on this keyboard ("?" is Shift+/ on one layout, a key of its own on another).
  if (/^[a-z0-9]$/i.test(key))
    return e.key.toLowerCase() === key.toLowerCase() && e.shift === shift;
  return e.key === key;
}

/**
 * The command a key press asks for, if any. Keys with Ctrl/⌘ are the native menus' in the
 * desktop app (`withModifiers` false there); single keys are the page's everywhere, and not while
 * typing in a text field.
 */
export function commandFor(
  e: Pressed,
  options: { typing: boolean; withModifiers: boolean },
): AppCommand | null {
  for (const s of SHORTCUTS) {
    for (const spec of s.keys) {
      const modified = spec.includes('Mod+');
      if (modified ? !options.withModifiers : options.typing) continue;
      if (matchesKey(spec, e)) return s.command;
    }
  }
  return null;
}

/** A command's keys as the help and tooltips write them ("Ctrl+Shift+S", "S"). */
export function shortcutText(
  command: AppCommand | 'snapshot' | 'restore' | 'compare',
  mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform),
): string {
  const full =
    command === 'snapshot'
      ? 'workshop:snapshot'
      : command === 'restore'
        ? 'workshop:restore'
        : command === 'compare'
          ? 'workshop:compare'
          : command;
  const keys = SHORTCUTS.find((s) => s.command === full)?.keys ?? [];
  return keys.map((k) => k.replace('Mod+', mac ? '⌘' : 'Ctrl+')).join(' or ');
}
