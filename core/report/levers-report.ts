import { formatUsd } from '../format.ts';
import type { Lever } from '../levers/lever.ts';

/** A lever as the CLI's JSON carries it: the contract's fields first, then the details. */
export function leverJson(l: Lever) {
  return {
    lever: l.lever,
    description: l.description,
    monthlySavingUsd: l.monthlySavingUsd,
    tcoSavingUsd: l.tcoSavingUsd,
    ttftDeltaMs: l.ttftDeltaMs,
    qualityDelta: l.qualityDelta,
    setupUsd: l.setupUsd,
    tradeOff: l.tradeOff,
    paybackMonth: l.paybackMonth,
    candidateId: l.candidateId,
    applicable: l.whatIf !== null,
  };
}

/** "Savings:" then one line per lever, as the table format prints them. */
export function leverLines(levers: readonly Lever[]): string[] {
  if (levers.length === 0) return ['Savings: no lever applies to the recommendation.'];
  return [
    'Savings (what if you did this):',
    ...levers.map(
      (l, i) =>
        `${i + 1}. ${l.description}: ${formatUsd(l.monthlySavingUsd)} a month, ${formatUsd(l.tcoSavingUsd)} over the horizon${l.setupUsd > 0 ? ` (setup ${formatUsd(l.setupUsd)}${l.paybackMonth === null ? ', no payback' : `, pays back in month ${l.paybackMonth}`})` : ''}. ${l.tradeOff}`,
    ),
  ];
}
