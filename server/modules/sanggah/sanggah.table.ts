import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { announcements } from '../announcements/announcements.table.js';
import { applications } from '../applications/applications.table.js';
import { selections } from '../selections/selections.table.js';

/**
 * A published stage result of a round (administrative, post-objection, SKD, final…): its
 * announcement, and the objection window it opened (PermenPANRB 27/2021: 3 days by default).
 */
export const stageResults = pgTable(
  'stage_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    /** administrasi | administrasi_pasca_sanggah | skd | akhir | akhir_pasca_sanggah … */
    stage: text('stage').notNull(),
    announcementId: uuid('announcement_id').references(() => announcements.id),
    /** SHA-256 over the canonical result list (core/canonical.ts), printed in the announcement. */
    resultHash: text('result_hash').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    objectionOpensAt: timestamp('objection_opens_at', { withTimezone: true }),
    objectionClosesAt: timestamp('objection_closes_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
  },
  (t) => [uniqueIndex('stage_results_key').on(t.selectionId, t.stage)],
);

/** An objection (sanggah): once per application per result, without new documents. */
export const sanggah = pgTable(
  'sanggah',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    stageResultId: uuid('stage_result_id').notNull().references(() => stageResults.id),
    reason: text('reason').notNull(),
    /** The requirement keys the applicant points at. */
    requirementKeys: text('requirement_keys').array().notNull(),
    /** diajukan | diterima | ditolak */
    status: text('status').notNull().default('diajukan'),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sanggah_once_key').on(t.applicationId, t.stageResultId), index('sanggah_agency_idx').on(t.agencyId, t.status, t.createdAt)],
);
