import { useId, useState } from 'react';
import type { ScenarioFile } from '../../../core/schema/scenario.ts';
import { CheckField, SelectField } from '../../components/NumberField.tsx';
import { useUi } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { nextWorkloadId } from './portfolio-model.ts';

type FileWorkload = ScenarioFile['workloads'][number];

/** A text input that commits on blur or Enter; a blank (when `required`) is refused in place. */
function TextInput(props: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  testId: string;
  required?: boolean;
  maxLength: number;
  hint?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? props.value;
  const error = props.required && text.trim() === '' ? `${props.label} must not be empty` : null;
  const commit = () => {
    if (draft === null) return;
    if (error === null && draft.trim() !== props.value) props.onCommit(draft.trim());
    if (error === null) setDraft(null);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="text-input"
        data-testid={props.testId}
        value={text}
        maxLength={props.maxLength}
        aria-invalid={error !== null}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      {props.hint && !error && <div className="hint">{props.hint}</div>}
    </div>
  );
}

/** Edits the active workload's portfolio entry (name, owner, tags, idle shutdown). */
function editActive(patch: Partial<FileWorkload>): void {
  const { activeId } = useWorkspace.getState();
  useWorkspace.getState().updateFile((f) => ({
    ...f,
    workloads: f.workloads.map((w) => (w.id === activeId ? { ...w, ...patch } : w)),
  }));
}

/** Adds a workload: a copy of the active one's shape, its own id and name, the same owner. */
export function addWorkload(): void {
  const ws = useWorkspace.getState();
  ws.updateFile(
    (f) => {
      const active = f.workloads.find((w) => w.id === ws.activeId) ?? f.workloads[0]!;
      const id = nextWorkloadId(f.workloads.map((w) => w.id));
      const name = `Workload ${f.workloads.length + 1}`;
      return { ...f, workloads: [...f.workloads, { ...active, id, name, tags: [] }] };
    },
    nextWorkloadId(ws.file.workloads.map((w) => w.id)),
  );
}

function removeActive(): void {
  const { file, activeId } = useWorkspace.getState();
  const w = file.workloads.find((x) => x.id === activeId);
  if (file.workloads.length < 2 || w === undefined) return;
  if (!window.confirm(`Remove the workload “${w.name}” from the scenario?`)) return;
  const rest = file.workloads.filter((x) => x.id !== activeId);
  useWorkspace.getState().updateFile(
    (f) => ({
      ...f,
      workloads: f.workloads.filter((x) => x.id !== activeId),
      budgets: f.budgets.filter((b) => b.workloadId !== activeId),
    }),
    rest[0]!.id,
  );
}

/**
 * The workloads of the scenario: which one every panel edits, and its name, owner and tags. A
 * scenario of one workload shows it too, with the button that adds a second.
 */
export function WorkloadSwitcher() {
  const workloads = useWorkspace((s) => s.file.workloads);
  const activeId = useWorkspace((s) => s.activeId);
  const active = workloads.find((w) => w.id === activeId) ?? workloads[0]!;
  return (
    <section className="section workload-switcher" data-testid="workload-switcher">
      <div className="switcher-row">
        <SelectField
          label="Workload"
          testId="active-workload"
          value={active.id}
          options={workloads.map((w) => ({
            value: w.id,
            label: w.owner === '' ? w.name : `${w.name} · ${w.owner}`,
          }))}
          onChange={(id) => useWorkspace.getState().activate(id)}
        />
      </div>
      <div className="btn-group">
        <button
          type="button"
          className="btn small"
          data-testid="add-workload"
          onClick={addWorkload}
        >
          + Add workload
        </button>
        <button
          type="button"
          className="btn small"
          disabled={workloads.length < 2}
          onClick={removeActive}
        >
          Remove
        </button>
        <button
          type="button"
          className="btn small"
          data-testid="open-portfolio"
          onClick={() => useUi.getState().setView('portfolio')}
        >
          Portfolio →
        </button>
      </div>
      <TextInput
        label="Name"
        testId="workload-name"
        required
        maxLength={200}
        value={active.name}
        onCommit={(name) => editActive({ name })}
      />
      <TextInput
        label="Owner (team)"
        testId="workload-owner"
        maxLength={100}
        value={active.owner}
        onCommit={(owner) => editActive({ owner })}
      />
      <TextInput
        label="Tags"
        testId="workload-tags"
        maxLength={400}
        hint="Comma-separated: product, use case, environment."
        value={active.tags.join(', ')}
        onCommit={(text) =>
          editActive({
            tags: [
              ...new Set(
                text
                  .split(',')
                  .map((t) => t.trim())
                  .filter((t) => t !== ''),
              ),
            ]
              .map((t) => t.slice(0, 60))
              .slice(0, 20),
          })
        }
      />
      <CheckField
        label="Idle shutdown (rented GPUs only in the active hours)"
        testId="idle-shutdown"
        checked={active.idleShutdown}
        onChange={(idleShutdown) => editActive({ idleShutdown })}
      />
    </section>
  );
}
