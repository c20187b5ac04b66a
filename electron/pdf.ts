import type { WebContents } from 'electron';
import type { Paper } from '../core/report/report-css.ts';

/**
 * Electron printToPDF options for the decision report: the page's own @page rules decide paper,
 * margins and the page numbers in them; backgrounds print (the figure boxes).
 */
export function pdfOptions(paper: Paper) {
  return {
    pageSize: paper === 'letter' ? ('Letter' as const) : ('A4' as const),
    landscape: false,
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: false,
    generateDocumentOutline: true,
  };
}

/** Prints a window's page (showing only the report under print media) as PDF bytes. */
export async function printPdf(contents: WebContents, paper: Paper): Promise<Uint8Array> {
  return new Uint8Array(await contents.printToPDF(pdfOptions(paper)));
}
