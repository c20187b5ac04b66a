/**
 * Month-by-month price factors for a change of prices over the horizon: prices move in a straight
 * line from today's at the decision (factor 1) to (1 + change) × today's at the horizon's end, and
 * each month pays the price at its midpoint, so month m of H pays 1 + change × (m − ½) / H.
 * Index 0 is unused (months are 1-based, as the ROI counts them).
 */
export function priceRampFactors(change: number, horizonMonths: number): Float64Array {
  const factors = new Float64Array(horizonMonths + 1);
  factors[0] = 1;
  for (let m = 1; m <= horizonMonths; m++) factors[m] = 1 + (change * (m - 0.5)) / horizonMonths;
  return factors;
}

/**
 * The same ramp for a commitment signed at `firstMonth` and renewed every `termMonths`: each term
 * pays the price of the month it is signed in for all its months (a 3-year commitment keeps its
 * price; a 1-year one renews at the going price).
 */
export function contractRampFactors(
  change: number,
  horizonMonths: number,
  firstMonth: number,
  termMonths: number,
): Float64Array {
  const smooth = priceRampFactors(change, horizonMonths);
  const factors = new Float64Array(horizonMonths + 1);
  factors[0] = 1;
  for (let m = 1; m <= horizonMonths; m++) {
    const signed =
      m < firstMonth ? m : firstMonth + Math.floor((m - firstMonth) / termMonths) * termMonths;
    factors[m] = smooth[signed] as number;
  }
  return factors;
}
