/**
 * The rank order's sort: candidate indices by the objective's key (lower first), then end-to-end
 * latency (lower; unknown last), then quality (higher; unknown last), then the index. That order
 * is total (no two indices compare equal), so any correct sort gives the one result. Here a radix
 * sort orders the keys by their high bits (no comparison at all), and only the short runs where
 * those tie (mostly equal keys: regions of an instance type at the same price) are compared;
 * `Array.prototype.sort` called a closure per comparison (a sixth of a full sweep's time).
 */

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

/** Bits per radix digit: 3 passes cover a key's high 32 bits, each with a 2,048-slot count. */
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
/** Runs of equal high bits up to this long are insertion-sorted; longer ones merge-sorted. */
const SHORT_RUN = 32;

/** A number's 64 bits as two 32-bit halves; which one is high depends on the platform. */
const bits = new Float64Array(1);
const halves = new Uint32Array(bits.buffer);
const HIGH = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;

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
  // The high 32 bits of each key (sign, exponent, 20 bits of mantissa), flipped so that unsigned
  // order is numeric order: negative numbers have all bits flipped, the others the sign bit. −0
  // is taken as 0 (they compare equal). Keys whose high bits tie are sorted in full below.
  let idx = order.slice(from, to);
  let hi = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const key = keys[idx[k] as number] as number;
    bits[0] = key === 0 ? 0 : key;
    const h = halves[HIGH] as number;
    hi[k] = h >= 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0;
  }
  // Least significant digit first; each pass is stable, so the last one leaves them in order.
  let idx2 = new Int32Array(n);
  let hi2 = new Uint32Array(n);
  const count = new Int32Array(DIGITS);
  const mask = DIGITS - 1;
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    count.fill(0);
    for (let k = 0; k < n; k++) count[((hi[k] as number) >>> shift) & mask]!++;
    // Every key with the same digit: nothing to reorder in this pass.
    if (count[((hi[0] as number) >>> shift) & mask] === n) continue;
    let sum = 0;
    for (let d = 0; d < DIGITS; d++) {
      const c = count[d] as number;
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const h = hi[k] as number;
      const at = count[(h >>> shift) & mask]!++;
      idx2[at] = idx[k] as number;
      hi2[at] = h;
    }
    [idx, idx2] = [idx2, idx];
    [hi, hi2] = [hi2, hi];
  }
  // Runs of equal high bits (equal keys, mostly) by the whole order.
  let start = 0;
  while (start < n) {
    const h = hi[start] as number;
    let end = start + 1;
    while (end < n && hi[end] === h) end++;
    if (end - start > 1) {
      if (end - start <= SHORT_RUN) insertionSort(idx, start, end, keys, e2eMs, quality);
      else mergeSort(idx, start, end, keys, e2eMs, quality);
    }
    start = end;
  }
  order.set(idx, from);
}

function insertionSort(
  idx: Int32Array,
  from: number,
  to: number,
  keys: Float64Array,
  e2eMs: Float64Array,
  quality: Float64Array,
): void {
  for (let k = from + 1; k < to; k++) {
    const x = idx[k] as number;
    const kx = keys[x] as number;
    let j = k - 1;
    while (j >= from) {
      const y = idx[j] as number;
      if (!before(x, kx, y, keys[y] as number, e2eMs, quality)) break;
      idx[j + 1] = y;
      j--;
    }
    idx[j + 1] = x;
  }
}

/** Top-down merge sort of `idx[from…to)` (long runs of tied high bits only: rare). */
function mergeSort(
  idx: Int32Array,
  from: number,
  to: number,
  keys: Float64Array,
  e2eMs: Float64Array,
  quality: Float64Array,
): void {
  if (to - from <= SHORT_RUN) {
    insertionSort(idx, from, to, keys, e2eMs, quality);
    return;
  }
  const mid = (from + to) >>> 1;
  mergeSort(idx, from, mid, keys, e2eMs, quality);
  mergeSort(idx, mid, to, keys, e2eMs, quality);
  const left = idx.slice(from, mid);
  let i = 0;
  let j = mid;
  let k = from;
  while (i < left.length && j < to) {
    const a = left[i] as number;
    const b = idx[j] as number;
    if (before(b, keys[b] as number, a, keys[a] as number, e2eMs, quality)) {
      idx[k++] = b;
      j++;
    } else {
      idx[k++] = a;
      i++;
    }
  }
  while (i < left.length) idx[k++] = left[i++] as number;
}
