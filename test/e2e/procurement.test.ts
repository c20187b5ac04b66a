import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const OFFERING = 'bedrock/anthropic.claude-haiku-4-5-20251001-v1:0';

/** "$1,642,500" → 1642500. */
const dollars = (text: string | null) => Number((text ?? '').replace(/[$,]/g, ''));

/**
 * One workload, four vendors: Anthropic, OpenAI and Google's hosted APIs (Gemini API and Vertex
 * AI, with their provisioned-throughput terms) and Llama 3.3 70B self-hosted on rented H100s (on
 * demand, 1- and 3-year). No setup cost, so a discount on the monthly bill is the same share of
 * the horizon cost.
 */
const SCENARIO = {
  schemaVersion: 1,
  name: 'Procurement: four vendors',
  workload: {
    requests: { count: 2_000_000, per: 'day' },
    peakToAverage: 1.5,
    inputTokens: { mean: 1500 },
    outputTokens: { mean: 300 },
    promptCache: { prefixTokens: 0, hitRate: 0 },
    slo: { ttftMs: 2000, tpotMs: 60, includeUnknown: true },
    minQuality: { benchmark: 'lmarena-text', score: 1270 },
  },
  value: {
    setupUsd: { api: 0, cloud: 0, onprem: 0 },
    weeksToLaunch: { api: 0, cloud: 0, onprem: 0 },
    horizonMonths: 36,
  },
  sweep: {
    api: { providers: ['anthropic', 'openai', 'gemini', 'vertex'], provisioned: true },
    cloud: {
      models: ['llama-3.3-70b'],
      clouds: ['gcp'],
      gpus: ['h100-sxm'],
      pricing: ['onDemand', 'commit1y', 'commit3y'],
      regionChoice: 'cheapest',
    },
  },
};

describe('the procurement view in the workspace', () => {
  it('compares four vendors with a scenario discount on one, their commitments and lock-in', async () => {
    session = await openSession({ viewport: { width: 1700, height: 1200 } });
    const s = session;
    await loadApp(s);
    const file = join(s.dataDir, 'procurement.json');
    writeFileSync(file, JSON.stringify(SCENARIO));
    await pickFile(s.page, 'open-file', file);
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe(
      'Procurement: four vendors',
    );

    await s.page.getByTestId('vendors-toggle').click();
    const vendor = (id: string) => s.page.getByTestId(`vendor-${id}`);
    for (const id of ['anthropic', 'openai', 'gemini', 'vertex', 'gcp']) {
      await vendor(id).waitFor();
    }

    // 15 % off Anthropic for this scenario: the negotiated horizon cost is 85 % of list.
    const anthropic = vendor('anthropic');
    const list = () => anthropic.locator('[data-column="listTcoUsd"]').textContent();
    const negotiated = () => anthropic.locator('[data-column="negotiatedTcoUsd"]').textContent();
    await poll(negotiated).toBe(await list());
    await s.page.getByTestId('vendor-discount-anthropic').fill('15');
    await poll(() => s.page.getByTestId('vendor-terms-anthropic').textContent()).toBe(
      '15% off (this scenario)',
    );
    await poll(async () => dollars(await negotiated()) / dollars(await list())).toBeCloseTo(
      0.85,
      5,
    );
    // The others stay at list prices.
    expect(await s.page.getByTestId('vendor-terms-openai').textContent()).toBe('list prices');

    // Commitment options, each with its break-even: reserved H100s for Llama, Vertex's GSU terms;
    // none published for Anthropic's own API.
    await poll(() => s.page.getByTestId('vendor-commitments-gcp').textContent()).toMatch(
      /1-year, no upfront: \$[\d,]+ \(break-even \d+%\).*3-year, no upfront: \$[\d,]+ \(break-even \d+%\)/,
    );
    expect(await s.page.getByTestId('vendor-commitments-vertex').textContent()).toMatch(
      /1-year term: \$[\d,]+ \(break-even \d+%, pays above [\d,]+ req\/month\)/,
    );
    expect(await s.page.getByTestId('vendor-commitments-anthropic').textContent()).toBe(
      'No provisioned throughput published for this offering',
    );

    // Lock-in: a proprietary model sold by several vendors; open weights run anywhere.
    expect(await s.page.getByTestId('vendor-lockin-anthropic').textContent()).toMatch(
      /^Proprietary: Claude .* is sold by \d vendors \(.*Anthropic API.*\)$/,
    );
    expect(await s.page.getByTestId('vendor-lockin-gcp').textContent()).toMatch(
      /^Open weights: Llama 3\.3 70B Instruct is sold by \d+ API vendors and can be self-hosted/,
    );
    expect(await s.page.getByTestId('vendor-concentration').textContent()).toMatch(
      /^The recommended plan puts 100% of its horizon cost with /,
    );
    expect(s.errors).toEqual([]);
  });

  it('prices a Bedrock model-unit quote at your figures and says they are yours', async () => {
    session = await openSession({ viewport: { width: 1500, height: 1100 } });
    const s = session;
    await loadApp(s);
    const file = join(s.dataDir, 'quote.json');
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        name: 'A Bedrock quote',
        workload: {
          requests: { count: 1_000_000, per: 'month' },
          inputTokens: { mean: 1000 },
          outputTokens: { mean: 200 },
          promptCache: { prefixTokens: 0, hitRate: 0 },
        },
        sweep: { api: { providers: ['anthropic'] } },
      }),
    );
    await pickFile(s.page, 'open-file', file);
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe('A Bedrock quote');

    await s.page.getByTestId('panel-candidates').click();
    const form = s.page.getByTestId('provisioned-quote');
    await form.getByLabel('Provider', { exact: true }).selectOption('bedrock');
    await form.getByTestId('quote-offering').selectOption(OFFERING);
    await form.getByLabel('Term', { exact: true }).selectOption('1-month');
    await form.getByLabel('Price per unit-hour', { exact: true }).fill('20');
    await form.getByLabel('Tokens a minute per unit', { exact: true }).fill('1000000000');
    await form.getByLabel('Units', { exact: true }).fill('2');
    await form.getByLabel('Units', { exact: true }).blur();
    await form.getByRole('button', { name: 'Add to comparison' }).click();

    // 2 units × $20 a unit-hour × 730 h = $29,200 a month; a billion tokens a minute per unit
    // leaves nothing to overflow. (Out of sight, the table shows the new row once it is back.)
    await s.page.getByTestId('compare-table-card').scrollIntoViewIfNeeded();
    const row = s.page.locator(`[data-row-key="api:${OFFERING}:provisioned:1-month:2u"]`);
    await poll(() => row.locator('[data-column="monthlyUsd"]').textContent()).toBe('$29,200');
    await row.click();
    await poll(() =>
      s.page
        .getByTestId('candidate-details')
        .locator('dl > div', { has: s.page.locator('dt', { hasText: /^Your figures$/ }) })
        .first()
        .locator('dd')
        .textContent(),
    ).toBe('a provisioned price or capacity you entered');
    expect(s.errors).toEqual([]);
  });

  it('opens examples/commitments.json: Azure’s terms above $50,000 a month, and the committed fleet', async () => {
    session = await openSession({ viewport: { width: 1700, height: 1200 } });
    const s = session;
    await loadApp(s);
    await pickFile(s.page, 'open-file', resolve('examples/commitments.json'));
    await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe(
      'Steady document pipeline: what to commit to',
    );
    await s.page.getByTestId('vendors-toggle').click();
    // 10 % off only the spend above $50,000 a month: less than 10 % of Azure's best bill (the
    // CLI test works GPT-4.1's pay-as-you-go share out by hand).
    await poll(() => s.page.getByTestId('vendor-terms-azure').textContent()).toMatch(
      /^10% off the spend above \$50,000\/month \(this scenario\): \d\.\d% of this bill$/,
    );
    await poll(() => s.page.getByTestId('vendor-commitments-gcp').textContent()).toMatch(
      /3-year, no upfront: \$[\d,]+ \(break-even \d+%\)/,
    );
    expect(s.errors).toEqual([]);
  });
});
