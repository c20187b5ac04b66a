/**
 * The rank order's sort: candidate indices by the objective's key (lower first), then end-to-end
 * latency (lower; unknown last), then quality (higher; unknown last), then the index. That order
 * is total (no two indices compare equal), so any correct sort gives the one result; this merge
 * sort compares inline and keeps each index's key beside it, where `Array.prototype.sort` calls a
 * closure per comparison (a sixth of a full sweep's time).
 */

/** Runs this short are insertion-sorted before merging. */
const RUN = 24;

/** Whether candidate a (key ka) ranks before candidate b (key kb). */
function before(
  a: number,
  ka: number,
  b: number,
  kb: number,
  e2eMs: Float64Array,
  quality: Float64Array,
): boolean {
  if (ka !== kb) return ka < kb;
  let la = e2eMs[a] as number;
  let lb = e2eMs[b] as number;
  if (la !== la) la = Number.POSITIVE_INFINITY;
  if (lb !== lb) lb = Number.POSITIVE_INFINITY;
  if (la !== lb) return la < lb;
  let qa = quality[a] as number;
  let qb = quality[b] as number;
  if (qa !== qa) qa = Number.NEGATIVE_INFINITY;
  if (qb !== qb) qb = Number.NEGATIVE_INFINITY;
  if (qa !== qb) return qa > qb;
  return a < b;
}

/**
 * Sorts `order[from…to)` (candidate indices) in rank order by `keys` (the objective, lower first,
 * never NaN), the `e2eMs` and `quality` columns (NaN: unknown), then the index.
 */
export function sortByRank(
  order: Int32Array,
  from: number,
  to: number,
  keys: Float64Array,
  e2eMs: Float64Array,
  quality: Float64Array,
): void {
  const n = to - from;
  if (n < 2) return;
  let src = order.slice(from, to);
  let srcKeys = new Float64Array(n);
  for (let k = 0; k < n; k++) srcKeys[k] = keys[src[k] as number] as number;
  for (let start = 0; start < n; start += RUN) {
    const end = Math.min(start + RUN, n);
    for (let k = start + 1; k < end; k++) {
      const x = src[k] as number;
      const kx = srcKeys[k] as number;
      let j = k - 1;
      while (j >= start && before(x, kx, src[j] as number, srcKeys[j] as number, e2eMs, quality)) {
        src[j + 1] = src[j] as number;
        srcKeys[j + 1] = srcKeys[j] as number;
        j--;
      }
      src[j + 1] = x;
      srcKeys[j + 1] = kx;
    }
  }
  let dst = new Int32Array(n);
  let dstKeys = new Float64Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(left + width, n);
      const end = Math.min(left + 2 * width, n);
      let i = left;
      let j = mid;
      let k = left;
      while (i < mid && j < end) {
        const a = src[i] as number;
        const ka = srcKeys[i] as number;
        const b = src[j] as number;
        const kb = srcKeys[j] as number;
        if (before(b, kb, a, ka, e2eMs, quality)) {
          dst[k] = b;
          dstKeys[k++] = kb;
          j++;
        } else {
          dst[k] = a;
          dstKeys[k++] = ka;
          i++;
        }
      }
      for (; i < mid; i++, k++) {
        dst[k] = src[i] as number;
        dstKeys[k] = srcKeys[i] as number;
      }
      for (; j < end; j++, k++) {
        dst[k] = src[j] as number;
        dstKeys[k] = srcKeys[j] as number;
      }
    }
    [src, dst] = [dst, src];
    [srcKeys, dstKeys] = [dstKeys, srcKeys];
  }
  order.set(src, from);
}
