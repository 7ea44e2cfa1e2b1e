import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { DEFAULT_SETTINGS, presetRubric } from '../../core/panel-scoring.js';
import { CPNS_PIPELINE } from '../../core/pipeline.js';
import { createDatabase } from '../../server/db/client.js';
import { runMigrations } from '../../server/db/migrate.js';
import type { BatchScenario } from '../types.js';

/**
 * Integration and ranking of --size candidates (default 4,000,000, the national 2024 scale) as the
 * server computes a round's final list: every finalist's SKD and CAT SKB results and the locked
 * work-practice scores read from PostgreSQL (the panel's through panelStageScores), the CPNS
 * preset's weights (40 SKD / 60 SKB = 60 CAT SKB + 40 work practice) integrated exactly, the SKD
 * pass mark and 3 × formation cut applied, each formation ranked with the whole tie-break chain.
 * Rounds are agencies' own: above 100,000 candidates the size is split into rounds of 8,000 (100
 * formations of 80); up to 100,000 it is one agency's round (500 formations). Rounds are spread
 * over FINAL_RANKING_THREADS worker threads (default: one per core), each ranking
 * FINAL_RANKING_LANES rounds at a time (bench/final-ranking-worker.mts). Seeding is not timed
 * and is kept between runs (same size → same data). For comparison the same candidates are
 * ranked once by one plain SQL window over their stored final scores and the whole chain
 * (`sql_window_seconds`); FINAL_RANKING_WINDOW=0 leaves that out (it writes gigabytes of sort files
 * at 4,000,000, and the ranking's own CPU is then measured alone).
 */
const PER_ROUND = 8_000;
// Two rounds at a time per thread: since the reads come from indexes alone (migration 0028), PostgreSQL's
// part is short enough that a third round in flight only kept more of the thread's objects alive
// through garbage collections (4,000,000: 21.9 s with 2 lanes, 23.8 with 1, 26.5 with 3; bench/README.md).
const LANES = Number(process.env.FINAL_RANKING_LANES ?? 2);
const THREADS = Number(process.env.FINAL_RANKING_THREADS ?? availableParallelism());

type Seeded = { agencyId: string; selectionIds: string[] };

async function seed(pool: pg.Pool, size: number): Promise<Seeded> {
  const code = `bench-final-${size}`;
  const existing = (await pool.query<{ id: string }>('SELECT id FROM agencies WHERE code = $1', [code])).rows[0];
  if (existing) {
    const rounds = (await pool.query<{ id: string }>(`SELECT s.id FROM selections s WHERE s.agency_id = $1 AND s.status = 'closed' ORDER BY s.name`, [existing.id])).rows;
    if (rounds.length) return { agencyId: existing.id, selectionIds: rounds.map((r) => r.id) };
    throw new Error(`data bench ${code} tidak lengkap: hapus instansi itu lalu jalankan lagi`);
  }
  const started = performance.now();
  const agencyId = (await pool.query<{ id: string }>(`INSERT INTO agencies (code, name, region) VALUES ($1, $2, 'Bench') RETURNING id`, [code, `Instansi Bench Hasil Akhir ${size}`])).rows[0]!.id;
  const perRound = size <= 100_000 ? size : PER_ROUND;
  const rounds = Math.ceil(size / perRound);
  const formations = size <= 100_000 ? 500 : 100;
  // An account applies once per round, so one set of accounts serves every round.
  await pool.query(
    `INSERT INTO accounts (email, name) SELECT 'bench-final-' || $1::int || '-' || g || '@bench.test', 'Peserta Bench ' || g FROM generate_series(1, $2::int) g ON CONFLICT DO NOTHING`,
    [size, perRound],
  );
  await pool.query(`CREATE TEMP TABLE IF NOT EXISTS bench_accounts AS SELECT row_number() OVER (ORDER BY email) AS n, id FROM accounts WHERE email LIKE $1`, [`bench-final-${size}-%@bench.test`]);
  const rubric = presetRubric('praktik_kerja');
  for (let r = 0; r < rounds; r += 1) {
    const n = Math.min(perRound, size - r * perRound);
    const places = Math.ceil(n / formations / 3);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const selectionId = (await client.query<{ id: string }>(
        `INSERT INTO selections (agency_id, type, year, name, status, registration_opens_at, registration_closes_at, published_at, pipeline)
         VALUES ($1, 'cpns', 2026, $2, 'closed', now() - interval '90 days', now() - interval '80 days', now() - interval '95 days', $3::jsonb) RETURNING id`,
        [agencyId, `Bench ${String(r).padStart(4, '0')}`, JSON.stringify(CPNS_PIPELINE)],
      )).rows[0]!.id;
      await client.query(
        `INSERT INTO formasi (agency_id, selection_id, position_name, unit_name, count, status, qualifications, education_levels, programmes)
         SELECT $1, $2, 'Jabatan ' || (f % 7), 'Unit ' || f, $3::int, 'published', '[{"level":"S1","programmes":["Informatika"]}]'::jsonb, '{S1}', '{informatika}'
         FROM generate_series(1, $4::int) f`,
        [agencyId, selectionId, places, formations],
      );
      await client.query(
        `INSERT INTO applications (agency_id, selection_id, formasi_id, account_id, selection_type, selection_year, status, registration_number, applicant_name, birth_date, profile_snapshot)
         SELECT $1, $2, f.ids[1 + (g - 1) % $4::int], b.id, 'cpns', 2026, 'ms', 'BF' || $5::int || '-' || $6::int || '-' || lpad(g::text, 6, '0'), p.name, p.birth_date,
                -- The frozen profile as registration stores it (core/schemas/applicants.ts): two diplomas, the S1 one with a GPA.
                jsonb_build_object('nik', lpad((3171000000000000 + g)::text, 16, '0'), 'name', p.name, 'birthPlace', 'Manna', 'birthDate', p.birth_date,
                  'sex', CASE WHEN g % 2 = 0 THEN 'L' ELSE 'P' END, 'address', 'Jl. Merdeka No. ' || g || ', Kelurahan Pasar Manna, Kecamatan Kota Manna', 'phone', '0812' || lpad(g::text, 8, '0'),
                  'disability', '', 'claims', '{}'::jsonb, 'education', jsonb_build_array(
                  jsonb_build_object('level', 'SMA', 'institution', 'SMA Negeri ' || (1 + g % 40) || ' Kota Manna', 'programme', 'IPA', 'gpa', null, 'diplomaNumber', 'DN-MA-' || lpad(g::text, 8, '0'), 'year', 2006 + g % 12),
                  jsonb_build_object('level', 'S1', 'institution', 'Universitas Bengkulu', 'programme', 'Informatika', 'gpa', round(2.5 + (g * 37 % 150) / 100.0, 2), 'diplomaNumber', 'UNIB/' || (2010 + g % 12) || '/' || lpad(g::text, 6, '0'), 'year', 2010 + g % 12)))
         FROM generate_series(1, $3::int) g
         JOIN bench_accounts b ON b.n = g
         CROSS JOIN LATERAL (SELECT 'Peserta ' || g AS name, make_date(1988 + g % 12, 1 + g % 12, 1 + (g * 7) % 28)::text AS birth_date) p
         CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM formasi WHERE selection_id = $2) f`,
        [agencyId, selectionId, n, formations, size, r],
      );
      for (const [stageKey, preset, sections] of [
        ['skd', 'skd', [{ subtest: 'TWK', count: 30, bankIds: [] }, { subtest: 'TIU', count: 35, bankIds: [] }, { subtest: 'TKP', count: 45, bankIds: [] }]],
        ['skb', 'skb', [{ subtest: 'SKB', count: 20, bankIds: [] }]],
      ] as const) {
        const blueprintId = (await client.query<{ id: string }>(
          `INSERT INTO cat_blueprints (agency_id, selection_id, stage_key, name, preset, duration_minutes, sections) VALUES ($1, $2, $3, $3, $4, 100, $5::jsonb) RETURNING id`,
          [agencyId, selectionId, stageKey, preset, JSON.stringify(sections)],
        )).rows[0]!.id;
        // Deterministic scores from the registration number: ~5 % under the SKD pass mark, ~1 % absent.
        await client.query(
          `WITH h AS (SELECT a.*, ('x' || substr(md5(a.registration_number || $3), 1, 8))::bit(32)::int & 2147483647 AS k FROM applications a WHERE a.selection_id = $1),
           t AS (INSERT INTO cat_attempts (agency_id, selection_id, blueprint_id, application_id, account_id, formasi_id, formasi_kind, status, duration_seconds)
                 SELECT agency_id, selection_id, $2, id, account_id, formasi_id, 'umum', CASE WHEN k % 100 = 0 THEN 'absent' ELSE 'finished' END, 6000 FROM h
                 RETURNING id, application_id, status)
           INSERT INTO cat_results (attempt_id, agency_id, selection_id, blueprint_id, formasi_id, registration_number, participant_name, scores, total, passed, answer_sheet_hash, result_hash, scored_at)
           SELECT t.id, h.agency_id, h.selection_id, $2, h.formasi_id, h.registration_number, h.applicant_name, s.scores, s.total, s.passed, md5(t.id::text), md5(h.registration_number), now()
           FROM t JOIN h ON h.id = t.application_id,
           LATERAL (SELECT CASE WHEN $3 = 'skd' THEN
                      jsonb_build_object('TWK', tw, 'TIU', ti, 'TKP', tk) ELSE jsonb_build_object('SKB', 5 * (h.k % 21)) END AS scores,
                      CASE WHEN $3 = 'skd' THEN tw + ti + tk ELSE 5 * (h.k % 21) END AS total,
                      CASE WHEN $3 = 'skd' THEN tw >= 65 AND ti >= 80 AND tk >= 166 ELSE true END AS passed
                    FROM (SELECT CASE WHEN h.k % 20 = 0 THEN 60 ELSE 5 * (13 + h.k % 18) END AS tw, 5 * (16 + (h.k / 7) % 20) AS ti, 166 + (h.k / 11) % 60 AS tk) v) s
           WHERE t.status = 'finished'`,
          [selectionId, blueprintId, stageKey],
        );
      }
      const componentId = (await client.query<{ id: string }>(
        `INSERT INTO panel_components (agency_id, selection_id, stage_key, component_key, name, criteria, levels, settings) VALUES ($1, $2, 'skb', 'praktik_kerja', 'Praktik kerja', $3::jsonb, $4::jsonb, $5::jsonb) RETURNING id`,
        [agencyId, selectionId, JSON.stringify(rubric.criteria), JSON.stringify(rubric.levels), JSON.stringify(DEFAULT_SETTINGS)],
      )).rows[0]!.id;
      await client.query(
        `INSERT INTO panel_candidates (component_id, application_id, agency_id, absent, score, score_exact)
         SELECT $1, a.id, a.agency_id, false, s, (s * 100)::int || '/100' FROM applications a, LATERAL (SELECT round(1 + (('x' || substr(md5(a.registration_number || 'p'), 1, 6))::bit(24)::int % 401) / 100.0, 2) AS s) v
         WHERE a.selection_id = $2`,
        [componentId, selectionId],
      );
      await client.query(`UPDATE panel_components SET status = 'locked', locked_at = now() WHERE id = $1`, [componentId]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    if (r % 25 === 24) console.error(`data: ${(r + 1) * perRound} peserta (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  // Vacuumed as autovacuum leaves a database long before its final ranking: the pages marked all-visible,
  // so the ranking's reads come from the indexes alone (migration 0028), and the pages' hint bits set.
  await pool.query('VACUUM (ANALYZE) applications, cat_attempts, cat_results, panel_candidates, panel_components, formasi');
  console.error(`data siap: ${size} peserta dalam ${rounds} seleksi, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const selectionIds = (await pool.query<{ id: string }>(`SELECT id FROM selections WHERE agency_id = $1 ORDER BY name`, [agencyId])).rows.map((row) => row.id);
  return { agencyId, selectionIds };
}

export const finalRanking: BatchScenario = {
  kind: 'batch',
  async run({ size }) {
    if (!process.env.DATABASE_URL) throw new Error('final-ranking membutuhkan DATABASE_URL (PostgreSQL)');
    const total = size ?? 4_000_000;
    const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', poolSize: 1 });
    await runMigrations(database);
    await database.close();
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    const { agencyId, selectionIds } = await seed(pool, total);

    // Each thread takes the next round from a shared counter until none is left. The clock starts
    // once every thread has compiled its modules and made its pool.
    const next = new SharedArrayBuffer(4);
    const workers = Array.from(
      { length: Math.min(THREADS, selectionIds.length) },
      () => new Worker(new URL('../ts-worker.mjs', import.meta.url), { workerData: { entry: new URL('../final-ranking-worker.mts', import.meta.url).href, databaseUrl: process.env.DATABASE_URL, agencyId, selectionIds, lanes: LANES, next } }),
    );
    const message = <T>(worker: Worker) =>
      new Promise<T>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`thread final-ranking berhenti tanpa hasil (kode ${code})`)));
      });
    await Promise.all(workers.map(message));
    const started = performance.now();
    const done = workers.map(message<{ lines: number; ranked: number; issues: number }>);
    for (const worker of workers) worker.postMessage('go');
    let lines = 0;
    let ranked = 0;
    let issues = 0;
    for (const totals of await Promise.all(done)) {
      lines += totals.lines;
      ranked += totals.ranked;
      issues += totals.issues;
    }
    const seconds = (performance.now() - started) / 1000;

    const extra = { candidates: total, rounds: selectionIds.length, ranked_lines: ranked };
    if (process.env.FINAL_RANKING_WINDOW === '0') {
      await pool.end();
      return { count: lines, seconds, errors: issues, extra };
    }
    // The reference: one SQL window over stored scores with the whole chain (no elimination, no exact integration).
    // Untimed: the seed did not analyse the blueprints and components; without their statistics the
    // planner expected three rows and looked each candidate's panel score up by a scan of the index.
    await pool.query('ANALYZE cat_blueprints; ANALYZE panel_components');
    const windowStarted = performance.now();
    await pool.query(
      `SELECT count(*) FROM (
         SELECT row_number() OVER (PARTITION BY a.formasi_id ORDER BY
                  (0.4 * rs.total / 550 * 100 + 0.6 * (0.6 * rb.total + 0.4 * pc.score / 5 * 100)) DESC, rs.total DESC,
                  (rs.scores->>'TKP')::int DESC, (rs.scores->>'TIU')::int DESC, (rs.scores->>'TWK')::int DESC,
                  (a.profile_snapshot->'education'->1->>'gpa')::numeric DESC NULLS LAST, a.birth_date, a.registration_number) AS rank
         FROM applications a
         JOIN cat_attempts ts ON ts.application_id = a.id JOIN cat_blueprints bs ON bs.id = ts.blueprint_id AND bs.stage_key = 'skd' JOIN cat_results rs ON rs.attempt_id = ts.id
         JOIN cat_attempts tb ON tb.application_id = a.id JOIN cat_blueprints bb ON bb.id = tb.blueprint_id AND bb.stage_key = 'skb' JOIN cat_results rb ON rb.attempt_id = tb.id
         JOIN panel_components pk ON pk.selection_id = a.selection_id JOIN panel_candidates pc ON pc.component_id = pk.id AND pc.application_id = a.id
         WHERE a.agency_id = $1) ranked`,
      [agencyId],
    );
    const windowSeconds = (performance.now() - windowStarted) / 1000;
    await pool.end();
    return { count: lines, seconds, errors: issues, extra: { ...extra, sql_window_seconds: Number(windowSeconds.toFixed(3)) } };
  },
};
