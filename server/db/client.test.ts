import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { copyOutText, copyTextValue, createDatabase, readCopyRows, selectRows, uuidLiteral, type Database } from './client.js';
import { createTestDatabase, type TestDatabase } from '../test-support/database.js';

/** Runs on PostgreSQL (TEST_DATABASE_URL; CI sets it): the embedded database has no connections to share. */
const url = process.env.TEST_DATABASE_URL;

/** A pool of two connections on PostgreSQL for the describe block that calls it, and the warnings the process emits meanwhile. */
function postgresPool() {
  const pool = { database: undefined as unknown as Database, warnings: [] as string[] };
  const onWarning = (warning: Error) => pool.warnings.push(`${warning.name}: ${warning.message}`);
  beforeAll(async () => {
    pool.database = await createDatabase({ databaseUrl: url!, dataDir: '', poolSize: 2 });
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await pool.database.close();
  });
  return pool;
}

describe.skipIf(!url)('a transaction read from several places at once', () => {
  const pool = postgresPool();

  it('runs the statements one after another on its connection, each with its own answer, without pg queueing them', async () => {
    const results = await pool.database.db.transaction(async (tx) =>
      Promise.all(Array.from({ length: 25 }, (_, i) => selectRows<{ n: number; pid: number }>(tx, sql`SELECT ${i}::int AS n, pg_backend_pid() AS pid, pg_sleep(0.002)`))),
    );
    expect(results.map((rows) => rows[0]!.n)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(new Set(results.map((rows) => rows[0]!.pid)).size).toBe(1);
    // Let a warning emitted during the transaction reach the listener.
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });

  it('answers the statements after a failed one, and the failure goes to its own caller', async () => {
    const outcome = await pool.database.db
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
    const pids = await Promise.all(Array.from({ length: 4 }, () => pool.database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')));
    expect(new Set(pids.map((rows) => rows[0]!.pid)).size).toBe(2);
  });
});

/** Every character from U+0001 to U+007F, a backslash-N, and characters of two, three and four bytes in UTF-8. */
const AWKWARD = [String.fromCharCode(...Array.from({ length: 127 }, (_, i) => i + 1)), '\\N', '\\', 'é', '€ rupiah', '😀'];

describe('COPY of a read as text (on the database the tests run on)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('gives one line per row, tab-separated, \\N for null, and each value back as it was through copyTextValue', async () => {
    const select = `SELECT n, v, NULL::text, '' FROM unnest(ARRAY[${AWKWARD.map((_, i) => i).join(',')}], ARRAY[${AWKWARD.map((v) => `'${v.replaceAll("'", "''").replaceAll('\0', '')}'`).join(',')}]::text[]) AS t(n, v) ORDER BY n`;
    const text = await copyOutText(database.db, select);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBe(AWKWARD.length);
    for (const [i, line] of lines.entries()) {
      const values = line.split('\t');
      expect(values.length).toBe(4);
      expect(values[0]).toBe(String(i));
      expect(copyTextValue(values[1]!)).toBe(AWKWARD[i]);
      expect(values[2]).toBe('\\N');
      expect(values[3]).toBe('');
    }
  });

  it('gives an empty text for no rows, the same in a transaction', async () => {
    expect(await copyOutText(database.db, 'SELECT 1 WHERE false')).toBe('');
    expect(await database.db.transaction((tx) => copyOutText(tx, 'SELECT 1 WHERE false'))).toBe('');
    expect(await database.db.transaction((tx) => copyOutText(tx, 'SELECT 1 UNION ALL SELECT 2'))).toBe('1\n2\n');
    // ASCII alone, and the same with one character beyond it.
    for (const tail of ['', 'é']) expect(await copyOutText(database.db, `SELECT 'a~\x7f${tail}'`)).toBe(`a~\x7f${tail}\n`);
  });

  it('undoes exactly the escapes COPY writes', () => {
    expect(copyTextValue('a\\\\b\\tc\\nd\\re\\bf\\fg\\vh\\\\N')).toBe('a\\b\tc\nd\re\bf\fg\vh\\N');
    expect(copyTextValue('tanpa garis miring')).toBe('tanpa garis miring');
  });

  it('reads the rows of a copy off the stream however its bytes are split, and gives the stream back at the first other message with every byte from it', () => {
    const message = (code: string, payload: Buffer) => {
      const head = Buffer.alloc(5, code);
      head.writeUInt32BE(payload.length + 4, 1);
      return Buffer.concat([head, payload]);
    };
    const rows = ['1\tsatu\n', '', '2\té😀\n', 'x'.repeat(300) + '\n', '3\t\\N\n'].map((row) => Buffer.from(row));
    const start = message('H', Buffer.from([0, 0, 2, 0, 0, 0, 0]));
    const after = Buffer.concat([message('c', Buffer.alloc(0)), message('C', Buffer.from('COPY 5\0')), message('Z', Buffer.from('I'))]);
    const wire = Buffer.concat([start, ...rows.map((row) => message('d', row)), after]);
    const cases: number[][] = [[], Array.from({ length: wire.length - 1 }, (_, i) => i + 1)]; // whole, and byte by byte
    for (let cut = 1; cut < wire.length; cut += 1) cases.push([cut]);
    for (let cut = 1; cut + 3 < wire.length; cut += 1) cases.push([cut, cut + 1, cut + 3]);
    for (const cuts of cases) {
      const stream = new EventEmitter();
      const driven: Buffer[] = [];
      const driver = (chunk: Buffer) => driven.push(Buffer.from(chunk));
      stream.on('data', driver);
      const gathered: Buffer[] = [];
      readCopyRows(stream, (chunk, from, to) => gathered.push(Buffer.from(chunk.subarray(from, to))));
      const bounds = [0, ...cuts, wire.length];
      for (let k = 0; k + 1 < bounds.length; k += 1) stream.emit('data', Buffer.from(wire.subarray(bounds[k], bounds[k + 1]))); // each chunk the reader's own, as a socket's are
      expect(Buffer.concat(gathered).equals(Buffer.concat(rows)), String(cuts)).toBe(true);
      expect(Buffer.concat(driven).equals(after), String(cuts)).toBe(true);
      expect(stream.listeners('data')).toEqual([driver]);
    }
    // Not the driver's stream alone: nothing is intercepted.
    const shared = new EventEmitter();
    const listeners = [() => undefined, () => undefined];
    for (const listener of listeners) shared.on('data', listener);
    readCopyRows(shared, () => undefined);
    expect(shared.listeners('data')).toEqual(listeners);
  });

  it('puts an id into a statement only when it is a UUID and nothing else', () => {
    expect(uuidLiteral('0192f6c1-8a3e-7b2c-9d4e-5f6a7b8c9d0e')).toBe("'0192f6c1-8a3e-7b2c-9d4e-5f6a7b8c9d0e'");
    for (const bad of ["0192f6c1-8a3e-7b2c-9d4e-5f6a7b8c9d0e'; DROP TABLE applications; --", '', '0192f6c1-8a3e-7b2c-9d4e-5f6a7b8c9d0', ' 0192f6c1-8a3e-7b2c-9d4e-5f6a7b8c9d0e', '0192f6c1-8a3e-7b2c-9d4e-5f6a7b8c9d0e\n', 'g192f6c1-8a3e-7b2c-9d4e-5f6a7b8c9d0e']) {
      expect(() => uuidLiteral(bad), bad).toThrow(/Bukan UUID/);
    }
  });
});

describe.skipIf(!url)('COPY of a read on PostgreSQL', () => {
  const pool = postgresPool();

  it('keeps every row of a copy of megabytes whole, whatever the driver does with its read buffer between rows', async () => {
    // Rows of uneven length with characters of several bytes, so that rows straddle the socket's reads.
    const select = `SELECT g, repeat('é😀x', g % 97), md5(g::text) FROM generate_series(1, 60000) g`;
    const text = await copyOutText(pool.database.db, select);
    expect(text.length).toBeGreaterThan(2_000_000);
    const lines: string[] = [];
    for (let g = 1; g <= 60000; g += 1) lines.push(`${g}\t${'é😀x'.repeat(g % 97)}\t`);
    const md5 = (await selectRows<{ h: string }>(pool.database.db, sql`SELECT string_agg(md5(g::text), ',' ORDER BY g) AS h FROM generate_series(1, 60000) g`))[0]!.h.split(',');
    const expected = lines.map((line, i) => `${line}${md5[i]}\n`).join('');
    expect(text === expected).toBe(true);
  });

  it('keeps every row when a notice comes part way through, and the driver reads the rest of the copy', async () => {
    const text = await pool.database.db.transaction(async (tx) => {
      await selectRows(tx, sql.raw(`CREATE FUNCTION pg_temp.berisik(g int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN IF g % 1000 = 0 THEN RAISE NOTICE 'baris %', g; END IF; RETURN g; END $$`));
      return copyOutText(tx, `SELECT pg_temp.berisik(g), repeat('é', g % 50) FROM generate_series(1, 20000) g`);
    });
    const lines = Array.from({ length: 20000 }, (_, i) => `${i + 1}\t${'é'.repeat((i + 1) % 50)}\n`);
    expect(text === lines.join('')).toBe(true);
  });

  it('runs in line with the transaction’s other statements on its connection, without pg queueing them', async () => {
    const results = await pool.database.db.transaction(async (tx) =>
      Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? copyOutText(tx, `SELECT ${i}, pg_backend_pid() FROM pg_sleep(0.002)`) : selectRows<{ n: number; pid: number }>(tx, sql`SELECT ${i}::int AS n, pg_backend_pid() AS pid`).then((rows) => `${rows[0]!.n}\t${rows[0]!.pid}\n`)))),
    );
    expect(results.map((text) => Number(text.split('\t')[0]))).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(new Set(results.map((text) => text.split('\t')[1])).size).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });

  it('fails with PostgreSQL’s error, part way through a copy too, and gives the pool’s connection back in working order', async () => {
    await expect(copyOutText(pool.database.db, 'SELECT * FROM tabel_yang_tidak_ada')).rejects.toThrow(/tabel_yang_tidak_ada/);
    await expect(copyOutText(pool.database.db, 'SELECT 1 / (5000 - g) FROM generate_series(1, 10000) g')).rejects.toThrow(/division by zero/);
    // Both connections of the pool still answer, a copy and a statement side by side.
    const [copied, rows] = await Promise.all([copyOutText(pool.database.db, 'SELECT 41 + 1'), selectRows<{ n: number }>(pool.database.db, sql`SELECT 7 AS n`)]);
    expect(copied).toBe('42\n');
    expect(rows[0]!.n).toBe(7);
  });
});
