/** A problem with what the user asked for: printed as one line, exit code 2. */
export class UsageError extends Error {}
