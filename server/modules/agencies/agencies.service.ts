import { asc, count, eq, ilike, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { agencyCreateBody, agencyUpdateBody } from '../../../core/schemas/agencies.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { agencies } from './agencies.table.js';

export type AgencyRow = typeof agencies.$inferSelect;

export function presentAgency(row: AgencyRow) {
  return { id: row.id, code: row.code, name: row.name, region: row.region, timezone: row.timezone, createdAt: row.createdAt.toISOString() };
}

export async function listAgencies(db: Db, options: { q?: string | undefined; page: number; pageSize: number }) {
  const where = options.q ? or(ilike(agencies.name, `%${options.q}%`), ilike(agencies.code, `%${options.q}%`), ilike(agencies.region, `%${options.q}%`)) : undefined;
  const [total] = await db.select({ n: count() }).from(agencies).where(where);
  const rows = await db.select().from(agencies).where(where).orderBy(asc(agencies.name)).limit(options.pageSize).offset((options.page - 1) * options.pageSize);
  return { items: rows, total: total?.n ?? 0 };
}

export async function getAgency(db: Db, id: string) {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  if (!row) throw notFound('Instansi');
  return row;
}

export type CreateAgencyInput = { actorId: string | null; data: z.infer<typeof agencyCreateBody> };

export async function createAgency(db: Db, { actorId, data }: CreateAgencyInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(agencies).values(data).onConflictDoNothing({ target: agencies.code }).returning();
    if (!row) throw new AppError('CONFLICT', `Kode instansi "${data.code}" sudah dipakai.`, { code: 'Kode sudah dipakai' });
    await recordAudit(tx, { agencyId: row.id, actorId, action: 'agency.create', targetType: 'agency', targetId: row.id, after: presentAgency(row) });
    return row;
  });
}

export type UpdateAgencyInput = { actorId: string; agencyId: string; data: z.infer<typeof agencyUpdateBody> };

export async function updateAgency(db: Db, { actorId, agencyId, data }: UpdateAgencyInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(agencies).where(eq(agencies.id, agencyId)).for('update');
    if (!before) throw notFound('Instansi');
    const [row] = await tx.update(agencies).set({ ...data, updatedAt: new Date() }).where(eq(agencies.id, agencyId)).returning();
    await recordAudit(tx, { agencyId, actorId, action: 'agency.update', targetType: 'agency', targetId: agencyId, before: presentAgency(before), after: presentAgency(row!) });
    return row!;
  });
}

export type SetAbkEffectiveMinutesInput = { actorId: string; agencyId: string; minutes: number };

/** The agency's ABK effective working time per year (minutes), changed with an audit record. */
export async function setAbkEffectiveMinutes(db: Db, { actorId, agencyId, minutes }: SetAbkEffectiveMinutesInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(agencies).where(eq(agencies.id, agencyId)).for('update');
    if (!before) throw notFound('Instansi');
    const [row] = await tx.update(agencies).set({ abkEffectiveMinutes: minutes, updatedAt: new Date() }).where(eq(agencies.id, agencyId)).returning();
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'abk.settings',
      targetType: 'agency',
      targetId: agencyId,
      before: { effectiveMinutesPerYear: before.abkEffectiveMinutes },
      after: { effectiveMinutesPerYear: minutes },
    });
    return row!;
  });
}
