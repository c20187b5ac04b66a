import type { Explanation } from '../decision/explain.ts';
import { OBJECTIVES } from '../decision/objective.ts';
import type { RoiMonth } from '../roi/roi.ts';
import type { CandidateResult } from '../sweep/types.ts';
import {
  comparisonColumns,
  OBJECTIVE_COLUMN_KEYS,
  type ComparisonColumn,
} from './comparison-columns.ts';
import type { Cell, ReportColumn, ReportTable } from './report-model.ts';

/** A column of a candidate table: its header, format and value for a row. */
interface CandidateColumn extends ReportColumn {
  value: (c: CandidateResult) => Cell;
}

/** The comparison's columns by key, under every objective's view at this horizon. */
function comparisonByKey(horizonMonths: number): Map<string, ComparisonColumn> {
  const out = new Map<string, ComparisonColumn>();
  for (const objective of OBJECTIVES) {
    for (const c of comparisonColumns({ objective, horizonMonths })) out.set(c.key, c);
  }
  return out;
}

const setup: CandidateColumn = {
  key: 'setupUsd',
  header: 'Setup',
  format: 'usd',
  width: 11,
  value: (c) => c.setupUsd,
};

/**
 * The columns a candidate table of the report shows: the objective's value first, the horizon
 * cost, monthly and setup; value columns only when a value per request is set.
 */
function candidateColumns(why: Explanation, valued: boolean, wide: boolean): CandidateColumn[] {
  const byKey = comparisonByKey(why.horizonMonths);
  // The comparison's own column: the same header, value and format as the app's table.
  const col = (key: string, width: number): CandidateColumn => {
    const c = byKey.get(key) as ComparisonColumn;
    return { key, header: c.header, format: c.format, width, value: c.raw };
  };
  const cols: CandidateColumn[] = [col('rank', 5), col('candidate', 36), col('kind', 10)];
  const objectiveKey = OBJECTIVE_COLUMN_KEYS[why.objective];
  if (objectiveKey !== 'tcoUsd' && objectiveKey !== 'monthlyUsd') cols.push(col(objectiveKey, 12));
  cols.push(col('tcoUsd', 12), col('monthlyUsd', 11), setup, col('perRequestUsd', 11));
  if (wide) cols.push(col('perMTokUsd', 12));
  cols.push(col('ttftMs', 9));
  if (wide) cols.push(col('tpotMs', 10), col('e2eMs', 11));
  cols.push(col('quality', 8));
  if (wide) cols.push(col('gpus', 7), col('utilization', 11));
  if (valued && objectiveKey !== 'npvUsd') cols.push(col('npvUsd', 12));
  if (valued) cols.push(col('paybackMonth', 8));
  if (wide) cols.push(col('status', 60));
  return cols;
}

function candidateTable(
  id: string,
  rows: readonly CandidateResult[],
  columns: CandidateColumn[],
  extra?: { key: string; header: string; width: number; value: (c: CandidateResult) => string },
): ReportTable {
  const cols: CandidateColumn[] =
    extra === undefined
      ? columns
      : [...columns.slice(0, 3), { ...extra, format: 'text' }, ...columns.slice(3)];
  return {
    id,
    columns: cols.map(({ key, header, format, width }) => ({ key, header, format, width })),
    rows: rows.map((r) => Object.fromEntries(cols.map((c) => [c.key, c.value(r)]))),
    emphasis: rows.flatMap((r, k) => (r.recommended ? [k] : [])),
  };
}

const BEST_OF: Record<CandidateResult['kind'], string> = {
  api: 'Best hosted API',
  cloud: 'Best on rented GPUs',
  onprem: 'Best on owned GPUs',
  route: 'Best route',
};

/** Why a shortlisted candidate is there: recommended, runner-up, best of its placement, or top. */
function roleOf(why: Explanation, r: CandidateResult): string {
  if (why.recommended?.id === r.id) return 'Recommended';
  const alt = why.alternatives.find((a) => a.id === r.id);
  if (alt?.role === 'runner-up') return 'Runner-up';
  if (alt !== undefined) return BEST_OF[alt.kind];
  return 'Next best';
}

/** The shortlist: its candidates in rank order with why each is there. */
export function shortlistTable(
  why: Explanation,
  rows: readonly CandidateResult[],
  valued: boolean,
): ReportTable {
  return candidateTable('shortlist', rows, candidateColumns(why, valued, false), {
    key: 'role',
    header: 'Why listed',
    width: 14,
    value: (r) => roleOf(why, r),
  });
}

/** Every feasible candidate, ranked, with all the comparison's numbers (the workbook's sheet). */
export function feasibleTable(
  why: Explanation,
  rows: readonly CandidateResult[],
  valued: boolean,
): ReportTable {
  return candidateTable('feasible', rows, candidateColumns(why, valued, true));
}

/** One shortlisted candidate's months, as the engine's ROI series has them. */
export interface ProjectedCandidate {
  row: CandidateResult;
  months: RoiMonth[];
}

/** The first day of month m (1-based) of a horizon starting on `start` (ISO), as an ISO day. */
export function monthStart(start: string, m: number): string {
  const [y, mo, d] = start.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1 + (m - 1), d));
  // A start on the 31st lands on the month's last day, not in the next month.
  if (date.getUTCDate() !== d) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/**
 * Month by month per candidate (the workbook's long table): requests served, run cost, hardware
 * bought, setup and any stranded commitment, the month's cash, and running totals.
 */
export function projectionTable(
  projected: readonly ProjectedCandidate[],
  start: string,
  valued: boolean,
): ReportTable {
  const columns: ReportColumn[] = [
    { key: 'candidate', header: 'Candidate', format: 'text', width: 48 },
    { key: 'month', header: 'Month', format: 'integer', width: 7 },
    { key: 'starts', header: 'Starts', format: 'date', width: 11 },
    { key: 'requests', header: 'Requests served', format: 'integer', width: 15 },
    { key: 'runUsd', header: 'Run cost', format: 'usd', width: 12 },
    { key: 'hardwareUsd', header: 'Hardware bought', format: 'usd', width: 14 },
    { key: 'oneOffUsd', header: 'Setup and other one-off', format: 'usd', width: 14 },
    { key: 'cashUsd', header: 'Cash in month', format: 'usd', width: 13 },
    { key: 'cumulativeUsd', header: 'Cumulative cash', format: 'usd', width: 15 },
  ];
  if (valued) {
    columns.push(
      { key: 'cumulativeValueUsd', header: 'Cumulative value', format: 'usd', width: 15 },
      { key: 'netUsd', header: 'Cumulative net', format: 'usd', width: 15 },
    );
  }
  const rows = projected.flatMap((p) =>
    p.months.map((m, k) => {
      const before = k === 0 ? 0 : p.months[k - 1]!.costUsd;
      const cash = m.costUsd - before;
      const row: Record<string, Cell> = {
        candidate: p.row.label,
        month: m.month,
        starts: monthStart(start, m.month),
        requests: m.requests,
        runUsd: m.runUsd,
        hardwareUsd: m.capexUsd,
        // Setup is paid at the decision (month 1); a commitment still owed, in the horizon's last.
        oneOffUsd: (m.month === 1 ? p.row.setupUsd : 0) + m.strandedUsd,
        cashUsd: cash,
        cumulativeUsd: m.costUsd,
      };
      if (valued) {
        row.cumulativeValueUsd = m.valueUsd;
        row.netUsd = m.valueUsd - m.costUsd;
      }
      return row;
    }),
  );
  return { id: 'projection', columns, rows };
}

/** Cash month by month, one column per candidate (the printed report's table), with totals. */
export function projectionSummaryTable(
  projected: readonly ProjectedCandidate[],
  start: string,
  names: readonly string[],
): ReportTable {
  const months = projected[0]?.months.length ?? 0;
  const columns: ReportColumn[] = [
    { key: 'month', header: 'Month', format: 'integer', width: 7 },
    { key: 'starts', header: 'Starts', format: 'date', width: 11 },
    ...projected.map((_, k) => ({
      key: `c${k}`,
      header: names[k] ?? projected[k]!.row.label,
      format: 'usd' as const,
      width: 16,
    })),
  ];
  const rows: Record<string, Cell>[] = [];
  for (let m = 0; m < months; m++) {
    const row: Record<string, Cell> = { month: m + 1, starts: monthStart(start, m + 1) };
    projected.forEach((p, k) => {
      row[`c${k}`] = p.months[m]!.costUsd - (m === 0 ? 0 : p.months[m - 1]!.costUsd);
    });
    rows.push(row);
  }
  const total: Record<string, Cell> = { month: null, starts: 'Total cash' };
  projected.forEach((p, k) => (total[`c${k}`] = p.months[months - 1]?.costUsd ?? null));
  rows.push(total);
  return { id: 'projection-summary', columns, rows, emphasis: [rows.length - 1] };
}
