import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { sessionRoomEnd } from '../../../core/cat-allocation.js';
import type { CatSession, SessionStatus } from '../../../core/schemas/cat-sessions.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { agencies } from '../agencies/agencies.table.js';
import { applicationDocuments, applications } from '../applications/applications.table.js';
import { catAttempts, catBlueprints, catRooms, catSessions, catVenues } from '../cat/cat.table.js';
import { files } from '../files/files.table.js';
import { formasi } from '../formasi/formasi.table.js';
import { selections } from '../selections/selections.table.js';
import { catVenueChoices } from './cat-sessions.table.js';

/*
 * Reads across modules for sessions and allocation. The registration and banks modules own these
 * tables and write them; this module only reads the columns it needs (the participants, their
 * photos, the blueprint a session runs), in one query each instead of a call per participant.
 */

export type BlueprintRow = typeof catBlueprints.$inferSelect;
export type SessionRow = typeof catSessions.$inferSelect;
export type AttemptRow = typeof catAttempts.$inferSelect;
export type RoomRow = typeof catRooms.$inferSelect;

export type BlueprintRef = { agencyId: string; blueprintId: string; lock?: boolean };

/** A blueprint of the agency with its round's name; locked, it serialises every change of its allocation. */
export async function findBlueprint(db: Db, { agencyId, blueprintId, lock = false }: BlueprintRef) {
  const query = db
    .select({ blueprint: catBlueprints, selectionName: selections.name })
    .from(catBlueprints)
    .innerJoin(selections, eq(selections.id, catBlueprints.selectionId))
    .where(and(eq(catBlueprints.agencyId, agencyId), eq(catBlueprints.id, blueprintId)));
  const [row] = lock ? await query.for('update', { of: catBlueprints }) : await query;
  if (!row) throw notFound('Cetak biru ujian');
  return row;
}

export async function findRoom(db: Db, { agencyId, roomId }: { agencyId: string; roomId: string }) {
  const [row] = await db
    .select({ room: catRooms, venue: catVenues })
    .from(catRooms)
    .innerJoin(catVenues, eq(catVenues.id, catRooms.venueId))
    .where(and(eq(catRooms.agencyId, agencyId), eq(catRooms.id, roomId)));
  if (!row) throw notFound('Ruang ujian');
  return row;
}

export async function agencyZone(db: Db, agencyId: string): Promise<{ name: string; timezone: string }> {
  const [row] = await db.select({ name: agencies.name, timezone: agencies.timezone }).from(agencies).where(eq(agencies.id, agencyId));
  if (!row) throw notFound('Instansi');
  return row;
}

const allocatedCount = sql<number>`(select count(*) from ${catAttempts} where ${catAttempts.sessionId} = ${catSessions.id})`.mapWith(Number);

export type SessionFilter = { agencyId: string; sessionIds?: string[]; blueprintId?: string | undefined; status?: SessionStatus | undefined };

/** Sessions with their room, venue, blueprint and round, as the API presents them. */
export async function sessionViews(db: Db, filter: SessionFilter): Promise<CatSession[]> {
  const conditions: SQL[] = [eq(catSessions.agencyId, filter.agencyId)];
  if (filter.sessionIds) conditions.push(filter.sessionIds.length ? inArray(catSessions.id, filter.sessionIds) : sql`false`);
  if (filter.blueprintId) conditions.push(eq(catSessions.blueprintId, filter.blueprintId));
  if (filter.status) conditions.push(eq(catSessions.status, filter.status));
  const rows = await db
    .select({ session: catSessions, room: catRooms, venue: catVenues, blueprint: catBlueprints, selectionName: selections.name, allocated: allocatedCount })
    .from(catSessions)
    .innerJoin(catRooms, eq(catRooms.id, catSessions.roomId))
    .innerJoin(catVenues, eq(catVenues.id, catRooms.venueId))
    .innerJoin(catBlueprints, eq(catBlueprints.id, catSessions.blueprintId))
    .innerJoin(selections, eq(selections.id, catSessions.selectionId))
    .where(and(...conditions))
    .orderBy(asc(catSessions.startsAt), asc(catSessions.name), asc(catSessions.id));
  return rows.map(({ session, room, venue, blueprint, selectionName, allocated }) => ({
    id: session.id,
    name: session.name,
    selectionId: session.selectionId,
    selectionName,
    blueprintId: blueprint.id,
    blueprintName: blueprint.name,
    venueId: venue.id,
    venueName: venue.name,
    roomId: room.id,
    roomName: room.name,
    startsAt: session.startsAt.toISOString(),
    roomEndsAt: sessionRoomEnd({ startsAt: session.startsAt, durationMinutes: blueprint.durationMinutes, extraMinutes: blueprint.extraMinutes }).toISOString(),
    status: session.status as SessionStatus,
    capacity: room.seats,
    allocated,
    openedAt: session.openedAt?.toISOString() ?? null,
    closedAt: session.closedAt?.toISOString() ?? null,
  }));
}

export async function sessionView(db: Db, { agencyId, sessionId }: { agencyId: string; sessionId: string }): Promise<CatSession> {
  const [view] = await sessionViews(db, { agencyId, sessionIds: [sessionId] });
  if (!view) throw notFound('Sesi ujian');
  return view;
}

export type SessionRef = { agencyId: string; sessionId: string; lock?: boolean };

export async function findSession(db: Db, { agencyId, sessionId, lock = false }: SessionRef) {
  const query = db.select().from(catSessions).where(and(eq(catSessions.agencyId, agencyId), eq(catSessions.id, sessionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Sesi ujian');
  return row;
}

export type Participant = {
  applicationId: string;
  accountId: string;
  registrationNumber: string;
  name: string;
  disability: string;
  formasiId: string;
  formasi: string;
  formasiKind: string;
  venueChoice: string | null;
};

type Snapshot = { name?: unknown; disability?: unknown } | null;

function participantOf(row: {
  applicationId: string;
  accountId: string;
  registrationNumber: string | null;
  applicantName: string | null;
  snapshot: Record<string, unknown> | null;
  formasiId: string;
  positionName: string;
  unitName: string;
  kind: string;
  venueChoice: string | null;
}): Participant {
  const snapshot = row.snapshot as Snapshot;
  return {
    applicationId: row.applicationId,
    accountId: row.accountId,
    registrationNumber: row.registrationNumber ?? '',
    name: typeof snapshot?.name === 'string' ? snapshot.name : (row.applicantName ?? ''),
    disability: typeof snapshot?.disability === 'string' ? snapshot.disability : '',
    formasiId: row.formasiId,
    formasi: `${row.positionName} — ${row.unitName}`,
    formasiKind: row.kind,
    venueChoice: row.venueChoice,
  };
}

const participantColumns = {
  applicationId: applications.id,
  accountId: applications.accountId,
  registrationNumber: applications.registrationNumber,
  applicantName: applications.applicantName,
  snapshot: applications.profileSnapshot,
  formasiId: applications.formasiId,
  positionName: formasi.positionName,
  unitName: formasi.unitName,
  kind: formasi.kind,
  venueChoice: catVenueChoices.venueId,
};

/** The round's participants: its applications found eligible (MS) in the administrative selection. */
export async function roundParticipants(db: Db, { agencyId, selectionId }: { agencyId: string; selectionId: string }): Promise<Participant[]> {
  const rows = await db
    .select(participantColumns)
    .from(applications)
    .innerJoin(formasi, eq(formasi.id, applications.formasiId))
    .leftJoin(catVenueChoices, eq(catVenueChoices.applicationId, applications.id))
    .where(and(eq(applications.agencyId, agencyId), eq(applications.selectionId, selectionId), eq(applications.status, 'ms')))
    .orderBy(asc(applications.registrationNumber));
  return rows.map(participantOf);
}

/** The same facts for given applications, whatever their status (attempts keep their participant). */
export async function participantsByApplication(db: Db, applicationIds: string[]): Promise<Map<string, Participant>> {
  if (!applicationIds.length) return new Map();
  const rows = await db
    .select(participantColumns)
    .from(applications)
    .innerJoin(formasi, eq(formasi.id, applications.formasiId))
    .leftJoin(catVenueChoices, eq(catVenueChoices.applicationId, applications.id))
    .where(inArray(applications.id, applicationIds));
  return new Map(rows.map((row) => [row.applicationId, participantOf(row)]));
}

/** The pas foto of each application: the document named pas_foto, else one whose key names a photo but not a selfie. */
export async function applicantPhotos(db: Db, applicationIds: string[]) {
  if (!applicationIds.length) return new Map<string, typeof files.$inferSelect>();
  const rows = await db
    .select({ applicationId: applicationDocuments.applicationId, key: applicationDocuments.requirementKey, file: files })
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .where(and(inArray(applicationDocuments.applicationId, applicationIds), inArray(files.mime, ['image/jpeg', 'image/png'])));
  const rank = (key: string) => (key === 'pas_foto' ? 0 : key.includes('foto') && !key.includes('swa') ? 1 : 2);
  const photos = new Map<string, { rank: number; file: typeof files.$inferSelect }>();
  for (const row of rows) {
    const r = rank(row.key);
    if (r === 2) continue;
    const current = photos.get(row.applicationId);
    if (!current || r < current.rank) photos.set(row.applicationId, { rank: r, file: row.file });
  }
  return new Map([...photos].map(([id, { file }]) => [id, file]));
}
