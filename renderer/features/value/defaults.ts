import type { Objective } from '../../../core/decision/objective.ts';
import type { Placement } from '../../../core/schema/placement.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import type { RequestValue } from '../../../core/schema/value.ts';
import { defaultScenario } from '../scenarios/default-scenario.ts';

const DEFAULT_VALUE = defaultScenario().value;

/**
 * Whether a setup or launch figure is the one a new scenario starts from ('default') or another
 * ('yours'). A file may state the default figure itself: read 'default' as "the same figure as the
 * app's default", never as "nobody chose it".
 */
export function setupSource(
  value: Scenario['value'],
  kind: Placement['kind'],
): { setup: 'default' | 'yours'; launch: 'default' | 'yours' } {
  return {
    setup: value.setupUsd[kind] === DEFAULT_VALUE.setupUsd[kind] ? 'default' : 'yours',
    launch: value.weeksToLaunch[kind] === DEFAULT_VALUE.weeksToLaunch[kind] ? 'default' : 'yours',
  };
}

/**
 * The scenario with a value per request set or cleared. Ranking by NPV needs one: clearing it
 * ranks by the horizon cost instead (returned as `objectiveChanged` so the app can say so).
 */
export function withRequestValue(
  s: Scenario,
  perRequest: RequestValue | undefined,
): { scenario: Scenario; objectiveChanged: Objective | null } {
  const objective: Objective =
    perRequest === undefined && s.objective === 'npv' ? 'tco' : s.objective;
  return {
    scenario: { ...s, objective, value: { ...s.value, perRequest } },
    objectiveChanged: objective === s.objective ? null : objective,
  };
}
