import { index, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { applications } from '../applications/applications.table.js';

/** The agency's catalogue of reasons for TMS (tidak memenuhi syarat). */
export const verificationReasons = pgTable(
  'verification_reasons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('verification_reasons_code_key').on(t.agencyId, t.code)],
);

/** One check per requirement of an application: MS or TMS with a reason; a TMS may need a second verifier (four-eyes). */
export const verificationChecks = pgTable(
  'verification_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    /** A required document key ("doc:ijazah") or an eligibility rule ("rule:age"). */
    requirementKey: text('requirement_key').notNull(),
    /** MS | TMS */
    result: text('result').notNull(),
    reasonCode: text('reason_code'),
    reasonText: text('reason_text').notNull().default(''),
    verifierId: uuid('verifier_id').notNull(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('verification_checks_key').on(t.applicationId, t.requirementKey), index('verification_checks_agency_idx').on(t.agencyId, t.verifierId)],
);
