import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { announcements } from '../announcements/announcements.table.js';
import { units } from '../organisation/organisation.table.js';

/** A public satisfaction survey (survei kepuasan masyarakat) of one service unit for one period. */
export const ikmSurveys = pgTable(
  'ikm_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    // Restrict: a unit with surveys is not deleted with its results (organisation refuses with 409).
    unitId: uuid('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    /** The service surveyed, as the public knows it ("Pelayanan administrasi kepegawaian"). */
    serviceName: text('service_name').notNull(),
    periodYear: integer('period_year').notNull(),
    /** tahunan | semester | triwulan */
    periodKind: text('period_kind').notNull(),
    periodNumber: integer('period_number').notNull(),
    /** "2026", "2026-S1", "2026-T3" (core/ikm-survey.ts periodKey). */
    periodKey: text('period_key').notNull(),
    periodStart: date('period_start').notNull(),
    /** People the unit served in the period: the population of the Krejcie–Morgan sample. */
    population: integer('population').notNull(),
    /** draft | open | closed */
    status: text('status').notNull().default('draft'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ikm_surveys_unit_period_key').on(t.unitId, t.periodKey),
    index('ikm_surveys_agency_period_idx').on(t.agencyId, t.periodKey),
    check('ikm_surveys_population_check', sql`${t.population} > 0`),
  ],
);

/**
 * One respondent's answers (u1 … u9, each 1–4) and profile. The id is the submission id the form
 * generated, so a retried submission is recognised instead of counted twice. No address is kept:
 * `fingerprint` is an HMAC of the survey, the sender's address and the whole response, unique per
 * survey and local day, which refuses the same response sent again from the same address that day.
 */
export const ikmResponses = pgTable(
  'ikm_responses',
  {
    id: uuid('id').primaryKey(),
    surveyId: uuid('survey_id').notNull().references(() => ikmSurveys.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    u1: smallint('u1').notNull(),
    u2: smallint('u2').notNull(),
    u3: smallint('u3').notNull(),
    u4: smallint('u4').notNull(),
    u5: smallint('u5').notNull(),
    u6: smallint('u6').notNull(),
    u7: smallint('u7').notNull(),
    u8: smallint('u8').notNull(),
    u9: smallint('u9').notNull(),
    ageGroup: text('age_group').notNull(),
    sex: text('sex').notNull(),
    education: text('education').notNull(),
    occupation: text('occupation').notNull(),
    suggestion: text('suggestion'),
    fingerprint: text('fingerprint').notNull(),
    /** Calendar day in the agency's zone, for the duplicate rule. */
    day: date('day').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Also the index of a survey's responses (its leading column): one index to keep up per insert.
    uniqueIndex('ikm_responses_duplicate_key').on(t.surveyId, t.day, t.fingerprint),
    check(
      'ikm_responses_answers_check',
      sql`${t.u1} between 1 and 4 and ${t.u2} between 1 and 4 and ${t.u3} between 1 and 4 and ${t.u4} between 1 and 4 and ${t.u5} between 1 and 4 and ${t.u6} between 1 and 4 and ${t.u7} between 1 and 4 and ${t.u8} between 1 and 4 and ${t.u9} between 1 and 4`,
    ),
  ],
);

/** An improvement plan (rencana tindak lanjut) for one element of a survey, with its owner and due date. */
export const ikmImprovementPlans = pgTable(
  'ikm_improvement_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id').notNull().references(() => ikmSurveys.id, { onDelete: 'cascade' }),
    /** 1 … 9 (U1 … U9). */
    element: integer('element').notNull(),
    action: text('action').notNull(),
    /** The person or position answerable for it ("Kepala Seksi Pelayanan"). */
    owner: text('owner').notNull(),
    /** Last day, in the agency's zone. */
    dueDate: date('due_date').notNull(),
    /** planned | in_progress | done */
    status: text('status').notNull().default('planned'),
    progressNote: text('progress_note').notNull().default(''),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ikm_improvement_plans_survey_idx').on(t.surveyId, t.element), index('ikm_improvement_plans_agency_idx').on(t.agencyId, t.status, t.dueDate)],
);

/** Each publication of an agency's IKM report for a period (a later one supersedes the earlier announcement). */
export const ikmReports = pgTable(
  'ikm_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    periodKey: text('period_key').notNull(),
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id),
    /** SHA-256 over the canonical JSON of the published figures. */
    resultHash: text('result_hash').notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ikm_reports_agency_period_idx').on(t.agencyId, t.periodKey, t.publishedAt)],
);
