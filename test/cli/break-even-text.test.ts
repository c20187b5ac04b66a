import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../scripts/cli/catalog-source.ts';
import { runReport } from '../../scripts/cli/report.ts';
import { useDataDirEnv } from '../support/db.ts';

// The break-even chart's words say what the chart shows: the volumes drawn on its axis (and the
// wider range searched), and today's volume to the request, as the summary states it.
useDataDirEnv(beforeAll, afterAll);

describe('the break-even chart’s note', () => {
  it('chatbot.json: no crossing, the drawn and the searched ranges named; today exact', async () => {
    const md = await runReport(
      ['--scenario', 'examples/chatbot.json', '--format', 'md'],
      loadCatalog(),
    );
    // 40,000 requests a day × 365 / 12 = 1,216,666.67 a month → 1,216,667 (not 1,220,000).
    expect(md).toContain('today’s 1,216,667 requests a month marked on both lines');
    // The axis runs from today ÷ 100 = 12,167 ("12k") to today × 100 = 121,666,667 ("122M");
    // the search covered 1,000 to 10,000,000,000.
    expect(md).toContain(
      'No break-even between 12k and 122M requests a month (the volumes drawn), nor between 1k and 10B (the volumes searched): ',
    );
    expect(md).not.toContain('1,220,000');
  });
});
