import { beforeEach, describe, expect, it } from 'vitest';
import { defaultScenarioFile } from '../../renderer/features/scenarios/default-scenario.ts';
import { updateWorkload, useWorkspace } from '../../renderer/stores/workspace-store.ts';

describe('workspace store: edits, undo and redo', () => {
  beforeEach(() => useWorkspace.getState().load(defaultScenarioFile(), null));

  it('undo and redo step through edits', () => {
    updateWorkload({ batchShare: 0.5 });
    updateWorkload({ peakToAverage: 2 });
    const s = useWorkspace.getState();
    expect(s.scenario.workload.batchShare).toBe(0.5);
    expect(s.dirty).toBe(true);
    s.undo();
    expect(useWorkspace.getState().scenario.workload.peakToAverage).toBe(3);
    useWorkspace.getState().undo();
    // Back to the new scenario's batch share: none.
    expect(useWorkspace.getState().scenario.workload.batchShare).toBe(0);
    useWorkspace.getState().redo();
    expect(useWorkspace.getState().scenario.workload.batchShare).toBe(0.5);
    // A new edit after undo drops the redo branch.
    updateWorkload({ responseCacheHitRate: 0.3 });
    expect(useWorkspace.getState().future).toEqual([]);
  });

  it('a slider drag is one undo step', () => {
    for (const v of [0.1, 0.2, 0.3, 0.4]) updateWorkload({ batchShare: v }, 'whatif:batch');
    expect(useWorkspace.getState().past).toHaveLength(1);
    useWorkspace.getState().undo();
    expect(useWorkspace.getState().scenario.workload.batchShare).toBe(0);
  });

  it('loading a scenario clears history and marks it clean', () => {
    updateWorkload({ batchShare: 0.5 });
    useWorkspace.getState().load(defaultScenarioFile('Other'), 'id-1');
    const s = useWorkspace.getState();
    expect(s.past).toEqual([]);
    expect(s.dirty).toBe(false);
    expect(s.savedId).toBe('id-1');
    s.markSaved('id-1', 'Renamed');
    expect(useWorkspace.getState().scenario.name).toBe('Renamed');
  });
});
