/**
 * Output piped into a reader that closes early (`| head`) ends the program quietly: that is the
 * reader's choice, not an error, and must not print a stack trace.
 */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    process.stderr.write(`modelwise: cannot write the output (${error.message})\n`);
    process.exit(1);
  });
}
