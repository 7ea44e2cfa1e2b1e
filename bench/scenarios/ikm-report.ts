import pg from 'pg';
import { loadConfig } from '../../server/config.js';
import { createDatabase } from '../../server/db/client.js';
import { runMigrations } from '../../server/db/migrate.js';
import { ikmByUnitAndPeriod, periodReport } from '../../server/modules/ikm/ikm.service.js';
import type { BatchScenario } from '../types.js';

const UNITS = 25;
const PERIODS = ['2025-S1', '2025-S2', '2026-S1', '2026-S2'];

/**
 * The IKM of one agency over --size responses (default 1,000,000): 25 service units × 4 semesters,
 * responses written with generate_series (not timed). Timed: the agency's IKM by unit and period
 * (what the dashboards read: sums per survey in SQL, the index, grade and sample check in core/),
 * and the report of its latest period. Reported seconds: the agency-wide computation, warm.
 */
export const ikmReport: BatchScenario = {
  kind: 'batch',
  async run({ size }) {
    if (!process.env.DATABASE_URL) throw new Error('ikm-report membutuhkan DATABASE_URL (PostgreSQL)');
    const responses = size ?? 1_000_000;
    const database = await createDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', poolSize: 4 });
    await runMigrations(database);
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    const seedStarted = performance.now();
    await pool.query(`DELETE FROM ikm_surveys WHERE agency_id IN (SELECT id FROM agencies WHERE code = 'bench-ikm-report')`);
    await pool.query(`DELETE FROM units WHERE agency_id IN (SELECT id FROM agencies WHERE code = 'bench-ikm-report')`);
    await pool.query(`DELETE FROM agencies WHERE code = 'bench-ikm-report'`);
    const [agency] = (await pool.query<{ id: string }>(`INSERT INTO agencies (code, name, region) VALUES ('bench-ikm-report', 'BKPSDM Bench Laporan IKM', 'Uji beban') RETURNING id`)).rows;
    await pool.query(`INSERT INTO units (agency_id, code, name) SELECT $1, 'U' || i, 'Unit Layanan ' || i FROM generate_series(1, ${UNITS}) i`, [agency!.id]);
    await pool.query(
      `INSERT INTO ikm_surveys (agency_id, unit_id, service_name, period_year, period_kind, period_number, period_key, period_start, population, status)
       SELECT $1, u.id, 'Layanan ' || u.code, split_part(p, '-', 1)::int, 'semester', right(p, 1)::int, p, (split_part(p, '-', 1) || CASE WHEN right(p, 1) = '1' THEN '-01-01' ELSE '-07-01' END)::date, 5000, 'closed'
       FROM units u CROSS JOIN unnest($2::text[]) p WHERE u.agency_id = $1`,
      [agency!.id, PERIODS],
    );
    const surveys = (await pool.query<{ id: string }>('SELECT id FROM ikm_surveys WHERE agency_id = $1 ORDER BY id', [agency!.id])).rows.map((r) => r.id);
    await pool.query(
      `INSERT INTO ikm_responses (id, survey_id, agency_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, age_group, sex, education, occupation, fingerprint, day)
       SELECT gen_random_uuid(), ($2::uuid[])[1 + g % ${surveys.length}], $1,
              1 + (g % 4), 1 + ((g / 3) % 4), 1 + ((g / 5) % 4), 2 + (g % 3), 1 + ((g / 7) % 4), 2 + ((g / 2) % 3), 1 + ((g / 11) % 4), 1 + ((g / 13) % 4), 3 + (g % 2),
              '30_39', CASE WHEN g % 2 = 0 THEN 'P' ELSE 'L' END, 's1', 'swasta', md5(g::text), '2026-01-01'
       FROM generate_series(1, $3::int) g`,
      [agency!.id, surveys, responses],
    );
    // What autovacuum would have done by the time the report is read.
    await pool.query('VACUUM ANALYZE ikm_responses');
    console.error(`data siap: ${responses.toLocaleString('en')} jawaban, ${surveys.length} survei dalam ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

    const config = loadConfig({ ...process.env, NODE_ENV: 'test', SESSION_SECRET: 'bench-'.repeat(8), DATA_DIR: '/tmp' });
    const deps = { db: database.db, database, config };
    // Cold, then warm (the median of five runs).
    const cold = performance.now();
    await ikmByUnitAndPeriod(deps, { agencyId: agency!.id });
    const coldSeconds = (performance.now() - cold) / 1000;
    const runs: number[] = [];
    let rows = 0;
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const result = await ikmByUnitAndPeriod(deps, { agencyId: agency!.id });
      runs.push((performance.now() - started) / 1000);
      rows = result.reduce((sum, r) => sum + r.respondents, 0);
    }
    runs.sort((a, b) => a - b);
    const periodStarted = performance.now();
    const report = await periodReport(deps, { agencyId: agency!.id, periodKey: PERIODS.at(-1)! });
    const periodSeconds = (performance.now() - periodStarted) / 1000;
    const plainStarted = performance.now();
    await pool.query('SELECT survey_id, count(*), sum(u1), sum(u2), sum(u3), sum(u4), sum(u5), sum(u6), sum(u7), sum(u8), sum(u9) FROM ikm_responses WHERE agency_id = $1 GROUP BY survey_id', [agency!.id]);
    const plainSeconds = (performance.now() - plainStarted) / 1000;
    await pool.end();
    await database.close();
    return {
      count: rows,
      seconds: runs[2]!,
      errors: rows === responses ? 0 : 1,
      extra: {
        cold_s: Number(coldSeconds.toFixed(3)),
        fastest_s: Number(runs[0]!.toFixed(3)),
        period_report_s: Number(periodSeconds.toFixed(3)),
        period_respondents: report.overall.respondents,
        plain_sql_s: Number(plainSeconds.toFixed(3)),
      },
    };
  },
};
