import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';

/** A selection round (seleksi): CPNS, PPPK or JPT, with its schedule, required documents and stage pipeline. */
export const selections = pgTable(
  'selections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    /** cpns | pppk | jpt */
    type: text('type').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** draft | published | closed | cancelled */
    status: text('status').notNull().default('draft'),
    /** Local calendar dates in the agency's zone (core/pipeline SelectionSchedule). */
    schedule: jsonb('schedule').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** Derived from the schedule and the agency's zone: the instants the server enforces. */
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    /** Required documents: [{ key, name, formats, maxKb, mandatory }]. */
    requiredDocuments: jsonb('required_documents').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    /** The stage pipeline (core/pipeline PipelineStage[]). */
    pipeline: jsonb('pipeline').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    /** Per-round settings that later stages read (objection days, four-eyes rule…). */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Incremented by every change, including audited corrections after publication. */
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('selections_agency_idx').on(t.agencyId, t.year), index('selections_public_idx').on(t.status, t.registrationClosesAt)],
);
