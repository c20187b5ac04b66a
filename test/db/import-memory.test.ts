import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('CSV import memory', () => {
  it('stays within 4× the file: rows are read, checked and written one at a time', () => {
    // A child process, so its peak resident set measures this import alone (not timed).
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench-import-memory.ts', '--mb', '8', '--json'],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(child.stderr).toBe('');
    const report = JSON.parse(child.stdout) as {
      fileBytes: number;
      rows: number;
      peakGrowthBytes: number;
    };
    expect(report.rows).toBeGreaterThan(50_000);
    // Before rows streamed, an 8 MB file took ~7.5 bytes of memory per byte (95 MB → heap abort).
    expect(report.peakGrowthBytes).toBeLessThanOrEqual(4 * report.fileBytes);
  });
});
