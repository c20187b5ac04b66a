import { formatMs, formatNumber, formatPct, formatUnitUsd, formatUsd } from '../format.ts';
import type { CandidateResult } from '../sweep/types.ts';

/** The comparison's columns, in order: header and how to read a candidate. */
export const COMPARISON_COLUMNS: readonly {
  key: string;
  header: string;
  text: (c: CandidateResult) => string;
  raw: (c: CandidateResult) => string | number | null;
}[] = [
  {
    key: 'rank',
    header: 'Rank',
    text: (c) => (c.rank === null ? '—' : `${c.rank}${c.recommended ? ' ★' : ''}`),
    raw: (c) => c.rank,
  },
  { key: 'candidate', header: 'Candidate', text: (c) => c.label, raw: (c) => c.label },
  { key: 'kind', header: 'Placement', text: (c) => c.kind, raw: (c) => c.kind },
  {
    key: 'monthlyUsd',
    header: 'Monthly',
    text: (c) => formatUsd(c.monthlyUsd),
    raw: (c) => c.monthlyUsd,
  },
  {
    key: 'perRequestUsd',
    header: 'Per request',
    text: (c) => formatUnitUsd(c.perRequestUsd),
    raw: (c) => c.perRequestUsd,
  },
  {
    key: 'perMTokUsd',
    header: 'Per 1M tokens',
    text: (c) => formatUnitUsd(c.perMTokUsd),
    raw: (c) => c.perMTokUsd,
  },
  { key: 'ttftMs', header: 'TTFT', text: (c) => formatMs(c.ttftMs), raw: (c) => c.ttftMs },
  { key: 'tpotMs', header: 'TPOT', text: (c) => formatMs(c.tpotMs), raw: (c) => c.tpotMs },
  { key: 'e2eMs', header: 'End-to-end', text: (c) => formatMs(c.e2eMs), raw: (c) => c.e2eMs },
  {
    key: 'gpus',
    header: 'GPUs',
    text: (c) => (c.selfHost ? formatNumber(c.selfHost.gpusPeak) : '—'),
    raw: (c) => c.selfHost?.gpusPeak ?? null,
  },
  {
    key: 'utilization',
    header: 'Utilization',
    text: (c) => formatPct(c.selfHost?.utilization),
    raw: (c) => c.selfHost?.utilization ?? null,
  },
  {
    key: 'quality',
    header: 'Quality',
    text: (c) => formatNumber(c.quality),
    raw: (c) => c.quality,
  },
  {
    key: 'netMonthlyUsd',
    header: 'Net monthly value',
    text: (c) => formatUsd(c.roi?.netMonthlyUsd),
    raw: (c) => c.roi?.netMonthlyUsd ?? null,
  },
  {
    key: 'paybackMonth',
    header: 'Payback month',
    text: (c) => (c.roi?.paybackMonth ? String(c.roi.paybackMonth) : '—'),
    raw: (c) => c.roi?.paybackMonth ?? null,
  },
  { key: 'status', header: 'Status', text: (c) => status(c), raw: (c) => status(c) },
];

function status(c: CandidateResult): string {
  if (!c.feasible) return `infeasible: ${c.reasons.join('; ')}`;
  return c.warnings.length > 0 ? `ok (${c.warnings.join('; ')})` : 'ok';
}
