import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { files } from '../files/files.table.js';
import { units } from '../organisation/organisation.table.js';

/** Community forums (forum warga): scheduled meetings with citizens, their minutes and follow-ups. */
export const communityForums = pgTable(
  'community_forums',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    agenda: text('agenda').notNull().default(''),
    venue: text('venue').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    /** scheduled | held | cancelled */
    status: text('status').notNull().default('scheduled'),
    minutes: text('minutes'),
    attendees: integer('attendees'),
    minutesRecordedAt: timestamp('minutes_recorded_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('community_forums_agency_idx').on(t.agencyId, t.scheduledAt)],
);

/**
 * An aspiration or complaint (aspirasi/pengaduan). The citizen holds a tracking code; only its
 * SHA-256 is stored, so the table cannot give codes away. Anonymous ones carry no name or contact.
 */
export const aspirations = pgTable(
  'aspirations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    /** 'ADU-2026-000042': public, not secret. */
    reference: text('reference').notNull(),
    /** publik | forum (a follow-up of a community forum) */
    source: text('source').notNull().default('publik'),
    forumId: uuid('forum_id').references(() => communityForums.id, { onDelete: 'set null' }),
    category: text('category').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    reporterName: text('reporter_name'),
    reporterEmail: text('reporter_email'),
    reporterPhone: text('reporter_phone'),
    trackingHash: text('tracking_hash').notNull(),
    /** received | in_progress | answered | closed */
    status: text('status').notNull().default('received'),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The service-level deadline, fixed at receipt from the agency's setting then. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('aspirations_tracking_key').on(t.trackingHash),
    uniqueIndex('aspirations_reference_key').on(t.agencyId, t.reference),
    index('aspirations_agency_status_idx').on(t.agencyId, t.status, t.dueAt),
    index('aspirations_agency_created_idx').on(t.agencyId, t.createdAt),
    index('aspirations_forum_idx').on(t.forumId),
  ],
);

export const aspirationFiles = pgTable(
  'aspiration_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    aspirationId: uuid('aspiration_id').notNull().references(() => aspirations.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    fileId: uuid('file_id').notNull().references(() => files.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('aspiration_files_aspiration_idx').on(t.aspirationId)],
);

/** What happened to a complaint; public events are what the citizen sees with the tracking code. */
export const aspirationEvents = pgTable(
  'aspiration_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    aspirationId: uuid('aspiration_id').notNull().references(() => aspirations.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    /** submitted | routed | answered | closed | note | forum */
    kind: text('kind').notNull(),
    public: boolean('public').notNull(),
    message: text('message').notNull(),
    actorId: uuid('actor_id'),
    /** The staff member's name when the event was written (staff view only). */
    actorName: text('actor_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('aspiration_events_aspiration_idx').on(t.aspirationId, t.createdAt)],
);

/** Per agency and year, the last reference number given. */
export const aspirationCounters = pgTable(
  'aspiration_counters',
  {
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.year] })],
);

/** An agency's own service level (days to answer and close); core's default when absent. */
export const aspirationSettings = pgTable('aspiration_settings', {
  agencyId: uuid('agency_id')
    .primaryKey()
    .references(() => agencies.id, { onDelete: 'cascade' }),
  slaDays: integer('sla_days').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Aspirations discussed at a forum (brought there, or raised there as its follow-ups). */
export const forumFollowups = pgTable(
  'forum_followups',
  {
    forumId: uuid('forum_id')
      .notNull()
      .references(() => communityForums.id, { onDelete: 'cascade' }),
    aspirationId: uuid('aspiration_id')
      .notNull()
      .references(() => aspirations.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.forumId, t.aspirationId] }), index('forum_followups_aspiration_idx').on(t.aspirationId)],
);
