import { create } from 'zustand';
import type { Explanation } from '../../../core/decision/explain.ts';
import type { ScenarioEvaluation } from '../../../core/scenario/evaluate.ts';
import type { BreakEvenChartData } from '../../../core/charts/break-even-data.ts';
import type { PairPicks } from '../../../core/charts/pair.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { evaluatedWith, useResults } from '../../stores/results-store.ts';
import { settledSync } from '../../stores/settled-sync.ts';
import { decide, type Decision } from './decide.ts';
import { startDecisionClient, type DecisionClient } from './decision-client.ts';

export { decide } from './decide.ts';

type Ok = Extract<ScenarioEvaluation, { ok: true }>;

export interface DecisionState {
  /** The evaluation this was worked out for; behind the results while a change settles. */
  evaluation: Ok | null;
  explanation: Explanation | null;
  /** The cost-vs-volume chart of the pair compared. */
  breakEven: BreakEvenChartData | null;
  /** The menus' picks for the chart (null: the default pair). */
  picks: PairPicks;
  /** True while the results moved on and this has not caught up. */
  pending: boolean;
  pick: (side: 'a' | 'b', id: string | null) => void;
}

export const useDecision = create<DecisionState>()((set) => ({
  evaluation: null,
  explanation: null,
  breakEven: null,
  picks: { a: null, b: null },
  pending: true,
  pick: (side, id) => {
    set((s) => ({ picks: { ...s.picks, [side]: id }, pending: true }));
    sync.schedule(0);
  },
}));

/** How long the results must stay still before the break-even work starts, ms. */
const SETTLE_MS = 120;
const sync = settledSync(
  SETTLE_MS,
  () => useDecision.setState({ pending: true }),
  () => {
    const evaluation = useResults.getState().evaluation;
    if (!evaluation?.ok) {
      useDecision.setState({
        evaluation: null,
        explanation: null,
        breakEven: null,
        pending: false,
      });
      return;
    }
    const picks = useDecision.getState().picks;
    void decideFor(evaluation, picks).then((decision) => {
      // Results or picks that moved on meanwhile have their own work coming.
      if (decision === null) return;
      if (useResults.getState().evaluation !== evaluation) return;
      if (useDecision.getState().picks !== picks) return;
      const { explanation, breakEven } = decision;
      useDecision.setState({ evaluation, explanation, breakEven, pending: false });
    });
  },
);

/**
 * The decision worker, once started (null before, and where none can start): it evaluates the
 * draft again as the page did and works the explanation out there, so the page stays free.
 */
let client: DecisionClient | null = null;

/**
 * The explanation and break-even chart of an evaluation: in the decision worker when it holds the
 * catalog, else here. Null when a newer request took this one's place.
 */
async function decideFor(evaluation: Ok, picks: PairPicks): Promise<Decision | null> {
  const revision = useCatalog.getState().snapshot?.revision;
  const asked = evaluatedWith(evaluation);
  if (client === null || asked === undefined || revision === undefined || !client.holds(revision))
    return decide(evaluation, picks);
  const reply = await client.decide({ ...asked, picks });
  if (reply === null) return null;
  // The worker failed or refused: worked out here, as before it.
  return reply.kind === 'decided' ? reply.decision : decide(evaluation, picks);
}

/**
 * Starts the decision worker once the page is idle (the first explanation is worked out here, so
 * the first screen does not wait for it), and hands it each catalog.
 */
function startWorker(): () => void {
  let stopped = false;
  const start = () => {
    if (stopped || client !== null) return;
    client = startDecisionClient();
    const snapshot = useCatalog.getState().snapshot;
    if (snapshot !== null) client?.setCatalog(snapshot.catalog, snapshot.revision);
  };
  const idle = typeof requestIdleCallback === 'function';
  const handle = idle ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 0);
  const stopCatalog = useCatalog.subscribe((s, prev) => {
    if (s.snapshot !== prev.snapshot && s.snapshot !== null) {
      client?.setCatalog(s.snapshot.catalog, s.snapshot.revision);
    }
  });
  return () => {
    stopped = true;
    if (idle) cancelIdleCallback(handle as number);
    else clearTimeout(handle);
    stopCatalog();
  };
}

/** Keeps the explanation and the break-even chart in step with the results. */
export function startDecisionSync(): () => void {
  const stopSync = sync.start();
  const stopWorker = startWorker();
  return () => {
    stopSync();
    stopWorker();
  };
}
