import { createHash, randomInt } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, count, desc, eq, gt, ilike, inArray, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  actionProblem,
  ASPIRATION_CATEGORIES,
  ASPIRATION_LIMITS,
  ASPIRATION_STATUSES,
  aspirationReference,
  DEFAULT_SLA_DAYS,
  dueAt as dueAtOf,
  formatTrackingCode,
  isOverdue,
  minutesProblem,
  parseTrackingCode,
  resolutionSummary,
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
  type AspirationAction,
  type AspirationCategory,
  type AspirationSource,
  type AspirationStatus,
  type ForumStatus,
} from '../../../core/aspirations.js';
import {
  aspirationSubmissionFields,
  type AspirationSubmissionFields,
  type createForumBody,
  type forumFollowupBody,
  type forumMinutesBody,
  type updateForumBody,
} from '../../../core/schemas/aspirations.js';
import { calendarDateInZone, isAgencyZone, type AgencyZone } from '../../../core/time.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { discardStaged, drain, getFile, receiveUpload, saveStagedFile, type StagedFile } from '../files/files.service.js';
import { files } from '../files/files.table.js';
import { enqueueEmail } from '../notifications/notifications.service.js';
import { getUnit, unitRefs } from '../organisation/organisation.service.js';
import { aspirationCounters, aspirationEvents, aspirationFiles, aspirations, aspirationSettings, communityForums, forumFollowups } from './aspirations.table.js';

export type AspirationDeps = { db: Db; config: Config };
type AspirationRow = typeof aspirations.$inferSelect;
type ForumRow = typeof communityForums.$inferSelect;
export type StaffActor = { accountId: string; name: string };

const iso = (date: Date | null) => date?.toISOString() ?? null;
const zoneOf = (timezone: string): AgencyZone => (isAgencyZone(timezone) ? timezone : 'Asia/Jakarta');
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const TRACKING_PATH = '/pengaduan/lacak';

export function trackingHash(code: string): string {
  return createHash('sha256').update(`aspirasi:${code}`).digest('hex');
}

function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i += 1) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

// ---- settings ---------------------------------------------------------------------------------------

export async function getSettings(db: Db, agencyId: string) {
  await getAgency(db, agencyId);
  const [row] = await db.select().from(aspirationSettings).where(eq(aspirationSettings.agencyId, agencyId));
  return { slaDays: row?.slaDays ?? DEFAULT_SLA_DAYS };
}

export async function updateSettings(db: Db, options: { agencyId: string; actorId: string; slaDays: number }) {
  const before = await getSettings(db, options.agencyId);
  await db.transaction(async (tx) => {
    await tx
      .insert(aspirationSettings)
      .values({ agencyId: options.agencyId, slaDays: options.slaDays })
      .onConflictDoUpdate({ target: aspirationSettings.agencyId, set: { slaDays: options.slaDays, updatedAt: new Date() } });
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'aspiration.settings', targetType: 'agency', targetId: options.agencyId, before, after: { slaDays: options.slaDays } });
  });
  return { slaDays: options.slaDays };
}

// ---- creating -----------------------------------------------------------------------------------------

type NewAspiration = {
  agencyId: string;
  source: AspirationSource;
  forumId: string | null;
  category: AspirationCategory;
  subject: string;
  body: string;
  anonymous: boolean;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  unitId: string | null;
  actor: StaffActor | null;
};

/** Inserts an aspiration with its reference, tracking code and deadline, in the caller's transaction. */
async function insertAspiration(tx: Db, input: NewAspiration) {
  const agency = await getAgency(tx, input.agencyId);
  const zone = zoneOf(agency.timezone);
  const now = new Date();
  const year = Number(calendarDateInZone(now, zone).slice(0, 4));
  const [counter] = await tx
    .insert(aspirationCounters)
    .values({ agencyId: input.agencyId, year, last: 1 })
    .onConflictDoUpdate({ target: [aspirationCounters.agencyId, aspirationCounters.year], set: { last: sql`${aspirationCounters.last} + 1` } })
    .returning();
  const { slaDays } = await getSettings(tx, input.agencyId);
  const code = newTrackingCode();
  const [row] = await tx
    .insert(aspirations)
    .values({
      agencyId: input.agencyId,
      reference: aspirationReference(year, counter!.last),
      source: input.source,
      forumId: input.forumId,
      category: input.category,
      subject: input.subject,
      body: input.body,
      anonymous: input.anonymous,
      reporterName: input.reporterName,
      reporterEmail: input.reporterEmail,
      reporterPhone: input.reporterPhone,
      trackingHash: trackingHash(code),
      status: input.unitId ? 'in_progress' : 'received',
      unitId: input.unitId,
      dueAt: dueAtOf({ receivedAt: now, zone, slaDays }),
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(aspirationEvents).values({
    aspirationId: row!.id,
    agencyId: input.agencyId,
    kind: 'submitted',
    public: true,
    message: input.source === 'forum' ? `Dicatat sebagai tindak lanjut forum warga dengan nomor ${row!.reference}.` : `Diterima dengan nomor ${row!.reference}.`,
    actorId: input.actor?.accountId ?? null,
    actorName: input.actor?.name ?? null,
    createdAt: now,
  });
  await recordAudit(tx, {
    agencyId: input.agencyId,
    actorId: input.actor?.accountId ?? null,
    action: 'aspiration.submit',
    targetType: 'aspiration',
    targetId: row!.id,
    after: { reference: row!.reference, source: row!.source, category: row!.category, anonymous: row!.anonymous, dueAt: row!.dueAt.toISOString() },
  });
  return { row: row!, code, agency };
}

export type MultipartPart = { type: 'field'; fieldname: string; value: unknown } | { type: 'file'; fieldname: string; filename: string; file: Readable };

/**
 * Reads a public submission: its text fields, then up to three attachments (PDF, JPEG or PNG,
 * each checked by content). Whatever is refused, nothing is kept.
 */
export async function receiveSubmission(options: { db: Db; parts: AsyncIterable<MultipartPart>; uploadDir: string }): Promise<{ fields: AspirationSubmissionFields; staged: StagedFile[] }> {
  const raw: Record<string, string> = {};
  const staged: StagedFile[] = [];
  try {
    for await (const part of options.parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') raw[part.fieldname] = part.value;
        continue;
      }
      if (staged.length >= ASPIRATION_LIMITS.attachments) {
        await drain(part.file);
        throw validationFailed({ file: `Lampiran paling banyak ${ASPIRATION_LIMITS.attachments} berkas` });
      }
      staged.push(await receiveUpload({ uploadDir: options.uploadDir, stream: part.file, fileName: part.filename, kinds: ['pdf', 'jpeg', 'png'], maxBytes: ASPIRATION_LIMITS.attachmentBytes }));
    }
    const parsed = aspirationSubmissionFields.safeParse(raw);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join('.') || 'body'] ??= issue.message;
      throw validationFailed(fields);
    }
    if (parsed.data.website !== '') throw new AppError('BAD_REQUEST', 'Pengaduan tidak dapat diterima.');
    return { fields: parsed.data, staged };
  } catch (error) {
    for (const file of staged) await discardStaged(options.db, { uploadDir: options.uploadDir, staged: file }).catch(() => undefined);
    throw error;
  }
}

export type SubmitOptions = { fields: AspirationSubmissionFields; staged: StagedFile[] };

/** Stores a citizen's aspiration with its attachments in one transaction and returns the receipt (the only time the code is shown). */
export async function submitAspiration(deps: AspirationDeps, options: SubmitOptions) {
  const { fields, staged } = options;
  try {
    await getAgency(deps.db, fields.agencyId).catch(() => {
      throw validationFailed({ agencyId: 'Instansi tidak ditemukan' });
    });
    const { row, code, agency } = await deps.db.transaction(async (tx) => {
      const created = await insertAspiration(tx, {
        agencyId: fields.agencyId,
        source: 'publik',
        forumId: null,
        category: fields.category,
        subject: fields.subject,
        body: fields.body,
        anonymous: fields.anonymous,
        reporterName: fields.anonymous ? null : fields.name,
        reporterEmail: fields.anonymous ? null : fields.email,
        reporterPhone: fields.anonymous ? null : fields.phone,
        unitId: null,
        actor: null,
      });
      for (const file of staged) {
        const stored = await saveStagedFile(tx, { uploadDir: deps.config.uploadDir, staged: file, agencyId: fields.agencyId, actorId: null });
        await tx.insert(aspirationFiles).values({ aspirationId: created.row.id, agencyId: fields.agencyId, fileId: stored.id });
      }
      if (created.row.reporterEmail) {
        await enqueueEmail(
          tx,
          {
            to: created.row.reporterEmail,
            subject: `Pengaduan ${created.row.reference} diterima`,
            text:
              `Terima kasih, pengaduan Anda kepada ${created.agency.name} sudah kami terima.\n\n` +
              `Nomor: ${created.row.reference}\nKode pelacakan: ${formatTrackingCode(created.code)}\n\n` +
              `Simpan kode pelacakan ini: hanya dengan kode ini status dan jawaban dapat dilihat, di ${deps.config.publicUrl}${TRACKING_PATH}\n` +
              `Pengaduan dijawab paling lambat ${created.row.dueAt.toLocaleDateString('id-ID', { timeZone: zoneOf(created.agency.timezone), day: 'numeric', month: 'long', year: 'numeric' })}.`,
          },
          { smtp: Boolean(deps.config.smtpUrl) },
        );
      }
      return created;
    });
    return { reference: row.reference, trackingCode: formatTrackingCode(code), receivedAt: row.createdAt.toISOString(), dueAt: row.dueAt.toISOString(), agencyName: agency.name };
  } catch (error) {
    for (const file of staged) await discardStaged(deps.db, { uploadDir: deps.config.uploadDir, staged: file }).catch(() => undefined);
    throw error;
  }
}

// ---- public tracking ----------------------------------------------------------------------------------

/** The status and public timeline of the aspiration whose tracking code this is; 404 for any other code. */
export async function trackAspiration(db: Db, input: { code: string; now?: Date }) {
  const code = parseTrackingCode(input.code);
  if (!code) throw validationFailed({ code: 'Kode pelacakan terdiri dari 20 huruf dan angka, misalnya ABCDE-12345-FGHJK-67890' });
  const [row] = await db.select().from(aspirations).where(eq(aspirations.trackingHash, trackingHash(code)));
  if (!row) throw new AppError('NOT_FOUND', 'Kode pelacakan tidak ditemukan. Periksa kembali kode yang Anda terima saat mengirim pengaduan.');
  const [agency, timeline, [unit]] = await Promise.all([
    getAgency(db, row.agencyId),
    db.select().from(aspirationEvents).where(and(eq(aspirationEvents.aspirationId, row.id), eq(aspirationEvents.public, true))).orderBy(asc(aspirationEvents.createdAt), asc(aspirationEvents.id)),
    row.unitId ? unitRefs(db, { unitIds: [row.unitId] }) : Promise.resolve([]),
  ]);
  return {
    reference: row.reference,
    agencyName: agency.name,
    category: row.category as AspirationCategory,
    subject: row.subject,
    status: row.status as AspirationStatus,
    unitName: unit?.name ?? null,
    receivedAt: row.createdAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue({ status: row.status as AspirationStatus, dueAt: row.dueAt, closedAt: row.closedAt, now: input.now ?? new Date() }),
    answer: row.answer,
    answeredAt: iso(row.answeredAt),
    closedAt: iso(row.closedAt),
    timeline: timeline.map((e) => ({ kind: e.kind, message: e.message, at: e.createdAt.toISOString() })),
  };
}

// ---- staff ------------------------------------------------------------------------------------------

const overdueSql = (now: Date) =>
  or(and(ne(aspirations.status, 'closed'), lt(aspirations.dueAt, now)), and(eq(aspirations.status, 'closed'), gt(aspirations.closedAt, aspirations.dueAt)))!;

async function attachmentCounts(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await db.select({ id: aspirationFiles.aspirationId, n: count() }).from(aspirationFiles).where(inArray(aspirationFiles.aspirationId, ids)).groupBy(aspirationFiles.aspirationId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

async function presentItems(db: Db, rows: AspirationRow[], now: Date) {
  const [unitList, attachments] = await Promise.all([unitRefs(db, { unitIds: [...new Set(rows.flatMap((r) => (r.unitId ? [r.unitId] : [])))] }), attachmentCounts(db, rows.map((r) => r.id))]);
  const unitsById = new Map(unitList.map((u) => [u.id, u]));
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    source: row.source as AspirationSource,
    category: row.category as AspirationCategory,
    subject: row.subject,
    anonymous: row.anonymous,
    status: row.status as AspirationStatus,
    unit: row.unitId ? { id: row.unitId, name: unitsById.get(row.unitId)?.name ?? '' } : null,
    receivedAt: row.createdAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    overdue: isOverdue({ status: row.status as AspirationStatus, dueAt: row.dueAt, closedAt: row.closedAt, now }),
    closedAt: iso(row.closedAt),
    attachments: attachments.get(row.id) ?? 0,
  }));
}

export type ListAspirationsOptions = {
  agencyId: string;
  status?: string | undefined;
  category?: string | undefined;
  source?: string | undefined;
  unitId?: string | undefined;
  overdue?: '1' | '0' | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
  now?: Date;
};

/** The agency's aspirations: overdue open ones first, then the oldest deadline first. */
export async function listAspirations(db: Db, options: ListAspirationsOptions) {
  const now = options.now ?? new Date();
  const conditions: Array<SQL | undefined> = [
    eq(aspirations.agencyId, options.agencyId),
    options.status ? eq(aspirations.status, options.status) : undefined,
    options.category ? eq(aspirations.category, options.category) : undefined,
    options.source ? eq(aspirations.source, options.source) : undefined,
    options.unitId ? eq(aspirations.unitId, options.unitId) : undefined,
    options.overdue === '1' ? overdueSql(now) : options.overdue === '0' ? sql`not (${overdueSql(now)})` : undefined,
    options.q ? or(ilike(aspirations.reference, like(options.q)), ilike(aspirations.subject, like(options.q)), ilike(aspirations.body, like(options.q))) : undefined,
  ];
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(aspirations).where(where);
  const rows = await db
    .select()
    .from(aspirations)
    .where(where)
    .orderBy(asc(sql`case when ${aspirations.status} = 'closed' then 1 else 0 end`), asc(aspirations.dueAt), desc(aspirations.createdAt), asc(aspirations.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { items: await presentItems(db, rows, now), total: total?.n ?? 0 };
}

async function findAspiration(db: Db, agencyId: string, aspirationId: string, lock = false) {
  const query = db.select().from(aspirations).where(and(eq(aspirations.id, aspirationId), eq(aspirations.agencyId, agencyId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Pengaduan');
  return row;
}

export type AspirationRef = { agencyId: string; aspirationId: string };

/** One aspiration for staff; the reporter's contact only for those who handle it. */
export async function getAspiration(db: Db, ref: AspirationRef & { showReporter: boolean; now?: Date }) {
  const row = await findAspiration(db, ref.agencyId, ref.aspirationId);
  const [[item], fileRows, events, forums] = await Promise.all([
    presentItems(db, [row], ref.now ?? new Date()),
    db
      .select({ id: aspirationFiles.id, name: files.originalName, sizeBytes: files.sizeBytes, mime: files.mime })
      .from(aspirationFiles)
      .innerJoin(files, eq(files.id, aspirationFiles.fileId))
      .where(eq(aspirationFiles.aspirationId, row.id))
      .orderBy(asc(aspirationFiles.createdAt), asc(aspirationFiles.id)),
    db.select().from(aspirationEvents).where(eq(aspirationEvents.aspirationId, row.id)).orderBy(asc(aspirationEvents.createdAt), asc(aspirationEvents.id)),
    db
      .select({ id: communityForums.id, title: communityForums.title, scheduledAt: communityForums.scheduledAt })
      .from(forumFollowups)
      .innerJoin(communityForums, eq(communityForums.id, forumFollowups.forumId))
      .where(eq(forumFollowups.aspirationId, row.id))
      .orderBy(asc(communityForums.scheduledAt)),
  ]);
  return {
    ...item!,
    body: row.body,
    reporter: row.anonymous || !ref.showReporter ? null : { name: row.reporterName, email: row.reporterEmail, phone: row.reporterPhone },
    answer: row.answer,
    answeredAt: iso(row.answeredAt),
    files: fileRows.map((f) => ({ ...f, downloadUrl: `/api/agencies/${row.agencyId}/aspirations/${row.id}/files/${f.id}` })),
    timeline: events.map((e) => ({ kind: e.kind, message: e.message, at: e.createdAt.toISOString(), public: e.public, actorName: e.actorName })),
    forums: forums.map((f) => ({ id: f.id, title: f.title, scheduledAt: f.scheduledAt.toISOString() })),
  };
}

export async function aspirationFileForDownload(db: Db, ref: AspirationRef & { attachmentId: string }) {
  const row = await findAspiration(db, ref.agencyId, ref.aspirationId);
  const [link] = await db.select().from(aspirationFiles).where(and(eq(aspirationFiles.id, ref.attachmentId), eq(aspirationFiles.aspirationId, row.id)));
  if (!link) throw notFound('Lampiran');
  return getFile(db, link.fileId);
}

type ChangeInput = AspirationRef & { actor: StaffActor; now?: Date };

/** Locks the row, checks the action fits the status, applies the change, writes the event and audit. */
async function change(deps: AspirationDeps, input: ChangeInput, action: AspirationAction | 'note', apply: (tx: Db, row: AspirationRow, now: Date) => Promise<{ set?: Partial<AspirationRow>; event: { kind: string; public: boolean; message: string }; email?: { subject: string; text: string } }>) {
  return deps.db.transaction(async (tx) => {
    const before = await findAspiration(tx, input.agencyId, input.aspirationId, true);
    if (action !== 'note') {
      const problem = actionProblem(action, before.status as AspirationStatus);
      if (problem) throw new AppError('INVALID_STATE', problem);
    }
    const now = input.now ?? new Date();
    const { set, event, email } = await apply(tx, before, now);
    const [after] = set ? await tx.update(aspirations).set({ ...set, updatedAt: now }).where(eq(aspirations.id, before.id)).returning() : [before];
    await tx.insert(aspirationEvents).values({ aspirationId: before.id, agencyId: before.agencyId, ...event, actorId: input.actor.accountId, actorName: input.actor.name, createdAt: now });
    await recordAudit(tx, {
      agencyId: before.agencyId,
      actorId: input.actor.accountId,
      action: `aspiration.${action}`,
      targetType: 'aspiration',
      targetId: before.id,
      before: { status: before.status, unitId: before.unitId },
      after: { status: after!.status, unitId: after!.unitId },
      details: { message: event.message },
    });
    if (email && before.reporterEmail) await enqueueEmail(tx, { to: before.reporterEmail, ...email }, { smtp: Boolean(deps.config.smtpUrl) });
    return after!;
  });
}

export async function routeAspiration(deps: AspirationDeps, input: ChangeInput & { unitId: string; note: string }) {
  const unit = await getUnit(deps.db, { agencyId: input.agencyId, unitId: input.unitId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw validationFailed({ unitId: 'Unit kerja tidak ditemukan di instansi ini' });
    throw error;
  });
  await change(deps, input, 'route', async () => ({
    set: { status: 'in_progress', unitId: unit.id },
    event: { kind: 'routed', public: true, message: `Diteruskan kepada ${unit.name} untuk ditindaklanjuti.${input.note ? ` Catatan: ${input.note}` : ''}` },
  }));
  return getAspiration(deps.db, { ...input, showReporter: true });
}

export async function answerAspiration(deps: AspirationDeps, input: ChangeInput & { answer: string }) {
  await change(deps, input, 'answer', async (_tx, row) => ({
    set: { status: 'answered', answer: input.answer, answeredAt: input.now ?? new Date() },
    event: { kind: 'answered', public: true, message: row.answer ? 'Jawaban diperbarui.' : 'Pengaduan dijawab.' },
    email: {
      subject: `Pengaduan ${row.reference} dijawab`,
      text: `Pengaduan Anda "${row.subject}" sudah dijawab:\n\n${input.answer}\n\nLihat status lengkapnya dengan kode pelacakan Anda di ${deps.config.publicUrl}${TRACKING_PATH}`,
    },
  }));
  return getAspiration(deps.db, { ...input, showReporter: true });
}

export async function closeAspiration(deps: AspirationDeps, input: ChangeInput & { note: string }) {
  await change(deps, input, 'close', async (_tx, _row, now) => ({
    set: { status: 'closed', closedAt: now },
    event: { kind: 'closed', public: true, message: `Pengaduan selesai.${input.note ? ` ${input.note}` : ''}` },
  }));
  return getAspiration(deps.db, { ...input, showReporter: true });
}

/** An internal note: staff only, never shown to the citizen. */
export async function addNote(deps: AspirationDeps, input: ChangeInput & { note: string }) {
  await change(deps, input, 'note', async () => ({ event: { kind: 'note', public: false, message: input.note } }));
  return getAspiration(deps.db, { ...input, showReporter: true });
}

/** Counts for the agency's complaint desk and dashboard: status, overdue, on time, days to close, by category. */
export async function aspirationSummary(db: Db, options: { agencyId?: string | undefined; since?: Date | undefined; now?: Date }) {
  const now = options.now ?? new Date();
  const rows = await db
    .select({ category: aspirations.category, status: aspirations.status, receivedAt: aspirations.createdAt, closedAt: aspirations.closedAt, dueAt: aspirations.dueAt })
    .from(aspirations)
    .where(and(options.agencyId ? eq(aspirations.agencyId, options.agencyId) : undefined, options.since ? gt(aspirations.createdAt, options.since) : undefined));
  const items = rows.map((r) => ({ ...r, status: r.status as AspirationStatus }));
  const overall = resolutionSummary({ items, now });
  const slaDays = options.agencyId ? (await getSettings(db, options.agencyId)).slaDays : DEFAULT_SLA_DAYS;
  return {
    slaDays,
    ...overall,
    byStatus: ASPIRATION_STATUSES.map((status) => ({ status, count: items.filter((i) => i.status === status).length })),
    byCategory: ASPIRATION_CATEGORIES.map((category) => {
      const summary = resolutionSummary({ items: items.filter((i) => i.category === category), now });
      return { category, count: summary.total, open: summary.open, medianDaysToClose: summary.medianDaysToClose };
    }),
  };
}

// ---- community forums ---------------------------------------------------------------------------------

async function findForum(db: Db, agencyId: string, forumId: string, lock = false) {
  const query = db.select().from(communityForums).where(and(eq(communityForums.id, forumId), eq(communityForums.agencyId, agencyId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Forum warga');
  return row;
}

function presentForumRow(row: ForumRow) {
  return {
    id: row.id,
    agencyId: row.agencyId,
    title: row.title,
    agenda: row.agenda,
    venue: row.venue,
    scheduledAt: row.scheduledAt.toISOString(),
    status: row.status as ForumStatus,
    attendees: row.attendees,
    minutesRecordedAt: iso(row.minutesRecordedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

async function followupsOf(db: Db, forumIds: string[]) {
  if (forumIds.length === 0) return [];
  return db
    .select({ forumId: forumFollowups.forumId, aspiration: aspirations })
    .from(forumFollowups)
    .innerJoin(aspirations, eq(aspirations.id, forumFollowups.aspirationId))
    .where(inArray(forumFollowups.forumId, forumIds))
    .orderBy(asc(aspirations.createdAt));
}

export async function getForum(db: Db, ref: { agencyId: string; forumId: string }) {
  const row = await findForum(db, ref.agencyId, ref.forumId);
  const links = await followupsOf(db, [row.id]);
  return { ...presentForumRow(row), minutes: row.minutes, followups: await presentItems(db, links.map((l) => l.aspiration), new Date()) };
}

export type ListForumsOptions = { agencyId: string; status?: string | undefined; when?: 'upcoming' | 'past' | undefined; q?: string | undefined; page: number; pageSize: number; now?: Date };

export async function listForums(db: Db, options: ListForumsOptions) {
  const now = options.now ?? new Date();
  const where = and(
    eq(communityForums.agencyId, options.agencyId),
    options.status ? eq(communityForums.status, options.status) : undefined,
    options.when === 'upcoming' ? gt(communityForums.scheduledAt, now) : options.when === 'past' ? lte(communityForums.scheduledAt, now) : undefined,
    options.q ? or(ilike(communityForums.title, like(options.q)), ilike(communityForums.venue, like(options.q))) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(communityForums).where(where);
  const rows = await db
    .select()
    .from(communityForums)
    .where(where)
    .orderBy(options.when === 'upcoming' ? asc(communityForums.scheduledAt) : desc(communityForums.scheduledAt), asc(communityForums.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const counts = rows.length
    ? await db.select({ forumId: forumFollowups.forumId, n: count() }).from(forumFollowups).where(inArray(forumFollowups.forumId, rows.map((r) => r.id))).groupBy(forumFollowups.forumId)
    : [];
  const byForum = new Map(counts.map((c) => [c.forumId, c.n]));
  return { items: rows.map((row) => ({ ...presentForumRow(row), followupCount: byForum.get(row.id) ?? 0, hasMinutes: row.minutes !== null })), total: total?.n ?? 0 };
}

function auditedForum(row: ForumRow) {
  return { title: row.title, venue: row.venue, scheduledAt: row.scheduledAt.toISOString(), status: row.status };
}

export async function createForum(db: Db, input: { agencyId: string; actorId: string; data: z.infer<typeof createForumBody> }) {
  await getAgency(db, input.agencyId);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx.insert(communityForums).values({ agencyId: input.agencyId, ...input.data, createdBy: input.actorId }).returning();
    await recordAudit(tx, { agencyId: input.agencyId, actorId: input.actorId, action: 'forum.create', targetType: 'community_forum', targetId: created!.id, after: auditedForum(created!) });
    return created!;
  });
  return getForum(db, { agencyId: input.agencyId, forumId: row.id });
}

export async function updateForum(db: Db, input: { agencyId: string; forumId: string; actorId: string; changes: z.infer<typeof updateForumBody> }) {
  await db.transaction(async (tx) => {
    const before = await findForum(tx, input.agencyId, input.forumId, true);
    if (before.status === 'held') throw new AppError('INVALID_STATE', 'Forum yang sudah terlaksana (notulen tercatat) tidak dapat diubah jadwalnya.');
    const [after] = await tx.update(communityForums).set({ ...input.changes, updatedAt: new Date() }).where(eq(communityForums.id, before.id)).returning();
    await recordAudit(tx, { agencyId: input.agencyId, actorId: input.actorId, action: 'forum.update', targetType: 'community_forum', targetId: before.id, before: auditedForum(before), after: auditedForum(after!) });
  });
  return getForum(db, input);
}

/** Records (or corrects) the minutes and the attendance; the forum counts as held from then on. */
export async function recordMinutes(db: Db, input: { agencyId: string; forumId: string; actorId: string; data: z.infer<typeof forumMinutesBody>; now?: Date }) {
  const now = input.now ?? new Date();
  await db.transaction(async (tx) => {
    const before = await findForum(tx, input.agencyId, input.forumId, true);
    const problem = minutesProblem({ status: before.status as ForumStatus, scheduledAt: before.scheduledAt, now });
    if (problem) throw new AppError('INVALID_STATE', problem);
    await tx.update(communityForums).set({ minutes: input.data.minutes, attendees: input.data.attendees, minutesRecordedAt: now, status: 'held', updatedAt: now }).where(eq(communityForums.id, before.id));
    await recordAudit(tx, {
      agencyId: input.agencyId,
      actorId: input.actorId,
      action: 'forum.minutes',
      targetType: 'community_forum',
      targetId: before.id,
      before: { status: before.status, attendees: before.attendees, minutesLength: before.minutes?.length ?? 0 },
      after: { status: 'held', attendees: input.data.attendees, minutesLength: input.data.minutes.length },
    });
  });
  return getForum(db, input);
}

/** Links an existing aspiration to the forum, or records a new one raised there (routed at once when a unit is given). */
export async function addFollowup(deps: AspirationDeps, input: { agencyId: string; forumId: string; actor: StaffActor; data: z.infer<typeof forumFollowupBody> }) {
  const data = input.data;
  const unit = 'unitId' in data && data.unitId
    ? await getUnit(deps.db, { agencyId: input.agencyId, unitId: data.unitId }).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'NOT_FOUND') throw validationFailed({ unitId: 'Unit kerja tidak ditemukan di instansi ini' });
        throw error;
      })
    : null;
  await deps.db.transaction(async (tx) => {
    const forum = await findForum(tx, input.agencyId, input.forumId, true);
    if (forum.status === 'cancelled') throw new AppError('INVALID_STATE', 'Forum yang dibatalkan tidak memiliki tindak lanjut.');
    let aspirationId: string;
    if ('aspirationId' in data) {
      const existing = await findAspiration(tx, input.agencyId, data.aspirationId).catch(() => {
        throw validationFailed({ aspirationId: 'Pengaduan tidak ditemukan di instansi ini' });
      });
      aspirationId = existing.id;
      const [linked] = await tx.insert(forumFollowups).values({ forumId: forum.id, aspirationId, agencyId: input.agencyId }).onConflictDoNothing().returning();
      if (!linked) throw new AppError('CONFLICT', `Pengaduan ${existing.reference} sudah tercatat sebagai tindak lanjut forum ini.`);
      await tx.insert(aspirationEvents).values({ aspirationId, agencyId: input.agencyId, kind: 'forum', public: true, message: `Dibahas dalam forum warga "${forum.title}".`, actorId: input.actor.accountId, actorName: input.actor.name });
    } else {
      const created = await insertAspiration(tx, {
        agencyId: input.agencyId,
        source: 'forum',
        forumId: forum.id,
        category: data.category,
        subject: data.subject,
        body: data.body,
        anonymous: false,
        reporterName: null,
        reporterEmail: null,
        reporterPhone: null,
        unitId: unit?.id ?? null,
        actor: input.actor,
      });
      aspirationId = created.row.id;
      await tx.insert(forumFollowups).values({ forumId: forum.id, aspirationId, agencyId: input.agencyId });
      if (unit) {
        await tx.insert(aspirationEvents).values({ aspirationId, agencyId: input.agencyId, kind: 'routed', public: true, message: `Diteruskan kepada ${unit.name} untuk ditindaklanjuti.`, actorId: input.actor.accountId, actorName: input.actor.name });
      }
    }
    await recordAudit(tx, { agencyId: input.agencyId, actorId: input.actor.accountId, action: 'forum.followup', targetType: 'community_forum', targetId: forum.id, after: { aspirationId } });
  });
  return getForum(deps.db, input);
}

// ---- public forums ---------------------------------------------------------------------------------

export async function listPublicForums(db: Db, options: { agencyId?: string | undefined; when: 'upcoming' | 'past'; q?: string | undefined; page: number; pageSize: number; now?: Date }) {
  const now = options.now ?? new Date();
  const where = and(
    options.agencyId ? eq(communityForums.agencyId, options.agencyId) : undefined,
    options.when === 'upcoming' ? and(gt(communityForums.scheduledAt, now), eq(communityForums.status, 'scheduled')) : and(lte(communityForums.scheduledAt, now), ne(communityForums.status, 'cancelled')),
    options.q ? or(ilike(communityForums.title, like(options.q)), ilike(communityForums.venue, like(options.q))) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(communityForums).where(where);
  const rows = await db
    .select()
    .from(communityForums)
    .where(where)
    .orderBy(options.when === 'upcoming' ? asc(communityForums.scheduledAt) : desc(communityForums.scheduledAt), asc(communityForums.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const links = await followupsOf(db, rows.map((r) => r.id));
  const agencyNames = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.agencyId))) agencyNames.set(id, (await getAgency(db, id)).name);
  return {
    items: rows.map((row) => ({
      id: row.id,
      agency: { id: row.agencyId, name: agencyNames.get(row.agencyId) ?? '' },
      title: row.title,
      agenda: row.agenda,
      venue: row.venue,
      scheduledAt: row.scheduledAt.toISOString(),
      status: row.status as ForumStatus,
      minutes: row.minutes,
      attendees: row.attendees,
      followups: links.filter((l) => l.forumId === row.id).map((l) => ({ reference: l.aspiration.reference, subject: l.aspiration.subject, status: l.aspiration.status as AspirationStatus })),
    })),
    total: total?.n ?? 0,
  };
}
