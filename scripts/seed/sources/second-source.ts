/**
 * The seed's second price source: genai-prices (pydantic/genai-prices prices/data.json) checked
 * against every offering LiteLLM gave, field by field, with the rule docs/catalog-sources.md
 * states. Every disagreement is kept for the cross-source report, with both values, both dates
 * and the value the seed took.
 */
import { fieldChanges } from '../../../core/catalog-import/diff.ts';
import { readGenaiPrices } from '../../../core/catalog-import/genai-prices-read.ts';
import {
  applyGenaiEntry,
  GENAI_NOT_TAKEN,
  genaiEntryFor,
  genaiKey,
  indexGenai,
  type GenaiIndex,
} from '../../../core/catalog-import/genai-prices.ts';
import { parseJsonSafely } from '../../../core/json-safe.ts';
import { Offering } from '../../../core/schema/catalog.ts';
import { CURATED_ON, SNAPSHOTS, referenceText } from './reference.ts';

/** One field on which the two sources disagree for one catalog row. */
export interface Disagreement {
  row: string;
  field: string;
  litellm: { value: unknown; asOf: string };
  genai: { value: unknown; asOf: string; entry: string };
  /** Which value the seed carries, and why. */
  taken: 'LiteLLM' | 'genai-prices';
  why: string;
}

/** Fields genai-prices states (the rest of a row is LiteLLM's or curated). */
const STATED = /^(usdPerMTok\.|longContext$|contextTokens$|validFrom$|validTo$|pricePeriods$)/;

/**
 * Rows whose genai-prices entry is wrong or is not the row's, with the reason: the seed keeps
 * LiteLLM's prices for them (the disagreement is still reported).
 */
const KEEP_LITELLM: { applies: (o: Offering) => boolean; why: string }[] = [
  {
    applies: (o) => o.modelId === 'gpt-4o' && o.id.endsWith('gpt-4o-2024-05-13'),
    why: "genai-prices prices the 2024-05-13 snapshot like gpt-4o ($2.50/$10); OpenAI's price list keeps gpt-4o-2024-05-13 at $5/$15",
  },
  {
    applies: (o) => o.provider === 'deepseek',
    why: "genai-prices' DeepSeek entries still hold the off-peak time-of-day prices that ended on 2025-09-05; DeepSeek's current price is LiteLLM's deepseek-chat/-reasoner entry (see the row's price history)",
  },
  {
    applies: (o) => o.provider === 'vertex' && o.modelId === 'claude-opus-4-6',
    why: "genai-prices' Google entry keeps the >200k tier and 200k window that its Anthropic entry ends on 2026-03-13; LiteLLM's flat 1M-context price agrees with Anthropic's",
  },
];

export interface SecondSource {
  rows: Offering[];
  disagreements: Disagreement[];
  /** Rows genai-prices priced (the seed took its prices). */
  priced: number;
  /** Rows an entry matched. */
  matched: number;
}

function genaiIndex(): GenaiIndex {
  const parsed = parseJsonSafely(referenceText(SNAPSHOTS.genai.file));
  if (!parsed.ok) throw new Error(`${SNAPSHOTS.genai.file}: ${parsed.error}`);
  const read = readGenaiPrices(parsed.value);
  if (!read.ok) throw new Error(`${SNAPSHOTS.genai.file}: ${read.error}`);
  return indexGenai(read.providers);
}

/**
 * The rule per field (docs/catalog-sources.md): genai-prices' prices, cache prices and dated
 * price periods where it prices the row (its snapshot is newer); batch, priority and the
 * long-context tiers it does not state keep their ratio to the standard price; LiteLLM's context
 * window, unless the row has a long-context tier at or past it and genai-prices gives a larger
 * window (the tier exists because the longer context does); everything else LiteLLM's.
 */
export function withSecondSource(rows: readonly Offering[]): SecondSource {
  const index = genaiIndex();
  const out: SecondSource = { rows: [], disagreements: [], priced: 0, matched: 0 };
  for (const row of rows) {
    const entry = genaiEntryFor(index, row);
    if (entry === undefined) {
      out.rows.push(row);
      continue;
    }
    out.matched++;
    const key = genaiKey(entry);
    const applied = Offering.parse(
      applyGenaiEntry(row, entry, {
        asOf: SNAPSHOTS.genai.asOf,
        pricesOn: CURATED_ON,
        source: SNAPSHOTS.genai.label,
      }),
    );
    const keep = KEEP_LITELLM.find((k) => k.applies(row))?.why;
    const window = applied.contextTokens;
    const merged: Offering =
      keep === undefined
        ? {
            ...applied,
            source: `${row.source}; prices: ${applied.source}`,
          }
        : { ...row, source: `${row.source}; ${GENAI_NOT_TAKEN}: ${key}` };
    if (keep === undefined) out.priced++;
    const genaiDate = applied.validFrom ?? SNAPSHOTS.genai.asOf;
    const changes = fieldChanges(row, applied);
    // genai-prices' window is reported even where the rule keeps LiteLLM's.
    if (
      entry.contextWindow !== undefined &&
      entry.contextWindow !== row.contextTokens &&
      !changes.some((c) => c.field === 'contextTokens')
    ) {
      changes.push({ field: 'contextTokens', old: row.contextTokens, new: entry.contextWindow });
    }
    for (const change of changes) {
      if (!STATED.test(change.field)) continue;
      const takenGenai =
        keep === undefined && (change.field !== 'contextTokens' || window !== row.contextTokens);
      out.disagreements.push({
        row: row.id,
        field: change.field,
        litellm: { value: change.old, asOf: row.asOf },
        genai: { value: change.new, asOf: genaiDate, entry: key },
        taken: takenGenai ? 'genai-prices' : 'LiteLLM',
        why:
          keep ??
          (change.field === 'contextTokens'
            ? takenGenai
              ? 'a long-context tier starts at the LiteLLM window: the larger window is the one the tier is for'
              : "LiteLLM's max_input_tokens is the prompt limit; genai-prices' context_window often counts output too"
            : 'genai-prices is the newer snapshot'),
      });
    }
    out.rows.push(Offering.parse(merged));
  }
  return out;
}
