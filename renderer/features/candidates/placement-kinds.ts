import type { Scenario } from '../../../core/schema/scenario.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { EMPTY_API, EMPTY_CLOUD, EMPTY_ONPREM } from './sweep-defaults.ts';

export type PlacementKind = 'api' | 'cloud' | 'onprem';

export const PLACEMENT_KIND_LABELS: Record<PlacementKind, string> = {
  api: 'Hosted APIs',
  cloud: 'Rented GPUs',
  onprem: 'Owned GPUs',
};

/** The placement kinds a scenario sweeps. */
export function sweptKinds(sweep: Scenario['sweep']): PlacementKind[] {
  return (['api', 'cloud', 'onprem'] as const).filter((k) => sweep?.[k] !== undefined);
}

/** The scenario sweeping one placement kind more or less (switched on with the engine's defaults). */
export function withKindToggled(scenario: Scenario, kind: PlacementKind): Scenario {
  const sweep = { ...scenario.sweep };
  if (sweep[kind] !== undefined) delete sweep[kind];
  else if (kind === 'api') sweep.api = EMPTY_API;
  else if (kind === 'cloud') sweep.cloud = EMPTY_CLOUD;
  else sweep.onprem = EMPTY_ONPREM;
  return { ...scenario, sweep };
}

/** Switches a placement kind on or off in the open scenario (one undo step). */
export function togglePlacementKind(kind: PlacementKind): void {
  useWorkspace.getState().update((s) => withKindToggled(s, kind));
}
