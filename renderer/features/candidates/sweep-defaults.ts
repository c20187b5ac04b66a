import { OnpremPlacement } from '../../../core/schema/placement.ts';
import { CandidateSweep } from '../../../core/schema/scenario.ts';

type Sweep = CandidateSweep;

/**
 * The engine's own defaults, read from the schemas, so a form shows the value the engine will use
 * when a field is left unset.
 */
const parsed = CandidateSweep.parse({ api: {}, cloud: {}, onprem: {} });

export const EMPTY_API = parsed.api as NonNullable<Sweep['api']>;
/** The app sweeps the cheapest allowed region per instance type unless asked for every region. */
export const EMPTY_CLOUD: NonNullable<Sweep['cloud']> = {
  ...(parsed.cloud as NonNullable<Sweep['cloud']>),
  regionChoice: 'cheapest',
};
export const EMPTY_ONPREM = parsed.onprem as NonNullable<Sweep['onprem']>;
/** Owned-GPU assumptions a sweep leaves unset. */
export const ONPREM_DEFAULTS = OnpremPlacement.parse({ kind: 'onprem', gpuId: 'x', modelId: 'x' });
