import { index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';

/** Organisation units (OPD / unit kerja) of an agency. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_agency_code_key').on(t.agencyId, t.code)],
);

/** Positions (jabatan) in a unit, with the staff in post (bezetting) and those retiring within the planning horizon. */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull().references(() => units.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** struktural | fungsional | pelaksana */
    jenis: text('jenis').notNull().default('pelaksana'),
    bezetting: integer('bezetting').notNull().default(0),
    retiring: integer('retiring').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('positions_unit_code_key').on(t.unitId, t.code), index('positions_agency_idx').on(t.agencyId)],
);

/** A position's tasks for the workload analysis: yearly volume × norm time in minutes. */
export const positionTasks = pgTable(
  'position_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    positionId: uuid('position_id').notNull().references(() => positions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Unit of output (satuan hasil): "dokumen", "laporan"… */
    outputUnit: text('output_unit').notNull().default(''),
    volumePerYear: numeric('volume_per_year', { precision: 14, scale: 2 }).notNull(),
    normMinutes: numeric('norm_minutes', { precision: 10, scale: 2 }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('position_tasks_position_idx').on(t.positionId, t.sortOrder)],
);
