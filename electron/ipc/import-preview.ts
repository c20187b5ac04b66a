/**
 * The review of an import before it is applied: its diff (a dry run of the store) and what it
 * does to the open scenario's ranking (the scenario evaluated against the catalog as it is and
 * as the import would leave it). Nothing is written.
 */
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseWorkloadScenario } from '../../core/scenario/parse.ts';
import { rankingEffect } from '../../core/scenario/ranking-effect.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import type { ImportPreview } from '../../core/contract/ipc.ts';
import type { Result } from '../../core/contract/result.ts';
import type { ImportFormat } from '../../core/contract/shapes.ts';
import type { CatalogStore } from '../db/store-types.ts';

export function importPreview(
  store: CatalogStore,
  input: { text: string; format: ImportFormat; asOf?: string | undefined; scenario?: unknown },
): Result<ImportPreview> {
  const revision = store.revision();
  const before = store.readCatalog();
  const preview = store.previewImport(input.text, input.format, { asOf: input.asOf });
  if (!preview.ok) return preview;
  const out: ImportPreview = { summary: preview.data.summary, ranking: null, revision };
  if (input.scenario === undefined) return { ok: true, data: out };
  const parsed = parseWorkloadScenario(input.scenario);
  if (!parsed.ok) return { ok: true, data: { ...out, rankingError: `scenario: ${parsed.error}` } };
  const today = new Date().toISOString().slice(0, 10);
  const rank = (catalog: Catalog, scenario: Scenario) => {
    const e = evaluateScenario(catalog, scenario, {
      staleBefore: store.staleBefore(),
      asOf: today,
    });
    return e.ok ? { rows: e.result.rankedRows() } : { error: e.error };
  };
  const a = rank(before, parsed.scenario);
  const b = rank(preview.data.catalog, parsed.scenario);
  if ('error' in a || 'error' in b) {
    const error = 'error' in a ? a.error : 'error' in b ? b.error : '';
    return { ok: true, data: { ...out, rankingError: error } };
  }
  return { ok: true, data: { ...out, ranking: rankingEffect(a.rows, b.rows) } };
}
