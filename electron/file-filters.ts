/** The file types each dialog offers (pure: tested under Node). */
export const FILTERS = {
  scenario: [{ name: 'Modelwise scenario', extensions: ['json'] }],
  catalog: [
    { name: 'Price lists (LiteLLM JSON, CSV, Modelwise JSON)', extensions: ['json', 'csv'] },
  ],
  report: [
    { name: 'CSV', extensions: ['csv'] },
    { name: 'Markdown', extensions: ['md'] },
    { name: 'PDF', extensions: ['pdf'] },
    { name: 'HTML', extensions: ['html'] },
    { name: 'Excel workbook', extensions: ['xlsx'] },
    { name: 'PNG image', extensions: ['png'] },
  ],
};

/** The report filter matching a file name first, so the dialog offers its own type. */
export function reportFilters(suggestedName: string): typeof FILTERS.report {
  const ext = suggestedName.split('.').pop()?.toLowerCase() ?? '';
  const own = FILTERS.report.filter((f) => f.extensions.includes(ext));
  return [...own, ...FILTERS.report.filter((f) => !own.includes(f))];
}
