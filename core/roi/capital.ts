/** Monthly rate equal to an annual one compounded monthly: (1 + annual)^(1/12) − 1 (as NPV uses). */
export function monthlyRate(annualRate: number): number {
  return Math.pow(1 + annualRate, 1 / 12) - 1;
}

/**
 * The level monthly payment that repays `capexUsd` over `months` at the discount rate: the standard
 * annuity capex × r ÷ (1 − (1 + r)^−n), r monthly, paid at each month's end; capex ÷ n at r = 0.
 */
export function annuityUsdPerMonth(capexUsd: number, months: number, annualRate: number): number {
  const r = monthlyRate(annualRate);
  if (r === 0) return capexUsd / months;
  return (capexUsd * r) / (1 - Math.pow(1 + r, -months));
}

/** The capital charge: the annuity less straight-line depreciation (capex ÷ n). */
export function capitalChargeUsdPerMonth(
  capexUsd: number,
  months: number,
  annualRate: number,
): number {
  return annuityUsdPerMonth(capexUsd, months, annualRate) - capexUsd / months;
}
