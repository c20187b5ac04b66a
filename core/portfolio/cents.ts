/**
 * Whole cents for amounts in USD whose cents add up exactly to the rounded total (or to
 * `totalCents`, a rounding of their sum made elsewhere): each amount is floored to a cent, and the
 * cents the flooring lost go one each to the amounts that lost the most (the largest-remainder
 * rule; ties to the earlier amount). Rounding each amount on its own can leave the lines a cent
 * off their total.
 */
export function largestRemainderCents(
  amountsUsd: readonly number[],
  totalCents?: number,
): number[] {
  const exact = amountsUsd.map((usd) => usd * 100);
  const total = totalCents ?? Math.round(exact.reduce((a, b) => a + b, 0));
  // A hair of slack so 0.29 × 100 = 28.999999999999996 floors to 29, not 28.
  const floors = exact.map((c) => Math.floor(c + 1e-6));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((c, i) => ({ i, remainder: c - (floors[i] as number) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  const cents = [...floors];
  const bump = (k: number, by: number) => {
    const i = byRemainder[k]?.i;
    if (i !== undefined) cents[i] = (cents[i] ?? 0) + by;
  };
  // Each amount takes at most one cent (the lost cents are fewer than the amounts); a negative
  // amount can make the floors overshoot, and then the smallest remainders give one back.
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) bump(k, 1);
  for (
    let k = byRemainder.length - 1;
    left < 0;
    k = (k - 1 + byRemainder.length) % byRemainder.length, left++
  )
    bump(k, -1);
  return cents;
}

/** `cents` split over `n` equal shares that add up to it (largest remainder). */
export function splitCents(cents: number, n: number): number[] {
  if (n <= 1) return [cents];
  const base = Math.floor(cents / n);
  return Array.from({ length: n }, (_, i) => base + (i < cents - base * n ? 1 : 0));
}
