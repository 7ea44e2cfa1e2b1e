import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { files } from '../files/files.table.js';

/** Outreach events (sosialisasi): seminars and workshops about ASN careers. */
export const outreachEvents = pgTable(
  'outreach_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** seminar | workshop | sosialisasi */
    kind: text('kind').notNull().default('seminar'),
    /** Audience groups invited: pelajar | mahasiswa | umum */
    audiences: text('audiences').array().notNull().default(sql`'{}'::text[]`),
    venue: text('venue').notNull().default(''),
    onlineUrl: text('online_url'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    capacity: integer('capacity').notNull(),
    /** draft | published | cancelled */
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_events_public_idx').on(t.status, t.startsAt), index('outreach_events_agency_idx').on(t.agencyId, t.startsAt)],
);

export const outreachRegistrations = pgTable(
  'outreach_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => outreachEvents.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    name: text('name').notNull(),
    /** Lower-cased; one registration per email per event. */
    email: text('email').notNull(),
    phone: text('phone'),
    /** pelajar | mahasiswa | umum */
    audience: text('audience').notNull(),
    institution: text('institution').notNull().default(''),
    /** registered | waitlisted | cancelled */
    status: text('status').notNull(),
    /** Order in the waiting list (and of registration); a freed seat goes to the lowest waitlisted. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    /** Secret in the registrant's QR code; checked at the door. */
    checkinToken: text('checkin_token').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outreach_registrations_email_key').on(t.eventId, t.email),
    uniqueIndex('outreach_registrations_token_key').on(t.checkinToken),
    index('outreach_registrations_event_idx').on(t.eventId, t.status, t.seq),
  ],
);

export const outreachMaterials = pgTable(
  'outreach_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').notNull().references(() => outreachEvents.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    fileId: uuid('file_id').notNull().references(() => files.id),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_materials_event_idx').on(t.eventId)],
);
