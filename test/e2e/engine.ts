import { evaluateScenario } from '../../core/scenario/evaluate.ts';
import type { Scenario } from '../../core/schema/scenario.ts';
import type { Session } from './browser.ts';

/**
 * The engine's answer for a scenario on the catalog the app's server reads, priced as of today as
 * the app is: what an e2e test expects the page to show, computed rather than written down.
 */
export function engine(s: Session, scenario: Scenario) {
  const today = new Date().toISOString().slice(0, 10);
  const e = evaluateScenario(s.server.store.readCatalog(), scenario, { asOf: today });
  if (!e.ok) throw new Error(e.error);
  return e;
}
