// Public feedback at the service desk: a link (and its QR code) per unit or named employee, the
// public's 1–4 rating without an account (hidden field, per-address limit in the route, one
// rating per device and desk in a window), and its summary against the agency's threshold.
import { createHmac, randomBytes } from 'node:crypto';
import { and, count, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { DESK_DUPLICATE_WINDOW_HOURS, summariseDeskFeedback } from '../../../core/evaluation.js';
import type { DeskFeedbackBody } from '../../../core/schemas/evaluation.js';
import { calendarDateInZone, isAgencyZone } from '../../../core/time.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { employeesByIds, findEmployee } from '../employees/employees.service.js';
import { getUnit, unitRefs } from '../organisation/organisation.service.js';
import { qrPng } from '../outreach/outreach.service.js';
import { evaluationDeskFeedback, evaluationDeskLinks } from './evaluation.table.js';

type LinkRow = typeof evaluationDeskLinks.$inferSelect;

/** Where the public rates a desk (the QR code points here). */
export const deskPublicPath = (code: string) => `/nilai-layanan/${code}`;

async function presentLinks(db: Db, config: Config, rows: LinkRow[]) {
  if (rows.length === 0) return [];
  const agencyId = rows[0]!.agencyId;
  const [unitList, staff, tallies] = await Promise.all([
    unitRefs(db, { unitIds: [...new Set(rows.map((r) => r.unitId))] }),
    employeesByIds(db, { agencyId, ids: [...new Set(rows.flatMap((r) => (r.employeeId ? [r.employeeId] : [])))] }),
    db
      .select({ linkId: evaluationDeskFeedback.linkId, n: count() })
      .from(evaluationDeskFeedback)
      .where(inArray(evaluationDeskFeedback.linkId, rows.map((r) => r.id)))
      .groupBy(evaluationDeskFeedback.linkId),
  ]);
  const unitName = new Map(unitList.map((u) => [u.id, u.name]));
  const people = new Map(staff.map((e) => [e.id, e]));
  const responses = new Map(tallies.map((t) => [t.linkId, t.n]));
  return rows.map((row) => {
    const employee = row.employeeId ? people.get(row.employeeId) : undefined;
    return {
      id: row.id,
      unitId: row.unitId,
      unitName: unitName.get(row.unitId) ?? '',
      employee: employee ? { id: employee.id, name: employee.name, nip: employee.nip } : null,
      label: row.label,
      code: row.code,
      url: `${config.publicUrl}${deskPublicPath(row.code)}`,
      qrUrl: `/api/agencies/${row.agencyId}/evaluation/desk-links/${row.id}/qr.png`,
      active: row.active,
      responses: responses.get(row.id) ?? 0,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

export type DeskDeps = { db: Db; config: Config };

export async function listDeskLinks(deps: DeskDeps, options: { agencyId: string; unitId?: string | undefined; employeeId?: string | undefined }) {
  const rows = await deps.db
    .select()
    .from(evaluationDeskLinks)
    .where(
      and(
        eq(evaluationDeskLinks.agencyId, options.agencyId),
        options.unitId ? eq(evaluationDeskLinks.unitId, options.unitId) : undefined,
        options.employeeId ? eq(evaluationDeskLinks.employeeId, options.employeeId) : undefined,
      ),
    )
    .orderBy(desc(evaluationDeskLinks.active), desc(evaluationDeskLinks.createdAt));
  return presentLinks(deps.db, deps.config, rows);
}

async function findLink(db: Db, options: { agencyId: string; linkId: string }, lock = false) {
  const query = db.select().from(evaluationDeskLinks).where(and(eq(evaluationDeskLinks.agencyId, options.agencyId), eq(evaluationDeskLinks.id, options.linkId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Tautan penilaian loket');
  return row;
}

export type CreateDeskLinkOptions = { agencyId: string; actorId: string; unitId: string; employeeId?: string | null | undefined; label: string };

export async function createDeskLink(deps: DeskDeps, options: CreateDeskLinkOptions) {
  const unit = await getUnit(deps.db, { agencyId: options.agencyId, unitId: options.unitId }).catch(() => {
    throw new AppError('VALIDATION_FAILED', 'Unit kerja tidak ditemukan di instansi ini.', { unitId: 'Unit kerja tidak ditemukan' });
  });
  if (options.employeeId) {
    const employee = await findEmployee(deps.db, { agencyId: options.agencyId, employeeId: options.employeeId }).catch(() => null);
    if (!employee || employee.status === 'ended') throw new AppError('VALIDATION_FAILED', 'Pegawai tidak ditemukan di instansi ini.', { employeeId: 'Pegawai tidak ditemukan' });
    if (employee.unitId !== unit.id) throw new AppError('VALIDATION_FAILED', `${employee.name} bukan pegawai unit ${unit.name}.`, { employeeId: 'Bukan pegawai unit ini' });
  }
  const row = await deps.db.transaction(async (tx) => {
    // 80 random bits in hex: the link cannot be guessed from another desk's.
    const [created] = await tx
      .insert(evaluationDeskLinks)
      .values({ agencyId: options.agencyId, unitId: unit.id, employeeId: options.employeeId ?? null, label: options.label, code: randomBytes(10).toString('hex'), createdBy: options.actorId })
      .returning();
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'evaluation.desk_link.create',
      targetType: 'evaluation_desk_link',
      targetId: created!.id,
      after: { unitId: unit.id, employeeId: options.employeeId ?? null, label: options.label },
    });
    return created!;
  });
  return (await presentLinks(deps.db, deps.config, [row]))[0]!;
}

export async function updateDeskLink(deps: DeskDeps, options: { agencyId: string; linkId: string; actorId: string; changes: { active?: boolean | undefined; label?: string | undefined } }) {
  const row = await deps.db.transaction(async (tx) => {
    const before = await findLink(tx, options, true);
    const [after] = await tx
      .update(evaluationDeskLinks)
      .set({ active: options.changes.active ?? before.active, label: options.changes.label ?? before.label })
      .where(eq(evaluationDeskLinks.id, before.id))
      .returning();
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'evaluation.desk_link.update',
      targetType: 'evaluation_desk_link',
      targetId: before.id,
      before: { active: before.active, label: before.label },
      after: { active: after!.active, label: after!.label },
    });
    return after!;
  });
  return (await presentLinks(deps.db, deps.config, [row]))[0]!;
}

export async function deskLinkQrPng(deps: DeskDeps, options: { agencyId: string; linkId: string }) {
  const link = await findLink(deps.db, options);
  return qrPng(`${deps.config.publicUrl}${deskPublicPath(link.code)}`);
}

// ---- public ---------------------------------------------------------------------------------------

async function linkByCode(db: Db, code: string) {
  const [row] = await db.select().from(evaluationDeskLinks).where(eq(evaluationDeskLinks.code, code));
  if (!row) throw notFound('Loket layanan');
  return row;
}

export async function getPublicDesk(db: Db, code: string) {
  const row = await linkByCode(db, code);
  const [agency, [unit], employee] = await Promise.all([
    getAgency(db, row.agencyId),
    unitRefs(db, { unitIds: [row.unitId] }),
    row.employeeId ? findEmployee(db, { agencyId: row.agencyId, employeeId: row.employeeId }).catch(() => null) : Promise.resolve(null),
  ]);
  return {
    code: row.code,
    agencyName: agency.name,
    unitName: unit?.name ?? '',
    label: row.label,
    // Only the name and position: the public never sees an employee's NIP.
    employee: employee ? { name: employee.name, positionName: employee.positionName } : null,
    active: row.active && (!employee || employee.status !== 'ended'),
  };
}

const THANKS = 'Terima kasih atas penilaian Anda. Masukan ini membantu kami memperbaiki pelayanan.';

export type SubmitDeskFeedbackOptions = { code: string; body: DeskFeedbackBody; address: string; now?: Date };

/**
 * Stores one rating. A filled hidden field is refused; so is a second rating of the same desk from
 * the same address and device within the window (the fingerprint is locked while it is checked).
 */
export async function submitDeskFeedback(deps: DeskDeps, options: SubmitDeskFeedbackOptions) {
  const { body } = options;
  if (body.website !== '') throw new AppError('BAD_REQUEST', 'Penilaian tidak dapat diterima.');
  const now = options.now ?? new Date();
  const link = await linkByCode(deps.db, options.code);
  const desk = await getPublicDesk(deps.db, options.code);
  if (!desk.active) throw new AppError('INVALID_STATE', 'Tautan penilaian loket ini sudah tidak aktif.');
  const agency = await getAgency(deps.db, link.agencyId);
  const fingerprint = createHmac('sha256', deps.config.sessionSecret)
    .update(`desk|${link.id}|${options.address}|${body.clientToken ?? ''}`)
    .digest('base64url')
    .slice(0, 22);
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`desk:${link.id}:${fingerprint}`}, 0))`);
    const since = new Date(now.getTime() - DESK_DUPLICATE_WINDOW_HOURS * 3600_000);
    const [recent] = await tx
      .select({ n: count() })
      .from(evaluationDeskFeedback)
      .where(and(eq(evaluationDeskFeedback.linkId, link.id), eq(evaluationDeskFeedback.fingerprint, fingerprint), gte(evaluationDeskFeedback.createdAt, since)));
    if ((recent?.n ?? 0) > 0) {
      throw new AppError('CONFLICT', `Penilaian dari perangkat ini untuk loket ini sudah kami terima. Anda dapat menilai lagi setelah ${DESK_DUPLICATE_WINDOW_HOURS} jam.`);
    }
    await tx.insert(evaluationDeskFeedback).values({
      agencyId: link.agencyId,
      linkId: link.id,
      unitId: link.unitId,
      employeeId: link.employeeId,
      score: body.score,
      comment: body.comment,
      fingerprint,
      day: calendarDateInZone(now, isAgencyZone(agency.timezone) ? agency.timezone : 'Asia/Jakarta'),
      createdAt: now,
    });
  });
  return { message: THANKS };
}

// ---- summaries ------------------------------------------------------------------------------------

export type DeskScope = { agencyId: string; startsOn: string; endsOn: string; threshold: number; minResponses: number };

/** The desk feedback of a unit (every desk of it) or of one named employee within a period, against the threshold. */
export async function deskSummary(db: Db, options: DeskScope & ({ unitId: string } | { employeeId: string })) {
  const who = 'unitId' in options ? eq(evaluationDeskFeedback.unitId, options.unitId) : eq(evaluationDeskFeedback.employeeId, options.employeeId);
  const where = and(eq(evaluationDeskFeedback.agencyId, options.agencyId), who, gte(evaluationDeskFeedback.day, options.startsOn), lte(evaluationDeskFeedback.day, options.endsOn));
  const [byScore, recent] = await Promise.all([
    db.select({ score: evaluationDeskFeedback.score, n: count() }).from(evaluationDeskFeedback).where(where).groupBy(evaluationDeskFeedback.score),
    db
      .select({ score: evaluationDeskFeedback.score, comment: evaluationDeskFeedback.comment, createdAt: evaluationDeskFeedback.createdAt })
      .from(evaluationDeskFeedback)
      .where(and(where, sql`${evaluationDeskFeedback.comment} <> ''`))
      .orderBy(desc(evaluationDeskFeedback.createdAt))
      .limit(5),
  ]);
  const scores = [1, 2, 3, 4].map((s) => byScore.find((row) => row.score === s)?.n ?? 0);
  const responses = scores.reduce((a, b) => a + b, 0);
  const sum = scores.reduce((total, n, i) => total + n * (i + 1), 0);
  return {
    ...summariseDeskFeedback({ responses, sum, threshold: options.threshold, minResponses: options.minResponses }),
    scores,
    recentComments: recent.map((row) => ({ score: row.score, comment: row.comment, createdAt: row.createdAt.toISOString() })),
  };
}
export type DeskSummaryView = Awaited<ReturnType<typeof deskSummary>>;

/** Units with desk feedback in the period (any desk of theirs). */
export async function unitsWithFeedback(db: Db, options: { agencyId: string; startsOn: string; endsOn: string }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ unitId: evaluationDeskFeedback.unitId })
    .from(evaluationDeskFeedback)
    .where(and(eq(evaluationDeskFeedback.agencyId, options.agencyId), gte(evaluationDeskFeedback.day, options.startsOn), lte(evaluationDeskFeedback.day, options.endsOn)));
  return rows.map((row) => row.unitId);
}
