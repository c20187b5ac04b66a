import { useUi, type View } from '../stores/ui-store.ts';
import { useWorkspace } from '../stores/workspace-store.ts';
import { ExportMenu } from '../features/reports/ExportMenu.tsx';
import { runCommand } from './commands.ts';

const VIEWS: { key: View; label: string }[] = [
  { key: 'compare', label: 'Compare' },
  { key: 'portfolio', label: 'Portfolio' },
  { key: 'scenarios', label: 'Scenarios' },
  { key: 'catalog', label: 'Catalog' },
];

export function TopBar() {
  const name = useWorkspace((s) => s.scenario.name);
  const dirty = useWorkspace((s) => s.dirty);
  const canUndo = useWorkspace((s) => s.past.length > 0);
  const canRedo = useWorkspace((s) => s.future.length > 0);
  const view = useUi((s) => s.view);
  const theme = useUi((s) => s.theme);
  const largeText = useUi((s) => s.largeText);
  const presenter = useUi((s) => s.presenter);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />{' '}
        <span className="brand-name">Modelwise</span>
      </div>
      <input
        className="scenario-name"
        aria-label="Scenario name"
        data-testid="scenario-name"
        title={name}
        value={name}
        maxLength={200}
        onChange={(e) => {
          const next = e.target.value;
          if (next.trim() !== '')
            useWorkspace.getState().update((s) => ({ ...s, name: next }), 'name');
        }}
      />
      {dirty && <span className="dirty-dot" title="Unsaved changes" aria-label="Unsaved changes" />}
      <div className="btn-group">
        <button
          type="button"
          className="btn"
          onClick={() => runCommand('scenario:new')}
          title="New scenario (Ctrl+N)"
        >
          New
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => runCommand('scenario:open')}
          title="Open a scenario file (Ctrl+O)"
          data-testid="open-file"
        >
          Open…
        </button>
        <button
          type="button"
          className="btn primary"
          onClick={() => runCommand('scenario:save')}
          title="Save (Ctrl+S)"
          data-testid="save"
        >
          Save
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => runCommand('scenario:save-as')}
          title="Save as a new scenario; the one saved stays as it was (Ctrl+Shift+S)"
          data-testid="save-as"
        >
          Save as…
        </button>
        <ExportMenu />
        <button
          type="button"
          className="btn"
          disabled={!canUndo}
          onClick={() => useWorkspace.getState().undo()}
          title="Undo (Ctrl+Z)"
          data-testid="undo"
        >
          Undo
        </button>
        <button
          type="button"
          className="btn"
          disabled={!canRedo}
          onClick={() => useWorkspace.getState().redo()}
          title="Redo (Ctrl+Y)"
          data-testid="redo"
        >
          Redo
        </button>
      </div>
      <span className="spacer" />
      <nav className="tabs" role="tablist" aria-label="Views">
        {VIEWS.map((v) => (
          <button
            key={v.key}
            type="button"
            role="tab"
            className="tab"
            aria-selected={view === v.key}
            data-testid={`view-${v.key}`}
            onClick={() => useUi.getState().setView(v.key)}
          >
            {v.label}
          </button>
        ))}
      </nav>
      <div className="btn-group">
        <button
          type="button"
          className="btn"
          aria-pressed={presenter}
          data-testid="presenter"
          onClick={() => useUi.getState().togglePresenter()}
          title="Presenter mode: projector-sized type, inputs in a drawer (P)"
        >
          Present
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={largeText}
          data-testid="large-text"
          onClick={() => useUi.getState().toggleLargeText()}
          title="Larger text (A)"
        >
          A+
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => useUi.getState().toggleTheme()}
          data-testid="theme"
          title="Light / dark (T or Ctrl+Shift+D)"
        >
          {theme === 'dark' ? 'Light' : 'Dark'}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="shortcuts"
          aria-label="Keyboard shortcuts"
          onClick={() => runCommand('help:shortcuts')}
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </div>
    </header>
  );
}
