// Demo IKM data: four service units per demo agency, a survey each semester from 2025 to now (the
// last one still open), responses drawn deterministically around each unit's own strengths and
// weaknesses (improving a little each period), written suggestions, and improvement plans.
import { eq, sql } from 'drizzle-orm';
import { IKM_AGE_GROUPS, IKM_EDUCATIONS, IKM_OCCUPATIONS, periodKey, periodRange, type IkmPeriod } from '../../core/ikm-survey.js';
import { seededRandom } from '../../core/seeded-random.js';
import type { Db } from '../db/client.js';
import { ikmImprovementPlans, ikmSurveys } from '../modules/ikm/ikm.table.js';
import { units } from '../modules/organisation/organisation.table.js';

type DemoUnit = { code: string; name: string; service: string; population: number; means: number[] };

// Means per element U1…U9 on 1–4: each unit has its weak spots (e.g. waiting time at Dukcapil).
const DEMO_UNITS: DemoUnit[] = [
  { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', service: 'Layanan administrasi kepegawaian', population: 300, means: [3.4, 3.3, 3.0, 3.9, 3.3, 3.4, 3.5, 2.9, 3.2] },
  { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', service: 'Penerbitan KTP elektronik dan kartu keluarga', population: 2000, means: [3.3, 3.1, 2.5, 3.9, 3.2, 3.2, 3.3, 2.8, 2.8] },
  { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', service: 'Perizinan berusaha', population: 500, means: [3.1, 3.0, 3.0, 3.5, 3.2, 3.4, 3.5, 3.1, 3.4] },
  { code: 'RSUD', name: 'Rumah Sakit Umum Daerah', service: 'Pelayanan rawat jalan', population: 10000, means: [3.4, 3.2, 2.7, 3.3, 3.4, 3.6, 3.1, 3.0, 3.3] },
];

const SUGGESTIONS = [
  'Antrean pagi terlalu panjang, mohon tambah loket.',
  'Petugas ramah dan sigap, terima kasih.',
  'Informasi persyaratan di situs web belum lengkap.',
  'Ruang tunggu panas, mohon tambah kipas angin.',
  'Pengaduan lewat WhatsApp lambat dibalas.',
  'Prosesnya lebih cepat dari tahun lalu.',
  'Mohon sediakan layanan pada hari Sabtu.',
];

const pick = (values: readonly string[], r: string) => `(ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}])[1 + floor(${r} * ${values.length})::int]`;

// Each response's answers in SQL, one statement per survey: r[k] are uniform draws from an md5 of
// the seed, the row and k, so the demo is the same on every machine. An answer is the unit's mean
// for the element, jittered by ±0.8, rounded up with the chance of its fractional part.
const ANSWERS = Array.from({ length: 9 }, (_, i) => `least(4, greatest(1, floor(m[${i + 1}] + (r[${2 * i + 1}] - 0.5) * 1.6 + r[${2 * i + 2}])))::smallint`).join(', ');
const PROFILE = [pick(IKM_AGE_GROUPS.slice(1), 'r[19]'), `case when r[20] < 0.52 then 'P' else 'L' end`, pick(IKM_EDUCATIONS.slice(1, -1), 'r[21]'), pick(IKM_OCCUPATIONS, 'r[22]')].join(', ');
const SUGGESTION = `case when r[23] < 0.08 then ${pick(SUGGESTIONS, 'r[24]')} end`;

type InsertResponsesOptions = { surveyId: string; agencyId: string; seed: string; count: number; means: number[]; start: Date; end: Date };

async function insertResponses(db: Db, options: InsertResponsesOptions) {
  await db.execute(sql`
    INSERT INTO ikm_responses (id, survey_id, agency_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, age_group, sex, education, occupation, suggestion, fingerprint, day, created_at)
    SELECT gen_random_uuid(), ${options.surveyId}, ${options.agencyId}, ${sql.raw(ANSWERS)}, ${sql.raw(PROFILE)}, ${sql.raw(SUGGESTION)}, md5(${options.seed} || ':' || g), (t AT TIME ZONE 'UTC')::date, t
    FROM generate_series(1, ${options.count}::int) g,
      LATERAL (SELECT array_agg(('x' || substr(md5(${options.seed} || ':' || g || ':' || k), 1, 8))::bit(32)::bigint / 4294967296.0 ORDER BY k) AS r FROM generate_series(1, 25) k) draws,
      LATERAL (SELECT ${`{${options.means.join(',')}}`}::float8[] AS m, ${options.start.toISOString()}::timestamptz + draws.r[25] * (${options.end.toISOString()}::timestamptz - ${options.start.toISOString()}::timestamptz) AS t) fixed
  `);
}

function periodsUntil(now: Date): IkmPeriod[] {
  const periods: IkmPeriod[] = [];
  const lastYear = now.getUTCFullYear();
  const lastSemester = now.getUTCMonth() < 6 ? 1 : 2;
  for (let year = 2025; year <= lastYear; year += 1) {
    for (let number = 1; number <= 2; number += 1) {
      if (year === lastYear && number > lastSemester) break;
      periods.push({ year, kind: 'semester', number });
    }
  }
  return periods.slice(-4);
}

/** Idempotent per agency: an agency that already has IKM surveys is left alone. */
export async function seedIkmDemo(db: Db, agency: { id: string; code: string }, now = new Date()) {
  const [existing] = await db.select({ id: ikmSurveys.id }).from(ikmSurveys).where(eq(ikmSurveys.agencyId, agency.id)).limit(1);
  if (existing) return;
  const periods = periodsUntil(now);
  for (const [unitIndex, demo] of DEMO_UNITS.entries()) {
    await db.insert(units).values({ agencyId: agency.id, code: demo.code, name: demo.name }).onConflictDoNothing();
    const [unit] = await db.select().from(units).where(eq(units.agencyId, agency.id)).then((rows) => rows.filter((u) => u.code === demo.code));
    for (const [periodIndex, period] of periods.entries()) {
      const current = periodIndex === periods.length - 1;
      const random = seededRandom(`ikm-demo:${agency.code}:${demo.code}:${periodKey(period)}`);
      const range = periodRange(period);
      const [survey] = await db
        .insert(ikmSurveys)
        .values({
          agencyId: agency.id,
          unitId: unit!.id,
          serviceName: demo.service,
          periodYear: period.year,
          periodKind: period.kind,
          periodNumber: period.number,
          periodKey: periodKey(period),
          periodStart: range.start,
          population: demo.population,
          status: current ? 'open' : 'closed',
          openedAt: new Date(`${range.start}T01:00:00Z`),
          closedAt: current ? null : new Date(`${range.end}T10:00:00Z`),
        })
        .returning();
      // Earlier periods a little worse: the agency has been improving.
      const lift = (periodIndex - (periods.length - 1)) * 0.08;
      const respondents = current ? 20 + random.below(15) : 60 + ((unitIndex * 53 + periodIndex * 31) % 4) * 45 + random.below(40);
      const start = new Date(`${range.start}T00:00:00Z`);
      const end = new Date(Math.min(now.getTime(), new Date(`${range.end}T23:59:59Z`).getTime()));
      await insertResponses(db, { surveyId: survey!.id, agencyId: agency.id, seed: `ikm-demo:${agency.code}:${demo.code}:${periodKey(period)}`, count: respondents, means: demo.means.map((m) => m + lift), start, end });
      if (periodIndex === periods.length - 2 && demo.code === 'DUKCAPIL') {
        await db.insert(ikmImprovementPlans).values([
          {
            agencyId: agency.id,
            surveyId: survey!.id,
            element: 3,
            action: 'Membuka dua loket tambahan pada jam sibuk dan antrean daring lewat situs web.',
            owner: 'Kepala Bidang Pelayanan Pendaftaran Penduduk',
            dueDate: `${now.getUTCFullYear() + 1}-03-31`,
            status: 'in_progress',
            progressNote: 'Satu loket tambahan sudah beroperasi sejak bulan lalu.',
          },
          {
            agencyId: agency.id,
            surveyId: survey!.id,
            element: 9,
            action: 'Memperbaiki pendingin ruangan dan menambah kursi ruang tunggu.',
            owner: 'Sekretaris Dinas',
            dueDate: range.end,
            status: 'planned',
          },
        ]);
      }
    }
  }
}
