import { formatMs, formatNumber, formatUnitUsd, formatUsd } from '../../../core/format.ts';
import { evaluateScenario } from '../../../core/scenario/evaluate.ts';
import type { Catalog } from '../../../core/schema/catalog.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';

export interface ScenarioColumn {
  name: string;
  cells: Record<string, string>;
}

export const SIDE_BY_SIDE_ROWS = [
  { key: 'volume', label: 'Requests / month' },
  { key: 'tokens', label: 'Prompt → output tokens' },
  { key: 'recommended', label: 'Recommended' },
  { key: 'monthly', label: 'Monthly cost' },
  { key: 'perRequest', label: 'Cost per request' },
  { key: 'ttft', label: 'Time to first token' },
  { key: 'net', label: 'Net value / month' },
  { key: 'payback', label: 'Payback month' },
  { key: 'npv', label: 'NPV over horizon' },
  { key: 'feasible', label: 'Feasible candidates' },
] as const;

/** One column of the side-by-side view: a scenario evaluated and summarized. */
export function scenarioColumn(catalog: Catalog, scenario: Scenario): ScenarioColumn {
  const e = evaluateScenario(catalog, scenario);
  const w = scenario.workload;
  const base = {
    tokens: `${formatNumber(w.inputTokens.mean)} → ${formatNumber(w.outputTokens.mean)}`,
  };
  if (!e.ok) return { name: scenario.name, cells: { ...base, recommended: e.error } };
  const best = e.result.recommended >= 0 ? e.result.row(e.result.recommended) : null;
  return {
    name: scenario.name,
    cells: {
      ...base,
      volume: formatNumber(e.context.rates.requestsPerMonth),
      recommended: best?.label ?? 'none feasible',
      monthly: formatUsd(best?.monthlyUsd),
      perRequest: formatUnitUsd(best?.perRequestUsd),
      ttft: formatMs(best?.ttftMs),
      net: formatUsd(best?.roi?.netMonthlyUsd),
      payback: best?.roi?.paybackMonth ? String(best.roi.paybackMonth) : '—',
      npv: formatUsd(best?.roi?.npvUsd),
      feasible: `${formatNumber(e.result.feasibleCount)} of ${formatNumber(e.result.columns.size)}`,
    },
  };
}
