import { prepareScenario, type PreparedScenario } from '../../core/scenario/evaluate.ts';
import type { Catalog } from '../../core/schema/catalog.ts';
import type { Scenario } from '../../core/schema/scenario.ts';

/**
 * The last prepared scenario (catalog index and placements), kept while what it depends on is
 * unchanged, compared as JSON: for a worker, whose scenarios arrive as new objects each time.
 */
export class PreparedByContent {
  private kept: { key: string; value: PreparedScenario } | undefined;

  get(catalog: Catalog, scenario: Scenario, today: string): PreparedScenario {
    const w = scenario.workload;
    const key = JSON.stringify([
      scenario.asOf,
      today,
      scenario.catalog,
      scenario.discounts,
      scenario.candidates,
      scenario.sweep,
      w.residency,
      w.regions,
    ]);
    if (this.kept?.key !== key) {
      this.kept = { key, value: prepareScenario(catalog, scenario, { asOf: today }) };
    }
    return this.kept.value;
  }

  /** Forgets the prepared scenario (its catalog changed). */
  clear(): void {
    this.kept = undefined;
  }
}
