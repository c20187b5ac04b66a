/**
 * Why a candidate is out of the answer, as a category a person can count: "2,317 over the TTFT
 * SLO; 801 with no quality score". Every reason the engine writes falls in one category (a test
 * sweeps the catalog and checks that none is left as `other`).
 */
export const EXCLUSION_CODES = [
  'residency',
  'region',
  'quality-below',
  'quality-unknown',
  'slo-ttft',
  'slo-tpot',
  'slo-e2e',
  'latency-unknown',
  'reasoning-unknown',
  'context',
  'no-fit',
  'layout',
  'no-open-weights',
  'no-price',
  'budget',
  'other',
] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

/** How a count of each category reads ("801 with no quality score"). */
export const EXCLUSION_LABELS: Record<ExclusionCode, string> = {
  residency: 'outside the allowed residency',
  region: 'outside the allowed regions',
  'quality-below': 'below the minimum quality',
  'quality-unknown': 'with no quality score',
  'slo-ttft': 'over the TTFT SLO',
  'slo-tpot': 'over the TPOT SLO',
  'slo-e2e': 'over the end-to-end SLO',
  'latency-unknown': 'with unknown latency',
  'reasoning-unknown': 'with unknown reasoning tokens',
  context: 'past the context window',
  'no-fit': 'not fitting in GPU memory',
  layout: 'with no tensor-parallel layout',
  'no-open-weights': 'with no open weights to self-host',
  'no-price': 'with a price missing',
  budget: 'over the budget',
  other: 'for other reasons',
};

/** The texts' opening words, as the engine writes them, in the order they are tried. */
const PATTERNS: readonly [RegExp, ExclusionCode][] = [
  [/^outside residency/, 'residency'],
  [/^outside the allowed regions/, 'region'],
  [/below the minimum/, 'quality-below'],
  [/score to check the minimum quality/, 'quality-unknown'],
  [/misses the TTFT SLO/, 'slo-ttft'],
  [/misses the TPOT SLO/, 'slo-tpot'],
  [/misses the end-to-end SLO/, 'slo-e2e'],
  [/^latency unknown/, 'latency-unknown'],
  [/^reasoning tokens unknown/, 'reasoning-unknown'],
  [/context window/, 'context'],
  [/does not fit$|of KV cache; .* is free after weights$/, 'no-fit'],
  [/^tp \d+ |tensor-parallel layout|^no feasible layout/, 'layout'],
  [/has no open weights/, 'no-open-weights'],
  [/^no .*price|^no TDP/, 'no-price'],
  [/^over budget/, 'budget'],
];

const known = new Map<string, ExclusionCode>();

/** The category of one reason text (cached: sweeps share a few hundred distinct texts). */
export function exclusionCode(reason: string): ExclusionCode {
  let code = known.get(reason);
  if (code === undefined) {
    code = PATTERNS.find(([re]) => re.test(reason))?.[1] ?? 'other';
    if (known.size < 10_000) known.set(reason, code);
  }
  return code;
}

export interface ExclusionCount {
  code: ExclusionCode;
  label: string;
  count: number;
}

const isUnknown = (code: ExclusionCode) =>
  code === 'quality-unknown' || code === 'latency-unknown' || code === 'reasoning-unknown';

/**
 * The category a candidate is counted under: its first definite reason (a known miss), else its
 * first unknown — so "with no quality score" counts only candidates that nothing else rules out.
 */
export function primaryExclusion(reasons: readonly string[]): ExclusionCode | null {
  let unknown: ExclusionCode | null = null;
  for (const r of reasons) {
    const code = exclusionCode(r);
    if (!isUnknown(code)) return code;
    unknown ??= code;
  }
  return unknown;
}

/**
 * Infeasible candidates counted by their primary reason, so the counts and the feasible count add
 * up to every candidate evaluated. Largest first.
 */
export function countExclusions(reasonLists: Iterable<readonly string[]>): ExclusionCount[] {
  const counts = new Map<ExclusionCode, number>();
  for (const reasons of reasonLists) {
    const code = primaryExclusion(reasons);
    if (code === null) continue;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts]
    .map(([code, count]) => ({ code, label: EXCLUSION_LABELS[code], count }))
    .sort(
      (a, b) =>
        b.count - a.count || EXCLUSION_CODES.indexOf(a.code) - EXCLUSION_CODES.indexOf(b.code),
    );
}

/**
 * Which unknowns keep a candidate out when nothing definite does (no quality score, no latency
 * figure): the ones "include unknown" would bring back. Null when a known miss rules it out, or
 * when nothing does.
 */
export function onlyUnknowns(
  reasons: readonly string[],
): { quality: boolean; latency: boolean } | null {
  if (reasons.length === 0) return null;
  let quality = false;
  let latency = false;
  for (const r of reasons) {
    const code = exclusionCode(r);
    if (code === 'quality-unknown') quality = true;
    else if (code === 'latency-unknown') latency = true;
    else return null;
  }
  return { quality, latency };
}
