import { UsageError } from './errors.ts';

/** Finds a row by id or throws naming the id, the kind, and close matches. */
export function lookup<T>(map: ReadonlyMap<string, T>, id: string, kind: string, flag: string): T {
  const row = map.get(id);
  if (row !== undefined) return row;
  const near = closest([...map.keys()], id);
  const hint = near.length > 0 ? `; did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : '';
  throw new UsageError(`${flag}: unknown ${kind} '${id}'${hint}`);
}

/** Up to three ids closest to `id` by edit distance (ties: shorter first). */
export function closest(ids: readonly string[], id: string): string[] {
  return ids
    .map((candidate) => ({ candidate, d: editDistance(candidate, id) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(id.length / 3)))
    .sort((a, b) => a.d - b.d || a.candidate.length - b.candidate.length)
    .slice(0, 3)
    .map((x) => x.candidate);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
