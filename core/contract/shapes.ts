/**
 * The data shapes the contract carries between the main process (or the browser-mode server) and
 * the renderer: catalog rows as the browser lists them, catalog statistics, import summaries,
 * discounts and stored scenarios. Pure types, so both sides import them from here.
 */
import { CATALOG_TABLE_NAMES, type CatalogTableName } from '../catalog-import/catalog-tables.ts';
import type { CatalogDiff } from '../catalog-import/diff.ts';
import type { Discount } from '../schema/catalog.ts';
import type { ScenarioFile } from '../schema/scenario.ts';

/** The catalog tables a user can browse, edit, import into and export (parents first). */
export const CATALOG_TABLES = CATALOG_TABLE_NAMES;
export type CatalogTable = CatalogTableName;

/** Where a row came from: the shipped seed, an import, or the user's own edit/addition. */
export const ROW_ORIGINS = ['seed', 'import', 'user'] as const;
export type RowOrigin = (typeof ROW_ORIGINS)[number];

/** A catalog row as the browser shows it: the validated row plus its bookkeeping. */
export interface CatalogRowView {
  table: CatalogTable;
  /** The row's key (`id`; `modelId|benchmark` for quality scores). */
  key: string;
  row: Record<string, unknown>;
  origin: RowOrigin;
  /** A seed row the user changed: later seed versions leave it alone. */
  modified: boolean;
  /** Its `asOf` is older than the stale threshold. */
  stale: boolean;
  source: string;
  asOf: string;
  updatedAt: string;
}

export interface ListOptions {
  /** Case-insensitive text found in the key or name, or `field=value` pairs joined by commas. */
  filter?: string;
  limit?: number;
  offset?: number;
}

export interface CatalogStats {
  apiOfferings: number;
  /** Providers with at least one API offering. */
  providers: number;
  models: number;
  openModels: number;
  gpus: number;
  instances: number;
  clouds: number;
  regions: number;
  staleRows: number;
}

export const IMPORT_FORMATS = ['litellm', 'genai-prices', 'csv', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  /** Plan and check the import and return its diff, writing nothing. */
  dryRun?: boolean;
  /**
   * The day the file's prices were read (its snapshot date; default: today). Its rows carry it
   * as their as-of date, new prices start on it, and a catalog row read later keeps its prices.
   */
  asOf?: string;
}

export interface ImportSummary {
  format: ImportFormat;
  /**
   * The day the import read the file as of: rows that state no date of their own take it, a row
   * the catalog read later is kept, and offerings the file no longer lists end the day before.
   */
  asOf: string;
  /** A preview: nothing was written. */
  dryRun: boolean;
  /** Rows added, by table. */
  imported: Partial<Record<CatalogTable, number>>;
  /** Existing rows whose content changed, by table. */
  updated: Partial<Record<CatalogTable, number>>;
  /** Rows identical to what the catalog already held. */
  unchanged: number;
  /** Entries not imported, counted by reason. */
  skipped: Record<string, number>;
  /** Discounts added or changed (the JSON format carries them). */
  discounts?: number;
  /** What the user should know about rows that were imported with a change (one line each). */
  notes?: string[];
  /**
   * Rows of a bulk source (LiteLLM, genai-prices) left out because they break a consistency
   * rule; the catalog keeps its own row. One line each, naming the row and the rule.
   */
  leftOut: string[];
  /** Row by row: added, changed (old → new, with both as-of dates), removed (ended). */
  diff: CatalogDiff;
  /** The whole counts (the diff's lists stop at a few thousand rows). */
  counts: { added: number; changed: number; removed: number };
}

export interface DiscountRow extends Discount {
  id: number;
  updatedAt: string;
}

export interface ScenarioMeta {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredScenario extends ScenarioMeta {
  /** The file as saved: one or more workloads (schema version 2). */
  scenario: ScenarioFile;
}

/** A file the person chose to open: its name and text, and the day it was last modified. */
export interface OpenedFile {
  name: string;
  text: string;
  /** ISO date of the file's last modification, where the file system says (an import's default date). */
  modifiedOn?: string;
}
