import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { attemptEndsAt, remainingSeconds } from '../../../core/cat-exam.js';
import type { Database, Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { catAttemptEvents, catAttempts, catPaperItems, catQuestions, catResults, catSessions } from '../cat/cat.table.js';
import { verifySessionPin } from '../cat-sessions/cat-sessions.service.js';
import type { AnswerWriter, AnswerWriteRequest } from './answer-writer.js';
import type { LiveHub } from './live.js';
import { scoreFinishedAttempts } from './scoring.js';

export const hashDeviceToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type ExamDeps = { db: Db; database: Database; writer: AnswerWriter; hub: LiveHub };

type Attempt = typeof catAttempts.$inferSelect;

async function ownAttempt(db: Db, accountId: string, attemptId: string, lock = false): Promise<Attempt> {
  const query = db.select().from(catAttempts).where(and(eq(catAttempts.id, attemptId), eq(catAttempts.accountId, accountId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Ujian');
  return row;
}

async function recordEvent(db: Db, attemptId: string, kind: string, detail: Record<string, unknown> = {}) {
  await db.insert(catAttemptEvents).values({ attemptId, kind, detail });
}

// The exam's hot paths (everyone checks in and starts in the same minutes) are hand-written
// prepared statements: one round trip each, no query building per request.
type AttemptRow = {
  id: string;
  agency_id: string;
  selection_id: string;
  blueprint_id: string;
  session_id: string | null;
  application_id: string;
  account_id: string;
  formasi_id: string;
  formasi_kind: string;
  seat: number | null;
  status: string;
  need: string | null;
  duration_seconds: number;
  extra_seconds: number;
  identity_confirmed_at: Date | null;
  identity_confirmed_by: string | null;
  started_at: Date | null;
  ends_at: Date | null;
  finished_at: Date | null;
  finished_by: string | null;
  device_token_hash: string | null;
  last_seen_at: Date | null;
  created_at: Date;
};

function attemptFromRow(r: AttemptRow): Attempt {
  return {
    id: r.id,
    agencyId: r.agency_id,
    selectionId: r.selection_id,
    blueprintId: r.blueprint_id,
    sessionId: r.session_id,
    applicationId: r.application_id,
    accountId: r.account_id,
    formasiId: r.formasi_id,
    formasiKind: r.formasi_kind,
    seat: r.seat,
    status: r.status,
    need: r.need,
    durationSeconds: r.duration_seconds,
    extraSeconds: r.extra_seconds,
    identityConfirmedAt: r.identity_confirmed_at,
    identityConfirmedBy: r.identity_confirmed_by,
    startedAt: r.started_at,
    endsAt: r.ends_at,
    finishedAt: r.finished_at,
    finishedBy: r.finished_by,
    deviceTokenHash: r.device_token_hash,
    lastSeenAt: r.last_seen_at,
    createdAt: r.created_at,
  };
}

const ATTEMPT_WITH_SESSION_SQL = `SELECT a.*, s.status AS session_status
  FROM cat_attempts a LEFT JOIN cat_sessions s ON s.id = a.session_id
  WHERE a.id = $1 AND a.account_id = $2`;

/** The participant's own attempt with its session's status (one round trip), or 404. */
async function ownAttemptWithSession(database: Database, accountId: string, attemptId: string) {
  const [row] = await database.prepared<AttemptRow & { session_status: string | null }>('cat_attempt_with_session', ATTEMPT_WITH_SESSION_SQL, [attemptId, accountId]);
  if (!row) throw notFound('Ujian');
  return { attempt: attemptFromRow(row), sessionStatus: row.session_status };
}

// The device is taken only if it is still the one this request saw, so two devices checking in at
// the same moment cannot both win; the event is written by the same statement.
const CLAIM_DEVICE_SQL = `WITH claimed AS (
    UPDATE cat_attempts SET device_token_hash = $3, last_seen_at = now()
    WHERE id = $1 AND account_id = $2 AND device_token_hash IS NOT DISTINCT FROM $4::text
    RETURNING *
  ), event AS (
    INSERT INTO cat_attempt_events (attempt_id, kind, detail) SELECT id, $5, $6::jsonb FROM claimed
  )
  SELECT * FROM claimed`;

const deviceTaken = () => new AppError('CONFLICT', 'Ujian ini sudah dibuka di perangkat lain. Minta pengawas untuk memindahkan ujian Anda ke perangkat ini.');

export type CheckInInput = { accountId: string; attemptId: string; pin: string; deviceToken: string | null; userAgent: string | null };

/**
 * At the venue: the participant enters the session PIN the proctor revealed. The browser gets a
 * device token; the attempt belongs to that device until the proctor moves it (one active device).
 */
export async function checkIn(deps: ExamDeps, input: CheckInInput): Promise<{ deviceToken: string; attempt: Attempt }> {
  const { attempt, sessionStatus } = await ownAttemptWithSession(deps.database, input.accountId, input.attemptId);
  if (!attempt.sessionId) throw new AppError('INVALID_STATE', 'Anda belum dijadwalkan pada sesi ujian.');
  if (attempt.status === 'finished' || attempt.status === 'absent') throw new AppError('INVALID_STATE', 'Ujian ini sudah selesai.');
  if (sessionStatus !== 'open') throw new AppError('INVALID_STATE', 'Sesi ujian belum dibuka oleh pengawas.');
  const sameDevice = input.deviceToken !== null && attempt.deviceTokenHash === hashDeviceToken(input.deviceToken);
  if (attempt.deviceTokenHash && !sameDevice) {
    await recordEvent(deps.db, attempt.id, 'device_conflict', { userAgent: input.userAgent });
    throw deviceTaken();
  }
  if (!(await verifySessionPin(deps.db, { sessionId: attempt.sessionId, pin: input.pin }))) {
    throw new AppError('VALIDATION_FAILED', 'PIN sesi salah.', { pin: 'PIN sesi salah' });
  }
  const deviceToken = sameDevice ? input.deviceToken! : randomBytes(24).toString('base64url');
  const [claimed] = await deps.database.prepared<AttemptRow>('cat_claim_device', CLAIM_DEVICE_SQL, [
    attempt.id,
    input.accountId,
    hashDeviceToken(deviceToken),
    attempt.deviceTokenHash,
    sameDevice ? 'resume' : 'check_in',
    JSON.stringify({ userAgent: input.userAgent }),
  ]);
  if (!claimed) throw deviceTaken();
  return { deviceToken, attempt: attemptFromRow(claimed) };
}

function requireDevice(attempt: Attempt, deviceToken: string | null) {
  if (!attempt.deviceTokenHash || !deviceToken || attempt.deviceTokenHash !== hashDeviceToken(deviceToken)) {
    throw new AppError('CONFLICT', 'Perangkat ini belum terdaftar untuk ujian Anda. Masukkan PIN sesi, atau minta pengawas memindahkan ujian Anda.');
  }
}

// Starts an attempt only if nothing the checks read has changed since (status, time, device,
// identity, open session): one statement with its event; otherwise the locked path decides.
const START_SQL = `WITH started AS (
    UPDATE cat_attempts a SET status = 'active', started_at = $3, ends_at = $4, last_seen_at = $3
    WHERE a.id = $1 AND a.account_id = $2 AND a.status = 'allocated' AND a.duration_seconds = $5 AND a.extra_seconds = $6
      AND a.device_token_hash = $7 AND a.identity_confirmed_at IS NOT NULL
      AND EXISTS (SELECT 1 FROM cat_sessions s WHERE s.id = a.session_id AND s.status = 'open')
    RETURNING a.*
  ), event AS (
    INSERT INTO cat_attempt_events (attempt_id, kind, detail) SELECT id, 'start', '{}'::jsonb FROM started
  )
  SELECT * FROM started`;

export type StartInput = { accountId: string; attemptId: string; deviceToken: string | null; now?: Date };

/** Starts the attempt: the server fixes the end now. Starting again resumes. Returns the attempt and whether it started now. */
export async function startAttempt(deps: ExamDeps, input: StartInput): Promise<{ attempt: Attempt; startedNow: boolean }> {
  const now = input.now ?? new Date();
  const { attempt, sessionStatus } = await ownAttemptWithSession(deps.database, input.accountId, input.attemptId);
  requireDevice(attempt, input.deviceToken);
  if (attempt.status === 'active' || attempt.status === 'finished') return { attempt, startedNow: false };
  if (attempt.status === 'allocated' && attempt.identityConfirmedAt && sessionStatus === 'open') {
    const endsAt = attemptEndsAt({ startedAt: now, durationSeconds: attempt.durationSeconds, extraSeconds: attempt.extraSeconds });
    const [started] = await deps.database.prepared<AttemptRow>('cat_start_attempt', START_SQL, [
      attempt.id,
      input.accountId,
      now,
      endsAt,
      attempt.durationSeconds,
      attempt.extraSeconds,
      attempt.deviceTokenHash,
    ]);
    if (started) return { attempt: attemptFromRow(started), startedNow: true };
  }
  // Something is missing or changed meanwhile: decide under the row lock, with the precise reason.
  return deps.db.transaction(async (tx) => {
    const locked = await ownAttempt(tx, input.accountId, input.attemptId, true);
    requireDevice(locked, input.deviceToken);
    if (locked.status === 'active' || locked.status === 'finished') return { attempt: locked, startedNow: false };
    if (locked.status !== 'allocated') throw new AppError('INVALID_STATE', 'Ujian ini tidak dapat dimulai.');
    if (!locked.identityConfirmedAt) throw new AppError('INVALID_STATE', 'Tunggu pengawas mengonfirmasi identitas Anda.');
    const [session] = await tx.select().from(catSessions).where(eq(catSessions.id, locked.sessionId!));
    if (!session || session.status !== 'open') throw new AppError('INVALID_STATE', 'Sesi ujian belum dibuka oleh pengawas.');
    const endsAt = attemptEndsAt({ startedAt: now, durationSeconds: locked.durationSeconds, extraSeconds: locked.extraSeconds });
    const [started] = await tx.update(catAttempts).set({ status: 'active', startedAt: now, endsAt, lastSeenAt: now }).where(eq(catAttempts.id, locked.id)).returning();
    await recordEvent(tx, locked.id, 'start', {});
    return { attempt: started!, startedNow: true };
  });
}

const PAPER_SQL = `SELECT p.position, p.question_id, p.option_order, q.subtest, q.stem, q.image_file_id, q.options
  FROM cat_paper_items p JOIN cat_questions q ON q.id = p.question_id
  WHERE p.attempt_id = $1 ORDER BY p.position`;
const ANSWERS_SQL = 'SELECT question_id, option_id, flagged, seq FROM cat_answers WHERE attempt_id = $1';
const TOUCH_SQL = 'UPDATE cat_attempts SET last_seen_at = $2 WHERE id = $1';

type PaperRow = {
  position: number;
  question_id: string;
  option_order: string[];
  subtest: string;
  stem: string;
  image_file_id: string | null;
  options: Array<{ id: string; text?: string; imageFileId?: string | null }>;
};

export type AttemptViewInput = { accountId: string; attemptId: string; deviceToken: string | null; now?: Date };

export type ViewOfOptions = {
  deviceToken: string | null;
  now?: Date;
  /** The attempt was just written with last_seen_at = now (check-in, start): no need to touch it again. */
  seen?: boolean;
  /** The attempt started in this request: it can have no answers yet. */
  startedNow?: boolean;
};

/**
 * The participant's view of an attempt in hand: their paper (stems and options in their own
 * order — never a key or points), their stored answers and flags, and the server's clock. Only
 * once started, only on their device.
 */
export async function viewOf(deps: Pick<ExamDeps, 'database'>, attempt: Attempt, options: ViewOfOptions) {
  const now = options.now ?? new Date();
  const base = { attempt, serverNow: now, remainingSeconds: attempt.endsAt ? remainingSeconds({ now, endsAt: attempt.endsAt }) : null };
  if (attempt.status !== 'active') return { ...base, paper: null, answers: [] };
  requireDevice(attempt, options.deviceToken);
  const [items, answers] = await Promise.all([
    deps.database.prepared<PaperRow>('cat_paper_view', PAPER_SQL, [attempt.id]),
    options.startedNow ? [] : deps.database.prepared<{ question_id: string; option_id: string | null; flagged: boolean; seq: number }>('cat_answers_view', ANSWERS_SQL, [attempt.id]),
    options.seen ? null : deps.database.prepared('cat_attempt_touch', TOUCH_SQL, [attempt.id, now]),
  ]);
  const paper = items.map((item) => {
    const byId = new Map(item.options.map((o) => [o.id, o]));
    return {
      number: item.position,
      questionId: item.question_id,
      subtest: item.subtest,
      stem: item.stem,
      imageFileId: item.image_file_id,
      // Text and image only: keys and points never leave the server.
      options: item.option_order.map((id) => ({ id, text: byId.get(id)?.text ?? '', imageFileId: byId.get(id)?.imageFileId ?? null })),
    };
  });
  return { ...base, paper, answers: answers.map((a) => ({ questionId: a.question_id, optionId: a.option_id, flagged: a.flagged, seq: a.seq })) };
}

/** The participant's view of their attempt (see viewOf). */
export async function attemptView(deps: ExamDeps, input: AttemptViewInput) {
  const { attempt } = await ownAttemptWithSession(deps.database, input.accountId, input.attemptId);
  return viewOf(deps, attempt, { deviceToken: input.deviceToken, ...(input.now ? { now: input.now } : {}) });
}

export type SaveAnswersInput = {
  accountId: string;
  attemptId: string;
  deviceToken: string | null;
  answers: Array<{ questionId: string; optionId: string | null; flagged: boolean; seq: number }>;
};

/** Saves answers through the group-commit writer; each is acknowledged only once stored. */
export async function saveAnswers(deps: ExamDeps, input: SaveAnswersInput) {
  const deviceHash = input.deviceToken ? hashDeviceToken(input.deviceToken) : '';
  const requests: AnswerWriteRequest[] = input.answers.map((a) => ({ ...a, attemptId: input.attemptId, accountId: input.accountId, deviceHash }));
  return deps.writer.save(requests);
}

const EVENT_KINDS = new Set(['focus_lost', 'focus_back', 'tab_hidden', 'tab_visible', 'offline', 'online', 'fullscreen_exit']);

export async function recordClientEvents(deps: ExamDeps, input: { accountId: string; attemptId: string; events: Array<{ kind: string; at: string }> }) {
  const attempt = await ownAttempt(deps.db, input.accountId, input.attemptId);
  const events = input.events.filter((e) => EVENT_KINDS.has(e.kind)).map((e) => ({ attemptId: attempt.id, kind: e.kind, detail: { clientAt: e.at } }));
  if (events.length) await deps.db.insert(catAttemptEvents).values(events);
  return events.length;
}

export type FinishInput = { accountId: string; attemptId: string; deviceToken: string | null };

/** The participant ends early: the attempt is closed and scored at once; the result is shown. */
export async function finishAttempt(deps: ExamDeps, input: FinishInput) {
  await deps.db.transaction(async (tx) => {
    const attempt = await ownAttempt(tx, input.accountId, input.attemptId, true);
    if (attempt.status === 'finished') return;
    if (attempt.status !== 'active') throw new AppError('INVALID_STATE', 'Ujian ini belum dimulai.');
    requireDevice(attempt, input.deviceToken);
    await tx.update(catAttempts).set({ status: 'finished', finishedAt: sql`least(now(), ${catAttempts.endsAt})`, finishedBy: 'peserta' }).where(eq(catAttempts.id, attempt.id));
  });
  await scoreFinishedAttempts(deps.database, deps.hub, [input.attemptId]);
  return ownResult(deps.db, input);
}

export async function ownResult(db: Db, input: { accountId: string; attemptId: string }) {
  const attempt = await ownAttempt(db, input.accountId, input.attemptId);
  const [result] = await db.select().from(catResults).where(eq(catResults.attemptId, attempt.id));
  return { attempt, result: result ?? null };
}

/**
 * The server closes attempts whose time is up (or whose session the proctor closed) even when
 * the browser is gone, and scores every finished attempt still without a result. Safe to run in
 * every process at once (SKIP LOCKED; results are written once).
 */
export async function closeDueAttempts(deps: Pick<ExamDeps, 'database' | 'hub'>, limit = 2000): Promise<number> {
  const closed = await deps.database.query<{ id: string }>(
    `UPDATE cat_attempts a SET status = 'finished', finished_at = least(now(), a.ends_at),
            finished_by = CASE WHEN a.ends_at <= now() THEN 'waktu_habis' ELSE 'pengawas' END
     WHERE a.id IN (
       SELECT x.id FROM cat_attempts x LEFT JOIN cat_sessions s ON s.id = x.session_id
       WHERE x.status = 'active' AND (x.ends_at <= now() OR s.status = 'closed')
       ORDER BY x.ends_at LIMIT $1 FOR UPDATE OF x SKIP LOCKED)
     RETURNING a.id`,
    [limit],
  );
  const unscored = await deps.database.query<{ id: string }>(
    `SELECT a.id FROM cat_attempts a WHERE a.status = 'finished' AND NOT EXISTS (SELECT 1 FROM cat_results r WHERE r.attempt_id = a.id) LIMIT $1`,
    [limit],
  );
  const ids = [...new Set([...closed.map((r) => r.id), ...unscored.map((r) => r.id)])];
  await scoreFinishedAttempts(deps.database, deps.hub, ids);
  return ids.length;
}

/**
 * An image of a question (or of one of its options) in the participant's own running paper:
 * only while the attempt is active, only on its device — never another paper's content.
 */
export async function paperImageFileId(deps: Pick<ExamDeps, 'db'>, input: { accountId: string; attemptId: string; deviceToken: string | null; fileId: string }) {
  const attempt = await ownAttempt(deps.db, input.accountId, input.attemptId);
  if (attempt.status !== 'active') throw notFound('Gambar');
  requireDevice(attempt, input.deviceToken);
  const [found] = await deps.db
    .select({ questionId: catQuestions.id })
    .from(catPaperItems)
    .innerJoin(catQuestions, eq(catQuestions.id, catPaperItems.questionId))
    .where(
      and(
        eq(catPaperItems.attemptId, attempt.id),
        sql`(${catQuestions.imageFileId} = ${input.fileId} OR ${catQuestions.options} @> ${JSON.stringify([{ imageFileId: input.fileId }])}::jsonb)`,
      ),
    )
    .limit(1);
  if (!found) throw notFound('Gambar');
  return input.fileId;
}
