import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CPNS_PIPELINE, JPT_PIPELINE, PPPK_PIPELINE } from '../../../core/pipeline.js';
import { DEFAULT_REQUIRED_DOCUMENTS } from '../../../core/schemas/selections.js';
import { endOfDayInZone, startOfDayInZone } from '../../../core/time.js';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { agencies } from '../agencies/agencies.table.js';
import { formasi } from '../formasi/formasi.table.js';
import { dayFromToday, insertFormasi, insertSelection, openSchedule } from './selections.fixtures.js';
import { selections } from './selections.table.js';

let ctx: TestContext;
let agencyId: string;
let admin: string;
let panitia: string;
let pengawas: string;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Instansi Seleksi')).id;
  admin = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] })).cookie;
  panitia = (await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] })).cookie;
  pengawas = (await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }] })).cookie;
});
afterAll(() => ctx.close());

const url = (id?: string, suffix = '') => `/api/agencies/${agencyId}/selections${id ? `/${id}` : ''}${suffix}`;
const create = (payload: object, cookie = admin) => request(ctx, cookie, { method: 'POST', url: url(), payload });
const patch = (id: string, payload: object, cookie = admin) => request(ctx, cookie, { method: 'PATCH', url: url(id), payload });
const correct = (id: string, payload: object, cookie = admin) => request(ctx, cookie, { method: 'POST', url: url(id, '/corrections'), payload });
const publish = (id: string, cookie = admin) => request(ctx, cookie, { method: 'POST', url: url(id, '/publish'), payload: {} });
const row = async (id: string) => (await ctx.database.db.select().from(selections).where(eq(selections.id, id)))[0];
const history = async (id: string) => (await request(ctx, admin, { method: 'GET', url: url(id, '/history') })).json();

/** The CPNS preset with the given SKD/SKB weights. */
const cpnsWith = (skd: number, skb: number) => CPNS_PIPELINE.map((stage) => (stage.key === 'skd' ? { ...stage, weight: skd } : stage.key === 'skb' ? { ...stage, weight: skb } : stage));

describe('creating a round', () => {
  it.each([
    ['cpns', CPNS_PIPELINE],
    ['pppk', PPPK_PIPELINE],
    ['jpt', JPT_PIPELINE],
  ] as const)('creates a %s draft from its preset: stages, weights and the usual documents — 201', async (type, preset) => {
    const response = await create({ type, year: 2026, name: `Seleksi ${type} 2026` });
    expect(response.statusCode).toBe(201);
    const { selection } = response.json();
    expect(selection).toMatchObject({ type, year: 2026, status: 'draft', version: 1, registrationState: 'unscheduled', counts: { formasi: 0, places: 0 } });
    expect(selection.pipeline).toEqual(JSON.parse(JSON.stringify(preset)));
    expect(selection.requiredDocuments).toEqual(DEFAULT_REQUIRED_DOCUMENTS);
    expect(selection.requiredDocuments.find((d: { key: string }) => d.key === 'surat_lamaran')).toEqual({ key: 'surat_lamaran', name: 'Surat lamaran', formats: ['pdf'], maxKb: 300, mandatory: true });
    const trail = await history(selection.id);
    expect(trail.items.map((entry: { action: string }) => entry.action)).toEqual(['selection.create']);
  });

  it("derives the registration instants from the local dates in the agency's zone: closing is the end of that day", async () => {
    const wit = (await createAgencyRow(ctx, 'Instansi Papua')).id;
    await ctx.database.db.update(agencies).set({ timezone: 'Asia/Jayapura' }).where(eq(agencies.id, wit));
    const cookie = (await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: wit }] })).cookie;
    const response = await request(ctx, cookie, {
      method: 'POST',
      url: `/api/agencies/${wit}/selections`,
      payload: { type: 'cpns', year: 2026, name: 'CPNS Jayapura', schedule: { registrationOpens: '2026-12-01', registrationCloses: '2026-12-20' } },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().selection).toMatchObject({
      schedule: { registrationOpens: '2026-12-01', registrationCloses: '2026-12-20' },
      registrationOpensAt: '2026-11-30T15:00:00.000Z',
      registrationClosesAt: '2026-12-20T14:59:59.999Z',
    });
  });

  it('refuses bad input with the field named and creates nothing — 400', async () => {
    const before = (await request(ctx, admin, { method: 'GET', url: url() })).json().total;
    const cases: Array<[object, string]> = [
      [{ type: 'honorer', year: 2026, name: 'Seleksi Honorer' }, 'type'],
      [{ type: 'cpns', year: 1999, name: 'Seleksi Lama' }, 'year'],
      [{ type: 'cpns', year: 2101, name: 'Seleksi Jauh' }, 'year'],
      [{ type: 'cpns', year: '2026', name: 'Seleksi Teks' }, 'year'],
      [{ type: 'cpns', year: 2026.5, name: 'Seleksi Pecahan' }, 'year'],
      [{ type: 'cpns', year: 2026, name: 'x'.repeat(201) }, 'name'],
      [{ type: 'cpns', year: 2026, name: 'Seleksi', description: 'y'.repeat(5001) }, 'description'],
      [{ type: 'cpns', year: 2026, name: 'Seleksi', schedule: { registrationOpens: '2026-02-30' } }, 'schedule.registrationOpens'],
      [{ type: 'cpns', year: 2026, name: 'Seleksi', schedule: { registrationOpens: 20261201 } }, 'schedule.registrationOpens'],
      [{ type: 'cpns', year: 2026, name: 'Seleksi', schedule: { pendaftaran: '2026-12-01' } }, 'schedule'],
      [{ type: 'cpns', year: 2026, name: 'Seleksi', status: 'published' }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await create(payload);
      expect({ payload, status: response.statusCode, code: response.json().error.code }).toEqual({ payload, status: 400, code: 'VALIDATION_FAILED' });
      expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    expect((await request(ctx, admin, { method: 'GET', url: url() })).json().total).toBe(before);
  });

  it('refuses a schedule out of order with an Indonesian message naming the date — 400', async () => {
    const response = await create({ type: 'cpns', year: 2026, name: 'Seleksi Terbalik', schedule: { registrationOpens: '2026-12-10', registrationCloses: '2026-12-01' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Penutupan pendaftaran harus sesudah pembukaan pendaftaran.',
      fields: { 'schedule.registrationCloses': 'Penutupan pendaftaran harus sesudah pembukaan pendaftaran.' },
    });
  });
});

describe('editing a draft', () => {
  it('changes name, year, schedule, documents and pipeline; each save is a new version with an audit record of what changed', async () => {
    const { selection } = (await create({ type: 'cpns', year: 2026, name: 'Seleksi Draf' })).json();
    const schedule = openSchedule();
    const documents = [...DEFAULT_REQUIRED_DOCUMENTS, { key: 'str', name: 'Surat Tanda Registrasi', formats: ['pdf', 'jpg'], maxKb: 500, mandatory: false }];
    const response = await patch(selection.id, { name: 'Seleksi CPNS Kota 2026', year: 2027, schedule, requiredDocuments: documents, pipeline: cpnsWith(35, 65), expectedVersion: 1 }, panitia);
    expect(response.statusCode).toBe(200);
    const saved = response.json().selection;
    expect(saved).toMatchObject({ name: 'Seleksi CPNS Kota 2026', year: 2027, version: 2, schedule, registrationState: 'open' });
    expect(saved.registrationOpensAt).toBe(startOfDayInZone(schedule.registrationOpens!, 'Asia/Jakarta').toISOString());
    expect(saved.registrationClosesAt).toBe(endOfDayInZone(schedule.registrationCloses!, 'Asia/Jakarta').toISOString());
    expect(saved.requiredDocuments).toHaveLength(8);
    expect(saved.pipeline.map((s: { weight: number }) => s.weight)).toEqual([0, 35, 65, 0]);
    const [update] = (await history(selection.id)).items;
    expect(update).toMatchObject({ action: 'selection.update', version: 2, changed: ['name', 'year', 'schedule', 'requiredDocuments', 'pipeline'] });
    expect(update.before).toMatchObject({ name: 'Seleksi Draf', year: 2026 });
    expect(update.after).toMatchObject({ name: 'Seleksi CPNS Kota 2026', year: 2027 });
  });

  it('keeps a partial schedule in a draft, but refuses dates out of order — 400', async () => {
    const { selection } = (await create({ type: 'pppk', year: 2026, name: 'Seleksi Bertahap' })).json();
    expect((await patch(selection.id, { schedule: { registrationOpens: '2026-12-01' } })).statusCode).toBe(200);
    const wrong = await patch(selection.id, { schedule: { registrationOpens: '2026-12-01', registrationCloses: '2026-12-20', objectionStart: '2026-12-28', objectionEnd: '2026-12-25' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ 'schedule.objectionEnd': 'Akhir masa sanggah harus sesudah awal masa sanggah.' });
    // A day that ends a period lasts until 23:59: the next step can start the day after at the earliest.
    const sameDay = await patch(selection.id, { schedule: { registrationOpens: '2026-12-01', registrationCloses: '2026-12-20', adminAnnouncement: '2026-12-20' } });
    expect(sameDay.json().error.fields).toEqual({ 'schedule.adminAnnouncement': 'Pengumuman hasil seleksi administrasi tidak boleh sebelum penutupan pendaftaran.' });
    expect((await row(selection.id))!.schedule).toEqual({ registrationOpens: '2026-12-01' });
  });

  it('refuses weights that do not sum to 100, and changes nothing — 400', async () => {
    const { selection } = (await create({ type: 'cpns', year: 2026, name: 'Seleksi Bobot' })).json();
    const response = await patch(selection.id, { pipeline: cpnsWith(40, 50) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Jumlah bobot tahap yang dinilai (CAT dan panel) harus 100; saat ini 90.',
      fields: { pipeline: 'Jumlah bobot tahap yang dinilai (CAT dan panel) harus 100; saat ini 90.' },
    });
    const stored = await row(selection.id);
    expect(stored!.version).toBe(1);
    expect(stored!.pipeline).toEqual(JSON.parse(JSON.stringify(CPNS_PIPELINE)));
  });

  it('refuses pipelines and documents that break the rules, naming the item — 400', async () => {
    const { selection } = (await create({ type: 'jpt', year: 2026, name: 'Seleksi JPT' })).json();
    const integrasiFirst = [JPT_PIPELINE[5], ...JPT_PIPELINE.slice(0, 5)];
    const cases: Array<[object, string]> = [
      [{ pipeline: integrasiFirst }, 'pipeline.0.kind'],
      [{ pipeline: [] }, 'pipeline'],
      [{ pipeline: JPT_PIPELINE.map((s, i) => (i === 1 ? { ...s, weight: '40' } : s)) }, 'pipeline.1.weight'],
      [{ pipeline: JPT_PIPELINE.map((s, i) => (i === 1 ? { ...s, weight: 140 } : s)) }, 'pipeline.1.weight'],
      [{ pipeline: JPT_PIPELINE.map((s, i) => (i === 2 ? { ...s, key: 'asesmen' } : s)) }, 'pipeline.2.key'],
      [{ pipeline: JPT_PIPELINE.map((s, i) => (i === 2 ? { ...s, kind: 'wawancara' } : s)) }, 'pipeline.2.kind'],
      [{ pipeline: JPT_PIPELINE.map((s, i) => (i === 1 ? { ...s, name: 'n'.repeat(121) } : s)) }, 'pipeline.1.name'],
      [{ requiredDocuments: [...DEFAULT_REQUIRED_DOCUMENTS, DEFAULT_REQUIRED_DOCUMENTS[0]] }, 'requiredDocuments'],
      [{ requiredDocuments: [{ key: 'ktp', name: 'KTP', formats: ['docx'], maxKb: 200, mandatory: true }] }, 'requiredDocuments.0.formats.0'],
      [{ requiredDocuments: [{ key: 'ktp', name: 'KTP', formats: ['jpg'], maxKb: 50_000, mandatory: true }] }, 'requiredDocuments.0.maxKb'],
      [{ requiredDocuments: [{ key: 'KTP Baru', name: 'KTP', formats: ['jpg'], maxKb: 200, mandatory: true }] }, 'requiredDocuments.0.key'],
      [{ requiredDocuments: [{ key: 'ktp', name: 'KTP', formats: ['jpg'], maxKb: 200, mandatory: 'ya' }] }, 'requiredDocuments.0.mandatory'],
      [{}, 'body'],
    ];
    for (const [payload, field] of cases) {
      const response = await patch(selection.id, payload);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    expect((await row(selection.id))!.version).toBe(1);
  });

  it('refuses a save over a newer version — 409', async () => {
    const { selection } = (await create({ type: 'cpns', year: 2026, name: 'Seleksi Bersamaan' })).json();
    expect((await patch(selection.id, { name: 'Versi Panitia A', expectedVersion: 1 })).statusCode).toBe(200);
    const late = await patch(selection.id, { name: 'Versi Panitia B', expectedVersion: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('versi 2');
    expect((await row(selection.id))!.name).toBe('Versi Panitia A');
  });

  it('lets the observer (pengawas) read but not change a round — 403', async () => {
    const { selection } = (await create({ type: 'cpns', year: 2026, name: 'Seleksi Diawasi' })).json();
    expect((await request(ctx, pengawas, { method: 'GET', url: url(selection.id) })).statusCode).toBe(200);
    expect((await patch(selection.id, { name: 'Diubah pengawas' }, pengawas)).statusCode).toBe(403);
    expect((await row(selection.id))!.name).toBe('Seleksi Diawasi');
  });

  it('deletes a draft and its formasi — 204, then 404', async () => {
    const selection = await insertSelection(ctx.database.db, agencyId);
    await insertFormasi(ctx.database.db, selection);
    expect((await request(ctx, admin, { method: 'DELETE', url: url(selection.id) })).statusCode).toBe(204);
    expect((await request(ctx, admin, { method: 'GET', url: url(selection.id) })).statusCode).toBe(404);
    expect(await ctx.database.db.select().from(formasi).where(eq(formasi.selectionId, selection.id))).toEqual([]);
  });
});

describe('listing rounds', () => {
  it('filters by type, year, status and name, with counts of formasi and places, paginated', async () => {
    const other = (await createAgencyRow(ctx, 'Instansi Daftar')).id;
    const cookie = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: other }] })).cookie;
    const cpns = await insertSelection(ctx.database.db, other, { type: 'cpns', year: 2026, name: 'CPNS Kota 2026' });
    await insertFormasi(ctx.database.db, cpns, { count: 3 });
    await insertFormasi(ctx.database.db, cpns, { count: 4 });
    await insertSelection(ctx.database.db, other, { type: 'pppk', year: 2026, name: 'PPPK Guru 2026', status: 'published' });
    await insertSelection(ctx.database.db, other, { type: 'pppk', year: 2025, name: 'PPPK Teknis 2025' });
    const list = async (query: string) => (await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${other}/selections?${query}` })).json();
    expect((await list('')).total).toBe(3);
    expect((await list('type=pppk')).items.map((s: { name: string }) => s.name)).toEqual(['PPPK Guru 2026', 'PPPK Teknis 2025']);
    expect((await list('year=2025')).items.map((s: { name: string }) => s.name)).toEqual(['PPPK Teknis 2025']);
    expect((await list('status=published')).items.map((s: { name: string }) => s.name)).toEqual(['PPPK Guru 2026']);
    expect((await list('q=kota')).items).toMatchObject([{ name: 'CPNS Kota 2026', counts: { formasi: 2, places: 7 } }]);
    expect(await list('pageSize=2&page=2')).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ name: 'PPPK Teknis 2025' }] });
    const bad = await request(ctx, cookie, { method: 'GET', url: `/api/agencies/${other}/selections?type=honorer&year=abc` });
    expect(bad.statusCode).toBe(400);
  });
});

describe('publishing', () => {
  it('publishes a complete round with its formasi in one step, and freezes it — 200', async () => {
    const selection = await insertSelection(ctx.database.db, agencyId, { name: 'Seleksi Siap Umum' });
    const item = await insertFormasi(ctx.database.db, selection);
    const response = await publish(selection.id, panitia);
    expect(response.statusCode).toBe(200);
    expect(response.json().selection).toMatchObject({ status: 'published', version: 2, registrationState: 'open', counts: { formasi: 1, places: 2 } });
    expect(response.json().selection.publishedAt).toEqual(expect.any(String));
    expect((await ctx.database.db.select().from(formasi).where(eq(formasi.id, item.id)))[0]!.status).toBe('published');
    expect((await history(selection.id)).items.map((e: { action: string }) => e.action)).toEqual(['selection.publish', 'formasi.publish']);

    // After publication: no direct edits, no deletion, no second publication.
    const frozen = await patch(selection.id, { pipeline: cpnsWith(30, 70) });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toContain('koreksi');
    expect((await request(ctx, admin, { method: 'DELETE', url: url(selection.id) })).statusCode).toBe(409);
    expect((await publish(selection.id)).statusCode).toBe(409);
    expect((await row(selection.id))!.pipeline).toEqual(JSON.parse(JSON.stringify(CPNS_PIPELINE)));
  });

  it('refuses to publish without formasi, with an incomplete schedule or a deadline already past, naming every problem — 400', async () => {
    const empty = await insertSelection(ctx.database.db, agencyId, { schedule: { registrationOpens: dayFromToday(-30) } });
    const response = await publish(empty.id);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      'schedule.registrationCloses': 'Penutupan pendaftaran wajib diisi.',
      formasi: 'Tambahkan minimal satu formasi sebelum mengumumkan seleksi.',
    });
    const past = await insertSelection(ctx.database.db, agencyId, { schedule: { registrationOpens: dayFromToday(-30), registrationCloses: dayFromToday(-2) } });
    await insertFormasi(ctx.database.db, past);
    const late = await publish(past.id);
    expect(late.json().error.fields).toEqual({ 'schedule.registrationCloses': 'Penutupan pendaftaran sudah lewat; tetapkan tanggal yang akan datang.' });
    const broken = await insertSelection(ctx.database.db, agencyId, { pipeline: cpnsWith(40, 40) });
    await insertFormasi(ctx.database.db, broken);
    expect((await publish(broken.id)).json().error.fields).toEqual({ pipeline: 'Jumlah bobot tahap yang dinilai (CAT dan panel) harus 100; saat ini 80.' });
    for (const id of [empty.id, past.id, broken.id]) expect((await row(id))!.status).toBe('draft');
  });
});

describe('corrections after publication', () => {
  it('changes weights and the schedule only with a reason: new version, audit record with reason, before and after', async () => {
    const selection = await insertSelection(ctx.database.db, agencyId, { status: 'published', version: 2 });
    const schedule = { ...openSchedule(), registrationCloses: dayFromToday(12) };
    const response = await correct(selection.id, { reason: 'Bobot SKB disesuaikan dengan pengumuman KemenPANRB', changes: { pipeline: cpnsWith(30, 70), schedule }, expectedVersion: 2 });
    expect(response.statusCode).toBe(200);
    expect(response.json().selection).toMatchObject({ version: 3, status: 'published', schedule });
    expect(response.json().selection.registrationClosesAt).toBe(endOfDayInZone(schedule.registrationCloses!, 'Asia/Jakarta').toISOString());
    const [entry] = (await history(selection.id)).items;
    expect(entry).toMatchObject({ action: 'selection.correct', version: 3, reason: 'Bobot SKB disesuaikan dengan pengumuman KemenPANRB', changed: ['schedule', 'pipeline'] });
    expect((entry.before.pipeline as Array<{ weight: number }>).map((s) => s.weight)).toEqual([0, 40, 60, 0]);
    expect((entry.after.pipeline as Array<{ weight: number }>).map((s) => s.weight)).toEqual([0, 30, 70, 0]);
    expect(entry.after.registrationClosesAt).toBe(response.json().selection.registrationClosesAt);
  });

  it('validates a correction like an edit and changes nothing when it is refused — 400', async () => {
    const selection = await insertSelection(ctx.database.db, agencyId, { status: 'published', version: 2 });
    const reason = 'Koreksi jadwal karena libur nasional';
    const cases: Array<[object, string]> = [
      [{ reason: 'typo', changes: { name: 'Nama Baru Seleksi' } }, 'reason'],
      [{ changes: { name: 'Nama Baru Seleksi' } }, 'reason'],
      [{ reason, changes: {} }, 'changes'],
      [{ reason, changes: { pipeline: cpnsWith(50, 60) } }, 'changes.pipeline'],
      [{ reason, changes: { schedule: { ...openSchedule(), testStart: dayFromToday(30), testEnd: dayFromToday(26) } } }, 'changes.schedule.testEnd'],
      [{ reason, changes: { schedule: { registrationOpens: dayFromToday(-1) } } }, 'changes.schedule.registrationCloses'],
      [{ reason, changes: { year: 2027 } }, 'changes'],
      [{ reason, changes: { name: 'Seleksi CPNS 2026' } }, 'changes'],
      [{ reason: 'r'.repeat(1001), changes: { name: 'Nama Baru Seleksi' } }, 'reason'],
    ];
    for (const [payload, field] of cases) {
      const response = await correct(selection.id, payload);
      expect({ field, status: response.statusCode }).toEqual({ field, status: 400 });
      expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    expect((await row(selection.id))!.version).toBe(2);
    expect((await history(selection.id)).total).toBe(0);
  });

  it('refuses a correction of a draft (edit it directly) — 409', async () => {
    const selection = await insertSelection(ctx.database.db, agencyId);
    const response = await correct(selection.id, { reason: 'Seharusnya diubah langsung', changes: { name: 'Nama Lain' } });
    expect(response.statusCode).toBe(409);
  });
});

describe('tenant isolation', () => {
  it("refuses agency B's round through agency A's path — 404, and nothing changes", async () => {
    const agencyB = (await createAgencyRow(ctx, 'Instansi Lain')).id;
    const foreignDraft = await insertSelection(ctx.database.db, agencyB, { name: 'Rahasia B' });
    await insertFormasi(ctx.database.db, foreignDraft);
    const foreignPublished = await insertSelection(ctx.database.db, agencyB, { status: 'published', name: 'Terbit B' });
    const calls = [
      request(ctx, admin, { method: 'GET', url: url(foreignDraft.id) }),
      request(ctx, admin, { method: 'GET', url: url(foreignDraft.id, '/history') }),
      patch(foreignDraft.id, { name: 'Dibajak' }),
      publish(foreignDraft.id),
      request(ctx, admin, { method: 'DELETE', url: url(foreignDraft.id) }),
      correct(foreignPublished.id, { reason: 'Mencoba mengubah instansi lain', changes: { name: 'Dibajak' } }),
    ];
    for (const response of await Promise.all(calls)) expect(response.statusCode).toBe(404);
    expect(await row(foreignDraft.id)).toMatchObject({ name: 'Rahasia B', status: 'draft', version: 1 });
    expect(await row(foreignPublished.id)).toMatchObject({ name: 'Terbit B', version: 1 });
    const list = (await request(ctx, admin, { method: 'GET', url: `${url()}?pageSize=100` })).json();
    expect(JSON.stringify(list)).not.toContain('Rahasia B');
  });
});
