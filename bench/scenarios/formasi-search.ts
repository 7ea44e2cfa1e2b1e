// The public formation search over 250,000 published formasi of 600 agencies (the national 2024
// count is 250,407): first pages with filters that vary on every request (education level + a word
// + formation kind, sometimes an agency or a selection type). PostgreSQL only: the data is written
// straight into the bench database with generate_series after the server has migrated it.
import pg from 'pg';
import { BENCH_POSITIONS, BENCH_UNITS, benchDataSql } from '../formasi-data.js';
import type { HttpScenario } from '../types.js';

const AGENCIES = 600;
const FORMASI = 250_000;
const LEVELS = ['SMA', 'D3', 'D4', 'S1', 'S2', 'PROFESI'];
const KINDS = ['umum', 'cumlaude', 'disabilitas', 'putra_putri_papua', 'diaspora', 'daerah_tertinggal'];

/** Words people type: the start of position, unit and programme words (2 to 8 letters). */
function vocabulary(): string[] {
  const words = new Set<string>();
  for (const text of [...BENCH_POSITIONS.flatMap(([name, , programmes]) => [name, ...programmes]), ...BENCH_UNITS]) {
    for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
      if (word.length >= 4) words.add(word.slice(0, Math.min(word.length, 3 + (word.length % 6))));
    }
  }
  return [...words].sort();
}

/** mulberry32: a small seeded generator with 32-bit integer arithmetic (a float LCG loses bits and cycles). */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Query = { q?: string; level?: string; kind?: string; agencyId?: string; type?: string };

function pathOf(query: Query): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined) as Array<[string, string]>);
  return `/api/public/formasi?${params}`;
}

let databaseUrl = '';
let distinct = 0;
let indexLoadSeconds = 0;

export const formasiSearch: HttpScenario = {
  kind: 'http',
  async prepare({ url }) {
    databaseUrl = process.env.DATABASE_URL ?? '';
    if (!databaseUrl) throw new Error('formasi-search memerlukan PostgreSQL: atur DATABASE_URL (datanya ditulis langsung ke basis data).');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const started = Date.now();
    for (const statement of benchDataSql({ agencies: AGENCIES, formasi: FORMASI })) await client.query(statement);
    const agencyIds = (await client.query<{ id: string }>(`SELECT id FROM agencies WHERE code LIKE 'bench-fs-%' ORDER BY code`)).rows.map((row) => row.id);
    await client.end();
    console.error(`data: ${FORMASI} formasi, ${AGENCIES} instansi dalam ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // The first search loads the index; wait for it (not measured).
    const loading = Date.now();
    const first = (await (await fetch(`${url}/api/public/formasi?pageSize=1`)).json()) as { total: number };
    indexLoadSeconds = (Date.now() - loading) / 1000;
    console.error(`indeks portal: ${first.total} formasi terbuka, dimuat dalam ${indexLoadSeconds.toFixed(1)} s`);

    const words = vocabulary();
    const next = random(2026);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    // A fresh combination for every request: level (70%), a word (80%), a kind (50%), an agency
    // (10%), a selection type (10%). Tens of thousands of distinct combinations.
    const seen = new Set<string>();
    const nextPath = () => {
      const path = pathOf({
        level: next() < 0.7 ? pick(LEVELS) : undefined,
        q: next() < 0.8 ? pick(words) : undefined,
        kind: next() < 0.5 ? pick(KINDS) : undefined,
        agencyId: next() < 0.1 ? pick(agencyIds) : undefined,
        type: next() < 0.1 ? pick(['cpns', 'pppk']) : undefined,
      });
      seen.add(path);
      distinct = seen.size;
      return path;
    };
    return {
      url,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: nextPath() }) }],
    };
  },

  /** Checks the API's totals against PostgreSQL's full-text count for a sample of queries. */
  async verify({ url }) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const next = random(7);
    const words = vocabulary();
    let mismatches = 0;
    for (let i = 0; i < 40; i++) {
      const query: Query = { q: words[Math.floor(next() * words.length)], level: LEVELS[Math.floor(next() * LEVELS.length)], kind: next() < 0.5 ? 'umum' : undefined };
      const api = (await (await fetch(`${url}${pathOf(query)}`)).json()) as { total: number };
      const sql = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM formasi f JOIN selections s ON s.id = f.selection_id
         WHERE f.status = 'published' AND s.status = 'published' AND s.registration_closes_at > now()
           AND to_tsvector('simple', f.search_text) @@ to_tsquery('simple', $1) AND f.education_levels @> $2::text[] AND ($3::text IS NULL OR f.kind = $3)`,
        [`${query.q}:*`, [query.level], query.kind ?? null],
      );
      if (sql.rows[0]!.n !== api.total) mismatches += 1;
    }
    await client.end();
    return { formasi: FORMASI, agencies: AGENCIES, distinct_queries: distinct, total_mismatches: mismatches, index_load_s: Number(indexLoadSeconds.toFixed(1)) };
  },
};
