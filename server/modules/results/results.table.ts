import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from '../agencies/agencies.table.js';
import { applications } from '../applications/applications.table.js';
import { stageResults } from '../sanggah/sanggah.table.js';
import { selections } from '../selections/selections.table.js';

/** What a published final list was computed from and with, so anyone can recompute it. */
export type RankingBasis = {
  /** The integration plan: stages with weights, components, and each leaf's scale. */
  stages: Array<{ key: string; name: string; weight: number; components: Array<{ key: string; name: string; weight: number; kind: 'cat' | 'panel' }> }>;
  leaves: Array<{ key: string; stageKey: string; componentKey: string | null; kind: 'cat' | 'panel'; name: string; max: number; blueprintId: string | null }>;
  decimals: number;
  tieBreakChain: string[];
  /** Formations: label, count and the places the final stage fills (count × its multiplier). */
  formations: Array<{ id: string; label: string; count: number; places: number }>;
  /** The SKD (first CAT) stage whose subtests give the tie-break data, if any. */
  tieBreakStageKey: string | null;
  /** Decisions on record when the list was computed: disqualified applications, accepted data corrections. */
  disqualified: Array<{ applicationId: string; reason: string }>;
  corrections: Array<{ applicationId: string; item: string; value: number | string }>;
};

/** A published final list of a round (its stage result holds the announcement, hash and objection window). */
export const finalRankings = pgTable(
  'final_rankings',
  {
    stageResultId: uuid('stage_result_id').primaryKey().references(() => stageResults.id),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    /** akhir | akhir_pasca_sanggah */
    list: text('list').notNull(),
    basis: jsonb('basis').$type<RankingBasis>().notNull(),
    /** { candidates, lulus, tidak_lulus, tidak_hadir, diskualifikasi } */
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('final_rankings_list_key').on(t.selectionId, t.list)],
);

/**
 * One line of a published final list. Published lines are never updated (the recompute compares
 * them with the raw answer sheets and panel scores); a correction is a new list.
 */
export const finalResults = pgTable(
  'final_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stageResultId: uuid('stage_result_id').notNull().references(() => stageResults.id),
    agencyId: uuid('agency_id').notNull(),
    selectionId: uuid('selection_id').notNull(),
    applicationId: uuid('application_id').notNull().references(() => applications.id),
    accountId: uuid('account_id').notNull(),
    formasiId: uuid('formasi_id').notNull(),
    formasiLabel: text('formasi_label').notNull(),
    registrationNumber: text('registration_number').notNull(),
    name: text('name').notNull(),
    /** Order of the line in the canonical list (formasi, rank, registration number). */
    position: integer('position').notNull(),
    rank: integer('rank'),
    /** lulus | tidak_lulus | tidak_hadir | diskualifikasi */
    status: text('status').notNull(),
    /** The published final score in 10^-decimals units; null when not ranked. */
    finalUnits: bigint('final_units', { mode: 'number' }),
    /** Raw score of each leaf of the plan, by leaf key (null when absent). */
    scores: jsonb('scores').$type<Record<string, number | null>>().notNull(),
    /** Tie-break data (not printed). */
    skdTotal: integer('skd_total'),
    twk: integer('twk'),
    tiu: integer('tiu'),
    tkp: integer('tkp'),
    ipk: doublePrecision('ipk'),
    birthDate: text('birth_date'),
    decidedByAbove: text('decided_by_above'),
    decidedByBelow: text('decided_by_below'),
    /** The random code in the result letter's QR (public verification). */
    letterCode: text('letter_code').notNull(),
  },
  (t) => [
    uniqueIndex('final_results_line_key').on(t.stageResultId, t.applicationId),
    uniqueIndex('final_results_letter_key').on(t.letterCode),
    index('final_results_list_idx').on(t.stageResultId, t.formasiId, t.position),
    index('final_results_application_idx').on(t.applicationId),
  ],
);

/** A candidate removed from the final ranking by the panel (fraud, forged documents…), with the reason. */
export const resultDisqualifications = pgTable(
  'result_disqualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('result_disqualifications_key').on(t.selectionId, t.applicationId)],
);

/** An objection to the final result: once per application, about one item of one's own result. */
export const finalObjections = pgTable(
  'final_objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull(),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    stageResultId: uuid('stage_result_id').notNull().references(() => stageResults.id),
    /** A score leaf key ('skd', 'skb.cat_skb'…), 'ipk' or 'birthDate'. */
    item: text('item').notNull(),
    claimedValue: jsonb('claimed_value').$type<number | string>().notNull(),
    publishedValue: jsonb('published_value').$type<number | string | null>(),
    recordedValue: jsonb('recorded_value').$type<number | string | null>(),
    reason: text('reason').notNull(),
    /** diajukan | diterima | ditolak */
    status: text('status').notNull().default('diajukan'),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('final_objections_once_key').on(t.applicationId, t.stageResultId), index('final_objections_agency_idx').on(t.agencyId, t.status, t.createdAt)],
);

/** The optimisation of a round: started by the panel after the post-objection list, with the offer deadline in days. */
export const optimisations = pgTable('optimisations', {
  selectionId: uuid('selection_id').primaryKey().references(() => selections.id, { onDelete: 'cascade' }),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
  offerDays: integer('offer_days').notNull(),
  startedBy: uuid('started_by'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An optimisation offer (core/optimisation.ts): an unfilled place offered to a candidate who met
 * the SKD pass mark but won no place; accepted or declined before `expires_at` (server clock).
 * One offer per candidate per round: declining ends the candidate's part.
 */
export const optimisationOffers = pgTable(
  'optimisation_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull().references(() => agencies.id, { onDelete: 'cascade' }),
    selectionId: uuid('selection_id').notNull().references(() => selections.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id').notNull().references(() => applications.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull(),
    /** The formasi the candidate applied for, and the one offered. */
    fromFormasiId: uuid('from_formasi_id').notNull(),
    formasiId: uuid('formasi_id').notNull(),
    /** same_unit | other_unit | general_same_unit | general_other_unit */
    basis: text('basis').notNull(),
    /** pending | accepted | declined | expired */
    status: text('status').notNull().default('pending'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [uniqueIndex('optimisation_offers_once_key').on(t.selectionId, t.applicationId), index('optimisation_offers_status_idx').on(t.status, t.expiresAt), index('optimisation_offers_account_idx').on(t.accountId)],
);
