type Level<V> = Map<object, Map<object, Map<string | number, V>>>;

/**
 * A cache keyed by two objects (by identity: a model row, a GPU row) and then a short string or a
 * number, so a lookup in a tight loop builds no long key string.
 *
 * With `maxEntries`, it holds two generations: new entries go to the young one, and once that
 * holds `maxEntries` it becomes the old one and the previous old one is dropped; an entry found in
 * the old generation moves back to the young. What is still being asked for stays; what a what-if
 * drag on request sizes left behind (a new shape at every step, seldom asked for again) goes,
 * instead of growing the heap the garbage collector walks at every collection.
 */
export class ObjectPairCache<V> {
  private young: Level<V> = new Map();
  private old: Level<V> | null = null;
  private youngEntries = 0;

  constructor(private readonly maxEntries = Number.POSITIVE_INFINITY) {}

  /** Entries held, in both generations. */
  get size(): number {
    let n = 0;
    for (const level of this.old === null ? [this.young] : [this.young, this.old]) {
      for (const byA of level.values()) for (const byB of byA.values()) n += byB.size;
    }
    return n;
  }

  get(a: object, b: object, key: string | number): V | undefined {
    const hit = this.young.get(a)?.get(b)?.get(key);
    if (hit !== undefined || this.old === null) return hit;
    const kept = this.old.get(a)?.get(b)?.get(key);
    if (kept !== undefined) this.set(a, b, key, kept);
    return kept;
  }

  set(a: object, b: object, key: string | number, value: V): void {
    const held = this.young.get(a)?.get(b);
    if (held?.has(key)) {
      held.set(key, value);
      return;
    }
    if (this.youngEntries >= this.maxEntries) {
      this.old = this.young;
      this.young = new Map();
      this.youngEntries = 0;
    }
    let byA = this.young.get(a);
    if (byA === undefined) this.young.set(a, (byA = new Map()));
    let byB = byA.get(b);
    if (byB === undefined) byA.set(b, (byB = new Map()));
    byB.set(key, value);
    this.youngEntries++;
    // One copy only: an entry moved up from the old generation leaves it.
    this.old?.get(a)?.get(b)?.delete(key);
  }
}

/**
 * Drops a Map's oldest entries (a Map iterates in insertion order) until it holds `keep`: for the
 * caches of best layouts by request shape, which grow by a shape at every what-if step.
 */
export function keepNewest<K, V>(map: Map<K, V>, keep: number): void {
  for (const key of map.keys()) {
    if (map.size <= keep) return;
    map.delete(key);
  }
}
