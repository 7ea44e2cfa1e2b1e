import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { positions, units } from '../organisation/organisation.table.js';
import { selections } from '../selections/selections.table.js';

/**
 * A formation (formasi): places to fill for a position in a placement unit within a selection.
 * Names, education levels and programmes are copied in so the public search reads one table.
 */
export const formasi = pgTable(
  'formasi',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    positionId: uuid('position_id').references(() => positions.id, { onDelete: 'set null' }),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    positionName: text('position_name').notNull(),
    unitName: text('unit_name').notNull(),
    count: integer('count').notNull(),
    /** [{ level, programmes[] }] (core/eligibility EducationQualification). */
    qualifications: jsonb('qualifications').$type<Array<{ level: string; programmes: string[] }>>().notNull().default(sql`'[]'::jsonb`),
    /** Normalised copies of the qualifications for search filters. */
    educationLevels: text('education_levels').array().notNull().default(sql`'{}'::text[]`),
    programmes: text('programmes').array().notNull().default(sql`'{}'::text[]`),
    /** umum | cumlaude | disabilitas | putra_putri_papua | diaspora | daerah_tertinggal | … */
    kind: text('kind').notNull().default('umum'),
    minAge: integer('min_age').notNull().default(18),
    maxAge: integer('max_age').notNull().default(35),
    extraRequirements: text('extra_requirements').notNull().default(''),
    /** draft | published */
    status: text('status').notNull().default('draft'),
    /** Words searched by the public portal: position, unit, programmes, agency. */
    searchText: text('search_text').notNull().default(''),
    /** The ABK proposal it was created from, when it was: { need, shortfall, proposed }. */
    abkSource: jsonb('abk_source').$type<Record<string, unknown> | null>(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('formasi_selection_idx').on(t.selectionId, t.status),
    index('formasi_agency_idx').on(t.agencyId, t.status),
    index('formasi_levels_idx').using('gin', t.educationLevels),
    index('formasi_programmes_idx').using('gin', t.programmes),
    index('formasi_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
  ],
);
