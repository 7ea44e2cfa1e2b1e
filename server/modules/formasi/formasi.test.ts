import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { agencies } from '../agencies/agencies.table.js';
import { auditLog } from '../audit/audit.table.js';
import { createPositionRow, createUnitRow } from '../organisation/organisation.fixtures.js';
import { createFormasiRow, createSelectionRow } from './formasi.fixtures.js';
import { publishSelectionFormasi } from './formasi.service.js';
import { formasi } from './formasi.table.js';
import { selections } from '../selections/selections.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: { cookie: string; account: { id: string } };
let panitia: string;
let pengawas: string;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kota Manna Uji')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Kabupaten Seberang')).id;
  admin = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] });
  panitia = (await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] })).cookie;
  pengawas = (await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }] })).cookie;
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const base = (selectionId: string, agency = agencyId) => `/api/agencies/${agency}/selections/${selectionId}/formasi`;
const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => request(ctx, cookie, { method, url, ...(payload ? { payload } : {}) });
const rowsOf = (selectionId: string) => db().select().from(formasi).where(eq(formasi.selectionId, selectionId));
const audits = (action: string, targetId: string) => db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId))).orderBy(auditLog.chain, auditLog.seq);

const requirements = {
  qualifications: [
    { level: 's-1', programmes: ['Teknik  Informatika', 'Sistem Informasi', 'teknik informatika'] },
    { level: 'D-IV', programmes: [] },
  ],
  kind: 'umum',
};

async function guruPosition(agency = agencyId) {
  const unit = await createUnitRow(db(), agency, { name: 'Dinas Komunikasi dan Informatika' });
  return createPositionRow(db(), agency, { unitId: unit.id, name: 'Pranata Komputer Ahli Pertama', bezetting: 1, retiring: 1, tasks: [{ volumePerYear: 1_500, normMinutes: 100 }] });
}

describe('formasi of a selection', () => {
  it('creates a formasi copying the position and unit, normalising qualifications and writing the search words — 201', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const position = await guruPosition();
    const response = await call(panitia, 'POST', base(selection.id), { positionId: position.id, count: 3, ...requirements, extraRequirements: 'Bersedia ditempatkan di kecamatan mana pun' });
    expect(response.statusCode).toBe(201);
    expect(response.json().formasi).toMatchObject({
      positionId: position.id,
      unitId: position.unitId,
      positionName: 'Pranata Komputer Ahli Pertama',
      unitName: 'Dinas Komunikasi dan Informatika',
      count: 3,
      qualifications: [
        { level: 'S1', programmes: ['Teknik Informatika', 'Sistem Informasi'] },
        { level: 'D4', programmes: [] },
      ],
      educationLevels: ['S1', 'D4'],
      kind: 'umum',
      kindLabel: 'Umum',
      minAge: 18,
      maxAge: 35,
      status: 'draft',
      abkSource: null,
    });
    const [row] = await rowsOf(selection.id);
    expect(row?.programmes).toEqual(['teknikinformatika', 'sisteminformasi']);
    const [agency] = await db().select().from(agencies).where(eq(agencies.id, agencyId));
    const agencyWords = agency!.name.toLowerCase().split(' ').join(' ');
    expect(row?.searchText).toBe(`pranata komputer ahli pertama dinas komunikasi dan informatika teknik sistem informasi ${agencyWords}`);
    expect(await audits('formasi.create', row!.id)).toHaveLength(1);
  });

  it('places a formasi in another unit of the agency, and allows the same position again with another kind', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const position = await guruPosition();
    const puskesmas = await createUnitRow(db(), agencyId, { name: 'Kecamatan Pasar Manna' });
    const placed = await call(admin.cookie, 'POST', base(selection.id), { positionId: position.id, unitId: puskesmas.id, count: 1, ...requirements });
    expect(placed.json().formasi).toMatchObject({ unitId: puskesmas.id, unitName: 'Kecamatan Pasar Manna' });
    const disabled = await call(admin.cookie, 'POST', base(selection.id), { positionId: position.id, unitId: puskesmas.id, count: 1, ...requirements, kind: 'disabilitas' });
    expect(disabled.json().formasi).toMatchObject({ kind: 'disabilitas', kindLabel: 'Penyandang Disabilitas' });
    const again = await call(admin.cookie, 'POST', base(selection.id), { positionId: position.id, unitId: puskesmas.id, count: 5, ...requirements, kind: 'disabilitas' });
    expect(again.statusCode).toBe(409);
    expect(await rowsOf(selection.id)).toHaveLength(2);
  });

  it('refuses a count of zero or less and every bad requirement — 400 naming the field, nothing created', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const position = await guruPosition();
    const valid = { positionId: position.id, count: 2, ...requirements };
    for (const [change, field] of [
      [{ count: 0 }, 'count'],
      [{ count: -3 }, 'count'],
      [{ count: 1.5 }, 'count'],
      [{ count: '2' }, 'count'],
      [{ count: 10_001 }, 'count'],
      [{ qualifications: [] }, 'qualifications'],
      [{ qualifications: [{ level: 'S7', programmes: [] }] }, 'qualifications.0.level'],
      [{ qualifications: [{ level: 'S1', programmes: ['X'] }] }, 'qualifications.0.programmes.0'],
      [{ qualifications: [{ level: 'S1', programmes: [] }, { level: 's1', programmes: ['Hukum'] }] }, 'qualifications.1.level'],
      [{ maxAge: 41 }, 'maxAge'],
      [{ maxAge: 17 }, 'maxAge'],
      [{ minAge: 17 }, 'minAge'],
      [{ minAge: 36 }, 'minAge'],
      [{ kind: 'honorer' }, 'kind'],
      [{ extraRequirements: 'x'.repeat(2_001) }, 'extraRequirements'],
      [{ positionId: 'bukan-uuid' }, 'positionId'],
    ] as const) {
      const response = await call(admin.cookie, 'POST', base(selection.id), { ...valid, ...change });
      expect({ change, status: response.statusCode }).toEqual({ change, status: 400 });
      expect({ change, fields: Object.keys(response.json().error.fields ?? {}) }).toEqual({ change, fields: expect.arrayContaining([field]) });
    }
    expect(await rowsOf(selection.id)).toEqual([]);
    const ceiling = await call(admin.cookie, 'POST', base(selection.id), { ...valid, maxAge: 40 });
    expect(ceiling.json().formasi.maxAge).toBe(40);
  });

  it('creates from the ABK proposal in one step, copying the arithmetic — 201', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    // 1.500 × 100 = 150.000 menit ÷ 75.000 = 2 orang; bezetting 1, pensiun 1 → kekurangan 2
    const position = await guruPosition();
    const response = await call(panitia, 'POST', `${base(selection.id)}/from-abk`, { positionId: position.id, ...requirements });
    expect(response.statusCode).toBe(201);
    expect(response.json().formasi).toMatchObject({
      count: 2,
      positionName: 'Pranata Komputer Ahli Pertama',
      abkSource: { positionId: position.id, need: 2, roundedNeed: 2, bezetting: 1, retiring: 1, shortfall: 2, proposedFormasi: 2, effectiveMinutesPerYear: 75_000 },
    });
    const other = await createSelectionRow(db(), agencyId);
    const fewer = await call(panitia, 'POST', `${base(other.id)}/from-abk`, { positionId: position.id, count: 1, ...requirements });
    expect(fewer.json().formasi).toMatchObject({ count: 1, abkSource: { proposedFormasi: 2 } });
  });

  it('refuses creating from a proposal of zero unless a count is given', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const overstaffed = await createPositionRow(db(), agencyId, { bezetting: 4, tasks: [{ volumePerYear: 1_000, normMinutes: 75 }] });
    const refused = await call(admin.cookie, 'POST', `${base(selection.id)}/from-abk`, { positionId: overstaffed.id, ...requirements });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ message: expect.stringContaining('adalah 0 formasi'), fields: { count: expect.any(String) } });
    expect(await rowsOf(selection.id)).toEqual([]);
    const zeroCount = await call(admin.cookie, 'POST', `${base(selection.id)}/from-abk`, { positionId: overstaffed.id, count: 0, ...requirements });
    expect(zeroCount.statusCode).toBe(400);
    const forced = await call(admin.cookie, 'POST', `${base(selection.id)}/from-abk`, { positionId: overstaffed.id, count: 1, ...requirements });
    expect(forced.json().formasi).toMatchObject({ count: 1, abkSource: { shortfall: -3, proposedFormasi: 0 } });
  });

  it('lists with filters, search and pages, with the totals of the whole selection', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const position = await guruPosition();
    const unit2 = await createUnitRow(db(), agencyId, { name: 'Dinas Pendidikan' });
    const teacher = await createPositionRow(db(), agencyId, { unitId: unit2.id, name: 'Guru Matematika' });
    await call(admin.cookie, 'POST', base(selection.id), { positionId: position.id, count: 2, ...requirements });
    await call(admin.cookie, 'POST', base(selection.id), { positionId: teacher.id, count: 5, qualifications: [{ level: 'S1', programmes: ['Pendidikan Matematika'] }], kind: 'cumlaude' });
    await call(admin.cookie, 'POST', base(selection.id), { positionId: teacher.id, count: 1, qualifications: [{ level: 'S2', programmes: [] }], kind: 'disabilitas' });

    const all = (await call(pengawas, 'GET', `${base(selection.id)}?pageSize=2`)).json();
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 2, totals: { formasi: 3, places: 8 }, selection: { id: selection.id, name: 'Seleksi CPNS 2026', status: 'draft' } });
    expect(all.items).toHaveLength(2);
    const byQuery = (query: string) => call(pengawas, 'GET', `${base(selection.id)}?${query}`).then((r) => r.json().items.map((f: { count: number }) => f.count));
    expect(await byQuery('q=informatika')).toEqual([2]);
    expect((await byQuery('q=GURU%20matematika')).sort()).toEqual([1, 5]);
    expect(await byQuery('q=guru%20informatika')).toEqual([]);
    expect(await byQuery('kind=cumlaude')).toEqual([5]);
    expect(await byQuery(`unitId=${unit2.id}`)).toHaveLength(2);
    expect(await byQuery('educationLevel=s-2')).toEqual([1]);
    expect(await byQuery('educationLevel=D4')).toEqual([2]);
    expect(await byQuery('status=published')).toEqual([]);
  });

  it('edits a draft with an audit record, and after publication edits are audited as corrections with before and after', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const position = await guruPosition();
    const created = (await call(admin.cookie, 'POST', base(selection.id), { positionId: position.id, count: 2, ...requirements })).json().formasi;
    const url = `${base(selection.id)}/${created.id}`;
    const edited = await call(panitia, 'PUT', url, { positionId: position.id, count: 3, ...requirements, maxAge: 38 });
    expect(edited.json().formasi).toMatchObject({ count: 3, maxAge: 38, status: 'draft' });
    expect((await audits('formasi.update', created.id))[0]?.summary).toMatchObject({ before: { count: 2, maxAge: 35 }, after: { count: 3, maxAge: 38 } });

    await db().transaction((tx) => publishSelectionFormasi(tx, { agencyId, selectionId: selection.id, actorId: admin.account.id }));
    const corrected = await call(admin.cookie, 'PUT', url, { positionId: position.id, count: 4, ...requirements, maxAge: 38 });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().formasi).toMatchObject({ count: 4, status: 'published', publishedAt: expect.any(String) });
    const [correction] = await audits('formasi.correct', created.id);
    expect(correction).toMatchObject({ actorId: admin.account.id, summary: { before: { count: 3, status: 'published' }, after: { count: 4, status: 'published' } } });

    const removed = await call(admin.cookie, 'DELETE', url);
    expect(removed.statusCode).toBe(409);
    expect(await rowsOf(selection.id)).toHaveLength(1);
  });

  it('deletes a draft with an audit record — 204', async () => {
    const selection = await createSelectionRow(db(), agencyId);
    const row = await createFormasiRow(db(), agencyId, selection.id);
    expect((await call(panitia, 'DELETE', `${base(selection.id)}/${row.id}`)).statusCode).toBe(204);
    expect(await rowsOf(selection.id)).toEqual([]);
    expect((await audits('formasi.delete', row.id))[0]?.summary).toMatchObject({ before: { count: 2, positionName: 'Analis Kebijakan' } });
  });

  it('publishes at once a formasi added to a round already announced, and refuses changes to a closed round — 409', async () => {
    const published = await createSelectionRow(db(), agencyId, { status: 'published' });
    const position = await guruPosition();
    const added = await call(admin.cookie, 'POST', base(published.id), { positionId: position.id, count: 1, ...requirements });
    expect(added.json().formasi).toMatchObject({ status: 'published', publishedAt: expect.any(String) });

    const closed = await createSelectionRow(db(), agencyId, { status: 'closed' });
    const row = await createFormasiRow(db(), agencyId, closed.id, { status: 'published' });
    expect((await call(admin.cookie, 'POST', base(closed.id), { positionId: position.id, count: 1, ...requirements })).statusCode).toBe(409);
    expect((await call(admin.cookie, 'PUT', `${base(closed.id)}/${row.id}`, { positionId: position.id, count: 9, ...requirements })).statusCode).toBe(409);
    expect((await rowsOf(closed.id))[0]?.count).toBe(2);
  });

  it('shows a formasi added to or corrected in an announced round on the public search at once', async () => {
    const [round] = await db()
      .insert(selections)
      .values({
        agencyId,
        type: 'pppk',
        year: 2026,
        name: 'Seleksi PPPK Terbuka',
        status: 'published',
        publishedAt: new Date(),
        registrationOpensAt: new Date(Date.now() - 86_400_000),
        registrationClosesAt: new Date(Date.now() + 7 * 86_400_000),
      })
      .returning();
    const position = await guruPosition();
    const search = async () => (await ctx.app.inject({ method: 'GET', url: `/api/public/formasi?selectionId=${round!.id}` })).json().items.map((item: { count: number }) => item.count);
    expect(await search()).toEqual([]);
    const created = (await call(admin.cookie, 'POST', base(round!.id), { positionId: position.id, count: 2, ...requirements })).json().formasi;
    expect(await search()).toEqual([2]);
    await call(admin.cookie, 'PUT', `${base(round!.id)}/${created.id}`, { positionId: position.id, count: 6, ...requirements });
    expect(await search()).toEqual([6]);
  });

  it("answers 404 for another agency's selection, position, unit or formasi, and changes nothing", async () => {
    const own = await createSelectionRow(db(), agencyId);
    const foreignSelection = await createSelectionRow(db(), otherAgencyId);
    const foreignFormasi = await createFormasiRow(db(), otherAgencyId, foreignSelection.id);
    const foreignPosition = await createPositionRow(db(), otherAgencyId, { tasks: [{ volumePerYear: 75_000, normMinutes: 1 }] });
    const foreignUnit = await createUnitRow(db(), otherAgencyId);
    const position = await guruPosition();

    // Another agency's selection through this agency's path.
    expect((await call(admin.cookie, 'GET', base(foreignSelection.id))).statusCode).toBe(404);
    expect((await call(admin.cookie, 'POST', base(foreignSelection.id), { positionId: position.id, count: 1, ...requirements })).statusCode).toBe(404);
    // Another agency's position or unit in this agency's selection.
    expect((await call(admin.cookie, 'POST', base(own.id), { positionId: foreignPosition.id, count: 1, ...requirements })).statusCode).toBe(404);
    expect((await call(admin.cookie, 'POST', `${base(own.id)}/from-abk`, { positionId: foreignPosition.id, ...requirements })).statusCode).toBe(404);
    expect((await call(admin.cookie, 'POST', base(own.id), { positionId: position.id, unitId: foreignUnit.id, count: 1, ...requirements })).statusCode).toBe(404);
    // Another agency's formasi through this agency's selection, or another selection of this agency.
    for (const url of [`${base(own.id)}/${foreignFormasi.id}`, `${base(foreignSelection.id)}/${foreignFormasi.id}`]) {
      expect((await call(admin.cookie, 'GET', url)).statusCode).toBe(404);
      expect((await call(admin.cookie, 'PUT', url, { positionId: position.id, count: 9, ...requirements })).statusCode).toBe(404);
      expect((await call(admin.cookie, 'DELETE', url)).statusCode).toBe(404);
    }
    const ownOther = await createSelectionRow(db(), agencyId);
    const ownFormasi = await createFormasiRow(db(), agencyId, ownOther.id);
    expect((await call(admin.cookie, 'DELETE', `${base(own.id)}/${ownFormasi.id}`)).statusCode).toBe(404);

    expect(await rowsOf(own.id)).toEqual([]);
    expect((await rowsOf(foreignSelection.id)).map((row) => row.count)).toEqual([2]);
    expect(await rowsOf(ownOther.id)).toHaveLength(1);
  });
});
