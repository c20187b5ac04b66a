/**
 * A cache keyed by two objects (by identity: a model row, a GPU row) and then a short string or a
 * number, so a lookup in a tight loop builds no long key string.
 */
export class ObjectPairCache<V> {
  private readonly root = new Map<object, Map<object, Map<string | number, V>>>();

  get(a: object, b: object, key: string | number): V | undefined {
    return this.root.get(a)?.get(b)?.get(key);
  }

  set(a: object, b: object, key: string | number, value: V): void {
    let byA = this.root.get(a);
    if (byA === undefined) this.root.set(a, (byA = new Map()));
    let byB = byA.get(b);
    if (byB === undefined) byA.set(b, (byB = new Map()));
    byB.set(key, value);
  }
}
