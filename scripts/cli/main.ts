/**
 * The headless CLI: `modelwise <command> …` (or `npm run -s cli -- <command> …`).
 * Every failure prints one line naming the problem and exits non-zero; never a stack trace.
 */
import { UsageError } from './errors.ts';
import { run } from './run.ts';

function main(): void {
  // Output piped into `head` closes early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`modelwise: cannot write the output (${error.message})\n`);
    process.exit(1);
  });
  try {
    process.stdout.write(`${run(process.argv.slice(2))}\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`modelwise: ${message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

main();
