import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PanelSettings, RubricCriterion, ScaleLevel } from '../../../core/panel-scoring.js';
import { accounts } from '../accounts/accounts.table.js';
import { agencies } from '../agencies/agencies.table.js';
import { applications } from '../applications/applications.table.js';
import { selections } from '../selections/selections.table.js';

/**
 * A panel-scored component of a round's pipeline (a stage of kind 'panel', or a panel component
 * inside a stage such as CPNS SKB's praktik_kerja) with its rubric and how its scores combine.
 * open → locked; once locked nothing of the component, its assignments, scores, candidates or
 * moderation changes (a trigger refuses it even for a direct write).
 */
export const panelComponents = pgTable(
  'panel_components',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    stageKey: text('stage_key').notNull(),
    /** '' when the whole stage is one panel component (presented as null). */
    componentKey: text('component_key').notNull().default(''),
    name: text('name').notNull(),
    criteria: jsonb('criteria').$type<RubricCriterion[]>().notNull(),
    levels: jsonb('levels').$type<ScaleLevel[]>().notNull(),
    settings: jsonb('settings').$type<PanelSettings>().notNull(),
    /** open | locked */
    status: text('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: uuid('locked_by'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('panel_components_key').on(t.selectionId, t.stageKey, t.componentKey), index('panel_components_agency_idx').on(t.agencyId, t.status)],
);

/**
 * An assessor (role penguji) assigned to score one candidate on one component. active → conflict
 * (the assessor declared a conflict of interest) or removed (by the panel, before any score); a
 * replacement is a new row that `replaces` the old one.
 */
export const panelAssignments = pgTable(
  'panel_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    componentId: uuid('component_id').notNull().references(() => panelComponents.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    assessorId: uuid('assessor_id').notNull().references(() => accounts.id),
    /** active | conflict | removed */
    status: text('status').notNull().default('active'),
    /** When the assessor declared that no conflict of interest exists with this candidate. */
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    conflictReason: text('conflict_reason'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by'),
    endReason: text('end_reason'),
    replaces: uuid('replaces'),
    assignedBy: uuid('assigned_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('panel_assignments_active_key').on(t.componentId, t.applicationId, t.assessorId).where(sql`status = 'active'`),
    index('panel_assignments_assessor_idx').on(t.assessorId, t.agencyId, t.status),
    index('panel_assignments_candidate_idx').on(t.componentId, t.applicationId),
  ],
);

/** One assessor's scores on an assignment: a level per criterion. submitted → reopened (moderation) → submitted. */
export const panelScores = pgTable(
  'panel_scores',
  {
    assignmentId: uuid('assignment_id').primaryKey().references(() => panelAssignments.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    componentId: uuid('component_id').notNull().references(() => panelComponents.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').notNull(),
    assessorId: uuid('assessor_id').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    note: text('note').notNull().default(''),
    /** submitted | reopened */
    status: text('status').notNull().default('submitted'),
    /** How many times this assessor submitted (1 at first, +1 after each reopening). */
    submissions: integer('submissions').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('panel_scores_candidate_idx').on(t.componentId, t.applicationId)],
);

/**
 * A candidate's state on a component: absence, the revision of its score set (bumped by every
 * submission, reopening or conflict) against the revision a moderator confirmed, and the published
 * score written when the component is locked.
 */
export const panelCandidates = pgTable(
  'panel_candidates',
  {
    componentId: uuid('component_id').notNull().references(() => panelComponents.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    absent: boolean('absent').notNull().default(false),
    absentReason: text('absent_reason'),
    absentMarkedBy: uuid('absent_marked_by'),
    absentMarkedAt: timestamp('absent_marked_at', { withTimezone: true }),
    scoresRevision: integer('scores_revision').notNull().default(0),
    confirmedRevision: integer('confirmed_revision'),
    /** The published component score (two decimals, half up once), set at locking. */
    score: numeric('score', { precision: 7, scale: 2 }),
    /** The unrounded value as "num/den", so anyone can recompute the rounding. */
    scoreExact: text('score_exact'),
  },
  // The final ranking reads a component's scores from this key alone (migration 0028 makes it include absent and score).
  (t) => [primaryKey({ columns: [t.componentId, t.applicationId] })],
);

/** A moderation step on a flagged (or any) candidate: reopen one assessor's score, or confirm the scores — always with a reason. */
export const panelModerations = pgTable(
  'panel_moderations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    componentId: uuid('component_id').notNull().references(() => panelComponents.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').notNull(),
    /** reopen | confirm */
    action: text('action').notNull(),
    assignmentId: uuid('assignment_id'),
    reason: text('reason').notNull(),
    /** The spread (two decimals) when the step was taken. */
    spread: numeric('spread', { precision: 7, scale: 2 }),
    actorId: uuid('actor_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panel_moderations_candidate_idx').on(t.componentId, t.applicationId, t.createdAt)],
);

/** Who an assessor is for the panel: internal staff, or an outside academic or practitioner (seed 004). */
export const panelAssessorProfiles = pgTable(
  'panel_assessor_profiles',
  {
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    /** internal | akademisi | praktisi */
    kind: text('kind').notNull(),
    institution: text('institution').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.accountId] })],
);

/**
 * An audited correction of a locked component score (issue 6: after locking, a score changes only
 * this way): the corrected score with its reason, appended; the locked score in panel_candidates
 * stays as the original, and the latest correction is the score the round integrates. Append-only
 * (migration 0024 refuses UPDATE and DELETE).
 */
export const panelScoreCorrections = pgTable(
  'panel_score_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    componentId: uuid('component_id').notNull().references(() => panelComponents.id),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    /** The corrected component score (two decimals, on the component's scale). */
    score: numeric('score', { precision: 7, scale: 2 }).notNull(),
    /** The score it replaced: the locked one, or the previous correction's. */
    previousScore: numeric('previous_score', { precision: 7, scale: 2 }).notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('panel_score_corrections_candidate_idx').on(t.componentId, t.applicationId, t.createdAt)],
);
