import { createHmac, randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { cpuPhase } from '../cpu.js';
import PDFDocument from 'pdfkit';
import { openConnection, percentile, type Connection } from '../http-client.js';
import type { DriverScenario } from '../types.js';

/** A valid PDF of about 300 KB (pages of text); each applicant appends a unique comment after %%EOF, so no two files share a hash. */
function makePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const line = 'Ijazah Sarjana Informatika — Universitas Bench — nomor ijazah dan nilai. '.repeat(8);
  for (let page = 0; page < 11; page++) {
    if (page) doc.addPage();
    for (let i = 0; i < 14; i++) doc.text(line);
  }
  doc.end();
  return done;
}

function multipart(content: Buffer, name: string) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`);
  return { body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Applicants completing their application end to end: save the profile (NIK checked), start an
 * application, upload one ~300 KB PDF (streamed, hashed, parsed), submit (eligibility, deadline,
 * constraint, registration number, duplicate flags, audit). --size applicants (default 3,000),
 * --connections of them at a time, each on its own keep-alive connection (spread over the server
 * processes as a load balancer would). Reports completed applications per second and the p99 of a
 * whole application (four requests). Like the other scenarios' 2 s warm-up, three applicants per
 * connection go first, untimed (the first requests of a process compile its code, start the PDF
 * worker and prepare each pool connection's statements); then the --size applicants are timed.
 */
export const applySubmit: DriverScenario = {
  kind: 'driver',
  async run({ urls, serverPids, sessionSecret, connections, size }) {
    if (!process.env.DATABASE_URL) throw new Error('apply-submit membutuhkan DATABASE_URL (PostgreSQL)');
    const measured = size ?? 3000;
    const warm = connections * 3;
    const applicants = warm + measured;
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    const tag = randomBytes(4).toString('hex');
    const [agency] = (await pool.query<{ id: string }>(`INSERT INTO agencies (code, name, region) VALUES ($1, $2, 'Bench') RETURNING id`, [`bench-apply-${tag}`, `Instansi Bench ${tag}`])).rows;
    const [selection] = (await pool.query<{ id: string }>(
      `INSERT INTO selections (agency_id, type, year, name, status, registration_opens_at, registration_closes_at, published_at, required_documents)
       VALUES ($1, 'cpns', 2026, 'Bench Pendaftaran', 'published', now() - interval '1 day', now() + interval '7 days', now(), $2) RETURNING id`,
      [agency!.id, JSON.stringify([{ key: 'ijazah', name: 'Ijazah', formats: ['pdf'], maxKb: 800, mandatory: true }])],
    )).rows;
    const [formasi] = (await pool.query<{ id: string }>(
      `INSERT INTO formasi (agency_id, selection_id, position_name, unit_name, count, qualifications, education_levels, programmes, status)
       VALUES ($1, $2, 'Pranata Komputer', 'Diskominfo', 100, '[{"level":"S1","programmes":["Informatika"]}]', '{S1}', '{informatika}', 'published') RETURNING id`,
      [agency!.id, selection!.id],
    )).rows;
    const tokens = Array.from({ length: applicants }, () => randomBytes(32).toString('base64url'));
    await pool.query(
      `WITH acc AS (
         INSERT INTO accounts (email, name, password_hash, email_verified_at)
         SELECT 'apply-' || $1 || '-' || g || '@bench.local', 'Pelamar Bench', 'tidak-dipakai', now() FROM generate_series(1, $2::int) g RETURNING id, email
       ), n AS (SELECT id, split_part(split_part(email, '-', 3), '@', 1)::int AS g FROM acc),
       r AS (INSERT INTO account_roles (account_id, role) SELECT id, 'pelamar' FROM n)
       INSERT INTO sessions (token_hash, account_id, expires_at) SELECT ($3::text[])[g], id, now() + interval '1 day' FROM n`,
      [tag, applicants, tokens.map((t) => createHmac('sha256', sessionSecret).update(t).digest('base64url'))],
    );
    const pdf = await makePdf();
    // Each run a regency code no earlier run on this database used, so their NIKs do not collide.
    const used = new Set((await pool.query<{ code: string }>(`SELECT DISTINCT substr(nik, 3, 2) AS code FROM applicant_profiles WHERE nik LIKE '32%'`)).rows.map((r) => r.code));
    const regency = Array.from({ length: 90 }, (_, i) => String(10 + i)).find((code) => !used.has(code));
    if (!regency) throw new Error('apply-submit: 90 kode kabupaten sudah terpakai di basis data ini; pakai basis data baru');
    const latencies: number[] = [];
    // Each request's own time, so a slow application shows which step made it slow.
    const steps = { profile: [] as number[], create: [] as number[], upload: [] as number[], submit: [] as number[] };
    let errors = 0;
    let completed = 0;
    async function apply(client: Connection, i: number, timed: boolean) {
      const cookie = `sid=${tokens[i]}`;
      // Birth dates spread over eleven years (1993–2003), as in a real round: the duplicate check
      // looks up applicants born on the same day, so one shared date would make it look at everyone.
      const born = new Date(Date.UTC(1993, 0, 1) + ((i * 7919) % 4015) * 86_400_000);
      const birthDate = born.toISOString().slice(0, 10);
      // A NIK that agrees with the birth date (men: DDMMYY), serial from i.
      const serial = String((i % 9999) + 1).padStart(4, '0');
      const district = String(10 + Math.floor(i / 9999)).padStart(2, '0');
      const profile = {
        nik: `32${regency}${district}${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}${serial}`,
        name: `Pelamar Bench ${i}`,
        birthPlace: 'Bandung',
        birthDate,
        sex: 'L',
        address: 'Jl. Uji Beban No. 1',
        phone: `0812${String(10_000_000 + i)}`,
        education: [{ level: 'S1', institution: 'Universitas Bench', programme: 'Informatika', gpa: 3.3, diplomaNumber: `B-${i}`, year: 2022 }],
        disability: '',
        claims: {},
      };
      const t0 = performance.now();
      const step = (name: keyof typeof steps, ms: number) => timed && steps[name].push(ms);
      const p = await client.send('PUT', '/api/applicant/profile', cookie, profile);
      step('profile', p.ms);
      if (p.status !== 200) throw new Error(`profil ${p.status} ${p.body.slice(0, 160)}`);
      const a = await client.send('POST', '/api/applicant/applications', cookie, { formasiId: formasi!.id });
      step('create', a.ms);
      if (a.status !== 201) throw new Error(`pendaftaran ${a.status} ${a.body.slice(0, 160)}`);
      const id = (JSON.parse(a.body) as { application: { id: string } }).application.id;
      const { body, type } = multipart(Buffer.concat([pdf, Buffer.from(`\n% pelamar ${i} ${tag}\n`)]), 'ijazah.pdf');
      const u = await client.sendRaw('PUT', `/api/applicant/applications/${id}/documents/ijazah`, cookie, body, type);
      step('upload', u.ms);
      if (u.status !== 200) throw new Error(`unggah ${u.status} ${u.body.slice(0, 160)}`);
      const s = await client.send('POST', `/api/applicant/applications/${id}/submit`, cookie);
      step('submit', s.ms);
      if (s.status !== 200) throw new Error(`kirim ${s.status} ${s.body.slice(0, 160)}`);
      if (!timed) return;
      latencies.push(performance.now() - t0);
      completed += 1;
    }
    const clients = Array.from({ length: connections }, (_, c) => openConnection(urls[c % urls.length]!));
    let next = 0;
    // Applicants up to `end` on every connection at once; errors are counted in the timed phase only.
    const phase = (end: number, timed: boolean) =>
      Promise.all(
        clients.map(async (client) => {
          while (next < end) {
            const i = next++;
            try {
              await apply(client, i, timed);
            } catch (error) {
              if (!timed) throw error;
              errors += 1;
              if (errors <= 3) console.error(String(error));
            }
          }
        }),
      );
    await phase(warm, false);
    const started = performance.now();
    const cpu = await cpuPhase(pool, serverPids);
    await phase(applicants, true);
    for (const client of clients) client.close();
    const seconds = (performance.now() - started) / 1000;
    const cores = await cpu();
    const load = os.loadavg()[0]!;
    const [check] = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM applications WHERE selection_id = $1 AND status = 'submitted'`, [selection!.id])).rows;
    // Every acknowledged submission has its record in the agency's audit chain (npm run audit:verify checks the links).
    const [audited] = (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE chain = $1 AND action = 'application.submit'`, [agency!.id])).rows;
    await pool.end();
    latencies.sort((a, b) => a - b);
    const stepMs = Object.fromEntries(
      Object.entries(steps).flatMap(([step, ms]) => {
        ms.sort((a, b) => a - b);
        return [[`${step}_p50_ms`, percentile(ms, 50)], [`${step}_p99_ms`, percentile(ms, 99)]];
      }),
    );
    return {
      ops_per_s: Math.round((completed / seconds) * 10) / 10,
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      errors,
      // Where the CPU went (2 cores in all) and the machine's 1-minute load average at the end.
      extra: { applications: completed, warm_up_applications: warm, submitted_in_database: Number(check!.n), audited_submissions: Number(audited!.n), pdf_kb: Math.round(pdf.length / 1024), ...cores, load: Number(load.toFixed(1)), ...stepMs },
    };
  },
};
