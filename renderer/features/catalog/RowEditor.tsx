import { useState } from 'react';
import type { CatalogTable } from '../../../core/contract/shapes.ts';
import { call } from '../../api/api.ts';
import { useCatalog } from '../../stores/catalog-store.ts';
import { attempt } from '../../stores/ui-store.ts';
import { flattenRow, unflattenRow, type FormField } from './row-form.ts';

/** Edits one catalog row: every field, validated by the main process, errors naming the field. */
export function RowEditor(props: {
  table: CatalogTable;
  rowKey: string | null;
  row: Record<string, unknown>;
  onDone: () => void;
}) {
  // The parent keys the editor by row, so a new row mounts a fresh form.
  const [fields, setFields] = useState<FormField[]>(() => orderFields(flattenRow(props.row)));
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const built = unflattenRow(fields);
    if (!built.ok) return setError(built.error);
    try {
      await call('catalog:upsert', { table: props.table, row: built.row });
      setError(null);
      await useCatalog.getState().load();
      props.onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async () => {
    if (props.rowKey === null || !window.confirm(`Delete ${props.rowKey}?`)) return;
    if (
      (await attempt(
        () => call('catalog:remove', { table: props.table, key: props.rowKey as string }),
        `Deleted ${props.rowKey}`,
      )) !== undefined
    ) {
      await useCatalog.getState().load();
      props.onDone();
    }
  };
  return (
    <div className="card editor" data-testid="row-editor">
      <div className="card-head">
        <span className="card-title">{props.rowKey ?? 'New row'}</span>
        <span className="spacer" />
        <button type="button" className="btn small" onClick={props.onDone}>
          Close
        </button>
      </div>
      <div className="card-body" style={{ maxHeight: 560, overflow: 'auto' }}>
        {fields.map((f, k) => (
          <div className="field" key={f.path}>
            <label htmlFor={`edit-${k}`} className="mono" title={f.path}>
              {f.path}
            </label>
            {f.kind === 'json' ? (
              <textarea
                id={`edit-${k}`}
                value={f.text}
                onChange={(e) =>
                  setFields(fields.map((x, j) => (j === k ? { ...x, text: e.target.value } : x)))
                }
              />
            ) : (
              <input
                id={`edit-${k}`}
                className="plain"
                value={f.text}
                onChange={(e) =>
                  setFields(fields.map((x, j) => (j === k ? { ...x, text: e.target.value } : x)))
                }
              />
            )}
          </div>
        ))}
        {error && (
          <div
            className="reason"
            role="alert"
            data-testid="editor-error"
            style={{ marginBottom: 8 }}
          >
            {error}
          </div>
        )}
        <div className="btn-group">
          <button type="button" className="btn primary" onClick={() => void save()}>
            Save row
          </button>
          {props.rowKey !== null && (
            <button type="button" className="btn danger" onClick={() => void remove()}>
              Delete
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

/** Identity first, provenance last, everything else as the row has it. */
function orderFields(fields: FormField[]): FormField[] {
  const rank = (f: FormField) =>
    f.path === 'id' ? 0 : f.path === 'source' || f.path === 'asOf' ? 2 : 1;
  return [...fields].sort((a, b) => rank(a) - rank(b));
}
