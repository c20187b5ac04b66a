import { z } from 'zod';

/**
 * What "best" means for a scenario. `tco`: total cost over the planning horizon (setup, every
 * month's run cost with growth, commitments), undiscounted. `npv`: net present value of value
 * minus cost (needs a value per request). `monthly`: the steady-state run rate.
 * `perOutcome`: all-in horizon cost per successful outcome served.
 */
export const OBJECTIVES = ['tco', 'npv', 'monthly', 'perOutcome'] as const;
export const Objective = z.enum(OBJECTIVES);
export type Objective = z.infer<typeof Objective>;

/** The objective's name as a person reads it, with the horizon where it applies. */
export function objectiveLabel(objective: Objective, horizonMonths: number): string {
  switch (objective) {
    case 'tco':
      return `${horizonMonths}-month cost`;
    case 'npv':
      return `${horizonMonths}-month NPV`;
    case 'monthly':
      return 'monthly cost';
    case 'perOutcome':
      return 'cost per successful outcome';
  }
}

/** Whether a larger value of the objective is better (NPV), or a smaller one (costs). */
export function higherIsBetter(objective: Objective): boolean {
  return objective === 'npv';
}

/** The objective's name as a heading or column header reads it: "36-month cost". */
export function objectiveTitle(objective: Objective, horizonMonths: number): string {
  const label = objectiveLabel(objective, horizonMonths);
  return label[0]!.toUpperCase() + label.slice(1);
}
