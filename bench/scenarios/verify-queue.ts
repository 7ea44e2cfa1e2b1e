// The verifier's queue over 100,000 submitted applications of one agency: the first page a verifier
// opens (undecided applications, oldest first, 20 a page). PostgreSQL only: the applications are
// written straight into the bench database with generate_series after the server has migrated it.
// Everything is tagged (agency code 'bench-vq', accounts 'vq-…@bench.local') so a second run replaces it.
// VQ_QUERY adds filters to the measured URL (e.g. VQ_QUERY='assigned=unassigned&flagged=1').
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import type { HttpScenario } from '../types.js';

const APPLICATIONS = 100_000;
const FORMASI = 40;
const PASSWORD = 'Bench-Verifikator-2026!';
const VERIFIER = 'vq-verifikator@bench.local';

/** The statements, in order: clean the previous run, then agency, round, formations, applicants, applications. */
function dataSql(passwordHash: string): string[] {
  const agency = `(SELECT id FROM agencies WHERE code = 'bench-vq')`;
  const selection = `(SELECT id FROM selections WHERE agency_id = ${agency} AND name = 'Seleksi CPNS Bench 2026')`;
  return [
    `DELETE FROM agencies WHERE code = 'bench-vq'`,
    `DELETE FROM accounts WHERE email LIKE 'vq-%@bench.local'`,
    `INSERT INTO agencies (code, name, region) VALUES ('bench-vq', 'BKPSDM Bench Antrean', 'Uji beban')`,
    `INSERT INTO selections (agency_id, type, year, name, status, registration_opens_at, registration_closes_at, required_documents, published_at)
       VALUES (${agency}, 'cpns', 2026, 'Seleksi CPNS Bench 2026', 'published', now() - interval '40 days', now() - interval '10 days',
               '[{"key":"ktp","name":"KTP","formats":["jpg"],"maxKb":200,"mandatory":true},{"key":"ijazah","name":"Ijazah","formats":["pdf"],"maxKb":800,"mandatory":true}]'::jsonb,
               now() - interval '40 days')`,
    `INSERT INTO formasi (agency_id, selection_id, position_name, unit_name, count, status, qualifications)
       SELECT ${agency}, ${selection}, 'Jabatan Bench ' || i, 'Unit Kerja Bench ' || (i % 9), 3, 'published', '[{"level":"S1","programmes":[]}]'::jsonb
       FROM generate_series(1, ${FORMASI}) AS i`,
    `INSERT INTO accounts (email, name, email_verified_at) SELECT 'vq-' || i || '@bench.local', 'Pelamar Bench ' || i, now() FROM generate_series(1, ${APPLICATIONS}) AS i`,
    `INSERT INTO accounts (email, name, password_hash, email_verified_at) VALUES ('${VERIFIER}', 'Verifikator Bench', '${passwordHash}', now())`,
    `INSERT INTO account_roles (account_id, role, agency_id) SELECT id, 'verifikator', ${agency} FROM accounts WHERE email = '${VERIFIER}'`,
    // 70 % undecided (a tenth of them held by the verifier), 20 % MS, 10 % TMS; 1 % flagged as likely duplicates.
    `WITH f AS (SELECT id, row_number() OVER (ORDER BY position_name) - 1 AS n FROM formasi WHERE selection_id = ${selection}),
          v AS (SELECT id FROM accounts WHERE email = '${VERIFIER}')
     INSERT INTO applications (agency_id, selection_id, formasi_id, account_id, nik, selection_type, selection_year, status, registration_number,
                               applicant_name, birth_date, phone, email, submitted_at, assigned_verifier_id, claimed_at, decided_at, decided_by, flags, profile_snapshot)
       SELECT ${agency}, ${selection}, f.id, a.id, '9' || lpad(s.i::text, 15, '0'), 'cpns', 2026,
              CASE WHEN s.i % 10 < 7 THEN 'submitted' WHEN s.i % 10 < 9 THEN 'ms' ELSE 'tms' END,
              'CPNS2026-BENCHVQ-' || lpad(s.i::text, 7, '0'), 'Pelamar Bench ' || s.i, '1998-01-01', '0812' || lpad(s.i::text, 8, '0'), a.email,
              now() - interval '20 days' + s.i * interval '10 seconds',
              CASE WHEN s.i % 10 = 0 OR s.i % 10 >= 7 THEN v.id END,
              CASE WHEN s.i % 10 = 0 OR s.i % 10 >= 7 THEN now() - interval '5 days' END,
              CASE WHEN s.i % 10 >= 7 THEN now() - interval '4 days' END,
              CASE WHEN s.i % 10 >= 7 THEN v.id END,
              CASE WHEN s.i % 100 = 13 THEN '[{"kind":"telepon","otherApplicationId":"00000000-0000-4000-8000-000000000000","detail":"Nomor HP sama"}]'::jsonb ELSE '[]'::jsonb END,
              jsonb_build_object('name', 'Pelamar Bench ' || s.i)
       FROM generate_series(1, ${APPLICATIONS}) AS s(i)
       JOIN accounts a ON a.email = 'vq-' || s.i || '@bench.local'
       JOIN f ON f.n = s.i % ${FORMASI}
       CROSS JOIN v`,
    // What autovacuum would have done by the time verifiers start: statistics and the visibility map.
    `VACUUM ANALYZE applications`,
    `VACUUM ANALYZE accounts`,
  ];
}

let databaseUrl = '';

export const verifyQueue: HttpScenario = {
  kind: 'http',
  async prepare({ url, connections }) {
    databaseUrl = process.env.DATABASE_URL ?? '';
    if (!databaseUrl) throw new Error('verify-queue memerlukan PostgreSQL: atur DATABASE_URL (datanya ditulis langsung ke basis data).');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const started = Date.now();
    for (const statement of dataSql(await hash(PASSWORD))) await client.query(statement);
    const [agency] = (await client.query<{ id: string }>(`SELECT id FROM agencies WHERE code = 'bench-vq'`)).rows;
    await client.end();
    console.error(`data: ${APPLICATIONS} pendaftaran satu instansi dalam ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const cookies: string[] = [];
    for (let i = 0; i < connections; i++) {
      const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: VERIFIER, password: PASSWORD }) });
      if (!response.ok) throw new Error(`login gagal: ${response.status} ${await response.text()}`);
      cookies.push(response.headers.getSetCookie()[0]!.split(';')[0]!);
    }
    const extra = process.env.VQ_QUERY ? `?${process.env.VQ_QUERY}` : '';
    const path = `/api/agencies/${agency!.id}/verification/queue${extra}`;
    const probe = await fetch(`${url}${path}`, { headers: { cookie: cookies[0]! } });
    const body = (await probe.json()) as { items?: unknown[]; total?: number; totalCapped?: boolean };
    if (!probe.ok || !body.items?.length) throw new Error(`antrean tidak berisi: ${probe.status} ${JSON.stringify(body).slice(0, 300)}`);
    console.error(`halaman pertama: ${body.items.length} baris, total ${body.totalCapped ? `> ${body.total}` : body.total}`);
    let next = 0;
    return { url: `${url}${path}`, setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % cookies.length]! }) };
  },
  async verify() {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const [row] = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM applications WHERE agency_id = (SELECT id FROM agencies WHERE code = 'bench-vq')`)).rows;
    await client.end();
    return { applications: Number(row!.n) };
  },
};
