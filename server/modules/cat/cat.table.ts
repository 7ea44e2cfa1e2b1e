import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { applications } from '../applications/applications.table.js';
import { selections } from '../selections/selections.table.js';

/** A question bank: owned by an agency, or national (agency null, managed by the super administrator). */
export const catBanks = pgTable(
  'cat_banks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').references(() => agencies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cat_banks_agency_idx').on(t.agencyId)],
);

export type CatOption = { id: string; text: string; imageFileId?: string | null; points?: number };

/**
 * A question: `single` (one key; correct/incorrect points) or `weighted` (points per option,
 * e.g. TKP 1–5). Content and keys are secret: only bank managers read them; a participant gets
 * the stem and option texts of their own paper once their attempt has started, never a key or points.
 */
export const catQuestions = pgTable(
  'cat_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bankId: uuid('bank_id').notNull().references(() => catBanks.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id'),
    /** TWK | TIU | TKP | TEKNIS | MANAJERIAL | SOSIOKULTURAL | WAWANCARA | SKB … */
    subtest: text('subtest').notNull(),
    topic: text('topic').notNull().default(''),
    /** single | weighted */
    type: text('type').notNull(),
    stem: text('stem').notNull(),
    imageFileId: uuid('image_file_id'),
    options: jsonb('options').$type<CatOption[]>().notNull(),
    /** The correct option of a `single` question (its points come from the blueprint preset's subtest rule). */
    keyOptionId: text('key_option_id'),
    /** draft | reviewed | active | retired */
    status: text('status').notNull().default('draft'),
    reviewedBy: uuid('reviewed_by'),
    createdBy: uuid('created_by'),
    /** Who wrote the current content (the creator, or whoever edited it last): never its reviewer. */
    editedBy: uuid('edited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cat_questions_bank_idx').on(t.bankId, t.subtest, t.topic, t.status)],
);

/** How a paper is made for a stage of a round: counts per subtest/topic, duration, scoring and pass rules. */
export const catBlueprints = pgTable(
  'cat_blueprints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    stageKey: text('stage_key').notNull(),
    name: text('name').notNull(),
    /** skd | pppk | skb | custom */
    preset: text('preset').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** Extra minutes for named needs: { tunanetra: 30 }. */
    extraMinutes: jsonb('extra_minutes').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    /** [{ subtest, topic?, count, bankIds[] }] */
    sections: jsonb('sections').$type<Array<{ subtest: string; topic?: string; count: number; bankIds: string[] }>>().notNull(),
    /** Pass rules by formation kind (core/cat-scoring PassRules). */
    passRules: jsonb('pass_rules').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cat_blueprints_stage_key').on(t.selectionId, t.stageKey)],
);

export const catVenues = pgTable('cat_venues', {
  id: uuid('id').primaryKey().defaultRandom(),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const catRooms = pgTable(
  'cat_rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id').notNull().references(() => catVenues.id, { onDelete: 'cascade' }),
    agencyId: uuid('agency_id').notNull(),
    name: text('name').notNull(),
    seats: integer('seats').notNull(),
  },
  (t) => [index('cat_rooms_venue_idx').on(t.venueId)],
);

/** An exam session in a room at a time; the proctor opens it and reveals its PIN (only the hash is stored). */
export const catSessions = pgTable(
  'cat_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    blueprintId: uuid('blueprint_id').notNull().references(() => catBlueprints.id),
    roomId: uuid('room_id').notNull().references(() => catRooms.id),
    name: text('name').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** scheduled | open | closed */
    status: text('status').notNull().default('scheduled'),
    pinHash: text('pin_hash'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cat_sessions_selection_idx').on(t.selectionId, t.startsAt), index('cat_sessions_room_idx').on(t.roomId, t.startsAt)],
);

/**
 * A participant's attempt: allocated to a session and seat with a paper generated at allocation;
 * active from the start (the server fixes ends_at); finished by the participant or by the server
 * at ends_at. One device at a time: the device token's hash.
 */
export const catAttempts = pgTable(
  'cat_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    selectionId: uuid('selection_id').notNull(),
    blueprintId: uuid('blueprint_id').notNull().references(() => catBlueprints.id),
    sessionId: uuid('session_id').references(() => catSessions.id),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    accountId: uuid('account_id').notNull(),
    formasiId: uuid('formasi_id').notNull(),
    formasiKind: text('formasi_kind').notNull(),
    seat: integer('seat'),
    /** allocated | active | finished | absent */
    status: text('status').notNull().default('allocated'),
    /** The participant's named need that adds time (e.g. tunanetra), if any. */
    need: text('need'),
    durationSeconds: integer('duration_seconds').notNull(),
    extraSeconds: integer('extra_seconds').notNull().default(0),
    identityConfirmedAt: timestamp('identity_confirmed_at', { withTimezone: true }),
    identityConfirmedBy: uuid('identity_confirmed_by'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** finished by: peserta | waktu_habis | pengawas */
    finishedBy: text('finished_by'),
    deviceTokenHash: text('device_token_hash'),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cat_attempts_application_key').on(t.applicationId, t.blueprintId),
    index('cat_attempts_session_idx').on(t.sessionId, t.status),
    index('cat_attempts_account_idx').on(t.accountId, t.status),
    index('cat_attempts_due_idx').on(t.status, t.endsAt),
    // A stage's attempts (SKD result, final integration): read by blueprint without scanning every round's attempts.
    index('cat_attempts_blueprint_idx').on(t.blueprintId),
    // A stage's absentees without the rest of its attempts (the final ranking reads the results by application).
    index('cat_attempts_absent_idx').on(t.blueprintId).where(sql`status = 'absent'`),
  ],
);

/** The participant's paper: questions and option order, shuffled per participant at allocation. */
export const catPaperItems = pgTable(
  'cat_paper_items',
  {
    attemptId: uuid('attempt_id').notNull().references(() => catAttempts.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').notNull(),
    position: integer('position').notNull(),
    optionOrder: text('option_order').array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.questionId] }),
    uniqueIndex('cat_paper_items_position_key').on(t.attemptId, t.position),
    // Whether a bank question is in anyone's paper (its content is then frozen), and item analysis.
    index('cat_paper_items_question_idx').on(t.questionId),
  ],
);

/**
 * The current answer per question. `seq` is the participant's click counter: a write applies only
 * when newer than the stored one, so a replayed or late-arriving older answer never overwrites.
 */
export const catAnswers = pgTable(
  'cat_answers',
  {
    attemptId: uuid('attempt_id').notNull().references(() => catAttempts.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id').notNull(),
    optionId: text('option_id'),
    flagged: boolean('flagged').notNull().default(false),
    seq: integer('seq').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);

/** What the proctor sees: focus losses, tab switches, device conflicts, resumptions, time added. */
export const catAttemptEvents = pgTable(
  'cat_attempt_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    attemptId: uuid('attempt_id').notNull().references(() => catAttempts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cat_attempt_events_attempt_idx').on(t.attemptId, t.at)],
);

/** The score of a finished attempt: hashed with its answer sheet; changed only by an audited correction that keeps the original. */
export const catResults = pgTable(
  'cat_results',
  {
    attemptId: uuid('attempt_id').primaryKey().references(() => catAttempts.id, { onDelete: 'cascade' }),
    /** The attempt's application: PostgreSQL sets it (and the blueprint) from the attempt on every insert, so an insert leaves it out, and refuses to change it (migration 0027). */
    applicationId: uuid('application_id')
      .notNull()
      .$defaultFn(() => sql`NULL`),
    agencyId: uuid('agency_id').notNull(),
    selectionId: uuid('selection_id').notNull(),
    blueprintId: uuid('blueprint_id').notNull(),
    sessionId: uuid('session_id'),
    formasiId: uuid('formasi_id').notNull(),
    registrationNumber: text('registration_number').notNull(),
    participantName: text('participant_name').notNull(),
    /** Points per subtest: { TWK: 95, TIU: 110, TKP: 180 }. */
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    total: integer('total').notNull(),
    passed: boolean('passed').notNull(),
    passReasons: jsonb('pass_reasons').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    answerSheetHash: text('answer_sheet_hash').notNull(),
    resultHash: text('result_hash').notNull(),
    /** The original result when an audited correction replaced it. */
    original: jsonb('original').$type<Record<string, unknown> | null>(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('cat_results_session_idx').on(t.sessionId, t.scoredAt),
    index('cat_results_selection_idx').on(t.selectionId, t.formasiId),
    // A stage's results, one per application (as its attempts): the final ranking reads them so, without the attempts,
    // from this index alone (migration 0028 makes it include total, passed and scores).
    uniqueIndex('cat_results_blueprint_application_key').on(t.blueprintId, t.applicationId),
  ],
);
