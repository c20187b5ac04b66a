import type { CandidateNegotiated } from '../commitments/types.ts';
import { effectiveDiscount, type NegotiatedTerms } from '../pricing/negotiated.ts';

/** The negotiated terms a row was priced with, given its monthly bill at list prices; null: none. */
export function negotiatedDetail(
  terms: NegotiatedTerms | null,
  listMonthlyUsd: number,
): CandidateNegotiated | null {
  if (terms === null) return null;
  return {
    fraction: terms.fraction,
    aboveMonthlyUsd: terms.aboveMonthlyUsd,
    source: terms.source,
    scope: terms.scope,
    note: terms.note,
    effectiveFraction: effectiveDiscount(terms, listMonthlyUsd),
    listMonthlyUsd,
  };
}
