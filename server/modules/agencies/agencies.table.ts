import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Short, URL-safe, unique: "kota-manna". */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  region: text('region').notNull().default(''),
  /** WIB Asia/Jakarta, WITA Asia/Makassar, WIT Asia/Jayapura. */
  timezone: text('timezone').notNull().default('Asia/Jakarta'),
  /** ABK effective working time per year, in minutes (1,250 h by default; editable per agency). */
  abkEffectiveMinutes: integer('abk_effective_minutes').notNull().default(75000),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
