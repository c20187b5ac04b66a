/**
 * The public reference data beside the project (../shared/reference on a developer machine), read
 * at seed-build time only. Nothing here is copied into the project: the builder reads facts and
 * writes the catalog's own rows with a source and a date.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRecords, parseCsv } from '../../../core/csv.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export const REFERENCE_DIR =
  process.env.MODELWISE_REFERENCE_DIR ?? join(HERE, '..', '..', '..', '..', 'shared', 'reference');

export function referenceText(file: string): string {
  try {
    return readFileSync(join(REFERENCE_DIR, file), 'utf8');
  } catch {
    throw new Error(
      `reference file ${file} not found in ${REFERENCE_DIR} (set MODELWISE_REFERENCE_DIR)`,
    );
  }
}

/** A reference CSV as records keyed by its header. */
export function referenceCsv(file: string): Record<string, string>[] {
  const parsed = parseCsv(referenceText(file));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
  return csvRecords(parsed.rows);
}

/** Snapshot dates and commits from SOURCES.md, one place for every row's `source` and `asOf`. */
export const SNAPSHOTS = {
  litellm: {
    file: 'litellm_model_prices.json',
    label: 'LiteLLM model_prices_and_context_window.json @ RoCry/llm-api-price 8442b939',
    asOf: '2026-07-24',
  },
  genai: {
    file: 'genai_prices_data.json',
    label: 'genai-prices prices/data.json @ pydantic/genai-prices 47df840a',
    asOf: '2026-08-21',
  },
  aws: {
    file: 'aws_gpu_instances_vantage.csv',
    label: 'instances.vantage.sh via tsaol/aws-gpu data/all_gpu_instances.js @ 77fcd9fe',
    asOf: '2026-01-21',
  },
  gcp: {
    file: 'gcp_gpu_instances_cyclenerd.csv',
    label: 'Cyclenerd/google-cloud-pricing-cost-calculator pricing.yml @ fd66b26f',
    asOf: '2026-07-30',
  },
  skypilot: {
    file: 'skypilot_gpu_instances.csv',
    label: 'skypilot-org/skypilot-catalog',
    // SOURCES.md dates no SkyPilot catalog; this is the newest snapshot date in the reference set.
    asOf: '2026-08-21',
  },
  ccf: {
    file: 'ccf_region_emission_factors.csv',
    label: 'cloud-carbon-footprint @ b7a049c7',
    asOf: '2024-03-25',
  },
  gcpCarbon: {
    file: 'gcp_region_carbon_google.csv',
    label: 'GoogleCloudPlatform/region-carbon-info',
    asOf: '2025-12-03',
  },
  lmarena: {
    file: 'lmarena_text_leaderboard.csv',
    label: 'LMArena text leaderboard via fboulnois/llm-leaderboard-csv',
    asOf: '2025-08-04',
  },
  aider: {
    file: 'aider_polyglot_leaderboard.csv',
    label: 'Aider-AI/aider polyglot_leaderboard.yml',
    asOf: '2025-10-04',
  },
} as const;

/** The date this seed's curated (not file-read) facts were written down. */
export const CURATED_ON = '2026-11-27';

/** A number from a CSV cell, or undefined when the cell is empty or not a number. */
export function cellNumber(cell: string | undefined): number | undefined {
  if (cell === undefined || cell.trim() === '') return undefined;
  const value = Number(cell);
  return Number.isFinite(value) ? value : undefined;
}

/** Rounds a derived $/h figure to 6 decimals (a ten-thousandth of a cent). */
export function usd6(value: number): number {
  return Number(value.toFixed(6));
}
