import { beforeEach, describe, expect, it } from 'vitest';
import { exporting } from '../../renderer/app/later-parts.ts';
import { useUi } from '../../renderer/stores/ui-store.ts';

describe('exporting: the export code loads on first use', () => {
  beforeEach(() => useUi.setState({ toasts: [] }));

  it('says so when the export code does not load, instead of doing nothing', async () => {
    let ran = false;
    await exporting(
      async () => {
        ran = true;
      },
      () => Promise.reject(new Error('Failed to fetch dynamically imported module')),
    );
    expect(ran).toBe(false);
    const toasts = useUi.getState().toasts;
    expect(toasts).toHaveLength(1);
    expect(toasts[0]?.kind).toBe('error');
    expect(toasts[0]?.text).toBe(
      'The export could not start: its code did not load (Failed to fetch dynamically imported module). Reload the window and try again.',
    );
  });

  it('runs the export with the loaded code, and adds no message of its own', async () => {
    const seen: string[] = [];
    const loaded = { marker: 'exports' } as unknown as Parameters<
      Parameters<typeof exporting>[0]
    >[0];
    await exporting(
      async (x) => {
        seen.push((x as unknown as { marker: string }).marker);
      },
      () => Promise.resolve(loaded),
    );
    expect(seen).toEqual(['exports']);
    expect(useUi.getState().toasts).toHaveLength(0);
  });
});
