/**
 * Imports: LiteLLM's price file, genai-prices' data, the catalog CSV format (offerings,
 * instances, or latency figures such as a load test's) and the native JSON format. Every row is validated, its references found in the
 * catalog or the file, its prices checked against the catalog's consistency rules and merged
 * with the stored row's price history; the whole import runs in one immediate transaction, so a
 * refused import writes nothing. A dry run does the same without writing and returns the diff.
 * CSV rows are read, checked and written one at a time: memory does not grow with the file.
 */
import { latencyErrors } from '../../core/catalog-check/latency-rules.ts';
import { offeringErrors } from '../../core/catalog-check/offering-rules.ts';
import { findingDetail } from '../../core/catalog-check/rules.ts';
import { addToDiff, emptyDiff } from '../../core/catalog-import/diff.ts';
import { addDays, endOffering, mergePriceHistory } from '../../core/pricing/price-history.ts';
import { Offering, type LatencyMeasurement } from '../../core/schema/catalog.ts';
import { IsoDate } from '../../core/schema/common.ts';
import type { CatalogRepo } from './catalog-repo.ts';
import type { Db } from './connection.ts';
import type { DiscountRepo } from './discount-repo.ts';
import {
  csvPlan,
  genaiPlan,
  litellmPlan,
  nativePlan,
  safeJson,
  type Plan,
  type PlannedRow,
} from './import-plan.ts';
import type { RowStore } from './rows.ts';
import type { Result } from '../../core/contract/result.ts';
import type {
  CatalogTable,
  ImportFormat,
  ImportOptions,
  ImportSummary,
} from '../../core/contract/shapes.ts';
import { REFERENCES, TABLES, WRITE_ORDER } from './tables.ts';

type Row = Record<string, unknown>;

export interface ImportContext {
  db: Db;
  rows: RowStore;
  catalog: CatalogRepo;
  discounts: DiscountRepo;
  now: () => Date;
}

/** The largest file an import reads (LiteLLM's whole price file is about 1.5 MB). */
const MAX_CHARS = 100 * 1024 * 1024;
/** Rows listed in a diff per kind; the counts are always whole. */
export const DIFF_LIMIT = 2000;

class Refused extends Error {}

/** What a dry run also hands back: every row as it would be written (for the ranking preview). */
export interface ImportOutcome {
  summary: ImportSummary;
  written?: { table: CatalogTable; row: Row }[];
}

export function importText(
  ctx: ImportContext,
  text: string,
  format: ImportFormat,
  options: ImportOptions & { collectRows?: boolean } = {},
): Result<ImportOutcome> {
  if (typeof text !== 'string') return { ok: false, error: 'the file is not text' };
  if (text.length > MAX_CHARS) return { ok: false, error: 'the file is larger than 100 MB' };
  const today = ctx.now().toISOString().slice(0, 10);
  if (options.asOf !== undefined && !IsoDate.safeParse(options.asOf).success) {
    return { ok: false, error: `as of: must be a date like 2026-07-24 (got '${options.asOf}')` };
  }
  if (options.asOf !== undefined && options.asOf > today) {
    return { ok: false, error: `as of: ${options.asOf} is after today (${today})` };
  }
  const asOf = options.asOf ?? today;
  const source = {
    rows: ctx.rows,
    asOf,
    storedRow: (table: CatalogTable, id: string) => storedRow(ctx, table, id),
  };
  const plan =
    format === 'litellm'
      ? litellmPlan(source, text)
      : format === 'genai-prices'
        ? genaiPlan(source, text)
        : format === 'csv'
          ? csvPlan(text)
          : format === 'json'
            ? nativePlan(text)
            : ({ ok: false, error: `unknown import format '${String(format)}'` } as const);
  if (!plan.ok) return plan;
  const run = () => runPlan(ctx, plan.data, format, asOf, options);
  try {
    // A dry run reads one consistent snapshot; a real one takes the write lock first, so a
    // concurrent writer waits its turn (busy timeout) instead of failing half-way.
    const outcome =
      options.dryRun === true
        ? ctx.db.transaction(run).deferred()
        : ctx.db.transaction(run).immediate();
    return { ok: true, data: outcome };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.message };
    throw error;
  }
}

function storedRow(ctx: ImportContext, table: CatalogTable, id: string): Row | undefined {
  const stored = ctx.rows.get(table, id);
  if (stored === undefined) return undefined;
  const value = safeJson(stored.data);
  return typeof value === 'object' && value !== null ? (value as Row) : undefined;
}

function runPlan(
  ctx: ImportContext,
  plan: Plan,
  format: ImportFormat,
  asOf: string,
  options: ImportOptions & { collectRows?: boolean },
): ImportOutcome {
  const dryRun = options.dryRun === true;
  const summary: ImportSummary = {
    format,
    asOf,
    dryRun,
    imported: {},
    updated: {},
    unchanged: 0,
    skipped: plan.skipped,
    discounts: 0,
    notes: plan.notes,
    leftOut: [],
    diff: emptyDiff(),
    counts: { added: 0, changed: 0, removed: 0 },
  };
  const written: { table: CatalogTable; row: Row }[] | undefined =
    options.collectRows === true ? [] : undefined;
  const stamp = ctx.now().toISOString();
  const today = stamp.slice(0, 10);
  const contexts = new Map<string, number | undefined>();
  const modelContext = (id: string) => {
    if (!contexts.has(id)) {
      const model = storedRow(ctx, 'models', id);
      contexts.set(
        id,
        typeof model?.['contextTokens'] === 'number' ? model['contextTokens'] : undefined,
      );
    }
    return contexts.get(id);
  };
  // Rows met so far count as present: a streamed file's latency row names the offering before it
  // (a dry run writes neither).
  const met = new Map<CatalogTable, Set<string>>();
  const known = (table: CatalogTable, id: string) =>
    (plan.plannedIds.get(table)?.has(id) ?? false) ||
    (met.get(table)?.has(id) ?? false) ||
    ctx.rows.exists(table, id);
  const order = (p: PlannedRow | { error: string }) =>
    'error' in p ? -1 : WRITE_ORDER.indexOf(p.table);
  // Rows held whole are written parents first; a CSV holds one table and streams.
  const items = Array.isArray(plan.rows)
    ? [...(plan.rows as (PlannedRow | { error: string })[])].sort((a, b) => order(a) - order(b))
    : plan.rows;
  for (const item of items) {
    if ('error' in item) throw new Refused(item.error);
    checkReferences(item, known);
    const key = TABLES[item.table].key(item.row);
    const stored = storedRow(ctx, item.table, key);
    let row = item.row;
    const rowAsOf = item.row['asOf'];
    if (typeof rowAsOf === 'string' && rowAsOf > today) {
      // A source read "in 2099" (a mistyped year) would outrank every later price: refused.
      const detail = `${item.field('asOf')}: ${rowAsOf} is after today (${today})`;
      if (plan.strict) throw new Refused(`${item.where}: ${detail}`);
      summary.leftOut.push(`${item.where}: ${detail}`);
      continue;
    }
    if (item.table === 'offerings' && newer(stored, asOf)) {
      // The catalog read this row after the file's date: an older file does not undo it.
      summary.skipped[NEWER] = (summary.skipped[NEWER] ?? 0) + 1;
      continue;
    }
    row = withProcurementTerms(item.table, stored, row);
    if (item.table === 'offerings') row = withHistory(stored, row, asOf);
    const errors =
      item.table === 'offerings'
        ? offeringErrors(row as Offering, modelContext((row as Offering).modelId))
        : item.table === 'latency'
          ? latencyErrors(row as LatencyMeasurement)
          : [];
    if (errors.length > 0) {
      const detail = errors
        .map((f) => fieldNamed(findingDetail(f), f.field, item.field))
        .join('; ');
      if (plan.strict) throw new Refused(`${item.where}: ${detail}`);
      summary.leftOut.push(`${item.where}: ${detail}`);
      continue;
    }
    const metIds = met.get(item.table) ?? new Set<string>();
    metIds.add(key);
    met.set(item.table, metIds);
    record(ctx, summary, item.table, key, stored, row, stamp, dryRun);
    written?.push({ table: item.table, row });
  }
  for (const id of plan.removed) {
    const stored = storedRow(ctx, 'offerings', id);
    const parsed = Offering.safeParse(stored);
    if (!parsed.success) continue;
    const lastDay = addDays(asOf, -1);
    const ended = endOffering(parsed.data, lastDay);
    if (ended === parsed.data) continue;
    summary.counts.removed++;
    if (summary.diff.removed.length < DIFF_LIMIT) {
      summary.diff.removed.push({ table: 'offerings', key: id, asOf: parsed.data.asOf, lastDay });
    }
    if (!dryRun) ctx.catalog.write('offerings', ended, 'import', stamp);
    written?.push({ table: 'offerings', row: ended });
  }
  for (const { discount, where } of plan.discounts) {
    if (discount.provider !== undefined && !known('providers', discount.provider)) {
      throw new Refused(`${where}: provider: unknown provider '${discount.provider}'`);
    }
    if (discount.offeringId !== undefined && !known('offerings', discount.offeringId)) {
      throw new Refused(`${where}: offeringId: unknown offering '${discount.offeringId}'`);
    }
    if (dryRun) continue;
    if (ctx.discounts.write(discount, stamp).changed)
      summary.discounts = (summary.discounts ?? 0) + 1;
    else summary.unchanged++;
  }
  return written === undefined ? { summary } : { summary, written };
}

const NEWER = 'the catalog has a later price';

/** A finding's detail with its field named as the file names it (`ttftMs:` → `ttft_ms:`). */
function fieldNamed(
  detail: string,
  field: string | undefined,
  named: (field: string) => string,
): string {
  if (field === undefined) return detail;
  const name = named(field);
  return name === field ? detail : detail.replace(` ${field}:`, ` ${name}:`);
}

/** Whether a stored row was read after `asOf` (so a file of that date must not replace it). */
function newer(stored: Row | undefined, asOf: string): boolean {
  return typeof stored?.['asOf'] === 'string' && stored['asOf'] > asOf;
}

/**
 * What a price list does not carry (a CSV has no column for it) is kept from the stored row: an
 * offering's provisioned throughput, an instance's upfront commitment options.
 */
const PROCUREMENT_FIELDS: Partial<Record<CatalogTable, string>> = {
  offerings: 'provisioned',
  instances: 'commitmentOptions',
};

function withProcurementTerms(table: CatalogTable, stored: Row | undefined, incoming: Row): Row {
  const field = PROCUREMENT_FIELDS[table];
  if (field === undefined || stored?.[field] === undefined || incoming[field] !== undefined) {
    return incoming;
  }
  return { ...incoming, [field]: stored[field] };
}

/** An offering over a stored one keeps the stored price history (see mergePriceHistory). */
function withHistory(stored: Row | undefined, incoming: Row, asOf: string): Row {
  if (stored === undefined) return incoming;
  const before = Offering.safeParse(stored);
  const after = Offering.safeParse(incoming);
  if (!before.success || !after.success) return incoming;
  const merged = Offering.safeParse(mergePriceHistory(before.data, after.data, asOf));
  return merged.success ? merged.data : incoming;
}

function checkReferences(p: PlannedRow, known: (table: CatalogTable, id: string) => boolean): void {
  for (const ref of REFERENCES) {
    const target = p.row[ref.field];
    if (ref.from !== p.table || target === undefined) continue;
    if (!known(ref.to, String(target))) {
      throw new Refused(
        `${p.where}: ${p.field(ref.field)}: unknown ${TABLES[ref.to].singular} '${String(target)}' (not in the catalog or the file)`,
      );
    }
  }
}

/** Counts a row into the summary and the diff, and writes it unless this is a dry run. */
function record(
  ctx: ImportContext,
  summary: ImportSummary,
  table: CatalogTable,
  key: string,
  stored: Row | undefined,
  row: Row,
  stamp: string,
  dryRun: boolean,
): void {
  const diff = summary.diff;
  const before = { added: diff.added.length, changed: diff.changed.length };
  addToDiff(diff, table, key, stored, row);
  if (diff.added.length > before.added) {
    summary.counts.added++;
    if (diff.added.length > DIFF_LIMIT) diff.added.pop();
  } else if (diff.changed.length > before.changed) {
    summary.counts.changed++;
    if (diff.changed.length > DIFF_LIMIT) diff.changed.pop();
  }
  const sameText = stored !== undefined && JSON.stringify(stored) === JSON.stringify(row);
  const outcome = dryRun
    ? stored === undefined
      ? 'added'
      : sameText
        ? 'unchanged'
        : 'updated'
    : ctx.catalog.write(table, row, 'import', stamp);
  if (outcome === 'unchanged') summary.unchanged++;
  else {
    const counts = outcome === 'added' ? summary.imported : summary.updated;
    counts[table] = (counts[table] ?? 0) + 1;
  }
}
