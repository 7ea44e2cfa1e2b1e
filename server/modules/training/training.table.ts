import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table.js';
import { agencies } from '../agencies/agencies.table.js';
import { applications } from '../applications/applications.table.js';
import { employees } from '../employees/employees.table.js';
import { selections } from '../selections/selections.table.js';

/** A programme of the agency's training catalogue, the competencies it builds and its completion rule. */
export const trainingProgrammes = pgTable(
  'training_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** employee | candidate | both */
    audience: text('audience').notNull().default('employee'),
    competencies: jsonb('competencies').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Jam pelajaran (45-minute lesson hours). */
    hours: integer('hours').notNull().default(0),
    minAttendancePercent: numeric('min_attendance_percent', { precision: 5, scale: 2 }).notNull(),
    /** Null: no post-test requirement. */
    minPostTest: numeric('min_post_test', { precision: 5, scale: 2 }),
    /** The basic training of new CPNS (Latsar): its completion opens the new ASN's feedback on it. */
    isBasic: boolean('is_basic').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_programmes_agency_code_key').on(t.agencyId, t.code)],
);

/** A class (kelas/angkatan) of a programme: trainer, place or link, capacity, its meetings. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').notNull().references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    trainerAccountId: uuid('trainer_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    venue: text('venue').notNull().default(''),
    onlineUrl: text('online_url').notNull().default(''),
    capacity: integer('capacity').notNull(),
    /** open | closed (completion decided, certificates issued) */
    status: text('status').notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_sessions_programme_idx').on(t.programmeId), index('training_sessions_agency_idx').on(t.agencyId, t.status), index('training_sessions_trainer_idx').on(t.trainerAccountId)],
);

export const trainingMeetings = pgTable(
  'training_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').notNull().references(() => trainingSessions.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    topic: text('topic').notNull().default(''),
  },
  (t) => [index('training_meetings_session_idx').on(t.sessionId, t.startsAt)],
);

/**
 * A participant in a programme: an employee, or a candidate of a running selection. Waiting for a
 * class until session_id is set; the class's close decides completed / not_completed.
 */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').notNull().references(() => trainingProgrammes.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => trainingSessions.id, { onDelete: 'set null' }),
    employeeId: uuid('employee_id').references(() => employees.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').references(() => applications.id, { onDelete: 'cascade' }),
    /** The participant's own account, for their pages (certificate, survey). */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    participantName: text('participant_name').notNull(),
    /** assigned | requested | development */
    method: text('method').notNull(),
    status: text('status').notNull(),
    /** Why: the request's words, the assignment's or the development recommendation's reason. */
    reason: text('reason').notNull().default(''),
    decisionNote: text('decision_note').notNull().default(''),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    preTest: numeric('pre_test', { precision: 5, scale: 2 }),
    postTest: numeric('post_test', { precision: 5, scale: 2 }),
    attendancePercent: numeric('attendance_percent', { precision: 5, scale: 2 }),
    /** Why not completed (core/training evaluateCompletion reasons). */
    outcomeNote: text('outcome_note').notNull().default(''),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    certificateNumber: text('certificate_number'),
    certificateIssuedAt: timestamp('certificate_issued_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One enrolment still going somewhere per participant and programme.
    uniqueIndex('training_enrolments_open_employee_key').on(t.programmeId, t.employeeId).where(sql`${t.employeeId} is not null and ${t.status} in ('requested', 'waiting', 'enrolled')`),
    uniqueIndex('training_enrolments_open_application_key').on(t.programmeId, t.applicationId).where(sql`${t.applicationId} is not null and ${t.status} in ('requested', 'waiting', 'enrolled')`),
    uniqueIndex('training_enrolments_certificate_key').on(t.certificateNumber),
    index('training_enrolments_session_idx').on(t.sessionId, t.status),
    index('training_enrolments_agency_idx').on(t.agencyId, t.status),
    index('training_enrolments_employee_idx').on(t.employeeId),
    index('training_enrolments_account_idx').on(t.accountId),
  ],
);

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    enrolmentId: uuid('enrolment_id').notNull().references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').notNull().references(() => trainingMeetings.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    /** present | excused | absent */
    status: text('status').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.meetingId] }), index('training_attendance_meeting_idx').on(t.meetingId)],
);

/** The reaction survey a participant answers after their class (one per enrolment). */
export const trainingReactions = pgTable(
  'training_reactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    enrolmentId: uuid('enrolment_id').notNull().references(() => trainingEnrolments.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_reactions_enrolment_key').on(t.enrolmentId), index('training_reactions_programme_idx').on(t.programmeId)],
);

/** New ASN's feedback after appointment (on the recruitment) and after basic training. */
export const asnFeedback = pgTable(
  'asn_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    employeeId: uuid('employee_id').notNull().references(() => employees.id, { onDelete: 'cascade' }),
    /** appointment | basic_training */
    stage: text('stage').notNull(),
    /** The round the employee was recruited through, so the panel sees it beside that round. */
    selectionId: uuid('selection_id').references(() => selections.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('asn_feedback_employee_stage_key').on(t.employeeId, t.stage), index('asn_feedback_selection_idx').on(t.selectionId, t.stage)],
);
