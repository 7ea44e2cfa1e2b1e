import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CPNS_PIPELINE } from '../../../core/pipeline.js';
import { endOfDayInZone } from '../../../core/time.js';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { agencies } from '../agencies/agencies.table.js';
import { dayFromToday, insertFormasi, insertSelection, openSchedule } from '../selections/selections.fixtures.js';
import { FRESHNESS_CHECK_MS } from './portal.service.js';
import { PUBLIC_CACHE_CONTROL } from './public.routes.js';

let ctx: TestContext;
let manna: { id: string; name: string };
let pauh: { id: string; name: string };
let admin: string;
const get = (url: string) => ctx.app.inject({ method: 'GET', url });
const search = async (query: string) => (await get(`/api/public/formasi?${query}`)).json();

beforeAll(async () => {
  ctx = await createTestApp();
  manna = await createAgencyRow(ctx, 'BKPSDM Kota Manna');
  pauh = await createAgencyRow(ctx, 'BKPSDM Pauh');
  await ctx.database.db.update(agencies).set({ timezone: 'Asia/Makassar' }).where(eq(agencies.id, pauh.id));
  admin = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: manna.id }] })).cookie;
});
afterAll(() => ctx.close());

describe('the public portal', () => {
  it('publishes a round through the API and shows it at once: rounds list, search, round and formation pages, without an account', async () => {
    const selection = await insertSelection(ctx.database.db, manna.id, { name: 'CPNS Kota Manna 2026' });
    const guru = await insertFormasi(ctx.database.db, selection, {
      positionName: 'Guru Ahli Pertama Matematika',
      unitName: 'SMP Negeri 2 Manna',
      count: 3,
      qualifications: [{ level: 'S1', programmes: ['Pendidikan Matematika', 'Matematika'] }],
      extraRequirements: 'Bersedia ditempatkan di daerah terpencil.',
      maxAge: 35,
    });
    await insertFormasi(ctx.database.db, selection, { positionName: 'Perawat Terampil', unitName: 'RSUD Manna', qualifications: [{ level: 'D3', programmes: ['Keperawatan'] }], kind: 'disabilitas' });

    // Not public while a draft.
    expect((await search('q=guru')).total).toBe(0);
    expect((await get(`/api/public/selections/${selection.id}`)).statusCode).toBe(404);
    expect((await get(`/api/public/formasi/${guru.id}`)).statusCode).toBe(404);

    expect((await request(ctx, admin, { method: 'POST', url: `/api/agencies/${manna.id}/selections/${selection.id}/publish`, payload: {} })).statusCode).toBe(200);

    const rounds = await get('/api/public/selections');
    expect(rounds.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL);
    expect(rounds.json().items.find((s: { id: string }) => s.id === selection.id)).toMatchObject({
      name: 'CPNS Kota Manna 2026',
      type: 'cpns',
      year: 2026,
      status: 'published',
      registrationState: 'open',
      agency: { id: manna.id, name: manna.name, timezone: 'Asia/Jakarta' },
      counts: { formasi: 2, places: 5 },
    });

    const found = await get('/api/public/formasi?q=guru%20mate&level=S1');
    expect(found.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL);
    expect(found.json()).toEqual({
      total: 1,
      page: 1,
      pageSize: 20,
      items: [
        {
          id: guru.id,
          positionName: 'Guru Ahli Pertama Matematika',
          unitName: 'SMP Negeri 2 Manna',
          count: 3,
          kind: 'umum',
          educationLevels: ['S1'],
          programmes: ['Pendidikan Matematika', 'Matematika'],
          agency: { id: manna.id, name: manna.name, timezone: 'Asia/Jakarta' },
          selection: {
            id: selection.id,
            name: 'CPNS Kota Manna 2026',
            type: 'cpns',
            year: 2026,
            registrationOpensAt: selection.registrationOpensAt!.toISOString(),
            registrationClosesAt: selection.registrationClosesAt!.toISOString(),
          },
        },
      ],
    });

    const page = await get(`/api/public/formasi/${guru.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe(PUBLIC_CACHE_CONTROL);
    const body = page.json();
    expect(body.formasi).toMatchObject({ positionName: 'Guru Ahli Pertama Matematika', count: 3, minAge: 18, maxAge: 35, kind: 'umum', extraRequirements: 'Bersedia ditempatkan di daerah terpencil.' });
    expect(body.formasi.qualifications).toEqual([{ level: 'S1', programmes: ['Pendidikan Matematika', 'Matematika'] }]);
    expect(body.selection.pipeline.map((s: { key: string; weight: number }) => [s.key, s.weight])).toEqual(CPNS_PIPELINE.map((s) => [s.key, s.weight]));
    expect(body.selection.registrationClosesAt).toBe(endOfDayInZone(openSchedule().registrationCloses!, 'Asia/Jakarta').toISOString());
    expect(body.selection.timeline.map((t: { key: string }) => t.key)).toEqual(['pendaftaran', 'pengumuman_administrasi', 'sanggah', 'ujian', 'pengumuman_akhir']);
    expect(body.selection.requiredDocuments.map((d: { key: string }) => d.key)).toContain('ijazah');
    expect(Math.abs(new Date(body.now).getTime() - Date.now())).toBeLessThan(5000);

    const round = (await get(`/api/public/selections/${selection.id}`)).json();
    expect(round.selection).toMatchObject({ id: selection.id, status: 'published', registrationState: 'open', counts: { formasi: 2, places: 5 }, version: 2 });
    expect(round.selection.timeline[0]).toMatchObject({ key: 'pendaftaran', label: 'Pendaftaran', startDate: openSchedule().registrationOpens, endDate: openSchedule().registrationCloses });
  });

  it('searches across agencies by word prefix, level, programme, unit, kind, agency, type and year, with exact totals and pages', async () => {
    const a = await insertSelection(ctx.database.db, pauh.id, { status: 'published', type: 'pppk', name: 'PPPK Pauh 2026', zone: 'Asia/Makassar' });
    await insertFormasi(ctx.database.db, a, { positionName: 'Pranata Komputer Terampil', unitName: 'Dinas Kominfo Pauh', qualifications: [{ level: 'D3', programmes: ['Manajemen Informatika'] }] });
    await insertFormasi(ctx.database.db, a, { positionName: 'Pranata Komputer Ahli Pertama', unitName: 'Sekretariat Daerah', qualifications: [{ level: 'S1', programmes: ['Teknik Informatika'] }], kind: 'cumlaude' });
    await insertFormasi(ctx.database.db, a, { positionName: 'Pranata Komputer Ahli Pertama', unitName: 'Dinas Kominfo Pauh', status: 'draft' });
    // Formasi of a round that is still a draft, and of one whose registration has closed, are not offered.
    await insertFormasi(ctx.database.db, await insertSelection(ctx.database.db, pauh.id, { name: 'Draf' }), { positionName: 'Pranata Komputer Draf', status: 'published' });
    const closed = await insertSelection(ctx.database.db, pauh.id, { status: 'published', name: 'CPNS 2025', year: 2025, schedule: { registrationOpens: dayFromToday(-40), registrationCloses: dayFromToday(-20) } });
    await insertFormasi(ctx.database.db, closed, { positionName: 'Pranata Komputer Lama' });
    // Another process published these (no portalChanged here): the fingerprint check notices them.
    const later = Date.now() + FRESHNESS_CHECK_MS + 1000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    await search('q=pranata');
    clock.mockRestore();
    await vi.waitFor(async () => expect((await search('q=pranata')).total).toBe(2), { timeout: 10_000, interval: 100 });

    const names = async (query: string) => (await search(query)).items.map((f: { positionName: string; unitName: string }) => `${f.positionName} / ${f.unitName}`);
    expect(await names('q=pran%20kom')).toEqual(['Pranata Komputer Ahli Pertama / Sekretariat Daerah', 'Pranata Komputer Terampil / Dinas Kominfo Pauh']);
    expect(await names('q=pranata&level=D-III')).toEqual(['Pranata Komputer Terampil / Dinas Kominfo Pauh']);
    expect(await names('programme=teknik%20informatika')).toEqual(['Pranata Komputer Ahli Pertama / Sekretariat Daerah']);
    expect(await names('unit=kominfo')).toEqual(['Pranata Komputer Terampil / Dinas Kominfo Pauh']);
    expect(await names('kind=cumlaude')).toEqual(['Pranata Komputer Ahli Pertama / Sekretariat Daerah']);
    expect(await names(`agencyId=${pauh.id}&type=pppk&year=2026`)).toHaveLength(2);
    expect(await names(`agencyId=${pauh.id}&type=cpns`)).toEqual([]);
    expect(await names(`selectionId=${closed.id}`)).toEqual(['Pranata Komputer Lama / Dinas Komunikasi dan Informatika']);
    expect(await search('q=pranata&pageSize=1&page=2')).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ positionName: 'Pranata Komputer Terampil' }] });

    const rounds = (await get(`/api/public/selections?agencyId=${pauh.id}`)).json();
    expect(rounds.items.map((s: { name: string }) => s.name)).toEqual(['PPPK Pauh 2026']);
    expect(rounds.items[0].agency.timezone).toBe('Asia/Makassar');
  });

  it('refuses bad search input with the field named — 400', async () => {
    for (const [query, field] of [
      ['page=0', 'querystring.page'],
      ['page=501', 'querystring.page'],
      ['pageSize=500', 'querystring.pageSize'],
      [`q=${'a'.repeat(101)}`, 'querystring.q'],
      ['kind=Umum%20Sekali', 'querystring.kind'],
      ['agencyId=bukan-uuid', 'querystring.agencyId'],
      ['type=honorer', 'querystring.type'],
      ['year=abc', 'querystring.year'],
    ]) {
      const response = await get(`/api/public/formasi?${query}`);
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
      expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    expect((await get('/api/public/formasi/bukan-uuid')).statusCode).toBe(400);
    expect((await get('/api/public/formasi/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get('/api/public/selections/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('serves the server time uncached, for the countdown', async () => {
    const response = await get('/api/public/time');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(Math.abs(new Date(response.json().now).getTime() - Date.now())).toBeLessThan(5000);
  });

  it('shows an upcoming round as upcoming, after the open ones', async () => {
    const other = await createAgencyRow(ctx, 'BKPSDM Sawahlunto');
    const upcoming = await insertSelection(ctx.database.db, other.id, {
      status: 'published',
      name: 'CPNS Sawahlunto 2027',
      schedule: { ...openSchedule(), registrationOpens: dayFromToday(3), registrationCloses: dayFromToday(12) },
    });
    await insertFormasi(ctx.database.db, upcoming);
    const cookie = (await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId: other.id }] })).cookie;
    // A correction is the published round's only change path, and it refreshes the portal too.
    const corrected = await request(ctx, cookie, { method: 'POST', url: `/api/agencies/${other.id}/selections/${upcoming.id}/corrections`, payload: { reason: 'Nama seleksi disesuaikan', changes: { name: 'CPNS Kota Sawahlunto 2027' } } });
    expect(corrected.statusCode).toBe(200);
    const items = (await get('/api/public/selections?pageSize=50')).json().items as Array<{ name: string; registrationState: string }>;
    expect(items.at(-1)).toMatchObject({ name: 'CPNS Kota Sawahlunto 2027', registrationState: 'upcoming' });
    expect(items.slice(0, -1).every((s) => s.registrationState === 'open')).toBe(true);
  });
});
