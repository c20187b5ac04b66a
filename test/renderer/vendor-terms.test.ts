import { describe, expect, it } from 'vitest';
import { withVendorTerms } from '../../renderer/features/vendors/vendor-terms.ts';

describe('a scenario’s terms with a vendor, as the vendor table edits them', () => {
  it('sets, keeps the threshold, and clears', () => {
    const set = withVendorTerms([], 'a', { fraction: 0.15 });
    expect(set).toEqual([
      { provider: 'a', fraction: 0.15, aboveMonthlyUsd: 0, note: 'negotiated for this scenario' },
    ]);
    const above = withVendorTerms(set, 'a', { fraction: 0.15, aboveMonthlyUsd: 10_000 });
    expect(withVendorTerms(above, 'a', { fraction: 0.2 })[0]).toMatchObject({
      fraction: 0.2,
      aboveMonthlyUsd: 10_000,
    });
    expect(withVendorTerms(above, 'a', { fraction: undefined })).toEqual([]);
  });
});
