/** Monthly rate equal to an annual one compounded monthly: (1 + annual)^(1/12) − 1 (as NPV uses). */
export function monthlyRate(annualRate: number): number {
  return Math.pow(1 + annualRate, 1 / 12) - 1;
}

/**
 * The level monthly payment that repays `capexUsd` over `months` at the discount rate: the standard
 * annuity capex × r ÷ (1 − (1 + r)^−n), r monthly, paid at each month's end; capex ÷ n at r = 0.
 */
export function annuityUsdPerMonth(capexUsd: number, months: number, annualRate: number): number {
  // The rate's terms are kept for the last rate and life: owned candidates of a growing sweep ask
  // for them every month (the same two powers each time).
  let t = lastAnnuity;
  if (t.annualRate !== annualRate || t.months !== months) {
    const r = monthlyRate(annualRate);
    t = { annualRate, months, r, denominator: r === 0 ? 0 : 1 - Math.pow(1 + r, -months) };
    lastAnnuity = t;
  }
  if (t.r === 0) return capexUsd / months;
  return (capexUsd * t.r) / t.denominator;
}

let lastAnnuity = { annualRate: Number.NaN, months: Number.NaN, r: 0, denominator: 0 };

/** The capital charge: the annuity less straight-line depreciation (capex ÷ n). */
export function capitalChargeUsdPerMonth(
  capexUsd: number,
  months: number,
  annualRate: number,
): number {
  return annuityUsdPerMonth(capexUsd, months, annualRate) - capexUsd / months;
}
