import { z } from 'zod';
import { THREE_POINT_DISTRIBUTIONS } from '../stats/distributions.ts';

/**
 * The inputs a scenario may give as ranges, by id. Each is a number the scenario already holds
 * (its point value is the range's likely value unless one is given), so a range never changes a
 * field's type and every file without ranges reads as before.
 */
export const UNCERTAIN_INPUTS = [
  'volume',
  'monthlyGrowthPct',
  'promptTokens',
  'outputTokens',
  'promptCacheHitRate',
  'responseCacheHitRate',
  'batchShare',
  'valuePerRequestUsd',
  'successRate',
  'apiSetupUsd',
  'cloudSetupUsd',
  'onpremSetupUsd',
  'apiWeeksToLaunch',
  'cloudWeeksToLaunch',
  'onpremWeeksToLaunch',
] as const;
export type UncertainInputId = (typeof UNCERTAIN_INPUTS)[number];

/** A three-point estimate; `likely` defaults to the value the scenario states. */
export const InputRange = z
  .strictObject({
    low: z.number().finite().describe('The lowest value thought possible.'),
    likely: z
      .number()
      .finite()
      .optional()
      .describe('The most likely value; unset: the value the scenario states.'),
    high: z.number().finite().describe('The highest value thought possible.'),
  })
  .describe('Low, most likely and high value of an uncertain input.');
export type InputRange = z.infer<typeof InputRange>;

/**
 * A change of prices by the horizon's end as a fraction (−0.3 = 30 % lower). Prices move in a
 * straight line from today's at the decision to the changed price at the horizon's end.
 */
const PriceChangeFraction = z.number().finite().min(-0.95).max(4);

export const PriceChangeRange = z
  .strictObject({
    low: PriceChangeFraction.meta({
      title: 'Low',
      description: 'The largest fall (−0.4 = 40 % lower by the horizon’s end).',
    }),
    likely: PriceChangeFraction.optional().meta({
      title: 'Likely',
      description:
        'The most likely change; unset: no change (0), or the end of the range nearest to it.',
    }),
    high: PriceChangeFraction.meta({
      title: 'High',
      description: 'The largest rise (0 = prices stay as they are).',
    }),
  })
  .describe('How much prices may change by the horizon’s end, as a fraction of today’s.');
export type PriceChangeRange = z.infer<typeof PriceChangeRange>;

export const PLACEMENT_KINDS_FOR_PRICES = ['api', 'cloud', 'onprem'] as const;

export const Uncertainty = z
  .strictObject({
    distribution: z
      .enum(THREE_POINT_DISTRIBUTIONS)
      .default('pert')
      .describe(
        'Shape between low, likely and high: pert (weight on the likely value) or triangular (fatter tails).',
      ),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1)
      .meta({
        title: 'Seed',
        description: 'Seed of the sampling: the same seed gives the same results.',
      }),
    samples: z
      .number()
      .int()
      .min(100)
      .max(100_000)
      .default(1000)
      .meta({ title: 'Futures', description: 'Simulated futures (Latin hypercube samples).' }),
    recommendBy: z
      .enum(['objective', 'robust'])
      .default('objective')
      .describe(
        'objective: the best point estimate under the scenario’s objective; robust: the lowest P90 horizon cost among the simulated candidates.',
      ),
    inputs: z
      .strictObject(
        Object.fromEntries(UNCERTAIN_INPUTS.map((id) => [id, InputRange.optional()])) as Record<
          UncertainInputId,
          z.ZodOptional<typeof InputRange>
        >,
      )
      .default({})
      .describe('Ranges on workload and value inputs, by input id.'),
    priceChange: z
      .strictObject({
        api: PriceChangeRange.optional().describe('Hosted API token prices.'),
        cloud: PriceChangeRange.optional().describe(
          'Rented GPUs’ monthly run cost (instance hours and the running costs with them); a commitment keeps the price it was signed at for its term.',
        ),
        onprem: PriceChangeRange.optional().describe(
          'Owned GPUs’ running costs (power, colocation, staff, storage); hardware is paid when bought, at today’s price.',
        ),
      })
      .default({})
      .describe('Price changes by the horizon’s end, per placement kind.'),
  })
  .describe('Ranges on inputs, and how the futures they allow are simulated.');
export type Uncertainty = z.infer<typeof Uncertainty>;
export type UncertaintyInput = z.input<typeof Uncertainty>;
