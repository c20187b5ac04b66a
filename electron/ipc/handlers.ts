/**
 * The handlers behind every contract channel, as plain functions of the store: the Electron main
 * process and the browser-mode server register the same ones. No Electron import here.
 */
import { checkCatalog, summarizeFindings } from '../../core/catalog-check/check.ts';
import type { z } from 'zod';
import { parseJsonSafely } from '../../core/json-safe.ts';
import { parseScenarioFile } from '../../core/scenario/parse.ts';
import { describeZodError } from '../../core/schema/errors.ts';
import type { CatalogStore } from '../db/store-types.ts';
import type { OpenedFile } from '../../core/contract/shapes.ts';
import type { Paper } from '../../core/report/report-css.ts';
import {
  CHANNELS,
  type AppInfo,
  type Channel,
  type ChannelOutput,
  type Result,
} from '../../core/contract/ipc.ts';
import { importPreview } from './import-preview.ts';

/** Native file dialogs (Electron); browser mode picks and saves files in the page instead. */
export interface FileDialogs {
  open(kind: 'scenario' | 'catalog'): Promise<OpenedFile | null>;
  /** Saves text, or bytes (a workbook, an image, a PDF), where the person chooses. */
  save(
    kind: 'scenario' | 'report' | 'catalog',
    suggestedName: string,
    data: string | Uint8Array,
  ): Promise<{ path: string } | null>;
}

/** Prints the app's page as PDF (it shows only the report when printed): Electron's printToPDF. */
export type PdfPrinter = (paper: Paper) => Promise<Uint8Array>;

export interface HandlerContext {
  store: CatalogStore;
  info: Omit<AppInfo, 'recoveryNotice'>;
  staleAfterDays: number;
  dialogs?: FileDialogs;
  printPdf?: PdfPrinter;
}

type Handlers = {
  [C in Channel]: (
    input: z.output<(typeof CHANNELS)[C]>,
  ) => Promise<Result<ChannelOutput<C>>> | Result<ChannelOutput<C>>;
};

const ok = <T>(data: T): Result<T> => ({ ok: true, data });

export function createHandlers(ctx: HandlerContext): Handlers {
  const { store } = ctx;
  const noDialogs = {
    ok: false as const,
    error: 'file dialogs are only available in the desktop app',
  };
  return {
    'app:info': () => ok({ ...ctx.info, recoveryNotice: store.recoveryNotice }),
    'catalog:get': () =>
      ok({
        catalog: store.readCatalog(),
        revision: store.revision(),
        stats: store.stats(),
        staleAfterDays: ctx.staleAfterDays,
      }),
    'catalog:stats': () => ok(store.stats()),
    'catalog:list': (i) =>
      ok(store.list(i.table, { filter: i.filter, limit: i.limit, offset: i.offset })),
    'catalog:upsert': (i) => store.upsert(i.table, i.row),
    'catalog:remove': (i) => store.remove(i.table, i.key),
    'discounts:list': () => ok(store.listDiscounts()),
    'discounts:set': (i) => store.setDiscount(i.discount),
    'discounts:remove': (i) => store.removeDiscount(i.id),
    'catalog:check': () => {
      const findings = checkCatalog(store.readCatalog(), { staleBefore: store.staleBefore() });
      return ok({ ...summarizeFindings(findings), findings, problems: store.problems() });
    },
    'catalog:importPreview': (i) => importPreview(store, i),
    'catalog:import': (i) => {
      if (i.expectRevision !== undefined && store.revision() !== i.expectRevision) {
        return {
          ok: false,
          error: 'the catalog changed since this import was reviewed: review it again',
        };
      }
      return store.importText(i.text, i.format, { asOf: i.asOf });
    },
    'catalog:export': (i) => {
      const r = store.exportText(i.format, { table: i.table, filter: i.filter });
      if (!r.ok) return r;
      const name = `modelwise-${i.table ?? 'catalog'}.${i.format}`;
      return ok({ text: r.data, suggestedName: name });
    },
    'scenarios:list': () => ok(store.listScenarios()),
    'scenarios:get': (i) => store.getScenario(i.id),
    'scenarios:save': (i) =>
      store.saveScenario({ ...(i.id ? { id: i.id } : {}), name: i.name, scenario: i.scenario }),
    'scenarios:rename': (i) => store.renameScenario(i.id, i.name),
    'scenarios:duplicate': (i) => store.duplicateScenario(i.id),
    'scenarios:delete': (i) => store.deleteScenario(i.id),
    'scenario:parse': (i) => {
      const json = parseJsonSafely(i.text);
      if (!json.ok) return { ok: false, error: json.error };
      const parsed = parseScenarioFile(json.value);
      return parsed.ok ? ok(parsed.file) : { ok: false, error: parsed.error };
    },
    'file:open': async (i) => (ctx.dialogs ? ok(await ctx.dialogs.open(i.kind)) : noDialogs),
    'file:save': async (i) => {
      if (!ctx.dialogs) return noDialogs;
      const data = i.encoding === 'base64' ? base64Bytes(i.text) : i.text;
      if (data === null) return { ok: false, error: 'file:save: text is not valid base64' };
      return ok(await ctx.dialogs.save(i.kind, i.suggestedName, data));
    },
    'report:pdf': async (i) => {
      if (!ctx.dialogs || !ctx.printPdf) {
        return {
          ok: false,
          error:
            'PDF export prints through the desktop app; in a browser, use its print dialog (Save as PDF)',
        };
      }
      const bytes = await ctx.printPdf(i.paper);
      return ok(await ctx.dialogs.save('report', i.suggestedName, bytes));
    },
  };
}

/** Bytes from base64 text, or null when it is not base64. */
export function base64Bytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/**
 * Validates a raw input for a channel, runs its handler, and answers `{ ok, data | error }`.
 * Never throws: an unknown channel, a bad input or a handler failure all become an error reply.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  raw: unknown,
): Promise<Result<unknown>> {
  if (!Object.hasOwn(CHANNELS, channel))
    return { ok: false, error: `unknown channel '${channel}'` };
  const c = channel as Channel;
  const parsed = CHANNELS[c].safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  try {
    const handler = handlers[c] as (input: unknown) => Promise<Result<unknown>> | Result<unknown>;
    return await handler(parsed.data);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${channel} failed: ${message}` };
  }
}
