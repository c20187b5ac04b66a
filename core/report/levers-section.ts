import { LEVER_LABELS, leverSaves, notWorthItReason, type Lever } from '../levers/lever.ts';
import { savingsLevers } from '../levers/levers.ts';
import type { ReportContext, ReportExtension } from './decision-report.ts';
import type { ReportBlock, ReportSection, ReportTable } from './report-model.ts';

/**
 * The report's Savings section (issue 15): the levers engine's ranked "what if you did this" list
 * for the recommended candidate, with the engine's own figures (the same list as `cost --levers`
 * and the app's savings card). Levers that would not save under the objective are listed after the
 * table as not worth it here, with the reason. Null without a recommendation.
 */
export const leversSection: ReportExtension = (ctx: ReportContext): ReportSection | null => {
  const { scenario, evaluation, catalog } = ctx.input;
  const rec = ctx.why.recommended;
  if (rec === null) return null;
  const levers = savingsLevers(catalog, scenario, evaluation);
  const horizon = ctx.why.horizonMonths;
  const objective = scenario.objective;
  const intro = `What would lower the cost of ${rec.label}, ranked by what it saves under the objective; each is the whole engine run again with the change made (saving = before − after).`;
  if (levers.length === 0) {
    return {
      id: 'levers',
      title: 'Savings',
      blocks: [{ kind: 'paragraph', text: `${intro} No lever applies to the recommendation.` }],
    };
  }
  const saving = levers.filter((l) => leverSaves(l, objective));
  const notWorth = levers.filter((l) => !leverSaves(l, objective));
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: saving.length === 0 ? `${intro} No lever saves money here.` : intro,
    },
  ];
  if (saving.length > 0) {
    blocks.push({ kind: 'table', caption: '', table: leversTable(saving, horizon) });
  }
  if (notWorth.length > 0) {
    blocks.push(
      { kind: 'paragraph', text: 'Not worth it here:' },
      {
        kind: 'list',
        items: notWorth.map(
          (l) =>
            `${LEVER_LABELS[l.lever]}: ${l.description} — ${notWorthItReason(l, objective)}. ${l.tradeOff}`,
        ),
      },
    );
  }
  return { id: 'levers', title: 'Savings', blocks };
};

/** The levers that save, with the engine's figures: a table and the workbook's Savings sheet. */
function leversTable(levers: readonly Lever[], horizon: number): ReportTable {
  return {
    id: 'levers',
    columns: [
      { key: 'lever', header: 'Lever', format: 'text', width: 16 },
      { key: 'description', header: 'What if', format: 'text', width: 40 },
      { key: 'monthlySavingUsd', header: 'Saved a month', format: 'usd', width: 13 },
      { key: 'tcoSavingUsd', header: `Saved over ${horizon} months`, format: 'usd', width: 14 },
      { key: 'setupUsd', header: 'Setup', format: 'usd', width: 11 },
      { key: 'payback', header: 'Pays back', format: 'text', width: 12 },
      { key: 'ttftDeltaMs', header: 'TTFT change', format: 'ms', width: 11 },
      { key: 'qualityDelta', header: 'Quality change', format: 'number', width: 11 },
      { key: 'tradeOff', header: 'Trade-off', format: 'text', width: 40 },
    ],
    rows: levers.map((l) => ({
      lever: LEVER_LABELS[l.lever],
      description: l.description,
      monthlySavingUsd: l.monthlySavingUsd,
      tcoSavingUsd: l.tcoSavingUsd,
      setupUsd: l.setupUsd,
      payback:
        l.setupUsd <= 0
          ? 'no setup'
          : l.paybackMonth === null
            ? 'no payback'
            : `month ${l.paybackMonth}`,
      ttftDeltaMs: l.ttftDeltaMs,
      qualityDelta: l.qualityDelta,
      tradeOff: l.tradeOff,
    })),
    emphasis: [],
  };
}
