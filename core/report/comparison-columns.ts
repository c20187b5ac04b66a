import { objectiveTitle, type Objective } from '../decision/objective.ts';
import { formatMs, formatNumber, formatPct, formatUnitUsd, formatUsd } from '../format.ts';
import type { SweepColumns } from '../sweep/table.ts';
import { unitsText } from '../commitments/units.ts';
import { PLACEMENT_LABELS, type CandidateResult, type CheckStatus } from '../sweep/types.ts';
import type { CellFormat } from './report-model.ts';

/**
 * How a column orders candidates: by rank, by model name, or by a number read straight from the
 * sweep's columns (NaN is unknown), so tens of thousands of rows sort without building them.
 */
export type ColumnOrder = 'rank' | 'label' | ((t: SweepColumns, i: number) => number);

/**
 * One column of the ranked comparison, everywhere it is shown: the app's table (header, width,
 * alignment, sort), the CSV (key, raw value), Markdown and the terminal (header, text).
 */
export interface ComparisonColumn {
  /** The column's id in the app and its CSV header. */
  key: string;
  header: string;
  /** Numbers line up on the right. */
  align: 'left' | 'right';
  /** Width in the app's table, px. */
  widthPx: number;
  order: ColumnOrder;
  /** Hidden in the app's table until the person shows it (less-used columns). */
  hiddenAtFirst?: boolean;
  text: (c: CandidateResult) => string;
  raw: (c: CandidateResult) => string | number | null;
  /** What the raw value is (money, a share, ms…): CSV rounding and the workbook's cell format. */
  format: CellFormat;
}

type NumberColumn = {
  [K in keyof SweepColumns]: SweepColumns[K] extends Float64Array | Uint8Array ? K : never;
}[keyof SweepColumns];

/** Whether the row's reasoning-token count is unknown (no figure at its level, none of the user's). */
const reasoningUnknown = (c: CandidateResult) => c.reasoning?.from === 'unknown';

/** Orders by one of the sweep's number columns. */
const by =
  (name: NumberColumn) =>
  (t: SweepColumns, i: number): number =>
    t[name][i] as number;

/** What the comparison is read under: the objective's column and its header follow it. */
export interface ComparisonView {
  objective: Objective;
  horizonMonths: number;
}

/** The column holding each objective's value; `monthly` is the Monthly column itself. */
export const OBJECTIVE_COLUMN_KEYS: Record<Objective, string> = {
  tco: 'tcoUsd',
  npv: 'npvUsd',
  monthly: 'monthlyUsd',
  perOutcome: 'perOutcomeUsd',
};

/** The objective's own column (none for `monthly`: the Monthly column is its value). */
function objectiveColumn(view: ComparisonView): ComparisonColumn | null {
  const header = objectiveTitle(view.objective, view.horizonMonths);
  switch (view.objective) {
    case 'monthly':
      return null;
    case 'tco':
      return {
        key: 'tcoUsd',
        format: 'usd',
        header,
        align: 'right',
        widthPx: 136,
        order: by('tcoUsd'),
        text: (c) => formatUsd(c.tcoUsd),
        raw: (c) => c.tcoUsd,
      };
    case 'npv':
      return {
        key: 'npvUsd',
        format: 'usd',
        header,
        align: 'right',
        widthPx: 136,
        order: by('npvUsd'),
        text: (c) => formatUsd(c.roi?.npvUsd),
        raw: (c) => c.roi?.npvUsd ?? null,
      };
    case 'perOutcome':
      return {
        key: 'perOutcomeUsd',
        format: 'usdUnit',
        header: 'Per outcome',
        align: 'right',
        widthPx: 104,
        order: by('perOutcomeUsd'),
        text: (c) => formatUnitUsd(c.perOutcomeUsd),
        raw: (c) => c.perOutcomeUsd,
      };
  }
}

/** A check's outcome as a cell reads it: a check not asked for is a dash, never a pass. */
export function checkText(status: CheckStatus): string {
  return status === 'none' ? '—' : status;
}

/**
 * The comparison's columns under a view, in order: rank and candidate, the objective's value,
 * then costs, latency (with its check against the SLOs), quality (with its check against the
 * minimum), return and status. The app, the CSV, Markdown and the terminal all read this list.
 */
export function comparisonColumns(view: ComparisonView): readonly ComparisonColumn[] {
  const objective = objectiveColumn(view);
  const [rank, candidate, kind, ...rest] = [
    ...BEFORE_STRESSED,
    stressedColumn(view),
    ...AFTER_STRESSED,
  ] as [ComparisonColumn, ComparisonColumn, ComparisonColumn, ...ComparisonColumn[]];
  return objective === null
    ? [rank, candidate, kind, ...rest]
    : [rank, candidate, kind, objective, ...rest];
}

/**
 * A commitment's cost if volume is half the plan, in the objective's unit: the first month under
 * the monthly objective (beside the Monthly column), the horizon's total under the others.
 */
function stressedColumn(view: ComparisonView): ComparisonColumn {
  if (view.objective === 'monthly') {
    return {
      key: 'stressed50MonthlyUsd',
      format: 'usd',
      header: 'Monthly at 50% volume',
      align: 'right',
      widthPx: 150,
      order: 'rank',
      text: (c) => (c.commitment === null ? '' : formatUsd(c.commitment.stressed50MonthlyUsd)),
      raw: (c) => c.commitment?.stressed50MonthlyUsd ?? null,
    };
  }
  return {
    key: 'stressed50Usd',
    format: 'usd',
    header: `${objectiveTitle('tco', view.horizonMonths)} at 50% volume`,
    align: 'right',
    widthPx: 170,
    order: 'rank',
    text: (c) => (c.commitment === null ? '' : formatUsd(c.commitment.stressed50Usd)),
    raw: (c) => c.commitment?.stressed50Usd ?? null,
  };
}

/** The columns before the commitment's stressed cost, in every view. */
const BEFORE_STRESSED: readonly ComparisonColumn[] = [
  {
    key: 'rank',
    format: 'integer',
    header: 'Rank',
    align: 'left',
    widthPx: 64,
    order: 'rank',
    text: (c) => (c.rank === null ? '—' : `${c.rank}${c.recommended ? ' ★' : ''}`),
    raw: (c) => c.rank,
  },
  {
    key: 'candidate',
    format: 'text',
    header: 'Candidate',
    align: 'left',
    widthPx: 340,
    order: 'label',
    text: (c) => c.label,
    raw: (c) => c.label,
  },
  {
    key: 'kind',
    format: 'text',
    header: 'Placement',
    align: 'left',
    widthPx: 86,
    order: by('kind'),
    hiddenAtFirst: true,
    text: (c) => PLACEMENT_LABELS[c.kind],
    raw: (c) => PLACEMENT_LABELS[c.kind],
  },
  {
    key: 'monthlyUsd',
    format: 'usd',
    header: 'Monthly',
    align: 'right',
    widthPx: 112,
    order: by('monthlyUsd'),
    text: (c) => formatUsd(c.monthlyUsd),
    raw: (c) => c.monthlyUsd,
  },
  {
    key: 'perRequestUsd',
    format: 'usdUnit',
    header: 'Per request',
    align: 'right',
    widthPx: 104,
    // The monthly cost over the month's requests, the same for every candidate: the same order.
    order: by('monthlyUsd'),
    text: (c) => formatUnitUsd(c.perRequestUsd),
    raw: (c) => c.perRequestUsd,
  },
  {
    key: 'perMTokUsd',
    format: 'usdUnit',
    header: 'Per 1M tokens',
    align: 'right',
    widthPx: 104,
    // The monthly cost over the month's tokens, the same for every candidate: the same order.
    order: by('monthlyUsd'),
    hiddenAtFirst: true,
    text: (c) => formatUnitUsd(c.perMTokUsd),
    raw: (c) => c.perMTokUsd,
  },
  {
    key: 'ttftMs',
    format: 'ms',
    header: 'TTFT',
    align: 'right',
    widthPx: 84,
    order: by('ttftMs'),
    text: (c) => formatMs(c.ttftMs),
    raw: (c) => c.ttftMs,
  },
  {
    key: 'ttftVisibleMs',
    format: 'ms',
    header: 'Visible TTFT',
    align: 'right',
    widthPx: 96,
    order: by('ttftVisibleMs'),
    hiddenAtFirst: true,
    text: (c) => formatMs(c.ttftVisibleMs),
    raw: (c) => c.ttftVisibleMs,
  },
  {
    key: 'tpotMs',
    format: 'ms',
    header: 'TPOT',
    align: 'right',
    widthPx: 80,
    order: by('tpotMs'),
    text: (c) => formatMs(c.tpotMs),
    raw: (c) => c.tpotMs,
  },
  {
    key: 'e2eMs',
    format: 'ms',
    header: 'End-to-end',
    align: 'right',
    widthPx: 92,
    order: by('e2eMs'),
    text: (c) => formatMs(c.e2eMs),
    raw: (c) => c.e2eMs,
  },
  {
    key: 'latencyStatus',
    format: 'text',
    header: 'Latency check',
    align: 'left',
    widthPx: 112,
    // Unknown latency (NaN) sorts last either way; the check follows the figure it reads.
    order: by('ttftMs'),
    text: (c) => checkText(c.latencyStatus),
    raw: (c) => c.latencyStatus,
  },
  {
    key: 'reasoningTokensPerRequest',
    format: 'integer',
    header: 'Reasoning tokens',
    align: 'right',
    widthPx: 96,
    order: by('reasoningTokens'),
    hiddenAtFirst: true,
    // A level with no published figure is unknown, not 0 (the cost counts it as 0 only when the
    // user includes unknowns, and says so): the cell must not read as "no reasoning".
    text: (c) =>
      c.effort === null
        ? '—'
        : `${reasoningUnknown(c) ? 'unknown' : formatNumber(c.reasoningTokensPerRequest)} (${c.effort})`,
    raw: (c) => (reasoningUnknown(c) ? null : c.reasoningTokensPerRequest),
  },
  {
    key: 'costPerTaskUsd',
    format: 'usdUnit',
    header: 'Per task',
    align: 'right',
    widthPx: 96,
    // The monthly cost over the month's tasks, the same for every candidate: the same order.
    order: by('monthlyUsd'),
    hiddenAtFirst: true,
    text: (c) => formatUnitUsd(c.costPerTaskUsd),
    raw: (c) => c.costPerTaskUsd,
  },
  {
    key: 'gpus',
    format: 'integer',
    header: 'GPUs',
    align: 'right',
    widthPx: 64,
    order: by('gpusPeak'),
    text: (c) => (c.selfHost ? formatNumber(c.selfHost.gpusPeak) : '—'),
    raw: (c) => c.selfHost?.gpusPeak ?? null,
  },
  {
    key: 'utilization',
    format: 'pct',
    header: 'Utilization',
    align: 'right',
    widthPx: 92,
    order: by('utilization'),
    hiddenAtFirst: true,
    text: (c) => formatPct(c.selfHost?.utilization),
    raw: (c) => c.selfHost?.utilization ?? null,
  },
  {
    key: 'commitment',
    format: 'text',
    header: 'Commitment',
    align: 'left',
    widthPx: 170,
    order: 'rank',
    text: (c) =>
      c.commitment === null
        ? ''
        : `${unitsText(c.commitment.unit, c.commitment.committedUnits)}, ${c.commitment.term}`,
    raw: (c) =>
      c.commitment === null
        ? null
        : `${c.commitment.committedUnits} ${c.commitment.unit} ${c.commitment.term}`,
  },
];

/** The columns after the commitment's stressed cost, in every view. */
const AFTER_STRESSED: readonly ComparisonColumn[] = [
  {
    key: 'quality',
    format: 'number',
    header: 'Quality',
    align: 'right',
    widthPx: 72,
    order: by('quality'),
    text: (c) => formatNumber(c.quality),
    raw: (c) => c.quality,
  },
  {
    key: 'qualityStatus',
    format: 'text',
    header: 'Quality check',
    align: 'left',
    widthPx: 112,
    // No score (NaN) sorts last either way; a pass scores above every fail.
    order: by('quality'),
    text: (c) => checkText(c.qualityStatus),
    raw: (c) => c.qualityStatus,
  },
  {
    key: 'netMonthlyUsd',
    format: 'usd',
    header: 'Net monthly value',
    align: 'right',
    widthPx: 132,
    order: by('netMonthlyUsd'),
    text: (c) => formatUsd(c.roi?.netMonthlyUsd),
    raw: (c) => c.roi?.netMonthlyUsd ?? null,
  },
  {
    key: 'paybackMonth',
    format: 'integer',
    header: 'Payback month',
    align: 'right',
    widthPx: 86,
    order: by('paybackMonth'),
    text: (c) => (c.roi?.paybackMonth ? String(c.roi.paybackMonth) : '—'),
    raw: (c) => c.roi?.paybackMonth ?? null,
  },
  {
    key: 'status',
    format: 'text',
    header: 'Status',
    align: 'left',
    widthPx: 380,
    order: 'rank',
    text: (c) => status(c),
    raw: (c) => status(c),
  },
];

/** Every column any view shows, for finding one by key (headers under a 36-month horizon). */
const ALL_COLUMNS: readonly ComparisonColumn[] = [
  ...BEFORE_STRESSED,
  ...AFTER_STRESSED,
  stressedColumn({ objective: 'monthly', horizonMonths: 36 }),
  stressedColumn({ objective: 'tco', horizonMonths: 36 }),
  ...(['tco', 'npv', 'perOutcome'] as const).map(
    (objective) => objectiveColumn({ objective, horizonMonths: 36 }) as ComparisonColumn,
  ),
];

/** A column by its key, under any view; undefined for a key no column has. */
export function comparisonColumn(key: string): ComparisonColumn | undefined {
  return ALL_COLUMNS.find((c) => c.key === key);
}

function status(c: CandidateResult): string {
  if (!c.feasible) return `infeasible: ${c.reasons.join('; ')}`;
  return c.warnings.length > 0 ? `ok (${c.warnings.join('; ')})` : 'ok';
}
