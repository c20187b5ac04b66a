/** Today as an ISO day (UTC): the as-of date the CLI prices a scenario at unless told otherwise. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
