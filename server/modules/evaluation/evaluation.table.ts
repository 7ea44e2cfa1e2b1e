import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { employees } from '../employees/employees.table.js';
import { files } from '../files/files.table.js';
import { units } from '../organisation/organisation.table.js';
import { trainingEnrolments, trainingProgrammes } from '../training/training.table.js';

/**
 * An evaluation period (SKP, PermenPANRB 6/2022) of an agency: a quarter or a year. The
 * organisation's own rating, entered by the administrator, bounds its staff's predikat at
 * finalisation; the public threshold decides which units' desk feedback calls for development.
 */
export const evaluationPeriods = pgTable(
  'evaluation_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    /** triwulan | tahunan */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** open | finalised */
    status: text('status').notNull().default('open'),
    organisationRating: text('organisation_rating'),
    /** Most staff, in percent, rated Baik or better per organisation rating (core DISTRIBUTION_BOUNDS by default). */
    bounds: jsonb('bounds').$type<Record<string, { maxBaikOrBetterPercent: number }>>().notNull(),
    publicThreshold: numeric('public_threshold', { precision: 5, scale: 2 }).notNull(),
    publicMinResponses: integer('public_min_responses').notNull(),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    finalisedBy: uuid('finalised_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_periods_agency_name_key').on(t.agencyId, t.name), index('evaluation_periods_agency_end_idx').on(t.agencyId, t.endsOn)],
);

/** An employee's plan of work results (rencana hasil kerja) for a period, and the supervisor's rating of it. */
export const evaluationPlans = pgTable(
  'evaluation_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id').notNull().references(() => evaluationPeriods.id, { onDelete: 'cascade' }),
    employeeId: uuid('employee_id').notNull().references(() => employees.id, { onDelete: 'cascade' }),
    /** draft | submitted | agreed | returned */
    status: text('status').notNull().default('draft'),
    returnNote: text('return_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    agreedBy: uuid('agreed_by'),
    resultsRating: text('results_rating'),
    resultsSuggested: text('results_suggested'),
    behaviours: jsonb('behaviours').$type<Record<string, string>>(),
    behaviourRating: text('behaviour_rating'),
    behaviourSuggested: text('behaviour_suggested'),
    predikat: text('predikat'),
    ratingNote: text('rating_note').notNull().default(''),
    ratedBy: uuid('rated_by'),
    raterName: text('rater_name'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    ratingUpdatedAt: timestamp('rating_updated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_plans_period_employee_key').on(t.periodId, t.employeeId),
    index('evaluation_plans_employee_idx').on(t.employeeId),
    index('evaluation_plans_agency_idx').on(t.agencyId, t.periodId),
  ],
);

export const evaluationPlanItems = pgTable(
  'evaluation_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    planId: uuid('plan_id').notNull().references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** The supervisor's rating of this result (di_atas | sesuai | di_bawah). */
    rating: text('rating'),
  },
  (t) => [index('evaluation_plan_items_plan_idx').on(t.planId, t.position)],
);

export const evaluationIndicators = pgTable(
  'evaluation_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    planId: uuid('plan_id').notNull().references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').notNull().references(() => evaluationPlanItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    target: numeric('target', { precision: 14, scale: 2 }).notNull(),
    unit: text('unit').notNull(),
    realised: numeric('realised', { precision: 14, scale: 2 }),
    realisationNote: text('realisation_note').notNull().default(''),
  },
  (t) => [index('evaluation_indicators_item_idx').on(t.itemId, t.position), index('evaluation_indicators_plan_idx').on(t.planId)],
);

/** A file (files module) the employee attached to a result as evidence of its realisation. */
export const evaluationEvidence = pgTable(
  'evaluation_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    planId: uuid('plan_id').notNull().references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').notNull().references(() => evaluationPlanItems.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').notNull().references(() => files.id),
    title: text('title').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_evidence_plan_idx').on(t.planId)],
);

/** Continuous feedback between supervisor and employee during the period. */
export const evaluationNotes = pgTable(
  'evaluation_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    planId: uuid('plan_id').notNull().references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    authorAccountId: uuid('author_account_id'),
    authorName: text('author_name').notNull(),
    /** pegawai | atasan */
    authorRole: text('author_role').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_notes_plan_idx').on(t.planId, t.createdAt)],
);

/** A colleague's input on the seven core values: shown to the supervisor, never the rating. */
export const evaluationPeerFeedback = pgTable(
  'evaluation_peer_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    planId: uuid('plan_id').notNull().references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    authorEmployeeId: uuid('author_employee_id').notNull().references(() => employees.id, { onDelete: 'cascade' }),
    authorName: text('author_name').notNull(),
    behaviours: jsonb('behaviours').$type<Record<string, string>>().notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_peer_feedback_author_key').on(t.planId, t.authorEmployeeId)],
);

/** A service desk's public rating link (and QR): a unit, or a named employee of it. */
export const evaluationDeskLinks = pgTable(
  'evaluation_desk_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull().references(() => units.id, { onDelete: 'restrict' }),
    employeeId: uuid('employee_id').references(() => employees.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    /** Random, unguessable: the public link carries it. */
    code: text('code').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_desk_links_code_key').on(t.code), index('evaluation_desk_links_agency_idx').on(t.agencyId, t.unitId)],
);

/**
 * One service user's rating (1–4, the IKM scale) at a desk. No address is kept: `fingerprint` is an
 * HMAC of the link with the sender's address and device token, for the duplicate window.
 */
export const evaluationDeskFeedback = pgTable(
  'evaluation_desk_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    linkId: uuid('link_id').notNull().references(() => evaluationDeskLinks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    employeeId: uuid('employee_id'),
    score: smallint('score').notNull(),
    comment: text('comment').notNull().default(''),
    fingerprint: text('fingerprint').notNull(),
    /** Calendar day in the agency's zone: which period the rating counts toward. */
    day: date('day', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluation_desk_feedback_unit_idx').on(t.agencyId, t.unitId, t.day),
    index('evaluation_desk_feedback_employee_idx').on(t.employeeId, t.day),
    index('evaluation_desk_feedback_fingerprint_idx').on(t.linkId, t.fingerprint, t.createdAt),
    check('evaluation_desk_feedback_score_check', sql`${t.score} between 1 and 4`),
  ],
);

/**
 * A development recommendation: a programme proposed for a competency, from a predikat below Baik
 * or a unit's poor public feedback; its progress is the training enrolment's.
 */
export const evaluationRecommendations = pgTable(
  'evaluation_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id').notNull().references(() => evaluationPeriods.id, { onDelete: 'cascade' }),
    employeeId: uuid('employee_id').notNull().references(() => employees.id, { onDelete: 'cascade' }),
    /** predikat | public_feedback */
    source: text('source').notNull(),
    competency: text('competency').notNull(),
    reason: text('reason').notNull(),
    programmeId: uuid('programme_id').references(() => trainingProgrammes.id, { onDelete: 'set null' }),
    enrolmentId: uuid('enrolment_id').references(() => trainingEnrolments.id, { onDelete: 'set null' }),
    /** active | withdrawn (the rating changed to Baik or better before finalisation) */
    state: text('state').notNull().default('active'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_recommendations_key').on(t.periodId, t.employeeId, t.source),
    index('evaluation_recommendations_agency_idx').on(t.agencyId, t.createdAt),
    index('evaluation_recommendations_employee_idx').on(t.employeeId),
  ],
);
