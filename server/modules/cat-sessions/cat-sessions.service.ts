import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, asc, count, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { allocate, attemptDurationSeconds, pickSeat, sessionRoomEnd, suggestedNeed } from '../../../core/cat-allocation.js';
import { buildPaper } from '../../../core/cat-paper.js';
import type { CatAllocation, CatStage, CatVenue, RoomBody, SessionBody, SessionStatus, SessionUpdateBody, VenueBody } from '../../../core/schemas/cat-sessions.js';
import { byText } from '../../../core/text-order.js';
import { formatInZone, isAgencyZone } from '../../../core/time.js';
import { canonicalSha256 } from '../../canonical-hash.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { applications } from '../applications/applications.table.js';
import { recordAudit } from '../audit/audit.service.js';
import { catAttemptEvents, catAttempts, catBlueprints, catPaperItems, catRooms, catSessions, catVenues } from '../cat/cat.table.js';
import { selections } from '../selections/selections.table.js';
import {
  agencyZone,
  findBlueprint,
  findRoom,
  findSession,
  participantsByApplication,
  roundParticipants,
  sessionView,
  sessionViews,
  type BlueprintRow,
  type Participant,
} from './cat-sessions.repo.js';
import { catSessionPinFailures, catVenueChoices } from './cat-sessions.table.js';
import { loadPaperSections } from './papers.js';

const zoneOf = (timezone: string) => (isAgencyZone(timezone) ? timezone : 'Asia/Jakarta');

// ---- Venues and rooms ------------------------------------------------------------------------------

export async function listVenues(db: Db, { agencyId }: { agencyId: string }): Promise<CatVenue[]> {
  const venues = await db.select().from(catVenues).where(eq(catVenues.agencyId, agencyId)).orderBy(asc(catVenues.name), asc(catVenues.id));
  const rooms = await db
    .select({ room: catRooms, sessions: sql<number>`(select count(*) from ${catSessions} where ${catSessions.roomId} = ${catRooms.id})`.mapWith(Number) })
    .from(catRooms)
    .where(eq(catRooms.agencyId, agencyId))
    .orderBy(asc(catRooms.name), asc(catRooms.id));
  return venues.map((venue) => ({
    id: venue.id,
    name: venue.name,
    address: venue.address,
    createdAt: venue.createdAt.toISOString(),
    rooms: rooms.filter((r) => r.room.venueId === venue.id).map((r) => ({ id: r.room.id, venueId: venue.id, name: r.room.name, seats: r.room.seats, sessions: r.sessions })),
  }));
}

async function venueView(db: Db, agencyId: string, venueId: string) {
  const venue = (await listVenues(db, { agencyId })).find((v) => v.id === venueId);
  if (!venue) throw notFound('Lokasi ujian');
  return venue;
}

async function findVenue(db: Db, agencyId: string, venueId: string, lock = false) {
  const query = db.select().from(catVenues).where(and(eq(catVenues.agencyId, agencyId), eq(catVenues.id, venueId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Lokasi ujian');
  return row;
}

export type CreateVenueOptions = { actorId: string; agencyId: string; data: VenueBody };

export async function createVenue(db: Db, { actorId, agencyId, data }: CreateVenueOptions) {
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(catVenues).values({ agencyId, ...data }).returning();
    await recordAudit(tx, { agencyId, actorId, action: 'cat_venue.create', targetType: 'cat_venue', targetId: row!.id, after: data });
    return row!.id;
  });
  return venueView(db, agencyId, id);
}

export type UpdateVenueOptions = CreateVenueOptions & { venueId: string };

export async function updateVenue(db: Db, { actorId, agencyId, venueId, data }: UpdateVenueOptions) {
  await db.transaction(async (tx) => {
    const before = await findVenue(tx, agencyId, venueId, true);
    await tx.update(catVenues).set(data).where(eq(catVenues.id, venueId));
    await recordAudit(tx, { agencyId, actorId, action: 'cat_venue.update', targetType: 'cat_venue', targetId: venueId, before: { name: before.name, address: before.address }, after: data });
  });
  return venueView(db, agencyId, venueId);
}

export type VenueRef = { actorId: string; agencyId: string; venueId: string };

/** Refused while a room of the venue holds sessions: their participants were told to come here. */
export async function deleteVenue(db: Db, { actorId, agencyId, venueId }: VenueRef) {
  await db.transaction(async (tx) => {
    const before = await findVenue(tx, agencyId, venueId, true);
    const [used] = await tx
      .select({ n: count() })
      .from(catSessions)
      .innerJoin(catRooms, eq(catRooms.id, catSessions.roomId))
      .where(eq(catRooms.venueId, venueId));
    if (used && used.n > 0) throw new AppError('CONFLICT', `Lokasi "${before.name}" masih dipakai ${used.n} sesi ujian; hapus atau pindahkan sesinya terlebih dahulu.`);
    await tx.delete(catRooms).where(eq(catRooms.venueId, venueId));
    await tx.delete(catVenues).where(eq(catVenues.id, venueId));
    await recordAudit(tx, { agencyId, actorId, action: 'cat_venue.delete', targetType: 'cat_venue', targetId: venueId, before: { name: before.name, address: before.address } });
  });
}

export type CreateRoomOptions = { actorId: string; agencyId: string; venueId: string; data: RoomBody };

export async function createRoom(db: Db, { actorId, agencyId, venueId, data }: CreateRoomOptions) {
  await db.transaction(async (tx) => {
    await findVenue(tx, agencyId, venueId, true);
    const [row] = await tx.insert(catRooms).values({ agencyId, venueId, ...data }).returning();
    await recordAudit(tx, { agencyId, actorId, action: 'cat_room.create', targetType: 'cat_room', targetId: row!.id, after: { venueId, ...data } });
  });
  return venueView(db, agencyId, venueId);
}

export type UpdateRoomOptions = { actorId: string; agencyId: string; roomId: string; data: RoomBody };

/** Fewer seats are refused while a seat above the new number is taken in a session not yet closed. */
export async function updateRoom(db: Db, { actorId, agencyId, roomId, data }: UpdateRoomOptions) {
  const venueId = await db.transaction(async (tx) => {
    const { room } = await findRoom(tx, { agencyId, roomId });
    await tx.select().from(catRooms).where(eq(catRooms.id, roomId)).for('update');
    const [highest] = await tx
      .select({ seat: sql<number | null>`max(${catAttempts.seat})` })
      .from(catAttempts)
      .innerJoin(catSessions, eq(catSessions.id, catAttempts.sessionId))
      .where(and(eq(catSessions.roomId, roomId), ne(catSessions.status, 'closed')));
    if (highest?.seat && highest.seat > data.seats) {
      throw new AppError('CONFLICT', `Kursi nomor ${highest.seat} di ruang ini sudah terisi peserta; jumlah kursi tidak dapat kurang dari ${highest.seat}.`, { seats: `minimal ${highest.seat}` });
    }
    await tx.update(catRooms).set(data).where(eq(catRooms.id, roomId));
    await recordAudit(tx, { agencyId, actorId, action: 'cat_room.update', targetType: 'cat_room', targetId: roomId, before: { name: room.name, seats: room.seats }, after: data });
    return room.venueId;
  });
  return venueView(db, agencyId, venueId);
}

export type RoomRef = { actorId: string; agencyId: string; roomId: string };

export async function deleteRoom(db: Db, { actorId, agencyId, roomId }: RoomRef) {
  await db.transaction(async (tx) => {
    const { room } = await findRoom(tx, { agencyId, roomId });
    const [used] = await tx.select({ n: count() }).from(catSessions).where(eq(catSessions.roomId, roomId));
    if (used && used.n > 0) throw new AppError('CONFLICT', `Ruang "${room.name}" masih dipakai ${used.n} sesi ujian.`);
    await tx.delete(catRooms).where(eq(catRooms.id, roomId));
    await recordAudit(tx, { agencyId, actorId, action: 'cat_room.delete', targetType: 'cat_room', targetId: roomId, before: { name: room.name, seats: room.seats } });
  });
}

// ---- CAT stages and sessions -----------------------------------------------------------------------

/** The agency's CAT stages (one blueprint each) with their sessions, seats and participants. */
export async function listStages(db: Db, { agencyId }: { agencyId: string }): Promise<CatStage[]> {
  const rows = await db
    .select({
      blueprint: catBlueprints,
      selectionName: selections.name,
      sessions: sql<number>`(select count(*) from ${catSessions} where ${catSessions.blueprintId} = ${catBlueprints.id})`.mapWith(Number),
      seats: sql<number>`(select coalesce(sum(r.seats), 0) from ${catSessions} s join ${catRooms} r on r.id = s.room_id where s.blueprint_id = ${catBlueprints.id})`.mapWith(Number),
      participants: sql<number>`(select count(*) from ${applications} a where a.selection_id = ${catBlueprints.selectionId} and a.agency_id = ${catBlueprints.agencyId} and a.status = 'ms')`.mapWith(Number),
      allocated: sql<number>`(select count(*) from ${catAttempts} t where t.blueprint_id = ${catBlueprints.id} and t.session_id is not null)`.mapWith(Number),
      started: sql<number>`(select count(*) from ${catAttempts} t where t.blueprint_id = ${catBlueprints.id} and t.status in ('active', 'finished'))`.mapWith(Number),
    })
    .from(catBlueprints)
    .innerJoin(selections, eq(selections.id, catBlueprints.selectionId))
    .where(eq(catBlueprints.agencyId, agencyId))
    .orderBy(asc(selections.name), asc(catBlueprints.name));
  return rows.map(({ blueprint, ...rest }) => ({
    blueprintId: blueprint.id,
    blueprintName: blueprint.name,
    selectionId: blueprint.selectionId,
    stageKey: blueprint.stageKey,
    durationMinutes: blueprint.durationMinutes,
    extraMinutes: blueprint.extraMinutes,
    ...rest,
  }));
}

export type ListSessionsOptions = { agencyId: string; blueprintId?: string | undefined; status?: SessionStatus | undefined };

export function listSessions(db: Db, options: ListSessionsOptions) {
  return sessionViews(db, options);
}

export { sessionView as getSession };

type RoomUse = { startsAt: Date; blueprint: Pick<BlueprintRow, 'durationMinutes' | 'extraMinutes'> };

/** A room holds one session at a time: from its start to its start plus its longest attempt. */
async function assertRoomFree(db: Db, options: { roomId: string; exceptSessionId?: string; planned: RoomUse }) {
  const others = await db
    .select({ id: catSessions.id, name: catSessions.name, startsAt: catSessions.startsAt, durationMinutes: catBlueprints.durationMinutes, extraMinutes: catBlueprints.extraMinutes })
    .from(catSessions)
    .innerJoin(catBlueprints, eq(catBlueprints.id, catSessions.blueprintId))
    .where(and(eq(catSessions.roomId, options.roomId), options.exceptSessionId ? ne(catSessions.id, options.exceptSessionId) : undefined));
  const start = options.planned.startsAt.getTime();
  const end = sessionRoomEnd({ startsAt: options.planned.startsAt, ...options.planned.blueprint }).getTime();
  const clash = others.find((o) => o.startsAt.getTime() < end && sessionRoomEnd({ startsAt: o.startsAt, durationMinutes: o.durationMinutes, extraMinutes: o.extraMinutes }).getTime() > start);
  if (clash) {
    throw new AppError('CONFLICT', `Ruang ini sudah dipakai sesi "${clash.name}" pada waktu yang bertumpuk.`, { startsAt: 'Waktu bertumpuk dengan sesi lain di ruang yang sama' });
  }
}

function futureStart(startsAt: string, now: Date): Date {
  const date = new Date(startsAt);
  if (date.getTime() <= now.getTime()) throw validationFailed({ startsAt: 'Waktu mulai sudah lewat; pilih waktu yang akan datang' }, 'Sesi tidak dapat dijadwalkan pada waktu yang sudah lewat.');
  return date;
}

export type CreateSessionOptions = { actorId: string; agencyId: string; data: SessionBody; now?: Date };

export async function createSession(db: Db, { actorId, agencyId, data, now = new Date() }: CreateSessionOptions) {
  const startsAt = futureStart(data.startsAt, now);
  const id = await db.transaction(async (tx) => {
    const { blueprint } = await findBlueprint(tx, { agencyId, blueprintId: data.blueprintId, lock: true });
    const { room } = await findRoom(tx, { agencyId, roomId: data.roomId });
    await tx.select().from(catRooms).where(eq(catRooms.id, room.id)).for('update');
    await assertRoomFree(tx, { roomId: room.id, planned: { startsAt, blueprint } });
    const [row] = await tx
      .insert(catSessions)
      .values({ agencyId, selectionId: blueprint.selectionId, blueprintId: blueprint.id, roomId: room.id, name: data.name, startsAt })
      .returning();
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'cat_session.create',
      targetType: 'cat_session',
      targetId: row!.id,
      after: { name: data.name, blueprintId: blueprint.id, roomId: room.id, startsAt: startsAt.toISOString(), seats: room.seats },
    });
    return row!.id;
  });
  return sessionView(db, { agencyId, sessionId: id });
}

export type UpdateSessionOptions = { actorId: string; agencyId: string; sessionId: string; data: SessionUpdateBody; now?: Date };

/** Only before the session opens; a smaller room must still hold every seat already given. */
export async function updateSession(db: Db, { actorId, agencyId, sessionId, data, now = new Date() }: UpdateSessionOptions) {
  const startsAt = futureStart(data.startsAt, now);
  await db.transaction(async (tx) => {
    const before = await findSession(tx, { agencyId, sessionId });
    const { blueprint } = await findBlueprint(tx, { agencyId, blueprintId: before.blueprintId, lock: true });
    const session = await findSession(tx, { agencyId, sessionId, lock: true });
    if (session.status !== 'scheduled') throw new AppError('INVALID_STATE', 'Sesi yang sudah dibuka atau ditutup tidak dapat diubah.');
    const { room } = await findRoom(tx, { agencyId, roomId: data.roomId });
    await tx.select().from(catRooms).where(eq(catRooms.id, room.id)).for('update');
    const [highest] = await tx.select({ seat: sql<number | null>`max(${catAttempts.seat})`, n: count() }).from(catAttempts).where(eq(catAttempts.sessionId, sessionId));
    if (highest && highest.n > room.seats) {
      throw new AppError('CONFLICT', `Sesi ini sudah berisi ${highest.n} peserta, melebihi ${room.seats} kursi ruang "${room.name}".`, { roomId: 'Kursi ruang tidak cukup' });
    }
    if (highest?.seat && highest.seat > room.seats) {
      throw new AppError('CONFLICT', `Kursi nomor ${highest.seat} sudah diberikan kepada peserta, tetapi ruang "${room.name}" hanya ${room.seats} kursi. Pindahkan pesertanya terlebih dahulu.`, { roomId: 'Nomor kursi peserta melebihi kursi ruang' });
    }
    await assertRoomFree(tx, { roomId: room.id, exceptSessionId: sessionId, planned: { startsAt, blueprint } });
    await tx.update(catSessions).set({ name: data.name, roomId: room.id, startsAt }).where(eq(catSessions.id, sessionId));
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'cat_session.update',
      targetType: 'cat_session',
      targetId: sessionId,
      before: { name: session.name, roomId: session.roomId, startsAt: session.startsAt.toISOString() },
      after: { name: data.name, roomId: room.id, startsAt: startsAt.toISOString() },
    });
  });
  return sessionView(db, { agencyId, sessionId });
}

export type SessionActionOptions = { actorId: string; agencyId: string; sessionId: string };

/** Only an empty session that was never opened. */
export async function deleteSession(db: Db, { actorId, agencyId, sessionId }: SessionActionOptions) {
  await db.transaction(async (tx) => {
    const session = await findSession(tx, { agencyId, sessionId, lock: true });
    if (session.status !== 'scheduled') throw new AppError('INVALID_STATE', 'Sesi yang sudah dibuka atau ditutup tidak dapat dihapus.');
    const [held] = await tx.select({ n: count() }).from(catAttempts).where(eq(catAttempts.sessionId, sessionId));
    if (held && held.n > 0) throw new AppError('CONFLICT', `Sesi "${session.name}" berisi ${held.n} peserta; pindahkan pesertanya terlebih dahulu.`);
    await tx.delete(catSessions).where(eq(catSessions.id, sessionId));
    await recordAudit(tx, { agencyId, actorId, action: 'cat_session.delete', targetType: 'cat_session', targetId: sessionId, before: { name: session.name, roomId: session.roomId, startsAt: session.startsAt.toISOString() } });
  });
}

// ---- Allocation ------------------------------------------------------------------------------------

export type AllocationRef = { agencyId: string; blueprintId: string };

export async function getAllocation(db: Db, { agencyId, blueprintId }: AllocationRef): Promise<CatAllocation> {
  const { blueprint, selectionName } = await findBlueprint(db, { agencyId, blueprintId });
  const [participants, attempts, sessions] = await Promise.all([
    roundParticipants(db, { agencyId, selectionId: blueprint.selectionId }),
    db.select().from(catAttempts).where(eq(catAttempts.blueprintId, blueprintId)).orderBy(asc(catAttempts.seat)),
    sessionViews(db, { agencyId, blueprintId }),
  ]);
  const known = await participantsByApplication(db, attempts.map((a) => a.applicationId));
  const seated = new Set(attempts.filter((a) => a.sessionId).map((a) => a.applicationId));
  const present = (a: (typeof attempts)[number]) => {
    const p = known.get(a.applicationId);
    return {
      attemptId: a.id,
      applicationId: a.applicationId,
      registrationNumber: p?.registrationNumber ?? '',
      name: p?.name ?? '',
      formasi: p?.formasi ?? '',
      formasiKind: a.formasiKind,
      seat: a.seat,
      status: a.status as 'allocated',
      need: a.need,
      suggestedNeed: p ? suggestedNeed({ disability: p.disability, formasiKind: p.formasiKind }) : null,
      durationSeconds: a.durationSeconds,
      venueChoice: p?.venueChoice ?? null,
    };
  };
  return {
    blueprintId,
    blueprintName: blueprint.name,
    selectionName,
    durationMinutes: blueprint.durationMinutes,
    extraMinutes: blueprint.extraMinutes,
    participants: participants.length,
    sessions: sessions.map((s) => ({ ...s, participants: attempts.filter((a) => a.sessionId === s.id).map(present) })),
    unallocated: participants
      .filter((p) => !seated.has(p.applicationId))
      .map((p) => ({ applicationId: p.applicationId, registrationNumber: p.registrationNumber, name: p.name, formasi: p.formasi, venueChoice: p.venueChoice })),
  };
}

/** The seed of a participant's paper: secret (an HMAC), so nobody can rebuild a paper from public ids. */
export function paperSeed(secret: string, blueprintId: string, applicationId: string): string {
  return createHmac('sha256', secret).update(`cat-paper:${blueprintId}:${applicationId}`).digest('hex');
}

const CHUNK = 1_000;
function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type PaperRow = { attemptId: string; questionId: string; position: number; optionOrder: string[] };

/**
 * Many paper items in one statement: four array parameters unnested (measured twice as fast as a
 * VALUES list on the embedded database). Option ids are tokens without commas (cat-banks:
 * [A-Za-z0-9_-]), so each option order travels as one comma-joined text.
 */
async function insertPaperItems(tx: Db, rows: readonly PaperRow[]) {
  if (rows.some((r) => r.optionOrder.some((id) => id.includes(',')))) throw new Error('option id with a comma');
  await tx.execute(sql`
    insert into ${catPaperItems} (attempt_id, question_id, position, option_order)
    select a, q, p, string_to_array(o, ',')
    from unnest(${sql.param(rows.map((r) => r.attemptId))}::uuid[], ${sql.param(rows.map((r) => r.questionId))}::uuid[], ${sql.param(rows.map((r) => r.position))}::int[], ${sql.param(rows.map((r) => r.optionOrder.join(',')))}::text[]) as t(a, q, p, o)`);
}

/** Sets session and seat of many attempts in one statement per chunk. */
async function seatAttempts(tx: Db, seats: Array<{ attemptId: string; sessionId: string; seat: number }>) {
  for (const part of chunks(seats)) {
    const values = sql.join(
      part.map((s) => sql`(${s.attemptId}::uuid, ${s.sessionId}::uuid, ${s.seat}::int)`),
      sql`, `,
    );
    await tx.execute(sql`update ${catAttempts} as a set session_id = v.session_id, seat = v.seat from (values ${values}) as v(id, session_id, seat) where a.id = v.id`);
  }
}

function shortfallMessage(shortfalls: ReadonlyArray<{ venueId: string | null; participants: number }>, venueNames: Map<string, string>) {
  const parts = shortfalls.map((s) => `${s.venueId ? `lokasi "${venueNames.get(s.venueId) ?? 'pilihan peserta'}"` : 'peserta tanpa pilihan lokasi'} kurang ${s.participants} kursi`);
  return `Kursi tidak cukup: ${parts.join('; ')}. Tambahkan sesi atau ruang, lalu ulangi pembagian. Tidak ada yang diubah.`;
}

export type RunAllocationOptions = AllocationRef & { actorId: string; reset: boolean; secret: string; now?: Date };

/**
 * Seats the round's MS participants in the blueprint's future, not yet opened sessions (core/cat-allocation)
 * and makes each new participant's attempt with its paper (core/cat-paper), all in one transaction
 * with its audit record: either everyone gets a seat and a paper, or nothing changes.
 * `reset` re-seats everyone and remakes every paper and working time from the blueprint as it is
 * now; it is refused once a session opened or a participant started.
 * Attempts of applications no longer MS that have not started are removed.
 */
export async function runAllocation(db: Db, { actorId, agencyId, blueprintId, reset, secret, now = new Date() }: RunAllocationOptions) {
  const outcome = await db.transaction(async (tx) => {
    const { blueprint } = await findBlueprint(tx, { agencyId, blueprintId, lock: true });
    const participants = await roundParticipants(tx, { agencyId, selectionId: blueprint.selectionId });
    const attempts = await tx.select().from(catAttempts).where(eq(catAttempts.blueprintId, blueprintId));
    const sessions = await tx
      .select({ session: catSessions, seats: catRooms.seats, venueId: catRooms.venueId })
      .from(catSessions)
      .innerJoin(catRooms, eq(catRooms.id, catSessions.roomId))
      .where(eq(catSessions.blueprintId, blueprintId));
    if (reset) {
      if (attempts.some((a) => a.status !== 'allocated')) throw new AppError('INVALID_STATE', 'Sudah ada peserta yang mulai ujian; pembagian ulang seluruh peserta tidak dapat dilakukan. Pindahkan peserta satu per satu.');
      if (sessions.some((s) => s.session.status !== 'scheduled')) throw new AppError('INVALID_STATE', 'Sudah ada sesi yang dibuka; pembagian ulang seluruh peserta tidak dapat dilakukan.');
    }
    const eligible = new Map(participants.map((p) => [p.applicationId, p]));
    const stale = attempts.filter((a) => !eligible.has(a.applicationId) && a.status === 'allocated');
    const staleIds = new Set(stale.map((a) => a.id));
    const byApplication = new Map(attempts.filter((a) => !staleIds.has(a.id)).map((a) => [a.applicationId, a]));
    const usable = sessions.filter((s) => s.session.status === 'scheduled' && s.session.startsAt.getTime() > now.getTime());
    const keeps = (a: (typeof attempts)[number]) => Boolean(a.sessionId) && !reset;
    const toSeat = participants.filter((p) => {
      const attempt = byApplication.get(p.applicationId);
      return !attempt || !keeps(attempt);
    });
    const formasiOf = new Map(participants.map((p) => [p.applicationId, p.formasiId]));
    const result = allocate({
      sessions: usable.map((s) => ({
        id: s.session.id,
        venueId: s.venueId,
        startsAt: s.session.startsAt.getTime(),
        capacity: s.seats,
        occupants: reset
          ? []
          : attempts
              .filter((a) => a.sessionId === s.session.id && a.seat !== null && !staleIds.has(a.id))
              .map((a) => ({ seat: a.seat!, formasiId: formasiOf.get(a.applicationId) ?? a.formasiId })),
      })),
      participants: toSeat.map((p) => ({ id: p.applicationId, formasiId: p.formasiId, venueId: p.venueChoice, registrationNumber: p.registrationNumber })),
    });
    if (result.unplaced.length) {
      const venues = await tx.select({ id: catVenues.id, name: catVenues.name }).from(catVenues).where(eq(catVenues.agencyId, agencyId));
      throw new AppError('CONFLICT', shortfallMessage(result.shortfalls, new Map(venues.map((v) => [v.id, v.name]))));
    }

    const fresh = toSeat.filter((p) => !byApplication.has(p.applicationId));
    // A reset also remakes every paper and working time from the blueprint as it is now, so a
    // blueprint changed after an earlier allocation reaches everyone (nobody has started).
    const remade = reset ? [...byApplication.values()] : [];
    const sections = fresh.length || remade.length ? await loadPaperSections(tx, { agencyId, blueprint }) : [];
    const placementOf = new Map(result.placements.map((p) => [p.participantId, p]));
    const duration = (need: string | null) => attemptDurationSeconds({ durationMinutes: blueprint.durationMinutes, extraMinutes: blueprint.extraMinutes, need });

    if (stale.length) await tx.delete(catAttempts).where(inArray(catAttempts.id, [...staleIds]));
    if (reset) await tx.update(catAttempts).set({ sessionId: null, seat: null }).where(eq(catAttempts.blueprintId, blueprintId));
    await seatAttempts(
      tx,
      toSeat
        .filter((p) => byApplication.has(p.applicationId))
        .map((p) => ({ attemptId: byApplication.get(p.applicationId)!.id, sessionId: placementOf.get(p.applicationId)!.sessionId, seat: placementOf.get(p.applicationId)!.seat })),
    );
    for (const need of new Set(remade.map((a) => a.need))) {
      const ids = remade.filter((a) => a.need === need).map((a) => a.id);
      for (const part of chunks(ids)) await tx.update(catAttempts).set({ durationSeconds: duration(need) }).where(inArray(catAttempts.id, part));
    }
    for (const part of chunks(remade.map((a) => a.id))) await tx.delete(catPaperItems).where(inArray(catPaperItems.attemptId, part));

    const writePapers = async (attempts: ReadonlyArray<{ id: string; applicationId: string }>) => {
      const items = attempts.flatMap((attempt) =>
        buildPaper({ sections, seed: paperSeed(secret, blueprintId, attempt.applicationId) }).map((item) => ({
          attemptId: attempt.id,
          questionId: item.questionId,
          position: item.position,
          optionOrder: [...item.optionOrder],
        })),
      );
      for (const rows of chunks(items, 20_000)) await insertPaperItems(tx, rows);
      return attempts.length;
    };
    let papers = 0;
    for (const part of chunks(remade, 500)) papers += await writePapers(part);
    for (const part of chunks(fresh, 500)) {
      const created = await tx
        .insert(catAttempts)
        .values(
          part.map((p) => {
            const need = suggestedNeed({ disability: p.disability, formasiKind: p.formasiKind });
            const placement = placementOf.get(p.applicationId)!;
            return {
              agencyId,
              selectionId: blueprint.selectionId,
              blueprintId,
              sessionId: placement.sessionId,
              seat: placement.seat,
              applicationId: p.applicationId,
              accountId: p.accountId,
              formasiId: p.formasiId,
              formasiKind: p.formasiKind,
              need,
              durationSeconds: duration(need),
            };
          }),
        )
        .returning({ id: catAttempts.id, applicationId: catAttempts.applicationId });
      papers += await writePapers(created);
    }

    const bySession: Record<string, number> = {};
    for (const p of result.placements) bySession[p.sessionId] = (bySession[p.sessionId] ?? 0) + 1;
    const placementsSha256 = canonicalSha256([...result.placements].sort((a, b) => byText(a.participantId, b.participantId)).map((p) => [p.participantId, p.sessionId, p.seat]));
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'cat_allocation.run',
      targetType: 'cat_blueprint',
      targetId: blueprintId,
      after: { placed: result.placements.length, papers, removed: stale.length, bySession, placementsSha256 },
      details: { reset },
    });
    return { placed: result.placements.length, papers, removed: stale.length };
  });
  return { ...outcome, allocation: await getAllocation(db, { agencyId, blueprintId }) };
}

async function lockAttempt(tx: Db, { agencyId, attemptId }: { agencyId: string; attemptId: string }) {
  const [attempt] = await tx.select().from(catAttempts).where(and(eq(catAttempts.agencyId, agencyId), eq(catAttempts.id, attemptId)));
  if (!attempt) throw notFound('Peserta ujian');
  // The blueprint first, then the attempt: the order allocation takes its locks in.
  const { blueprint } = await findBlueprint(tx, { agencyId, blueprintId: attempt.blueprintId, lock: true });
  const [locked] = await tx.select().from(catAttempts).where(eq(catAttempts.id, attemptId)).for('update');
  return { attempt: locked!, blueprint };
}

const startedRefusal = () => new AppError('INVALID_STATE', 'Peserta sudah mulai atau selesai ujian; jadwal dan waktunya tidak dapat diubah lagi.');

export type SetNeedOptions = { actorId: string; agencyId: string; attemptId: string; need: string | null };

/** The panel confirms or changes a participant's need; the working time follows the blueprint's extra minutes. */
export async function setNeed(db: Db, { actorId, agencyId, attemptId, need }: SetNeedOptions) {
  return db.transaction(async (tx) => {
    const { attempt, blueprint } = await lockAttempt(tx, { agencyId, attemptId });
    if (attempt.status !== 'allocated') throw startedRefusal();
    if (need !== null && !Object.hasOwn(blueprint.extraMinutes, need)) {
      const known = Object.keys(blueprint.extraMinutes);
      throw validationFailed({ need: known.length ? `Pilih salah satu: ${known.join(', ')}` : 'Cetak biru ini tidak memberi waktu tambahan untuk kebutuhan khusus' });
    }
    const durationSeconds = attemptDurationSeconds({ durationMinutes: blueprint.durationMinutes, extraMinutes: blueprint.extraMinutes, need });
    await tx.update(catAttempts).set({ need, durationSeconds }).where(eq(catAttempts.id, attemptId));
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'cat_attempt.need',
      targetType: 'cat_attempt',
      targetId: attemptId,
      before: { need: attempt.need, durationSeconds: attempt.durationSeconds },
      after: { need, durationSeconds },
    });
    return { need, durationSeconds };
  });
}

export type MoveParticipantOptions = { actorId: string; agencyId: string; attemptId: string; sessionId: string; seat?: number | undefined; reason: string; now?: Date };

/** A manual move to another session of the same stage (or another seat), with its reason; never once started. */
export async function moveParticipant(db: Db, { actorId, agencyId, attemptId, sessionId, seat, reason, now = new Date() }: MoveParticipantOptions) {
  return db.transaction(async (tx) => {
    const { attempt } = await lockAttempt(tx, { agencyId, attemptId });
    if (attempt.status !== 'allocated') throw new AppError('INVALID_STATE', 'Peserta sudah mulai atau selesai ujian; peserta tidak dapat dipindah sesi. Untuk pindah komputer gunakan konsol pengawas.');
    const target = await findSession(tx, { agencyId, sessionId, lock: true });
    if (target.blueprintId !== attempt.blueprintId) throw validationFailed({ sessionId: 'Sesi tujuan bukan untuk ujian yang sama' });
    if (target.status === 'closed') throw new AppError('INVALID_STATE', 'Sesi tujuan sudah ditutup.');
    if (target.status === 'scheduled' && target.startsAt.getTime() <= now.getTime()) {
      throw new AppError('INVALID_STATE', 'Waktu mulai sesi tujuan sudah lewat dan sesi itu belum dibuka.');
    }
    if (target.id === attempt.sessionId && (seat === undefined || seat === attempt.seat)) throw validationFailed({ sessionId: 'Peserta sudah berada di sesi dan kursi ini' });
    const [{ room }, taken] = await Promise.all([
      findRoom(tx, { agencyId, roomId: target.roomId }),
      tx.select({ seat: catAttempts.seat }).from(catAttempts).where(and(eq(catAttempts.sessionId, target.id), ne(catAttempts.id, attemptId), isNotNull(catAttempts.seat))),
    ]);
    const chosen = pickSeat({ capacity: room.seats, taken: taken.map((t) => t.seat!), requested: seat });
    if (chosen === null) {
      throw seat === undefined
        ? new AppError('CONFLICT', `Sesi "${target.name}" sudah penuh (${room.seats} kursi).`, { sessionId: 'Sesi penuh' })
        : new AppError('CONFLICT', seat > room.seats ? `Ruang ini hanya ${room.seats} kursi.` : `Kursi nomor ${seat} sudah terisi.`, { seat: 'Kursi tidak tersedia' });
    }
    await tx.update(catAttempts).set({ sessionId: target.id, seat: chosen }).where(eq(catAttempts.id, attemptId));
    const from = { sessionId: attempt.sessionId, seat: attempt.seat };
    const to = { sessionId: target.id, seat: chosen };
    await tx.insert(catAttemptEvents).values({ attemptId, kind: 'moved', detail: { from, to, reason, by: actorId }, at: now });
    await recordAudit(tx, { agencyId, actorId, action: 'cat_attempt.move', targetType: 'cat_attempt', targetId: attemptId, before: from, after: to, details: { reason } });
    return to;
  });
}

// ---- Session PIN -----------------------------------------------------------------------------------

/** Wrong PINs a session accepts before its PIN stops working until the proctor reveals a new one. */
export const PIN_FAILURE_LIMIT = 20;
// Low-cost argon2: a 6-digit PIN is protected by the failure limit and its short life, not by the
// hash's cost alone; the hash keeps it unreadable from a database copy for the length of a session.
const PIN_HASH_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function newPin(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function hashPin(pin: string): Promise<string> {
  return hash(pin, PIN_HASH_OPTIONS);
}

/**
 * PINs already checked against their hash, per session: at the start of a session hundreds of
 * participants enter the same PIN within a minute, and one argon2 check per process is enough.
 * Keyed by the stored hash, so a newly revealed PIN replaces the entry.
 */
const verifiedPins = new Map<string, { pinHash: string; pin: Buffer }>();
const VERIFIED_PINS_MAX = 10_000;

export type VerifySessionPinOptions = { sessionId: string; pin: string };

/**
 * For the exam runtime (server/modules/cat-exam): whether `pin` is the current PIN of an open
 * session. false for a wrong or malformed PIN, a session that is not open, or a PIN past its
 * failure limit (PIN_FAILURE_LIMIT wrong entries since it was revealed; the proctor then reveals a
 * new one). Every wrong entry is counted and shown on the proctor's console. The comparison is
 * constant-time: argon2 verify the first time, timingSafeEqual against the verified PIN after.
 */
export async function verifySessionPin(db: Db, { sessionId, pin }: VerifySessionPinOptions): Promise<boolean> {
  const [row] = await db
    .select({ status: catSessions.status, pinHash: catSessions.pinHash, failures: catSessionPinFailures.failures })
    .from(catSessions)
    .leftJoin(catSessionPinFailures, eq(catSessionPinFailures.sessionId, catSessions.id))
    .where(eq(catSessions.id, sessionId));
  if (!row || row.status !== 'open' || !row.pinHash) return false;
  if ((row.failures ?? 0) >= PIN_FAILURE_LIMIT) return false;
  const given = Buffer.from(/^\d{6}$/.test(pin) ? pin : '');
  let ok: boolean;
  const known = verifiedPins.get(sessionId);
  if (known && known.pinHash === row.pinHash) {
    ok = given.length === known.pin.length && timingSafeEqual(given, known.pin);
  } else {
    ok = given.length === 6 && (await verify(row.pinHash, pin).catch(() => false));
    if (ok) {
      if (verifiedPins.size >= VERIFIED_PINS_MAX) verifiedPins.clear();
      verifiedPins.set(sessionId, { pinHash: row.pinHash, pin: given });
    }
  }
  if (!ok) {
    await db
      .insert(catSessionPinFailures)
      .values({ sessionId, failures: 1, lastFailureAt: new Date() })
      .onConflictDoUpdate({ target: catSessionPinFailures.sessionId, set: { failures: sql`${catSessionPinFailures.failures} + 1`, lastFailureAt: new Date() } });
  }
  return ok;
}

// ---- Applicant: venue choice -----------------------------------------------------------------------

async function ownApplication(db: Db, { accountId, applicationId }: { accountId: string; applicationId: string }) {
  const [row] = await db.select().from(applications).where(and(eq(applications.id, applicationId), eq(applications.accountId, accountId)));
  if (!row) throw notFound('Pendaftaran');
  return row;
}

/** Venues where the round holds CAT sessions. */
async function roundVenues(db: Db, selectionId: string) {
  return db
    .selectDistinct({ id: catVenues.id, name: catVenues.name, address: catVenues.address })
    .from(catSessions)
    .innerJoin(catRooms, eq(catRooms.id, catSessions.roomId))
    .innerJoin(catVenues, eq(catVenues.id, catRooms.venueId))
    .where(eq(catSessions.selectionId, selectionId))
    .orderBy(asc(catVenues.name), asc(catVenues.id));
}

/** The applicant's CAT facts per MS application: venues to choose from, the choice, and each seat given. */
export async function ownCat(db: Db, { accountId }: { accountId: string }) {
  const rows = await db
    .select({ application: applications, selectionName: selections.name, venueId: catVenueChoices.venueId })
    .from(applications)
    .innerJoin(selections, eq(selections.id, applications.selectionId))
    .leftJoin(catVenueChoices, eq(catVenueChoices.applicationId, applications.id))
    .where(and(eq(applications.accountId, accountId), eq(applications.status, 'ms')))
    .orderBy(asc(applications.createdAt));
  return Promise.all(
    rows.map(async ({ application, selectionName, venueId }) => {
      const [venues, attempts, agency] = await Promise.all([
        roundVenues(db, application.selectionId),
        db
          .select({ attempt: catAttempts, blueprintName: catBlueprints.name, session: catSessions, roomName: catRooms.name, venueName: catVenues.name, venueAddress: catVenues.address })
          .from(catAttempts)
          .innerJoin(catBlueprints, eq(catBlueprints.id, catAttempts.blueprintId))
          .leftJoin(catSessions, eq(catSessions.id, catAttempts.sessionId))
          .leftJoin(catRooms, eq(catRooms.id, catSessions.roomId))
          .leftJoin(catVenues, eq(catVenues.id, catRooms.venueId))
          .where(eq(catAttempts.applicationId, application.id))
          .orderBy(asc(catSessions.startsAt)),
        agencyZone(db, application.agencyId),
      ]);
      return {
        applicationId: application.id,
        registrationNumber: application.registrationNumber ?? '',
        selectionName,
        agencyName: agency.name,
        agencyTimezone: zoneOf(agency.timezone),
        venues,
        chosenVenueId: venueId ?? null,
        choiceOpen: !attempts.some((a) => a.session),
        attempts: attempts.map((a) => ({
          attemptId: a.attempt.id,
          blueprintName: a.blueprintName,
          status: a.attempt.status as 'allocated',
          sessionName: a.session?.name ?? null,
          venueName: a.venueName,
          venueAddress: a.venueAddress,
          roomName: a.roomName,
          seat: a.attempt.seat,
          startsAt: a.session?.startsAt.toISOString() ?? null,
        })),
      };
    }),
  );
}

export type ChooseVenueOptions = { accountId: string; applicationId: string; venueId: string | null };

/** Before the applicant has a seat: one of the round's venues, or null for any venue. */
export async function chooseVenue(db: Db, { accountId, applicationId, venueId }: ChooseVenueOptions) {
  await db.transaction(async (tx) => {
    const application = await ownApplication(tx, { accountId, applicationId });
    if (application.status !== 'ms') throw new AppError('INVALID_STATE', 'Pilihan lokasi ujian hanya untuk pendaftar yang Memenuhi Syarat.');
    await tx.select().from(applications).where(eq(applications.id, applicationId)).for('update');
    const [seated] = await tx.select({ id: catAttempts.id }).from(catAttempts).where(and(eq(catAttempts.applicationId, applicationId), isNotNull(catAttempts.sessionId)));
    if (seated) throw new AppError('INVALID_STATE', 'Anda sudah mendapat jadwal dan kursi ujian; lokasi tidak dapat diubah lagi. Hubungi panitia bila ada kendala.');
    if (venueId && !(await roundVenues(tx, application.selectionId)).some((v) => v.id === venueId)) {
      throw validationFailed({ venueId: 'Lokasi ini bukan lokasi ujian seleksi Anda' });
    }
    const [before] = await tx.select().from(catVenueChoices).where(eq(catVenueChoices.applicationId, applicationId));
    await tx
      .insert(catVenueChoices)
      .values({ applicationId, agencyId: application.agencyId, selectionId: application.selectionId, venueId, updatedAt: new Date() })
      .onConflictDoUpdate({ target: catVenueChoices.applicationId, set: { venueId, updatedAt: new Date() } });
    await recordAudit(tx, {
      agencyId: application.agencyId,
      actorId: accountId,
      action: 'cat_venue_choice.set',
      targetType: 'application',
      targetId: applicationId,
      before: { venueId: before?.venueId ?? null },
      after: { venueId },
    });
  });
}

// ---- Shared by the console, the card and the lists -------------------------------------------------

export type SessionParticipant = { attempt: typeof catAttempts.$inferSelect; participant: Participant | undefined };

/** The attempts seated in a session, by seat, with their participants. */
export async function sessionParticipants(db: Db, { sessionId }: { sessionId: string }): Promise<SessionParticipant[]> {
  const attempts = await db.select().from(catAttempts).where(eq(catAttempts.sessionId, sessionId)).orderBy(asc(catAttempts.seat), asc(catAttempts.id));
  const known = await participantsByApplication(db, attempts.map((a) => a.applicationId));
  return attempts.map((attempt) => ({ attempt, participant: known.get(attempt.applicationId) }));
}

export function startText(startsAt: Date, timezone: string): string {
  return formatInZone(startsAt, zoneOf(timezone));
}
