import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { z } from 'zod';
import {
  CHECKIN_CODE_ALPHABET,
  CHECKIN_CODE_LENGTH,
  OUTREACH_AUDIENCE_LABELS,
  OUTREACH_AUDIENCES,
  cancellationProblem,
  capacityIssue,
  checkinUrl,
  checkInWindowProblem,
  eventIssues,
  formatCheckinCode,
  materialsAvailable,
  parseCheckinCode,
  registrationClosesAt,
  registrationProblem,
  seatFor,
  type OutreachAudience,
  type RegistrationStatus,
} from '../../../core/outreach.js';
import { OUTREACH_MATERIAL_MAX_BYTES, OUTREACH_MAX_MATERIALS, type createOutreachEventBody, type outreachRegistrationBody, type updateOutreachEventBody } from '../../../core/schemas/outreach.js';
import { formatInZone, isAgencyZone } from '../../../core/time.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { files } from '../files/files.table.js';
import { getFile, storeUpload, type StoredFile, type UploadPart } from '../files/files.service.js';
import { enqueueEmail } from '../notifications/notifications.service.js';
import { outreachEvents, outreachMaterials, outreachRegistrations } from './outreach.table.js';

export type OutreachDeps = { db: Db; config: Config };
export type EventRow = typeof outreachEvents.$inferSelect;
export type RegistrationRow = typeof outreachRegistrations.$inferSelect;

const iso = (date: Date | null) => date?.toISOString() ?? null;

// ---- small helpers -------------------------------------------------------------------------------

function newCheckinCode(): string {
  let code = '';
  for (let i = 0; i < CHECKIN_CODE_LENGTH; i += 1) code += CHECKIN_CODE_ALPHABET[randomInt(CHECKIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * The secret in a registrant's ticket link (view, QR, cancel): an HMAC of the registration id with
 * the server's secret, so nothing more is stored and a forged or guessed link is refused.
 */
export function ticketKey(secret: string, registrationId: string): string {
  return createHmac('sha256', secret).update(`outreach-ticket:${registrationId}`).digest('base64url').slice(0, 32);
}

function keyMatches(secret: string, registrationId: string, key: string): boolean {
  const expected = Buffer.from(ticketKey(secret, registrationId));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function ticketPath(registrationId: string, key: string) {
  return `/sosialisasi/tiket/${registrationId}?kunci=${key}`;
}

function maskEmail(address: string) {
  const [local = '', domain = ''] = address.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.min(6, Math.max(2, local.length - 1)))}@${domain}`;
}

function maskPhone(phone: string | null) {
  if (!phone) return null;
  return phone.length <= 6 ? '*'.repeat(phone.length) : `${phone.slice(0, 4)}${'*'.repeat(phone.length - 7)}${phone.slice(-3)}`;
}

async function agencyOf(db: Db, agencyId: string) {
  const agency = await getAgency(db, agencyId);
  return { id: agency.id, name: agency.name, timezone: agency.timezone };
}

function when(date: Date, timezone: string) {
  return isAgencyZone(timezone) ? formatInZone(date, timezone) : date.toISOString();
}

async function findEvent(db: Db, agencyId: string, eventId: string, lock = false) {
  const query = db
    .select()
    .from(outreachEvents)
    .where(and(eq(outreachEvents.id, eventId), eq(outreachEvents.agencyId, agencyId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Acara');
  return row;
}

type Counts = { registered: number; waitlisted: number; cancelled: number; attended: number };

async function countsFor(db: Db, eventIds: string[]) {
  const map = new Map<string, Counts>();
  for (const id of eventIds) map.set(id, { registered: 0, waitlisted: 0, cancelled: 0, attended: 0 });
  if (eventIds.length === 0) return map;
  const rows = await db
    .select({
      eventId: outreachRegistrations.eventId,
      status: outreachRegistrations.status,
      n: count(),
      attended: sql<number>`count(${outreachRegistrations.checkedInAt})`.mapWith(Number),
    })
    .from(outreachRegistrations)
    .where(inArray(outreachRegistrations.eventId, eventIds))
    .groupBy(outreachRegistrations.eventId, outreachRegistrations.status);
  for (const row of rows) {
    const entry = map.get(row.eventId)!;
    entry[row.status as RegistrationStatus] = row.n;
    entry.attended += row.attended;
  }
  return map;
}

async function materialsOf(db: Db, eventId: string, urlBase: string) {
  const rows = await db
    .select({ id: outreachMaterials.id, title: outreachMaterials.title, fileName: files.originalName, sizeBytes: files.sizeBytes, sha256: files.sha256 })
    .from(outreachMaterials)
    .innerJoin(files, eq(files.id, outreachMaterials.fileId))
    .where(eq(outreachMaterials.eventId, eventId))
    .orderBy(outreachMaterials.createdAt, outreachMaterials.id);
  return rows.map((row) => ({ ...row, downloadUrl: `${urlBase}/${row.id}` }));
}

function presentEventRow(row: EventRow, counts: Counts) {
  return {
    id: row.id,
    agencyId: row.agencyId,
    title: row.title,
    description: row.description,
    kind: row.kind,
    audiences: row.audiences,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    registrationClosesAt: iso(row.registrationClosesAt),
    registrationEndsAt: registrationClosesAt(row).toISOString(),
    capacity: row.capacity,
    status: row.status as 'draft' | 'published' | 'cancelled',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    counts,
  };
}

async function presentEvent(db: Db, row: EventRow) {
  const [counts, materials] = await Promise.all([countsFor(db, [row.id]), materialsOf(db, row.id, `/api/agencies/${row.agencyId}/outreach-events/${row.id}/materials`)]);
  return { ...presentEventRow(row, counts.get(row.id)!), materials };
}

/** The audited view of an event (no timestamps of the row itself). */
function auditedEvent(row: EventRow) {
  return {
    title: row.title,
    kind: row.kind,
    audiences: row.audiences,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    registrationClosesAt: iso(row.registrationClosesAt),
    capacity: row.capacity,
    status: row.status,
  };
}

// ---- staff: events --------------------------------------------------------------------------------

export type ListEventsOptions = { agencyId: string; status?: string | undefined; q?: string | undefined; page: number; pageSize: number };

export async function listEvents(db: Db, options: ListEventsOptions) {
  const where = and(
    eq(outreachEvents.agencyId, options.agencyId),
    options.status ? eq(outreachEvents.status, options.status) : undefined,
    options.q ? or(ilike(outreachEvents.title, `%${options.q}%`), ilike(outreachEvents.venue, `%${options.q}%`)) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(outreachEvents).where(where);
  const rows = await db
    .select()
    .from(outreachEvents)
    .where(where)
    .orderBy(desc(outreachEvents.startsAt), desc(outreachEvents.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const counts = await countsFor(db, rows.map((row) => row.id));
  const items = rows.map((row) => {
    const { description: _d, ...item } = presentEventRow(row, counts.get(row.id)!);
    return item;
  });
  return { items, total: total?.n ?? 0 };
}

export type EventRef = { agencyId: string; eventId: string };

export async function getEvent(db: Db, ref: EventRef) {
  return presentEvent(db, await findEvent(db, ref.agencyId, ref.eventId));
}

export type CreateEventInput = { actorId: string; agencyId: string; data: z.infer<typeof createOutreachEventBody> };

export async function createEvent(db: Db, input: CreateEventInput) {
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(outreachEvents)
      .values({ ...input.data, agencyId: input.agencyId, status: 'draft', createdBy: input.actorId })
      .returning();
    await recordAudit(tx, { agencyId: input.agencyId, actorId: input.actorId, action: 'outreach.create', targetType: 'outreach_event', targetId: created!.id, after: auditedEvent(created!) });
    return created!;
  });
  return presentEvent(db, row);
}

type Registered = { registered: number; waitlisted: number };

async function seatCounts(tx: Db, eventId: string): Promise<Registered> {
  const rows = await tx
    .select({ status: outreachRegistrations.status, n: count() })
    .from(outreachRegistrations)
    .where(and(eq(outreachRegistrations.eventId, eventId), inArray(outreachRegistrations.status, ['registered', 'waitlisted'])))
    .groupBy(outreachRegistrations.status);
  return { registered: rows.find((r) => r.status === 'registered')?.n ?? 0, waitlisted: rows.find((r) => r.status === 'waitlisted')?.n ?? 0 };
}

/**
 * Gives free seats to the waiting list in order, each promoted registrant notified by email.
 * The caller holds the event's row lock, so no seat is given twice.
 */
async function fillFreeSeats(tx: Db, deps: OutreachDeps, event: EventRow, now: Date) {
  if (event.status !== 'published' || now.getTime() >= event.startsAt.getTime()) return [];
  const { registered } = await seatCounts(tx, event.id);
  const free = event.capacity - registered;
  if (free <= 0) return [];
  const next = await tx
    .select()
    .from(outreachRegistrations)
    .where(and(eq(outreachRegistrations.eventId, event.id), eq(outreachRegistrations.status, 'waitlisted')))
    .orderBy(asc(outreachRegistrations.seq))
    .limit(free)
    .for('update');
  if (next.length === 0) return [];
  await tx
    .update(outreachRegistrations)
    .set({ status: 'registered', promotedAt: now })
    .where(inArray(outreachRegistrations.id, next.map((r) => r.id)));
  const agency = await agencyOf(tx, event.agencyId);
  for (const registration of next) {
    const link = `${deps.config.publicUrl}${ticketPath(registration.id, ticketKey(deps.config.sessionSecret, registration.id))}`;
    await enqueueEmail(
      tx,
      {
        to: registration.email,
        subject: `Kursi tersedia: ${event.title}`,
        text:
          `Halo ${registration.name},\n\nAda kursi yang kosong dan kini Anda TERDAFTAR sebagai peserta ${event.title} (${agency.name}).\n` +
          `Waktu: ${when(event.startsAt, agency.timezone)}\n${placeText(event)}\n\n` +
          `Tiket dan kode QR presensi Anda (tunjukkan kepada petugas di pintu masuk):\n${link}\n\n` +
          `Bila Anda berhalangan, batalkan lewat tautan yang sama agar kursinya diberikan kepada peserta berikutnya.`,
      },
      { smtp: Boolean(deps.config.smtpUrl) },
    );
  }
  return next.map((r) => r.id);
}

function placeText(event: EventRow) {
  return [event.venue ? `Tempat: ${event.venue}` : null, event.onlineUrl ? `Tautan daring: ${event.onlineUrl}` : null].filter(Boolean).join('\n');
}

export type UpdateEventInput = EventRef & { actorId: string; changes: z.infer<typeof updateOutreachEventBody>; now?: Date };

export async function updateEvent(deps: OutreachDeps, input: UpdateEventInput) {
  const now = input.now ?? new Date();
  const row = await deps.db.transaction(async (tx) => {
    const before = await findEvent(tx, input.agencyId, input.eventId, true);
    if (before.status === 'cancelled') throw new AppError('INVALID_STATE', 'Acara yang dibatalkan tidak dapat diubah.');
    const merged = { ...before, ...input.changes };
    const problems = eventIssues(merged);
    const { registered } = await seatCounts(tx, before.id);
    const capacity = capacityIssue({ capacity: merged.capacity, registered });
    if (capacity) problems.push(capacity);
    if (problems.length > 0) throw validationFailed(Object.fromEntries(problems.map((p) => [p.field, p.message])));
    const [updated] = await tx
      .update(outreachEvents)
      .set({ ...input.changes, updatedAt: now })
      .where(eq(outreachEvents.id, before.id))
      .returning();
    const promoted = await fillFreeSeats(tx, deps, updated!, now);
    await recordAudit(tx, {
      agencyId: input.agencyId,
      actorId: input.actorId,
      action: 'outreach.update',
      targetType: 'outreach_event',
      targetId: before.id,
      before: auditedEvent(before),
      after: auditedEvent(updated!),
      ...(promoted.length ? { details: { promotedFromWaitlist: promoted.length } } : {}),
    });
    return updated!;
  });
  return presentEvent(deps.db, row);
}

export async function publishEvent(db: Db, input: EventRef & { actorId: string }) {
  const row = await db.transaction(async (tx) => {
    const before = await findEvent(tx, input.agencyId, input.eventId, true);
    if (before.status !== 'draft') throw new AppError('INVALID_STATE', before.status === 'published' ? 'Acara sudah diumumkan.' : 'Acara yang dibatalkan tidak dapat diumumkan.');
    const [updated] = await tx.update(outreachEvents).set({ status: 'published', updatedAt: new Date() }).where(eq(outreachEvents.id, before.id)).returning();
    await recordAudit(tx, { agencyId: input.agencyId, actorId: input.actorId, action: 'outreach.publish', targetType: 'outreach_event', targetId: before.id, after: auditedEvent(updated!) });
    return updated!;
  });
  return presentEvent(db, row);
}

/** Cancels an event; everyone registered or waiting is told by email in the same transaction. */
export async function cancelEvent(deps: OutreachDeps, input: EventRef & { actorId: string; reason?: string | undefined }) {
  const row = await deps.db.transaction(async (tx) => {
    const before = await findEvent(tx, input.agencyId, input.eventId, true);
    if (before.status === 'cancelled') throw new AppError('INVALID_STATE', 'Acara sudah dibatalkan.');
    const [updated] = await tx.update(outreachEvents).set({ status: 'cancelled', updatedAt: new Date() }).where(eq(outreachEvents.id, before.id)).returning();
    const people = await tx
      .select({ name: outreachRegistrations.name, email: outreachRegistrations.email })
      .from(outreachRegistrations)
      .where(and(eq(outreachRegistrations.eventId, before.id), inArray(outreachRegistrations.status, ['registered', 'waitlisted'])));
    const agency = await agencyOf(tx, before.agencyId);
    for (const person of people) {
      await enqueueEmail(
        tx,
        {
          to: person.email,
          subject: `Dibatalkan: ${before.title}`,
          text: `Halo ${person.name},\n\nMohon maaf, ${before.title} (${agency.name}) pada ${when(before.startsAt, agency.timezone)} dibatalkan.${input.reason ? `\nAlasan: ${input.reason}` : ''}\n\nTerima kasih atas minat Anda.`,
        },
        { smtp: Boolean(deps.config.smtpUrl) },
      );
    }
    await recordAudit(tx, {
      agencyId: input.agencyId,
      actorId: input.actorId,
      action: 'outreach.cancel',
      targetType: 'outreach_event',
      targetId: before.id,
      before: { status: before.status },
      after: { status: 'cancelled' },
      details: { notified: people.length, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return updated!;
  });
  return presentEvent(deps.db, row);
}

// ---- staff: registrations, attendance, check-in ------------------------------------------------------

async function waitlistSeqs(db: Db, eventId: string) {
  const rows = await db
    .select({ seq: outreachRegistrations.seq })
    .from(outreachRegistrations)
    .where(and(eq(outreachRegistrations.eventId, eventId), eq(outreachRegistrations.status, 'waitlisted')))
    .orderBy(asc(outreachRegistrations.seq));
  return rows.map((r) => r.seq);
}

function positionIn(seqs: number[], row: RegistrationRow) {
  return row.status === 'waitlisted' ? 1 + seqs.filter((seq) => seq < row.seq).length : null;
}

export type ListRegistrationsOptions = EventRef & { status?: string | undefined; audience?: string | undefined; q?: string | undefined; page: number; pageSize: number };

export async function listRegistrations(db: Db, options: ListRegistrationsOptions) {
  const event = await findEvent(db, options.agencyId, options.eventId);
  const where = and(
    eq(outreachRegistrations.eventId, event.id),
    options.status ? eq(outreachRegistrations.status, options.status) : undefined,
    options.audience ? eq(outreachRegistrations.audience, options.audience) : undefined,
    options.q
      ? or(ilike(outreachRegistrations.name, `%${options.q}%`), ilike(outreachRegistrations.email, `%${options.q}%`), ilike(outreachRegistrations.institution, `%${options.q}%`))
      : undefined,
  );
  const [total] = await db.select({ n: count() }).from(outreachRegistrations).where(where);
  const rows = await db
    .select()
    .from(outreachRegistrations)
    .where(where)
    .orderBy(asc(outreachRegistrations.seq))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const seqs = await waitlistSeqs(db, event.id);
  const items = rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    phone: maskPhone(row.phone),
    audience: row.audience,
    institution: row.institution,
    status: row.status as RegistrationStatus,
    seq: row.seq,
    waitlistPosition: positionIn(seqs, row),
    checkedInAt: iso(row.checkedInAt),
    promotedAt: iso(row.promotedAt),
    createdAt: row.createdAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0 };
}

/** Registered, waiting, cancelled and attended, per audience group (every group of the event listed, even at zero). */
export async function attendance(db: Db, ref: EventRef) {
  const event = await findEvent(db, ref.agencyId, ref.eventId);
  const rows = await db
    .select({
      audience: outreachRegistrations.audience,
      status: outreachRegistrations.status,
      n: count(),
      attended: sql<number>`count(${outreachRegistrations.checkedInAt})`.mapWith(Number),
    })
    .from(outreachRegistrations)
    .where(eq(outreachRegistrations.eventId, event.id))
    .groupBy(outreachRegistrations.audience, outreachRegistrations.status);
  const audiences = OUTREACH_AUDIENCES.filter((a) => event.audiences.includes(a) || rows.some((r) => r.audience === a));
  const byAudience = audiences.map((audience) => {
    const entry = { audience, registered: 0, waitlisted: 0, cancelled: 0, attended: 0 };
    for (const row of rows.filter((r) => r.audience === audience)) {
      entry[row.status as RegistrationStatus] = row.n;
      entry.attended += row.attended;
    }
    return entry;
  });
  const total = byAudience.reduce(
    (sum, entry) => ({ registered: sum.registered + entry.registered, waitlisted: sum.waitlisted + entry.waitlisted, cancelled: sum.cancelled + entry.cancelled, attended: sum.attended + entry.attended }),
    { registered: 0, waitlisted: 0, cancelled: 0, attended: 0 },
  );
  return { eventId: event.id, capacity: event.capacity, byAudience, total };
}

export type CheckInInput = EventRef & { actorId: string; code: string; now?: Date };

/**
 * Marks a registrant present from the code in their QR (or the URL the QR holds). Refuses a code
 * that does not exist, one of another event, a waiting or cancelled registration, and a second
 * check-in (saying when the first was).
 */
export async function checkIn(db: Db, input: CheckInInput) {
  const now = input.now ?? new Date();
  const refuse = (code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE', message: string) => new AppError(code, message, { code: message });
  const code = parseCheckinCode(input.code);
  if (!code) throw new AppError('VALIDATION_FAILED', 'Kode presensi tidak valid.', { code: 'Kode presensi terdiri dari 16 huruf/angka, atau pindai QR pada tiket' });
  return db.transaction(async (tx) => {
    const event = await findEvent(tx, input.agencyId, input.eventId);
    const agency = await agencyOf(tx, event.agencyId);
    const [registration] = await tx.select().from(outreachRegistrations).where(eq(outreachRegistrations.checkinToken, code)).for('update');
    if (!registration) throw refuse('NOT_FOUND', 'Kode presensi tidak dikenal. Periksa kembali tiket peserta.');
    if (registration.eventId !== event.id) throw refuse('CONFLICT', 'Kode ini milik pendaftaran acara lain, bukan acara ini.');
    if (event.status !== 'published') throw refuse('INVALID_STATE', event.status === 'cancelled' ? 'Acara ini dibatalkan.' : 'Acara ini belum diumumkan.');
    const window = checkInWindowProblem({ now, startsAt: event.startsAt, endsAt: event.endsAt });
    if (window) throw refuse('INVALID_STATE', window);
    if (registration.status === 'waitlisted') throw refuse('CONFLICT', `${registration.name} masih dalam daftar tunggu dan belum mendapat kursi.`);
    if (registration.status === 'cancelled') throw refuse('CONFLICT', `Pendaftaran ${registration.name} sudah dibatalkan.`);
    if (registration.checkedInAt) throw refuse('CONFLICT', `${registration.name} sudah tercatat hadir pada ${when(registration.checkedInAt, agency.timezone)}.`);
    const [marked] = await tx
      .update(outreachRegistrations)
      .set({ checkedInAt: now })
      .where(and(eq(outreachRegistrations.id, registration.id), sql`${outreachRegistrations.checkedInAt} is null`))
      .returning();
    await recordAudit(tx, { agencyId: event.agencyId, actorId: input.actorId, action: 'outreach.check_in', targetType: 'outreach_registration', targetId: registration.id, details: { eventId: event.id, audience: registration.audience } });
    return { registration: { id: marked!.id, name: marked!.name, audience: marked!.audience, institution: marked!.institution, checkedInAt: marked!.checkedInAt!.toISOString() } };
  });
}

// ---- materials -------------------------------------------------------------------------------------

export type AddMaterialInput = EventRef & { actorId: string; title?: string | undefined; upload: UploadPart };

export async function addMaterial(deps: OutreachDeps, input: AddMaterialInput) {
  await storeUpload({
    db: deps.db,
    uploadDir: deps.config.uploadDir,
    stream: input.upload.stream,
    fileName: input.upload.fileName,
    kinds: ['pdf'],
    maxBytes: OUTREACH_MATERIAL_MAX_BYTES,
    agencyId: input.agencyId,
    actorId: input.actorId,
    attach: async (tx, file) => {
      const event = await findEvent(tx, input.agencyId, input.eventId, true);
      if (event.status === 'cancelled') throw new AppError('INVALID_STATE', 'Acara yang dibatalkan tidak dapat diberi materi.');
      const [existing] = await tx.select({ n: count() }).from(outreachMaterials).where(eq(outreachMaterials.eventId, event.id));
      if ((existing?.n ?? 0) >= OUTREACH_MAX_MATERIALS) throw new AppError('CONFLICT', `Satu acara memuat paling banyak ${OUTREACH_MAX_MATERIALS} materi.`);
      const title = input.title || file.originalName.replace(/\.pdf$/i, '');
      const [material] = await tx.insert(outreachMaterials).values({ eventId: event.id, agencyId: event.agencyId, fileId: file.id, title }).returning();
      await recordAudit(tx, { agencyId: event.agencyId, actorId: input.actorId, action: 'outreach.material_add', targetType: 'outreach_event', targetId: event.id, after: { materialId: material!.id, title, sha256: file.sha256 } });
    },
  });
  return getEvent(deps.db, input);
}

export async function removeMaterial(db: Db, input: EventRef & { actorId: string; materialId: string }) {
  await db.transaction(async (tx) => {
    const event = await findEvent(tx, input.agencyId, input.eventId, true);
    const [removed] = await tx
      .delete(outreachMaterials)
      .where(and(eq(outreachMaterials.id, input.materialId), eq(outreachMaterials.eventId, event.id)))
      .returning();
    if (!removed) throw notFound('Materi');
    await recordAudit(tx, { agencyId: event.agencyId, actorId: input.actorId, action: 'outreach.material_remove', targetType: 'outreach_event', targetId: event.id, before: { materialId: removed.id, title: removed.title } });
  });
  return getEvent(db, input);
}

/** A material for download: staff of the agency any time; the public once a published event has started. */
export async function materialForDownload(db: Db, input: { eventId: string; materialId: string; agencyId?: string; now?: Date }): Promise<StoredFile> {
  const [row] = await db
    .select({ fileId: outreachMaterials.fileId, event: outreachEvents })
    .from(outreachMaterials)
    .innerJoin(outreachEvents, eq(outreachEvents.id, outreachMaterials.eventId))
    .where(and(eq(outreachMaterials.id, input.materialId), eq(outreachMaterials.eventId, input.eventId)));
  if (!row || (input.agencyId ? row.event.agencyId !== input.agencyId : row.event.status !== 'published')) throw notFound('Materi');
  if (!input.agencyId && !materialsAvailable({ now: input.now ?? new Date(), startsAt: row.event.startsAt })) {
    throw new AppError('FORBIDDEN', 'Materi dapat diunduh setelah acara dimulai.');
  }
  return getFile(db, row.fileId);
}

// ---- public ----------------------------------------------------------------------------------------

function presentPublic(row: EventRow, counts: Counts, agency: { id: string; name: string; timezone: string }, now: Date) {
  const open = registrationProblem({ ...row, now, audience: null }) === null;
  return {
    id: row.id,
    agency,
    title: row.title,
    description: row.description,
    kind: row.kind,
    audiences: row.audiences,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    registrationEndsAt: registrationClosesAt(row).toISOString(),
    capacity: row.capacity,
    status: row.status as 'published' | 'cancelled',
    registrationOpen: open,
    counts: { registered: counts.registered, waitlisted: counts.waitlisted, attended: counts.attended, seatsLeft: Math.max(0, row.capacity - counts.registered) },
    materialsAvailable: materialsAvailable({ now, startsAt: row.startsAt }),
  };
}

export type PublicEventsOptions = { when: 'upcoming' | 'past'; agencyId?: string | undefined; audience?: OutreachAudience | undefined; q?: string | undefined; page: number; pageSize: number; now?: Date };

/** Announced (and cancelled, so registrants see it) events; upcoming = not yet ended, soonest first; past = newest first. */
export async function listPublicEvents(db: Db, options: PublicEventsOptions) {
  const now = options.now ?? new Date();
  const where = and(
    inArray(outreachEvents.status, ['published', 'cancelled']),
    options.when === 'upcoming' ? gte(outreachEvents.endsAt, now) : lt(outreachEvents.endsAt, now),
    options.agencyId ? eq(outreachEvents.agencyId, options.agencyId) : undefined,
    options.audience ? sql`${options.audience} = any(${outreachEvents.audiences})` : undefined,
    options.q ? or(ilike(outreachEvents.title, `%${options.q}%`), ilike(outreachEvents.description, `%${options.q}%`), ilike(outreachEvents.venue, `%${options.q}%`)) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(outreachEvents).where(where);
  const rows = await db
    .select()
    .from(outreachEvents)
    .where(where)
    .orderBy(options.when === 'upcoming' ? asc(outreachEvents.startsAt) : desc(outreachEvents.startsAt), asc(outreachEvents.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const counts = await countsFor(db, rows.map((r) => r.id));
  const agencies = new Map<string, Awaited<ReturnType<typeof agencyOf>>>();
  for (const id of new Set(rows.map((r) => r.agencyId))) agencies.set(id, await agencyOf(db, id));
  const materialCounts = await materialCountsFor(db, rows.map((r) => r.id));
  const items = rows.map((row) => {
    const { description: _d, ...item } = presentPublic(row, counts.get(row.id)!, agencies.get(row.agencyId)!, now);
    return { ...item, materialCount: materialCounts.get(row.id) ?? 0 };
  });
  return { items, total: total?.n ?? 0 };
}

async function materialCountsFor(db: Db, eventIds: string[]) {
  const map = new Map<string, number>();
  if (eventIds.length === 0) return map;
  const rows = await db.select({ eventId: outreachMaterials.eventId, n: count() }).from(outreachMaterials).where(inArray(outreachMaterials.eventId, eventIds)).groupBy(outreachMaterials.eventId);
  for (const row of rows) map.set(row.eventId, row.n);
  return map;
}

async function findPublicEvent(db: Db, eventId: string) {
  const [row] = await db
    .select()
    .from(outreachEvents)
    .where(and(eq(outreachEvents.id, eventId), inArray(outreachEvents.status, ['published', 'cancelled'])));
  if (!row) throw notFound('Acara');
  return row;
}

export async function getPublicEvent(db: Db, eventId: string, now = new Date()) {
  const row = await findPublicEvent(db, eventId);
  const [counts, agency, materials] = await Promise.all([countsFor(db, [row.id]), agencyOf(db, row.agencyId), materialsOf(db, row.id, `/api/public/outreach-events/${row.id}/materials`)]);
  const presented = presentPublic(row, counts.get(row.id)!, agency, now);
  return { ...presented, materialCount: materials.length, materials: presented.materialsAvailable ? materials : [] };
}

async function presentTicket(db: Db, deps: OutreachDeps, registration: RegistrationRow, event: EventRow, now: Date) {
  const agency = await agencyOf(db, event.agencyId);
  const seqs = registration.status === 'waitlisted' ? await waitlistSeqs(db, event.id) : [];
  const key = ticketKey(deps.config.sessionSecret, registration.id);
  const active = registration.status !== 'cancelled';
  return {
    id: registration.id,
    event: { id: event.id, title: event.title, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString(), venue: event.venue, onlineUrl: event.onlineUrl, status: event.status, agency },
    name: registration.name,
    email: maskEmail(registration.email),
    audience: registration.audience,
    institution: registration.institution,
    status: registration.status as RegistrationStatus,
    waitlistPosition: positionIn(seqs, registration),
    checkinCode: active ? formatCheckinCode(registration.checkinToken) : null,
    checkinUrl: active ? checkinUrl(deps.config.publicUrl, registration.checkinToken) : null,
    qrUrl: active ? `/api/public/outreach-registrations/${registration.id}/qr.png?kunci=${key}` : null,
    checkedInAt: iso(registration.checkedInAt),
    canCancel: event.status === 'published' && cancellationProblem({ now, startsAt: event.startsAt, status: registration.status }) === null,
    createdAt: registration.createdAt.toISOString(),
  };
}

export type RegisterInput = { eventId: string; data: z.infer<typeof outreachRegistrationBody>; now?: Date };

function isUniqueViolation(error: unknown) {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}

const duplicateRegistration = () =>
  new AppError('CONFLICT', 'Email ini sudah terdaftar untuk acara ini. Buka tautan tiket di email konfirmasi Anda untuk melihat QR presensi atau membatalkan.', {
    email: 'Sudah terdaftar untuk acara ini',
  });

/**
 * A visitor registers without an account. Under the event's row lock: within capacity → a seat,
 * otherwise the waiting list with its position; one registration per email per event (a second,
 * even at the same moment, is refused). The confirmation email carries the ticket link.
 */
export async function register(deps: OutreachDeps, input: RegisterInput) {
  const now = input.now ?? new Date();
  const email = input.data.email.trim().toLowerCase();
  try {
    return await deps.db.transaction(async (tx) => {
      const [event] = await tx.select().from(outreachEvents).where(eq(outreachEvents.id, input.eventId)).for('update');
      if (!event || event.status === 'draft') throw notFound('Acara');
      const problem = registrationProblem({ ...event, now, audience: input.data.audience });
      if (problem) {
        if (problem.code === 'audience') throw new AppError('VALIDATION_FAILED', problem.message, { audience: problem.message });
        throw new AppError('REGISTRATION_CLOSED', problem.message);
      }
      const [existing] = await tx
        .select()
        .from(outreachRegistrations)
        .where(and(eq(outreachRegistrations.eventId, event.id), eq(outreachRegistrations.email, email)));
      if (existing && existing.status !== 'cancelled') throw duplicateRegistration();
      const { registered } = await seatCounts(tx, event.id);
      const status = seatFor({ capacity: event.capacity, registered });
      const [last] = await tx.select({ seq: sql<number>`coalesce(max(${outreachRegistrations.seq}), 0)`.mapWith(Number) }).from(outreachRegistrations).where(eq(outreachRegistrations.eventId, event.id));
      const values = {
        name: input.data.name,
        phone: input.data.phone,
        audience: input.data.audience,
        institution: input.data.institution,
        status,
        seq: (last?.seq ?? 0) + 1,
        checkinToken: newCheckinCode(),
        checkedInAt: null,
        promotedAt: null,
        createdAt: now,
      };
      // One who cancelled may register again: the same row starts over at the end of the line.
      const [row] = existing
        ? await tx.update(outreachRegistrations).set(values).where(eq(outreachRegistrations.id, existing.id)).returning()
        : await tx.insert(outreachRegistrations).values({ ...values, eventId: event.id, agencyId: event.agencyId, email }).returning();
      const ticket = await presentTicket(tx, deps, row!, event, now);
      const key = ticketKey(deps.config.sessionSecret, row!.id);
      const link = `${deps.config.publicUrl}${ticketPath(row!.id, key)}`;
      const statusLine =
        status === 'registered'
          ? 'Status: TERDAFTAR. Tunjukkan kode QR pada tiket kepada petugas di pintu masuk.'
          : `Status: DAFTAR TUNGGU nomor ${ticket.waitlistPosition}. Bila ada kursi kosong, Anda otomatis terdaftar dan kami kabari lewat email.`;
      await enqueueEmail(
        tx,
        {
          to: email,
          subject: `Pendaftaran ${event.title}`,
          text:
            `Halo ${row!.name},\n\nTerima kasih telah mendaftar ${event.title} (${ticket.event.agency.name}).\n${statusLine}\n\n` +
            `Waktu: ${when(event.startsAt, ticket.event.agency.timezone)}\n${placeText(event)}\n` +
            `Kelompok peserta: ${OUTREACH_AUDIENCE_LABELS[row!.audience as OutreachAudience] ?? row!.audience}\n\n` +
            `Tiket, kode QR presensi, dan pembatalan (tautan ini rahasia, jangan dibagikan):\n${link}`,
        },
        { smtp: Boolean(deps.config.smtpUrl) },
      );
      return { ticket, kunci: key, ticketPath: ticketPath(row!.id, key) };
    });
  } catch (error) {
    // Two submissions at the very same moment: the unique (event, email) index keeps one.
    if (isUniqueViolation(error)) throw duplicateRegistration();
    throw error;
  }
}

async function registrationByKey(db: Db, deps: OutreachDeps, registrationId: string, key: string, lock = false) {
  if (!keyMatches(deps.config.sessionSecret, registrationId, key)) throw notFound('Tiket');
  const query = db.select().from(outreachRegistrations).where(eq(outreachRegistrations.id, registrationId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Tiket');
  return row;
}

export type TicketInput = { registrationId: string; kunci: string; now?: Date };

export async function getTicket(deps: OutreachDeps, input: TicketInput) {
  const registration = await registrationByKey(deps.db, deps, input.registrationId, input.kunci);
  const [event] = await deps.db.select().from(outreachEvents).where(eq(outreachEvents.id, registration.eventId));
  return presentTicket(deps.db, deps, registration, event!, input.now ?? new Date());
}

/** The ticket's QR code: a PNG of the check-in URL with the registrant's secret code. */
export async function ticketQrPng(deps: OutreachDeps, input: TicketInput): Promise<Buffer> {
  const registration = await registrationByKey(deps.db, deps, input.registrationId, input.kunci);
  if (registration.status === 'cancelled') throw new AppError('INVALID_STATE', 'Pendaftaran ini sudah dibatalkan; QR presensi tidak berlaku.');
  return qrPng(checkinUrl(deps.config.publicUrl, registration.checkinToken));
}

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 });
}

/**
 * The registrant cancels through their ticket link. A freed seat goes to the first in the waiting
 * list, who is emailed — all under the event's row lock, in one transaction.
 */
export async function cancelRegistration(deps: OutreachDeps, input: TicketInput) {
  const now = input.now ?? new Date();
  if (!keyMatches(deps.config.sessionSecret, input.registrationId, input.kunci)) throw notFound('Tiket');
  const result = await deps.db.transaction(async (tx) => {
    const [peek] = await tx.select({ eventId: outreachRegistrations.eventId }).from(outreachRegistrations).where(eq(outreachRegistrations.id, input.registrationId));
    if (!peek) throw notFound('Tiket');
    // Lock order: the event first, then the registration (as registration and promotion do).
    const [event] = await tx.select().from(outreachEvents).where(eq(outreachEvents.id, peek.eventId)).for('update');
    const registration = await registrationByKey(tx, deps, input.registrationId, input.kunci, true);
    const problem = event!.status === 'cancelled' ? 'Acara ini sudah dibatalkan.' : cancellationProblem({ now, startsAt: event!.startsAt, status: registration.status });
    if (problem) throw new AppError('INVALID_STATE', problem);
    const [cancelled] = await tx.update(outreachRegistrations).set({ status: 'cancelled' }).where(eq(outreachRegistrations.id, registration.id)).returning();
    const promoted = registration.status === 'registered' ? await fillFreeSeats(tx, deps, event!, now) : [];
    return { cancelled: cancelled!, event: event!, promoted };
  });
  return presentTicket(deps.db, deps, result.cancelled, result.event, now);
}
