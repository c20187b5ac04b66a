import { useDeferredValue, useMemo, useState } from 'react';
import { formatUsd } from '../../../core/format.ts';
import { describeTerms } from '../../../core/pricing/negotiated.ts';
import { vendorView, type VendorRow } from '../../../core/procurement/vendors.ts';
import { vendorOptionText } from '../../../core/report/procurement-report.ts';
import { ScenarioDiscount } from '../../../core/schema/catalog.ts';
import { numberFieldRules } from '../../../core/schema/field-rules.ts';
import { NumberField } from '../../components/NumberField.tsx';
import { WholeWords } from '../../components/WholeWords.tsx';
import { useResults } from '../../stores/results-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { scenarioTermsFor, withVendorTerms } from './vendor-terms.ts';

const FRACTION = numberFieldRules(ScenarioDiscount, ['fraction']);
const ABOVE = numberFieldRules(ScenarioDiscount, ['aboveMonthlyUsd']);

/**
 * The procurement view: one row per vendor with its best offering, its horizon cost at list and
 * negotiated, this scenario's terms with it (editable here), the commitments it sells for that
 * offering with their break-even, and the lock-in; the recommended plan's concentration below.
 * Built when opened, after the table has updated (it evaluates a few candidates per vendor).
 */
export function VendorTable() {
  const [open, setOpen] = useState(false);
  const evaluation = useDeferredValue(useResults((s) => s.evaluation));
  const horizon = useWorkspace((s) => s.scenario.value.horizonMonths);
  const view = useMemo(
    () =>
      open && evaluation?.ok
        ? vendorView(evaluation.context, evaluation.result, evaluation.placements)
        : null,
    [open, evaluation],
  );
  return (
    <div className="card" data-testid="vendors">
      <div className="card-head">
        <button
          type="button"
          className="btn"
          aria-expanded={open}
          data-testid="vendors-toggle"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? '▾' : '▸'} Vendors
        </button>
        <span className="muted">
          Best offering per vendor, list vs negotiated, commitments and lock-in
        </span>
      </div>
      {view !== null && (
        <div className="card-body vendor-body">
          <table className="list vendor-table">
            <thead>
              <tr>
                <th>Vendor and its best offering</th>
                <th className="num">{horizon}-month cost at list</th>
                <th className="num">Negotiated</th>
                <th>Terms</th>
                <th className="vendor-text">Commitment options</th>
                <th className="vendor-text">Lock-in</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((v) => (
                <VendorLine key={v.vendor} v={v} />
              ))}
            </tbody>
          </table>
          {view.concentration && (
            <p className="concentration" data-testid="vendor-concentration">
              {view.concentration.summary}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function VendorLine({ v }: { v: VendorRow }) {
  const discounts = useWorkspace((s) => s.scenario.discounts);
  const own = scenarioTermsFor(discounts, v.vendor);
  const select = () => useUi.getState().toggleSelected(v.best.id);
  const setTerms = (fraction: number | undefined, aboveMonthlyUsd?: number) =>
    useWorkspace.getState().update((s) => ({
      ...s,
      discounts: withVendorTerms(s.discounts, v.vendor, { fraction, aboveMonthlyUsd }),
    }));
  return (
    <tr data-testid={`vendor-${v.vendor}`} data-vendor={v.vendor}>
      {/* The vendor and its best offering share a column, so the table fits a laptop's card. */}
      <td>
        <div className="strong">{v.vendorName}</div>
        <button type="button" className="link" onClick={select} title="Show in the charts">
          {v.best.rank === null ? '' : `#${v.best.rank} `}
          <WholeWords text={v.best.label} />
        </button>
        {!v.best.feasible && <div className="reason">{v.best.reasons[0]}</div>}
        <div className="faint">
          {v.feasible} of {v.candidates} feasible
        </div>
      </td>
      <td className="num" data-column="listTcoUsd">
        {formatUsd(v.listTcoUsd)}
      </td>
      <td className="num" data-column="negotiatedTcoUsd">
        {formatUsd(v.negotiatedTcoUsd)}
      </td>
      <td className="vendor-terms">
        <div data-testid={`vendor-terms-${v.vendor}`}>
          {v.terms === null ? 'list prices' : describeTerms(v.terms)}
        </div>
        {v.vendor !== 'onprem' && (
          <div className="vendor-inputs">
            <NumberField
              field={FRACTION}
              value={own?.fraction}
              optional
              percent
              testId={`vendor-discount-${v.vendor}`}
              hint={own ? undefined : 'this scenario only'}
              onCommit={(fraction) => setTerms(fraction)}
            />
            {own && (
              <NumberField
                field={ABOVE}
                value={own.aboveMonthlyUsd}
                unit="$/month"
                testId={`vendor-above-${v.vendor}`}
                onCommit={(above) => setTerms(own.fraction, above)}
              />
            )}
          </div>
        )}
      </td>
      <td className="vendor-text" data-testid={`vendor-commitments-${v.vendor}`}>
        {v.commitments.length === 0 && <span className="muted">{v.commitmentNote ?? '—'}</span>}
        {v.commitments.map((o) => (
          <div key={o.id} className="vendor-option">
            {vendorOptionText(o)}
          </div>
        ))}
      </td>
      <td className="vendor-text" data-testid={`vendor-lockin-${v.vendor}`}>
        {v.lockIn.summary}
      </td>
    </tr>
  );
}
