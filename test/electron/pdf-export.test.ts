import { describe, expect, it } from 'vitest';
import { openCatalogStore } from '../../electron/db/store.ts';
import { reportFilters } from '../../electron/file-filters.ts';
import { createHandlers, dispatch, type FileDialogs } from '../../electron/ipc/handlers.ts';
import { pdfOptions } from '../../electron/pdf.ts';
import { useTempDir } from '../support/tmp.ts';

const tmp = useTempDir();

/** Handlers with dialogs and a printer that record what they were given. */
function setup(withPrinter = true) {
  const store = openCatalogStore({ dataDir: tmp() });
  const saved: { kind: string; name: string; data: string | Uint8Array }[] = [];
  const printed: string[] = [];
  const dialogs: FileDialogs = {
    open: async () => null,
    save: async (kind, name, data) => {
      saved.push({ kind, name, data });
      return { path: `/chosen/${name}` };
    },
  };
  const handlers = createHandlers({
    store,
    info: { version: '1.0.0', mode: 'electron', dataDir: store.path },
    staleAfterDays: 180,
    dialogs,
    ...(withPrinter
      ? {
          printPdf: async (paper) => {
            printed.push(paper);
            return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
          },
        }
      : {}),
  });
  return { store, handlers, saved, printed };
}

describe('PDF and binary exports in the desktop app', () => {
  it('prints with the page’s own @page rules on the chosen paper', () => {
    expect(pdfOptions('a4')).toMatchObject({
      pageSize: 'A4',
      landscape: false,
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
    });
    expect(pdfOptions('letter').pageSize).toBe('Letter');
  });

  it('report:pdf prints the page and saves the bytes where the person chooses', async () => {
    const { store, handlers, saved, printed } = setup();
    const reply = await dispatch(handlers, 'report:pdf', {
      suggestedName: 'x-report.pdf',
      paper: 'letter',
    });
    expect(reply).toEqual({ ok: true, data: { path: '/chosen/x-report.pdf' } });
    expect(printed).toEqual(['letter']);
    expect(saved[0]).toMatchObject({ kind: 'report', name: 'x-report.pdf' });
    expect(Array.from(saved[0]!.data as Uint8Array)).toEqual([0x25, 0x50, 0x44, 0x46]);
    expect(
      await dispatch(handlers, 'report:pdf', { suggestedName: 'x.pdf', paper: 'a3' }),
    ).toMatchObject({
      ok: false,
      error: expect.stringContaining('paper'),
    });
    store.close();
  });

  it('report:pdf without a printer (browser mode) says to use the print dialog', async () => {
    const { store, handlers } = setup(false);
    const reply = await dispatch(handlers, 'report:pdf', { suggestedName: 'x.pdf', paper: 'a4' });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('print dialog') });
    store.close();
  });

  it('file:save writes base64 as bytes and refuses text that is not base64', async () => {
    const { store, handlers, saved } = setup();
    // "UEsDBA==" is the zip signature PK\x03\x04.
    await dispatch(handlers, 'file:save', {
      kind: 'report',
      suggestedName: 'w.xlsx',
      text: 'UEsDBA==',
      encoding: 'base64',
    });
    expect(Array.from(saved[0]!.data as Uint8Array)).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(
      await dispatch(handlers, 'file:save', {
        kind: 'report',
        suggestedName: 'w.xlsx',
        text: 'not base64!',
        encoding: 'base64',
      }),
    ).toEqual({ ok: false, error: 'file:save: text is not valid base64' });
    store.close();
  });

  it('the save dialog offers the file’s own type first', () => {
    expect(reportFilters('a.xlsx')[0]).toEqual({ name: 'Excel workbook', extensions: ['xlsx'] });
    expect(reportFilters('a.pdf')[0]!.extensions).toEqual(['pdf']);
  });
});
