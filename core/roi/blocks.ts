/**
 * Persistent capacity: blocks of units taken at the start of a month and held for a term (owned
 * servers for their life, 1-/3-year commitments for theirs), whatever demand does afterwards. A
 * month that needs more than is held takes a new block; a block that ends is renewed only as far as
 * the month still needs it (a refresh for owned hardware, a new term for a commitment). Only
 * on-demand and spot capacity follows demand both ways. Base-commit plus on-demand burst is the
 * same plan with `needed` capped at the committed base.
 */
export interface BlockPlan {
  termMonths: number;
  /** Units held in month m (index 1…horizon; index 0 unused). */
  heldUnits: Float64Array;
  /** Units taken (bought or committed) at the start of month m. */
  takenUnits: Float64Array;
  /** Σ over blocks still in their term at the horizon of units × the unused share of the term. */
  unitsUnusedAtHorizon: number;
  /** Unit-months of term left after the horizon (still owed if the service ends there). */
  unitMonthsAfterHorizon: number;
}

/**
 * Plans the blocks for month-by-month needs over months 1…horizon. `needed(m)` is the whole units
 * month m needs (0 before the capacity is first wanted).
 */
export function planBlocks(
  needed: (month: number) => number,
  termMonths: number,
  horizonMonths: number,
): BlockPlan {
  const held = new Float64Array(horizonMonths + 1);
  const taken = new Float64Array(horizonMonths + 1);
  // Units whose term ends at the start of month m (index up to horizon + term).
  const ending = new Float64Array(horizonMonths + termMonths + 1);
  let holding = 0;
  for (let m = 1; m <= horizonMonths; m++) {
    holding -= ending[m] as number;
    const need = needed(m);
    if (need > holding) {
      const units = need - holding;
      taken[m] = units;
      ending[m + termMonths] = (ending[m + termMonths] as number) + units;
      holding = need;
    }
    held[m] = holding;
  }
  let unused = 0;
  let after = 0;
  for (let end = horizonMonths + 2; end < ending.length; end++) {
    const units = ending[end] as number;
    if (units === 0) continue;
    const monthsLeft = end - horizonMonths - 1;
    unused += (units * monthsLeft) / termMonths;
    after += units * monthsLeft;
  }
  return {
    termMonths,
    heldUnits: held,
    takenUnits: taken,
    unitsUnusedAtHorizon: unused,
    unitMonthsAfterHorizon: after,
  };
}

/** A plan's purchases as cash flows for one unit of capex, for the closed-form ROI. */
export interface CapexSchedule {
  /** Units bought at the start of month m, for a fleet of one unit held throughout. */
  takenUnits: Float64Array;
  /** Σ taken units, and Σ taken units × the discount factor at the start of their month. */
  totalTaken: number;
  discountedTaken: number;
  /** Unused share of the last purchase at the horizon (its straight-line book value). */
  unusedAtHorizon: number;
  /** Discount factor at the end of the horizon. */
  discountAtHorizon: number;
}

/**
 * The purchases of one unit held from `firstMonth` (the decision: 1) to the horizon with a life of
 * `lifeMonths`: bought then, bought again at the end of each life, book value left at the horizon.
 * Cash at the start of month m is discounted by (1 + r)^((m − 1)/12).
 */
export function capexSchedule(
  lifeMonths: number,
  horizonMonths: number,
  discountRateAnnual: number,
  firstMonth = 1,
): CapexSchedule {
  const plan = planBlocks((m) => (m < firstMonth ? 0 : 1), lifeMonths, horizonMonths);
  const monthly = 1 / Math.pow(1 + discountRateAnnual, 1 / 12);
  let total = 0;
  let discounted = 0;
  let factor = 1;
  for (let m = 1; m <= horizonMonths; m++) {
    const units = plan.takenUnits[m] as number;
    total += units;
    discounted += units * factor;
    factor *= monthly;
  }
  return {
    takenUnits: plan.takenUnits,
    totalTaken: total,
    discountedTaken: discounted,
    unusedAtHorizon: plan.unitsUnusedAtHorizon,
    discountAtHorizon: factor,
  };
}
