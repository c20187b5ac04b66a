import { formatUsd } from '../format.ts';
import { leverSaves, notWorthItReason, type Lever } from '../levers/lever.ts';
import type { Scenario } from '../schema/scenario.ts';

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

/**
 * The levers for the CLI's JSON: `levers` holds those that save under the objective, ranked; those
 * that do not are under `leversNotWorthIt`, each with the reason, never offered as a saving.
 */
export function leversJson(levers: readonly Lever[], objective: Scenario['objective']) {
  return {
    levers: levers.filter((l) => leverSaves(l, objective)).map(leverJson),
    leversNotWorthIt: levers
      .filter((l) => !leverSaves(l, objective))
      .map((l) => ({ ...leverJson(l), reason: notWorthItReason(l, objective) })),
  };
}

/** "Savings:" then one line per lever that saves, then those not worth it here and why. */
export function leverLines(levers: readonly Lever[], objective: Scenario['objective']): string[] {
  if (levers.length === 0) return ['Savings: no lever applies to the recommendation.'];
  const saving = levers.filter((l) => leverSaves(l, objective));
  const notWorth = levers.filter((l) => !leverSaves(l, objective));
  return [
    ...(saving.length === 0
      ? ['Savings: no lever saves money here.']
      : [
          'Savings (what if you did this):',
          ...saving.map(
            (l, i) =>
              `${i + 1}. ${l.description}: ${formatUsd(l.monthlySavingUsd)} a month, ${formatUsd(l.tcoSavingUsd)} over the horizon${l.setupUsd > 0 ? ` (setup ${formatUsd(l.setupUsd)}${l.paybackMonth === null ? ', no payback' : `, pays back in month ${l.paybackMonth}`})` : ''}. ${l.tradeOff}`,
          ),
        ]),
    ...(notWorth.length === 0
      ? []
      : [
          'Not worth it here:',
          ...notWorth.map(
            (l) => `- ${l.description}: ${notWorthItReason(l, objective)}. ${l.tradeOff}`,
          ),
        ]),
  ];
}
