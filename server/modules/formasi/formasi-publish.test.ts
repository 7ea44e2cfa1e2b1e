import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createAgencyRow, createTestApp, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { selections } from '../selections/selections.table.js';
import { countSelectionFormasi, publishSelectionFormasi } from './formasi.service.js';
import { formasi } from './formasi.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let actorId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Instansi Terbit')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Instansi Lain')).id;
  actorId = (await createAccount(ctx, { roles: [{ role: 'admin_instansi', agencyId }] })).id;
});
afterAll(() => ctx.close());

async function selectionWith(agency: string, counts: number[]) {
  const db = ctx.database.db;
  const [selection] = await db.insert(selections).values({ agencyId: agency, type: 'cpns', year: 2026, name: 'Seleksi CPNS 2026' }).returning();
  for (const [index, count] of counts.entries()) {
    await db.insert(formasi).values({ agencyId: agency, selectionId: selection!.id, positionName: `Jabatan ${index}`, unitName: 'Unit', count });
  }
  return selection!.id;
}

describe('publishing a selection’s formasi (called by the selections module)', () => {
  it('counts formasi and places of one selection only', async () => {
    const selectionId = await selectionWith(agencyId, [2, 3, 5]);
    await selectionWith(agencyId, [7]);
    expect(await countSelectionFormasi(ctx.database.db, { agencyId, selectionId })).toEqual({ formasi: 3, places: 10 });
    expect(await countSelectionFormasi(ctx.database.db, { agencyId: otherAgencyId, selectionId })).toEqual({ formasi: 0, places: 0 });
    const empty = await selectionWith(agencyId, []);
    expect(await countSelectionFormasi(ctx.database.db, { agencyId, selectionId: empty })).toEqual({ formasi: 0, places: 0 });
  });

  it('publishes the drafts in the caller’s transaction with one audit record, and rolls back with it', async () => {
    const selectionId = await selectionWith(agencyId, [1, 4]);
    await expect(
      ctx.database.db.transaction(async (tx) => {
        expect(await publishSelectionFormasi(tx, { agencyId, selectionId, actorId })).toBe(2);
        throw new Error('batal');
      }),
    ).rejects.toThrow('batal');
    const afterRollback = await ctx.database.db.select().from(formasi).where(eq(formasi.selectionId, selectionId));
    expect(afterRollback.map((row) => row.status)).toEqual(['draft', 'draft']);

    const published = await ctx.database.db.transaction((tx) => publishSelectionFormasi(tx, { agencyId, selectionId, actorId }));
    expect(published).toBe(2);
    const rows = await ctx.database.db.select().from(formasi).where(eq(formasi.selectionId, selectionId));
    expect(rows.every((row) => row.status === 'published' && row.publishedAt instanceof Date)).toBe(true);
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, selectionId)).orderBy(auditLog.chain, auditLog.seq);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'formasi.publish', actorId, summary: { after: { formasi: 2, places: 5 } } });

    // Publishing again finds nothing new to publish and writes no second record.
    expect(await ctx.database.db.transaction((tx) => publishSelectionFormasi(tx, { agencyId, selectionId, actorId }))).toBe(0);
    expect(await ctx.database.db.select().from(auditLog).where(eq(auditLog.targetId, selectionId)).orderBy(auditLog.chain, auditLog.seq)).toHaveLength(1);
  });

  it('does not publish a selection of another agency', async () => {
    const selectionId = await selectionWith(otherAgencyId, [3]);
    expect(await ctx.database.db.transaction((tx) => publishSelectionFormasi(tx, { agencyId, selectionId, actorId }))).toBe(0);
    const [row] = await ctx.database.db.select().from(formasi).where(eq(formasi.selectionId, selectionId));
    expect(row?.status).toBe('draft');
  });
});
