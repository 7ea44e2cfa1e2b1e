import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, gt } from 'drizzle-orm';
import { canonicalJson } from '../../../core/canonical.js';
import { canonicalSha256 } from '../../canonical-hash.js';
import { selectPrepared, type Db } from '../../db/client.js';
import { uuidv7 } from '../../db/uuid7.js';
import { accounts } from '../accounts/accounts.table.js';
import { auditHeads, auditLog } from './audit.table.js';

export const GENESIS_HASH = '0'.repeat(64);
export const NATIONAL_CHAIN = 'national';

export type AuditInput = {
  agencyId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
};

type AuditRecord = typeof auditLog.$inferSelect;

type HashedFields = Omit<AuditRecord, 'id' | 'hash'>;

/** The hash of an entry: SHA-256 over the canonical JSON of every field but its id and its own hash. */
export function hashEntry(fields: HashedFields): string {
  return canonicalSha256({
    chain: fields.chain,
    seq: fields.seq,
    agencyId: fields.agencyId,
    actorId: fields.actorId,
    action: fields.action,
    targetType: fields.targetType,
    targetId: fields.targetId,
    summary: fields.summary,
    createdAt: fields.createdAt,
    prevHash: fields.prevHash,
  });
}

/** canonicalJson of an entry cut around the two values only the chain head knows (its prevHash, then its seq). */
export type EntryPayloadParts = { beforePrevHash: string; beforeSeq: string; afterSeq: string };

/**
 * The payload hashEntry hashes, in three pieces, so the database can put the head's hash and the
 * next seq between them under the head lock: payload = beforePrevHash + "<prevHash>" + beforeSeq + seq + afterSeq
 * (a hex hash and an integer are written the same by canonicalJson and by SQL text). Cut at two
 * markers made for this call, so no value in the entry can be mistaken for them.
 */
export function entryPayloadParts(fields: Omit<HashedFields, 'seq' | 'prevHash'>): EntryPayloadParts {
  const prevMarker = JSON.stringify(`\u0001prev:${randomUUID()}`);
  const seqMarker = JSON.stringify(`\u0001seq:${randomUUID()}`);
  const payload = canonicalJson({ ...fields, prevHash: JSON.parse(prevMarker), seq: JSON.parse(seqMarker) });
  const prevAt = payload.indexOf(prevMarker);
  const seqAt = payload.indexOf(seqMarker);
  if (prevAt < 0 || seqAt < prevAt || payload.lastIndexOf(prevMarker) !== prevAt || payload.lastIndexOf(seqMarker) !== seqAt) {
    throw new Error('audit payload markers not found once each');
  }
  return {
    beforePrevHash: payload.slice(0, prevAt),
    beforeSeq: payload.slice(prevAt + prevMarker.length, seqAt),
    afterSeq: payload.slice(seqAt + seqMarker.length),
  };
}

/** What an entry holds before the chain gives it a place (seq, prevHash); its summary round-tripped through JSON so the stored jsonb and the hashed value are the same data. */
function entryFields(input: AuditInput, createdAt: Date): Omit<HashedFields, 'seq' | 'prevHash'> {
  const summary = JSON.parse(JSON.stringify({ before: input.before ?? null, after: input.after ?? null, ...(input.details ? { details: input.details } : {}) })) as Record<string, unknown>;
  return { chain: input.agencyId ?? NATIONAL_CHAIN, agencyId: input.agencyId, actorId: input.actorId, action: input.action, targetType: input.targetType, targetId: input.targetId ?? null, summary, createdAt };
}

/** The columns of an audit_pending row, in the order pendingAuditRow gives their values. */
const PENDING_COLUMNS = ['id', 'chain', 'agency_id', 'actor_id', 'action', 'target_type', 'target_id', 'summary', 'created_at', 'payload_before_prev_hash', 'payload_before_seq', 'payload_after_seq'] as const;
export const AUDIT_PENDING_COLUMNS = PENDING_COLUMNS.join(', ');

/** The placeholders for pendingAuditRow's values from parameter $first on, for a statement that records its own entry. */
export function auditPendingPlaceholders(first: number): string {
  return PENDING_COLUMNS.map((column, i) => `$${first + i}${column === 'summary' ? '::jsonb' : ''}`).join(', ');
}

/** An entry as the values of its audit_pending row (AUDIT_PENDING_COLUMNS), with its new id first. */
export function pendingAuditRow(input: AuditInput): unknown[] {
  const fields = entryFields(input, new Date());
  const parts = entryPayloadParts(fields);
  return [uuidv7(), fields.chain, fields.agencyId, fields.actorId, fields.action, fields.targetType, fields.targetId, JSON.stringify(fields.summary), fields.createdAt, parts.beforePrevHash, parts.beforeSeq, parts.afterSeq];
}

/**
 * Appends an entry to the agency's chain. Call it with the transaction that makes the change: the
 * entry waits in audit_pending and a deferred trigger (migration 0025) links it into the chain when
 * that transaction commits, so the record and the change commit together, or neither does. The
 * chain head is locked only while the commit runs, so an agency's writers queue for the commit
 * alone, not for every round trip between the append and the commit. Returns the entry's id; its
 * seq and hash exist once the transaction has committed. A hot path may instead insert the row from
 * its own statement (AUDIT_PENDING_COLUMNS, auditPendingPlaceholders, pendingAuditRow).
 */
export async function recordAudit(tx: Db, input: AuditInput): Promise<string> {
  const row = pendingAuditRow(input);
  await selectPrepared(tx, 'audit_pending_insert', PENDING_INSERT_SQL, row);
  return row[0] as string;
}

const PENDING_INSERT_SQL = `INSERT INTO audit_pending (${AUDIT_PENDING_COLUMNS}) VALUES (${auditPendingPlaceholders(1)})`;

const HEAD_LOCK_SQL = 'SELECT seq, hash FROM audit_heads WHERE chain = $1 FOR UPDATE';

/**
 * Appends many entries in the order given, for batch work on a hot path (e.g. scoring a chunk of
 * CAT attempts): per chain one head lock, the links computed here, then the entries and the new
 * head in one statement — the same chain, entry for entry, as calling recordAudit for each in turn.
 * Its entries are linked at once, so they come before any recordAudit entry of the same transaction
 * (those are linked at commit). Call it late in the transaction that makes the change: the heads
 * stay locked until it commits.
 */
export async function recordAuditBatch(tx: Db, inputs: readonly AuditInput[]): Promise<number> {
  const byChain = new Map<string, AuditInput[]>();
  for (const input of inputs) {
    const chain = input.agencyId ?? NATIONAL_CHAIN;
    const group = byChain.get(chain);
    if (group) group.push(input);
    else byChain.set(chain, [input]);
  }
  // Heads locked in one fixed order, so two batches over the same chains never wait on each other in a circle.
  for (const chain of [...byChain.keys()].sort()) {
    const group = byChain.get(chain)!;
    let [head] = await selectPrepared<{ seq: string | number; hash: string }>(tx, 'audit_head_lock', HEAD_LOCK_SQL, [chain]);
    if (!head) {
      await tx.insert(auditHeads).values({ chain, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
      [head] = await selectPrepared<{ seq: string | number; hash: string }>(tx, 'audit_head_lock', HEAD_LOCK_SQL, [chain]);
      if (!head) throw new Error('audit head missing');
    }
    const createdAt = new Date();
    let seq = Number(head.seq);
    let prevHash = head.hash;
    const rows = group.map((input) => {
      seq += 1;
      const fields: HashedFields = { ...entryFields(input, createdAt), seq, prevHash };
      const hash = hashEntry(fields);
      prevHash = hash;
      return { ...fields, hash };
    });
    await selectPrepared(tx, 'audit_append_batch', APPEND_BATCH_SQL, [
      rows.map(() => uuidv7()),
      chain,
      rows.map((r) => r.seq),
      rows.map((r) => r.agencyId),
      rows.map((r) => r.actorId),
      rows.map((r) => r.action),
      rows.map((r) => r.targetType),
      rows.map((r) => r.targetId),
      rows.map((r) => JSON.stringify(r.summary)),
      createdAt,
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
      seq,
      prevHash,
    ]);
  }
  return inputs.length;
}

const APPEND_BATCH_SQL = `WITH entries AS (
    INSERT INTO audit_log (id, chain, seq, agency_id, actor_id, action, target_type, target_id, summary, created_at, prev_hash, hash)
    SELECT e.id, $2, e.seq, e.agency_id, e.actor_id, e.action, e.target_type, e.target_id, e.summary, $10, e.prev_hash, e.hash
    FROM unnest($1::uuid[], $3::bigint[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $11::text[], $12::text[])
      AS e(id, seq, agency_id, actor_id, action, target_type, target_id, summary, prev_hash, hash)
  )
  UPDATE audit_heads SET seq = $13, hash = $14 WHERE chain = $2`;
// (A data-modifying WITH runs exactly once whether or not the outer statement reads it.)

export type ChainVerification = {
  chain: string;
  ok: boolean;
  entries: number;
  firstBroken: null | { seq: number; id: string | null; reason: string };
};

/** Recomputes a chain from its first entry; reports the first entry whose link or hash does not hold. */
export async function verifyChain(db: Db, chain: string): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.chain, chain), gt(auditLog.seq, expectedSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const row of rows) {
      const broken = (reason: string): ChainVerification => ({ chain, ok: false, entries, firstBroken: { seq: row.seq, id: row.id, reason } });
      if (row.seq !== expectedSeq) {
        return { chain, ok: false, entries, firstBroken: { seq: expectedSeq, id: null, reason: `entri nomor ${expectedSeq} hilang` } };
      }
      if (row.prevHash !== prevHash) return broken('hash entri sebelumnya tidak cocok (rantai terputus)');
      if (hashEntry(row) !== row.hash) return broken('isi entri tidak cocok dengan hash-nya (data diubah)');
      prevHash = row.hash;
      expectedSeq += 1;
      entries += 1;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.chain, chain));
  if (head && (head.seq !== entries || head.hash !== prevHash)) {
    return { chain, ok: false, entries, firstBroken: { seq: entries + 1, id: null, reason: `rantai berakhir di entri ${entries}, padahal kepala rantai mencatat ${head.seq} entri (entri terakhir hilang)` } };
  }
  return { chain, ok: true, entries, firstBroken: null };
}

export async function listChains(db: Db): Promise<string[]> {
  const rows = await db.select({ chain: auditHeads.chain }).from(auditHeads).orderBy(asc(auditHeads.chain));
  return rows.map((row) => row.chain);
}

export type ListAuditOptions = {
  agencyId: string | null;
  page: number;
  pageSize: number;
  action?: string | undefined;
  /** Only the records about one thing (e.g. one selection round's history). */
  targetId?: string | undefined;
};

export async function listAudit(db: Db, options: ListAuditOptions) {
  const chain = options.agencyId ?? NATIONAL_CHAIN;
  const where = and(
    eq(auditLog.chain, chain),
    options.action ? eq(auditLog.action, options.action) : undefined,
    options.targetId ? eq(auditLog.targetId, options.targetId) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  const items = await db
    .select({ entry: auditLog, actorName: accounts.name })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { total: total?.n ?? 0, items };
}
