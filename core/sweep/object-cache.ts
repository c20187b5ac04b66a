/**
 * A cache keyed by two objects (by identity: a model row, a GPU row) and then a short string, so a
 * lookup in a tight loop builds no long key string.
 */
export class ObjectPairCache<V> {
  private readonly root = new Map<object, Map<object, Map<string, V>>>();

  get(a: object, b: object, key: string): V | undefined {
    return this.root.get(a)?.get(b)?.get(key);
  }

  set(a: object, b: object, key: string, value: V): void {
    let byA = this.root.get(a);
    if (byA === undefined) this.root.set(a, (byA = new Map()));
    let byB = byA.get(b);
    if (byB === undefined) byA.set(b, (byB = new Map()));
    byB.set(key, value);
  }
}
