import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { canOpenSession, OPEN_WINDOW_MINUTES } from '../../../core/cat-allocation.js';
import { WARNING_EVENT_KINDS, type ProctorConsole } from '../../../core/schemas/cat-sessions.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { catAttemptEvents, catAttempts, catSessions } from '../cat/cat.table.js';
import { agencyZone, applicantPhotos, findSession, sessionView } from './cat-sessions.repo.js';
import { PIN_FAILURE_LIMIT, hashPin, newPin, sessionParticipants, startText } from './cat-sessions.service.js';
import { catSessionPinFailures } from './cat-sessions.table.js';

/*
 * The proctor's console (issue 5 §4): open a session and reveal its PIN, confirm who sits there,
 * add time for an incident, release an attempt to another computer, read what the exam runtime
 * recorded, close the session. Scoring and finishing attempts belong to the exam runtime.
 */

export type ConsoleOptions = { agencyId: string; sessionId: string; now?: Date };

const photoPath = (agencyId: string, sessionId: string, attemptId: string) => `/api/agencies/${agencyId}/cat/sessions/${sessionId}/attempts/${attemptId}/photo`;

export async function proctorConsole(db: Db, { agencyId, sessionId, now = new Date() }: ConsoleOptions): Promise<ProctorConsole> {
  const session = await sessionView(db, { agencyId, sessionId });
  const [row, agency, seated, failures] = await Promise.all([
    findSession(db, { agencyId, sessionId }),
    agencyZone(db, agencyId),
    sessionParticipants(db, { sessionId }),
    db.select().from(catSessionPinFailures).where(eq(catSessionPinFailures.sessionId, sessionId)),
  ]);
  const attemptIds = seated.map((s) => s.attempt.id);
  const [photos, warnings] = await Promise.all([
    applicantPhotos(db, seated.map((s) => s.attempt.applicationId)),
    attemptIds.length
      ? db
          .select({ attemptId: catAttemptEvents.attemptId, kind: catAttemptEvents.kind, n: sql<number>`count(*)`.mapWith(Number) })
          .from(catAttemptEvents)
          .where(and(inArray(catAttemptEvents.attemptId, attemptIds), inArray(catAttemptEvents.kind, [...WARNING_EVENT_KINDS])))
          .groupBy(catAttemptEvents.attemptId, catAttemptEvents.kind)
      : [],
  ]);
  const pinFailures = failures[0]?.failures ?? 0;
  return {
    session,
    agencyTimezone: agency.timezone,
    serverTime: now.toISOString(),
    pinRevealed: Boolean(row.pinHash),
    pinFailures,
    pinLocked: pinFailures >= PIN_FAILURE_LIMIT,
    participants: seated.map(({ attempt, participant }) => ({
      attemptId: attempt.id,
      seat: attempt.seat,
      registrationNumber: participant?.registrationNumber ?? '',
      name: participant?.name ?? '',
      formasi: participant?.formasi ?? '',
      status: attempt.status as 'allocated',
      need: attempt.need,
      durationSeconds: attempt.durationSeconds,
      extraSeconds: attempt.extraSeconds,
      identityConfirmedAt: attempt.identityConfirmedAt?.toISOString() ?? null,
      startedAt: attempt.startedAt?.toISOString() ?? null,
      endsAt: attempt.endsAt?.toISOString() ?? null,
      finishedAt: attempt.finishedAt?.toISOString() ?? null,
      lastSeenAt: attempt.lastSeenAt?.toISOString() ?? null,
      deviceBound: Boolean(attempt.deviceTokenHash),
      photoUrl: photos.has(attempt.applicationId) ? photoPath(agencyId, sessionId, attempt.id) : null,
      warnings: Object.fromEntries(warnings.filter((w) => w.attemptId === attempt.id).map((w) => [w.kind, w.n])),
    })),
  };
}

export type ProctorActionOptions = { actorId: string; agencyId: string; sessionId: string; now?: Date };

async function revealPin(tx: Db, { sessionId, now }: { sessionId: string; now: Date }) {
  const pin = newPin();
  await tx.update(catSessions).set({ pinHash: await hashPin(pin) }).where(eq(catSessions.id, sessionId));
  // A new PIN starts with a clean count: the limit is per PIN.
  await tx.delete(catSessionPinFailures).where(eq(catSessionPinFailures.sessionId, sessionId));
  return { pin, revealedAt: now.toISOString() };
}

/**
 * Opens a scheduled session (from OPEN_WINDOW_MINUTES before its start) and reveals its 6-digit PIN
 * once; only the PIN's hash is stored, and the audit record never holds the PIN.
 */
export async function openSession(db: Db, { actorId, agencyId, sessionId, now = new Date() }: ProctorActionOptions) {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, { agencyId, sessionId, lock: true });
    if (session.status !== 'scheduled') throw new AppError('INVALID_STATE', session.status === 'open' ? 'Sesi sudah dibuka. Untuk PIN baru gunakan "Tampilkan PIN baru".' : 'Sesi sudah ditutup.');
    if (!canOpenSession({ startsAt: session.startsAt, now })) {
      const agency = await agencyZone(tx, agencyId);
      const from = startText(new Date(session.startsAt.getTime() - OPEN_WINDOW_MINUTES * 60_000), agency.timezone);
      throw new AppError('INVALID_STATE', `Sesi baru dapat dibuka mulai ${from} (${OPEN_WINDOW_MINUTES / 60} jam sebelum jadwal).`);
    }
    await tx.update(catSessions).set({ status: 'open', openedAt: now }).where(eq(catSessions.id, sessionId));
    const revealed = await revealPin(tx, { sessionId, now });
    await recordAudit(tx, { agencyId, actorId, action: 'cat_session.open', targetType: 'cat_session', targetId: sessionId, before: { status: 'scheduled' }, after: { status: 'open', openedAt: now.toISOString() } });
    return revealed;
  });
}

/** A new PIN for an open session (the old one stops working at once): the only way to show a PIN again. */
export async function revealNewPin(db: Db, { actorId, agencyId, sessionId, now = new Date() }: ProctorActionOptions) {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, { agencyId, sessionId, lock: true });
    if (session.status !== 'open') throw new AppError('INVALID_STATE', 'PIN hanya dapat dibuat untuk sesi yang sedang dibuka.');
    const [failures] = await tx.select().from(catSessionPinFailures).where(eq(catSessionPinFailures.sessionId, sessionId));
    const revealed = await revealPin(tx, { sessionId, now });
    await recordAudit(tx, { agencyId, actorId, action: 'cat_session.pin', targetType: 'cat_session', targetId: sessionId, details: { wrongEntriesBefore: failures?.failures ?? 0 } });
    return revealed;
  });
}

async function sessionAttempts(tx: Db, { sessionId, attemptIds }: { sessionId: string; attemptIds?: string[] | undefined }) {
  const rows = await tx
    .select()
    .from(catAttempts)
    .where(and(eq(catAttempts.sessionId, sessionId), attemptIds ? inArray(catAttempts.id, attemptIds) : undefined))
    .for('update');
  if (attemptIds && rows.length !== new Set(attemptIds).size) throw validationFailed({ attemptIds: 'Ada peserta yang bukan peserta sesi ini' });
  return rows;
}

export type ConfirmIdentityOptions = ProctorActionOptions & { attemptIds?: string[] | undefined; all?: boolean | undefined };

/**
 * The proctor matched the person in the seat with the application's photo: one participant, a
 * selection, or everyone present (all who have not finished or been marked absent).
 */
export async function confirmIdentity(db: Db, { actorId, agencyId, sessionId, attemptIds, now = new Date() }: ConfirmIdentityOptions) {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, { agencyId, sessionId, lock: true });
    if (session.status === 'closed') throw new AppError('INVALID_STATE', 'Sesi sudah ditutup.');
    const rows = await sessionAttempts(tx, { sessionId, attemptIds });
    const closed = rows.filter((a) => a.status === 'finished' || a.status === 'absent');
    if (attemptIds && closed.length) throw new AppError('INVALID_STATE', 'Peserta yang sudah selesai atau tidak hadir tidak perlu dikonfirmasi lagi.');
    const targets = rows.filter((a) => !a.identityConfirmedAt && a.status !== 'finished' && a.status !== 'absent');
    if (targets.length) {
      const ids = targets.map((a) => a.id);
      await tx.update(catAttempts).set({ identityConfirmedAt: now, identityConfirmedBy: actorId }).where(inArray(catAttempts.id, ids));
      await tx.insert(catAttemptEvents).values(ids.map((attemptId) => ({ attemptId, kind: 'identity_confirmed', detail: { by: actorId }, at: now })));
      await recordAudit(tx, { agencyId, actorId, action: 'cat_attempt.identity', targetType: 'cat_session', targetId: sessionId, after: { attemptIds: ids }, details: { all: !attemptIds } });
    }
    return { changed: targets.length };
  });
}

export type AddTimeOptions = ProctorActionOptions & { attemptIds?: string[] | undefined; seconds: number; reason: string };

/**
 * Time added for an incident (a power cut, a frozen computer): the end of each participant still
 * working moves by `seconds`, and the attempt remembers its extra seconds. Without attemptIds,
 * everyone still working in the session. An attempt whose time already ran out is not revived.
 */
export async function addTime(db: Db, { actorId, agencyId, sessionId, attemptIds, seconds, reason, now = new Date() }: AddTimeOptions) {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, { agencyId, sessionId, lock: true });
    if (session.status !== 'open') throw new AppError('INVALID_STATE', 'Waktu hanya dapat ditambah pada sesi yang sedang dibuka.');
    const rows = await sessionAttempts(tx, { sessionId, attemptIds });
    const working = (a: (typeof rows)[number]) => a.status === 'active' && a.endsAt !== null && a.endsAt.getTime() > now.getTime();
    if (attemptIds && rows.some((a) => !working(a))) {
      throw new AppError('INVALID_STATE', 'Waktu hanya dapat ditambah untuk peserta yang sedang mengerjakan dan waktunya belum habis.');
    }
    const targets = rows.filter(working);
    if (!targets.length) throw new AppError('INVALID_STATE', 'Tidak ada peserta yang sedang mengerjakan ujian di sesi ini.');
    const ids = targets.map((a) => a.id);
    await tx
      .update(catAttempts)
      .set({ endsAt: sql`${catAttempts.endsAt} + ${seconds}::int * interval '1 second'`, extraSeconds: sql`${catAttempts.extraSeconds} + ${seconds}::int` })
      .where(and(inArray(catAttempts.id, ids), eq(catAttempts.status, 'active'), gt(catAttempts.endsAt, now)));
    await tx.insert(catAttemptEvents).values(ids.map((attemptId) => ({ attemptId, kind: 'time_added', detail: { seconds, reason, by: actorId }, at: now })));
    await recordAudit(tx, { agencyId, actorId, action: 'cat_attempt.time', targetType: 'cat_session', targetId: sessionId, after: { seconds, attemptIds: ids }, details: { reason } });
    return { changed: ids.length };
  });
}

export type AttemptActionOptions = ProctorActionOptions & { attemptId: string };

async function sessionAttempt(tx: Db, { sessionId, attemptId, lock = false }: { sessionId: string; attemptId: string; lock?: boolean }) {
  const query = tx.select().from(catAttempts).where(and(eq(catAttempts.sessionId, sessionId), eq(catAttempts.id, attemptId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Peserta sesi ini');
  return row;
}

/**
 * Releases the attempt from its computer (the device token is cleared), so the participant can
 * resume on another one with the time that remains; the exam runtime binds the next device.
 */
export async function resetDevice(db: Db, { actorId, agencyId, sessionId, attemptId, reason, now = new Date() }: AttemptActionOptions & { reason: string }) {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, { agencyId, sessionId, lock: true });
    if (session.status !== 'open') throw new AppError('INVALID_STATE', 'Pindah komputer hanya pada sesi yang sedang dibuka.');
    const attempt = await sessionAttempt(tx, { sessionId, attemptId, lock: true });
    if (attempt.status === 'finished' || attempt.status === 'absent') throw new AppError('INVALID_STATE', 'Ujian peserta ini sudah selesai.');
    await tx.update(catAttempts).set({ deviceTokenHash: null }).where(eq(catAttempts.id, attemptId));
    await tx.insert(catAttemptEvents).values({ attemptId, kind: 'device_reset', detail: { reason, by: actorId }, at: now });
    await recordAudit(tx, { agencyId, actorId, action: 'cat_attempt.device_reset', targetType: 'cat_attempt', targetId: attemptId, before: { deviceBound: Boolean(attempt.deviceTokenHash) }, details: { reason } });
    return { changed: 1 };
  });
}

export type AttemptEventsOptions = { agencyId: string; sessionId: string; attemptId: string; limit: number };

/** What happened in one attempt, newest first. */
export async function attemptEvents(db: Db, { agencyId, sessionId, attemptId, limit }: AttemptEventsOptions) {
  await findSession(db, { agencyId, sessionId });
  await sessionAttempt(db, { sessionId, attemptId });
  const rows = await db.select().from(catAttemptEvents).where(eq(catAttemptEvents.attemptId, attemptId)).orderBy(desc(catAttemptEvents.at), desc(catAttemptEvents.id)).limit(limit);
  return rows.map((e) => ({ id: e.id, kind: e.kind, detail: e.detail, at: e.at.toISOString() }));
}

/** The stored photo of a participant of this session (the route streams it to the agency's staff only). */
export async function attemptPhoto(db: Db, { agencyId, sessionId, attemptId }: { agencyId: string; sessionId: string; attemptId: string }) {
  await findSession(db, { agencyId, sessionId });
  const attempt = await sessionAttempt(db, { sessionId, attemptId });
  const photo = (await applicantPhotos(db, [attempt.applicationId])).get(attempt.applicationId);
  if (!photo) throw notFound('Pas foto peserta');
  return photo;
}

/**
 * Closes the session: no one can start any more; those who never started are marked absent. Attempts
 * still running are finished by the exam runtime at their end time (never scored here).
 */
export async function closeSession(db: Db, { actorId, agencyId, sessionId, now = new Date() }: ProctorActionOptions) {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, { agencyId, sessionId, lock: true });
    if (session.status !== 'open') throw new AppError('INVALID_STATE', session.status === 'closed' ? 'Sesi sudah ditutup.' : 'Sesi belum dibuka.');
    await tx.update(catSessions).set({ status: 'closed', closedAt: now }).where(eq(catSessions.id, sessionId));
    const absent = await tx
      .update(catAttempts)
      .set({ status: 'absent' })
      .where(and(eq(catAttempts.sessionId, sessionId), eq(catAttempts.status, 'allocated')))
      .returning({ id: catAttempts.id });
    const [running] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(catAttempts).where(and(eq(catAttempts.sessionId, sessionId), eq(catAttempts.status, 'active')));
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'cat_session.close',
      targetType: 'cat_session',
      targetId: sessionId,
      before: { status: 'open' },
      after: { status: 'closed', closedAt: now.toISOString(), absent: absent.length, stillRunning: running?.n ?? 0 },
    });
    return { absent: absent.length, stillRunning: running?.n ?? 0 };
  });
}
