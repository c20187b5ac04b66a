/** A problem with what the user asked for: printed as one line, exit code 2. */
export class UsageError extends Error {}

/**
 * A command whose report is its output but whose outcome is a failure (a catalog check with
 * errors): the report goes to stdout, the exit code is 1.
 */
export class FailedReport extends Error {
  constructor(readonly report: string) {
    super('the report lists failures');
  }
}
