import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, selectRows, type Database } from './client.js';

/** Runs on PostgreSQL (TEST_DATABASE_URL; CI sets it): the embedded database has no connections to share. */
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('a transaction read from several places at once', () => {
  let database: Database;
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  beforeAll(async () => {
    database = await createDatabase({ databaseUrl: url!, dataDir: '', poolSize: 2 });
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await database.close();
  });

  it('runs the statements one after another on its connection, each with its own answer, without pg queueing them', async () => {
    const results = await database.db.transaction(async (tx) =>
      Promise.all(Array.from({ length: 25 }, (_, i) => selectRows<{ n: number; pid: number }>(tx, sql`SELECT ${i}::int AS n, pg_backend_pid() AS pid, pg_sleep(0.002)`))),
    );
    expect(results.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(new Set(results.map((rows) => rows[0]!.pid)).size).toBe(1);
    // Let a warning emitted during the transaction reach the listener.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });

  it('answers the statements after a failed one, and the failure goes to its own caller', async () => {
    const outcome = await database.db
      .transaction(async (tx) => {
        const [first, failed, after] = await Promise.allSettled([
          selectRows<{ n: number }>(tx, sql`SELECT 1 AS n`),
          selectRows(tx, sql`SELECT 1 / 0`),
          selectRows<{ n: number }>(tx, sql`SELECT 3 AS n`),
        ]);
        return { first, failed, after };
      })
      .catch((error: unknown) => ({ error }));
    // PostgreSQL refuses every statement of a transaction after an error; each caller hears its own answer.
    if ('error' in outcome) throw outcome.error;
    expect(outcome.first.status).toBe('fulfilled');
    expect(outcome.failed.status).toBe('rejected');
    expect(outcome.after.status).toBe('rejected');
    const reason = (outcome.after as PromiseRejectedResult).reason as Error & { cause?: Error };
    expect(String(reason.cause ?? reason)).toMatch(/aborted/);
  });

  it('keeps the pool running statements side by side on its connections', async () => {
    const pids = await Promise.all(Array.from({ length: 4 }, () => database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')));
    expect(new Set(pids.map((rows) => rows[0]!.pid)).size).toBe(2);
  });
});
