/**
 * Older catalog files carry an offering's published latency in the offering row
 * (`publishedTtftMs`, `publishedOutputTokPerS`, and the CSV columns `published_ttft_ms`,
 * `published_output_tok_per_s`). The catalog keeps latency in its own table, one source of truth:
 * an import or an edit moves those fields into a published latency row with the offering's own
 * source and date (migration 0003 did the same to rows already stored). Pure.
 */
import type { LatencyMeasurement } from '../schema/catalog.ts';
import type { CatalogRow } from './catalog-tables.ts';

export const LEGACY_LATENCY_FIELDS = ['publishedTtftMs', 'publishedOutputTokPerS'] as const;

/**
 * The offering without its legacy latency fields, and the published latency row they make (none
 * when the offering has neither). The row is unvalidated: the caller checks it like any other.
 */
export function splitLegacyLatency(offering: CatalogRow): {
  offering: CatalogRow;
  latency?: CatalogRow;
} {
  const ttftMs = offering['publishedTtftMs'];
  const outputTokPerS = offering['publishedOutputTokPerS'];
  if (ttftMs === undefined && outputTokPerS === undefined) return { offering };
  const { publishedTtftMs: _t, publishedOutputTokPerS: _s, ...rest } = offering;
  const latency: Partial<Record<keyof LatencyMeasurement, unknown>> = {
    source: offering['source'],
    asOf: offering['asOf'],
    offeringId: offering['id'],
    kind: 'published',
    ...(ttftMs === undefined ? {} : { ttftMs }),
    ...(outputTokPerS === undefined ? {} : { outputTokPerS }),
  };
  return { offering: rest, latency };
}
