// The training catalogue: programmes with their completion rule, classes (sessions) with trainer,
// place, capacity and meetings, and each programme's figures (completion, learning gain, reaction).
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { add, divide, multiply, ratio, roundHalfUp, toRational } from '../../../core/exact.js';
import { completionRate, learningGain, REACTION_QUESTIONS, SEATED_STATUSES, summariseSurvey, type CompletionRate, type LearningGain, type ProgrammeAudience } from '../../../core/training.js';
import type { MeetingBody, ProgrammeBody, SessionBody } from '../../../core/schemas/training.js';
import { containsPattern, selectRows, type Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { accounts } from '../accounts/accounts.table.js';
import { recordAudit } from '../audit/audit.service.js';
import { isUniqueViolation } from '../organisation/organisation.service.js';
import { holdsAgencyRole } from '../staff/staff.service.js';
import { trainingAttendance, trainingEnrolments, trainingMeetings, trainingProgrammes, trainingReactions, trainingSessions } from './training.table.js';

type ProgrammeRow = typeof trainingProgrammes.$inferSelect;
type SessionRow = typeof trainingSessions.$inferSelect;

/** A numeric column (text from the driver) as a number. */
export const num = (value: string | null) => (value === null ? null : Number(value));
/** A timestamp (a Date, or text from a raw subquery) as ISO text. */
export const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

// ---- Programmes ------------------------------------------------------------------------------------

const openSessions = sql<number>`(select count(*) from ${trainingSessions} where ${trainingSessions.programmeId} = ${trainingProgrammes.id} and ${trainingSessions.status} = 'open')`.mapWith(Number);

export function presentProgramme(row: ProgrammeRow & { openSessions: number }) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    audience: row.audience as ProgrammeAudience,
    competencies: row.competencies,
    hours: row.hours,
    minAttendancePercent: Number(row.minAttendancePercent),
    minPostTest: num(row.minPostTest),
    isBasic: row.isBasic,
    active: row.active,
    openSessions: row.openSessions,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ProgrammePresented = ReturnType<typeof presentProgramme>;

export type ListProgrammesOptions = { agencyId: string; q?: string | undefined; active?: 'true' | 'false' | undefined; audience?: ProgrammeAudience | undefined; competency?: string | undefined; page: number; pageSize: number };

/** Programmes that list the competency among theirs (case ignored). */
const buildsCompetency = (competency: string) => sql`exists (select 1 from jsonb_array_elements_text(${trainingProgrammes.competencies}) c where lower(c) = lower(${competency}))`;

export async function listProgrammes(db: Db, options: ListProgrammesOptions) {
  const where = and(
    eq(trainingProgrammes.agencyId, options.agencyId),
    options.q ? or(ilike(trainingProgrammes.name, containsPattern(options.q)), ilike(trainingProgrammes.code, containsPattern(options.q))) : undefined,
    options.active ? eq(trainingProgrammes.active, options.active === 'true') : undefined,
    options.audience ? inArray(trainingProgrammes.audience, [options.audience, 'both']) : undefined,
    options.competency ? buildsCompetency(options.competency) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(trainingProgrammes).where(where);
  const rows = await db
    .select({ programme: trainingProgrammes, openSessions })
    .from(trainingProgrammes)
    .where(where)
    .orderBy(desc(trainingProgrammes.active), asc(trainingProgrammes.name), asc(trainingProgrammes.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { items: rows.map((row) => presentProgramme({ ...row.programme, openSessions: row.openSessions })), total: total?.n ?? 0 };
}

export type ProgrammeRef = { agencyId: string; programmeId: string };

export async function findProgramme(db: Db, ref: ProgrammeRef, lock = false): Promise<ProgrammeRow> {
  const query = db.select().from(trainingProgrammes).where(and(eq(trainingProgrammes.agencyId, ref.agencyId), eq(trainingProgrammes.id, ref.programmeId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Program pelatihan');
  return row;
}

export async function getProgramme(db: Db, ref: ProgrammeRef) {
  const [row] = await db
    .select({ programme: trainingProgrammes, openSessions })
    .from(trainingProgrammes)
    .where(and(eq(trainingProgrammes.agencyId, ref.agencyId), eq(trainingProgrammes.id, ref.programmeId)));
  if (!row) throw notFound('Program pelatihan');
  return presentProgramme({ ...row.programme, openSessions: row.openSessions });
}

/**
 * The development programme to recommend for a competency (case ignored): active, open to employees,
 * not the basic training (Latsar), the most focused one (fewest competencies) first; none if none.
 */
export async function developmentProgrammeFor(db: Db, options: { agencyId: string; competency: string }): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: trainingProgrammes.id })
    .from(trainingProgrammes)
    .where(
      and(
        eq(trainingProgrammes.agencyId, options.agencyId),
        eq(trainingProgrammes.active, true),
        eq(trainingProgrammes.isBasic, false),
        inArray(trainingProgrammes.audience, ['employee', 'both']),
        buildsCompetency(options.competency),
      ),
    )
    .orderBy(sql`jsonb_array_length(${trainingProgrammes.competencies})`, asc(trainingProgrammes.name), asc(trainingProgrammes.id))
    .limit(1);
  return row ?? null;
}

const programmeValues = (data: ProgrammeBody) => ({
  code: data.code,
  name: data.name,
  description: data.description,
  audience: data.audience,
  competencies: data.competencies,
  hours: data.hours,
  minAttendancePercent: String(data.minAttendancePercent),
  minPostTest: data.minPostTest === null ? null : String(data.minPostTest),
  isBasic: data.isBasic,
  active: data.active,
});
const codeTaken = (code: string) => new AppError('CONFLICT', `Kode program "${code}" sudah dipakai program lain.`, { code: 'Kode sudah dipakai' });

export type SaveProgrammeOptions = { actorId: string; agencyId: string; data: ProgrammeBody };

export async function createProgramme(db: Db, options: SaveProgrammeOptions) {
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(trainingProgrammes).values({ agencyId: options.agencyId, ...programmeValues(options.data) }).onConflictDoNothing().returning();
    if (!row) throw codeTaken(options.data.code);
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.programme.create', targetType: 'training_programme', targetId: row.id, after: programmeValues(options.data) });
    return row.id;
  });
  return getProgramme(db, { agencyId: options.agencyId, programmeId: id });
}

/** Changes a programme; a changed rule applies to classes closed from now on (closed ones keep their outcome). */
export async function updateProgramme(db: Db, options: SaveProgrammeOptions & { programmeId: string }) {
  try {
    await db.transaction(async (tx) => {
      const before = await findProgramme(tx, options, true);
      await tx.update(trainingProgrammes).set({ ...programmeValues(options.data), updatedAt: new Date() }).where(eq(trainingProgrammes.id, before.id));
      await recordAudit(tx, {
        agencyId: options.agencyId,
        actorId: options.actorId,
        action: 'training.programme.update',
        targetType: 'training_programme',
        targetId: before.id,
        before: { code: before.code, name: before.name, description: before.description, audience: before.audience, competencies: before.competencies, hours: before.hours, minAttendancePercent: before.minAttendancePercent, minPostTest: before.minPostTest, isBasic: before.isBasic, active: before.active },
        after: programmeValues(options.data),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw codeTaken(options.data.code);
    throw error;
  }
  return getProgramme(db, options);
}

/** Completion, learning gain and reaction of a programme over its closed classes. */
export async function programmeStats(db: Db, ref: ProgrammeRef) {
  await findProgramme(db, ref);
  const byStatus = await db
    .select({ status: trainingEnrolments.status, n: count() })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.agencyId, ref.agencyId), eq(trainingEnrolments.programmeId, ref.programmeId)))
    .groupBy(trainingEnrolments.status);
  const counts = new Map(byStatus.map((row) => [row.status, row.n]));
  const scores = await db
    .select({ preTest: trainingEnrolments.preTest, postTest: trainingEnrolments.postTest })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.agencyId, ref.agencyId), eq(trainingEnrolments.programmeId, ref.programmeId), inArray(trainingEnrolments.status, ['completed', 'not_completed'])));
  const reactions = await db.select({ answers: trainingReactions.answers }).from(trainingReactions).where(and(eq(trainingReactions.agencyId, ref.agencyId), eq(trainingReactions.programmeId, ref.programmeId)));
  return {
    enrolments: byStatus.reduce((sum, row) => sum + row.n, 0),
    waiting: (counts.get('waiting') ?? 0) + (counts.get('requested') ?? 0),
    inClass: counts.get('enrolled') ?? 0,
    completion: completionRate({ completed: counts.get('completed') ?? 0, notCompleted: counts.get('not_completed') ?? 0 }),
    gain: learningGain(scores.map((row) => ({ preTest: num(row.preTest), postTest: num(row.postTest) }))),
    reaction: summariseSurvey(REACTION_QUESTIONS, reactions.map((row) => row.answers)),
  };
}

// ---- Sessions (classes) ----------------------------------------------------------------------------

const seated = sql<number>`(select count(*) from ${trainingEnrolments} where ${trainingEnrolments.sessionId} = ${trainingSessions.id} and ${trainingEnrolments.status} in ('enrolled', 'completed', 'not_completed'))`.mapWith(Number);
const meetingCount = sql<number>`(select count(*) from ${trainingMeetings} where ${trainingMeetings.sessionId} = ${trainingSessions.id})`.mapWith(Number);
const firstMeeting = sql<string | null>`(select min(${trainingMeetings.startsAt}) from ${trainingMeetings} where ${trainingMeetings.sessionId} = ${trainingSessions.id})`;
const lastMeeting = sql<string | null>`(select max(${trainingMeetings.endsAt}) from ${trainingMeetings} where ${trainingMeetings.sessionId} = ${trainingSessions.id})`;

function sessionQuery(db: Db) {
  return db
    .select({
      session: trainingSessions,
      programmeName: trainingProgrammes.name,
      programmeCode: trainingProgrammes.code,
      trainerName: accounts.name,
      seated,
      meetings: meetingCount,
      startsAt: firstMeeting,
      endsAt: lastMeeting,
    })
    .from(trainingSessions)
    .innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingSessions.programmeId))
    .leftJoin(accounts, eq(accounts.id, trainingSessions.trainerAccountId))
    .$dynamic();
}

type SessionView = Awaited<ReturnType<ReturnType<typeof sessionQuery>['execute']>>[number];

export function presentSession(row: SessionView) {
  const s = row.session;
  return {
    id: s.id,
    programmeId: s.programmeId,
    programmeName: row.programmeName,
    programmeCode: row.programmeCode,
    name: s.name,
    trainer: s.trainerAccountId ? { accountId: s.trainerAccountId, name: row.trainerName ?? '' } : null,
    venue: s.venue,
    onlineUrl: s.onlineUrl,
    capacity: s.capacity,
    seated: row.seated,
    status: s.status as 'open' | 'closed',
    meetings: row.meetings,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    closedAt: iso(s.closedAt),
  };
}
export type SessionPresented = ReturnType<typeof presentSession>;

export type ListSessionsOptions = { agencyId: string; q?: string | undefined; programmeId?: string | undefined; status?: 'open' | 'closed' | undefined; trainerAccountId?: string | undefined; page: number; pageSize: number };

export async function listSessions(db: Db, options: ListSessionsOptions) {
  const where: SQL | undefined = and(
    eq(trainingSessions.agencyId, options.agencyId),
    options.q ? or(ilike(trainingSessions.name, containsPattern(options.q)), ilike(trainingProgrammes.name, containsPattern(options.q))) : undefined,
    options.programmeId ? eq(trainingSessions.programmeId, options.programmeId) : undefined,
    options.status ? eq(trainingSessions.status, options.status) : undefined,
    options.trainerAccountId ? eq(trainingSessions.trainerAccountId, options.trainerAccountId) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(trainingSessions).innerJoin(trainingProgrammes, eq(trainingProgrammes.id, trainingSessions.programmeId)).where(where);
  const rows = await sessionQuery(db)
    .where(where)
    // Open classes first, then by their first meeting (unscheduled last), newest first among closed.
    .orderBy(asc(trainingSessions.status), sql`${firstMeeting} asc nulls last`, desc(trainingSessions.createdAt))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { items: rows.map(presentSession), total: total?.n ?? 0 };
}

export type SessionRef = { agencyId: string; sessionId: string };

export async function findSession(db: Db, ref: SessionRef, lock = false): Promise<SessionRow> {
  const query = db.select().from(trainingSessions).where(and(eq(trainingSessions.agencyId, ref.agencyId), eq(trainingSessions.id, ref.sessionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Kelas pelatihan');
  return row;
}

export async function getSession(db: Db, ref: SessionRef) {
  const [row] = await sessionQuery(db).where(and(eq(trainingSessions.agencyId, ref.agencyId), eq(trainingSessions.id, ref.sessionId)));
  if (!row) throw notFound('Kelas pelatihan');
  return presentSession(row);
}

export function requireOpen(session: Pick<SessionRow, 'status'>) {
  if (session.status !== 'open') throw new AppError('INVALID_STATE', 'Kelas ini sudah ditutup; buka kembali kelas untuk mengubahnya.');
}

async function checkTrainer(db: Db, agencyId: string, trainerAccountId: string | null) {
  if (trainerAccountId && !(await holdsAgencyRole(db, { accountId: trainerAccountId, agencyId, role: 'pelatih' }))) {
    throw new AppError('VALIDATION_FAILED', 'Pelatih harus staf instansi ini dengan peran Pelatih.', { trainerAccountId: 'Bukan pelatih instansi ini' });
  }
}

const sessionValues = (data: SessionBody) => ({ name: data.name, trainerAccountId: data.trainerAccountId, venue: data.venue, onlineUrl: data.onlineUrl, capacity: data.capacity });

export type CreateSessionOptions = { actorId: string; agencyId: string; programmeId: string; data: SessionBody };

export async function createSession(db: Db, options: CreateSessionOptions) {
  await checkTrainer(db, options.agencyId, options.data.trainerAccountId);
  const id = await db.transaction(async (tx) => {
    const programme = await findProgramme(tx, { agencyId: options.agencyId, programmeId: options.programmeId });
    if (!programme.active) throw new AppError('VALIDATION_FAILED', 'Program ini tidak aktif; aktifkan dulu sebelum membuka kelas.', { programmeId: 'Program tidak aktif' });
    const [row] = await tx.insert(trainingSessions).values({ agencyId: options.agencyId, programmeId: programme.id, ...sessionValues(options.data) }).returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.session.create', targetType: 'training_session', targetId: row!.id, after: { programmeId: programme.id, ...sessionValues(options.data) } });
    return row!.id;
  });
  return getSession(db, { agencyId: options.agencyId, sessionId: id });
}

export type UpdateSessionOptions = SessionRef & { actorId: string; data: SessionBody };

export async function updateSession(db: Db, options: UpdateSessionOptions) {
  await checkTrainer(db, options.agencyId, options.data.trainerAccountId);
  await db.transaction(async (tx) => {
    const before = await findSession(tx, options, true);
    requireOpen(before);
    const [taken] = await tx
      .select({ n: count() })
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.sessionId, before.id), inArray(trainingEnrolments.status, [...SEATED_STATUSES])));
    if ((taken?.n ?? 0) > options.data.capacity) {
      throw new AppError('VALIDATION_FAILED', `Kapasitas tidak boleh kurang dari peserta yang sudah terdaftar (${taken!.n}).`, { capacity: `Minimal ${taken!.n}` });
    }
    await tx.update(trainingSessions).set({ ...sessionValues(options.data), updatedAt: new Date() }).where(eq(trainingSessions.id, before.id));
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'training.session.update',
      targetType: 'training_session',
      targetId: before.id,
      before: { name: before.name, trainerAccountId: before.trainerAccountId, venue: before.venue, onlineUrl: before.onlineUrl, capacity: before.capacity },
      after: sessionValues(options.data),
    });
  });
  return getSession(db, options);
}

// ---- Meetings --------------------------------------------------------------------------------------

const recordedCount = sql<number>`(select count(*) from ${trainingAttendance} where ${trainingAttendance.meetingId} = ${trainingMeetings.id})`.mapWith(Number);

export async function listMeetings(db: Db, ref: SessionRef) {
  const rows = await db
    .select({ meeting: trainingMeetings, recorded: recordedCount })
    .from(trainingMeetings)
    .where(and(eq(trainingMeetings.agencyId, ref.agencyId), eq(trainingMeetings.sessionId, ref.sessionId)))
    .orderBy(asc(trainingMeetings.startsAt), asc(trainingMeetings.id));
  return rows.map(({ meeting, recorded }) => ({ id: meeting.id, startsAt: meeting.startsAt.toISOString(), endsAt: meeting.endsAt.toISOString(), topic: meeting.topic, recorded }));
}

export type MeetingOptions = SessionRef & { actorId: string; data: MeetingBody };

export async function addMeeting(db: Db, options: MeetingOptions) {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, options, true);
    requireOpen(session);
    const [count_] = await tx.select({ n: count() }).from(trainingMeetings).where(eq(trainingMeetings.sessionId, session.id));
    if ((count_?.n ?? 0) >= 200) throw new AppError('VALIDATION_FAILED', 'Satu kelas paling banyak 200 pertemuan.');
    const [row] = await tx
      .insert(trainingMeetings)
      .values({ agencyId: options.agencyId, sessionId: session.id, startsAt: new Date(options.data.startsAt), endsAt: new Date(options.data.endsAt), topic: options.data.topic })
      .returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'training.meeting.create', targetType: 'training_session', targetId: session.id, after: { meetingId: row!.id, ...options.data } });
    return { id: row!.id, startsAt: row!.startsAt.toISOString(), endsAt: row!.endsAt.toISOString(), topic: row!.topic, recorded: 0 };
  });
}

async function findMeeting(tx: Db, options: SessionRef & { meetingId: string }) {
  const [row] = await tx
    .select({ meeting: trainingMeetings, recorded: recordedCount })
    .from(trainingMeetings)
    .where(and(eq(trainingMeetings.agencyId, options.agencyId), eq(trainingMeetings.sessionId, options.sessionId), eq(trainingMeetings.id, options.meetingId)));
  if (!row) throw notFound('Pertemuan');
  return row;
}

export async function updateMeeting(db: Db, options: MeetingOptions & { meetingId: string }) {
  return db.transaction(async (tx) => {
    requireOpen(await findSession(tx, options, true));
    const { meeting, recorded } = await findMeeting(tx, options);
    if (recorded > 0 && Date.parse(options.data.startsAt) > Date.now()) {
      throw new AppError('VALIDATION_FAILED', 'Presensi pertemuan ini sudah diisi; pertemuan tidak dapat dipindah ke waktu yang akan datang.', { startsAt: 'Presensi sudah diisi' });
    }
    const [row] = await tx
      .update(trainingMeetings)
      .set({ startsAt: new Date(options.data.startsAt), endsAt: new Date(options.data.endsAt), topic: options.data.topic })
      .where(eq(trainingMeetings.id, meeting.id))
      .returning();
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'training.meeting.update',
      targetType: 'training_session',
      targetId: options.sessionId,
      before: { meetingId: meeting.id, startsAt: meeting.startsAt.toISOString(), endsAt: meeting.endsAt.toISOString(), topic: meeting.topic },
      after: { meetingId: meeting.id, ...options.data },
    });
    return { id: row!.id, startsAt: row!.startsAt.toISOString(), endsAt: row!.endsAt.toISOString(), topic: row!.topic, recorded };
  });
}

export async function deleteMeeting(db: Db, options: SessionRef & { actorId: string; meetingId: string }) {
  await db.transaction(async (tx) => {
    requireOpen(await findSession(tx, options, true));
    const { meeting, recorded } = await findMeeting(tx, options);
    if (recorded > 0) throw new AppError('CONFLICT', 'Pertemuan yang presensinya sudah diisi tidak dapat dihapus.');
    await tx.delete(trainingMeetings).where(eq(trainingMeetings.id, meeting.id));
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'training.meeting.delete',
      targetType: 'training_session',
      targetId: options.sessionId,
      before: { meetingId: meeting.id, startsAt: meeting.startsAt.toISOString(), topic: meeting.topic },
    });
  });
}

// ---- For the dashboards -------------------------------------------------------------------------

export type ProgrammeFigures = { agencyId: string; programmeId: string; name: string; completion: CompletionRate; gain: LearningGain };

/**
 * Completion and learning gain of every programme in scope (one grouped query): sums of the pre-
 * and post-test over the participants who took both, so the means are computed exactly in core.
 */
export async function programmeFigures(db: Db, scope: { agencyId?: string | undefined }): Promise<ProgrammeFigures[]> {
  const rows = await selectRows<{ agency_id: string; id: string; name: string; completed: string; not_completed: string; n: string; pre: string | null; post: string | null }>(
    db,
    sql`SELECT p.agency_id, p.id, p.name,
               count(e.id) FILTER (WHERE e.status = 'completed') AS completed,
               count(e.id) FILTER (WHERE e.status = 'not_completed') AS not_completed,
               count(e.id) FILTER (WHERE e.status IN ('completed', 'not_completed') AND e.pre_test IS NOT NULL AND e.post_test IS NOT NULL) AS n,
               sum(e.pre_test) FILTER (WHERE e.status IN ('completed', 'not_completed') AND e.post_test IS NOT NULL) AS pre,
               sum(e.post_test) FILTER (WHERE e.status IN ('completed', 'not_completed') AND e.pre_test IS NOT NULL) AS post
        FROM training_programmes p LEFT JOIN training_enrolments e ON e.programme_id = p.id AND e.agency_id = p.agency_id
        ${scope.agencyId ? sql`WHERE p.agency_id = ${scope.agencyId}` : sql``}
        GROUP BY p.agency_id, p.id, p.name
        ORDER BY p.name, p.id`,
  );
  return rows.map((r) => {
    const n = Number(r.n);
    const meanPre = n === 0 ? null : roundHalfUp(divide(toRational(r.pre ?? '0'), ratio(n)), 2);
    const meanPost = n === 0 ? null : roundHalfUp(divide(toRational(r.post ?? '0'), ratio(n)), 2);
    const meanGain = n === 0 ? null : roundHalfUp(divide(add(toRational(r.post ?? '0'), multiply(toRational(r.pre ?? '0'), ratio(-1))), ratio(n)), 2);
    return { agencyId: r.agency_id, programmeId: r.id, name: r.name, completion: completionRate({ completed: Number(r.completed), notCompleted: Number(r.not_completed) }), gain: { n, meanPre, meanPost, meanGain } };
  });
}
