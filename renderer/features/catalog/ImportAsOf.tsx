import { useState } from 'react';
import { IsoDate } from '../../../core/schema/common.ts';
import { reviewImportAsOf } from '../scenarios/scenario-actions.ts';
import { useImportReview, type PendingImport } from './import-review-store.ts';

/** What the review says of each format whose rows take the file's day (FILE_DATED_FORMATS). */
const NOTES: Partial<Record<PendingImport['format'], string>> = {
  litellm: 'LiteLLM’s price file states no date: every row it writes is dated this day.',
  'genai-prices':
    'genai-prices dates its price changes; this is the day its current prices were read.',
};

/**
 * The day an undated price file's prices were current. It defaults to the day the file was last
 * modified, so an old file does not pass for today's prices; changing it works the review out
 * again. CSV and catalog files date every row themselves: no field. Keyed by the file it
 * reviews (see ImportReview), so each import starts from its own default.
 */
export function ImportAsOf({ pending }: { pending: PendingImport }) {
  const refreshing = useImportReview((s) => s.refreshing);
  const dateError = useImportReview((s) => s.dateError);
  const [draft, setDraft] = useState(pending.asOf ?? '');
  if (pending.asOf === undefined) return null;
  const note = NOTES[pending.format] ?? 'Every row this file writes is dated this day.';
  const today = new Date().toISOString().slice(0, 10);
  const onChange = (value: string) => {
    setDraft(value);
    if (!IsoDate.safeParse(value).success) {
      useImportReview.getState().setDateError('Prices as of: enter a date like 2026-07-24');
      return;
    }
    void reviewImportAsOf(value);
  };
  return (
    <section aria-label="Prices as of" className="field import-as-of">
      <label htmlFor="import-as-of">Prices as of</label>
      <input
        id="import-as-of"
        type="date"
        value={draft}
        max={today}
        required
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={dateError !== null}
        aria-describedby="import-as-of-note"
        data-testid="import-as-of"
      />
      <p className="hint" id="import-as-of-note">
        {note}{' '}
        {pending.modifiedOn === undefined
          ? 'The file’s last-modified day is unknown, so it starts at today.'
          : `The file was last modified on ${pending.modifiedOn}.`}
        {refreshing ? ' Updating the review…' : ''}
      </p>
      {dateError !== null && (
        <p className="error" role="alert" data-testid="import-as-of-error">
          {dateError}
        </p>
      )}
    </section>
  );
}
