import { create } from 'zustand';
import type { Band } from '../../../core/uncertainty/bands.ts';
import type { UncertaintyResult } from '../../../core/uncertainty/simulate.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { chosenIndices } from '../../../core/charts/chosen.ts';
import { chartVolumeGrid } from '../../../core/charts/break-even-data.ts';
import { resolvePair } from '../../../core/charts/pair.ts';
import { useDecision } from '../why/decision-store.ts';
import { createSimulationClient, type SimulationClient } from './simulation-client.ts';
import { hasRanges } from './ranges-edit.ts';

export interface UncertaintyState {
  /** off: no ranges; running: futures being simulated; ready: results for the current inputs. */
  status: 'off' | 'running' | 'ready' | 'error';
  /** Share of the current run done (0…1). */
  progress: number;
  /** The last finished run's results: kept while a newer run goes (the bands follow). */
  result: UncertaintyResult | null;
  volumes: number[];
  volumeBands: Band[];
  paybackBands: Band[];
  error: string | null;
  /** Whether `result` is for the inputs on screen (false while a newer run goes). */
  current: boolean;
  /** Where the simulation runs: its own worker thread, or the page (in slices). */
  where: SimulationClient['where'] | null;
}

const EMPTY: Band[] = [];

export const useUncertainty = create<UncertaintyState>()(() => ({
  status: 'off',
  progress: 0,
  result: null,
  volumes: [],
  volumeBands: EMPTY,
  paybackBands: EMPTY,
  error: null,
  current: false,
  where: null,
}));

/** Quiet time after the last edit before a run starts: a slider drag is one run, not fifty. */
const SETTLE_MS = 200;

let client: SimulationClient | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let catalogRevision = -1;
/** Bumped on every change on screen: a run's results are current only for its own generation. */
let generation = 0;

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Starts a run for what is on screen now; the point estimate has already been shown. */
async function runNow(): Promise<void> {
  const snapshot = useCatalog.getState().snapshot;
  const scenario = useWorkspace.getState().scenario;
  const evaluation = useResults.getState().evaluation;
  if (snapshot === null || evaluation === null || !evaluation.ok || !hasRanges(scenario)) return;
  const asked = generation;
  if (client === null) {
    client = createSimulationClient((where) => useUncertainty.setState({ where }));
    useUncertainty.setState({ where: client.where });
  }
  if (snapshot.revision !== catalogRevision) {
    client.setCatalog(snapshot.catalog);
    catalogRevision = snapshot.revision;
  }
  // The payback chart's candidates and the break-even chart's pair.
  const pair = resolvePair(evaluation, useDecision.getState().picks);
  const chartIds = [
    ...new Set(
      [
        ...chosenIndices(evaluation, useUi.getState().selected),
        ...(pair === null ? [] : [pair.a, pair.b]),
      ].map((i) => evaluation.result.row(i).id),
    ),
  ];
  const reply = await client.run(
    {
      scenario,
      staleBefore: isoDaysAgo(snapshot.staleAfterDays),
      today: isoDaysAgo(0),
      chartIds,
      volumes: chartVolumeGrid(evaluation.context.rates.requestsPerMonth),
    },
    (done, total) => useUncertainty.setState({ progress: total > 0 ? done / total : 0 }),
  );
  if (reply.kind === 'cancelled') return;
  // Inputs changed while it ran: show what it found (the bands follow) and wait for the next run.
  const current = asked === generation;
  if (reply.kind === 'error') {
    if (current) useUncertainty.setState({ status: 'error', error: reply.error, current: false });
    return;
  }
  const o = reply.output;
  useUncertainty.setState({
    status: current ? 'ready' : 'running',
    progress: current ? 1 : 0,
    result: o.result,
    volumes: o.volumes,
    volumeBands: o.volumeBands,
    paybackBands: o.paybackBands,
    error: null,
    current,
  });
}

/** Something on screen changed: mark the results as following, and run once edits settle. */
function schedule(): void {
  clearTimeout(timer);
  generation++;
  if (!hasRanges(useWorkspace.getState().scenario)) {
    useUncertainty.setState({
      status: 'off',
      result: null,
      volumeBands: EMPTY,
      paybackBands: EMPTY,
      error: null,
      current: false,
    });
    return;
  }
  useUncertainty.setState({ status: 'running', progress: 0, current: false });
  timer = setTimeout(() => void runNow(), SETTLE_MS);
}

/**
 * Keeps the simulation in step with the scenario, the catalog and the charts' candidates. It
 * follows the point evaluation (which updates at once) and never blocks it.
 */
export function startUncertaintySync(): () => void {
  const stops = [
    useResults.subscribe((s, prev) => {
      if (s.evaluation !== prev.evaluation) schedule();
    }),
    useUi.subscribe((s, prev) => {
      if (s.selected !== prev.selected) schedule();
    }),
    useDecision.subscribe((s, prev) => {
      if (s.picks !== prev.picks) schedule();
    }),
  ];
  schedule();
  return () => {
    clearTimeout(timer);
    for (const stop of stops) stop();
  };
}

/** The simulation's results if they are for the inputs on screen (reports include them then). */
export function currentUncertainty(): UncertaintyResult | undefined {
  const s = useUncertainty.getState();
  return s.current && s.result !== null ? s.result : undefined;
}
