// The IKM's hand-written statements: the public submission (one round trip, prepared) and the
// aggregations the results, reports and dashboards are computed from (sums per survey, in SQL).
import { Batcher } from '../../db/batcher.js';
import type { Database } from '../../db/client.js';

export type ResponseInsert = {
  id: string;
  surveyId: string;
  answers: readonly number[];
  ageGroup: string;
  sex: string;
  education: string;
  occupation: string;
  suggestion: string | null;
  fingerprint: string;
};

// One statement for a whole batch of submissions (group commit, server/db/batcher.ts). Each
// survey must be open; the day is the agency's local day. ON CONFLICT covers both the id (a
// retried submission) and the duplicate key, so nothing is written twice and nothing waits.
const INSERT_RESPONSES = `INSERT INTO ikm_responses (id, survey_id, agency_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, age_group, sex, education, occupation, suggestion, fingerprint, day)
SELECT i.id, s.id, s.agency_id, i.u1, i.u2, i.u3, i.u4, i.u5, i.u6, i.u7, i.u8, i.u9, i.age_group, i.sex, i.education, i.occupation, i.suggestion, i.fingerprint, (now() AT TIME ZONE a.timezone)::date
FROM unnest($1::uuid[], $2::uuid[], $3::smallint[], $4::smallint[], $5::smallint[], $6::smallint[], $7::smallint[], $8::smallint[], $9::smallint[], $10::smallint[], $11::smallint[],
            $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
  AS i(id, survey_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, age_group, sex, education, occupation, suggestion, fingerprint)
JOIN ikm_surveys s ON s.id = i.survey_id AND s.status = 'open'
JOIN agencies a ON a.id = s.agency_id
ON CONFLICT DO NOTHING
RETURNING id, created_at`;

async function insertBatch(database: Database, rows: ResponseInsert[]): Promise<Array<Date | null>> {
  const column = <T>(pick: (row: ResponseInsert) => T) => rows.map(pick);
  const params = [
    column((r) => r.id),
    column((r) => r.surveyId),
    ...Array.from({ length: 9 }, (_, i) => column((r) => r.answers[i])),
    column((r) => r.ageGroup),
    column((r) => r.sex),
    column((r) => r.education),
    column((r) => r.occupation),
    column((r) => r.suggestion),
    column((r) => r.fingerprint),
  ];
  const inserted = await database.prepared<{ id: string; created_at: Date | string }>('ikm_insert_responses', INSERT_RESPONSES, params);
  const at = new Map(inserted.map((row) => [row.id, new Date(row.created_at)]));
  return rows.map((row) => at.get(row.id) ?? null);
}

const writers = new WeakMap<Database, Batcher<ResponseInsert, Date | null>>();

/**
 * The time the response was stored, or null when nothing was written (closed survey, replay or
 * duplicate). Concurrent submissions share one statement and one commit; each is answered after it.
 */
export function insertResponse(database: Database, row: ResponseInsert): Promise<Date | null> {
  let writer = writers.get(database);
  if (!writer) {
    writer = new Batcher({ run: (rows) => insertBatch(database, rows), maxBatch: 200, maxWaitMs: 2, concurrency: database.kind === 'embedded' ? 1 : 4 });
    writers.set(database, writer);
  }
  return writer.add(row);
}

const WHY_NOT_INSERTED = `SELECT (SELECT status FROM ikm_surveys WHERE id = $2) AS status,
  (SELECT created_at FROM ikm_responses WHERE id = $1 AND survey_id = $2) AS existing,
  EXISTS (SELECT 1 FROM ikm_responses WHERE id = $1) AS id_taken`;

export type NotInserted = { status: string | null; existing: Date | null; idTaken: boolean };

export async function whyNotInserted(database: Database, input: { id: string; surveyId: string }): Promise<NotInserted> {
  const [row] = await database.query<{ status: string | null; existing: Date | string | null; id_taken: boolean }>(WHY_NOT_INSERTED, [input.id, input.surveyId]);
  return { status: row?.status ?? null, existing: row?.existing ? new Date(row.existing) : null, idTaken: Boolean(row?.id_taken) };
}

export type SurveyTotals = { respondents: number; sums: number[] };

const TOTALS = `SELECT survey_id, count(*)::int AS n,
  sum(u1)::bigint AS s1, sum(u2)::bigint AS s2, sum(u3)::bigint AS s3, sum(u4)::bigint AS s4, sum(u5)::bigint AS s5,
  sum(u6)::bigint AS s6, sum(u7)::bigint AS s7, sum(u8)::bigint AS s8, sum(u9)::bigint AS s9
FROM ikm_responses WHERE survey_id = ANY($1::uuid[]) GROUP BY survey_id`;

type TotalsRow = { survey_id: string; n: number } & Record<`s${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, string | number>;

/** Respondents and per-element sums of each survey (surveys without responses are absent). */
export async function surveyTotals(database: Database, surveyIds: readonly string[]): Promise<Map<string, SurveyTotals>> {
  const map = new Map<string, SurveyTotals>();
  if (surveyIds.length === 0) return map;
  const rows = await database.query<TotalsRow>(TOTALS, [surveyIds]);
  for (const row of rows) {
    map.set(row.survey_id, { respondents: Number(row.n), sums: [row.s1, row.s2, row.s3, row.s4, row.s5, row.s6, row.s7, row.s8, row.s9].map(Number) });
  }
  return map;
}

const PROFILE = `SELECT 'ageGroup' AS field, age_group AS value, count(*)::int AS n FROM ikm_responses WHERE survey_id = $1 GROUP BY age_group
UNION ALL SELECT 'sex', sex, count(*)::int FROM ikm_responses WHERE survey_id = $1 GROUP BY sex
UNION ALL SELECT 'education', education, count(*)::int FROM ikm_responses WHERE survey_id = $1 GROUP BY education
UNION ALL SELECT 'occupation', occupation, count(*)::int FROM ikm_responses WHERE survey_id = $1 GROUP BY occupation`;

export async function profileCounts(database: Database, surveyId: string): Promise<Array<{ field: string; value: string; n: number }>> {
  return database.query<{ field: string; value: string; n: number }>(PROFILE, [surveyId]);
}
