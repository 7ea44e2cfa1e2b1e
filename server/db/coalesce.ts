import { Batcher } from './batcher.js';

export type CoalesceOptions<K, V> = {
  /** Loads many keys with one statement; a key missing from the map resolves to undefined. */
  load: (keys: K[]) => Promise<Map<K, V>>;
  /** Statements in flight at once (each holds a connection). */
  concurrency?: number;
  /** Most keys per statement. */
  maxBatch?: number;
};

/**
 * Coalesces concurrent look-ups of the same kind into one statement (a Batcher that waits only
 * until the end of the current turn of the event loop): a lone request waits for nothing; under
 * load, everything gathered while earlier statements run goes in the next one. A call only ever
 * joins a statement that has not been sent yet, so it sees every change committed before it was made.
 */
export function coalesceLookups<K, V>(options: CoalesceOptions<K, V>): (key: K) => Promise<V | undefined> {
  const batcher = new Batcher<K, V | undefined>({
    run: async (keys) => {
      const found = await options.load([...new Set(keys)]);
      return keys.map((key) => found.get(key));
    },
    maxBatch: options.maxBatch ?? 500,
    maxWaitMs: 0,
    concurrency: options.concurrency ?? 2,
  });
  return (key) => batcher.add(key);
}
