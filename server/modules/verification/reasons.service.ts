import { and, asc, count, eq } from 'drizzle-orm';
import { DEFAULT_VERIFICATION_REASONS } from '../../../core/verification.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { verificationReasons } from './verification.table.js';

export type VerificationReasonRow = typeof verificationReasons.$inferSelect;

export function presentReason(row: VerificationReasonRow) {
  return { id: row.id, code: row.code, label: row.label, active: row.active };
}

/**
 * The agency's catalogue, seeded with the defaults the first time anyone needs it. Idempotent and
 * safe when two requests seed at once (the (agency, code) unique index keeps one of each).
 */
export async function ensureReasons(db: Db, agencyId: string): Promise<VerificationReasonRow[]> {
  const [existing] = await db.select({ n: count() }).from(verificationReasons).where(eq(verificationReasons.agencyId, agencyId));
  if (!existing?.n) {
    await db
      .insert(verificationReasons)
      .values(DEFAULT_VERIFICATION_REASONS.map((reason) => ({ agencyId, code: reason.code, label: reason.label })))
      .onConflictDoNothing();
  }
  return db.select().from(verificationReasons).where(eq(verificationReasons.agencyId, agencyId)).orderBy(asc(verificationReasons.createdAt), asc(verificationReasons.label));
}

export type CreateReasonInput = { agencyId: string; actorId: string; code: string; label: string };

export async function createReason(db: Db, { agencyId, actorId, code, label }: CreateReasonInput) {
  await ensureReasons(db, agencyId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(verificationReasons).values({ agencyId, code, label }).onConflictDoNothing().returning();
    if (!row) throw new AppError('CONFLICT', `Kode alasan "${code}" sudah ada pada katalog instansi ini.`, { code: 'Kode sudah dipakai' });
    await recordAudit(tx, { agencyId, actorId, action: 'verification.reason.create', targetType: 'verification_reason', targetId: row.id, after: presentReason(row) });
    return row;
  });
}

export type UpdateReasonInput = { agencyId: string; actorId: string; reasonId: string; label?: string | undefined; active?: boolean | undefined };

/** A reason is never deleted (past checks name it); it is relabelled or deactivated. */
export async function updateReason(db: Db, { agencyId, actorId, reasonId, label, active }: UpdateReasonInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(verificationReasons)
      .where(and(eq(verificationReasons.id, reasonId), eq(verificationReasons.agencyId, agencyId)))
      .for('update');
    if (!before) throw notFound('Alasan');
    const [row] = await tx
      .update(verificationReasons)
      .set({ ...(label !== undefined ? { label } : {}), ...(active !== undefined ? { active } : {}) })
      .where(eq(verificationReasons.id, reasonId))
      .returning();
    await recordAudit(tx, { agencyId, actorId, action: 'verification.reason.update', targetType: 'verification_reason', targetId: reasonId, before: presentReason(before), after: presentReason(row!) });
    return row!;
  });
}
