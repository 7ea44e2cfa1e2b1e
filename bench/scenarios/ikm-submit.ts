// Citizens answering a satisfaction survey (POST /api/public/ikm/surveys/:surveyId/responses):
// each request a new respondent — its own submission id, its own answers and profile, its own
// address (X-Forwarded-For, the server behind a proxy with TRUST_PROXY=1) — so the per-address
// rate limit, the schema, the duplicate rule and the insert all run as in production. PostgreSQL
// only: the agency, unit and open survey are written straight into the bench database.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { HttpScenario } from '../types.js';

const AGE = ['lt20', '20_29', '30_39', '40_49', '50_59', '60plus'];
const EDUCATION = ['sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'];
const OCCUPATION = ['pns', 'tni_polri', 'swasta', 'wiraswasta', 'pelajar', 'lainnya'];

let databaseUrl = '';
let surveyId = '';

export const ikmSubmit: HttpScenario = {
  kind: 'http',
  serverEnv: { TRUST_PROXY: '1' },
  async prepare({ url }) {
    databaseUrl = process.env.DATABASE_URL ?? '';
    if (!databaseUrl) throw new Error('ikm-submit memerlukan PostgreSQL: atur DATABASE_URL.');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DELETE FROM ikm_surveys WHERE agency_id IN (SELECT id FROM agencies WHERE code = 'bench-ikm')`);
    await client.query(`DELETE FROM units WHERE agency_id IN (SELECT id FROM agencies WHERE code = 'bench-ikm')`);
    await client.query(`DELETE FROM agencies WHERE code = 'bench-ikm'`);
    const [agency] = (await client.query<{ id: string }>(`INSERT INTO agencies (code, name, region) VALUES ('bench-ikm', 'BKPSDM Bench IKM', 'Uji beban') RETURNING id`)).rows;
    const [unit] = (await client.query<{ id: string }>(`INSERT INTO units (agency_id, code, name) VALUES ($1, 'DUKCAPIL', 'Dinas Kependudukan Bench') RETURNING id`, [agency!.id])).rows;
    const [survey] = (
      await client.query<{ id: string }>(
        `INSERT INTO ikm_surveys (agency_id, unit_id, service_name, period_year, period_kind, period_number, period_key, period_start, population, status, opened_at)
         VALUES ($1, $2, 'Penerbitan KTP elektronik', 2026, 'tahunan', 1, '2026', '2026-01-01', 100000, 'open', now()) RETURNING id`,
        [agency!.id, unit!.id],
      )
    ).rows;
    await client.end();
    surveyId = survey!.id;
    let n = 0;
    const path = `/api/public/ikm/surveys/${surveyId}/responses`;
    return {
      url: `${url}${path}`,
      method: 'POST',
      requests: [
        {
          method: 'POST',
          path,
          setupRequest: (request) => {
            n += 1;
            const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, 1 + ((n * (i + 3) + (n >> 3)) % 4)]));
            const body = {
              submissionId: randomUUID(),
              answers,
              profile: { ageGroup: AGE[n % AGE.length], sex: n % 2 ? 'P' : 'L', education: EDUCATION[n % EDUCATION.length], occupation: OCCUPATION[n % OCCUPATION.length] },
              suggestion: n % 10 === 0 ? 'Antrean mohon dipercepat.' : '',
              website: '',
            };
            return {
              ...request,
              headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
              body: JSON.stringify(body),
            };
          },
        },
      ],
    };
  },
  async verify() {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const [row] = (await client.query<{ n: string }>('SELECT count(*) AS n FROM ikm_responses WHERE survey_id = $1', [surveyId])).rows;
    await client.end();
    return { responses_stored: Number(row!.n) };
  },
};
