/**
 * What the import review shows, shaped from the preview (pure, tested without React): the
 * counts line, one line per changed field, and the ranking effect in words.
 */
import type { CatalogDiff } from '../../../core/catalog-import/diff.ts';
import { formatUsd } from '../../../core/format.ts';
import type { RankingEffect } from '../../../core/scenario/ranking-effect.ts';
import type { ImportSummary } from '../../../core/contract/shapes.ts';

/** A changed row as the review lists it: its key, both dates, and each field old → new. */
export interface ChangeLine {
  key: string;
  dates: string;
  fields: { field: string; from: string; to: string }[];
}

/** Price periods in words: "2 periods: … → 2026-12-01 at 5/30 $/MTok; 2026-12-02 → … at 4/30". */
function periods(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const parts = value.map((p: unknown) => {
    const r = p as {
      validFrom?: string;
      validTo?: string;
      usdPerMTok?: { input?: number; output?: number };
    };
    const prices = `${r.usdPerMTok?.input ?? '?'}/${r.usdPerMTok?.output ?? '?'} $/MTok`;
    return `${r.validFrom ?? '…'} → ${r.validTo ?? '…'} at ${prices}`;
  });
  return `${parts.length} period${parts.length === 1 ? '' : 's'}: ${parts.join('; ')}`;
}

const show = (value: unknown, field = ''): string => {
  if (field === 'pricePeriods') return periods(value) ?? '—';
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return String(value);
  }
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
};

export function changeLines(diff: CatalogDiff): ChangeLine[] {
  return diff.changed.map((c) => ({
    key: `${c.table === 'offerings' ? '' : `${c.table}: `}${c.key}`,
    dates: c.oldAsOf === c.newAsOf ? `as of ${c.newAsOf}` : `as of ${c.oldAsOf} → ${c.newAsOf}`,
    fields: c.fields.map((f) => ({
      field: f.field,
      from: show(f.old, f.field),
      to: show(f.new, f.field),
    })),
  }));
}

/** "Adds 3, changes 12, ends 1, leaves out 2 (3 re-dated, 40 as they were)". */
export function countsLine(s: ImportSummary): string {
  const parts = [`adds ${s.counts.added}`, `changes ${s.counts.changed}`];
  if (s.counts.removed > 0) parts.push(`ends ${s.counts.removed}`);
  if (s.leftOut.length > 0) parts.push(`leaves out ${s.leftOut.length}`);
  return `${parts.join(', ')} (${s.diff.confirmed} re-dated, ${s.diff.unchanged} as they were)`;
}

/** The ranking effect in a sentence and a list of moves. */
export function rankingLines(e: RankingEffect): { headline: string; moves: string[] } {
  const usd = (v: number | null) => (v === null ? '—' : formatUsd(v));
  const rank = (v: number | null) => (v === null ? 'out' : `#${v}`);
  const headline = e.pickChanged
    ? `The pick changes: ${e.pickBefore?.label ?? 'nothing feasible'} → ${e.pickAfter?.label ?? 'nothing feasible'}`
    : `The pick stays ${e.pickAfter?.label ?? 'nothing feasible'}${
        e.pickAfter !== null && e.pickAfter.monthlyUsdBefore !== e.pickAfter.monthlyUsdAfter
          ? ` (${usd(e.pickAfter.monthlyUsdBefore)} → ${usd(e.pickAfter.monthlyUsdAfter)} a month)`
          : ''
      }`;
  const moves = e.moved.map(
    (m) =>
      `${rank(m.rankBefore)} → ${rank(m.rankAfter)}  ${m.label}: ${usd(m.monthlyUsdBefore)} → ${usd(m.monthlyUsdAfter)} a month`,
  );
  return { headline, moves };
}

/** Added rows by key, tables other than offerings named ("model gpt-realtime"). */
export function addedKeys(diff: CatalogDiff, limit: number): string {
  return diff.added
    .slice(0, limit)
    .map((a) => (a.table === 'offerings' ? a.key : `${a.table.replace(/s$/, '')} ${a.key}`))
    .join(', ');
}
