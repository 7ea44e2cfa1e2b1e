import { index, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applications } from '../applications/applications.table.js';
import { catSessions, catVenues } from '../cat/cat.table.js';

/**
 * The CAT venue an eligible applicant chose for a round, before allocation; no row (or a null
 * venue) means any venue of the round. Allocation places the applicant only at the chosen venue.
 */
export const catVenueChoices = pgTable(
  'cat_venue_choices',
  {
    applicationId: uuid('application_id').primaryKey().references(() => applications.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    selectionId: uuid('selection_id').notNull(),
    venueId: uuid('venue_id').references(() => catVenues.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cat_venue_choices_selection_idx').on(t.selectionId, t.venueId)],
);

/**
 * Wrong PINs entered for a session since its PIN was last revealed. Past the limit the PIN stops
 * working until the proctor reveals a new one, so a 6-digit PIN cannot be guessed by trying; the
 * proctor sees the count.
 */
export const catSessionPinFailures = pgTable('cat_session_pin_failures', {
  sessionId: uuid('session_id').primaryKey().references(() => catSessions.id, { onDelete: 'cascade' }),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
});
