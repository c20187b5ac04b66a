import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { horizonMonthlyUsdAtVolume } from '../../core/decision/at-volume.ts';
import { explain } from '../../core/decision/explain.ts';
import { comparisonColumns } from '../../core/report/comparison-columns.ts';
import { decisionReport, type ReportExtension } from '../../core/report/decision-report.ts';
import { markdownReport } from '../../core/report/markdown-report.ts';
import { REPORT_EXTENSIONS } from '../../core/report/procurement-sections.ts';
import { reportBodyHtml } from '../../core/report/render-html.ts';
import { reportMarkdown } from '../../core/report/render-markdown.ts';
import { reportWorkbook } from '../../core/report/workbook.ts';
import { whyMarkdown, whyRows } from '../../core/report/why-report.ts';
import { comparisonCsv } from '../../core/report/writers.ts';
import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import { parseScenario } from '../../core/scenario/parse.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import { readSeed } from '../../electron/db/seed-files.ts';
import { twoChoices } from '../support/decision-fixtures.ts';

const catalog = { ...readSeed(), discounts: [] };

function evaluate(s: Scenario) {
  const e = evaluateScenario(catalog, s);
  if (!e.ok) throw new Error(e.error);
  return e;
}

describe('"why this one" in the reports', () => {
  const e = evaluate(twoChoices());
  const why = explain(e, { breakEven: true });

  it('rows: the pick, then the runner-up with its gap, differences and what would change', () => {
    const rows = whyRows(why);
    expect(rows.map((r) => [r.roleLabel, r.value, r.gap])).toEqual([
      // API: 5,000 + 36 × 900 = 37,400; GPU: 40,000 + 36 × 730 = 66,280; gap 28,880.
      ['Recommended', '$37,400', ''],
      ['Runner-up', '$66,280', '$28,880 more'],
    ]);
    const runnerUp = rows[1]!;
    // Setup 40,000 − 5,000 = +35,000 once; input tokens −$600 a month (1M × 1,000 × $0.60/MTok).
    expect(runnerUp.differences[0]).toBe('setup +$35,000 once');
    expect(runnerUp.differences).toContain('input tokens −$600.00 a month');
    // It ties with setup 40,000 − 28,880 = 11,120; above 61,280 ÷ 0.0324 = 1,891,358 requests a
    // month (three figures: 1,890,000) its horizon cost is the lower.
    expect(runnerUp.wouldWin).toEqual([
      'above 1,890,000 requests a month',
      'with setup below $11,120 (now $40,000)',
    ]);
  });

  it('the Markdown section: the words, the table, every candidate counted', () => {
    const md = whyMarkdown(why);
    expect(md).toMatch(/^## Why this one\n\n.* is recommended: the lowest 36-month cost/);
    expect(md).toContain('| Runner-up | ');
    expect(md).toContain(' | $66,280 | $28,880 more | setup +$35,000 once; ');
    expect(md).toContain('| feasible | 2 |');
    expect(md).toContain('| all evaluated | 2 |');
  });

  it('counts add up to every candidate, unknowns said with the switch that includes them', () => {
    const s = twoChoices({ workload: { ...twoChoices().workload, slo: { ttftMs: 1000 } } });
    const md = whyMarkdown(explain(evaluate(s)));
    // The API has no latency figure: excluded for that alone, counted, and the switch named.
    expect(md).toContain('| feasible | 1 |');
    expect(md).toContain('| excluded: with unknown latency | 1 |');
    expect(md).toContain('| all evaluated | 2 |');
    expect(md).toContain('no latency figure: 1 (`workload.slo.includeUnknown`)');
  });

  it('the report holds the objective, the setups, the section and the columns given', () => {
    const s = twoChoices();
    const columns = comparisonColumns({ objective: 'tco', horizonMonths: 36 }).filter((c) =>
      ['candidate', 'tcoUsd', 'monthlyUsd'].includes(c.key),
    );
    const rows = [e.result.row(1), e.result.row(0)];
    const md = markdownReport(s, e.context.rates, rows, {
      columns,
      pricesAsOf: '2026-07-24',
      why,
      shown: '2 of 2 candidates, as shown in the app.',
    });
    expect(md).toContain('- Objective: the lowest 36-month cost');
    expect(md).toContain('- Hosted API setup: $5,000 setup, served from day one');
    expect(md).toContain('- Rented GPUs setup: $40,000 setup, served from day one');
    expect(md).toContain('- Value per request: not set: no NPV, payback or ROI');
    expect(md).toContain('- Prices as of: 2026-07-24');
    expect(md).toContain('## Why this one');
    const table = md.slice(md.indexOf('## Ranked comparison'));
    expect(table).toContain('2 of 2 candidates, as shown in the app.');
    // Only the columns given, in the order given; the rows in the order given.
    expect(table).toContain('| Candidate | 36-month cost (USD) | Monthly (USD) |');
    const lines = table.split('\n').filter((l) => l.startsWith('| ') && l.includes('$'));
    expect(lines[0]).toContain('$66,280');
    expect(lines[1]).toContain('$37,400');
  });

  it('the CSV holds the columns given, under human headers with units, in their order', () => {
    const columns = comparisonColumns({ objective: 'monthly', horizonMonths: 36 }).filter((c) =>
      ['monthlyUsd', 'rank', 'qualityStatus'].includes(c.key),
    );
    const csv = comparisonCsv([e.result.row(0)], columns)
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('Rank,Monthly (USD),Quality check');
    const [rank, monthly, quality] = csv[1]!.split(',');
    expect(rank).toBe('1');
    expect(Number(monthly)).toBeCloseTo(900, 6);
    // No minimum quality is set: the check is 'none', never a pass.
    expect(quality).toBe('none');
  });
});

describe('a candidate at another volume', () => {
  it('keeps the price changes of its horizon: at today’s volume it is the row’s own cost', () => {
    const file = JSON.parse(readFileSync('examples/launch-promotion.json', 'utf8'));
    const parsed = parseScenario(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const e = evaluate(parsed.scenario);
    const row = e.result.row(e.result.indexOf('api:anthropic/claude-sonnet-5'));
    // examples.test.ts's hand calculation: August at the launch price ($4,000), then 11 months
    // at $6,000: $70,000 over the 12-month horizon.
    expect(row.tcoUsd).toBeCloseTo(70_000, 6);
    const perMonth = horizonMonthlyUsdAtVolume(e.context, row.placement);
    expect(perMonth(e.context.rates.requestsPerMonth)! * 12).toBeCloseTo(70_000, 6);
  });
});

describe('sections other features add (the hooks)', () => {
  it('sit at their place in the order and their tables become workbook sheets', () => {
    const s = twoChoices();
    const e = evaluate(s);
    const levers: ReportExtension = (ctx) => ({
      id: 'levers',
      title: 'Savings levers',
      blocks: [
        {
          kind: 'table',
          caption: '',
          table: {
            id: 'levers',
            columns: [
              { key: 'lever', header: 'Lever', format: 'text', width: 20 },
              { key: 'saving', header: 'Monthly saving', format: 'usd', width: 14 },
            ],
            // The builder sees the report's context: here, the recommendation's monthly cost.
            rows: [{ lever: 'batch', saving: (ctx.shortlist[0]?.monthlyUsd ?? 0) / 2 }],
          },
        },
      ],
    });
    const nothing: ReportExtension = () => null;
    const built = decisionReport({
      scenario: s,
      evaluation: e,
      catalog,
      appVersion: 'test',
      generatedOn: '2026-07-24',
      extensions: [levers, nothing],
    });
    const ids = built.report.sections.map((x) => x.id);
    // After the charts (and the uncertainty, absent here), before the assumptions.
    expect(ids.indexOf('levers')).toBe(ids.indexOf('charts') + 1);
    expect(ids.indexOf('assumptions')).toBe(ids.indexOf('levers') + 1);
    expect(reportMarkdown(built.report)).toContain('## Savings levers');
    const sheets = reportWorkbook(built);
    const sheet = sheets.find((x) => x.name === 'Savings levers');
    // The hosted API's $900 a month (twoChoices), halved: $450, a number in a currency column.
    expect(sheet?.rows).toEqual([['batch', 450]]);
    expect(sheet?.columns[1]?.format).toBe('usd');
  });
});

describe('report table headers', () => {
  const s = twoChoices();
  const e = evaluate(s);
  const built = decisionReport({
    scenario: s,
    evaluation: e,
    catalog,
    appVersion: 'test',
    generatedOn: '2026-07-24',
    extensions: REPORT_EXTENSIONS,
  });
  const md = reportMarkdown(built.report);
  const html = reportBodyHtml(built.report, { kind: 'images', images: {} });
  const sheets = reportWorkbook(built);

  it('say the unit of money and latency columns, the cells under them unchanged', () => {
    // The shortlist: the API at 5,000 + 36 × 900 = $37,400 over 36 months, $900 a month,
    // $900 ÷ 1M = $0.0009 a request; the header says USD once, the cell keeps its "$". A TTFT
    // cell reads "503 ms" or "1.50 s", so the text's header names no unit; the workbook's cell
    // is a number of ms, and its header says so.
    expect(md).toContain(
      '| Rank | Candidate | Placement | Why listed | 36-month cost (USD) | Monthly (USD) | Setup (USD) | Per request (USD) | TTFT | Quality |',
    );
    expect(md).toMatch(
      /\| \*\*1\*\* \|.*\| \*\*\$37,400\*\* \| \*\*\$900\.00\*\* \| \*\*\$5,000\*\* \|/,
    );
    expect(html).toContain(
      '<th class="num">36-month cost (USD)</th><th class="num">Monthly (USD)</th>',
    );
    expect(html).toContain('<th class="num">TTFT</th>');
    const shortlist = sheets.find((x) => x.name === 'Shortlist')!;
    expect(shortlist.columns.map((c) => c.header)).toContain('Monthly (USD)');
    expect(shortlist.columns.map((c) => c.header)).toContain('TTFT (ms)');
    // A count, a score or a share names no unit: "Quality", not "Quality (USD)".
    expect(shortlist.columns.map((c) => c.header)).toContain('Quality');
    // The monthly projection: the API's first month, $5,000 setup + $900 run = $5,900 in cash.
    const projection = sheets.find((x) => x.name === 'Monthly projection')!;
    expect(projection.columns.map((c) => c.header).slice(4, 9)).toEqual([
      'Run cost (USD)',
      'Hardware bought (USD)',
      'Setup and other one-off (USD)',
      'Cash in month (USD)',
      'Cumulative cash (USD)',
    ]);
  });

  it('a candidate’s label ending in parentheses reads as one clause before the unit', () => {
    // The printed projection has a column per candidate under its label; the rented L4's label
    // ends "(eu-west-1, on-demand)", which the header keeps as words, the unit the one group.
    const gpu = Array.from(e.result.order.subarray(0, e.result.feasibleCount), (i) =>
      e.result.row(i),
    ).find((r) => r.kind === 'cloud');
    expect(gpu?.label).toBe('Llama 3.1 8B on one-l4 (eu-west-1, on-demand)');
    const header = 'Llama 3.1 8B on one-l4, eu-west-1, on-demand (USD)';
    expect(md).toContain(`| ${header} |`);
    expect(html).toContain(`<th class="num">${header}</th>`);
    expect(md).not.toContain(') (USD)');
    expect(html).not.toContain(') (USD)');
  });

  it('in every section, in Markdown, HTML and the workbook alike', () => {
    const tables = built.report.sections.flatMap((x) =>
      x.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])),
    );
    // The shortlist, the feasible sheet's columns, savings, sources, the cost components…
    expect(tables.length).toBeGreaterThanOrEqual(4);
    let checked = 0;
    for (const t of tables) {
      for (const c of t.columns) {
        // The text's duration cells carry their own unit (ms or s): the header names none.
        const unit = c.format === 'usd' || c.format === 'usdUnit' ? ' (USD)' : '';
        if (unit === '' && c.format !== 'ms') continue;
        // A candidate's label ending in parentheses is reworded (the test above).
        if (c.header.endsWith(')')) continue;
        const header = `${c.header}${unit}`;
        expect(md).toContain(`| ${header} |`);
        expect(html).toContain(`>${header}</th>`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    for (const sheet of sheets) {
      for (const c of sheet.columns) {
        if (c.format === 'usd' || c.format === 'usdUnit') expect(c.header).toMatch(/ \(USD\)$/);
        if (c.format === 'ms') expect(c.header).toMatch(/ \(ms\)$/);
      }
    }
  });
});
