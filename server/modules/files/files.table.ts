import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Stored files: the content lives in UPLOAD_DIR under its SHA-256 (content-addressed, written once);
 * a row records who uploaded what, under which name, for which agency.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id'),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    originalName: text('original_name').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_sha256_idx').on(t.sha256), index('files_agency_idx').on(t.agencyId)],
);
