import { useMemo, useState } from 'react';
import { numberFieldRules } from '../../../core/schema/field-rules.ts';
import {
  PROVISIONED_TERMS,
  ProvisionedChoice,
  type ProvisionedTerm,
} from '../../../core/schema/procurement.ts';
import { NumberField, SelectField } from '../../components/NumberField.tsx';
import { useCatalog } from '../../stores/catalog-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { addProvisionedQuote } from './provisioned-quote.ts';

const PRICE = numberFieldRules(ProvisionedChoice, ['usdPerUnitHour']);
const CAPACITY = numberFieldRules(ProvisionedChoice, ['inputTokensPerMinutePerUnit']);
const UNITS = numberFieldRules(ProvisionedChoice, ['units']);

/**
 * Provisioned throughput at your own figures: a vendor's quote where none is published (Amazon
 * Bedrock's model units), added as a candidate whose figures the app marks as yours.
 */
export function ProvisionedQuoteForm() {
  const offerings = useCatalog((s) => s.snapshot?.catalog.offerings);
  const providers = useMemo(
    () => [...new Set((offerings ?? []).map((o) => o.provider))].sort(),
    [offerings],
  );
  const [provider, setProvider] = useState('bedrock');
  const choices = useMemo(
    () => (offerings ?? []).filter((o) => o.provider === provider).map((o) => o.id),
    [offerings, provider],
  );
  const [offeringId, setOfferingId] = useState<string>('');
  const [term, setTerm] = useState<ProvisionedTerm>('1-month');
  const [price, setPrice] = useState<number | undefined>(undefined);
  const [capacity, setCapacity] = useState<number | undefined>(undefined);
  const [units, setUnits] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const chosen = choices.includes(offeringId) ? offeringId : (choices[0] ?? '');
  const add = () => {
    if (price === undefined || capacity === undefined) return;
    const result = addProvisionedQuote(useWorkspace.getState().scenario, {
      offeringId: chosen,
      term,
      usdPerUnitHour: price,
      inputTokensPerMinutePerUnit: capacity,
      units,
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    useWorkspace.getState().update(() => result.scenario);
    useUi.getState().toast('success', `Added ${chosen} on provisioned ${term} at your figures`);
  };
  return (
    <div data-testid="provisioned-quote">
      <p className="hint">
        Amazon Bedrock publishes no throughput per model unit and no current prices: enter your
        quote. The comparison marks these figures as yours.
      </p>
      <SelectField
        label="Provider"
        value={provider}
        options={providers.map((p) => ({ value: p, label: p }))}
        onChange={setProvider}
      />
      <SelectField
        label="Offering"
        testId="quote-offering"
        value={chosen}
        options={choices.map((id) => ({ value: id, label: id }))}
        onChange={setOfferingId}
      />
      <SelectField<ProvisionedTerm>
        label="Term"
        value={term}
        options={PROVISIONED_TERMS.map((t) => ({ value: t, label: t }))}
        onChange={setTerm}
      />
      <NumberField field={PRICE} value={price} optional unit="$/unit-h" onCommit={setPrice} />
      <NumberField
        field={CAPACITY}
        value={capacity}
        optional
        unit="tok/min"
        onCommit={setCapacity}
      />
      <NumberField field={UNITS} value={units} optional unit="units" onCommit={setUnits} />
      {error && (
        <div className="reason" role="alert" style={{ marginBottom: 8 }}>
          {error}
        </div>
      )}
      <button
        type="button"
        className="btn"
        onClick={add}
        disabled={chosen === '' || price === undefined || capacity === undefined}
      >
        Add to comparison
      </button>
    </div>
  );
}
