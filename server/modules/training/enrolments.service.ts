// Who takes part in training and how it ends: assignment (administrator or supervisor), requests
// approved by the supervisor, development proposals from the performance evaluation, candidates of a
// running selection; seats under the class's lock; attendance and test scores; and the class's close,
// which applies the programme's completion rule (core/training) and numbers the certificates.
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, like as sqlLike, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { calendarDateInZone, isAgencyZone } from '../../../core/time.js';
import { scheduleInstant } from '../../../core/selection-schedule.js';
import {
  candidateEnrolmentProblem,
  ENROLMENT_STATUS_LABELS,
  evaluateCompletion,
  OPEN_STATUSES,
  SEATED_STATUSES,
  type AttendanceStatus,
  type EnrolmentMethod,
  type EnrolmentStatus,
} from '../../../core/training.js';
import type { EnrolBody } from '../../../core/schemas/training.js';
import { containsPattern, type Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { applicationsByIds, eligibleApplications } from '../applications/applications.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { employeeOfAccount, findEmployee, staffOfAccount, type EmployeePresented } from '../employees/employees.service.js';
import { notify } from '../notifications/notifications.service.js';
import { isUniqueViolation } from '../organisation/organisation.service.js';
import { getSelection } from '../selections/selections.service.js';
import { staffWithRole } from '../staff/staff.service.js';
import { findProgramme, findSession, iso, num, requireOpen, type SessionRef } from './training.service.js';
import { trainingAttendance, trainingEnrolments, trainingMeetings, trainingProgrammes, trainingReactions, trainingSessions } from './training.table.js';

type EnrolmentRow = typeof trainingEnrolments.$inferSelect;
type ProgrammeRow = typeof trainingProgrammes.$inferSelect;


const sessions = alias(trainingSessions, 'enrolment_session');
const sessionStart = sql<string | null>`(select min(${trainingMeetings.startsAt}) from ${trainingMeetings} where ${trainingMeetings.sessionId} = ${trainingEnrolments.sessionId})`;
const sessionEnd = sql<string | null>`(select max(${trainingMeetings.endsAt}) from ${trainingMeetings} where ${trainingMeetings.sessionId} = ${trainingEnrolments.sessionId})`;
const reactionDone = sql<boolean>`exists (select 1 from ${trainingReactions} where ${trainingReactions.enrolmentId} = ${trainingEnrolments.id})`;

function enrolmentQuery(db: Db) {
  return db
    .select({
      enrolment: trainingEnrolments,
      programmeCode: trainingProgrammes.code,
      programmeName: trainingProgrammes.name,
      sessionName: sessions.name,
      sessionStatus: sessions.status,
      sessionStart,
      sessionEnd,
      reactionDone,
    })
    .from(trainingEnrolments)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEnrolments.programmeId))
    .leftJoin(sessions, eq(sessions.id, trainingEnrolments.sessionId))
    .$dynamic();
}

type EnrolmentView = Awaited<ReturnType<ReturnType<typeof enrolmentQuery>['execute']>>[number];

export function presentEnrolment(row: EnrolmentView) {
  const e = row.enrolment;
  return {
    id: e.id,
    programme: { id: e.programmeId, code: row.programmeCode, name: row.programmeName },
    session:
      e.sessionId && row.sessionName !== null
        ? { id: e.sessionId, name: row.sessionName, status: row.sessionStatus as 'open' | 'closed', startsAt: iso(row.sessionStart), endsAt: iso(row.sessionEnd) }
        : null,
    participant: { kind: e.employeeId ? ('employee' as const) : ('candidate' as const), name: e.participantName, employeeId: e.employeeId, applicationId: e.applicationId, accountId: e.accountId },
    method: e.method as EnrolmentMethod,
    status: e.status as EnrolmentStatus,
    reason: e.reason,
    decisionNote: e.decisionNote,
    preTest: num(e.preTest),
    postTest: num(e.postTest),
    attendancePercent: num(e.attendancePercent),
    outcomeNote: e.outcomeNote,
    completedAt: iso(e.completedAt),
    certificateNumber: e.status === 'completed' ? e.certificateNumber : null,
    reactionDone: Boolean(row.reactionDone),
    createdAt: e.createdAt.toISOString(),
  };
}
export type EnrolmentPresented = ReturnType<typeof presentEnrolment>;

export type EnrolmentRef = { agencyId: string; enrolmentId: string };

export async function findEnrolment(db: Db, ref: EnrolmentRef, lock = false): Promise<EnrolmentRow> {
  const query = db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.agencyId, ref.agencyId), eq(trainingEnrolments.id, ref.enrolmentId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Pendaftaran pelatihan');
  return row;
}

export async function getEnrolment(db: Db, ref: EnrolmentRef) {
  const [row] = await enrolmentQuery(db).where(and(eq(trainingEnrolments.agencyId, ref.agencyId), eq(trainingEnrolments.id, ref.enrolmentId)));
  if (!row) throw notFound('Pendaftaran pelatihan');
  return presentEnrolment(row);
}

export type ListEnrolmentsOptions = {
  agencyId: string;
  q?: string | undefined;
  programmeId?: string | undefined;
  sessionId?: string | undefined;
  employeeId?: string | undefined;
  status?: EnrolmentStatus | undefined;
  page: number;
  pageSize: number;
};

export async function listEnrolments(db: Db, options: ListEnrolmentsOptions) {
  const where: SQL | undefined = and(
    eq(trainingEnrolments.agencyId, options.agencyId),
    options.q ? ilike(trainingEnrolments.participantName, containsPattern(options.q)) : undefined,
    options.programmeId ? eq(trainingEnrolments.programmeId, options.programmeId) : undefined,
    options.sessionId ? eq(trainingEnrolments.sessionId, options.sessionId) : undefined,
    options.employeeId ? eq(trainingEnrolments.employeeId, options.employeeId) : undefined,
    options.status ? eq(trainingEnrolments.status, options.status) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(trainingEnrolments).where(where);
  const rows = await enrolmentQuery(db)
    .where(where)
    .orderBy(desc(trainingEnrolments.createdAt), asc(trainingEnrolments.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { items: rows.map(presentEnrolment), total: total?.n ?? 0 };
}

/** An employee's training history, newest first. */
export async function enrolmentsOfEmployee(db: Db, options: { agencyId: string; employeeId: string }) {
  const rows = await enrolmentQuery(db)
    .where(and(eq(trainingEnrolments.agencyId, options.agencyId), eq(trainingEnrolments.employeeId, options.employeeId)))
    .orderBy(desc(trainingEnrolments.createdAt));
  return rows.map(presentEnrolment);
}

/** Every enrolment of an account (as employee or candidate), across agencies. */
export async function enrolmentsOfAccount(db: Db, accountId: string) {
  const rows = await enrolmentQuery(db).where(eq(trainingEnrolments.accountId, accountId)).orderBy(desc(trainingEnrolments.createdAt));
  const agencyNames = new Map<string, string>();
  for (const agencyId of new Set(rows.map((row) => row.enrolment.agencyId))) agencyNames.set(agencyId, (await getAgency(db, agencyId)).name);
  return rows.map((row) => ({ ...presentEnrolment(row), agencyId: row.enrolment.agencyId, agencyName: agencyNames.get(row.enrolment.agencyId) ?? '' }));
}

/** The enrolments of a supervisor's direct staff: their requests to decide and their training. */
export async function enrolmentsOfStaff(db: Db, options: { agencyId: string; supervisorAccountId: string }) {
  const staff = await staffOfAccount(db, { agencyId: options.agencyId, accountId: options.supervisorAccountId });
  const ids = staff.map((employee) => employee.id);
  const rows = ids.length
    ? await enrolmentQuery(db)
        .where(and(eq(trainingEnrolments.agencyId, options.agencyId), inArray(trainingEnrolments.employeeId, ids)))
        .orderBy(desc(trainingEnrolments.createdAt))
    : [];
  return { staff, enrolments: rows.map(presentEnrolment) };
}

// ---- Joining ---------------------------------------------------------------------------------------

type Participant = { employeeId: string | null; applicationId: string | null; accountId: string | null; name: string; supervisorId: string | null };

function requireAudience(programme: ProgrammeRow, kind: 'employee' | 'candidate') {
  if (!programme.active) throw new AppError('VALIDATION_FAILED', 'Program ini tidak aktif.', { programmeId: 'Program tidak aktif' });
  if (programme.audience !== 'both' && programme.audience !== kind) {
    const message = kind === 'employee' ? 'Program ini khusus untuk peserta seleksi (calon ASN).' : 'Program ini khusus untuk pegawai.';
    throw new AppError('VALIDATION_FAILED', message, { programmeId: message });
  }
}

function employeeParticipant(employee: EmployeePresented): Participant {
  if (employee.status === 'ended') throw new AppError('VALIDATION_FAILED', 'Pegawai yang sudah berhenti tidak dapat diikutkan pelatihan.', { employeeId: 'Pegawai sudah berhenti' });
  return { employeeId: employee.id, applicationId: null, accountId: employee.accountId, name: employee.name, supervisorId: employee.supervisor?.id ?? null };
}

/** A candidate of a running round, before its final stage (seed 002). */
async function candidateParticipant(db: Db, options: { agencyId: string; applicationId: string; now: Date }): Promise<Participant> {
  const [application] = await applicationsByIds(db, [options.applicationId]);
  if (!application || application.agencyId !== options.agencyId) {
    throw new AppError('VALIDATION_FAILED', 'Peserta seleksi tidak ditemukan di instansi ini.', { applicationId: 'Peserta tidak ditemukan' });
  }
  const selection = await getSelection(db, { agencyId: options.agencyId, selectionId: application.selectionId });
  const agency = await getAgency(db, options.agencyId);
  const zone = isAgencyZone(agency.timezone) ? agency.timezone : 'Asia/Jakarta';
  const finalDate = selection.schedule.finalAnnouncement;
  const problem = candidateEnrolmentProblem({
    applicationStatus: application.status,
    selectionStatus: selection.status,
    finalAnnouncementAt: finalDate ? scheduleInstant({ field: 'finalAnnouncement', date: finalDate, zone }) : null,
    now: options.now,
  });
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { applicationId: problem });
  return { employeeId: null, applicationId: application.id, accountId: application.accountId, name: application.applicantName ?? 'Peserta seleksi', supervisorId: null };
}

/** Takes a seat in a class of the enrolment's programme, under the class's lock (capacity). */
async function seat(tx: Db, options: { agencyId: string; programmeId: string; sessionId: string }) {
  const session = await findSession(tx, { agencyId: options.agencyId, sessionId: options.sessionId }, true).catch(() => null);
  if (!session || session.programmeId !== options.programmeId) {
    throw new AppError('VALIDATION_FAILED', 'Kelas tidak ditemukan untuk program ini.', { sessionId: 'Kelas bukan bagian dari program ini' });
  }
  if (session.status !== 'open') throw new AppError('VALIDATION_FAILED', 'Kelas ini sudah ditutup.', { sessionId: 'Kelas sudah ditutup' });
  const [taken] = await tx
    .select({ n: count() })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.sessionId, session.id), inArray(trainingEnrolments.status, [...SEATED_STATUSES])));
  if ((taken?.n ?? 0) >= session.capacity) {
    throw new AppError('CONFLICT', `Kelas ${session.name} sudah penuh (${session.capacity} peserta). Pilih kelas lain atau biarkan menunggu jadwal.`, { sessionId: 'Kelas penuh' });
  }
  return session;
}

const alreadyOpen = () =>
  new AppError('CONFLICT', 'Peserta ini sudah terdaftar, menunggu kelas, atau menunggu persetujuan di program ini.', { employeeId: 'Sudah terdaftar di program ini' });

type InsertOptions = {
  agencyId: string;
  actorId: string;
  programme: ProgrammeRow;
  participant: Participant;
  sessionId: string | null;
  method: EnrolmentMethod;
  status: EnrolmentStatus;
  reason: string;
  /** The caller already counted the seats for a group under the class's lock. */
  seatsCounted?: boolean;
};

async function insertEnrolment(tx: Db, options: InsertOptions): Promise<EnrolmentRow> {
  if (options.sessionId && !options.seatsCounted) await seat(tx, { agencyId: options.agencyId, programmeId: options.programme.id, sessionId: options.sessionId });
  const [row] = await tx
    .insert(trainingEnrolments)
    .values({
      agencyId: options.agencyId,
      programmeId: options.programme.id,
      sessionId: options.sessionId,
      employeeId: options.participant.employeeId,
      applicationId: options.participant.applicationId,
      accountId: options.participant.accountId,
      participantName: options.participant.name,
      method: options.method,
      status: options.status,
      reason: options.reason,
      createdBy: options.actorId,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw alreadyOpen();
  await recordAudit(tx, {
    agencyId: options.agencyId,
    actorId: options.actorId,
    action: 'training.enrol',
    targetType: 'training_enrolment',
    targetId: row.id,
    after: { programmeId: row.programmeId, sessionId: row.sessionId, employeeId: row.employeeId, applicationId: row.applicationId, method: row.method, status: row.status, reason: row.reason },
  });
  return row;
}

async function tellParticipant(tx: Db, row: EnrolmentRow, programme: Pick<ProgrammeRow, 'name'>, text: string) {
  if (row.accountId) await notify(tx, { accountId: row.accountId, title: `Pelatihan ${programme.name}`, body: text, link: '/pelatihan-saya' });
}

export type EnrolOptions = { agencyId: string; actorId: string; data: EnrolBody; now?: Date };

/** Assigns an employee or a candidate to a programme: into a class when one is given, else waiting for one. */
export async function enrol(db: Db, options: EnrolOptions) {
  const { data } = options;
  const participant = data.employeeId
    ? employeeParticipant(await findEmployee(db, { agencyId: options.agencyId, employeeId: data.employeeId }).catch(() => {
        throw new AppError('VALIDATION_FAILED', 'Pegawai tidak ditemukan di instansi ini.', { employeeId: 'Pegawai tidak ditemukan' });
      }))
    : await candidateParticipant(db, { agencyId: options.agencyId, applicationId: data.applicationId!, now: options.now ?? new Date() });
  const id = await db
    .transaction(async (tx) => {
      const programme = await findProgramme(tx, { agencyId: options.agencyId, programmeId: data.programmeId }).catch(() => {
        throw new AppError('VALIDATION_FAILED', 'Program pelatihan tidak ditemukan.', { programmeId: 'Program tidak ditemukan' });
      });
      requireAudience(programme, participant.employeeId ? 'employee' : 'candidate');
      const row = await insertEnrolment(tx, {
        agencyId: options.agencyId,
        actorId: options.actorId,
        programme,
        participant,
        sessionId: data.sessionId,
        method: 'assigned',
        status: data.sessionId ? 'enrolled' : 'waiting',
        reason: data.reason,
      });
      await tellParticipant(tx, row, programme, data.sessionId ? 'Anda ditugaskan mengikuti kelas pelatihan ini.' : 'Anda ditugaskan mengikuti pelatihan ini; jadwal kelas akan diberitahukan.');
      return row.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw alreadyOpen();
      throw error;
    });
  return getEnrolment(db, { agencyId: options.agencyId, enrolmentId: id });
}

export type RequestOptions = { agencyId: string; accountId: string; programmeId: string; sessionId: string | null; reason: string };

/** An employee asks to join a programme; their supervisor (or, without one, the administrators) decides. */
export async function requestTraining(db: Db, options: RequestOptions) {
  const employee = await employeeOfAccount(db, { agencyId: options.agencyId, accountId: options.accountId });
  if (!employee) throw new AppError('FORBIDDEN', 'Akun Anda belum terhubung dengan data pegawai instansi ini.');
  const participant = employeeParticipant(employee);
  const id = await db
    .transaction(async (tx) => {
      const programme = await findProgramme(tx, { agencyId: options.agencyId, programmeId: options.programmeId }).catch(() => {
        throw new AppError('VALIDATION_FAILED', 'Program pelatihan tidak ditemukan.', { programmeId: 'Program tidak ditemukan' });
      });
      requireAudience(programme, 'employee');
      if (options.sessionId) {
        const session = await findSession(tx, { agencyId: options.agencyId, sessionId: options.sessionId }).catch(() => null);
        if (!session || session.programmeId !== programme.id || session.status !== 'open') {
          throw new AppError('VALIDATION_FAILED', 'Kelas tidak ditemukan atau sudah ditutup.', { sessionId: 'Kelas tidak tersedia' });
        }
      }
      const [row] = await tx
        .insert(trainingEnrolments)
        .values({
          agencyId: options.agencyId,
          programmeId: programme.id,
          sessionId: options.sessionId,
          employeeId: participant.employeeId,
          accountId: participant.accountId,
          participantName: participant.name,
          method: 'requested',
          status: 'requested',
          reason: options.reason,
          createdBy: options.accountId,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw alreadyOpen();
      await recordAudit(tx, { agencyId: options.agencyId, actorId: options.accountId, action: 'training.request', targetType: 'training_enrolment', targetId: row.id, after: { programmeId: programme.id, sessionId: options.sessionId, reason: options.reason } });
      const deciders = employee.supervisor ? await supervisorAccounts(tx, options.agencyId, employee.supervisor.id) : [];
      const recipients = deciders.length ? deciders : (await staffWithRole(tx, options.agencyId, ['admin_instansi'])).map((r) => r.accountId);
      for (const accountId of recipients) {
        await notify(tx, { accountId, title: 'Permintaan pelatihan', body: `${employee.name} meminta mengikuti ${programme.name}.`, link: employee.supervisor ? '/atasan/pelatihan' : `/admin/instansi/${options.agencyId}/pelatihan/peserta?status=requested` });
      }
      return row.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw alreadyOpen();
      throw error;
    });
  return getEnrolment(db, { agencyId: options.agencyId, enrolmentId: id });
}

async function supervisorAccounts(db: Db, agencyId: string, supervisorEmployeeId: string): Promise<string[]> {
  const supervisor = await findEmployee(db, { agencyId, employeeId: supervisorEmployeeId }).catch(() => null);
  return supervisor?.accountId && supervisor.status !== 'ended' ? [supervisor.accountId] : [];
}

export type DecideOptions = EnrolmentRef & { actorId: string };

/** The supervisor (or an administrator) approves a request: into a class when one is given (or was asked for), else waiting. */
export async function approveRequest(db: Db, options: DecideOptions & { sessionId: string | null; note: string }) {
  await db.transaction(async (tx) => {
    const before = await findEnrolment(tx, options, true);
    if (before.status !== 'requested') throw new AppError('INVALID_STATE', 'Permintaan ini sudah diputuskan.');
    const programme = await findProgramme(tx, { agencyId: options.agencyId, programmeId: before.programmeId });
    const sessionId = options.sessionId ?? before.sessionId;
    if (sessionId) await seat(tx, { agencyId: options.agencyId, programmeId: before.programmeId, sessionId });
    const [after] = await tx
      .update(trainingEnrolments)
      .set({ status: sessionId ? 'enrolled' : 'waiting', sessionId, decisionNote: options.note, decidedBy: options.actorId, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(trainingEnrolments.id, before.id))
      .returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.request.approve', targetType: 'training_enrolment', targetId: before.id, before: { status: before.status }, after: { status: after!.status, sessionId, note: options.note } });
    await tellParticipant(tx, after!, programme, sessionId ? 'Permintaan Anda disetujui; Anda terdaftar di kelas.' : 'Permintaan Anda disetujui; jadwal kelas akan diberitahukan.');
  });
  return getEnrolment(db, options);
}

export async function rejectRequest(db: Db, options: DecideOptions & { note: string }) {
  await db.transaction(async (tx) => {
    const before = await findEnrolment(tx, options, true);
    if (before.status !== 'requested') throw new AppError('INVALID_STATE', 'Permintaan ini sudah diputuskan.');
    const programme = await findProgramme(tx, { agencyId: options.agencyId, programmeId: before.programmeId });
    const [after] = await tx
      .update(trainingEnrolments)
      .set({ status: 'rejected', decisionNote: options.note, decidedBy: options.actorId, decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(trainingEnrolments.id, before.id))
      .returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.request.reject', targetType: 'training_enrolment', targetId: before.id, before: { status: before.status }, after: { status: 'rejected', note: options.note } });
    await tellParticipant(tx, after!, programme, `Permintaan Anda tidak disetujui: ${options.note}`);
  });
  return getEnrolment(db, options);
}

/** Puts a waiting participant into a class, or moves them to another class before attendance was taken. */
export async function placeEnrolment(db: Db, options: DecideOptions & { sessionId: string }) {
  await db.transaction(async (tx) => {
    const before = await findEnrolment(tx, options, true);
    if (before.status !== 'waiting' && before.status !== 'enrolled') throw new AppError('INVALID_STATE', 'Hanya peserta yang menunggu kelas atau terdaftar di kelas yang dapat ditempatkan.');
    if (before.sessionId === options.sessionId) throw new AppError('CONFLICT', 'Peserta sudah terdaftar di kelas ini.', { sessionId: 'Sudah di kelas ini' });
    if (before.status === 'enrolled') {
      const [recorded] = await tx.select({ n: count() }).from(trainingAttendance).where(eq(trainingAttendance.enrolmentId, before.id));
      if ((recorded?.n ?? 0) > 0) throw new AppError('CONFLICT', 'Presensi peserta ini sudah diisi di kelasnya; peserta tidak dapat dipindah.');
    }
    const programme = await findProgramme(tx, { agencyId: options.agencyId, programmeId: before.programmeId });
    await seat(tx, { agencyId: options.agencyId, programmeId: before.programmeId, sessionId: options.sessionId });
    const [after] = await tx.update(trainingEnrolments).set({ status: 'enrolled', sessionId: options.sessionId, updatedAt: new Date() }).where(eq(trainingEnrolments.id, before.id)).returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.place', targetType: 'training_enrolment', targetId: before.id, before: { status: before.status, sessionId: before.sessionId }, after: { status: 'enrolled', sessionId: options.sessionId } });
    await tellParticipant(tx, after!, programme, 'Anda terdaftar di kelas pelatihan; lihat jadwalnya di halaman Pelatihan Saya.');
  });
  return getEnrolment(db, options);
}

/** Cancels an enrolment still going somewhere (administrators; a participant withdraws their own request or wait). */
export async function cancelEnrolment(db: Db, options: DecideOptions & { note: string; byParticipant: boolean }) {
  await db.transaction(async (tx) => {
    const before = await findEnrolment(tx, options, true);
    const allowed: readonly string[] = options.byParticipant ? ['requested', 'waiting'] : OPEN_STATUSES;
    if (!allowed.includes(before.status)) {
      throw new AppError('INVALID_STATE', options.byParticipant ? 'Hanya permintaan atau antrean yang dapat Anda batalkan sendiri; hubungi admin bila sudah terdaftar di kelas.' : 'Pendaftaran ini sudah selesai atau dibatalkan.');
    }
    await tx.update(trainingEnrolments).set({ status: 'cancelled', decisionNote: options.note, decidedBy: options.actorId, decidedAt: new Date(), updatedAt: new Date() }).where(eq(trainingEnrolments.id, before.id));
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.cancel', targetType: 'training_enrolment', targetId: before.id, before: { status: before.status, sessionId: before.sessionId }, after: { status: 'cancelled', note: options.note } });
  });
  return getEnrolment(db, options);
}

export type EnrolCandidatesOptions = { agencyId: string; actorId: string; programmeId: string; sessionId: string | null; selectionId: string; now?: Date };

/**
 * Enrols every eligible (MS) candidate of a running round who is not yet enrolled in the programme
 * (seed 002: work ethics and public service before the final stage). All or none: a class without
 * enough seats for all of them refuses and nothing is saved.
 */
export async function enrolCandidates(db: Db, options: EnrolCandidatesOptions) {
  const now = options.now ?? new Date();
  const candidates = await eligibleApplications(db, options);
  if (candidates.length === 0) throw new AppError('VALIDATION_FAILED', 'Seleksi ini belum memiliki peserta yang Memenuhi Syarat (MS).', { selectionId: 'Belum ada peserta MS' });
  // The round's own state (running, before the final announcement) is checked once, on the first candidate.
  await candidateParticipant(db, { agencyId: options.agencyId, applicationId: candidates[0]!.id, now });
  return db
    .transaction(async (tx) => {
      const programme = await findProgramme(tx, { agencyId: options.agencyId, programmeId: options.programmeId }).catch(() => {
        throw new AppError('VALIDATION_FAILED', 'Program pelatihan tidak ditemukan.', { programmeId: 'Program tidak ditemukan' });
      });
      requireAudience(programme, 'candidate');
      const open = await tx
        .select({ applicationId: trainingEnrolments.applicationId })
        .from(trainingEnrolments)
        .where(and(eq(trainingEnrolments.programmeId, programme.id), inArray(trainingEnrolments.status, [...OPEN_STATUSES, 'completed']), isNotNull(trainingEnrolments.applicationId)));
      const taken = new Set(open.map((row) => row.applicationId));
      const fresh = candidates.filter((c) => !taken.has(c.id));
      if (options.sessionId && fresh.length) {
        const session = await seat(tx, { agencyId: options.agencyId, programmeId: programme.id, sessionId: options.sessionId });
        const [seated] = await tx.select({ n: count() }).from(trainingEnrolments).where(and(eq(trainingEnrolments.sessionId, session.id), inArray(trainingEnrolments.status, [...SEATED_STATUSES])));
        const free = session.capacity - (seated?.n ?? 0);
        if (fresh.length > free) {
          throw new AppError('CONFLICT', `Kelas ${session.name} hanya punya ${free} kursi kosong untuk ${fresh.length} peserta; pilih kelas lain atau tanpa kelas (menunggu jadwal).`, { sessionId: 'Kursi tidak cukup' });
        }
      }
      for (const candidate of fresh) {
        const row = await insertEnrolment(tx, {
          agencyId: options.agencyId,
          actorId: options.actorId,
          programme,
          participant: { employeeId: null, applicationId: candidate.id, accountId: candidate.accountId, name: candidate.applicantName ?? candidate.registrationNumber ?? 'Peserta seleksi', supervisorId: null },
          sessionId: options.sessionId,
          seatsCounted: true,
          method: 'assigned',
          status: options.sessionId ? 'enrolled' : 'waiting',
          reason: 'Pembekalan peserta seleksi sebelum tahap akhir',
        });
        await tellParticipant(tx, row, programme, 'Anda diikutkan pembekalan bagi peserta seleksi; lihat jadwalnya di halaman Pelatihan Saya.');
      }
      return { enrolled: fresh.length, already: candidates.length - fresh.length };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw alreadyOpen();
      throw error;
    });
}

// ---- For the performance evaluation ---------------------------------------------------------------

export type EnrolForDevelopmentOptions = { agencyId: string; employeeId: string; programmeId: string; reason: string; actorId: string };

/**
 * Proposes an employee for a programme as a development recommendation, inside the caller's
 * transaction: a waiting enrolment (the administrator places it in a class). An enrolment already
 * going somewhere in that programme is returned instead of a second one.
 */
export async function enrolForDevelopment(tx: Db, options: EnrolForDevelopmentOptions): Promise<{ enrolmentId: string; created: boolean }> {
  const participant = employeeParticipant(await findEmployee(tx, { agencyId: options.agencyId, employeeId: options.employeeId }));
  const programme = await findProgramme(tx, { agencyId: options.agencyId, programmeId: options.programmeId });
  requireAudience(programme, 'employee');
  const [open] = await tx
    .select({ id: trainingEnrolments.id })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.programmeId, programme.id), eq(trainingEnrolments.employeeId, options.employeeId), inArray(trainingEnrolments.status, [...OPEN_STATUSES])));
  if (open) return { enrolmentId: open.id, created: false };
  const row = await insertEnrolment(tx, { agencyId: options.agencyId, actorId: options.actorId, programme, participant, sessionId: null, method: 'development', status: 'waiting', reason: options.reason });
  await tellParticipant(tx, row, programme, 'Anda direkomendasikan mengikuti pelatihan ini untuk pengembangan kompetensi; jadwal kelas akan diberitahukan.');
  return { enrolmentId: row.id, created: true };
}

export type TrainingOutcome = { employeeId: string; completed: number; notCompleted: number; basicCompleted: boolean };

/** Per employee: programmes completed and not completed in closed classes, and whether basic training (Latsar) was completed — for cohort figures. */
export async function trainingOutcomesOfEmployees(db: Db, options: { agencyId: string; employeeIds: string[] }): Promise<TrainingOutcome[]> {
  if (options.employeeIds.length === 0) return [];
  const rows = await db
    .select({
      employeeId: trainingEnrolments.employeeId,
      completed: sql<number>`count(*) filter (where ${trainingEnrolments.status} = 'completed')`.mapWith(Number),
      notCompleted: sql<number>`count(*) filter (where ${trainingEnrolments.status} = 'not_completed')`.mapWith(Number),
      basicCompleted: sql<boolean>`bool_or(${trainingEnrolments.status} = 'completed' and ${trainingProgrammes.isBasic})`,
    })
    .from(trainingEnrolments)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingEnrolments.programmeId))
    .where(and(eq(trainingEnrolments.agencyId, options.agencyId), inArray(trainingEnrolments.employeeId, options.employeeIds)))
    .groupBy(trainingEnrolments.employeeId);
  const byEmployee = new Map(rows.map((row) => [row.employeeId!, row]));
  return options.employeeIds.map((employeeId) => {
    const row = byEmployee.get(employeeId);
    return { employeeId, completed: row?.completed ?? 0, notCompleted: row?.notCompleted ?? 0, basicCompleted: Boolean(row?.basicCompleted) };
  });
}

export type EnrolmentStatusView = {
  status: EnrolmentStatus;
  /** The status in words, with the class when there is one ("Terdaftar di kelas Angkatan I"). */
  progress: string;
  completedAt: string | null;
  /** The certificate (PDF) for the participant, their supervisor and administrators, once completed. */
  certificateUrl: string | null;
  programme: { id: string; name: string };
};

/** Where a (development) enrolment stands. */
export async function enrolmentStatus(db: Db, ref: EnrolmentRef): Promise<EnrolmentStatusView> {
  const enrolment = await getEnrolment(db, ref);
  const label = ENROLMENT_STATUS_LABELS[enrolment.status];
  const progress = enrolment.status === 'enrolled' && enrolment.session ? `Terdaftar di kelas ${enrolment.session.name}` : enrolment.status === 'not_completed' && enrolment.outcomeNote ? `${label}: ${enrolment.outcomeNote}` : label;
  return {
    status: enrolment.status,
    progress,
    completedAt: enrolment.completedAt,
    certificateUrl: enrolment.status === 'completed' ? `/api/agencies/${ref.agencyId}/training/enrolments/${enrolment.id}/certificate.pdf` : null,
    programme: { id: enrolment.programme.id, name: enrolment.programme.name },
  };
}

// ---- In class: roster, attendance, scores, close ---------------------------------------------------

/** The class list with each participant's attendance per meeting. */
export async function roster(db: Db, ref: SessionRef) {
  const rows = await enrolmentQuery(db)
    .where(and(eq(trainingEnrolments.agencyId, ref.agencyId), eq(trainingEnrolments.sessionId, ref.sessionId), inArray(trainingEnrolments.status, [...SEATED_STATUSES])))
    .orderBy(asc(trainingEnrolments.participantName), asc(trainingEnrolments.id));
  const ids = rows.map((row) => row.enrolment.id);
  const marks = ids.length ? await db.select().from(trainingAttendance).where(inArray(trainingAttendance.enrolmentId, ids)) : [];
  const byEnrolment = new Map<string, Record<string, AttendanceStatus>>();
  for (const mark of marks) {
    const own = byEnrolment.get(mark.enrolmentId) ?? {};
    own[mark.meetingId] = mark.status as AttendanceStatus;
    byEnrolment.set(mark.enrolmentId, own);
  }
  return rows.map((row) => {
    const attendance = byEnrolment.get(row.enrolment.id) ?? {};
    return { ...presentEnrolment(row), attendance, present: Object.values(attendance).filter((status) => status === 'present').length };
  });
}

/** The enrolled participants of an open class, checked against the entries sent. */
async function classEntries(tx: Db, sessionId: string, enrolmentIds: string[]) {
  const unique = new Set(enrolmentIds);
  if (unique.size !== enrolmentIds.length) throw new AppError('VALIDATION_FAILED', 'Satu peserta disebut lebih dari sekali.', { entries: 'Peserta berulang' });
  const rows = await tx
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.sessionId, sessionId), eq(trainingEnrolments.status, 'enrolled'), inArray(trainingEnrolments.id, [...unique])))
    .for('update');
  if (rows.length !== unique.size) {
    const known = new Set(rows.map((row) => row.id));
    const index = enrolmentIds.findIndex((id) => !known.has(id));
    throw new AppError('VALIDATION_FAILED', 'Ada peserta yang bukan peserta kelas ini.', { [`entries.${index}.enrolmentId`]: 'Bukan peserta kelas ini' });
  }
  return new Map(rows.map((row) => [row.id, row]));
}

export type AttendanceOptions = SessionRef & { actorId: string; meetingId: string; entries: Array<{ enrolmentId: string; status: AttendanceStatus }>; now?: Date };

export async function recordAttendance(db: Db, options: AttendanceOptions) {
  const now = options.now ?? new Date();
  await db.transaction(async (tx) => {
    const session = await findSession(tx, options, true);
    requireOpen(session);
    const [meeting] = await tx.select().from(trainingMeetings).where(and(eq(trainingMeetings.sessionId, session.id), eq(trainingMeetings.id, options.meetingId)));
    if (!meeting) throw new AppError('VALIDATION_FAILED', 'Pertemuan tidak ditemukan di kelas ini.', { meetingId: 'Pertemuan tidak ditemukan' });
    if (meeting.startsAt.getTime() > now.getTime()) throw new AppError('VALIDATION_FAILED', 'Presensi baru dapat diisi setelah pertemuan dimulai.', { meetingId: 'Pertemuan belum dimulai' });
    await classEntries(tx, session.id, options.entries.map((entry) => entry.enrolmentId));
    await tx
      .insert(trainingAttendance)
      .values(options.entries.map((entry) => ({ enrolmentId: entry.enrolmentId, meetingId: meeting.id, agencyId: options.agencyId, status: entry.status, recordedBy: options.actorId, recordedAt: now })))
      .onConflictDoUpdate({ target: [trainingAttendance.enrolmentId, trainingAttendance.meetingId], set: { status: sql`excluded.status`, recordedBy: options.actorId, recordedAt: now } });
    const tally = { present: 0, excused: 0, absent: 0 };
    for (const entry of options.entries) tally[entry.status] += 1;
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.attendance', targetType: 'training_session', targetId: session.id, after: { meetingId: meeting.id, ...tally, entries: options.entries } });
  });
  return roster(db, options);
}

export type ScoresOptions = SessionRef & { actorId: string; entries: Array<{ enrolmentId: string; preTest: number | null; postTest: number | null }> };

export async function recordScores(db: Db, options: ScoresOptions) {
  await db.transaction(async (tx) => {
    const session = await findSession(tx, options, true);
    requireOpen(session);
    const before = await classEntries(tx, session.id, options.entries.map((entry) => entry.enrolmentId));
    const changes: Array<{ enrolmentId: string; before: { preTest: number | null; postTest: number | null }; after: { preTest: number | null; postTest: number | null } }> = [];
    for (const entry of options.entries) {
      const row = before.get(entry.enrolmentId)!;
      const old = { preTest: num(row.preTest), postTest: num(row.postTest) };
      if (old.preTest === entry.preTest && old.postTest === entry.postTest) continue;
      await tx
        .update(trainingEnrolments)
        .set({ preTest: entry.preTest === null ? null : String(entry.preTest), postTest: entry.postTest === null ? null : String(entry.postTest), updatedAt: new Date() })
        .where(eq(trainingEnrolments.id, row.id));
      changes.push({ enrolmentId: row.id, before: old, after: { preTest: entry.preTest, postTest: entry.postTest } });
    }
    if (changes.length) await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.scores', targetType: 'training_session', targetId: session.id, after: { changes } });
  });
  return roster(db, options);
}

/** A certificate number: agency code, programme code, year, and the programme's next number that year. */
async function nextCertificateNumber(tx: Db, options: { agencyCode: string; programme: ProgrammeRow; year: string }) {
  const part = (code: string) => code.replace(/[^A-Z0-9]/gi, '').toUpperCase().slice(0, 20);
  const prefix = `${part(options.agencyCode)}-${part(options.programme.code)}-${options.year}-`;
  const [last] = await tx
    .select({ n: count() })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.programmeId, options.programme.id), isNotNull(trainingEnrolments.certificateNumber), sqlLike(trainingEnrolments.certificateNumber, `${prefix}%`)));
  let seq = (last?.n ?? 0) + 1;
  return () => `${prefix}${String(seq++).padStart(5, '0')}`;
}

export type CloseOptions = SessionRef & { actorId: string; now?: Date };

/**
 * Closes a class after its last meeting has started and every meeting's attendance is complete:
 * each participant completes or not by the programme's rule; those who complete get a certificate
 * number (kept if the class is reopened and closed again).
 */
export async function closeSession(db: Db, options: CloseOptions) {
  const now = options.now ?? new Date();
  const outcome = await db.transaction(async (tx) => {
    const preview = await findSession(tx, options);
    // The programme row orders certificate numbering between classes closing together.
    const programme = await findProgramme(tx, { agencyId: options.agencyId, programmeId: preview.programmeId }, true);
    const session = await findSession(tx, options, true);
    requireOpen(session);
    const meetings = await tx.select().from(trainingMeetings).where(eq(trainingMeetings.sessionId, session.id)).orderBy(asc(trainingMeetings.startsAt));
    if (meetings.length === 0) throw new AppError('INVALID_STATE', 'Kelas belum memiliki pertemuan.');
    const last = meetings[meetings.length - 1]!;
    if (last.startsAt.getTime() > now.getTime()) throw new AppError('INVALID_STATE', 'Kelas baru dapat ditutup setelah pertemuan terakhir dimulai.');
    const participants = await tx.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.sessionId, session.id), eq(trainingEnrolments.status, 'enrolled'))).for('update');
    const marks = participants.length
      ? await tx.select().from(trainingAttendance).where(inArray(trainingAttendance.enrolmentId, participants.map((p) => p.id)))
      : [];
    const missing = meetings
      .map((meeting, index) => ({ index, missing: participants.length - marks.filter((mark) => mark.meetingId === meeting.id).length }))
      .filter((entry) => entry.missing > 0);
    if (missing.length) {
      const list = missing.map((entry) => `pertemuan ${entry.index + 1} (${entry.missing} peserta)`).join(', ');
      throw new AppError('INVALID_STATE', `Presensi belum lengkap: ${list}. Lengkapi presensi sebelum menutup kelas.`);
    }
    const agency = await getAgency(tx, options.agencyId);
    const year = calendarDateInZone(now, isAgencyZone(agency.timezone) ? agency.timezone : 'Asia/Jakarta').slice(0, 4);
    const nextNumber = await nextCertificateNumber(tx, { agencyCode: agency.code, programme, year });
    const rule = { minAttendancePercent: Number(programme.minAttendancePercent), minPostTest: num(programme.minPostTest) };
    let completed = 0;
    for (const participant of participants) {
      const present = marks.filter((mark) => mark.enrolmentId === participant.id && mark.status === 'present').length;
      const result = evaluateCompletion({ rule, meetings: meetings.length, present, postTest: num(participant.postTest) });
      if (result.completed) completed += 1;
      const certificateNumber = result.completed ? (participant.certificateNumber ?? nextNumber()) : participant.certificateNumber;
      await tx
        .update(trainingEnrolments)
        .set({
          status: result.completed ? 'completed' : 'not_completed',
          attendancePercent: result.attendancePercent === null ? null : String(result.attendancePercent),
          outcomeNote: result.reasons.join(' '),
          completedAt: result.completed ? now : null,
          certificateNumber,
          certificateIssuedAt: result.completed ? (participant.certificateIssuedAt ?? now) : participant.certificateIssuedAt,
          updatedAt: now,
        })
        .where(eq(trainingEnrolments.id, participant.id));
      if (participant.accountId) {
        await notify(tx, {
          accountId: participant.accountId,
          title: `Hasil pelatihan ${programme.name}`,
          body: result.completed ? 'Selamat, Anda lulus. Sertifikat dapat diunduh, dan mohon isi survei pelatihan.' : `Anda belum lulus: ${result.reasons.join(' ')}`,
          link: '/pelatihan-saya',
        });
      }
    }
    await tx.update(trainingSessions).set({ status: 'closed', closedAt: now, closedBy: options.actorId, updatedAt: now }).where(eq(trainingSessions.id, session.id));
    const summary = { participants: participants.length, completed, notCompleted: participants.length - completed, rule };
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.session.close', targetType: 'training_session', targetId: session.id, after: summary });
    return summary;
  });
  return outcome;
}

/** Reopens a closed class to correct it: outcomes return to "in class" and certificates stop verifying until it closes again. */
export async function reopenSession(db: Db, options: SessionRef & { actorId: string; reason: string }) {
  await db.transaction(async (tx) => {
    const session = await findSession(tx, options, true);
    if (session.status !== 'closed') throw new AppError('INVALID_STATE', 'Kelas ini masih terbuka.');
    const reopened = await tx
      .update(trainingEnrolments)
      .set({ status: 'enrolled', completedAt: null, outcomeNote: '', attendancePercent: null, updatedAt: new Date() })
      .where(and(eq(trainingEnrolments.sessionId, session.id), inArray(trainingEnrolments.status, ['completed', 'not_completed'])))
      .returning({ id: trainingEnrolments.id });
    await tx.update(trainingSessions).set({ status: 'open', closedAt: null, closedBy: null, updatedAt: new Date() }).where(eq(trainingSessions.id, session.id));
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.session.reopen', targetType: 'training_session', targetId: session.id, after: { reason: options.reason, participants: reopened.length } });
  });
}
