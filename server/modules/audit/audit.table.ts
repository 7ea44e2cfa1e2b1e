import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** What an entry holds from the start, waiting for its commit or linked into its chain. */
const entryColumns = () => ({
  chain: text('chain').notNull(),
  agencyId: uuid('agency_id'),
  actorId: uuid('actor_id'),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id'),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * Append-only, one hash chain per agency ("national" for events outside any agency).
 * A trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...entryColumns(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('audit_log_chain_seq_key').on(t.chain, t.seq), index('audit_log_agency_idx').on(t.agencyId, t.seq)],
);

/**
 * An entry waiting for its transaction's commit (migration 0025): recordAudit inserts it here, with
 * the canonical payload cut around the two values only the head knows; a deferred trigger links it
 * into audit_log at commit and removes it. So the chain head is locked only while the commit runs,
 * not from the append to the commit's round trip. Empty outside open transactions.
 */
export const auditPending = pgTable('audit_pending', {
  id: uuid('id').primaryKey(),
  ...entryColumns(),
  payloadBeforePrevHash: text('payload_before_prev_hash').notNull(),
  payloadBeforeSeq: text('payload_before_seq').notNull(),
  payloadAfterSeq: text('payload_after_seq').notNull(),
});

/** The head of each chain; locked FOR UPDATE while appending, and lets verification detect a removed tail. */
export const auditHeads = pgTable('audit_heads', {
  chain: text('chain').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
