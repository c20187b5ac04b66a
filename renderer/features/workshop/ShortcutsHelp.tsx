import { useEffect } from 'react';
import { SHORTCUTS, type Shortcut } from './shortcuts.ts';
import { useWorkshop } from './workshop-store.ts';

const GROUPS: Shortcut['group'][] = ['Workshop', 'View', 'Scenario', 'Export', 'Edit', 'Catalog'];
const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** One key as printed on a key cap: Ctrl (⌘ on a Mac), Shift, the key. */
function Keys({ spec }: { spec: string }) {
  const parts = spec.split('+').map((p) => (p === 'Mod' ? (MAC ? '⌘' : 'Ctrl') : p));
  return (
    <span className="keys">
      {parts.map((p, k) => (
        <kbd key={k}>{p}</kbd>
      ))}
    </span>
  );
}

/** Every shortcut, grouped; `?` opens it, `?` or Escape closes it. */
export function ShortcutsHelp() {
  const open = useWorkshop((s) => s.helpOpen);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' || e.key === '?') {
        e.preventDefault();
        useWorkshop.getState().toggleHelp(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  if (!open) return null;
  return (
    <div
      className="overlay"
      role="presentation"
      onClick={(e) => {
        if (e.target === e.currentTarget) useWorkshop.getState().toggleHelp(false);
      }}
    >
      <div
        className="card dialog shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-help"
      >
        <div className="card-head">
          <span className="card-title" id="shortcuts-title">
            Keyboard shortcuts
          </span>
          <span className="muted">Single keys work anywhere but in a text field</span>
          <span className="spacer" />
          <button
            type="button"
            className="btn"
            autoFocus
            onClick={() => useWorkshop.getState().toggleHelp(false)}
          >
            Close
          </button>
        </div>
        <div className="card-body dialog-body shortcut-groups">
          {GROUPS.map((g) => (
            <section key={g}>
              <h3>{g}</h3>
              <table className="list">
                <tbody>
                  {SHORTCUTS.filter((s) => s.group === g).map((s) => (
                    <tr key={s.command} data-command={s.command}>
                      <td>
                        {s.keys.map((k, i) => (
                          <span key={k}>
                            {i > 0 && <span className="muted"> or </span>}
                            <Keys spec={k} />
                          </span>
                        ))}
                      </td>
                      <td>{s.label}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
