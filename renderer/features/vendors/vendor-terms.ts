import type { ScenarioDiscount } from '../../../core/schema/catalog.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';

/** The scenario's own terms with a vendor (a provider-wide discount), if it has any. */
export function scenarioTermsFor(
  discounts: readonly ScenarioDiscount[],
  vendor: string,
): ScenarioDiscount | undefined {
  return discounts.find((d) => d.provider === vendor);
}

/**
 * The scenario's discounts with a vendor's provider-wide terms set (a fraction of 0 or undefined
 * removes them, so the catalog's default applies again); other vendors' and per-offering terms
 * are kept as they are.
 */
export function withVendorTerms(
  discounts: readonly ScenarioDiscount[],
  vendor: string,
  terms: { fraction: number | undefined; aboveMonthlyUsd?: number | undefined },
): Scenario['discounts'] {
  const current = scenarioTermsFor(discounts, vendor);
  const others = discounts.filter((d) => d !== current);
  if (terms.fraction === undefined) return others;
  return [
    ...others,
    {
      provider: vendor,
      fraction: terms.fraction,
      aboveMonthlyUsd: terms.aboveMonthlyUsd ?? current?.aboveMonthlyUsd ?? 0,
      note: current?.note ?? 'negotiated for this scenario',
    },
  ];
}
