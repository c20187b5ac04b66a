/**
 * The one contract between the renderer and the main process (and the browser-mode server):
 * channel → zod input schema → output type. Pure (no Electron, no Node): the same file types the
 * preload, the main process handlers, the HTTP server and the renderer's api object. Every answer
 * is a Result: failures travel as values, never as thrown errors.
 */
import { z } from 'zod';
import type { Catalog } from '../schema/catalog.ts';
import type { ScenarioFile } from '../schema/scenario.ts';
import type { Finding, RuleId } from '../catalog-check/rules.ts';
import type { RankingEffect } from '../scenario/ranking-effect.ts';
import { IsoDate } from '../schema/common.ts';
import { PAPERS } from '../report/report-css.ts';
import type { MenuCommand } from './menu.ts';
import type { Result } from './result.ts';
import {
  CATALOG_TABLES,
  IMPORT_FORMATS,
  type CatalogRowView,
  type CatalogStats,
  type DiscountRow,
  type ImportSummary,
  type OpenedFile,
  type ScenarioMeta,
  type StoredScenario,
} from './shapes.ts';

export type { Result } from './result.ts';

const Table = z.enum(CATALOG_TABLES);
const Text = z.string().max(64 * 1024 * 1024);
const ScenarioId = z.string().min(1).max(100);
const Name = z.string().trim().min(1, 'name must not be empty').max(200);
const Filter = z.string().max(500).optional();

export const CHANNELS = {
  'app:info': z.object({}),
  'catalog:get': z.object({}),
  'catalog:stats': z.object({}),
  'catalog:list': z.object({
    table: Table,
    filter: Filter,
    limit: z.number().int().min(1).max(100_000).optional(),
    offset: z.number().int().min(0).optional(),
  }),
  'catalog:upsert': z.object({ table: Table, row: z.unknown() }),
  'catalog:remove': z.object({ table: Table, key: z.string().min(1).max(400) }),
  'discounts:list': z.object({}),
  'discounts:set': z.object({ discount: z.unknown() }),
  'discounts:remove': z.object({ id: z.number().int().positive() }),
  /** The catalog's consistency checks: every finding names its row and rule. */
  'catalog:check': z.object({}),
  /**
   * A dry run of an import: its diff, and what it does to `scenario`'s ranking (the open one).
   * Nothing is written; `revision` is the catalog's, for the apply that follows.
   */
  'catalog:importPreview': z.object({
    text: Text,
    format: z.enum(IMPORT_FORMATS),
    asOf: IsoDate.optional(),
    scenario: z.unknown().optional(),
  }),
  /**
   * Applies an import as one transaction. With `expectRevision` (the preview's), it is refused
   * when the catalog changed since the preview: what is applied is what was reviewed.
   */
  'catalog:import': z.object({
    text: Text,
    format: z.enum(IMPORT_FORMATS),
    asOf: IsoDate.optional(),
    expectRevision: z.number().int().nonnegative().optional(),
  }),
  'catalog:export': z.object({
    format: z.enum(['csv', 'json']),
    table: Table.optional(),
    filter: Filter,
  }),
  'scenarios:list': z.object({}),
  'scenarios:get': z.object({ id: ScenarioId }),
  'scenarios:save': z.object({ id: ScenarioId.optional(), name: Name, scenario: z.unknown() }),
  'scenarios:rename': z.object({ id: ScenarioId, name: Name }),
  'scenarios:duplicate': z.object({ id: ScenarioId }),
  'scenarios:delete': z.object({ id: ScenarioId }),
  'scenario:parse': z.object({ text: Text }),
  'file:open': z.object({ kind: z.enum(['scenario', 'catalog']) }),
  'file:save': z.object({
    kind: z.enum(['scenario', 'report', 'catalog']),
    suggestedName: z.string().min(1).max(200),
    text: Text,
    /** `base64`: `text` carries binary bytes (a workbook, an image), written as bytes. */
    encoding: z.enum(['utf8', 'base64']).optional(),
  }),
  /**
   * Prints the page as PDF (Electron's printToPDF; the page shows only the report when printed)
   * and saves it where the person chooses. Desktop app only: a browser prints with its own dialog.
   */
  'report:pdf': z.object({
    suggestedName: z.string().min(1).max(200),
    paper: z.enum(PAPERS),
  }),
} as const;

export type Channel = keyof typeof CHANNELS;
export type ChannelInput<C extends Channel> = z.input<(typeof CHANNELS)[C]>;

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  dataDir: string;
  recoveryNotice: string | null;
}

/** `catalog check`: counts by level and rule, every finding, and rows left out of the catalog. */
export interface CatalogCheck {
  errors: number;
  warnings: number;
  byRule: Partial<Record<RuleId, number>>;
  findings: Finding[];
  /** Rows the catalog could not read (damaged and quarantined, or failing their schema). */
  problems: string[];
}

/** An import's review: its diff and summary, and its effect on the open scenario's ranking. */
export interface ImportPreview {
  summary: ImportSummary;
  /** Null without a scenario, or when the scenario cannot be evaluated (`rankingError` says why). */
  ranking: RankingEffect | null;
  rankingError?: string;
  /** The catalog's revision the preview was made on. */
  revision: number;
}

export interface CatalogSnapshot {
  catalog: Catalog;
  revision: number;
  stats: CatalogStats;
  staleAfterDays: number;
}

export interface ChannelOutputs {
  'app:info': AppInfo;
  'catalog:get': CatalogSnapshot;
  'catalog:stats': CatalogStats;
  'catalog:list': { rows: CatalogRowView[]; total: number; filterError?: string };
  'catalog:upsert': { key: string; changed: string[] };
  'catalog:remove': { changed: string[] };
  'discounts:list': DiscountRow[];
  'discounts:set': DiscountRow;
  'discounts:remove': null;
  'catalog:check': CatalogCheck;
  'catalog:importPreview': ImportPreview;
  'catalog:import': ImportSummary;
  'catalog:export': { text: string; suggestedName: string };
  'scenarios:list': ScenarioMeta[];
  'scenarios:get': StoredScenario;
  'scenarios:save': StoredScenario;
  'scenarios:rename': ScenarioMeta;
  'scenarios:duplicate': StoredScenario;
  'scenarios:delete': null;
  'scenario:parse': ScenarioFile;
  /**
   * The chosen file's name and text, or null when the user cancelled; `modifiedOn`, the day the
   * file was last modified (ISO date), where the file system says.
   */
  'file:open': OpenedFile | null;
  /** Where the file was written, or null when the user cancelled. */
  'file:save': { path: string } | null;
  /** Where the PDF was written, or null when the user cancelled. */
  'report:pdf': { path: string } | null;
}

export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

/** The renderer's view: one method per channel (the preload satisfies this). */
export type RendererApi = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

/** The preload's window.modelwise: the api plus a subscription to menu commands. */
export interface PreloadBridge {
  api: RendererApi;
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
}
