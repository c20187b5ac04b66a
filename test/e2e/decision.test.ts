/**
 * The chatbot story of issue 8 walked in Chromium (browser mode): 40k conversations a day,
 * 3,000-token prompts with a 2,000-token cached prefix, 400-token answers, EU only, TTFT ≤ 1.5 s,
 * LMArena ≥ 1,288, the default setups over 36 months — opened from examples/chatbot.json through
 * the app's Open. Every figure the page must show is computed here from core, on the catalog the
 * app's server reads: nothing is hard-coded.
 */
import { benchmarkName } from '../../core/sweep/constraints.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { objectiveBreakEven } from '../../core/decision/at-volume.ts';
import { explain, unknownContenderSentence, volumeWords } from '../../core/decision/explain.ts';
import { parseCsv } from '../../core/csv.ts';
import { formatUsd } from '../../core/format.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import { Scenario } from '../../core/schema/scenario.ts';
import type { CandidateResult } from '../../core/sweep/types.ts';
import { loadApp, openSession, pickFile, poll, type Session } from './browser.ts';
import { engine } from './engine.ts';

const CHATBOT = resolve('examples/chatbot.json');

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

function chatbotScenario(): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(CHATBOT, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.scenario;
}

/** Out only for unknowns, one of them a missing quality score: what "include them" brings back. */
function outOnlyForNoScore(rows: readonly CandidateResult[]): number {
  const unknown = /score to check the minimum quality$|^latency unknown/;
  return rows.filter(
    (r) =>
      !r.feasible &&
      r.reasons.every((x) => unknown.test(x)) &&
      r.reasons.some((x) => x.endsWith('score to check the minimum quality')),
  ).length;
}

async function openChatbot(s: Session): Promise<void> {
  await pickFile(s.page, 'open-file', CHATBOT);
  await poll(() => s.page.getByTestId('scenario-name').inputValue()).toBe('Support chatbot (EU)');
}

/** Waits until the explanation and the break-even chart caught up with the results. */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-testid="why-panel"][data-state="ready"]').waitFor({ timeout: 20_000 });
  await page.locator('[data-testid="break-even"][data-state="ready"]').waitFor({ timeout: 20_000 });
}

describe('the chatbot story: a recommendation you can defend', () => {
  it('shows the engine’s pick, why, the break-even and the unknowns; include changes them', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    await openChatbot(s);
    // The story's inputs, as the forms show them.
    expect(await s.page.getByTestId('requests').inputValue()).toBe('40000');
    expect(await s.page.getByTestId('slo-ttft').inputValue()).toBe('1500');
    expect(await s.page.getByTestId('min-quality-score').inputValue()).toBe('1288');

    const e = engine(s, chatbotScenario());
    const rows = e.result.rankedRows();
    const rec = rows[0]!;
    expect(rec.recommended).toBe(true);
    // The recommendation and its 36-month cost, with the setup in it.
    await poll(() => s.page.getByTestId('recommended').textContent()).toBe(`★ ${rec.label}`);
    await poll(() => s.page.getByTestId('kpi-tco').textContent()).toBe(formatUsd(rec.tcoUsd));
    expect(await s.page.getByTestId('recommended-why').textContent()).toContain(
      `lowest 36-month cost of ${e.result.feasibleCount.toLocaleString('en-US')} feasible`,
    );
    expect(await s.page.getByTestId('kpi-tco-sub').textContent()).toContain(
      `${formatUsd(rec.setupUsd)} setup + ${formatUsd(rec.tcoUsd! - rec.setupUsd)} run`,
    );
    // No value per request: the return is asked for, not made up.
    expect(await s.page.getByTestId('kpi-net-sub').textContent()).toBe('set a value per request');

    // Why this one: the runner-up's gap, and the setup at which it would tie.
    await settled(s.page);
    const runnerUp = rows[1]!;
    const gap = runnerUp.tcoUsd! - rec.tcoUsd!;
    const runner = s.page.getByTestId('why-row-runner-up');
    await poll(() => runner.locator('[data-cell="gap"]').textContent()).toBe(
      `${formatUsd(gap)} more`,
    );
    expect(await runner.textContent()).toContain(runnerUp.label);
    const wouldWin = await runner.locator('[data-cell="would-win"]').textContent();
    if (runnerUp.setupUsd - gap > 0) {
      expect(wouldWin).toContain(
        `with setup below ${formatUsd(runnerUp.setupUsd - gap)} (now ${formatUsd(runnerUp.setupUsd)})`,
      );
    } else {
      // Even no setup would not close the gap: setup is not named as what would change it.
      expect(wouldWin).not.toContain('with setup below');
    }

    // The break-even chart: the pick against the best of another placement, every crossing named.
    const other = rows.find((r) => r.feasible && r.kind !== rec.kind)!;
    expect(await s.page.getByTestId('break-even-a').inputValue()).toBe(rec.id);
    expect(await s.page.getByTestId('break-even-b').inputValue()).toBe(other.id);
    const named = s.page.getByTestId('break-even-crossings');
    const crossingsWith = (b: CandidateResult) =>
      objectiveBreakEven(e.context, rec.placement, b.placement, 'tco').crossings;
    const expectNamed = async (b: CandidateResult) => {
      const crossings = crossingsWith(b);
      if (crossings.length === 0) {
        // The one cheaper today stays cheaper at every volume searched, and the chart says so.
        await poll(() => named.textContent()).toContain('No break-even between');
      }
      for (const c of crossings) {
        const better = c.cheaperAbove === 'a' ? rec.label : b.label;
        await poll(() => named.textContent()).toContain(
          `Break-even at ${volumeWords(c.requestsPerMonth)} requests a month: above it, ${better} is cheaper.`,
        );
      }
      return crossings.length;
    };
    await expectNamed(other);
    if (crossingsWith(other).length === 0) {
      // The words say what the chart draws: its x axis runs from today ÷ 100 to today × 100
      // (40,000 a day × 365 / 12 = 1,216,666.67 a month: 12,167 "12k" to 121,666,667 "122M"),
      // and the search went further, 1k to 10B. Today's marker is the summary's volume, exact.
      await poll(() => named.textContent()).toContain(
        'No break-even between 12k and 122M requests a month (the volumes drawn), nor between 1k and 10B (the volumes searched): ',
      );
      expect(await named.textContent()).toContain('Today: 1,216,667 requests a month.');
      expect(await s.page.getByTestId('recommended-why').textContent()).toContain(
        '1,216,667 requests/month',
      );
    }
    // A pair that does cross, picked from the second menu: every crossing is named.
    const offered = await s.page
      .getByTestId('break-even-b')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const crossing = rows.find(
      (r) => r.id !== rec.id && offered.includes(r.id) && crossingsWith(r).length > 0,
    );
    // The story has one at least among the menu's choices (the owned fleet against a rented one,
    // or a larger model's fleet whose cost per request falls faster with volume).
    expect(crossing).toBeDefined();
    await s.page.getByTestId('break-even-b').selectOption(crossing!.id);
    expect(await expectNamed(crossing!)).toBeGreaterThan(0);
    // Back to the default pair for the rest of the story.
    await s.page.getByTestId('break-even-b').selectOption(other.id);

    // Unknown quality: counted, then included with one click.
    const unknownBefore = outOnlyForNoScore(rows);
    expect(unknownBefore).toBeGreaterThan(0);
    await poll(() => s.page.getByTestId('unknown-quality-count').textContent()).toBe(
      unknownBefore.toLocaleString('en-US'),
    );
    // One out only for an unknown that would beat the pick is named, with how much it would save.
    const why = explain(e);
    if (why.bestUnknown === null) {
      expect(await s.page.getByTestId('why-best-unknown').count()).toBe(0);
    } else {
      await poll(() => s.page.getByTestId('why-best-unknown').textContent()).toBe(
        unknownContenderSentence(why.bestUnknown, why.objectiveLabel, why.objective),
      );
    }
    await s.page.getByTestId('include-unknown-quality').click();
    const story = chatbotScenario();
    const included = engine(
      s,
      Scenario.parse({
        ...story,
        workload: {
          ...story.workload,
          minQuality: { ...story.workload.minQuality!, includeUnknown: true },
        },
      }),
    );
    const nowRanked = included.result
      .rankedRows()
      .filter((r) => r.feasible && r.qualityStatus === 'unknown').length;
    expect(nowRanked).toBeGreaterThan(0);
    await poll(() => s.page.getByTestId('unknown-quality-included').textContent()).toBe(
      nowRanked.toLocaleString('en-US'),
    );
    await poll(() => s.page.getByTestId('why-feasible').textContent()).toBe(
      included.result.feasibleCount.toLocaleString('en-US'),
    );
    expect(await s.page.getByTestId('quality-include-unknown').isChecked()).toBe(true);
    const pick = included.result.row(included.result.recommended);
    await poll(() => s.page.getByTestId('recommended').textContent()).toBe(`★ ${pick.label}`);
    expect(s.errors).toEqual([]);
  });

  it('follows the objective picked; a published latency is said to be one, with its source', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    // The story plus one hosted API in the EU with a published median TTFT and speed.
    const story = JSON.parse(readFileSync(CHATBOT, 'utf8'));
    const file = resolve(s.dataDir, 'chatbot-with-latency.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...story,
        catalog: {
          offerings: [
            {
              id: 'test/mini-eu',
              provider: 'openai',
              modelId: 'gpt-4o-mini',
              residency: 'eu',
              usdPerMTok: { input: 0.15, output: 0.6 },
              publishedTtftMs: 400,
              publishedOutputTokPerS: 80,
              source: 'a public latency benchmark',
              asOf: '2026-07-01',
            },
          ],
        },
        candidates: [{ kind: 'api', offeringId: 'test/mini-eu' }],
      }),
    );
    await pickFile(s.page, 'open-file', file);
    await settled(s.page);

    // The API's latency is checked against the SLO (400 ms ≤ 1,500 ms) and shown with its basis.
    await s.page.getByTestId('compare-filter').fill('test/mini-eu');
    const row = s.page.locator('[data-row-key="api:test/mini-eu"]');
    await poll(() => row.locator('[data-column="ttftMs"]').textContent()).toBe('400 ms');
    expect(await row.locator('[data-column="latencyStatus"]').textContent()).toBe('pass');
    await row.click();
    await poll(() => s.page.getByTestId('candidate-details').textContent()).toContain(
      'published median, not a guarantee — a public latency benchmark (as of 2026-07-01)',
    );

    // NPV waits for a value per request; the monthly run rate re-ranks.
    const picker = s.page.getByTestId('objective');
    expect(await picker.locator('option[value="npv"]').isDisabled()).toBe(true);
    await picker.selectOption('monthly');
    const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.error);
    const monthly = engine(s, Scenario.parse({ ...parsed.scenario, objective: 'monthly' }));
    const pick = monthly.result.row(monthly.result.recommended);
    await poll(() => s.page.getByTestId('recommended').textContent()).toBe(`★ ${pick.label}`);
    expect(await s.page.getByTestId('recommended-why').textContent()).toContain(
      `lowest monthly cost of ${monthly.result.feasibleCount.toLocaleString('en-US')} feasible`,
    );
    await poll(() => s.page.getByTestId('kpi-monthly').textContent()).toBe(
      formatUsd(pick.monthlyUsd),
    );

    // "At least as good as" a model: its score becomes the floor, its name stands beside it.
    const mini = s.server.store
      .readCatalog()
      .quality.find((q) => q.modelId === 'gpt-4o-mini' && q.benchmark === 'lmarena-text')!;
    await s.page.getByTestId('min-quality-like').selectOption('gpt-4o-mini');
    await poll(() => s.page.getByTestId('min-quality-score').inputValue()).toBe(String(mini.score));
    expect(await s.page.getByTestId('workload-panel').textContent()).toContain(
      `As good as GPT-4o mini (${mini.score} on ${benchmarkName('lmarena-text')})`,
    );
    expect(s.errors).toEqual([]);
  });

  it('exports only the rows and columns shown, in the order shown', async () => {
    session = await openSession();
    const s = session;
    await loadApp(s);
    await openChatbot(s);
    await settled(s.page);
    const page = s.page;
    // Filter, hide a column, sort by monthly cost dearest first.
    await page.getByTestId('compare-filter').fill('qwen3 owned h100');
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('button', { name: 'Per request', exact: true }).click();
    const monthlyHeader = page.locator('[role="columnheader"][data-column="monthlyUsd"]');
    await monthlyHeader.click();
    await monthlyHeader.click();
    await poll(() => monthlyHeader.getAttribute('aria-sort')).toBe('descending');

    const table = page.getByTestId('compare-table');
    const shownCount = async () =>
      Number(
        (await page.getByTestId('row-count').textContent())!.split(' of ')[0]!.replace(/,/g, ''),
      );
    await poll(shownCount).toBeLessThan(15);
    const shown = await shownCount();
    expect(shown).toBeGreaterThan(1);
    // Every row shown is drawn (fewer than the table's window holds): read them off the page.
    await poll(() => table.locator('[role="row"][data-row-key]').count()).toBe(shown);
    const labels = await table
      .locator('[role="row"][data-row-key] [data-column="candidate"] > span')
      .evaluateAll((spans) => spans.map((x) => x.getAttribute('title')));
    const headers = await table
      .locator('[role="columnheader"]')
      .evaluateAll((cells) => cells.map((x) => x.getAttribute('data-column')));
    expect(headers).not.toContain('perRequestUsd');
    expect(headers.slice(0, 4)).toEqual(['rank', 'candidate', 'tcoUsd', 'monthlyUsd']);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await (await download).path();
    const parsed = parseCsv(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    // The assumptions first (label, value), a blank line, then the table under human headers.
    expect(parsed.rows[0]).toEqual(['Scenario', 'Support chatbot (EU)']);
    const blank = parsed.rows.findIndex((r) => r.every((cell) => cell === ''));
    const [header, ...body] = parsed.rows.slice(blank + 1).filter((r) => r.some((c) => c !== ''));
    expect(header).toHaveLength(headers.length);
    expect(header!.slice(0, 4)).toEqual([
      'Rank',
      'Candidate',
      '36-month cost (USD)',
      'Monthly (USD)',
    ]);
    expect(header).not.toContain('Per request (USD)');
    expect(body).toHaveLength(shown);
    expect(body.map((r) => r[header!.indexOf('Candidate')])).toEqual(labels);
    const monthly = body.map((r) => Number(r[header!.indexOf('Monthly (USD)')]));
    expect(monthly).toEqual([...monthly].sort((a, b) => b - a));
    expect(s.errors).toEqual([]);
  });
});
