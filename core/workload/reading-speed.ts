import type { Workload } from '../schema/workload.ts';

/**
 * How fast people read, in tokens a second: 238 words a minute, the mean silent reading rate of
 * English non-fiction in Brysbaert's meta-analysis of 190 studies (2019, Journal of Memory and
 * Language 109, 104047), at 0.75 words a token (OpenAI's rule of thumb for English text).
 */
export const READING_TOKENS_PER_S = 238 / 60 / 0.75;

/**
 * A self-hosted replica is sized to carry as many requests as its latency SLO allows. With only a
 * TTFT SLO nothing bounds the time per token, and the cheapest layout may stream answers slower
 * than anyone reads them: said on the row, with what would fix it. Null when a TPOT or end-to-end
 * SLO bounds the stream, when answers are a token long, or when it streams faster than reading.
 */
export function slowStreamWarning(w: Workload, tpotMs: number): string | null {
  if (w.slo.tpotMs !== undefined || w.slo.e2eMs !== undefined) return null;
  if (w.outputTokens.mean <= 1 || !(tpotMs > 0)) return null;
  const tokensPerS = 1000 / tpotMs;
  if (tokensPerS >= READING_TOKENS_PER_S) return null;
  return `streams ${tokensPerS.toFixed(1)} tokens/s at the load it is sized for, slower than people read (about ${READING_TOKENS_PER_S.toFixed(1)}): set a time-per-token SLO to size for faster answers`;
}
