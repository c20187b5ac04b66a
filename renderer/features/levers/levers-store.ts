import { create } from 'zustand';
import type { Lever } from '../../../core/levers/lever.ts';
import { savingsLevers } from '../../../core/levers/levers.ts';
import type { Scenario } from '../../../core/schema/scenario.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { useResults } from '../../stores/results-store.ts';
import { settledSync } from '../../stores/settled-sync.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';

export interface LeversState {
  levers: readonly Lever[] | null;
  /** The draft the levers were worked out for: "apply" only acts on levers of the current draft. */
  scenario: Scenario | null;
  pending: boolean;
  /** The lever last applied, and the draft it replaced (what undo goes back to). */
  applied: { lever: Lever; before: Scenario } | null;
  apply: (lever: Lever) => void;
  undo: () => void;
}

export const useLevers = create<LeversState>()((set, get) => ({
  levers: null,
  scenario: null,
  pending: true,
  applied: null,
  apply: (lever) => {
    const { scenario } = get();
    const ws = useWorkspace.getState();
    if (lever.whatIf === null || scenario !== ws.scenario) return;
    const whatIf = lever.whatIf;
    ws.update(() => whatIf);
    set({ applied: { lever, before: scenario } });
  },
  undo: () => {
    const { applied } = get();
    const ws = useWorkspace.getState();
    // Undo only while the draft is still the lever's what-if (another edit since is its own step).
    if (applied !== null && ws.past[ws.past.length - 1] === applied.before) ws.undo();
    set({ applied: null });
  },
}));

/**
 * How long the results must stay still before the levers are worked out, ms: longer than the
 * explanation waits, so a slider drag (and the uncertainty run it restarts) never pays for them.
 */
const SETTLE_MS = 400;
/**
 * Each lever re-evaluates the recommendation under a what-if (the routing lever a dozen cascades):
 * tens of milliseconds, so it waits for a slider to settle, as the explanation does.
 */
const sync = settledSync(
  SETTLE_MS,
  () => useLevers.setState({ pending: true }),
  () => {
    const evaluation = useResults.getState().evaluation;
    const snapshot = useCatalog.getState().snapshot;
    const scenario = useWorkspace.getState().scenario;
    if (!evaluation?.ok || snapshot === null) {
      useLevers.setState({ levers: null, scenario: null, pending: false });
      return;
    }
    const levers = savingsLevers(snapshot.catalog, scenario, evaluation);
    useLevers.setState({ levers, scenario, pending: false });
  },
);

/** Keeps the savings list in step with the results. */
export const startLeversSync = sync.start;
