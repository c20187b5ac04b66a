/**
 * Seeded random numbers and Latin hypercube sampling: the same seed gives the same samples on every
 * machine and in every run (the app, the CLI and the tests agree to the last digit).
 */

/** FNV-1a hash of a string to 32 bits: a stable stream id per input name. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small fast generator (sfc32, from PractRand's author) seeded through splitmix32; uniform in
 * [0, 1) with 32 random bits. Not for cryptography: for reproducible simulation only.
 */
export function seededRandom(seed: number, stream = 0): () => number {
  let state = (seed ^ Math.imul(stream, 0x9e3779b9)) >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next(); // let the seed's bits spread before the first draw
  return next;
}

/**
 * One column of a Latin hypercube: `count` probabilities, exactly one in each of the strata
 * [k/count, (k+1)/count), in a random order, each at a random point of its stratum. Columns drawn
 * with different streams are independent, so each input keeps its own column whatever other inputs
 * are uncertain.
 */
export function latinHypercubeColumn(count: number, seed: number, stream: number): Float64Array {
  const random = seededRandom(seed, stream);
  const strata = new Int32Array(count);
  for (let k = 0; k < count; k++) strata[k] = k;
  for (let k = count - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    const t = strata[k] as number;
    strata[k] = strata[j] as number;
    strata[j] = t;
  }
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = ((strata[i] as number) + random()) / count;
  return out;
}
