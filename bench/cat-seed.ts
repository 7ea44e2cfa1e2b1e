import { hash } from '@node-rs/argon2';
import { createHmac, randomBytes } from 'node:crypto';
import type pg from 'pg';

export const BENCH_PIN = '135790';

export type CatSeedOptions = { participants: number; sessionSecret?: string; rooms?: number; finished?: boolean };

export type CatSeed = {
  agencyId: string;
  blueprintId: string;
  sessionIds: string[];
  participants: Array<{ attemptId: string; cookie: string }>;
};

/**
 * Seeds one SKD exam straight into PostgreSQL: 110 questions (TWK 30 with key a, TIU 35 with key a,
 * TKP 45 with points a=5 … e=1), `participants` MS applicants with sessions minted for the given
 * secret, open sessions with PIN BENCH_PIN, identity confirmed, papers generated (shuffled per participant).
 */
export async function seedCatExam(pool: pg.Pool, options: CatSeedOptions): Promise<CatSeed> {
  const rooms = options.rooms ?? 10;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const tag = randomBytes(4).toString('hex');
    const [agency] = (await client.query<{ id: string }>(`INSERT INTO agencies (code, name, region) VALUES ($1, $2, 'Bench') RETURNING id`, [`bench-cat-${tag}`, `Instansi Bench CAT ${tag}`])).rows;
    const agencyId = agency!.id;
    const [selection] = (await client.query<{ id: string }>(
      `INSERT INTO selections (agency_id, type, year, name, status, registration_opens_at, registration_closes_at, published_at)
       VALUES ($1, 'cpns', 2026, 'Bench CAT', 'published', now() - interval '30 days', now() - interval '20 days', now() - interval '30 days') RETURNING id`,
      [agencyId],
    )).rows;
    const [formasi] = (await client.query<{ id: string }>(
      `INSERT INTO formasi (agency_id, selection_id, position_name, unit_name, count, status) VALUES ($1, $2, 'Analis Bench', 'Unit Bench', 10, 'published') RETURNING id`,
      [agencyId, selection!.id],
    )).rows;
    const [bank] = (await client.query<{ id: string }>(`INSERT INTO cat_banks (agency_id, name) VALUES ($1, 'Bank Bench') RETURNING id`, [agencyId])).rows;
    await client.query(
      `INSERT INTO cat_questions (bank_id, agency_id, subtest, type, stem, options, key_option_id, status)
       SELECT $1, $2, s.subtest, CASE WHEN s.subtest = 'TKP' THEN 'weighted' ELSE 'single' END, 'Soal ' || s.subtest || ' ' || g,
              (SELECT jsonb_agg(jsonb_build_object('id', o.id, 'text', 'Pilihan ' || o.id, 'points', o.points) ORDER BY o.id)
                 FROM (VALUES ('a', 5), ('b', 4), ('c', 3), ('d', 2), ('e', 1)) AS o(id, points)),
              CASE WHEN s.subtest = 'TKP' THEN NULL ELSE 'a' END, 'active'
       FROM (VALUES ('TWK', 30), ('TIU', 35), ('TKP', 45)) AS s(subtest, n), generate_series(1, s.n) AS g`,
      [bank!.id, agencyId],
    );
    const sections = JSON.stringify([
      { subtest: 'TWK', count: 30, bankIds: [bank!.id] },
      { subtest: 'TIU', count: 35, bankIds: [bank!.id] },
      { subtest: 'TKP', count: 45, bankIds: [bank!.id] },
    ]);
    const [blueprint] = (await client.query<{ id: string }>(
      `INSERT INTO cat_blueprints (agency_id, selection_id, stage_key, name, preset, duration_minutes, sections) VALUES ($1, $2, 'skd', 'SKD', 'skd', 100, $3) RETURNING id`,
      [agencyId, selection!.id, sections],
    )).rows;
    const [venue] = (await client.query<{ id: string }>(`INSERT INTO cat_venues (agency_id, name) VALUES ($1, 'Gedung Bench') RETURNING id`, [agencyId])).rows;
    const pinHash = await hash(BENCH_PIN);
    const sessionIds: string[] = [];
    for (let r = 0; r < rooms; r++) {
      const [room] = (await client.query<{ id: string }>(`INSERT INTO cat_rooms (venue_id, agency_id, name, seats) VALUES ($1, $2, $3, $4) RETURNING id`, [venue!.id, agencyId, `Ruang ${r + 1}`, Math.ceil(options.participants / rooms)])).rows;
      const [session] = (await client.query<{ id: string }>(
        `INSERT INTO cat_sessions (agency_id, selection_id, blueprint_id, room_id, name, starts_at, status, pin_hash, opened_at) VALUES ($1, $2, $3, $4, $5, now(), 'open', $6, now()) RETURNING id`,
        [agencyId, selection!.id, blueprint!.id, room!.id, `Sesi ${r + 1}`, pinHash],
      )).rows;
      sessionIds.push(session!.id);
    }
    const tokens = Array.from({ length: options.participants }, () => randomBytes(32).toString('base64url'));
    const secret = options.sessionSecret ?? 'x';
    const tokenHashes = tokens.map((t) => createHmac('sha256', secret).update(t).digest('base64url'));
    const attempts = (await client.query<{ id: string; n: number }>(
      `WITH people AS (
         SELECT g AS n FROM generate_series(1, $4::int) AS g
       ), acc AS (
         INSERT INTO accounts (email, name, password_hash, email_verified_at)
         SELECT 'bench-' || $5 || '-' || n || '@bench.local', 'Peserta Bench ' || n, 'tidak-dipakai', now() FROM people
         RETURNING id, email
       ), numbered AS (
         SELECT id, split_part(split_part(email, '-', 3), '@', 1)::int AS n FROM acc
       ), roles AS (
         INSERT INTO account_roles (account_id, role) SELECT id, 'pelamar' FROM numbered
       ), sess AS (
         INSERT INTO sessions (token_hash, account_id, expires_at) SELECT ($6::text[])[n], id, now() + interval '1 day' FROM numbered
       ), apps AS (
         INSERT INTO applications (agency_id, selection_id, formasi_id, account_id, nik, selection_type, selection_year, status, registration_number, applicant_name, submitted_at)
         SELECT $1, $2, $3, id, lpad((n + 1000000000)::text, 16, '9'), 'cpns', 2026, 'ms', 'BENCH-' || $5 || '-' || lpad(n::text, 6, '0'), 'Peserta Bench ' || n, now() FROM numbered
         RETURNING id, account_id
       )
       INSERT INTO cat_attempts (agency_id, selection_id, blueprint_id, session_id, application_id, account_id, formasi_id, formasi_kind, seat, duration_seconds, identity_confirmed_at)
       SELECT $1, $2, $7, ($8::uuid[])[1 + (numbered.n % array_length($8::uuid[], 1))], apps.id, apps.account_id, $3, 'umum', numbered.n, 6000, now()
       FROM apps JOIN numbered ON numbered.id = apps.account_id
       RETURNING id, seat AS n`,
      [agencyId, selection!.id, formasi!.id, options.participants, tag, tokenHashes, blueprint!.id, sessionIds],
    )).rows;
    await client.query(
      `INSERT INTO cat_paper_items (attempt_id, question_id, position, option_order)
       SELECT a.id, q.id, row_number() OVER (PARTITION BY a.id ORDER BY md5(a.id::text || q.id::text)), '{e,d,c,b,a}'
       FROM cat_attempts a CROSS JOIN cat_questions q
       WHERE a.blueprint_id = $1 AND q.bank_id = $2`,
      [blueprint!.id, bank!.id],
    );
    await client.query('COMMIT');
    return {
      agencyId,
      blueprintId: blueprint!.id,
      sessionIds,
      participants: attempts.sort((a, b) => a.n - b.n).map((a) => ({ attemptId: a.id, cookie: `sid=${tokens[a.n - 1]}` })),
    };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
