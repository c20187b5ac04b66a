/**
 * Outputs too large for one call or one string (found by fuzzing: a sweep of every region).
 */
import { describe, expect, it } from 'vitest';
import type { CatalogRowView } from '../../core/contract/shapes.ts';
import { catalogText } from '../../scripts/cli/catalog-table.ts';
import { jsonText } from '../../scripts/cli/cost.ts';
import { UsageError } from '../../scripts/cli/errors.ts';

describe('cost --format json past the longest string JavaScript holds', () => {
  it('is refused by name with what to narrow, not "Invalid string length"', () => {
    // chatbot-tco.json without regionChoice "cheapest" ranks 163,440 candidates: over 500 MB of
    // JSON. JSON.stringify throws the same RangeError V8 raises at its string limit.
    const tooLong = {
      toJSON: () => {
        throw new RangeError('Invalid string length');
      },
    };
    const call = () => jsonText('big.json', 163_440, { candidates: [tooLong] });
    expect(call).toThrow(UsageError);
    expect(call).toThrow(
      'big.json: 163,440 candidates are too many to print as JSON; narrow the sweep (sweep.cloud.regionChoice "cheapest", fewer sweep.cloud.pricing terms, models or GPUs) or use --format csv',
    );
    expect(jsonText('small.json', 1, { a: 1 })).toBe('{\n "a": 1\n}');
  });
});

describe('catalog list of a very large table', () => {
  it('aligns 200,000 rows (Math.max over every row overflowed the call stack)', () => {
    const views: CatalogRowView[] = Array.from({ length: 200_000 }, (_, i) => ({
      table: 'providers',
      key: `p${i}`,
      row: { id: `p${i}`, name: 'P', kind: 'api', asOf: '2026-11-01' },
      origin: 'import',
      modified: false,
      stale: false,
      source: 's',
      asOf: '2026-11-01',
      updatedAt: '2026-11-01T00:00:00.000Z',
    }));
    const lines = catalogText('providers', views).split('\n');
    expect(lines).toHaveLength(200_001);
    // The id column is as wide as 'p199999' (7 characters) plus two spaces before the next.
    expect(lines[1]!.startsWith('p0       ')).toBe(true);
  });
});
