import { createHmac } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { IKM_ELEMENTS, IKM_PRESET, ikmFromTotals, KREJCIE_MORGAN_PRESET, sampleSufficient, weakElements, type IkmResult } from '../../../core/ikm.js';
import {
  answersInOrder,
  IKM_AGE_GROUP_LABELS,
  IKM_EDUCATION_LABELS,
  IKM_OCCUPATION_LABELS,
  IKM_PROFILE_FIELDS,
  IKM_SEX_LABELS,
  IKM_SURVEY_TRANSITIONS,
  IKM_WEAK_NRR_BELOW,
  ikmTrend,
  parsePeriodKey,
  periodKey,
  periodLabel,
  periodRange,
  planOverdue,
  type IkmPeriod,
  type IkmPeriodKind,
  type IkmPlanStatus,
  type IkmProfileField,
  type IkmSurveyStatus,
} from '../../../core/ikm-survey.js';
import type { CreateIkmSurveyBody, IkmPlanBody, IkmResultView, IkmSubmissionBody, updateIkmPlanBody, updateIkmSurveyBody } from '../../../core/schemas/ikm.js';
import { calendarDateInZone, isAgencyZone, type AgencyZone } from '../../../core/time.js';
import type { z } from 'zod';
import { canonicalSha256 } from '../../canonical-hash.js';
import type { Config } from '../../config.js';
import type { Database, Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { publishGeneratedAnnouncement } from '../announcements/announcements.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { getUnit, unitRefs, type UnitRef } from '../organisation/organisation.service.js';
import { qrPng } from '../outreach/outreach.service.js';
import { renderListPdf } from '../sanggah/result-pdf.js';
import { insertResponse, profileCounts, surveyTotals, whyNotInserted, type SurveyTotals } from './ikm.repo.js';
import { ikmImprovementPlans, ikmReports, ikmResponses, ikmSurveys } from './ikm.table.js';

export type IkmDeps = { db: Db; database: Database; config: Config };
type SurveyRow = typeof ikmSurveys.$inferSelect;
type PlanRow = typeof ikmImprovementPlans.$inferSelect;

const iso = (date: Date | null) => date?.toISOString() ?? null;
const zoneOf = (timezone: string): AgencyZone => (isAgencyZone(timezone) ? timezone : 'Asia/Jakarta');

/** Where the public fills the survey (the QR code points here). */
export const surveyPublicPath = (surveyId: string) => `/ikm/${surveyId}`;

function periodOf(row: Pick<SurveyRow, 'periodYear' | 'periodKind' | 'periodNumber'>): IkmPeriod {
  return { year: row.periodYear, kind: row.periodKind as IkmPeriodKind, number: row.periodNumber };
}

// ---- results --------------------------------------------------------------------------------------

function resultOf(totals: SurveyTotals | undefined): IkmResult | null {
  return totals && totals.respondents > 0 ? ikmFromTotals({ respondents: totals.respondents, sums: totals.sums, preset: IKM_PRESET }) : null;
}

/** Per-element NRR, the IKM and its grade, and the Krejcie–Morgan check against the unit's population. */
export function presentResult(population: number, totals: SurveyTotals | undefined): IkmResultView {
  const result = resultOf(totals);
  const respondents = totals?.respondents ?? 0;
  const sample = { population, ...sampleSufficient({ population, respondents, preset: KREJCIE_MORGAN_PRESET }) };
  if (!result) {
    return {
      respondents,
      ikm: null,
      grade: null,
      elements: IKM_ELEMENTS.map((name, i) => ({ index: i + 1, name, sum: 0, nrr: 0, weightedNrr: 0, convertedScore: 0, grade: 'D' as const, weak: false })),
      sample,
    };
  }
  const weak = new Set(weakElements({ result, nrrBelow: IKM_WEAK_NRR_BELOW }).map((e) => e.index));
  return {
    respondents,
    ikm: result.ikm,
    grade: { letter: result.grade.letter, label: result.grade.label },
    elements: result.elements.map((e) => ({ ...e, weak: weak.has(e.index) })),
    sample,
  };
}

function presentSurvey(config: Config, row: SurveyRow, unit: UnitRef | undefined, totals: SurveyTotals | undefined) {
  const period = periodOf(row);
  const range = periodRange(period);
  const result = resultOf(totals);
  return {
    id: row.id,
    agencyId: row.agencyId,
    unit: { id: row.unitId, code: unit?.code ?? '', name: unit?.name ?? '(unit tidak ditemukan)' },
    serviceName: row.serviceName,
    period: { key: row.periodKey, ...period, label: periodLabel(period), start: range.start, end: range.end },
    population: row.population,
    status: row.status as IkmSurveyStatus,
    openedAt: iso(row.openedAt),
    closedAt: iso(row.closedAt),
    publicPath: surveyPublicPath(row.id),
    publicUrl: `${config.publicUrl}${surveyPublicPath(row.id)}`,
    respondents: totals?.respondents ?? 0,
    ikm: result?.ikm ?? null,
    grade: result ? { letter: result.grade.letter, label: result.grade.label } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type SurveyView = ReturnType<typeof presentSurvey>;

async function presentSurveys(deps: IkmDeps, rows: SurveyRow[]) {
  const [unitList, totals] = await Promise.all([
    unitRefs(deps.db, { unitIds: [...new Set(rows.map((r) => r.unitId))] }),
    surveyTotals(deps.database, rows.map((r) => r.id)),
  ]);
  const unitsById = new Map(unitList.map((u) => [u.id, u]));
  return { views: rows.map((row) => presentSurvey(deps.config, row, unitsById.get(row.unitId), totals.get(row.id))), totals };
}

function auditedSurvey(row: SurveyRow) {
  return { unitId: row.unitId, serviceName: row.serviceName, periodKey: row.periodKey, population: row.population, status: row.status };
}

async function findSurvey(db: Db, agencyId: string, surveyId: string, lock = false) {
  const query = db.select().from(ikmSurveys).where(and(eq(ikmSurveys.id, surveyId), eq(ikmSurveys.agencyId, agencyId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Survei IKM');
  return row;
}

// ---- staff: surveys -----------------------------------------------------------------------------------

export type ListSurveysOptions = { agencyId: string; periodKey?: string | undefined; unitId?: string | undefined; status?: string | undefined; q?: string | undefined; page: number; pageSize: number };

export async function listSurveys(deps: IkmDeps, options: ListSurveysOptions) {
  let matchingUnits: string[] | null = null;
  if (options.q) {
    const needle = options.q.toLowerCase();
    matchingUnits = (await unitRefs(deps.db, { agencyId: options.agencyId })).filter((u) => u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle)).map((u) => u.id);
  }
  const like = options.q ? `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    eq(ikmSurveys.agencyId, options.agencyId),
    options.periodKey ? eq(ikmSurveys.periodKey, options.periodKey) : undefined,
    options.unitId ? eq(ikmSurveys.unitId, options.unitId) : undefined,
    options.status ? eq(ikmSurveys.status, options.status) : undefined,
    like ? or(ilike(ikmSurveys.serviceName, like), matchingUnits && matchingUnits.length ? inArray(ikmSurveys.unitId, matchingUnits) : undefined) : undefined,
  );
  const [total] = await deps.db.select({ n: count() }).from(ikmSurveys).where(where);
  const rows = await deps.db
    .select()
    .from(ikmSurveys)
    .where(where)
    .orderBy(desc(ikmSurveys.periodStart), asc(ikmSurveys.periodKind), asc(ikmSurveys.serviceName), asc(ikmSurveys.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const { views } = await presentSurveys(deps, rows);
  return { items: views, total: total?.n ?? 0 };
}

/** The periods the agency has surveys for, newest first, with how many surveys each. */
export async function listPeriods(db: Db, agencyId: string) {
  const rows = await db
    .select({ key: ikmSurveys.periodKey, start: ikmSurveys.periodStart, n: count() })
    .from(ikmSurveys)
    .where(eq(ikmSurveys.agencyId, agencyId))
    .groupBy(ikmSurveys.periodKey, ikmSurveys.periodStart)
    .orderBy(desc(ikmSurveys.periodStart), asc(ikmSurveys.periodKey));
  return rows.map((row) => ({ key: row.key, label: periodLabel(parsePeriodKey(row.key)!), surveys: row.n }));
}

export type CreateSurveyOptions = { actorId: string; agencyId: string; data: CreateIkmSurveyBody };

export async function createSurvey(deps: IkmDeps, options: CreateSurveyOptions) {
  const unit = await getUnit(deps.db, { agencyId: options.agencyId, unitId: options.data.unitId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw new AppError('VALIDATION_FAILED', 'Unit kerja tidak ditemukan di instansi ini.', { unitId: 'Unit kerja tidak ditemukan di instansi ini' });
    throw error;
  });
  const period: IkmPeriod = { year: options.data.periodYear, kind: options.data.periodKind, number: options.data.periodNumber };
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(ikmSurveys)
      .values({
        agencyId: options.agencyId,
        unitId: unit.id,
        serviceName: options.data.serviceName,
        periodYear: period.year,
        periodKind: period.kind,
        periodNumber: period.number,
        periodKey: periodKey(period),
        periodStart: periodRange(period).start,
        population: options.data.population,
        createdBy: options.actorId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      throw new AppError('CONFLICT', `Unit ${unit.name} sudah memiliki survei IKM untuk ${periodLabel(period)}.`, { periodNumber: 'Periode ini sudah ada untuk unit tersebut' });
    }
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'ikm.survey_create', targetType: 'ikm_survey', targetId: created.id, after: auditedSurvey(created) });
    return created;
  });
  return presentSurvey(deps.config, row, { ...unit, agencyId: options.agencyId }, undefined);
}

export type SurveyRef = { agencyId: string; surveyId: string };

export async function getSurvey(deps: IkmDeps, ref: SurveyRef) {
  const row = await findSurvey(deps.db, ref.agencyId, ref.surveyId);
  return (await presentSurveys(deps, [row])).views[0]!;
}

export type UpdateSurveyOptions = SurveyRef & { actorId: string; changes: z.infer<typeof updateIkmSurveyBody> };

export async function updateSurvey(deps: IkmDeps, options: UpdateSurveyOptions) {
  const row = await deps.db.transaction(async (tx) => {
    const before = await findSurvey(tx, options.agencyId, options.surveyId, true);
    const [updated] = await tx.update(ikmSurveys).set({ ...options.changes, updatedAt: new Date() }).where(eq(ikmSurveys.id, before.id)).returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'ikm.survey_update', targetType: 'ikm_survey', targetId: before.id, before: auditedSurvey(before), after: auditedSurvey(updated!) });
    return updated!;
  });
  return (await presentSurveys(deps, [row])).views[0]!;
}

const TRANSITION_REFUSALS: Readonly<Record<IkmSurveyStatus, string>> = {
  draft: 'Survei ini masih draf.',
  open: 'Survei ini sudah dibuka.',
  closed: 'Survei ini sudah ditutup.',
};

export type ChangeStatusOptions = SurveyRef & { actorId: string; status: 'open' | 'closed' };

/** Opens a survey to the public (again, after a close) or closes it; audited. */
export async function changeSurveyStatus(deps: IkmDeps, options: ChangeStatusOptions) {
  const row = await deps.db.transaction(async (tx) => {
    const before = await findSurvey(tx, options.agencyId, options.surveyId, true);
    const from = before.status as IkmSurveyStatus;
    if (!IKM_SURVEY_TRANSITIONS[from].includes(options.status)) {
      throw new AppError('INVALID_STATE', from === options.status ? TRANSITION_REFUSALS[from] : `${TRANSITION_REFUSALS[from]} Survei draf harus dibuka terlebih dahulu.`);
    }
    const now = new Date();
    const [updated] = await tx
      .update(ikmSurveys)
      .set(options.status === 'open' ? { status: 'open', openedAt: before.openedAt ?? now, closedAt: null, updatedAt: now } : { status: 'closed', closedAt: now, updatedAt: now })
      .where(eq(ikmSurveys.id, before.id))
      .returning();
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: options.status === 'open' ? 'ikm.survey_open' : 'ikm.survey_close',
      targetType: 'ikm_survey',
      targetId: before.id,
      before: { status: from },
      after: { status: options.status },
    });
    return updated!;
  });
  return (await presentSurveys(deps, [row])).views[0]!;
}

function profileView(rows: Array<{ field: string; value: string; n: number }>) {
  const labels: Record<IkmProfileField, Readonly<Record<string, string>>> = { ageGroup: IKM_AGE_GROUP_LABELS, sex: IKM_SEX_LABELS, education: IKM_EDUCATION_LABELS, occupation: IKM_OCCUPATION_LABELS };
  const fields = Object.keys(IKM_PROFILE_FIELDS) as IkmProfileField[];
  return Object.fromEntries(
    fields.map((field) => [
      field,
      IKM_PROFILE_FIELDS[field].values.map((value) => ({ value, label: labels[field][value] ?? value, count: rows.find((r) => r.field === field && r.value === value)?.n ?? 0 })),
    ]),
  ) as Record<IkmProfileField, Array<{ value: string; label: string; count: number }>>;
}

/** The results page: the survey, its figures, the respondents' profile, the unit's trend and the improvement plans. */
export async function getSurveyDetail(deps: IkmDeps, ref: SurveyRef & { now?: Date }) {
  const row = await findSurvey(deps.db, ref.agencyId, ref.surveyId);
  const agency = await getAgency(deps.db, ref.agencyId);
  // The trend compares like with like: the unit's surveys of the same kind of period.
  const siblings = await deps.db
    .select()
    .from(ikmSurveys)
    .where(and(eq(ikmSurveys.unitId, row.unitId), eq(ikmSurveys.periodKind, row.periodKind)));
  const [{ views, totals }, profileRows, planRows] = await Promise.all([
    presentSurveys(deps, siblings),
    profileCounts(deps.database, row.id),
    deps.db.select().from(ikmImprovementPlans).where(eq(ikmImprovementPlans.surveyId, row.id)).orderBy(asc(ikmImprovementPlans.element), asc(ikmImprovementPlans.createdAt)),
  ]);
  const survey = views.find((v) => v.id === row.id)!;
  const result = presentResult(row.population, totals.get(row.id));
  const byKey = new Map(views.map((v) => [v.period.key, v]));
  const trend = ikmTrend({ points: siblings.map((s) => ({ period: periodOf(s), ikm: byKey.get(s.periodKey)?.ikm ?? null })) }).map((entry) => {
    const view = byKey.get(entry.key)!;
    return { surveyId: view.id, key: entry.key, label: entry.label, ikm: entry.ikm, change: entry.change, respondents: view.respondents, grade: view.grade?.letter ?? null };
  });
  const today = calendarDateInZone(ref.now ?? new Date(), zoneOf(agency.timezone));
  const plans = planRows.map((plan) => presentPlan(plan, survey, today));
  const planned = new Set(planRows.map((p) => p.element));
  return { survey, result, profile: profileView(profileRows), trend, plans, weakWithoutPlan: result.elements.filter((e) => e.weak && !planned.has(e.index)).map((e) => e.index) };
}

export type ListSuggestionsOptions = SurveyRef & { page: number; pageSize: number; q?: string | undefined };

/** The respondents' written suggestions, newest first. */
export async function listSuggestions(db: Db, options: ListSuggestionsOptions) {
  const survey = await findSurvey(db, options.agencyId, options.surveyId);
  const where = and(
    eq(ikmResponses.surveyId, survey.id),
    sql`${ikmResponses.suggestion} is not null`,
    options.q ? ilike(ikmResponses.suggestion, `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(ikmResponses).where(where);
  const rows = await db
    .select({ id: ikmResponses.id, text: ikmResponses.suggestion, createdAt: ikmResponses.createdAt })
    .from(ikmResponses)
    .where(where)
    .orderBy(desc(ikmResponses.createdAt), desc(ikmResponses.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { items: rows.map((r) => ({ id: r.id, text: r.text ?? '', createdAt: r.createdAt.toISOString() })), total: total?.n ?? 0 };
}

/** The QR code of the survey's public link, to print at the service desk. */
export async function surveyQrPng(deps: IkmDeps, ref: SurveyRef) {
  const survey = await findSurvey(deps.db, ref.agencyId, ref.surveyId);
  return qrPng(`${deps.config.publicUrl}${surveyPublicPath(survey.id)}`);
}

// ---- public: the survey and its submission ------------------------------------------------------

export async function getPublicSurvey(db: Db, surveyId: string) {
  const [row] = await db.select().from(ikmSurveys).where(and(eq(ikmSurveys.id, surveyId), ne(ikmSurveys.status, 'draft')));
  if (!row) throw notFound('Survei');
  const [agency, [unit]] = await Promise.all([getAgency(db, row.agencyId), unitRefs(db, { unitIds: [row.unitId] })]);
  return {
    id: row.id,
    agency: { id: agency.id, name: agency.name },
    unitName: unit?.name ?? '',
    serviceName: row.serviceName,
    periodLabel: periodLabel(periodOf(row)),
    open: row.status === 'open',
    status: row.status as IkmSurveyStatus,
  };
}

export type SubmitResponseOptions = { surveyId: string; body: IkmSubmissionBody; address: string };

/** The HMAC of everything that makes two submissions "the same response from the same place". */
function fingerprintOf(secret: string, options: SubmitResponseOptions, answers: readonly number[]) {
  const { profile, suggestion } = options.body;
  return createHmac('sha256', secret)
    .update(`ikm|${options.surveyId}|${options.address}|${answers.join(',')}|${profile.ageGroup}|${profile.sex}|${profile.education}|${profile.occupation}|${suggestion}`)
    .digest('base64url')
    .slice(0, 22);
}

const THANKS = 'Terima kasih. Jawaban Anda sudah kami terima dan akan dipakai untuk memperbaiki pelayanan.';

/**
 * Stores one respondent's answers, in one statement that also checks the survey is open. A retry of
 * the same submission (same submissionId) gets the same receipt; the same response from the same
 * address on the same day is refused as a duplicate; a filled hidden field is refused.
 */
export async function submitResponse(deps: IkmDeps, options: SubmitResponseOptions) {
  const { body } = options;
  if (body.website !== '') throw new AppError('BAD_REQUEST', 'Jawaban tidak dapat diterima.');
  const answers = answersInOrder(body.answers);
  const row = {
    id: body.submissionId,
    surveyId: options.surveyId,
    answers,
    ...body.profile,
    suggestion: body.suggestion === '' ? null : body.suggestion,
    fingerprint: fingerprintOf(deps.config.sessionSecret, options, answers),
  };
  const storedAt = await insertResponse(deps.database, row);
  if (storedAt) return { submissionId: body.submissionId, receivedAt: storedAt.toISOString(), message: THANKS };
  const why = await whyNotInserted(deps.database, { id: body.submissionId, surveyId: options.surveyId });
  if (why.existing) return { submissionId: body.submissionId, receivedAt: why.existing.toISOString(), message: THANKS };
  if (why.status === null || why.status === 'draft') throw notFound('Survei');
  if (why.status !== 'open') throw new AppError('INVALID_STATE', 'Survei ini sudah ditutup dan tidak menerima jawaban lagi.');
  if (why.idTaken) throw new AppError('CONFLICT', 'Nomor kiriman ini sudah dipakai. Muat ulang halaman lalu kirim kembali.');
  throw new AppError('CONFLICT', 'Jawaban yang sama dari jaringan ini sudah kami terima hari ini. Setiap orang cukup mengisi satu kali.');
}

// ---- improvement plans ---------------------------------------------------------------------------

type SurveyLabel = { unit: { name: string }; serviceName: string; period: { label: string } };

function presentPlan(row: PlanRow, survey: SurveyLabel, today: string) {
  return {
    id: row.id,
    surveyId: row.surveyId,
    element: row.element,
    elementName: IKM_ELEMENTS[row.element - 1] ?? '',
    action: row.action,
    owner: row.owner,
    dueDate: row.dueDate,
    status: row.status as IkmPlanStatus,
    progressNote: row.progressNote,
    overdue: planOverdue({ status: row.status as IkmPlanStatus, dueDate: row.dueDate, today }),
    completedAt: iso(row.completedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    survey: { unitName: survey.unit.name, serviceName: survey.serviceName, periodLabel: survey.period.label },
  };
}

async function agencyToday(db: Db, agencyId: string, now = new Date()) {
  const agency = await getAgency(db, agencyId);
  return calendarDateInZone(now, zoneOf(agency.timezone));
}

function auditedPlan(row: PlanRow) {
  return { element: row.element, action: row.action, owner: row.owner, dueDate: row.dueDate, status: row.status, progressNote: row.progressNote };
}

export type CreatePlanOptions = SurveyRef & { actorId: string; data: IkmPlanBody };

export async function createPlan(deps: IkmDeps, options: CreatePlanOptions) {
  const row = await deps.db.transaction(async (tx) => {
    const survey = await findSurvey(tx, options.agencyId, options.surveyId);
    const [created] = await tx
      .insert(ikmImprovementPlans)
      .values({ agencyId: options.agencyId, surveyId: survey.id, ...options.data, createdBy: options.actorId })
      .returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'ikm.plan_create', targetType: 'ikm_plan', targetId: created!.id, after: auditedPlan(created!) });
    return created!;
  });
  const survey = await getSurvey(deps, options);
  return presentPlan(row, survey, await agencyToday(deps.db, options.agencyId));
}

export type UpdatePlanOptions = { agencyId: string; planId: string; actorId: string; changes: z.infer<typeof updateIkmPlanBody> };

export async function updatePlan(deps: IkmDeps, options: UpdatePlanOptions) {
  const row = await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(ikmImprovementPlans)
      .where(and(eq(ikmImprovementPlans.id, options.planId), eq(ikmImprovementPlans.agencyId, options.agencyId)))
      .for('update');
    if (!before) throw notFound('Rencana tindak lanjut');
    const now = new Date();
    const status = options.changes.status ?? before.status;
    const completedAt = status === 'done' ? (before.completedAt ?? now) : null;
    const [updated] = await tx
      .update(ikmImprovementPlans)
      .set({ ...options.changes, completedAt, updatedAt: now })
      .where(eq(ikmImprovementPlans.id, before.id))
      .returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'ikm.plan_update', targetType: 'ikm_plan', targetId: before.id, before: auditedPlan(before), after: auditedPlan(updated!) });
    return updated!;
  });
  const survey = await getSurvey(deps, { agencyId: options.agencyId, surveyId: row.surveyId });
  return presentPlan(row, survey, await agencyToday(deps.db, options.agencyId));
}

export type ListPlansOptions = { agencyId: string; status?: string | undefined; overdue?: '1' | '0' | undefined; surveyId?: string | undefined; q?: string | undefined; page: number; pageSize: number; now?: Date };

/** Every improvement plan of the agency, overdue ones first, then by due date. */
export async function listPlans(deps: IkmDeps, options: ListPlansOptions) {
  const today = await agencyToday(deps.db, options.agencyId, options.now);
  const overdueSql = and(ne(ikmImprovementPlans.status, 'done'), lt(ikmImprovementPlans.dueDate, today));
  const conditions: Array<SQL | undefined> = [
    eq(ikmImprovementPlans.agencyId, options.agencyId),
    options.status ? eq(ikmImprovementPlans.status, options.status) : undefined,
    options.surveyId ? eq(ikmImprovementPlans.surveyId, options.surveyId) : undefined,
    options.overdue === '1' ? overdueSql : options.overdue === '0' ? sql`not (${overdueSql})` : undefined,
    options.q ? or(ilike(ikmImprovementPlans.action, `%${options.q}%`), ilike(ikmImprovementPlans.owner, `%${options.q}%`)) : undefined,
  ];
  const where = and(...conditions);
  const [total] = await deps.db.select({ n: count() }).from(ikmImprovementPlans).where(where);
  const rows = await deps.db
    .select()
    .from(ikmImprovementPlans)
    .where(where)
    .orderBy(desc(sql`(${overdueSql})`), asc(ikmImprovementPlans.dueDate), asc(ikmImprovementPlans.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const surveyRows = rows.length ? await deps.db.select().from(ikmSurveys).where(inArray(ikmSurveys.id, [...new Set(rows.map((r) => r.surveyId))])) : [];
  const unitsById = new Map((await unitRefs(deps.db, { unitIds: [...new Set(surveyRows.map((s) => s.unitId))] })).map((u) => [u.id, u]));
  const surveysById = new Map(
    surveyRows.map((s) => [s.id, { unit: { name: unitsById.get(s.unitId)?.name ?? '' }, serviceName: s.serviceName, period: { label: periodLabel(periodOf(s)) } }]),
  );
  return { items: rows.map((row) => presentPlan(row, surveysById.get(row.surveyId)!, today)), total: total?.n ?? 0 };
}

// ---- the period report and its publication -----------------------------------------------------------

export type PeriodRef = { agencyId: string; periodKey: string };

function requirePeriod(key: string): IkmPeriod {
  const period = parsePeriodKey(key);
  if (!period) throw new AppError('VALIDATION_FAILED', 'Periode tidak valid.', { periodKey: 'Periode tidak valid (contoh: 2026, 2026-S1, 2026-T3)' });
  return period;
}

/** Every unit's survey of the period with its figures, the agency's combined IKM and past publications. */
export async function periodReport(deps: IkmDeps, ref: PeriodRef) {
  const period = requirePeriod(ref.periodKey);
  const rows = await deps.db
    .select()
    .from(ikmSurveys)
    .where(and(eq(ikmSurveys.agencyId, ref.agencyId), eq(ikmSurveys.periodKey, ref.periodKey)))
    .orderBy(asc(ikmSurveys.serviceName), asc(ikmSurveys.id));
  const { views, totals } = await presentSurveys(deps, rows);
  const surveys = views
    .map((survey, i) => ({ survey, result: presentResult(rows[i]!.population, totals.get(survey.id)) }))
    .sort((a, b) => a.survey.unit.code.localeCompare(b.survey.unit.code) || a.survey.serviceName.localeCompare(b.survey.serviceName));
  const pooled = [...totals.values()].reduce<SurveyTotals>((acc, t) => ({ respondents: acc.respondents + t.respondents, sums: acc.sums.map((s, i) => s + t.sums[i]!) }), { respondents: 0, sums: new Array<number>(9).fill(0) });
  const overallResult = resultOf(pooled);
  const publications = await deps.db
    .select()
    .from(ikmReports)
    .where(and(eq(ikmReports.agencyId, ref.agencyId), eq(ikmReports.periodKey, ref.periodKey)))
    .orderBy(desc(ikmReports.publishedAt));
  return {
    periodKey: ref.periodKey,
    periodLabel: periodLabel(period),
    surveys,
    overall: { respondents: pooled.respondents, ikm: overallResult?.ikm ?? null, grade: overallResult ? { letter: overallResult.grade.letter, label: overallResult.grade.label } : null },
    openSurveys: rows.filter((r) => r.status === 'open').length,
    publications: publications.map((p) => ({ id: p.id, announcementId: p.announcementId, publishedAt: p.publishedAt.toISOString(), resultHash: p.resultHash })),
  };
}
export type PeriodReportView = Awaited<ReturnType<typeof periodReport>>;

const decimal = (value: number, digits = 2) => value.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The published figures, canonical and hashed: unit, service, respondents, sample, NRR per element, IKM, grade. */
function reportFigures(report: PeriodReportView) {
  return report.surveys
    .filter((s) => s.result.respondents > 0)
    .map((s) => ({
      unit: s.survey.unit.name,
      service: s.survey.serviceName,
      respondents: s.result.respondents,
      population: s.result.sample.population,
      requiredSample: s.result.sample.required,
      nrr: s.result.elements.map((e) => e.sum / s.result.respondents),
      sums: s.result.elements.map((e) => e.sum),
      ikm: s.result.ikm,
      grade: s.result.grade?.letter ?? null,
    }));
}

export async function renderPeriodPdf(options: { agencyName: string; zone: AgencyZone; report: PeriodReportView; publishedAt: Date }) {
  const figures = reportFigures(options.report);
  const resultHash = canonicalSha256(figures);
  const { overall } = options.report;
  const pdf = await renderListPdf({
    agencyName: options.agencyName,
    selectionName: options.report.periodLabel,
    heading: 'INDEKS KEPUASAN MASYARAKAT (IKM)',
    publishedAt: options.publishedAt,
    zone: options.zone,
    resultHash,
    summary:
      `${figures.length.toLocaleString('id-ID')} unit layanan, ${overall.respondents.toLocaleString('id-ID')} responden. ` +
      (overall.ikm === null ? 'Belum ada responden.' : `IKM gabungan seluruh responden: ${decimal(overall.ikm)} — mutu ${overall.grade!.letter} (${overall.grade!.label}).`),
    notes: [
      'Dihitung menurut PermenPANRB Nomor 14 Tahun 2017: NRR unsur = jumlah nilai ÷ jumlah responden; IKM = Σ(NRR × 1/9) × 25, dibulatkan sekali ke dua desimal. Mutu: A 88,31–100; B 76,61–88,30; C 65,00–76,60; D 25,00–64,99.',
      'Kolom U1–U9 berisi NRR tiap unsur: persyaratan; prosedur; waktu; biaya; produk; kompetensi; perilaku; penanganan pengaduan; sarana. Sampel minimum menurut Krejcie–Morgan dari populasi yang dilayani pada periode ini.',
    ],
    hashNote: 'Sidik jari SHA-256 dihitung atas JSON kanonik angka-angka tabel ini (unit, layanan, responden, populasi, sampel minimum, jumlah dan NRR tiap unsur, IKM, mutu).',
    columns: [
      { title: 'Unit / layanan', width: 118 },
      { title: 'Resp. (min.)', width: 50 },
      ...IKM_ELEMENTS.map((_, i) => ({ title: `U${i + 1}`, width: 25 })),
      { title: 'IKM', width: 38 },
      { title: 'Mutu', width: 84 },
    ],
    rows: options.report.surveys
      .filter((s) => s.result.respondents > 0)
      .map((s) => [
        `${s.survey.unit.name} — ${s.survey.serviceName}`,
        `${s.result.respondents.toLocaleString('id-ID')} (${s.result.sample.required.toLocaleString('id-ID')})${s.result.sample.sufficient ? '' : ' *'}`,
        ...s.result.elements.map((e) => decimal(e.nrr)),
        decimal(s.result.ikm!),
        `${s.result.grade!.letter} ${s.result.grade!.label}`,
      ]),
    empty: 'Belum ada unit dengan responden pada periode ini.',
  });
  return { pdf, resultHash, figures };
}

/** The report PDF as it would be published now (a preview for the agency). */
export async function periodReportPdf(deps: IkmDeps, ref: PeriodRef) {
  const [agency, report] = await Promise.all([getAgency(deps.db, ref.agencyId), periodReport(deps, ref)]);
  const { pdf } = await renderPeriodPdf({ agencyName: agency.name, zone: zoneOf(agency.timezone), report, publishedAt: new Date() });
  return { pdf, fileName: `ikm-${ref.periodKey}.pdf` };
}

export type PublishPeriodOptions = PeriodRef & { actorId: string };

/**
 * Publishes the period's report as an announcement (kind "ikm") with its PDF, superseding the
 * previous publication of the same period. Refused while a survey of the period is still open or
 * when no survey has respondents.
 */
export async function publishPeriodReport(deps: IkmDeps, options: PublishPeriodOptions) {
  const report = await periodReport(deps, options);
  if (report.surveys.length === 0) throw new AppError('INVALID_STATE', `Belum ada survei IKM untuk ${report.periodLabel}.`);
  if (report.openSurveys > 0) {
    const open = report.surveys.filter((s) => s.survey.status === 'open').map((s) => `${s.survey.unit.name} (${s.survey.serviceName})`);
    throw new AppError('INVALID_STATE', `Tutup dahulu survei yang masih dibuka sebelum menerbitkan laporan: ${open.join(', ')}.`);
  }
  if (report.overall.respondents === 0) throw new AppError('INVALID_STATE', `Belum ada responden pada survei ${report.periodLabel}.`);
  const agency = await getAgency(deps.db, options.agencyId);
  const publishedAt = new Date();
  const { pdf, resultHash, figures } = await renderPeriodPdf({ agencyName: agency.name, zone: zoneOf(agency.timezone), report, publishedAt });
  const insufficient = report.surveys.filter((s) => s.result.respondents > 0 && !s.result.sample.sufficient).length;
  const body = [
    `${agency.name} mengumumkan hasil Survei Kepuasan Masyarakat ${report.periodLabel} pada ${figures.length} unit layanan dengan ${report.overall.respondents.toLocaleString('id-ID')} responden.`,
    `IKM gabungan seluruh responden: ${decimal(report.overall.ikm!)} (mutu ${report.overall.grade!.letter}, ${report.overall.grade!.label}).`,
    ...report.surveys.filter((s) => s.result.respondents > 0).map((s) => `- ${s.survey.unit.name} — ${s.survey.serviceName}: IKM ${decimal(s.result.ikm!)} (${s.result.grade!.letter}), ${s.result.respondents.toLocaleString('id-ID')} responden`),
    insufficient > 0 ? `Catatan: ${insufficient} unit belum mencapai sampel minimum Krejcie–Morgan (bertanda * pada lampiran).` : 'Seluruh unit mencapai sampel minimum Krejcie–Morgan.',
    'Rincian nilai tiap unsur terdapat pada lampiran PDF.',
  ].join('\n');
  const previous = report.publications[0];
  return deps.db.transaction(async (tx) => {
    const announcement = await publishGeneratedAnnouncement(tx, {
      uploadDir: deps.config.uploadDir,
      agencyId: options.agencyId,
      selectionId: null,
      kind: 'ikm',
      title: `Indeks Kepuasan Masyarakat ${report.periodLabel}`,
      body,
      actorId: options.actorId,
      files: [{ title: `Laporan IKM ${report.periodLabel}`, fileName: `ikm-${options.periodKey}.pdf`, content: pdf }],
      supersedesId: previous?.announcementId ?? null,
    });
    const [published] = await tx.insert(ikmReports).values({ agencyId: options.agencyId, periodKey: options.periodKey, announcementId: announcement.id, resultHash, publishedBy: options.actorId, publishedAt }).returning();
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'ikm.report_publish',
      targetType: 'ikm_report',
      targetId: published!.id,
      after: { periodKey: options.periodKey, announcementId: announcement.id, resultHash, units: figures.length, respondents: report.overall.respondents, ikm: report.overall.ikm },
    });
    return { announcementId: announcement.id, resultHash, publishedAt: publishedAt.toISOString() };
  });
}

// ---- read functions for other modules (dashboards, quality of hire) ---------------------------------

export type UnitPeriodIkm = { agencyId: string; unitId: string; unitName: string; periodKey: string; periodLabel: string; periodStart: string; respondents: number; ikm: number | null; grade: string | null };

/** The IKM of every survey of an agency (or of every agency), by unit and period, oldest period first. */
export async function ikmByUnitAndPeriod(deps: Pick<IkmDeps, 'db' | 'database'>, options: { agencyId?: string | undefined; unitIds?: readonly string[] | undefined }): Promise<UnitPeriodIkm[]> {
  if (options.unitIds && options.unitIds.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(ikmSurveys)
    .where(and(options.agencyId ? eq(ikmSurveys.agencyId, options.agencyId) : undefined, options.unitIds ? inArray(ikmSurveys.unitId, [...options.unitIds]) : undefined))
    .orderBy(asc(ikmSurveys.periodStart), asc(ikmSurveys.periodKind));
  const [totals, unitList] = await Promise.all([surveyTotals(deps.database, rows.map((r) => r.id)), unitRefs(deps.db, { unitIds: [...new Set(rows.map((r) => r.unitId))] })]);
  const names = new Map(unitList.map((u) => [u.id, u.name]));
  return rows.map((row) => {
    const result = resultOf(totals.get(row.id));
    return {
      agencyId: row.agencyId,
      unitId: row.unitId,
      unitName: names.get(row.unitId) ?? '',
      periodKey: row.periodKey,
      periodLabel: periodLabel(periodOf(row)),
      periodStart: row.periodStart,
      respondents: totals.get(row.id)?.respondents ?? 0,
      ikm: result?.ikm ?? null,
      grade: result?.grade.letter ?? null,
    };
  });
}
