import { useEffect, useId, useRef, useState } from 'react';
import { useDialog } from './dialog-store.ts';

/** The app's question dialog: a message, an optional text to type, and its answers. */
export function Dialog() {
  const pending = useDialog((s) => s.pending);
  if (pending === null) return null;
  // Keyed by the question, so a new one starts with its own prefilled text.
  return <Question key={`${pending.title}:${pending.input?.value ?? ''}`} />;
}

function Question() {
  const pending = useDialog((s) => s.pending);
  const titleId = useId();
  const [text, setText] = useState(pending?.input?.value ?? '');
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The text to type if there is one (selected, to retype), else the primary answer.
    const input = root.current?.querySelector('input');
    if (input) {
      input.focus();
      input.select();
    } else root.current?.querySelector<HTMLElement>('.btn.primary, .btn')?.focus();
  }, []);
  if (pending === null) return null;
  const primary = pending.choices.find((c) => c.primary);
  const answer = (choice: string) => pending.resolve({ choice, text: text.trim() });
  const canAnswer = pending.input === undefined || text.trim() !== '';
  return (
    <div className="overlay" role="presentation">
      <div
        className="card dialog question"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="dialog"
        ref={root}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            pending.resolve(null);
          }
          if (
            e.key === 'Enter' &&
            primary &&
            canAnswer &&
            !(e.target instanceof HTMLButtonElement)
          ) {
            e.preventDefault();
            answer(primary.key);
          }
        }}
      >
        <div className="card-head">
          <span className="card-title" id={titleId}>
            {pending.title}
          </span>
        </div>
        <div className="card-body">
          {pending.message && (
            <p className="dialog-message" data-testid="dialog-message">
              {pending.message}
            </p>
          )}
          {pending.input && (
            <label className="dialog-input">
              <span className="muted">{pending.input.label}</span>
              <input
                className="plain"
                data-testid="dialog-input"
                value={text}
                maxLength={200}
                onChange={(e) => setText(e.target.value)}
              />
            </label>
          )}
        </div>
        <div className="card-head dialog-actions">
          <span className="spacer" />
          {pending.choices.map((c) => (
            <button
              key={c.key}
              type="button"
              className={`btn${c.primary ? ' primary' : ''}${c.danger ? ' danger' : ''}`}
              data-testid={`dialog-${c.key}`}
              disabled={!canAnswer && c.key !== 'cancel'}
              onClick={() => answer(c.key)}
            >
              {c.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
