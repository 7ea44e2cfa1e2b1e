import { describe, expect, it } from 'vitest';
import { coalesceLookups } from './coalesce.js';

/** A store whose loads are counted and can be held open, to see which calls share a statement. */
function fakeStore() {
  const data = new Map<string, number>();
  const loads: string[][] = [];
  let hold: Promise<void> | null = null;
  const load = async (keys: string[]) => {
    loads.push(keys);
    const snapshot = new Map(keys.filter((k) => data.has(k)).map((k) => [k, data.get(k)!]));
    if (hold) await hold;
    return snapshot;
  };
  return { data, loads, load, holdWith: (p: Promise<void> | null) => (hold = p) };
}

describe('coalesceLookups', () => {
  it('answers concurrent calls from one statement, each with its own key (missing keys undefined)', async () => {
    const store = fakeStore();
    store.data.set('a', 1).set('b', 2);
    const get = coalesceLookups({ load: store.load });
    const results = await Promise.all([get('a'), get('b'), get('x'), get('a')]);
    expect(results).toEqual([1, 2, undefined, 1]);
    expect(store.loads).toEqual([['a', 'b', 'x']]);
  });

  it('sends a lone call at once, and never answers a call from a statement sent before it', async () => {
    const store = fakeStore();
    store.data.set('a', 1);
    let release!: () => void;
    store.holdWith(new Promise<void>((r) => (release = r)));
    const get = coalesceLookups({ load: store.load, concurrency: 1 });
    const first = get('a');
    await new Promise((r) => setImmediate(r));
    expect(store.loads).toEqual([['a']]);
    // Changed after the first statement was sent: a later call must see the change.
    store.data.set('a', 2);
    store.holdWith(null);
    const second = get('a');
    const third = get('a');
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    expect(store.loads).toEqual([['a'], ['a']]);
  });

  it('splits more keys than maxBatch over several statements', async () => {
    const store = fakeStore();
    for (let i = 0; i < 7; i++) store.data.set(`k${i}`, i);
    const get = coalesceLookups({ load: store.load, maxBatch: 3, concurrency: 1 });
    const results = await Promise.all(Array.from({ length: 7 }, (_, i) => get(`k${i}`)));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(store.loads.map((keys) => keys.length)).toEqual([3, 3, 1]);
  });

  it('rejects every call of a failed statement and keeps serving later calls', async () => {
    let fail = true;
    const get = coalesceLookups<string, number>({
      load: async (keys) => {
        if (fail) throw new Error('koneksi putus');
        return new Map(keys.map((k) => [k, k.length]));
      },
    });
    const failed = await Promise.allSettled([get('a'), get('bb')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await get('ccc')).toBe(3);
  });
});
