import type { ScenarioMeta } from '../../../core/contract/shapes.ts';

/** Names are unique ignoring case and the spaces around them, as the database keeps them. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * What saving the draft would do, before it does anything: write over its own saved copy, add a
 * new one, or ask first — when the draft's name was changed since it was saved (a new scenario,
 * keeping the old, or a rename?) or when another saved scenario has that name (replace it?).
 * Nothing is ever written over without the person saying so.
 */
export type SavePlan =
  | { kind: 'update'; id: string; name: string }
  | { kind: 'insert'; name: string }
  | { kind: 'ask-renamed'; id: string; savedName: string; name: string }
  | { kind: 'ask-replace'; name: string; otherId: string; otherName: string };

export function planSave(
  draft: { savedId: string | null; savedName: string | null; name: string },
  saved: readonly ScenarioMeta[],
): SavePlan {
  const name = draft.name.trim();
  if (draft.savedId !== null && draft.savedName !== null && !sameName(draft.savedName, name)) {
    return { kind: 'ask-renamed', id: draft.savedId, savedName: draft.savedName, name };
  }
  if (draft.savedId !== null) return { kind: 'update', id: draft.savedId, name };
  return planNew(name, saved);
}

/** Saving under a new name ("Save as", or a draft never saved): asks when the name is taken. */
export function planNew(name: string, saved: readonly ScenarioMeta[]): SavePlan {
  const other = saved.find((m) => sameName(m.name, name));
  return other === undefined
    ? { kind: 'insert', name: name.trim() }
    : { kind: 'ask-replace', name: name.trim(), otherId: other.id, otherName: other.name };
}

/** A name for "Save as" that no saved scenario has: "Name (copy)", "Name (copy 2)", … */
export function copyName(name: string, saved: readonly ScenarioMeta[], maxLength = 200): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = name.trim().slice(0, maxLength - suffix.length) + suffix;
    if (!saved.some((m) => sameName(m.name, candidate))) return candidate;
  }
}
