import { useState } from 'react';
import { NumberField } from '../../components/NumberField.tsx';
import { useCatalog } from '../../stores/catalog-store.ts';
import { useUi } from '../../stores/ui-store.ts';
import { useWorkspace } from '../../stores/workspace-store.ts';
import { addCustomOffering } from './custom-offering.ts';
import { CANDIDATE_FIELDS as F } from './fields.ts';

/** Adds a negotiated or private API price to the scenario. */
export function CustomOfferingForm() {
  const models = useCatalog((s) => s.snapshot?.catalog.models ?? []);
  const [name, setName] = useState('');
  const [modelId, setModelId] = useState('llama-3.3-70b');
  const [input, setInput] = useState(0.6);
  const [output, setOutput] = useState(0.6);
  const [cacheRead, setCacheRead] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const result = addCustomOffering(
      useWorkspace.getState().scenario,
      {
        name,
        modelId,
        inputUsdPerMTok: input,
        outputUsdPerMTok: output,
        cacheReadUsdPerMTok: cacheRead,
        residency: 'global',
      },
      new Date().toISOString().slice(0, 10),
    );
    if (!result.ok) return setError(result.error);
    setError(null);
    useWorkspace.getState().update(() => result.scenario);
    useUi.getState().toast('success', `Added ${result.id} to the comparison`);
    setName('');
  };
  return (
    <div data-testid="custom-offering">
      <div className="field">
        <label htmlFor="custom-name">Name</label>
        <input
          id="custom-name"
          className="plain"
          value={name}
          placeholder="Negotiated Llama"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="custom-model">Model</label>
        <select
          id="custom-model"
          className="plain"
          value={modelId}
          onChange={(e) => setModelId(e.target.value)}
        >
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <NumberField field={F.inputUsdPerMTok} value={input} unit="$/1M" onCommit={setInput} />
      <NumberField field={F.outputUsdPerMTok} value={output} unit="$/1M" onCommit={setOutput} />
      <NumberField
        field={F.cacheReadUsdPerMTok}
        value={cacheRead}
        optional
        unit="$/1M"
        onCommit={setCacheRead}
      />
      {error && (
        <div className="reason" role="alert" style={{ marginBottom: 8 }}>
          {error}
        </div>
      )}
      <button type="button" className="btn" onClick={add} disabled={name.trim() === ''}>
        Add to comparison
      </button>
    </div>
  );
}
