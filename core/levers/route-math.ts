/**
 * The arithmetic of a route between a small and a large arm, kept apart from the evaluation so each
 * rule can be checked by hand. "Escalation share" is the share of requests the large arm answers:
 * a cascade's escalations, a router's complement of the small share.
 */

/** One way a request can go: the share of requests taking it and its latency. */
export interface LatencyPath {
  share: number;
  ms: number;
}

/** The mean of a latency over paths (shares sum to 1). */
export function mixtureMeanMs(paths: readonly LatencyPath[]): number {
  let sum = 0;
  for (const p of paths) sum += p.share * p.ms;
  return sum;
}

/**
 * A quantile of a latency over paths, each path a point at its latency: the smallest latency whose
 * paths at or below it hold at least the quantile's share. With two paths, a p95 is the fast
 * path's latency while at most 5 % of requests take the slow one, else the slow path's.
 */
export function mixtureQuantileMs(paths: readonly LatencyPath[], q: number): number {
  const sorted = paths.filter((p) => p.share > 0).sort((a, b) => a.ms - b.ms);
  let cumulative = 0;
  for (const p of sorted) {
    cumulative += p.share;
    // A tolerance: 1 − 0.05 must count as reaching 0.95.
    if (cumulative >= q - 1e-12) return p.ms;
  }
  return sorted.length === 0 ? 0 : (sorted[sorted.length - 1] as LatencyPath).ms;
}

/**
 * The escalation share at which a cascade costs what the large model alone does. Per request a
 * cascade pays small + share × large + router; alone the large costs large, so
 * share* = 1 − (small + router) ÷ large. Null when no share in 0–1 breaks even (the small arm and
 * the router alone cost more than the large model).
 */
export function cascadeBreakEvenShare(
  smallUsdPerRequest: number,
  largeUsdPerRequest: number,
  routerUsdPerRequest: number,
): number | null {
  if (largeUsdPerRequest <= 0) return null;
  const share = 1 - (smallUsdPerRequest + routerUsdPerRequest) / largeUsdPerRequest;
  return share >= 0 ? share : null;
}

/**
 * The large-arm share at which a router costs what the large model alone does. Per request a
 * router pays router + (1 − share) × small + share × large; equal to large when
 * share* = 1 − router ÷ (large − small). Null when the small arm is no cheaper, or the router
 * alone costs more than the difference.
 */
export function routerBreakEvenShare(
  smallUsdPerRequest: number,
  largeUsdPerRequest: number,
  routerUsdPerRequest: number,
): number | null {
  const gap = largeUsdPerRequest - smallUsdPerRequest;
  if (gap <= 0) return null;
  const share = 1 - routerUsdPerRequest / gap;
  return share >= 0 ? share : null;
}

/** Quality over the two paths; null unless both arms have a score. */
export function blendedQuality(
  small: number | null,
  large: number | null,
  escalationShare: number,
): number | null {
  if (small === null || large === null) return null;
  return (1 - escalationShare) * small + escalationShare * large;
}
