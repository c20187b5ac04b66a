/**
 * The headless CLI: `modelwise <command> …` (or `npm run -s cli -- <command> …`).
 * Every failure prints one line naming the problem and exits non-zero; never a stack trace.
 */
import { exitQuietlyOnClosedPipe } from './closed-pipe.ts';
import { FailedReport, UsageError } from './errors.ts';
import { runAsync } from './run.ts';

async function main(): Promise<void> {
  exitQuietlyOnClosedPipe();
  try {
    process.stdout.write(`${await runAsync(process.argv.slice(2))}\n`);
  } catch (error) {
    if (error instanceof FailedReport) {
      process.stdout.write(`${error.report}\n`);
      process.exitCode = 1;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`modelwise: ${message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

void main();
