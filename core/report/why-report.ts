import {
  changePhrases,
  componentPhrase,
  roleLabel,
  type Explanation,
} from '../decision/explain.ts';
import { objectiveTitle } from '../decision/objective.ts';
import { formatNumber, objectiveMoney } from '../format.ts';
import { headerWithUnit } from './report-model.ts';
import { markdownTable } from './writers.ts';

/** One row of the "why this one" table: the pick, or an alternative set against it. */
export interface WhyRow {
  /** 'recommended', 'runner-up', 'best-cloud', … */
  role: string;
  roleLabel: string;
  id: string;
  label: string;
  /** The objective's value, formatted. */
  value: string;
  /** How much worse under the objective ("$8,973 more"); empty for the pick. */
  gap: string;
  /** The largest cost differences against the pick, largest first. */
  differences: string[];
  /** What would make it the answer (phrases after "it would win"). */
  wouldWin: string[];
}

/**
 * The pick and its alternatives as table rows, in explain()'s words: the app's "Why this one"
 * panel and the Markdown report both show these.
 */
export function whyRows(why: Explanation, differences = 3): WhyRow[] {
  const money = (usd: number) => objectiveMoney(why.objective, usd);
  const rec = why.recommended;
  if (rec === null) return [];
  const worse = why.objective === 'npv' ? 'less' : 'more';
  return [
    {
      role: 'recommended',
      roleLabel: 'Recommended',
      id: rec.id,
      label: rec.label,
      value: money(rec.objectiveValue),
      gap: '',
      differences: [],
      wouldWin: [],
    },
    ...why.alternatives.map((a) => ({
      role: a.role,
      roleLabel: roleLabel(a.role),
      id: a.id,
      label: a.label,
      value: money(a.objectiveValue),
      gap: `${money(a.gap)} ${worse}`,
      differences: a.components.slice(0, differences).map(componentPhrase),
      wouldWin: changePhrases(a),
    })),
  ];
}

/** The "Why this one" section of the Markdown report: words, the table, the exclusions. */
export function whyMarkdown(why: Explanation): string {
  const n = (x: number) => formatNumber(x);
  const rows = whyRows(why);
  const table =
    rows.length === 0
      ? ''
      : markdownTable(
          [
            '',
            'Candidate',
            headerWithUnit({
              header: objectiveTitle(why.objective, why.horizonMonths),
              format: 'usd',
            }),
            headerWithUnit({ header: 'Gap', format: 'usd' }),
            'Biggest differences',
            'It would win',
          ],
          rows.map((r) => [
            r.roleLabel,
            r.label,
            r.value,
            r.gap || '—',
            r.differences.join('; ') || '—',
            r.wouldWin.join(', or ') || '—',
          ]),
          ['left', 'left', 'right', 'right', 'left', 'left'],
        );
  const excluded = why.exclusions.reduce((sum, e) => sum + e.count, 0);
  const exclusions = markdownTable(
    ['Candidates', 'Count'],
    [
      ['feasible', n(why.feasibleCount)],
      ...why.exclusions.map((e) => [`excluded: ${e.label}`, n(e.count)]),
      ['all evaluated', n(why.feasibleCount + excluded)],
    ],
    ['left', 'right'],
  );
  const u = why.unknownOnly;
  const unknown =
    u.quality + u.latency + u.both > 0
      ? `\n\nOut only for an unknown — no quality score: ${n(u.quality + u.both)} (set \`workload.minQuality.includeUnknown\` to include them); no latency figure: ${n(u.latency + u.both)} (\`workload.slo.includeUnknown\`); ${n(u.both)} lack both.`
      : '';
  return [
    '## Why this one',
    why.sentences.join('\n\n'),
    table,
    '### Every candidate, counted',
    `${exclusions}${unknown}`,
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}
