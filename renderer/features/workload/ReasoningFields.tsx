import { EFFORTS, EFFORT_LABELS, type Effort } from '../../../core/schema/reasoning.ts';
import type { Task, Workload } from '../../../core/schema/workload.ts';
import { CheckField, NumberField, SelectField } from '../../components/NumberField.tsx';
import { updateWorkload } from '../../stores/workspace-store.ts';
import { WORKLOAD_FIELDS as F, WORKLOAD_LABELS as L } from './fields.ts';

/**
 * The agent task a workload starts from when switched to tasks: the coding agent of
 * examples/agent.json (12 turns, 3,000 tool tokens a turn); the schema's defaults for the rest.
 */
const FIRST_TASK: Task = {
  turns: 12,
  toolTokensPerTurn: 3000,
  cachedShare: 1,
  keepLastTurns: 4,
  toolSecondsPerTurn: 0,
};

type Reasoning = NonNullable<Workload['reasoning']>;
const NO_REASONING: Reasoning = { perModel: [], includeUnknown: false };

/** Reasoning effort and your own reasoning tokens; unknown figures in or out. */
export function ReasoningSection({ w }: { w: Workload }) {
  const r = w.reasoning ?? NO_REASONING;
  const set = (patch: Partial<Reasoning>) => updateWorkload({ reasoning: { ...r, ...patch } });
  return (
    <section className="section" data-testid="reasoning-fields">
      <h3>Reasoning</h3>
      <SelectField<Effort | 'default'>
        label={L.effort.label}
        testId="reasoning-effort"
        value={r.effort ?? 'default'}
        options={[
          { value: 'default', label: 'Each model’s default' },
          ...EFFORTS.map((e) => ({ value: e, label: capitalized(EFFORT_LABELS[e]) })),
        ]}
        onChange={(e) => set({ effort: e === 'default' ? undefined : e })}
      />
      <NumberField
        field={F.reasoningTokens}
        testId="reasoning-tokens"
        value={r.tokensPerRequest}
        optional
        unit="tokens"
        hint="Empty: the catalog’s typical figure per level (measured on coding tasks)"
        onCommit={(tokensPerRequest) => set({ tokensPerRequest })}
      />
      <CheckField
        testId="reasoning-include-unknown"
        checked={r.includeUnknown}
        label="Include levels with no reasoning-token figure"
        hint="Counted at 0 and marked; otherwise excluded and counted"
        onChange={(includeUnknown) => set({ includeUnknown })}
      />
    </section>
  );
}

/** Requests or agent tasks, and the task's shape: turns, tool results, cache, context policy. */
export function TaskSection({ w }: { w: Workload }) {
  const task = w.task;
  const set = (patch: Partial<Task>) => task && updateWorkload({ task: { ...task, ...patch } });
  return (
    <section className="section" data-testid="task-fields">
      <h3>Agent task</h3>
      <SelectField<'requests' | 'tasks'>
        label="Workload counted in"
        testId="counted-in"
        value={task === undefined ? 'requests' : 'tasks'}
        options={[
          { value: 'requests', label: 'Requests (one model call each)' },
          { value: 'tasks', label: 'Agent tasks (many turns each)' },
        ]}
        onChange={(v) => updateWorkload({ task: v === 'tasks' ? FIRST_TASK : undefined })}
      />
      {task && (
        <>
          <div className="hint faint" style={{ marginBottom: 8, fontSize: '0.85em' }}>
            Requests count tasks; the prompt is the task’s opening prompt, the output each turn’s.
          </div>
          <NumberField
            field={F.turns}
            testId="task-turns"
            value={task.turns}
            unit="turns"
            onCommit={(turns) => set({ turns })}
          />
          <NumberField
            field={F.toolTokensPerTurn}
            testId="task-tool-tokens"
            value={task.toolTokensPerTurn}
            unit="tokens"
            onCommit={(toolTokensPerTurn) => set({ toolTokensPerTurn })}
          />
          <NumberField
            field={F.cachedShare}
            value={task.cachedShare}
            percent
            onCommit={(cachedShare) => set({ cachedShare })}
          />
          <NumberField
            field={F.contextLimitTokens}
            value={task.contextLimitTokens}
            optional
            min={w.inputTokens.mean}
            unit="tokens"
            hint="Empty: the context grows every turn"
            onCommit={(contextLimitTokens) => set({ contextLimitTokens })}
          />
          {task.contextLimitTokens !== undefined && (
            <NumberField
              field={F.keepLastTurns}
              value={task.keepLastTurns}
              unit="turns"
              onCommit={(keepLastTurns) => set({ keepLastTurns })}
            />
          )}
          <NumberField
            field={F.toolSecondsPerTurn}
            value={task.toolSecondsPerTurn}
            unit="s"
            onCommit={(toolSecondsPerTurn) => set({ toolSecondsPerTurn })}
          />
        </>
      )}
    </section>
  );
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
