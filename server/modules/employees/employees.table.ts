import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { agencies } from '../agencies/agencies.table.js';
import { positions, units } from '../organisation/organisation.table.js';

/**
 * An agency's employees (pegawai): appointed from a selection, imported, or entered by hand. The
 * dates of the employment stay when it ends, for retention figures.
 */
export const employees = pgTable(
  'employees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    /** The employee's own account (role pegawai), once they have one. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    nip: text('nip'),
    name: text('name').notNull(),
    /** cpns | pns | pppk */
    employmentType: text('employment_type').notNull(),
    /** calon (CPNS in probation) | active | ended */
    status: text('status').notNull(),
    /** Null only when the unit or position was deleted since. */
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    positionId: uuid('position_id').references(() => positions.id, { onDelete: 'set null' }),
    /** TMT: the day the appointment took effect. */
    appointedAt: date('appointed_at', { mode: 'string' }).notNull(),
    probationEndsAt: date('probation_ends_at', { mode: 'string' }),
    /** TMT PNS of a CPNS who completed probation. */
    confirmedAt: date('confirmed_at', { mode: 'string' }),
    endedAt: date('ended_at', { mode: 'string' }),
    endReason: text('end_reason'),
    supervisorEmployeeId: uuid('supervisor_employee_id').references((): AnyPgColumn => employees.id, { onDelete: 'set null' }),
    /** selection | import | manual */
    source: text('source').notNull(),
    selectionId: uuid('selection_id'),
    applicationId: uuid('application_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employees_agency_nip_key').on(t.agencyId, t.nip).where(sql`${t.nip} is not null`),
    uniqueIndex('employees_agency_account_key').on(t.agencyId, t.accountId).where(sql`${t.accountId} is not null`),
    // One employee per appointed application: appointing twice finds the first.
    uniqueIndex('employees_application_key').on(t.applicationId).where(sql`${t.applicationId} is not null`),
    index('employees_agency_name_idx').on(t.agencyId, t.name),
    index('employees_supervisor_idx').on(t.supervisorEmployeeId),
    index('employees_unit_idx').on(t.unitId),
    index('employees_selection_idx').on(t.selectionId),
  ],
);
