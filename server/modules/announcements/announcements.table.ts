import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { files } from '../files/files.table.js';
import { selections } from '../selections/selections.table.js';

/** Announcements (pengumuman): published ones are never edited, only superseded by a new one. */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').references(() => selections.id, { onDelete: 'set null' }),
    /** umum | hasil_administrasi | hasil_sanggah | hasil_skd | hasil_kompetensi | hasil_akhir | ikm | … (core/announcements.ts) */
    kind: text('kind').notNull().default('umum'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The announcement this one replaces (it says so on its page). */
    supersedesId: uuid('supersedes_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('announcements_public_idx').on(t.status, t.publishedAt), index('announcements_agency_idx').on(t.agencyId, t.createdAt), index('announcements_selection_idx').on(t.selectionId)],
);

export const announcementFiles = pgTable(
  'announcement_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    announcementId: uuid('announcement_id').notNull().references(() => announcements.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    fileId: uuid('file_id').notNull().references(() => files.id),
    /** Copied from the file: the public verification looks fingerprints up here. */
    sha256: text('sha256').notNull(),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('announcement_files_sha_idx').on(t.sha256), index('announcement_files_announcement_idx').on(t.announcementId)],
);
