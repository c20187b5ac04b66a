import { Offering } from '../../../core/schema/catalog.ts';
import { describeZodError } from '../../../core/schema/errors.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';

export interface CustomOfferingInput {
  name: string;
  modelId: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cacheReadUsdPerMTok?: number;
  batchDiscountPct?: number;
  residency: Offering['residency'];
}

/**
 * A negotiated or custom API price as an inline catalog offering plus an explicit candidate: it
 * travels with the scenario file, so the CLI prices it the same way.
 */
export function addCustomOffering(
  scenario: Scenario,
  input: CustomOfferingInput,
  today: string,
): { ok: true; scenario: Scenario; id: string } | { ok: false; error: string } {
  const slug = input.name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug === '') return { ok: false, error: 'name must contain a letter or digit' };
  const id = `custom/${slug}`;
  const existing = scenario.catalog?.offerings ?? [];
  if (existing.some((o) => o.id === id))
    return { ok: false, error: `a custom offering named '${input.name}' exists` };
  const factor =
    input.batchDiscountPct === undefined ? undefined : 1 - input.batchDiscountPct / 100;
  const parsed = Offering.safeParse({
    id,
    provider: 'custom',
    modelId: input.modelId,
    residency: input.residency,
    usdPerMTok: {
      input: input.inputUsdPerMTok,
      output: input.outputUsdPerMTok,
      ...(input.cacheReadUsdPerMTok !== undefined ? { cacheRead: input.cacheReadUsdPerMTok } : {}),
    },
    ...(factor !== undefined
      ? {
          batch: { input: input.inputUsdPerMTok * factor, output: input.outputUsdPerMTok * factor },
        }
      : {}),
    cache: {
      style: input.cacheReadUsdPerMTok !== undefined ? 'automatic' : 'none',
      minPrefixTokens: 1024,
      ttlMinutes: 5,
    },
    source: `custom offering '${input.name.trim()}' entered in the scenario`,
    asOf: today,
  });
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  const catalog = {
    providers: scenario.catalog?.providers ?? [],
    models: scenario.catalog?.models ?? [],
    gpus: scenario.catalog?.gpus ?? [],
    instances: scenario.catalog?.instances ?? [],
    regions: scenario.catalog?.regions ?? [],
    offerings: [...existing, parsed.data],
  };
  return {
    ok: true,
    id,
    scenario: {
      ...scenario,
      catalog,
      candidates: [...scenario.candidates, { kind: 'api', offeringId: id }],
    },
  };
}
