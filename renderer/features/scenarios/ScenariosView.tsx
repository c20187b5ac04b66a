import { useEffect, useState } from 'react';
import { workloadScenario } from '../../../core/portfolio/derive.ts';
import { call } from '../../api/api.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { attempt } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { openSaved, saveScenario, saveScenarioAs } from './scenario-actions.ts';
import { MAX_COMPARE, useScenarios } from './scenarios-store.ts';
import { scenarioColumn, type ScenarioColumn } from './side-by-side.ts';
import { SideBySideView } from './SideBySideView.tsx';
import { appEvaluationOptions } from '../../stores/results-store.ts';

/** Saved scenarios: open, rename, duplicate, delete, and compare two to four side by side. */
export function ScenariosView() {
  const { list, compare, refresh, toggleCompare } = useScenarios();
  const savedId = useWorkspace((s) => s.savedId);
  const catalog = useCatalog((s) => s.snapshot?.catalog);
  const [columns, setColumns] = useState<ScenarioColumn[]>([]);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    let live = true;
    if (catalog === undefined || compare.length < 2) return;
    void Promise.all(compare.map((id) => attempt(() => call('scenarios:get', { id })))).then(
      (stored) => {
        if (!live) return;
        const options = appEvaluationOptions(
          useCatalog.getState().snapshot ?? { staleAfterDays: 0 },
        );
        // A saved portfolio is compared by its first workload (the Portfolio view shows the rest).
        setColumns(
          stored.flatMap((s) => {
            const first = s?.scenario.workloads[0];
            return s && first
              ? [scenarioColumn(catalog, workloadScenario(s.scenario, first), options)]
              : [];
          }),
        );
      },
    );
    return () => {
      live = false;
    };
  }, [compare, catalog]);

  const rename = async () => {
    if (renaming === null) return;
    const done = await attempt(
      () => call('scenarios:rename', { id: renaming.id, name: renaming.name }),
      'Renamed',
    );
    if (done) {
      if (done.id === useWorkspace.getState().savedId)
        useWorkspace.getState().markRenamed(done.name);
      setRenaming(null);
      await refresh();
    }
  };
  const duplicate = async (id: string) => {
    if (await attempt(() => call('scenarios:duplicate', { id }), 'Duplicated')) await refresh();
  };
  const remove = async (id: string, name: string) => {
    if (!window.confirm(`Delete the scenario “${name}”?`)) return;
    if ((await attempt(() => call('scenarios:delete', { id }), `Deleted “${name}”`)) !== undefined)
      await refresh();
  };
  return (
    <div className="page" data-testid="scenarios-view">
      <div className="card">
        <div className="card-head">
          <span className="card-title">Saved scenarios</span>
          <span className="muted">Tick two to {MAX_COMPARE} to compare them side by side</span>
          <span className="spacer" />
          <button type="button" className="btn primary" onClick={() => void saveScenario()}>
            Save current
          </button>
          <button type="button" className="btn" onClick={() => void saveScenarioAs()}>
            Save as…
          </button>
        </div>
        {list.length === 0 ? (
          <div className="empty">No saved scenarios yet. Save the current one to keep it.</div>
        ) : (
          <table className="list" data-testid="scenario-list">
            <thead>
              <tr>
                <th>Compare</th>
                <th>Name</th>
                <th>Updated</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((s) => (
                <tr key={s.id} data-scenario-id={s.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Compare ${s.name}`}
                      checked={compare.includes(s.id)}
                      onChange={() => toggleCompare(s.id)}
                    />
                  </td>
                  <td>
                    {renaming?.id === s.id ? (
                      <span className="row">
                        <input
                          className="plain"
                          autoFocus
                          value={renaming.name}
                          aria-label="New name"
                          onChange={(e) => setRenaming({ id: s.id, name: e.target.value })}
                          onKeyDown={(e) => e.key === 'Enter' && void rename()}
                        />
                        <button type="button" className="btn small" onClick={() => void rename()}>
                          Rename
                        </button>
                      </span>
                    ) : (
                      <strong>{s.name}</strong>
                    )}
                    {s.id === savedId && (
                      <span className="badge user" style={{ marginLeft: 8 }}>
                        open
                      </span>
                    )}
                  </td>
                  <td className="muted">{new Date(s.updatedAt).toLocaleString()}</td>
                  <td>
                    <div className="btn-group">
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => void openSaved(s.id)}
                      >
                        Open
                      </button>
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => setRenaming({ id: s.id, name: s.name })}
                      >
                        Rename
                      </button>
                      <button
                        type="button"
                        className="btn small"
                        onClick={() => void duplicate(s.id)}
                      >
                        Duplicate
                      </button>
                      <button
                        type="button"
                        className="btn small danger"
                        onClick={() => void remove(s.id, s.name)}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {compare.length >= 2 && columns.length >= 2 && <SideBySideView columns={columns} />}
    </div>
  );
}
