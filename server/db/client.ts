import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { isAscii } from 'node:buffer';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { uuid } from '../../core/schemas/common.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle is a Db too: functions that write take `Db` and work inside or outside a transaction. */
export type DatabaseKind = 'embedded' | 'postgres';

export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Runs SQL text with several statements and no parameters (migrations). */
  exec(sqlText: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>;
  /** Like query, as a named prepared statement on PostgreSQL (hot paths: parsed and planned once per connection). */
  prepared<T = Record<string, unknown>>(name: string, sqlText: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

export type CreateDatabaseOptions = {
  databaseUrl: string | null;
  dataDir: string;
  poolSize?: number;
  /** PostgreSQL schema to work in (tests use one per file); default: the server's default search_path. */
  searchPath?: string;
  /** Reuse an already started embedded instance (tests share one per worker); it is not closed by close(). */
  pglite?: PGlite;
};

const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export async function createDatabase(options: CreateDatabaseOptions): Promise<Database> {
  if (options.searchPath !== undefined && !SAFE_IDENTIFIER.test(options.searchPath)) {
    throw new Error(`invalid schema name ${options.searchPath}`);
  }
  if (options.databaseUrl) return createPostgres(options.databaseUrl, options);
  return createEmbedded(options);
}

async function createEmbedded(options: CreateDatabaseOptions): Promise<Database> {
  let client = options.pglite;
  const owned = !client;
  if (!client) {
    const dir = path.join(options.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    client = new PGlite(dir);
  }
  await client.waitReady;
  if (options.searchPath) await client.exec(`SET search_path TO ${options.searchPath}`);
  const pglite = client;
  return {
    db: drizzlePglite({ client: pglite, schema }) as unknown as Db,
    kind: 'embedded',
    exec: async (sqlText) => {
      await pglite.exec(sqlText);
    },
    query: async <T>(sqlText: string, params: unknown[] = []) => (await pglite.query<T>(sqlText, params)).rows,
    prepared: async <T>(_name: string, sqlText: string, params: unknown[]) => (await pglite.query<T>(sqlText, params)).rows,
    close: async () => {
      if (owned) await pglite.close();
    },
  };
}

/**
 * A connection that runs the statements it is given one after another. A transaction is one
 * connection, and services read several things at once (`Promise.all`) whether their `db` is the
 * pool or a transaction; pg queues such statements itself today, but warns that pg 9 will not.
 * A statement given while none is running starts at once, so the usual path gains no wait.
 */
export class SerialClient extends pg.Client {
  private running = 0;
  private tail: Promise<unknown> = Promise.resolve();

  // pg's overloads (callbacks, submittables) pass through; promise-style calls are put in line.
  override query(...args: unknown[]): never {
    const query = super.query as (...a: unknown[]) => unknown;
    const last = args[args.length - 1];
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof last === 'function' || typeof first?.submit === 'function') return query.apply(this, args) as never;
    return this.inLine(() => query.apply(this, args) as Promise<unknown>) as never;
  }

  /** `COPY (…) TO STDOUT` in text format, in line with the other statements: the bytes PostgreSQL sent. */
  copyOut(text: string): Promise<Buffer> {
    const submit = (super.query as (query: CopyOut) => unknown).bind(this);
    return this.inLine(() => new Promise<Buffer>((resolve, reject) => submit(new CopyOut(text, (error, bytes) => (error ? reject(error) : resolve(bytes))))));
  }

  private inLine<T>(run: () => Promise<T>): Promise<T> {
    const result = this.running === 0 ? run() : this.tail.then(run, run);
    this.running += 1;
    const done = () => {
      this.running -= 1;
    };
    this.tail = result.then(done, done);
    return result;
  }
}

const COPY_DATA = 0x64; // 'd'
const COPY_OUT_RESPONSE = 0x48; // 'H'

/**
 * Reads the rows of a COPY … TO STDOUT off the connection's stream itself, instead of the driver
 * (as the pg-copy-streams package does): the rows' bytes of each chunk that arrives go to `append`
 * at once, without a call per row. At the first message that is neither a row nor the copy's start
 * (its end, an error, a notice), the stream goes back to the driver's listener, which is handed
 * every byte from that message on. Nothing is intercepted unless the driver's is the stream's only
 * listener.
 */
export function readCopyRows(stream: Pick<NodeJS.EventEmitter, 'listeners' | 'on' | 'removeListener'>, append: (chunk: Buffer, from: number, to: number) => void): void {
  const listeners = stream.listeners('data') as Array<(chunk: Buffer) => void>;
  if (listeners.length !== 1) return;
  const driver = listeners[0]!;
  /** A message's first bytes (its code and length) that ended the last chunk. */
  let head: Buffer | null = null;
  /** Bytes of the current message still to come: a row's to append, the copy's start to skip. */
  let rest = 0;
  let isRow = false;
  const read = (arrived: Buffer) => {
    // The chunk is this reader's alone (no other listener sees it): the rows' bytes are moved
    // together in place, over the messages' heads, and appended once, [first, end).
    const chunk = head ? Buffer.concat([head, arrived]) : arrived;
    head = null;
    let first = -1;
    let end = -1;
    let at = 0;
    while (at < chunk.length) {
      if (rest > 0) {
        const n = Math.min(rest, chunk.length - at);
        if (isRow) {
          if (first === -1) first = end = at;
          if (end !== at) chunk.copyWithin(end, at, at + n);
          end += n;
        }
        at += n;
        rest -= n;
        continue;
      }
      const code = chunk[at]!;
      if (code !== COPY_DATA && code !== COPY_OUT_RESPONSE) {
        if (first !== -1) append(chunk, first, end);
        stream.removeListener('data', read);
        stream.on('data', driver);
        driver(chunk.subarray(at));
        return;
      }
      if (chunk.length - at < 5) {
        head = Buffer.from(chunk.subarray(at));
        break;
      }
      rest = chunk.readUInt32BE(at + 1) - 4;
      isRow = code === COPY_DATA;
      at += 5;
    }
    if (first !== -1) append(chunk, first, end);
  };
  stream.removeListener('data', driver);
  stream.on('data', read);
}

/**
 * A COPY … TO STDOUT statement whose rows are gathered into one buffer. PostgreSQL sends each row
 * as a message of its own. Through the driver, each costs a parse, a message object, an event and
 * a view of the driver's read buffer (which it reuses, so each must be copied out at once): for a
 * round of 50,000 rows, tens of milliseconds while that code is still cold. So the rows are read
 * off the stream (readCopyRows); any the driver parses after all (after a notice, say) come through
 * handleCopyData into the same buffer.
 */
class CopyOut extends pg.Query {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  constructor(text: string, done: (error: Error | null, bytes: Buffer) => void) {
    super({ text }, undefined, (error: Error | undefined) => done(error ?? null, this.bytes.subarray(0, this.length)));
  }

  override submit = (connection: pg.Connection) => {
    readCopyRows(connection.stream, (chunk, from, to) => this.append(chunk, from, to));
    // The driver's own submit sends the statement (and returns an error it met doing so).
    return pg.Query.prototype.submit.call(this, connection);
  };

  handleCopyData(message: { chunk: Buffer }): void {
    this.append(message.chunk, 0, message.chunk.length);
  }

  private append(source: Buffer, from: number, to: number): void {
    if (this.length + to - from > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + to - from));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += source.copy(this.bytes, this.length, from, to);
  }
}

async function createPostgres(url: string, options: CreateDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    Client: SerialClient,
    connectionString: url,
    max: options.poolSize ?? 10,
    // JIT compilation off for the application's sessions: its statements are short or run in
    // chunks, and PostgreSQL's estimate for a chunk of CAT scoring (1,000 attempts' papers and
    // answers) crossed the JIT thresholds, so each chunk spent about 180 ms compiling for 50 ms of
    // execution (EXPLAIN ANALYZE at 100,000 attempts) — 18 s of a 30 s batch.
    options: ['-c jit=off', ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : [])].join(' '),
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Requests in flight get their own error.
  });
  const probe = await pool.connect();
  probe.release();
  return {
    db: drizzlePg({ client: pool, schema }) as unknown as Db,
    kind: 'postgres',
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    query: async <T>(sqlText: string, params: unknown[] = []) => (await pool.query(sqlText, params)).rows as T[],
    prepared: async <T>(name: string, sqlText: string, params: unknown[]) => (await pool.query({ name, text: sqlText, values: params })).rows as T[],
    close: () => pool.end(),
  };
}

/** Runs raw SQL through Drizzle (inside a transaction when `db` is one) and returns its rows; both drivers answer `{ rows }`. */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A LIKE/ILIKE pattern matching text that contains `text` literally (its %, _ and \ escaped). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type RawClient = {
  query(config: { name?: string; text: string; values: unknown[]; rowMode?: 'array' }): Promise<{ rows: unknown[] }>;
  query(text: string, params: unknown[], options?: { rowMode?: 'array' }): Promise<{ rows: unknown[] }>;
};

/**
 * Runs `COPY (select) TO STDOUT` in PostgreSQL's text format on `db`'s own connection (the pool's,
 * or the transaction's) and returns what it wrote: one line per row, the values separated by tabs,
 * \N for null, and a backslash, tab, newline or carriage return in a value escaped
 * (copyTextValue). The embedded database writes the same text to its blob device. COPY takes no
 * parameters: the statement is given whole, so it must hold only values the server made itself.
 * For reads of tens of thousands of rows: PostgreSQL writes each value once, with none of the
 * work a result row costs both sides.
 */
export async function copyOutText(db: Db, select: string): Promise<string> {
  const client = rawClientOf(db);
  if (!isPg(client)) {
    const { blob } = (await (client as unknown as PGlite).query(`COPY (${select}) TO '/dev/blob'`)) as { blob?: Blob };
    return blob ? blob.text() : '';
  }
  const own = client instanceof pg.Pool ? await client.connect() : null;
  try {
    const bytes = await ((own ?? client) as SerialClient).copyOut(`COPY (${select}) TO STDOUT`);
    // Text of ASCII alone (ids, numbers, most names) is the same in Latin-1, which V8 takes about twice as fast.
    return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  } finally {
    own?.release();
  }
}

const UUID = uuid();

/** An id as a literal for a statement that takes no parameters (copyOutText): refused unless it is a UUID and nothing else (the schemas' own check). */
export function uuidLiteral(id: string): string {
  if (!UUID.safeParse(id).success) throw new Error(`Bukan UUID: ${JSON.stringify(id).slice(0, 60)}`);
  return `'${id}'`;
}

const COPY_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** A value of COPY's text format as it was: its backslash escapes undone (COPY TO writes no octal or hexadecimal ones). */
export function copyTextValue(text: string): string {
  return text.indexOf('\\') === -1 ? text : text.replace(/\\(.)/gs, (_, c: string) => COPY_ESCAPES[c] ?? c);
}

/** How many rows a copy's text holds (copyOutText: one line each, every line ended by a newline). */
export function copyRowCount(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n += 1;
  return n;
}

/** The driver's client behind `db` (pg Pool or PoolClient, PGlite or its transaction), which Drizzle keeps on its session. */
const rawClientOf = (db: Db) => (db as unknown as { session: { client: RawClient } }).session.client;
const isPg = (client: RawClient) => client instanceof pg.Pool || client instanceof pg.Client;

/**
 * Runs one hand-written statement on `db`'s own connection — the pool, or the connection of the
 * transaction `db` is — as a named prepared statement on PostgreSQL (parsed and planned once per
 * connection; the embedded database ignores the name). For hot paths inside transactions. Rows
 * come with the driver's own types (timestamptz as Date; select `date` columns as text).
 */
export async function selectPrepared<T>(db: Db, name: string, text: string, params: unknown[]): Promise<T[]> {
  const client = rawClientOf(db);
  const result = isPg(client) ? await client.query({ name, text, values: params }) : await client.query(text, params);
  return result.rows as T[];
}

/**
 * Runs one hand-written read on `db`'s own connection and gives each row as an array of its
 * values in the statement's column order: no object per row, for reads of tens of thousands of
 * rows. Cast what is not text to text in the statement (`::text`): both drivers then hand the
 * values over as they came, and the caller converts only what it uses.
 */
export async function selectArrays<T>(db: Db, text: string, params: unknown[]): Promise<T[][]> {
  const client = rawClientOf(db);
  const result = isPg(client) ? await client.query({ text, values: params, rowMode: 'array' }) : await client.query(text, params, { rowMode: 'array' });
  return result.rows as T[][];
}
