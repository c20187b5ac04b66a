import { ApiPlacement } from '../../../core/schema/placement.ts';
import { describeZodError } from '../../../core/schema/errors.ts';
import type { ProvisionedTerm } from '../../../core/schema/procurement.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';

export interface ProvisionedQuoteInput {
  offeringId: string;
  term: ProvisionedTerm;
  /** Your price per unit-hour and the input tokens a minute a unit serves (a vendor's quote). */
  usdPerUnitHour: number;
  inputTokensPerMinutePerUnit: number;
  units?: number | undefined;
}

/**
 * An offering bought as provisioned throughput at the user's own figures (Bedrock publishes no
 * throughput per model unit, nor current prices), as an explicit candidate of the scenario: it
 * travels with the file, and the app marks its figures as the user's.
 */
export function addProvisionedQuote(
  scenario: Scenario,
  input: ProvisionedQuoteInput,
): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  const parsed = ApiPlacement.safeParse({
    kind: 'api',
    offeringId: input.offeringId,
    provisioned: {
      term: input.term,
      usdPerUnitHour: input.usdPerUnitHour,
      inputTokensPerMinutePerUnit: input.inputTokensPerMinutePerUnit,
      ...(input.units === undefined ? {} : { units: input.units }),
    },
  });
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const same = (p: Scenario['candidates'][number]) =>
    p.kind === 'api' &&
    p.offeringId === input.offeringId &&
    p.provisioned?.term === input.term &&
    p.provisioned.units === input.units;
  // One quote per offering, term and unit count: a new quote replaces the old one.
  const others = scenario.candidates.filter((p) => !same(p));
  return { ok: true, scenario: { ...scenario, candidates: [...others, parsed.data] } };
}
