import { describe, expect, it } from 'vitest';
import { keepNewest, ObjectPairCache } from '../../core/sweep/object-cache.ts';

describe('ObjectPairCache: capacities kept while asked for, the rest let go', () => {
  const model = {};
  const gpu = {};
  const otherGpu = {};

  it('without a limit keeps everything', () => {
    const cache = new ObjectPairCache<number>();
    for (let shape = 0; shape < 1000; shape++) cache.set(model, gpu, shape, shape * 2);
    expect(cache.size).toBe(1000);
    expect(cache.get(model, gpu, 0)).toBe(0);
    expect(cache.get(model, gpu, 999)).toBe(1998);
  });

  it('keys by both objects and the key', () => {
    const cache = new ObjectPairCache<string>();
    cache.set(model, gpu, 'a', 'on gpu');
    cache.set(model, otherGpu, 'a', 'on the other gpu');
    expect(cache.get(model, gpu, 'a')).toBe('on gpu');
    expect(cache.get(model, otherGpu, 'a')).toBe('on the other gpu');
    expect(cache.get(gpu, model, 'a')).toBeUndefined();
  });

  it('with a limit of 3: a fourth entry starts a young generation; the next one after that drops what was not asked for', () => {
    const cache = new ObjectPairCache<number>(3);
    cache.set(model, gpu, 1, 10);
    cache.set(model, gpu, 2, 20);
    cache.set(model, gpu, 3, 30);
    // Rewriting a held key adds no entry.
    cache.set(model, gpu, 3, 31);
    expect(cache.size).toBe(3);
    // 4 goes to a new young generation; 1–3 stay, in the old one.
    cache.set(model, gpu, 4, 40);
    expect(cache.size).toBe(4);
    expect(cache.get(model, gpu, 3)).toBe(31);
    // Asking for 3 moved it to the young generation (now 4 and 3), out of the old (1, 2).
    expect(cache.size).toBe(4);
    // 5 fills the young generation; 6 starts another, and the old one (1, 2) is dropped.
    cache.set(model, gpu, 5, 50);
    cache.set(model, gpu, 6, 60);
    expect(cache.get(model, gpu, 1)).toBeUndefined();
    expect(cache.get(model, gpu, 2)).toBeUndefined();
    expect(cache.get(model, gpu, 3)).toBe(31);
    expect(cache.get(model, gpu, 4)).toBe(40);
    expect(cache.get(model, gpu, 5)).toBe(50);
    expect(cache.get(model, gpu, 6)).toBe(60);
  });

  it('a drag through 1,000 shapes holds at most twice the limit', () => {
    const cache = new ObjectPairCache<number>(100);
    for (let shape = 0; shape < 1000; shape++) cache.set(model, gpu, shape, shape);
    expect(cache.size).toBeLessThanOrEqual(200);
    expect(cache.get(model, gpu, 999)).toBe(999);
    expect(cache.get(model, gpu, 0)).toBeUndefined();
  });
});

describe('keepNewest: best layouts of the newest request shapes', () => {
  it('drops the oldest entries down to the number kept, in insertion order', () => {
    const shapes = new Map([
      ['1800/350', 1],
      ['1900/350', 2],
      ['2000/350', 3],
      ['2100/350', 4],
    ]);
    keepNewest(shapes, 2);
    expect([...shapes.keys()]).toEqual(['2000/350', '2100/350']);
    keepNewest(shapes, 5);
    expect(shapes.size).toBe(2);
  });
});
