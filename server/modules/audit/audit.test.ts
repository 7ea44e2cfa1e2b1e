import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { canonicalJson } from '../../../core/canonical.js';
import { asc, eq } from 'drizzle-orm';
import { auditLog } from './audit.table.js';
import { entryPayloadParts, hashEntry, recordAudit, recordAuditBatch, verifyChain } from './audit.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function chainOf(length: number) {
  const agency = await createAgencyRow(ctx);
  for (let i = 1; i <= length; i++) {
    await ctx.database.db.transaction((tx) =>
      recordAudit(tx, { agencyId: agency.id, actorId: null, action: 'uji.langkah', targetType: 'uji', targetId: String(i), after: { langkah: i } }),
    );
  }
  return agency;
}

/** A chain's entries in order, as verifyChain reads them. */
async function entriesOf(chain: string) {
  return ctx.database.db.select().from(auditLog).where(eq(auditLog.chain, chain)).orderBy(asc(auditLog.seq));
}

/** Tampering as an attacker with database access would: with the append-only trigger switched off. */
async function tamper(sqlText: string, params: unknown[]) {
  await ctx.database.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
  try {
    await ctx.database.query(sqlText, params);
  } finally {
    await ctx.database.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
  }
}

describe('audit chain', () => {
  it('verifies an intact chain, each entry linked to the previous hash', async () => {
    const agency = await chainOf(5);
    const result = await verifyChain(ctx.database.db, agency.id);
    expect(result).toEqual({ chain: agency.id, ok: true, entries: 5, firstBroken: null });
  });

  it('cuts the canonical payload around prevHash and seq, whatever the summary holds', () => {
    const fields = {
      chain: 'c1',
      agencyId: null,
      actorId: 'a1',
      action: 'uji',
      targetType: 'uji',
      targetId: 'x',
      createdAt: new Date('2026-12-05T01:02:03.004Z'),
      summary: { after: { prevHash: '"prevHash":"x"', seq: ',"seq":7,', teks: 'Ä 漢 😀 \u0001prev: "kutip" \\ \n' } },
    };
    const prevHash = 'ab'.repeat(32);
    const parts = entryPayloadParts(fields);
    const payload = `${parts.beforePrevHash}"${prevHash}"${parts.beforeSeq}${41}${parts.afterSeq}`;
    expect(payload).toBe(canonicalJson({ ...fields, prevHash, seq: 41 }));
  });

  it('links entries whose summary holds quotes, backslashes and four-byte characters: the database hashes what hashEntry hashes', async () => {
    const agency = await createAgencyRow(ctx);
    const after = { nama: 'Siti "Ani" Ä 漢 😀', jalur: 'C:\\berkas\n', kosong: null, angka: [1.5, -2, 1e21] };
    const ids = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await ctx.database.db.transaction((tx) => recordAudit(tx, { agencyId: agency.id, actorId: null, action: 'uji.teks', targetType: 'uji', targetId: String(i), after })));
    }
    const records = await entriesOf(agency.id);
    expect(records.map((r) => [r.id, r.seq])).toEqual(ids.map((id, i) => [id, i + 1]));
    expect(records[0]!.summary).toEqual({ before: null, after });
    for (const record of records) expect(record.hash).toBe(hashEntry(record));
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(await verifyChain(ctx.database.db, agency.id)).toMatchObject({ ok: true, entries: 3 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the audit table', async () => {
    const agency = await chainOf(1);
    await expect(ctx.database.query(`UPDATE audit_log SET action = 'x' WHERE chain = $1`, [agency.id])).rejects.toThrow(/append-only/);
    await expect(ctx.database.query(`DELETE FROM audit_log WHERE chain = $1`, [agency.id])).rejects.toThrow(/append-only/);
    await expect(ctx.database.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect((await verifyChain(ctx.database.db, agency.id)).ok).toBe(true);
  });

  it('names the entry whose content was changed directly in SQL', async () => {
    const agency = await chainOf(6);
    await tamper(`UPDATE audit_log SET summary = '{"before":null,"after":{"langkah":99}}' WHERE chain = $1 AND seq = 4`, [agency.id]);
    const result = await verifyChain(ctx.database.db, agency.id);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 4, reason: expect.stringMatching(/diubah/) });
  });

  it('names the entry after one that was deleted from the middle', async () => {
    const agency = await chainOf(5);
    await tamper(`DELETE FROM audit_log WHERE chain = $1 AND seq = 3`, [agency.id]);
    const result = await verifyChain(ctx.database.db, agency.id);
    expect(result.firstBroken).toMatchObject({ seq: 3, reason: expect.stringMatching(/hilang/) });
  });

  it('detects a removed last entry through the chain head', async () => {
    const agency = await chainOf(3);
    await tamper(`DELETE FROM audit_log WHERE chain = $1 AND seq = 3`, [agency.id]);
    const result = await verifyChain(ctx.database.db, agency.id);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.reason).toMatch(/terakhir hilang/);
  });

  it('detects an entry rewritten with a recomputed hash by the broken link of the next entry', async () => {
    const agency = await chainOf(4);
    await tamper(`UPDATE audit_log SET hash = repeat('a', 64) WHERE chain = $1 AND seq = 2`, [agency.id]);
    const result = await verifyChain(ctx.database.db, agency.id);
    expect(result.firstBroken?.seq).toBe(2);
  });

  it('serialises concurrent writers into one unbroken chain', async () => {
    const agency = await createAgencyRow(ctx);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.database.db.transaction((tx) => recordAudit(tx, { agencyId: agency.id, actorId: null, action: 'uji.paralel', targetType: 'uji', targetId: String(i) })),
      ),
    );
    expect(await verifyChain(ctx.database.db, agency.id)).toMatchObject({ ok: true, entries: 20 });
  });

  it('links the entries of a transaction at its commit, in the order they were recorded; a rolled-back one leaves nothing', async () => {
    const agency = await createAgencyRow(ctx);
    const record = (tx: Parameters<typeof recordAudit>[0], step: string) => recordAudit(tx, { agencyId: agency.id, actorId: null, action: `uji.${step}`, targetType: 'uji' });
    await ctx.database.db.transaction(async (tx) => {
      await record(tx, 'satu');
      await record(tx, 'dua');
      // Not in the chain before the commit: the link is made there.
      expect(await tx.select().from(auditLog).where(eq(auditLog.chain, agency.id))).toEqual([]);
      await record(tx, 'tiga');
    });
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await record(tx, 'batal');
        throw new Error('dibatalkan');
      }),
    ).rejects.toThrow('dibatalkan');
    // Outside a transaction the statement is its own: linked at once.
    await record(ctx.database.db, 'empat');
    expect((await entriesOf(agency.id)).map((e) => [e.seq, e.action])).toEqual([[1, 'uji.satu'], [2, 'uji.dua'], [3, 'uji.tiga'], [4, 'uji.empat']]);
    expect(await verifyChain(ctx.database.db, agency.id)).toMatchObject({ ok: true, entries: 4 });
    expect(await ctx.database.query('SELECT count(*)::int AS n FROM audit_pending')).toEqual([{ n: 0 }]);
  });

  it('puts a batch before the single entries of its transaction, which are linked at commit', async () => {
    const agency = await createAgencyRow(ctx);
    await ctx.database.db.transaction(async (tx) => {
      await recordAudit(tx, { agencyId: agency.id, actorId: null, action: 'uji.tunggal', targetType: 'uji' });
      await recordAuditBatch(tx, [{ agencyId: agency.id, actorId: null, action: 'uji.kelompok', targetType: 'uji' }]);
    });
    expect((await entriesOf(agency.id)).map((e) => e.action)).toEqual(['uji.kelompok', 'uji.tunggal']);
    expect(await verifyChain(ctx.database.db, agency.id)).toMatchObject({ ok: true, entries: 2 });
  });

  // Two transactions open at once need two connections: PostgreSQL only (the embedded database runs one at a time).
  it.skipIf(!process.env.TEST_DATABASE_URL)('does not hold the chain head from the append to the commit: a later writer commits first', async () => {
    const agency = await createAgencyRow(ctx);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const first = new Promise<void>((resolve) => (appended = resolve));
    const slow = ctx.database.db.transaction(async (tx) => {
      await recordAudit(tx, { agencyId: agency.id, actorId: null, action: 'uji.lambat', targetType: 'uji' });
      appended();
      await held;
    });
    await first;
    // With the head locked from the append, this would wait for the slow transaction, which waits for it.
    await ctx.database.db.transaction((tx) => recordAudit(tx, { agencyId: agency.id, actorId: null, action: 'uji.cepat', targetType: 'uji' }));
    release();
    await slow;
    expect((await entriesOf(agency.id)).map((e) => e.action)).toEqual(['uji.cepat', 'uji.lambat']);
    expect(await verifyChain(ctx.database.db, agency.id)).toMatchObject({ ok: true, entries: 2 });
  });

  it('appends a batch over two chains as one entry after another, between single entries, and both chains verify', async () => {
    const agency = await chainOf(2);
    const other = await chainOf(1);
    const batch = (n: number, agencyId: string) => Array.from({ length: n }, (_, i) => ({ agencyId, actorId: null, action: 'uji.kelompok', targetType: 'uji', targetId: String(i), after: { nilai: i } }));
    expect(await ctx.database.db.transaction((tx) => recordAuditBatch(tx, [...batch(3, agency.id), ...batch(2, other.id)]))).toBe(5);
    await ctx.database.db.transaction((tx) => recordAudit(tx, { agencyId: agency.id, actorId: null, action: 'uji.sesudah', targetType: 'uji' }));
    expect(await verifyChain(ctx.database.db, agency.id)).toMatchObject({ ok: true, entries: 6 });
    expect(await verifyChain(ctx.database.db, other.id)).toMatchObject({ ok: true, entries: 3 });
    await tamper(`UPDATE audit_log SET summary = '{"before":null,"after":{"nilai":9}}' WHERE chain = $1 AND seq = 4`, [agency.id]);
    expect((await verifyChain(ctx.database.db, agency.id)).firstBroken).toMatchObject({ seq: 4 });
  });

  it('answers GET /api/audit/verify for the agency admin and observer, refuses verifier and other agencies — 200/403', async () => {
    const agency = await chainOf(2);
    const other = await createAgencyRow(ctx);
    const admin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: agency.id }] });
    const observer = await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId: agency.id }] });
    const verifier = await accountWithSession(ctx, { roles: [{ role: 'verifikator', agencyId: agency.id }] });
    const foreign = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: other.id }] });
    const url = `/api/audit/verify?agencyId=${agency.id}`;
    const ok = await request(ctx, admin.cookie, { method: 'GET', url });
    expect(ok.json()).toMatchObject({ ok: true, entries: 2 });
    expect((await request(ctx, observer.cookie, { method: 'GET', url })).statusCode).toBe(200);
    expect((await request(ctx, verifier.cookie, { method: 'GET', url })).statusCode).toBe(403);
    expect((await request(ctx, foreign.cookie, { method: 'GET', url })).statusCode).toBe(403);
    await tamper(`UPDATE audit_log SET action = 'palsu' WHERE chain = $1 AND seq = 2`, [agency.id]);
    expect((await request(ctx, observer.cookie, { method: 'GET', url })).json()).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
  });

  it('lists the trail newest first with the actor name', async () => {
    const agency = await createAgencyRow(ctx);
    const admin = await accountWithSession(ctx, { name: 'Admin Audit', roles: [{ role: 'admin_instansi', agencyId: agency.id }] });
    await request(ctx, admin.cookie, { method: 'PATCH', url: `/api/agencies/${agency.id}`, payload: { region: 'Wilayah Baru' } });
    const list = await request(ctx, admin.cookie, { method: 'GET', url: `/api/agencies/${agency.id}/audit` });
    expect(list.json()).toMatchObject({ total: 1, items: [{ seq: 1, action: 'agency.update', actorName: 'Admin Audit', summary: { after: { region: 'Wilayah Baru' } } }] });
  });
});
