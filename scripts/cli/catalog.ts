/**
 * `modelwise catalog …`: the local catalog database from a terminal — stats, list, import and
 * export. Every refusal is one line (UsageError, exit 2).
 */
import type { CatalogTable, ImportSummary } from '../../core/contract/shapes.ts';
import { CATALOG_TABLES } from '../../core/contract/shapes.ts';
import { enumFlag, intFlag, parseArgs, requiredFlag, stringFlag } from './args.ts';
import { withStore, withWritableStore } from './catalog-source.ts';
import { readTextFile } from './read-file.ts';
import { catalogText } from './catalog-table.ts';
import { UsageError } from './errors.ts';
import { printOrWrite } from './write-file.ts';

export const CATALOG_USAGE = `  catalog stats [--json]
  catalog list ${CATALOG_TABLES.join('|')} [--filter TEXT|field=value,…] [--limit N] [--offset N] [--json]
  catalog import FILE --format litellm|csv|json [--json]
  catalog export --format csv|json [--table TABLE] [--filter …] [--out FILE]`;

/** The largest file `catalog import` reads. */

export function runCatalog(argv: readonly string[]): string {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'stats':
      return stats(rest);
    case 'list':
      return list(rest);
    case 'import':
      return importFile(rest);
    case 'export':
      return exportCatalog(rest);
    default:
      throw new UsageError(
        `catalog: ${sub === undefined ? 'a subcommand is required' : `unknown subcommand '${sub}'`} (stats, list, import, export)`,
      );
  }
}

function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
}

function stats(argv: readonly string[]): string {
  const a = parseArgs(argv, ['json'], ['json']);
  noPositionals(a.positionals);
  return withStore((store) => {
    const s = store.stats();
    if (a.flags.has('json')) return JSON.stringify(s);
    return [
      `catalog ${store.path}`,
      `  API offerings   ${s.apiOfferings} from ${s.providers} providers`,
      `  models          ${s.models} (${s.openModels} with open weights)`,
      `  GPUs            ${s.gpus}`,
      `  instances       ${s.instances} on ${s.clouds} clouds`,
      `  regions         ${s.regions}`,
      `  stale rows      ${s.staleRows}`,
    ].join('\n');
  });
}

function tableArg(name: string | undefined, what: string): CatalogTable {
  if (name === undefined)
    throw new UsageError(`${what}: which table? (${CATALOG_TABLES.join(', ')})`);
  if (!(CATALOG_TABLES as readonly string[]).includes(name)) {
    throw new UsageError(`${what}: unknown table '${name}' (${CATALOG_TABLES.join(', ')})`);
  }
  return name as CatalogTable;
}

function list(argv: readonly string[]): string {
  const a = parseArgs(argv, ['filter', 'limit', 'offset', 'json'], ['json']);
  const [name, ...extra] = a.positionals;
  noPositionals(extra);
  const table = tableArg(name, 'catalog list');
  const json = a.flags.has('json');
  const limit = intFlag(a, 'limit', 1) ?? (json ? undefined : 50);
  const offset = intFlag(a, 'offset', 0) ?? 0;
  return withStore((store) => {
    const listed = store.list(table, { filter: stringFlag(a, 'filter'), limit, offset });
    if (listed.filterError !== undefined) throw new UsageError(listed.filterError);
    if (json) return JSON.stringify({ table, total: listed.total, rows: listed.rows });
    if (listed.total === 0) return `no ${table} match`;
    const more = listed.total - offset - listed.rows.length;
    const tail = more > 0 ? `\n… ${more} more (--limit, --offset or --filter to see them)` : '';
    return `${catalogText(table, listed.rows)}${tail}`;
  });
}

const byTable = (counts: Partial<Record<CatalogTable, number>>) =>
  Object.entries(counts)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ') || '0';

function summaryText(file: string, s: ImportSummary): string {
  const skipped = Object.entries(s.skipped).sort((x, y) => y[1] - x[1]);
  const skippedTotal = skipped.reduce((sum, [, n]) => sum + n, 0);
  const lines = [
    `imported ${file} (${s.format})`,
    `  added      ${byTable(s.imported)}`,
    `  updated    ${byTable(s.updated)}`,
    `  unchanged  ${s.unchanged}`,
  ];
  if ((s.discounts ?? 0) > 0) lines.push(`  discounts  ${s.discounts ?? 0}`);
  if (skippedTotal > 0) {
    lines.push(`  skipped    ${skippedTotal}: ${skipped.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  }
  for (const note of s.notes ?? []) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

function importFile(argv: readonly string[]): string {
  const a = parseArgs(argv, ['format', 'json'], ['json']);
  const [file, ...extra] = a.positionals;
  noPositionals(extra);
  if (file === undefined) throw new UsageError('catalog import: which file?');
  const format = enumFlag(a, 'format', ['litellm', 'csv', 'json'] as const);
  if (format === undefined) throw new UsageError('--format is required (litellm, csv or json)');
  const text = readTextFile(file, 100);
  return withWritableStore('catalog import', (store) => {
    const result = store.importText(text, format);
    if (!result.ok) throw new UsageError(`${file}: refused, nothing imported: ${result.error}`);
    return a.flags.has('json') ? JSON.stringify(result.data) : summaryText(file, result.data);
  });
}

function exportCatalog(argv: readonly string[]): string {
  const a = parseArgs(argv, ['format', 'table', 'filter', 'out'], []);
  noPositionals(a.positionals);
  const format = enumFlag(a, 'format', ['csv', 'json'] as const);
  if (format === undefined) requiredFlag(a, 'format');
  const tableName = stringFlag(a, 'table');
  const table = tableName === undefined ? undefined : tableArg(tableName, '--table');
  const out = stringFlag(a, 'out');
  return withStore((store) => {
    const result = store.exportText(format ?? 'json', { table, filter: stringFlag(a, 'filter') });
    if (!result.ok) throw new UsageError(result.error);
    return printOrWrite(result.data, out);
  });
}
