import { useCallback, useEffect, useState } from 'react';
import type { DiscountRow } from '../../../core/contract/shapes.ts';
import { call } from '../../api/api.ts';
import { numberFieldRules } from '../../../core/schema/field-rules.ts';
import { Discount } from '../../../core/schema/catalog.ts';
import { NumberField } from '../../components/NumberField.tsx';
import { useCatalog } from '../../stores/catalog-store.ts';
import { attempt } from '../../stores/ui-store.ts';

const FRACTION = numberFieldRules(Discount, ['fraction']);

/** Negotiated discounts per provider or per offering; the comparison applies them at once. */
export function DiscountsPanel() {
  const providers = useCatalog((s) => s.snapshot?.catalog.providers ?? []);
  const [rows, setRows] = useState<DiscountRow[]>([]);
  const [target, setTarget] = useState<'provider' | 'offering'>('provider');
  const [id, setId] = useState('');
  const [fraction, setFraction] = useState(0.1);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    let live = true;
    void attempt(() => call('discounts:list', {})).then((list) => {
      if (live && list) setRows(list);
    });
    return () => {
      live = false;
    };
  }, [version]);
  const add = async () => {
    try {
      await call('discounts:set', {
        discount: {
          [target === 'provider' ? 'provider' : 'offeringId']: id.trim(),
          fraction,
          note,
        },
      });
      setError(null);
      setId('');
      refresh();
      await useCatalog.getState().load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async (discountId: number) => {
    if (
      (await attempt(() => call('discounts:remove', { id: discountId }), 'Discount removed')) !==
      undefined
    ) {
      refresh();
      await useCatalog.getState().load();
    }
  };
  return (
    <div className="card" data-testid="discounts">
      <div className="card-head">
        <span className="card-title">Negotiated discounts</span>
        <span className="muted">Applied to list prices after regional uplift</span>
      </div>
      <div className="card-body">
        <table className="list">
          <thead>
            <tr>
              <th>Applies to</th>
              <th className="num">Discount</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td>{d.provider ? `provider ${d.provider}` : `offering ${d.offeringId}`}</td>
                <td className="num">{(d.fraction * 100).toFixed(1)}%</td>
                <td className="muted">{d.note}</td>
                <td>
                  <button
                    type="button"
                    className="btn small danger"
                    onClick={() => void remove(d.id)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No discounts yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <div className="row" style={{ marginTop: 12, flexWrap: 'wrap' }}>
          <select
            className="plain"
            aria-label="Discount applies to"
            value={target}
            onChange={(e) => setTarget(e.target.value as 'provider' | 'offering')}
          >
            <option value="provider">Provider</option>
            <option value="offering">Offering</option>
          </select>
          {target === 'provider' ? (
            <select
              className="plain"
              aria-label="Provider"
              value={id}
              onChange={(e) => setId(e.target.value)}
            >
              <option value="">Choose…</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          ) : (
            <input
              className="plain"
              aria-label="Offering id"
              placeholder="anthropic/claude-sonnet-4-5"
              value={id}
              onChange={(e) => setId(e.target.value)}
            />
          )}
          <input
            className="plain"
            aria-label="Note"
            placeholder="Note (contract, term)"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div style={{ maxWidth: 300, marginTop: 8 }}>
          <NumberField field={FRACTION} value={fraction} percent onCommit={setFraction} />
        </div>
        {error && (
          <div className="reason" role="alert">
            {error}
          </div>
        )}
        <button
          type="button"
          className="btn primary"
          disabled={id.trim() === ''}
          onClick={() => void add()}
        >
          Add discount
        </button>
      </div>
    </div>
  );
}
