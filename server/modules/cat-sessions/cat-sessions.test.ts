import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPaper } from '../../../core/cat-paper.js';
import { accountWithSession, createAgencyRow, createTestApp, loginCookie, request, TEST_PASSWORD, type TestContext } from '../../test-support/app.js';
import { auditLog } from '../audit/audit.table.js';
import { catAttemptEvents, catAttempts, catBlueprints, catPaperItems, catQuestions, catRooms, catSessions, catVenues } from '../cat/cat.table.js';
import { createParticipant, createRound, createSessionRow, createVenueRow } from './cat-sessions.fixtures.js';
import { PIN_FAILURE_LIMIT, paperSeed, verifySessionPin } from './cat-sessions.service.js';
import { catVenueChoices } from './cat-sessions.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: string;
let adminId: string;
let panitia: string;
let pengawas: string;
let otherAdmin: string;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kota CAT')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Kota Lain')).id;
  const a = await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] });
  admin = a.cookie;
  adminId = a.account.id;
  panitia = (await accountWithSession(ctx, { roles: [{ role: 'panitia', agencyId }] })).cookie;
  pengawas = (await accountWithSession(ctx, { roles: [{ role: 'pengawas', agencyId }] })).cookie;
  otherAdmin = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId: otherAgencyId }] })).cookie;
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const api = (cookie: string, method: Method, path: string, payload?: object) =>
  request(ctx, cookie, { method, url: `/api/agencies/${agencyId}/cat${path}`, ...(payload ? { payload } : {}) });
const audits = (action: string, targetId?: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), targetId ? eq(auditLog.targetId, targetId) : undefined))
    .orderBy(auditLog.chain, auditLog.seq);
const HOUR = 3600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const attemptsOf = (blueprintId: string) => db().select().from(catAttempts).where(eq(catAttempts.blueprintId, blueprintId));
const applicantCookie = (email: string) => loginCookie(ctx, email, TEST_PASSWORD);

/** A round with `n` MS participants of the general formation, a room of `seats` and a session in it, allocated. */
async function allocatedRound(options: { n?: number; seats?: number; hoursAhead?: number; photo?: boolean } = {}) {
  const round = await createRound(ctx, agencyId);
  const people = [];
  for (let i = 0; i < (options.n ?? 3); i++) people.push(await createParticipant(ctx, round, { formasiId: round.formasi.umum.id, photo: options.photo ?? i === 0 }));
  const { rooms } = await createVenueRow(ctx, agencyId, [options.seats ?? 10]);
  const session = await createSessionRow(ctx, round, rooms[0]!.id, options.hoursAhead ?? 1);
  const run = await api(admin, 'POST', `/allocations/${round.blueprint.id}`, {});
  expect(run.statusCode).toBe(200);
  const attempts = await attemptsOf(round.blueprint.id);
  return { round, people, session, room: rooms[0]!, attempts };
}

describe('venues and rooms', () => {
  it('creates a venue with rooms, renames it, lists it for observers, each change audited — 201/200', async () => {
    const created = await api(panitia, 'POST', '/venues', { name: 'SMK Negeri 1 Manna', address: 'Jl. Affan Bachsin' });
    expect(created.statusCode).toBe(201);
    const venue = created.json().venue;
    const withRoom = await api(admin, 'POST', `/venues/${venue.id}/rooms`, { name: 'Lab Komputer 1', seats: 40 });
    expect(withRoom.statusCode).toBe(201);
    expect(withRoom.json().venue.rooms).toEqual([expect.objectContaining({ name: 'Lab Komputer 1', seats: 40, sessions: 0 })]);
    const renamed = await api(admin, 'PUT', `/venues/${venue.id}`, { name: 'SMKN 1 Manna', address: '' });
    expect(renamed.json().venue).toMatchObject({ name: 'SMKN 1 Manna', address: '' });
    const list = await api(pengawas, 'GET', '/venues');
    expect(list.json().items.find((v: { id: string }) => v.id === venue.id)).toMatchObject({ name: 'SMKN 1 Manna' });
    expect(await audits('cat_venue.create', venue.id)).toHaveLength(1);
    expect((await audits('cat_venue.update', venue.id))[0]?.summary).toMatchObject({ before: { name: 'SMK Negeri 1 Manna' }, after: { name: 'SMKN 1 Manna' } });
    expect(await audits('cat_room.create', withRoom.json().venue.rooms[0].id)).toHaveLength(1);
  });

  it('refuses bad venue and room input naming the field — 400, nothing created', async () => {
    const before = await db().select().from(catVenues).where(eq(catVenues.agencyId, agencyId));
    for (const [payload, field] of [
      [{ name: 'A' }, 'name'],
      [{ name: 'N'.repeat(121) }, 'name'],
      [{ name: 42 }, 'name'],
      [{}, 'name'],
      [{ name: 'Gedung', address: 'x'.repeat(301) }, 'address'],
    ] as const) {
      const response = await api(admin, 'POST', '/venues', payload);
      expect({ payload, status: response.statusCode }).toEqual({ payload, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    expect(await db().select().from(catVenues).where(eq(catVenues.agencyId, agencyId))).toHaveLength(before.length);
    const { venue } = await createVenueRow(ctx, agencyId, []);
    for (const [payload, field] of [
      [{ name: 'Ruang', seats: 0 }, 'seats'],
      [{ name: 'Ruang', seats: 2.5 }, 'seats'],
      [{ name: 'Ruang', seats: '40' }, 'seats'],
      [{ name: 'Ruang', seats: 2001 }, 'seats'],
      [{ seats: 10 }, 'name'],
    ] as const) {
      const response = await api(admin, 'POST', `/venues/${venue.id}/rooms`, payload);
      expect({ payload, status: response.statusCode }).toEqual({ payload, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    expect(await db().select().from(catRooms).where(eq(catRooms.venueId, venue.id))).toEqual([]);
  });

  it('refuses fewer seats than a seat already given, and deleting a venue or room with sessions — 409', async () => {
    const { room, attempts } = await allocatedRound({ n: 3, seats: 10 });
    expect(Math.max(...attempts.map((a) => a.seat!))).toBe(3);
    const shrink = await api(admin, 'PUT', `/rooms/${room.id}`, { name: 'Ruang 1', seats: 2 });
    expect(shrink.statusCode).toBe(409);
    expect(shrink.json().error.fields).toHaveProperty('seats');
    expect((await api(admin, 'PUT', `/rooms/${room.id}`, { name: 'Ruang 1', seats: 3 })).statusCode).toBe(200);
    expect((await api(admin, 'DELETE', `/rooms/${room.id}`)).statusCode).toBe(409);
    expect((await api(admin, 'DELETE', `/venues/${room.venueId}`)).statusCode).toBe(409);
    const [kept] = await db().select().from(catRooms).where(eq(catRooms.id, room.id));
    expect(kept?.seats).toBe(3);
  });

  it('deletes an unused venue with its rooms — 204, audited', async () => {
    const { venue, rooms } = await createVenueRow(ctx, agencyId, [5, 6]);
    expect((await api(admin, 'DELETE', `/rooms/${rooms[0]!.id}`)).statusCode).toBe(204);
    expect((await api(admin, 'DELETE', `/venues/${venue.id}`)).statusCode).toBe(204);
    expect(await db().select().from(catRooms).where(eq(catRooms.venueId, venue.id))).toEqual([]);
    expect(await audits('cat_venue.delete', venue.id)).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('schedules a session of a CAT stage in a room; its capacity is the room seats — 201, audited', async () => {
    const round = await createRound(ctx, agencyId);
    const { venue, rooms } = await createVenueRow(ctx, agencyId, [25]);
    const startsAt = inHours(24);
    const created = await api(panitia, 'POST', '/sessions', { blueprintId: round.blueprint.id, roomId: rooms[0]!.id, name: 'Sesi 1 Pagi', startsAt });
    expect(created.statusCode).toBe(201);
    const session = created.json().session;
    expect(session).toMatchObject({ name: 'Sesi 1 Pagi', selectionId: round.selection.id, blueprintName: 'SKD Uji', venueId: venue.id, capacity: 25, allocated: 0, status: 'scheduled', startsAt: new Date(startsAt).toISOString() });
    // 100 minutes plus the longest extra time (30 for tunanetra).
    expect(Date.parse(session.roomEndsAt) - Date.parse(session.startsAt)).toBe(130 * 60_000);
    expect(await audits('cat_session.create', session.id)).toHaveLength(1);
    const stages = await api(pengawas, 'GET', '/stages');
    expect(stages.json().items.find((s: { blueprintId: string }) => s.blueprintId === round.blueprint.id)).toMatchObject({ sessions: 1, seats: 25, participants: 0 });
    const list = await api(pengawas, 'GET', `/sessions?blueprintId=${round.blueprint.id}`);
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([session.id]);
  });

  it('refuses a session in the past, without a zone, or with a bad name — 400, nothing created', async () => {
    const round = await createRound(ctx, agencyId);
    const { rooms } = await createVenueRow(ctx, agencyId, [5]);
    const body = { blueprintId: round.blueprint.id, roomId: rooms[0]!.id, name: 'Sesi Lama' };
    const past = await api(admin, 'POST', '/sessions', { ...body, startsAt: inHours(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toHaveProperty('startsAt');
    for (const [payload, field] of [
      [{ ...body, startsAt: '2099-01-01T08:00:00' }, 'startsAt'],
      [{ ...body, startsAt: 'besok pagi' }, 'startsAt'],
      [{ ...body, name: 'S', startsAt: inHours(2) }, 'name'],
      [{ ...body, roomId: 'bukan-uuid', startsAt: inHours(2) }, 'roomId'],
      [{ name: 'Sesi', roomId: rooms[0]!.id, startsAt: inHours(2) }, 'blueprintId'],
    ] as const) {
      const response = await api(admin, 'POST', '/sessions', payload);
      expect({ payload, status: response.statusCode }).toEqual({ payload, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    expect(await db().select().from(catSessions).where(eq(catSessions.roomId, rooms[0]!.id))).toEqual([]);
  });

  it('refuses two sessions in one room at overlapping times — 409, and allows one after the room is free', async () => {
    const round = await createRound(ctx, agencyId);
    const { rooms } = await createVenueRow(ctx, agencyId, [5]);
    const first = Date.now() + 48 * HOUR;
    const post = (at: number) => api(admin, 'POST', '/sessions', { blueprintId: round.blueprint.id, roomId: rooms[0]!.id, name: 'Sesi Ruang', startsAt: new Date(at).toISOString() });
    expect((await post(first)).statusCode).toBe(201);
    const clash = await post(first + 120 * 60_000);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields).toHaveProperty('startsAt');
    expect((await post(first + 130 * 60_000)).statusCode).toBe(201);
  });

  it("refuses another agency's blueprint or room through this agency's path — 404", async () => {
    const foreign = await createRound(ctx, otherAgencyId);
    const { rooms: foreignRooms } = await createVenueRow(ctx, otherAgencyId, [5]);
    const round = await createRound(ctx, agencyId);
    const { rooms } = await createVenueRow(ctx, agencyId, [5]);
    expect((await api(admin, 'POST', '/sessions', { blueprintId: foreign.blueprint.id, roomId: rooms[0]!.id, name: 'Sesi Asing', startsAt: inHours(5) })).statusCode).toBe(404);
    expect((await api(admin, 'POST', '/sessions', { blueprintId: round.blueprint.id, roomId: foreignRooms[0]!.id, name: 'Sesi Asing', startsAt: inHours(5) })).statusCode).toBe(404);
    const foreignSession = await createSessionRow(ctx, foreign, foreignRooms[0]!.id, 5);
    expect((await api(admin, 'GET', `/sessions/${foreignSession.id}`)).statusCode).toBe(404);
    expect((await api(admin, 'DELETE', `/sessions/${foreignSession.id}`)).statusCode).toBe(404);
    expect((await api(admin, 'POST', `/sessions/${foreignSession.id}/open`)).statusCode).toBe(404);
    const [still] = await db().select().from(catSessions).where(eq(catSessions.id, foreignSession.id));
    expect(still?.status).toBe('scheduled');
  });

  it('moves a session to a smaller room only when its seats still fit, and never once opened — 409', async () => {
    const { session } = await allocatedRound({ n: 3 });
    const { rooms } = await createVenueRow(ctx, agencyId, [2, 4]);
    const small = await api(admin, 'PUT', `/sessions/${session.id}`, { roomId: rooms[0]!.id, name: session.name, startsAt: inHours(30) });
    expect(small.statusCode).toBe(409);
    const fits = await api(admin, 'PUT', `/sessions/${session.id}`, { roomId: rooms[1]!.id, name: 'Sesi Dipindah', startsAt: inHours(30) });
    expect(fits.statusCode).toBe(200);
    expect(fits.json().session).toMatchObject({ roomId: rooms[1]!.id, capacity: 4, allocated: 3, name: 'Sesi Dipindah' });
    expect((await api(admin, 'DELETE', `/sessions/${session.id}`)).statusCode).toBe(409);
    await db().update(catSessions).set({ status: 'open' }).where(eq(catSessions.id, session.id));
    expect((await api(admin, 'PUT', `/sessions/${session.id}`, { roomId: rooms[1]!.id, name: 'Lagi', startsAt: inHours(31) })).statusCode).toBe(409);
  });
});

describe('allocation', () => {
  it('seats only MS participants, by chosen venue and capacity, with durations by need and a paper each — 200, audited', async () => {
    const round = await createRound(ctx, agencyId);
    const a = await createVenueRow(ctx, agencyId, [3], 'Gedung A');
    const b = await createVenueRow(ctx, agencyId, [4], 'Gedung B');
    const sa = await createSessionRow(ctx, round, a.rooms[0]!.id, 24);
    const sb = await createSessionRow(ctx, round, b.rooms[0]!.id, 26);
    const umum: Awaited<ReturnType<typeof createParticipant>>[] = [];
    for (let i = 0; i < 3; i++) umum.push(await createParticipant(ctx, round, { formasiId: round.formasi.umum.id }));
    const blind = await createParticipant(ctx, round, { formasiId: round.formasi.disabilitas.id, disability: 'Tunanetra' });
    const wantsB = await createParticipant(ctx, round, { formasiId: round.formasi.disabilitas.id });
    await createParticipant(ctx, round, { formasiId: round.formasi.umum.id, status: 'tms' });
    await createParticipant(ctx, round, { formasiId: round.formasi.umum.id, status: 'submitted' });
    await db().insert(catVenueChoices).values({ applicationId: wantsB.application.id, agencyId, selectionId: round.selection.id, venueId: b.venue.id });

    const run = await api(panitia, 'POST', `/allocations/${round.blueprint.id}`, {});
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ placed: 5, papers: 5, removed: 0 });
    const allocation = run.json().allocation;
    expect(allocation.participants).toBe(5);
    expect(allocation.unallocated).toEqual([]);
    const seated = allocation.sessions.flatMap((s: { id: string; participants: Array<{ applicationId: string; seat: number }> }) => s.participants.map((p) => ({ ...p, sessionId: s.id })));
    expect(seated).toHaveLength(5);
    const where = new Map(seated.map((p: { applicationId: string; sessionId: string }) => [p.applicationId, p.sessionId]));
    expect(where.get(wantsB.application.id)).toBe(sb.id);
    // The three of the general formation fill one room together; the disability formation sits together too.
    expect(new Set(umum.map((u) => where.get(u.application.id))).size).toBe(1);
    expect(where.get(blind.application.id)).toBe(sb.id);
    for (const s of allocation.sessions) {
      const seats = s.participants.map((p: { seat: number }) => p.seat);
      expect(new Set(seats).size).toBe(seats.length);
      expect(Math.max(...seats)).toBeLessThanOrEqual(s.capacity);
    }
    expect(allocation.sessions.find((s: { id: string }) => s.id === sa.id).participants).toHaveLength(3);

    const attempts = await attemptsOf(round.blueprint.id);
    expect(attempts.find((t) => t.applicationId === blind.application.id)).toMatchObject({ need: 'tunanetra', durationSeconds: 130 * 60, status: 'allocated' });
    expect(attempts.find((t) => t.applicationId === umum[0]!.application.id)).toMatchObject({ need: null, durationSeconds: 100 * 60 });

    const audit = await audits('cat_allocation.run', round.blueprint.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({ after: { placed: 5, papers: 5, removed: 0, placementsSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it("makes each participant's paper at allocation: the blueprint counts, active questions only, no repeats, shuffled, rebuilt by its seed", async () => {
    const { round, attempts } = await allocatedRound({ n: 4 });
    const items = await db().select().from(catPaperItems).where(inArray(catPaperItems.attemptId, attempts.map((a) => a.id)));
    const questions = await db().select().from(catQuestions).where(eq(catQuestions.bankId, round.bank.id));
    const byId = new Map(questions.map((q) => [q.id, q]));
    const papers = new Map<string, typeof items>();
    for (const item of items) papers.set(item.attemptId, [...(papers.get(item.attemptId) ?? []), item]);
    expect(papers.size).toBe(4);
    for (const attempt of attempts) {
      const paper = papers.get(attempt.id)!.sort((x, y) => x.position - y.position);
      expect(paper.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(paper.map((i) => byId.get(i.questionId)?.subtest)).toEqual(['TWK', 'TWK', 'TWK', 'TWK', 'TWK', 'TIU', 'TIU', 'TIU', 'TIU']);
      expect(paper.every((i) => byId.get(i.questionId)?.status === 'active')).toBe(true);
      expect(new Set(paper.map((i) => i.questionId)).size).toBe(9);
      for (const i of paper) expect([...i.optionOrder].sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
      // Same seed, same paper: rebuilt from the pools and the participant's seed.
      const pool = (subtest: string) => questions.filter((q) => q.subtest === subtest && q.status === 'active').map((q) => ({ id: q.id, optionIds: q.options.map((o) => o.id) }));
      const rebuilt = buildPaper({
        sections: [
          { subtest: 'TWK', count: 5, pool: pool('TWK') },
          { subtest: 'TIU', count: 4, pool: pool('TIU') },
        ],
        seed: paperSeed(ctx.config.sessionSecret, round.blueprint.id, attempt.applicationId),
      });
      expect(paper.map((i) => [i.questionId, i.position, i.optionOrder])).toEqual(rebuilt.map((i) => [i.questionId, i.position, [...i.optionOrder]]));
    }
    const orders = [...papers.values()].map((p) => p.sort((x, y) => x.position - y.position).map((i) => `${i.questionId}:${i.optionOrder.join('')}`).join('|'));
    expect(new Set(orders).size).toBe(4);
  });

  it('refuses when seats are short, naming the venue — 409, nothing allocated', async () => {
    const round = await createRound(ctx, agencyId);
    const { venue, rooms } = await createVenueRow(ctx, agencyId, [2], 'Gedung Sempit');
    await createSessionRow(ctx, round, rooms[0]!.id, 5);
    for (let i = 0; i < 3; i++) {
      const p = await createParticipant(ctx, round, { formasiId: round.formasi.umum.id });
      await db().insert(catVenueChoices).values({ applicationId: p.application.id, agencyId, selectionId: round.selection.id, venueId: venue.id });
    }
    const run = await api(admin, 'POST', `/allocations/${round.blueprint.id}`, {});
    expect(run.statusCode).toBe(409);
    expect(run.json().error.message).toContain('Gedung Sempit');
    expect(run.json().error.message).toContain('kurang 1 kursi');
    expect(await attemptsOf(round.blueprint.id)).toEqual([]);
    expect(await audits('cat_allocation.run', round.blueprint.id)).toEqual([]);
  });

  it('refuses when the bank cannot fill a section — 409 naming the section, nothing allocated', async () => {
    const round = await createRound(ctx, agencyId, { tiu: 3 });
    const { rooms } = await createVenueRow(ctx, agencyId, [5]);
    await createSessionRow(ctx, round, rooms[0]!.id, 5);
    await createParticipant(ctx, round, { formasiId: round.formasi.umum.id });
    const run = await api(admin, 'POST', `/allocations/${round.blueprint.id}`, {});
    expect(run.statusCode).toBe(409);
    expect(run.json().error.message).toContain('TIU hanya memiliki 3 soal');
    expect(await attemptsOf(round.blueprint.id)).toEqual([]);
  });

  it('seats newcomers without moving anyone already seated, and removes a seat no longer MS; papers are kept', async () => {
    const { round, attempts, people, session } = await allocatedRound({ n: 2, seats: 5 });
    const before = await db().select().from(catPaperItems).where(eq(catPaperItems.attemptId, attempts[0]!.id));
    const late = await createParticipant(ctx, round, { formasiId: round.formasi.umum.id });
    await db().update(catAttempts).set({ status: 'allocated' }).where(eq(catAttempts.id, attempts[0]!.id));
    const { applications } = await import('../applications/applications.table.js');
    await db().update(applications).set({ status: 'tms' }).where(eq(applications.id, people[1]!.application.id));
    const run = await api(admin, 'POST', `/allocations/${round.blueprint.id}`, {});
    expect(run.json()).toMatchObject({ placed: 1, papers: 1, removed: 1 });
    const after = await attemptsOf(round.blueprint.id);
    expect(after.find((a) => a.id === attempts[0]!.id)).toMatchObject({ sessionId: session.id, seat: attempts[0]!.seat });
    expect(after.find((a) => a.applicationId === late.application.id)?.sessionId).toBe(session.id);
    expect(after.some((a) => a.applicationId === people[1]!.application.id)).toBe(false);
    expect(await db().select().from(catPaperItems).where(eq(catPaperItems.attemptId, attempts[0]!.id))).toEqual(before);
  });

  it('re-seats everyone on reset and remakes papers and times from a changed blueprint, but refuses once a participant started — 409', async () => {
    const { round, attempts } = await allocatedRound({ n: 3 });
    await api(admin, 'PUT', `/attempts/${attempts[1]!.id}/need`, { need: 'tunanetra' });
    await db()
      .update(catBlueprints)
      .set({ durationMinutes: 90, sections: [{ subtest: 'TWK', count: 3, bankIds: [round.bank.id] }] })
      .where(eq(catBlueprints.id, round.blueprint.id));
    const reset = await api(admin, 'POST', `/allocations/${round.blueprint.id}`, { reset: true });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ placed: 3, papers: 3 });
    const after = await attemptsOf(round.blueprint.id);
    expect(after.find((a) => a.id === attempts[0]!.id)).toMatchObject({ durationSeconds: 90 * 60, need: null });
    expect(after.find((a) => a.id === attempts[1]!.id)).toMatchObject({ durationSeconds: 120 * 60, need: 'tunanetra' });
    const items = await db().select().from(catPaperItems).where(inArray(catPaperItems.attemptId, attempts.map((a) => a.id)));
    expect(items).toHaveLength(9);
    await db().update(catAttempts).set({ status: 'active', startedAt: new Date(), endsAt: new Date(Date.now() + HOUR) }).where(eq(catAttempts.id, attempts[0]!.id));
    const refused = await api(admin, 'POST', `/allocations/${round.blueprint.id}`, { reset: true });
    expect(refused.statusCode).toBe(409);
    const bad = await api(admin, 'POST', `/allocations/${round.blueprint.id}`, { reset: 'ya' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('reset');
  });

  it('sets a participant need and its working time; refuses an unknown need or a started participant', async () => {
    const { attempts } = await allocatedRound({ n: 2 });
    const set = await api(panitia, 'PUT', `/attempts/${attempts[0]!.id}/need`, { need: 'tunanetra' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ need: 'tunanetra', durationSeconds: 7800 });
    expect((await audits('cat_attempt.need', attempts[0]!.id))[0]?.summary).toMatchObject({ before: { need: null, durationSeconds: 6000 }, after: { need: 'tunanetra', durationSeconds: 7800 } });
    const unknown = await api(admin, 'PUT', `/attempts/${attempts[0]!.id}/need`, { need: 'tunarungu' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty('need');
    expect((await api(admin, 'PUT', `/attempts/${attempts[0]!.id}/need`, { need: 'Tuna Netra!' })).statusCode).toBe(400);
    await db().update(catAttempts).set({ status: 'active' }).where(eq(catAttempts.id, attempts[1]!.id));
    expect((await api(admin, 'PUT', `/attempts/${attempts[1]!.id}/need`, { need: null })).statusCode).toBe(409);
    const [kept] = await db().select().from(catAttempts).where(eq(catAttempts.id, attempts[0]!.id));
    expect(kept).toMatchObject({ need: 'tunanetra', durationSeconds: 7800 });
  });
});

describe('manual moves', () => {
  it('moves a participant to another session with a reason, on the first free seat or a chosen one — audited', async () => {
    const { round, attempts } = await allocatedRound({ n: 2 });
    const { rooms } = await createVenueRow(ctx, agencyId, [3]);
    const other = await createSessionRow(ctx, round, rooms[0]!.id, 5);
    const moved = await api(admin, 'POST', `/attempts/${attempts[0]!.id}/move`, { sessionId: other.id, reason: 'Permintaan peserta karena jarak' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({ sessionId: other.id, seat: 1 });
    const seat3 = await api(admin, 'POST', `/attempts/${attempts[1]!.id}/move`, { sessionId: other.id, seat: 3, reason: 'Dekat pintu (kursi roda)' });
    expect(seat3.json()).toEqual({ sessionId: other.id, seat: 3 });
    const audit = await audits('cat_attempt.move', attempts[0]!.id);
    expect(audit[0]?.summary).toMatchObject({ before: { sessionId: attempts[0]!.sessionId, seat: attempts[0]!.seat }, after: { sessionId: other.id, seat: 1 }, details: { reason: 'Permintaan peserta karena jarak' } });
    const events = await db().select().from(catAttemptEvents).where(and(eq(catAttemptEvents.attemptId, attempts[0]!.id), eq(catAttemptEvents.kind, 'moved')));
    expect(events).toHaveLength(1);
  });

  it('refuses a full session, a taken seat, a started participant, a session whose start passed, and no reason — nothing moved', async () => {
    const { round, attempts } = await allocatedRound({ n: 3 });
    const { rooms } = await createVenueRow(ctx, agencyId, [1]);
    const small = await createSessionRow(ctx, round, rooms[0]!.id, 6);
    expect((await api(admin, 'POST', `/attempts/${attempts[0]!.id}/move`, { sessionId: small.id, reason: 'Pindah ruang kecil' })).statusCode).toBe(200);
    const full = await api(admin, 'POST', `/attempts/${attempts[1]!.id}/move`, { sessionId: small.id, reason: 'Pindah ruang kecil' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('penuh');
    const taken = await api(admin, 'POST', `/attempts/${attempts[1]!.id}/move`, { sessionId: attempts[2]!.sessionId, seat: attempts[2]!.seat, reason: 'Tukar kursi' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toHaveProperty('seat');

    await db().update(catAttempts).set({ status: 'active' }).where(eq(catAttempts.id, attempts[1]!.id));
    const { rooms: bigger } = await createVenueRow(ctx, agencyId, [10]);
    const roomy = await createSessionRow(ctx, round, bigger[0]!.id, 9);
    const started = await api(admin, 'POST', `/attempts/${attempts[1]!.id}/move`, { sessionId: roomy.id, reason: 'Pindah setelah mulai' });
    expect(started.statusCode).toBe(409);

    await db().update(catSessions).set({ startsAt: new Date(Date.now() - HOUR) }).where(eq(catSessions.id, roomy.id));
    const past = await api(admin, 'POST', `/attempts/${attempts[2]!.id}/move`, { sessionId: roomy.id, reason: 'Pindah ke sesi lalu' });
    expect(past.statusCode).toBe(409);

    const noReason = await api(admin, 'POST', `/attempts/${attempts[2]!.id}/move`, { sessionId: small.id });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    const short = await api(admin, 'POST', `/attempts/${attempts[2]!.id}/move`, { sessionId: small.id, reason: 'ok' });
    expect(short.json().error.fields).toHaveProperty('reason');

    const after = await attemptsOf(round.blueprint.id);
    for (const a of attempts.slice(1)) expect(after.find((x) => x.id === a.id)).toMatchObject({ sessionId: a.sessionId, seat: a.seat });
  });

  it('refuses a session of another stage — 400', async () => {
    const { attempts } = await allocatedRound({ n: 1 });
    const second = await createRound(ctx, agencyId);
    const { rooms } = await createVenueRow(ctx, agencyId, [3]);
    const elsewhere = await createSessionRow(ctx, second, rooms[0]!.id, 7);
    const response = await api(admin, 'POST', `/attempts/${attempts[0]!.id}/move`, { sessionId: elsewhere.id, reason: 'Salah tahap ujian' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty('sessionId');
  });
});

describe('applicant: venue choice and exam card', () => {
  it("lists the round's venues, keeps the choice, and allocation honours it; then the choice is closed — 409", async () => {
    const round = await createRound(ctx, agencyId);
    const a = await createVenueRow(ctx, agencyId, [5], 'Gedung Utara');
    const b = await createVenueRow(ctx, agencyId, [5], 'Gedung Selatan');
    await createSessionRow(ctx, round, a.rooms[0]!.id, 10);
    const sb = await createSessionRow(ctx, round, b.rooms[0]!.id, 12);
    const me = await createParticipant(ctx, round, { formasiId: round.formasi.umum.id });
    const cookie = await applicantCookie(me.account.email);
    const mine = await request(ctx, cookie, { method: 'GET', url: '/api/applicant/cat' });
    expect(mine.statusCode).toBe(200);
    const entry = mine.json().items.find((i: { applicationId: string }) => i.applicationId === me.application.id);
    expect(entry).toMatchObject({ chosenVenueId: null, choiceOpen: true, attempts: [] });
    expect(entry.venues.map((v: { id: string }) => v.id).sort()).toEqual([a.venue.id, b.venue.id].sort());

    const choose = await request(ctx, cookie, { method: 'PUT', url: `/api/applicant/applications/${me.application.id}/cat-venue`, payload: { venueId: b.venue.id } });
    expect(choose.statusCode).toBe(204);
    expect(await audits('cat_venue_choice.set', me.application.id)).toHaveLength(1);
    await api(admin, 'POST', `/allocations/${round.blueprint.id}`, {});
    const seated = (await request(ctx, cookie, { method: 'GET', url: '/api/applicant/cat' })).json().items.find((i: { applicationId: string }) => i.applicationId === me.application.id);
    expect(seated).toMatchObject({ chosenVenueId: b.venue.id, choiceOpen: false, attempts: [{ venueName: b.venue.name, sessionName: sb.name, seat: 1, status: 'allocated' }] });
    const late = await request(ctx, cookie, { method: 'PUT', url: `/api/applicant/applications/${me.application.id}/cat-venue`, payload: { venueId: null } });
    expect(late.statusCode).toBe(409);
  });

  it("refuses a venue outside the round, another applicant's application, and an application not MS", async () => {
    const round = await createRound(ctx, agencyId);
    const { rooms } = await createVenueRow(ctx, agencyId, [5]);
    await createSessionRow(ctx, round, rooms[0]!.id, 10);
    const stranger = await createVenueRow(ctx, agencyId, [5], 'Gedung Lain');
    const me = await createParticipant(ctx, round, { formasiId: round.formasi.umum.id });
    const other = await createParticipant(ctx, round, { formasiId: round.formasi.umum.id });
    const pending = await createParticipant(ctx, round, { formasiId: round.formasi.umum.id, status: 'submitted' });
    const cookie = await applicantCookie(me.account.email);
    const put = (applicationId: string, venueId: unknown) => request(ctx, cookie, { method: 'PUT', url: `/api/applicant/applications/${applicationId}/cat-venue`, payload: { venueId } });
    const outside = await put(me.application.id, stranger.venue.id);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toHaveProperty('venueId');
    expect((await put(me.application.id, 'bukan-uuid')).statusCode).toBe(400);
    expect((await put(other.application.id, null)).statusCode).toBe(404);
    const pendingCookie = await applicantCookie(pending.account.email);
    expect((await request(ctx, pendingCookie, { method: 'PUT', url: `/api/applicant/applications/${pending.application.id}/cat-venue`, payload: { venueId: null } })).statusCode).toBe(409);
    expect(await db().select().from(catVenueChoices).where(eq(catVenueChoices.selectionId, round.selection.id))).toEqual([]);
  });

  it('gives the exam card PDF to its owner only, once seated, with a QR to a public check that masks the name', async () => {
    const { round, people } = await allocatedRound({ n: 2, photo: true });
    const owner = people[0]!;
    const cookie = await applicantCookie(owner.account.email);
    const mine = (await request(ctx, cookie, { method: 'GET', url: '/api/applicant/cat' })).json().items.find((i: { applicationId: string }) => i.applicationId === owner.application.id);
    const attemptId = mine.attempts[0].attemptId as string;
    const card = await request(ctx, cookie, { method: 'GET', url: `/api/applicant/cat/attempts/${attemptId}/card.pdf` });
    expect(card.statusCode).toBe(200);
    expect(card.headers['content-type']).toContain('application/pdf');
    expect(card.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const otherCookie = await applicantCookie(people[1]!.account.email);
    expect((await request(ctx, otherCookie, { method: 'GET', url: `/api/applicant/cat/attempts/${attemptId}/card.pdf` })).statusCode).toBe(404);

    const { examCardToken } = await import('./exam-card.js');
    const token = examCardToken(ctx.config.sessionSecret, attemptId);
    const check = await request(ctx, null, { method: 'GET', url: `/api/public/cat-cards/${attemptId}?t=${token}` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ registrationNumber: owner.application.registrationNumber, seat: 1, selectionName: round.selection.name });
    expect(check.json().nameMasked).not.toContain(owner.application.applicantName!.split(' ')[0]!.slice(1));
    expect(check.json().startsAtText).toMatch(/WIB$/);
    const forged = await request(ctx, null, { method: 'GET', url: `/api/public/cat-cards/${attemptId}?t=${'A'.repeat(22)}` });
    expect(forged.statusCode).toBe(404);
  });

  it('has no card before a seat is given — 409', async () => {
    const { round, attempts } = await allocatedRound({ n: 1 });
    await db().update(catAttempts).set({ sessionId: null, seat: null }).where(eq(catAttempts.blueprintId, round.blueprint.id));
    const [attempt] = attempts;
    const [owner] = await db().select().from(catAttempts).where(eq(catAttempts.id, attempt!.id));
    const { accounts } = await import('../accounts/accounts.table.js');
    const [account] = await db().select().from(accounts).where(eq(accounts.id, owner!.accountId));
    const cookie = await applicantCookie(account!.email);
    expect((await request(ctx, cookie, { method: 'GET', url: `/api/applicant/cat/attempts/${attempt!.id}/card.pdf` })).statusCode).toBe(409);
  });
});

describe('proctor lists', () => {
  it('lists the session by seat with registration number, name, formation and a signature column (XLSX and PDF)', async () => {
    const { session, people } = await allocatedRound({ n: 3 });
    const xlsx = await api(panitia, 'GET', `/sessions/${session.id}/list.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Daftar hadir')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Kursi', 'No. Pendaftaran', 'Nama', 'Formasi', 'Kebutuhan khusus', 'Tanda tangan']);
    const rows = [2, 3, 4].map((r) => sheet.getRow(r).values as unknown[]);
    expect(rows.map((r) => r[1])).toEqual([1, 2, 3]);
    expect(rows.map((r) => r[2]).sort()).toEqual(people.map((p) => p.application.registrationNumber).sort());
    const pdf = await api(admin, 'GET', `/sessions/${session.id}/list.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('proctor console', () => {
  it('opens the session and reveals a 6-digit PIN once; only its hash is stored and the audit never holds it', async () => {
    const { session } = await allocatedRound({ n: 2 });
    const opened = await api(panitia, 'POST', `/sessions/${session.id}/open`);
    expect(opened.statusCode).toBe(200);
    const { pin } = opened.json();
    expect(pin).toMatch(/^\d{6}$/);
    expect(opened.headers['cache-control']).toBe('no-store');
    const [row] = await db().select().from(catSessions).where(eq(catSessions.id, session.id));
    expect(row).toMatchObject({ status: 'open' });
    expect(row!.pinHash).toMatch(/^\$argon2id\$/);
    expect(row!.pinHash).not.toContain(pin);
    const audit = await audits('cat_session.open', session.id);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.summary)).not.toContain(pin);
    expect((await api(admin, 'POST', `/sessions/${session.id}/open`)).statusCode).toBe(409);
    expect(await verifySessionPin(db(), { sessionId: session.id, pin })).toBe(true);
  });

  it('refuses to open a session more than two hours before its start — 409', async () => {
    const { session } = await allocatedRound({ n: 1, hoursAhead: 3 });
    const early = await api(admin, 'POST', `/sessions/${session.id}/open`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('WIB');
  });

  it('checks the PIN for the exam runtime: counts forged PINs, stops the PIN at the limit, and a new PIN replaces the old', async () => {
    const { session } = await allocatedRound({ n: 1 });
    const { pin } = (await api(admin, 'POST', `/sessions/${session.id}/open`)).json();
    const wrong = pin === '000000' ? '000001' : '000000';
    expect(await verifySessionPin(db(), { sessionId: session.id, pin: wrong })).toBe(false);
    expect(await verifySessionPin(db(), { sessionId: session.id, pin: '12345' })).toBe(false);
    expect(await verifySessionPin(db(), { sessionId: session.id, pin: `${pin} ` })).toBe(false);
    expect(await verifySessionPin(db(), { sessionId: session.id, pin })).toBe(true);
    let view = (await api(admin, 'GET', `/sessions/${session.id}/console`)).json();
    expect(view).toMatchObject({ pinRevealed: true, pinFailures: 3, pinLocked: false });

    for (let i = 3; i < PIN_FAILURE_LIMIT; i++) expect(await verifySessionPin(db(), { sessionId: session.id, pin: wrong })).toBe(false);
    // At the limit even the right PIN stops working: guessing a 6-digit PIN by trying is cut short.
    expect(await verifySessionPin(db(), { sessionId: session.id, pin })).toBe(false);
    view = (await api(admin, 'GET', `/sessions/${session.id}/console`)).json();
    expect(view).toMatchObject({ pinFailures: PIN_FAILURE_LIMIT, pinLocked: true });

    const renewed = await api(panitia, 'POST', `/sessions/${session.id}/pin`);
    expect(renewed.statusCode).toBe(200);
    const fresh = renewed.json().pin as string;
    expect(await verifySessionPin(db(), { sessionId: session.id, pin: fresh })).toBe(true);
    if (fresh !== pin) expect(await verifySessionPin(db(), { sessionId: session.id, pin })).toBe(false);
    expect((await audits('cat_session.pin', session.id))[0]?.summary).toMatchObject({ details: { wrongEntriesBefore: PIN_FAILURE_LIMIT } });
    expect(await verifySessionPin(db(), { sessionId: '00000000-0000-4000-8000-000000000000', pin: fresh })).toBe(false);
  });

  it('shows the participants by seat with status, photo link, need and warnings recorded by the exam runtime', async () => {
    const { session, attempts, people } = await allocatedRound({ n: 3 });
    await db().insert(catAttemptEvents).values([
      { attemptId: attempts[0]!.id, kind: 'focus_lost' },
      { attemptId: attempts[0]!.id, kind: 'focus_lost' },
      { attemptId: attempts[0]!.id, kind: 'tab_hidden' },
      { attemptId: attempts[0]!.id, kind: 'resume' },
    ]);
    const view = await api(panitia, 'GET', `/sessions/${session.id}/console`);
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.session).toMatchObject({ id: session.id, capacity: 10, allocated: 3 });
    expect(body.pinRevealed).toBe(false);
    expect(body.participants.map((p: { seat: number }) => p.seat)).toEqual([1, 2, 3]);
    const first = body.participants.find((p: { attemptId: string }) => p.attemptId === attempts[0]!.id);
    expect(first.warnings).toEqual({ focus_lost: 2, tab_hidden: 1 });
    const withPhoto = body.participants.find((p: { registrationNumber: string }) => p.registrationNumber === people[0]!.application.registrationNumber);
    expect(withPhoto.photoUrl).toMatch(/\/photo$/);
    expect(body.participants.filter((p: { photoUrl: string | null }) => p.photoUrl === null)).toHaveLength(2);
    const photo = await request(ctx, admin, { method: 'GET', url: withPhoto.photoUrl });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await request(ctx, pengawas, { method: 'GET', url: withPhoto.photoUrl })).statusCode).toBe(403);
    expect((await request(ctx, otherAdmin, { method: 'GET', url: withPhoto.photoUrl })).statusCode).toBe(403);
    const missing = body.participants.find((p: { photoUrl: string | null }) => p.photoUrl === null);
    expect((await api(admin, 'GET', `/sessions/${session.id}/attempts/${missing.attemptId}/photo`)).statusCode).toBe(404);
    const events = await api(admin, 'GET', `/sessions/${session.id}/attempts/${attempts[0]!.id}/events?limit=2`);
    expect(events.json().items).toHaveLength(2);
    expect(events.json().items[0]).toMatchObject({ kind: 'resume' });
  });

  it('confirms identity for one participant and then everyone present, audited', async () => {
    const { session, attempts } = await allocatedRound({ n: 3 });
    const one = await api(admin, 'POST', `/sessions/${session.id}/identity`, { attemptIds: [attempts[0]!.id] });
    expect(one.json()).toEqual({ changed: 1 });
    await db().update(catAttempts).set({ status: 'absent' }).where(eq(catAttempts.id, attempts[2]!.id));
    const all = await api(admin, 'POST', `/sessions/${session.id}/identity`, { all: true });
    expect(all.json()).toEqual({ changed: 1 });
    const rows = await attemptsOf(attempts[0]!.blueprintId);
    expect(rows.find((a) => a.id === attempts[1]!.id)).toMatchObject({ identityConfirmedBy: adminId });
    expect(rows.find((a) => a.id === attempts[2]!.id)?.identityConfirmedAt).toBeNull();
    expect(await audits('cat_attempt.identity', session.id)).toHaveLength(2);
    for (const payload of [{}, { all: true, attemptIds: [attempts[0]!.id] }, { attemptIds: [] }, { all: false }]) {
      expect((await api(admin, 'POST', `/sessions/${session.id}/identity`, payload)).statusCode).toBe(400);
    }
    const foreign = await allocatedRound({ n: 1 });
    expect((await api(admin, 'POST', `/sessions/${session.id}/identity`, { attemptIds: [foreign.attempts[0]!.id] })).statusCode).toBe(400);
  });

  it('adds time for an incident to everyone still working, with a reason; never revives an attempt whose time ran out', async () => {
    const { session, attempts } = await allocatedRound({ n: 3 });
    await api(admin, 'POST', `/sessions/${session.id}/open`);
    const endsAt = new Date(Date.now() + 30 * 60_000);
    await db().update(catAttempts).set({ status: 'active', startedAt: new Date(), endsAt }).where(inArray(catAttempts.id, [attempts[0]!.id, attempts[1]!.id]));
    const expired = new Date(Date.now() - 60_000);
    await db().update(catAttempts).set({ endsAt: expired }).where(eq(catAttempts.id, attempts[1]!.id));

    const added = await api(panitia, 'POST', `/sessions/${session.id}/extra-time`, { seconds: 300, reason: 'Listrik padam 5 menit' });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual({ changed: 1 });
    const rows = await attemptsOf(attempts[0]!.blueprintId);
    expect(rows.find((a) => a.id === attempts[0]!.id)).toMatchObject({ extraSeconds: 300, endsAt: new Date(endsAt.getTime() + 300_000) });
    expect(rows.find((a) => a.id === attempts[1]!.id)).toMatchObject({ extraSeconds: 0, endsAt: expired });
    expect(rows.find((a) => a.id === attempts[2]!.id)).toMatchObject({ extraSeconds: 0, endsAt: null });
    expect((await audits('cat_attempt.time', session.id))[0]?.summary).toMatchObject({ after: { seconds: 300, attemptIds: [attempts[0]!.id] }, details: { reason: 'Listrik padam 5 menit' } });

    expect((await api(admin, 'POST', `/sessions/${session.id}/extra-time`, { attemptIds: [attempts[1]!.id], seconds: 60, reason: 'Komputer macet' })).statusCode).toBe(409);
    for (const [payload, field] of [
      [{ seconds: 0, reason: 'Listrik padam' }, 'seconds'],
      [{ seconds: 7201, reason: 'Listrik padam' }, 'seconds'],
      [{ seconds: 1.5, reason: 'Listrik padam' }, 'seconds'],
      [{ seconds: 60 }, 'reason'],
      [{ seconds: 60, reason: 'x' }, 'reason'],
    ] as const) {
      const response = await api(admin, 'POST', `/sessions/${session.id}/extra-time`, payload);
      expect({ payload, status: response.statusCode }).toEqual({ payload, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    const [still] = await db().select().from(catAttempts).where(eq(catAttempts.id, attempts[0]!.id));
    expect(still?.extraSeconds).toBe(300);
  });

  it('releases an attempt to another computer with a reason: the device token is cleared, audited', async () => {
    const { session, attempts } = await allocatedRound({ n: 1 });
    await api(admin, 'POST', `/sessions/${session.id}/open`);
    await db().update(catAttempts).set({ status: 'active', deviceTokenHash: 'hash-perangkat-lama', startedAt: new Date(), endsAt: new Date(Date.now() + HOUR) }).where(eq(catAttempts.id, attempts[0]!.id));
    const reset = await api(admin, 'POST', `/sessions/${session.id}/attempts/${attempts[0]!.id}/device-reset`, { reason: 'Komputer nomor 12 mati' });
    expect(reset.statusCode).toBe(200);
    const [row] = await db().select().from(catAttempts).where(eq(catAttempts.id, attempts[0]!.id));
    expect(row).toMatchObject({ deviceTokenHash: null, status: 'active' });
    expect(await audits('cat_attempt.device_reset', attempts[0]!.id)).toHaveLength(1);
    expect((await api(admin, 'POST', `/sessions/${session.id}/attempts/${attempts[0]!.id}/device-reset`, {})).statusCode).toBe(400);
  });

  it('closes the session: those who never started are absent, running attempts are left to the exam runtime; closed stays closed', async () => {
    const { session, attempts } = await allocatedRound({ n: 3 });
    const { pin } = (await api(admin, 'POST', `/sessions/${session.id}/open`)).json();
    await db().update(catAttempts).set({ status: 'active', startedAt: new Date(), endsAt: new Date(Date.now() + HOUR) }).where(eq(catAttempts.id, attempts[0]!.id));
    const closed = await api(admin, 'POST', `/sessions/${session.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toEqual({ absent: 2, stillRunning: 1 });
    const rows = await attemptsOf(attempts[0]!.blueprintId);
    expect(rows.find((a) => a.id === attempts[0]!.id)?.status).toBe('active');
    expect(rows.filter((a) => a.status === 'absent')).toHaveLength(2);
    expect(await audits('cat_session.close', session.id)).toHaveLength(1);
    expect(await verifySessionPin(db(), { sessionId: session.id, pin })).toBe(false);
    expect((await api(admin, 'POST', `/sessions/${session.id}/close`)).statusCode).toBe(409);
    expect((await api(admin, 'POST', `/sessions/${session.id}/pin`)).statusCode).toBe(409);
    expect((await api(admin, 'POST', `/sessions/${session.id}/extra-time`, { seconds: 60, reason: 'Setelah ditutup' })).statusCode).toBe(409);
  });
});
