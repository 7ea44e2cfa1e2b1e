import pg from 'pg';
import { createDatabase } from '../../server/db/client.js';
import { runMigrations } from '../../server/db/migrate.js';
import { createLiveHub } from '../../server/modules/cat-exam/live.js';
import { scoreFinishedAttempts } from '../../server/modules/cat-exam/scoring.js';
import { seedCatExam } from '../cat-seed.js';
import type { BatchScenario } from '../types.js';

/**
 * Scores --size (default 100,000) finished SKD attempts of 110 answered questions each, as the
 * server does when a session block ends: paper and answers read per chunk, scored by
 * core/cat-scoring, results with answer-sheet hashes inserted. Seeding is not timed.
 */
export const catScore: BatchScenario = {
  kind: 'batch',
  async run({ size }) {
    if (!process.env.DATABASE_URL) throw new Error('cat-score membutuhkan DATABASE_URL (PostgreSQL)');
    const attempts = size ?? 100_000;
    const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', poolSize: 4 });
    await runMigrations(database);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    const seedStarted = performance.now();
    const seed = await seedCatExam(pool, { participants: attempts, rooms: 100 });
    await pool.query(
      `INSERT INTO cat_answers (attempt_id, question_id, option_id, flagged, seq, answered_at)
       SELECT p.attempt_id, p.question_id, (ARRAY['a','b','c','d','e'])[1 + (abs(hashtext(p.attempt_id::text || p.question_id::text)) % 5)], false, p.position, now()
       FROM cat_paper_items p JOIN cat_attempts a ON a.id = p.attempt_id WHERE a.blueprint_id = $1`,
      [seed.blueprintId],
    );
    await pool.query(`UPDATE cat_attempts SET status = 'finished', started_at = now(), ends_at = now(), finished_at = now(), finished_by = 'waktu_habis' WHERE blueprint_id = $1`, [seed.blueprintId]);
    // Papers are generated when participants are allocated to sessions, days before the exam, so
    // autovacuum has long visited them (their primary key then answers an index-only scan); the
    // answers were written during the exam and are only analysed. Done here, before the clock
    // starts, so no autovacuum of 11 million fresh rows runs during the measurement.
    await pool.query('VACUUM (ANALYZE) cat_paper_items');
    await pool.query('ANALYZE cat_answers; ANALYZE cat_attempts');
    console.error(`data siap: ${attempts} ujian selesai dalam ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    const ids = (await pool.query<{ id: string }>('SELECT id FROM cat_attempts WHERE blueprint_id = $1', [seed.blueprintId])).rows.map((r) => r.id);
    // As the server runs on PostgreSQL without Redis: each result is announced to the live boards by a NOTIFY in its transaction.
    const hub = await createLiveHub({ database, databaseUrl: process.env.DATABASE_URL, redis: null });
    const started = performance.now();
    const written = await scoreFinishedAttempts(database, hub, ids);
    const seconds = (performance.now() - started) / 1000;
    const [check] = (await pool.query<{ n: string }>('SELECT count(*) AS n FROM cat_results WHERE blueprint_id = $1', [seed.blueprintId])).rows;
    await pool.end();
    await hub.close();
    await database.close();
    return { count: written.length, seconds, errors: attempts - Number(check!.n), extra: { results_stored: Number(check!.n) } };
  },
};
