/**
 * `modelwise catalog …`: the local catalog database from a terminal — stats, list, import and
 * export. Every refusal is one line (UsageError, exit 2).
 */
import { checkCatalog, summarizeFindings } from '../../core/catalog-check/check.ts';
import type { Finding } from '../../core/catalog-check/rules.ts';
import { diffLines } from '../../core/catalog-import/diff.ts';
import { detectImportFormat } from '../../core/catalog-import/native-json.ts';
import { defaultImportAsOf, FILE_DATED_FORMATS } from '../../core/catalog-import/import-date.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import {
  rankingEffect,
  rankingEffectLines,
  type RankingEffect,
} from '../../core/scenario/ranking-effect.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import type { CatalogTable, ImportSummary } from '../../core/contract/shapes.ts';
import { CATALOG_TABLES, IMPORT_FORMATS } from '../../core/contract/shapes.ts';
import { enumFlag, intFlag, parseArgs, requiredFlag, stringFlag } from './args.ts';
import { withStore, withWritableStore } from './catalog-source.ts';
import { fileModifiedOn, readJsonFile, readTextFile } from './read-file.ts';
import { catalogText } from './catalog-table.ts';
import { FailedReport, UsageError } from './errors.ts';
import { today } from './today.ts';
import { printOrWrite } from './write-file.ts';

export const CATALOG_USAGE = `  catalog stats [--json]
  catalog list ${CATALOG_TABLES.join('|')} [--filter TEXT|field=value,…] [--limit N] [--offset N] [--json]
  catalog check [--json]
  catalog import FILE [--format ${IMPORT_FORMATS.join('|')}] [--as-of YYYY-MM-DD] [--dry-run [--scenario FILE]] [--json]
  catalog export --format csv|json [--table TABLE] [--filter …] [--out FILE]`;

/** The largest file `catalog import` reads. */

export function runCatalog(argv: readonly string[]): string {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'stats':
      return stats(rest);
    case 'list':
      return list(rest);
    case 'check':
      return runCheck(rest);
    case 'import':
      return importFile(rest);
    case 'export':
      return exportCatalog(rest);
    default:
      throw new UsageError(
        `catalog: ${sub === undefined ? 'a subcommand is required' : `unknown subcommand '${sub}'`} (stats, list, check, import, export)`,
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
    `${s.dryRun ? 'would import' : 'imported'} ${file} (${s.format})${s.dryRun ? ': nothing written (dry run)' : ''}`,
    `  added      ${byTable(s.imported)}`,
    `  updated    ${byTable(s.updated)}`,
    `  unchanged  ${s.unchanged}`,
  ];
  // Rows of an undated file take the import's day (CSV and catalog files date their own).
  if (FILE_DATED_FORMATS.includes(s.format)) lines.push(`  as of      ${s.asOf}`);
  if (s.counts.removed > 0)
    lines.push(`  ended      ${s.counts.removed} offerings the source no longer lists`);
  if ((s.discounts ?? 0) > 0) lines.push(`  discounts  ${s.discounts ?? 0}`);
  if (skippedTotal > 0) {
    lines.push(`  skipped    ${skippedTotal}: ${skipped.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  }
  if (s.leftOut.length > 0) {
    lines.push(
      `  left out   ${s.leftOut.length} rows that fail a consistency check (the catalog keeps its own):`,
    );
    for (const line of s.leftOut.slice(0, 20)) lines.push(`    ${line}`);
    if (s.leftOut.length > 20)
      lines.push(`    … ${s.leftOut.length - 20} more (--json lists them all)`);
  }
  for (const note of s.notes ?? []) lines.push(`  note: ${note}`);
  if (s.dryRun) lines.push('', ...diffLines(s.diff, 50));
  return lines.join('\n');
}

function importFile(argv: readonly string[]): string {
  const a = parseArgs(
    argv,
    ['format', 'json', 'dry-run', 'scenario', 'as-of'],
    ['json', 'dry-run'],
  );
  const [file, ...extra] = a.positionals;
  noPositionals(extra);
  if (file === undefined) throw new UsageError('catalog import: which file?');
  const dryRun = a.flags.has('dry-run');
  const scenarioFile = stringFlag(a, 'scenario');
  if (scenarioFile !== undefined && !dryRun) {
    throw new UsageError(
      '--scenario shows what an import does to a ranking: it goes with --dry-run',
    );
  }
  const text = readTextFile(file, 100);
  const format = enumFlag(a, 'format', IMPORT_FORMATS) ?? detectImportFormat(file, text);
  // An undated price file holds the prices of the day it was saved, not of the day it is read.
  const asOf = stringFlag(a, 'as-of') ?? defaultImportAsOf(format, fileModifiedOn(file), today());
  const scenario = scenarioFile === undefined ? undefined : readScenario(scenarioFile);
  const json = a.flags.has('json');
  if (!dryRun) {
    return withWritableStore('catalog import', (store) => {
      const result = store.importText(text, format, { asOf });
      if (!result.ok) throw new UsageError(`${file}: refused, nothing imported: ${result.error}`);
      return json ? JSON.stringify(result.data) : summaryText(file, result.data);
    });
  }
  return withStore((store) => {
    const before = store.readCatalog();
    const preview = store.previewImport(text, format, { asOf });
    if (!preview.ok)
      throw new UsageError(`${file}: refused, nothing would be imported: ${preview.error}`);
    const { summary, catalog } = preview.data;
    const ranking =
      scenario === undefined
        ? undefined
        : scenarioEffect(scenario, before, catalog, store.staleBefore());
    if (json) return JSON.stringify(ranking === undefined ? summary : { ...summary, ranking });
    const report = summaryText(file, summary);
    return ranking === undefined
      ? report
      : `${report}\n\nwhat it does to ${scenario?.name ?? 'the scenario'}:\n${rankingEffectLines(ranking).join('\n')}`;
  });
}

function readScenario(file: string): Scenario {
  const parsed = parseScenario(readJsonFile(file));
  if (!parsed.ok) throw new UsageError(`${file}: ${parsed.error}`);
  return parsed.scenario;
}

/** The scenario ranked against the catalog now and as the import would leave it. */
function scenarioEffect(
  scenario: Scenario,
  before: Catalog,
  after: Catalog,
  staleBefore: string,
): RankingEffect {
  const asOf = today();
  const rank = (catalog: Catalog) => {
    const evaluated = evaluateScenario(catalog, scenario, { staleBefore, asOf });
    if (!evaluated.ok) throw new UsageError(`--scenario: ${evaluated.error}`);
    return evaluated.result.rankedRows();
  };
  return rankingEffect(rank(before), rank(after));
}

function runCheck(argv: readonly string[]): string {
  const a = parseArgs(argv, ['json'], ['json']);
  noPositionals(a.positionals);
  return withStore((store) => {
    const findings = checkCatalog(store.readCatalog(), { staleBefore: store.staleBefore() });
    const summary = summarizeFindings(findings);
    const problems = store.problems();
    const text = a.flags.has('json')
      ? JSON.stringify({ ...summary, findings, problems })
      : checkText(summary, findings, problems, store.staleBefore());
    // Error-level findings fail the command (a script can gate on it); the report still prints.
    if (summary.errors > 0) throw new FailedReport(text);
    return text;
  });
}

function checkText(
  summary: ReturnType<typeof summarizeFindings>,
  findings: readonly Finding[],
  problems: readonly string[],
  staleBefore: string,
): string {
  const rules = Object.entries(summary.byRule).map(([rule, n]) => `${rule} ${n}`);
  const lines = [
    `catalog check: ${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}${rules.length > 0 ? ` (${rules.join(', ')})` : ''}`,
  ];
  for (const p of problems) lines.push(`  left out of the catalog: ${p}`);
  const shown = findings.filter((f) => f.level === 'error' || f.rule !== 'stale');
  for (const f of shown.slice(0, 200)) lines.push(`  ${f.level}: ${f.message}`);
  if (shown.length > 200) lines.push(`  … ${shown.length - 200} more (--json lists them all)`);
  const stale = summary.byRule.stale ?? 0;
  if (stale > 0)
    lines.push(`  ${stale} rows read before ${staleBefore} (stale; --json lists them)`);
  return lines.join('\n');
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
