// Performance evaluation (SKP, PermenPANRB 6/2022, domain rules §10): periods per agency, each
// employee's plan of work results agreed with the supervisor, realisation with evidence, the
// supervisor's rating → predikat (core/predikat), continuous notes, peer and public input beside
// the rating, the organisation rating's bound on the distribution (warned while rating, enforced at
// finalisation), and development recommendations tracked through the training module.
import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  DEFAULT_PUBLIC_MIN_RESPONSES,
  DEFAULT_PUBLIC_THRESHOLD,
  developmentFocus,
  finalisationProblems,
  outlookMessage,
  periodRange,
  planActionProblem,
  PUBLIC_SERVICE_COMPETENCY,
  suggestCompetency,
  type PlanAction,
  type PlanStatus,
  type RecommendationSource,
} from '../../../core/evaluation.js';
import {
  allowedBaikOrBetter,
  determinePredikat,
  DISTRIBUTION_BOUNDS,
  distributionOutlook,
  isBaikOrBetter,
  PREDIKAT_LABELS,
  PREDIKAT_MATRIX,
  PREDIKATS,
  resolveBehaviourRating,
  resolveResultsRating,
  type OrganisationRating,
  type Predikat,
  type Rating,
} from '../../../core/predikat.js';
import type { CreatePeriodBody, PeerFeedbackBody, PlanItemsBody, RatingBody, RealisationBody, UpdatePeriodBody } from '../../../core/schemas/evaluation.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { employeeOfAccount, employeesByIds, findEmployee, listEmployees, relationOf, staffOfAccount, type EmployeePresented } from '../employees/employees.service.js';
import { getFile, type StoredFile } from '../files/files.service.js';
import { notify } from '../notifications/notifications.service.js';
import { isUniqueViolation, unitRefs } from '../organisation/organisation.service.js';
import { cancelEnrolment, enrolForDevelopment, enrolmentStatus } from '../training/enrolments.service.js';
import { developmentProgrammeFor } from '../training/training.service.js';
import { deskSummary, unitsWithFeedback } from './desk.service.js';
import { boundsOf, iso, personOf, presentIndicator, presentPeriod, presentPlanListItem, presentRating, type PeriodRow, type PlanRow } from './evaluation.presenters.js';
import {
  evaluationEvidence,
  evaluationIndicators,
  evaluationNotes,
  evaluationPeerFeedback,
  evaluationPeriods,
  evaluationPlanItems,
  evaluationPlans,
  evaluationRecommendations,
} from './evaluation.table.js';

// ---- periods --------------------------------------------------------------------------------------

export type PeriodRef = { agencyId: string; periodId: string };

export async function findPeriod(db: Db, ref: PeriodRef, lock = false): Promise<PeriodRow> {
  const query = db.select().from(evaluationPeriods).where(and(eq(evaluationPeriods.agencyId, ref.agencyId), eq(evaluationPeriods.id, ref.periodId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Periode penilaian');
  return row;
}

async function planCounts(db: Db, periodIds: string[]) {
  if (periodIds.length === 0) return new Map<string, { plans: number; rated: number }>();
  const rows = await db
    .select({ periodId: evaluationPlans.periodId, plans: count(), rated: sql<number>`count(${evaluationPlans.predikat})`.mapWith(Number) })
    .from(evaluationPlans)
    .where(inArray(evaluationPlans.periodId, periodIds))
    .groupBy(evaluationPlans.periodId);
  return new Map(rows.map((row) => [row.periodId, { plans: row.plans, rated: row.rated }]));
}

/** The agency's periods, the latest ending first. */
export async function listPeriods(db: Db, options: { agencyId: string }) {
  const rows = await db.select().from(evaluationPeriods).where(eq(evaluationPeriods.agencyId, options.agencyId)).orderBy(sql`${evaluationPeriods.endsOn} desc`, asc(evaluationPeriods.kind));
  const counts = await planCounts(db, rows.map((row) => row.id));
  return rows.map((row) => ({ ...presentPeriod(row), plans: counts.get(row.id)?.plans ?? 0, rated: counts.get(row.id)?.rated ?? 0 }));
}

export async function createPeriod(db: Db, options: { agencyId: string; actorId: string; data: CreatePeriodBody }) {
  const range = periodRange({ kind: options.data.kind, year: options.data.year, quarter: options.data.quarter ?? null });
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(evaluationPeriods)
      .values({
        agencyId: options.agencyId,
        kind: options.data.kind,
        year: options.data.year,
        quarter: options.data.kind === 'triwulan' ? (options.data.quarter ?? null) : null,
        name: range.name,
        startsOn: range.startsOn,
        endsOn: range.endsOn,
        bounds: { ...DISTRIBUTION_BOUNDS },
        publicThreshold: String(DEFAULT_PUBLIC_THRESHOLD),
        publicMinResponses: DEFAULT_PUBLIC_MIN_RESPONSES,
        createdBy: options.actorId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new AppError('CONFLICT', `Periode ${range.name} sudah ada.`, { year: 'Periode ini sudah ada' });
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'evaluation.period.create', targetType: 'evaluation_period', targetId: created.id, after: { name: created.name, startsOn: created.startsOn, endsOn: created.endsOn } });
    return created;
  });
  return presentPeriod(row);
}

const auditedPeriod = (row: PeriodRow) => ({ organisationRating: row.organisationRating, bounds: row.bounds, publicThreshold: row.publicThreshold, publicMinResponses: row.publicMinResponses, status: row.status });

export async function updatePeriod(db: Db, options: PeriodRef & { actorId: string; changes: UpdatePeriodBody }) {
  const row = await db.transaction(async (tx) => {
    const before = await findPeriod(tx, options, true);
    if (before.status === 'finalised') throw new AppError('INVALID_STATE', 'Periode penilaian sudah difinalisasi dan tidak dapat diubah.');
    const { organisationRating, bounds, publicThreshold, publicMinResponses } = options.changes;
    const mergedBounds = bounds ? { ...boundsOf(before), ...Object.fromEntries(Object.entries(bounds).map(([key, value]) => [key, { maxBaikOrBetterPercent: value }])) } : before.bounds;
    const [after] = await tx
      .update(evaluationPeriods)
      .set({
        organisationRating: organisationRating === undefined ? before.organisationRating : organisationRating,
        bounds: mergedBounds,
        publicThreshold: publicThreshold === undefined ? before.publicThreshold : String(publicThreshold),
        publicMinResponses: publicMinResponses ?? before.publicMinResponses,
        updatedAt: new Date(),
      })
      .where(eq(evaluationPeriods.id, before.id))
      .returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'evaluation.period.update', targetType: 'evaluation_period', targetId: before.id, before: auditedPeriod(before), after: auditedPeriod(after!) });
    return after!;
  });
  return presentPeriod(row);
}

type PlanPredikat = { planId: string; employeeId: string; predikat: Predikat | null };

async function periodPredikats(db: Db, periodId: string): Promise<PlanPredikat[]> {
  const rows = await db.select({ planId: evaluationPlans.id, employeeId: evaluationPlans.employeeId, predikat: evaluationPlans.predikat }).from(evaluationPlans).where(eq(evaluationPlans.periodId, periodId));
  return rows.map((row) => ({ ...row, predikat: row.predikat as Predikat | null }));
}

/** The period's predikat counts, its bound and what stands between it and finalisation. */
async function distributionOf(db: Db, period: PeriodRow) {
  const plans = await periodPredikats(db, period.id);
  const names = new Map((await employeesByIds(db, { agencyId: period.agencyId, ids: plans.map((p) => p.employeeId) })).map((e) => [e.id, e.name]));
  const counts = Object.fromEntries(PREDIKATS.map((p) => [p, 0])) as Record<Predikat, number>;
  for (const plan of plans) if (plan.predikat) counts[plan.predikat] += 1;
  const rated = plans.filter((plan) => plan.predikat !== null).length;
  const baikOrBetter = plans.filter((plan) => plan.predikat && isBaikOrBetter(plan.predikat)).length;
  const rating = period.organisationRating as OrganisationRating | null;
  const bounds = boundsOf(period);
  const allowed = rating ? allowedBaikOrBetter({ organisationRating: rating, bounds, total: plans.length }) : null;
  return {
    plans: plans.length,
    rated,
    counts,
    baikOrBetter,
    limitPercent: rating ? bounds[rating].maxBaikOrBetterPercent : null,
    allowedBaikOrBetter: allowed,
    withinBound: allowed === null ? null : baikOrBetter <= allowed,
    problems: finalisationProblems({ organisationRating: rating, bounds, plans: plans.map((plan) => ({ employeeName: names.get(plan.employeeId) ?? 'Pegawai', predikat: plan.predikat })) }),
  };
}

export async function getPeriodDetail(db: Db, ref: PeriodRef) {
  const period = await findPeriod(db, ref);
  return { period: presentPeriod(period), distribution: await distributionOf(db, period) };
}

export type ListPlansOptions = PeriodRef & { status?: PlanStatus | 'rated' | 'unrated' | undefined; predikat?: Predikat | undefined; q?: string | undefined; page: number; pageSize: number };

/** The period's plans with their employees, by unit and name (the administrator's view). */
export async function listPeriodPlans(db: Db, options: ListPlansOptions) {
  await findPeriod(db, options);
  const rows = await db
    .select({ plan: evaluationPlans, items: sql<number>`(select count(*) from ${evaluationPlanItems} where ${evaluationPlanItems.planId} = ${evaluationPlans.id})`.mapWith(Number) })
    .from(evaluationPlans)
    .where(
      and(
        eq(evaluationPlans.agencyId, options.agencyId),
        eq(evaluationPlans.periodId, options.periodId),
        options.status === 'rated' ? isNotNull(evaluationPlans.predikat) : options.status === 'unrated' ? sql`${evaluationPlans.predikat} is null` : options.status ? eq(evaluationPlans.status, options.status) : undefined,
        options.predikat ? eq(evaluationPlans.predikat, options.predikat) : undefined,
      ),
    );
  const staff = new Map((await employeesByIds(db, { agencyId: options.agencyId, ids: rows.map((r) => r.plan.employeeId) })).map((e) => [e.id, e]));
  const needle = options.q?.toLowerCase();
  const items = rows
    .map((row) => presentPlanListItem({ ...row.plan, items: row.items }, staff.get(row.plan.employeeId)))
    .filter((item) => !needle || item.employee.name.toLowerCase().includes(needle) || (item.employee.nip ?? '').includes(needle))
    .sort((a, b) => (a.employee.unitName ?? '').localeCompare(b.employee.unitName ?? '', 'id') || a.employee.name.localeCompare(b.employee.name, 'id'));
  return { items: items.slice((options.page - 1) * options.pageSize, options.page * options.pageSize), total: items.length };
}

/**
 * Finalises a period: refused, with every reason in one Indonesian sentence each, while the
 * organisation rating is missing, a plan is unrated or the share of Baik or better breaks the
 * bound. In the same transaction, staff of units whose public desk feedback fell under the
 * threshold get a development recommendation for public service.
 */
export async function finalisePeriod(db: Db, options: PeriodRef & { actorId: string; now?: Date }) {
  const now = options.now ?? new Date();
  await db.transaction(async (tx) => {
    const period = await findPeriod(tx, options, true);
    if (period.status === 'finalised') throw new AppError('INVALID_STATE', `Periode ${period.name} sudah difinalisasi.`);
    const distribution = await distributionOf(tx, period);
    if (distribution.problems.length > 0) {
      throw new AppError('INVALID_STATE', `Periode ${period.name} belum dapat difinalisasi. ${distribution.problems.join(' ')}`);
    }
    await tx.update(evaluationPeriods).set({ status: 'finalised', finalisedAt: now, finalisedBy: options.actorId, updatedAt: now }).where(eq(evaluationPeriods.id, period.id));
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'evaluation.period.finalise',
      targetType: 'evaluation_period',
      targetId: period.id,
      before: { status: 'open' },
      after: { status: 'finalised', organisationRating: period.organisationRating, counts: distribution.counts, baikOrBetter: distribution.baikOrBetter, plans: distribution.plans },
    });
    await recommendForPublicFeedback(tx, { period, actorId: options.actorId });
  });
  return getPeriodDetail(db, options);
}

/** Rule (issue 7, seed 004): a unit whose desk feedback is under the agency's threshold → public service training for its staff in the period. */
async function recommendForPublicFeedback(tx: Db, options: { period: PeriodRow; actorId: string }) {
  const { period } = options;
  const scope = { agencyId: period.agencyId, startsOn: period.startsOn, endsOn: period.endsOn, threshold: Number(period.publicThreshold), minResponses: period.publicMinResponses };
  const plans = await periodPredikats(tx, period.id);
  const staff = await employeesByIds(tx, { agencyId: period.agencyId, ids: plans.map((p) => p.employeeId) });
  for (const unitId of await unitsWithFeedback(tx, scope)) {
    const summary = await deskSummary(tx, { ...scope, unitId });
    if (!summary.belowThreshold) continue;
    for (const employee of staff.filter((e) => e.unitId === unitId && e.status !== 'ended')) {
      const reason = `Umpan balik publik unit ${employee.unitName ?? ''} pada ${period.name}: indeks ${summary.index?.toLocaleString('id-ID')} di bawah ambang ${Number(period.publicThreshold).toLocaleString('id-ID')} (${summary.responses} tanggapan).`;
      await propose(tx, { period, employee, source: 'public_feedback', competency: PUBLIC_SERVICE_COMPETENCY, reason, actorId: options.actorId });
    }
  }
}

// ---- helpers for other modules (dashboards, quality of hire) -------------------------------------

export type EmployeePredikat = { periodId: string; periodName: string; predikat: Predikat };

/** Each employee's predikat in the agency's finalised periods, ordered by the period's end. */
export async function predikatOfEmployees(db: Db, options: { agencyId: string; employeeIds: string[] }): Promise<Map<string, EmployeePredikat[]>> {
  const result = new Map<string, EmployeePredikat[]>();
  if (options.employeeIds.length === 0) return result;
  const rows = await db
    .select({ employeeId: evaluationPlans.employeeId, periodId: evaluationPeriods.id, periodName: evaluationPeriods.name, predikat: evaluationPlans.predikat })
    .from(evaluationPlans)
    .innerJoin(evaluationPeriods, eq(evaluationPeriods.id, evaluationPlans.periodId))
    .where(
      and(
        eq(evaluationPlans.agencyId, options.agencyId),
        eq(evaluationPeriods.agencyId, options.agencyId),
        eq(evaluationPeriods.status, 'finalised'),
        isNotNull(evaluationPlans.predikat),
        inArray(evaluationPlans.employeeId, [...new Set(options.employeeIds)]),
      ),
    )
    .orderBy(asc(evaluationPeriods.endsOn), asc(evaluationPeriods.kind), asc(evaluationPeriods.id));
  for (const row of rows) {
    const list = result.get(row.employeeId) ?? [];
    list.push({ periodId: row.periodId, periodName: row.periodName, predikat: row.predikat as Predikat });
    result.set(row.employeeId, list);
  }
  return result;
}

export type PredikatDistribution = {
  periodId: string;
  periodName: string;
  kind: 'triwulan' | 'tahunan';
  startsOn: string;
  endsOn: string;
  status: 'open' | 'finalised';
  /** Plans in the period, rated or not. */
  plans: number;
  rated: number;
  /** Rated plans per predikat (every predikat present, best first). */
  counts: Record<Predikat, number>;
  baikOrBetter: number;
  organisationRating: OrganisationRating | null;
  /** Most staff in percent that may be Baik or better under the organisation rating; null without one. */
  limitPercent: number | null;
};

/**
 * The predikat distribution of each of the agency's periods (one when periodId is given), ordered
 * by the period's end. Open periods are included with their status so a caller can leave them out.
 */
export async function predikatDistribution(db: Db, options: { agencyId: string; periodId?: string | undefined }): Promise<PredikatDistribution[]> {
  const periods = await db
    .select()
    .from(evaluationPeriods)
    .where(and(eq(evaluationPeriods.agencyId, options.agencyId), options.periodId ? eq(evaluationPeriods.id, options.periodId) : undefined))
    .orderBy(asc(evaluationPeriods.endsOn), asc(evaluationPeriods.kind), asc(evaluationPeriods.id));
  if (periods.length === 0) return [];
  const rows = await db
    .select({ periodId: evaluationPlans.periodId, predikat: evaluationPlans.predikat, n: count() })
    .from(evaluationPlans)
    .where(and(eq(evaluationPlans.agencyId, options.agencyId), inArray(evaluationPlans.periodId, periods.map((p) => p.id))))
    .groupBy(evaluationPlans.periodId, evaluationPlans.predikat);
  return periods.map((period) => {
    const counts = Object.fromEntries(PREDIKATS.map((p) => [p, 0])) as Record<Predikat, number>;
    let plans = 0;
    for (const row of rows.filter((r) => r.periodId === period.id)) {
      plans += row.n;
      if (row.predikat) counts[row.predikat as Predikat] += row.n;
    }
    const rating = period.organisationRating as OrganisationRating | null;
    return {
      periodId: period.id,
      periodName: period.name,
      kind: period.kind as 'triwulan' | 'tahunan',
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      status: period.status as 'open' | 'finalised',
      plans,
      rated: PREDIKATS.reduce((sum, p) => sum + counts[p], 0),
      counts,
      baikOrBetter: counts.sangat_baik + counts.baik,
      organisationRating: rating,
      limitPercent: rating ? boundsOf(period)[rating].maxBaikOrBetterPercent : null,
    };
  });
}

// ---- plans ----------------------------------------------------------------------------------------

export type PlanRef = { agencyId: string; planId: string };

export async function findPlan(db: Db, ref: PlanRef, lock = false): Promise<PlanRow> {
  const query = db.select().from(evaluationPlans).where(and(eq(evaluationPlans.agencyId, ref.agencyId), eq(evaluationPlans.id, ref.planId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Rencana hasil kerja');
  return row;
}

/** The viewer's relation to a plan's employee: themselves, or their direct supervisor. */
export async function planRelation(db: Db, options: PlanRef & { accountId: string }) {
  const plan = await findPlan(db, options).catch(() => null);
  if (!plan) return { self: false, supervisor: false };
  return relationOf(db, { agencyId: options.agencyId, employeeId: plan.employeeId, accountId: options.accountId });
}

function refuse(action: PlanAction, planStatus: string, periodStatus: string) {
  const problem = planActionProblem({ action, planStatus: planStatus as PlanStatus, periodStatus: periodStatus as 'open' | 'finalised' });
  if (problem) throw new AppError('INVALID_STATE', problem);
}

/** Locks the plan's period (ratings and finalisation queue on it), then the plan. */
async function lockPlan(tx: Db, ref: PlanRef) {
  const preview = await findPlan(tx, ref);
  const period = await findPeriod(tx, { agencyId: ref.agencyId, periodId: preview.periodId }, true);
  const plan = await findPlan(tx, ref, true);
  return { period, plan };
}

/** The employee starts their plan for an open period (a draft). */
export async function startPlan(db: Db, options: PeriodRef & { accountId: string }) {
  const employee = await employeeOfAccount(db, { agencyId: options.agencyId, accountId: options.accountId });
  if (!employee) throw new AppError('FORBIDDEN', 'Akun Anda belum terhubung dengan data pegawai instansi ini.');
  if (employee.status === 'ended') throw new AppError('FORBIDDEN', 'Data kepegawaian Anda sudah berakhir.');
  try {
    return await db.transaction(async (tx) => {
      const period = await findPeriod(tx, options, true);
      if (period.status !== 'open') throw new AppError('INVALID_STATE', `Periode ${period.name} sudah difinalisasi.`);
      const [row] = await tx.insert(evaluationPlans).values({ agencyId: options.agencyId, periodId: period.id, employeeId: employee.id }).onConflictDoNothing().returning();
      if (!row) throw new AppError('CONFLICT', `Anda sudah memiliki rencana hasil kerja untuk ${period.name}.`);
      await recordAudit(tx, { agencyId: options.agencyId, actorId: options.accountId, action: 'evaluation.plan.create', targetType: 'evaluation_plan', targetId: row.id, after: { periodId: period.id, employeeId: employee.id } });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Anda sudah memiliki rencana hasil kerja untuk periode ini.');
    throw error;
  }
}

async function itemsOf(db: Db, planId: string) {
  const [items, indicators] = await Promise.all([
    db.select().from(evaluationPlanItems).where(eq(evaluationPlanItems.planId, planId)).orderBy(asc(evaluationPlanItems.position)),
    db.select().from(evaluationIndicators).where(eq(evaluationIndicators.planId, planId)).orderBy(asc(evaluationIndicators.position)),
  ]);
  return { items, indicators };
}

const auditedItems = (items: PlanItemsBody['items']) => items.map((item) => ({ title: item.title, indicators: item.indicators.map((i) => `${i.name}: ${i.target} ${i.unit}`) }));

/** The employee writes (or rewrites) the plan's results with their indicators and targets, while it is a draft or returned. */
export async function savePlanItems(db: Db, options: PlanRef & { accountId: string; body: PlanItemsBody }) {
  await db.transaction(async (tx) => {
    const { period, plan } = await lockPlan(tx, options);
    refuse('edit', plan.status, period.status);
    const before = await itemsOf(tx, plan.id);
    await tx.delete(evaluationPlanItems).where(eq(evaluationPlanItems.planId, plan.id));
    for (const [position, item] of options.body.items.entries()) {
      const [row] = await tx.insert(evaluationPlanItems).values({ agencyId: plan.agencyId, planId: plan.id, position, title: item.title }).returning();
      await tx.insert(evaluationIndicators).values(
        item.indicators.map((indicator, i) => ({ agencyId: plan.agencyId, planId: plan.id, itemId: row!.id, position: i, name: indicator.name, target: String(indicator.target), unit: indicator.unit })),
      );
    }
    await tx.update(evaluationPlans).set({ updatedAt: new Date() }).where(eq(evaluationPlans.id, plan.id));
    await recordAudit(tx, {
      agencyId: plan.agencyId,
      actorId: options.accountId,
      action: 'evaluation.plan.items',
      targetType: 'evaluation_plan',
      targetId: plan.id,
      before: before.items.map((item) => ({ title: item.title, indicators: before.indicators.filter((i) => i.itemId === item.id).map((i) => `${i.name}: ${Number(i.target)} ${i.unit}`) })),
      after: auditedItems(options.body.items),
    });
  });
}

async function supervisorAccountOf(db: Db, employee: EmployeePresented): Promise<string | null> {
  if (!employee.supervisor) return null;
  const supervisor = await findEmployee(db, { agencyId: employee.agencyId, employeeId: employee.supervisor.id }).catch(() => null);
  return supervisor && supervisor.status !== 'ended' ? supervisor.accountId : null;
}

type Transition = { action: 'submit' | 'agree' | 'return'; actorId: string; note?: string };

/** submit (employee) → agree or return (supervisor). */
export async function movePlan(db: Db, options: PlanRef & Transition) {
  await db.transaction(async (tx) => {
    const { period, plan } = await lockPlan(tx, options);
    refuse(options.action, plan.status, period.status);
    const employee = await findEmployee(tx, { agencyId: plan.agencyId, employeeId: plan.employeeId });
    const now = new Date();
    let status: PlanStatus;
    if (options.action === 'submit') {
      const [items] = await tx.select({ n: count() }).from(evaluationPlanItems).where(eq(evaluationPlanItems.planId, plan.id));
      if (!items?.n) throw new AppError('VALIDATION_FAILED', 'Isi minimal satu rencana hasil kerja sebelum mengajukan.', { items: 'Belum ada rencana hasil kerja' });
      if (!employee.supervisor) throw new AppError('INVALID_STATE', 'Anda belum memiliki atasan langsung di data kepegawaian; hubungi admin instansi.');
      status = 'submitted';
      await tx.update(evaluationPlans).set({ status, submittedAt: now, returnNote: null, updatedAt: now }).where(eq(evaluationPlans.id, plan.id));
      const supervisorAccount = await supervisorAccountOf(tx, employee);
      if (supervisorAccount) await notify(tx, { accountId: supervisorAccount, title: 'Rencana hasil kerja diajukan', body: `${employee.name} mengajukan rencana hasil kerja ${period.name}.`, link: `/penilaian-kinerja/rencana/${plan.agencyId}/${plan.id}` });
    } else {
      status = options.action === 'agree' ? 'agreed' : 'returned';
      await tx
        .update(evaluationPlans)
        .set(options.action === 'agree' ? { status, agreedAt: now, agreedBy: options.actorId, updatedAt: now } : { status, returnNote: options.note ?? '', updatedAt: now })
        .where(eq(evaluationPlans.id, plan.id));
      if (employee.accountId) {
        await notify(tx, {
          accountId: employee.accountId,
          title: options.action === 'agree' ? 'Rencana hasil kerja disepakati' : 'Rencana hasil kerja dikembalikan',
          body: options.action === 'agree' ? `Atasan menyepakati rencana hasil kerja ${period.name}.` : `Atasan mengembalikan rencana ${period.name}: ${options.note ?? ''}`,
          link: `/penilaian-kinerja/rencana/${plan.agencyId}/${plan.id}`,
        });
      }
    }
    await recordAudit(tx, {
      agencyId: plan.agencyId,
      actorId: options.actorId,
      action: `evaluation.plan.${options.action}`,
      targetType: 'evaluation_plan',
      targetId: plan.id,
      before: { status: plan.status },
      after: { status, ...(options.note ? { note: options.note } : {}) },
    });
  });
}

/** The employee records what was achieved against each indicator of the agreed plan. */
export async function saveRealisation(db: Db, options: PlanRef & { accountId: string; body: RealisationBody }) {
  await db.transaction(async (tx) => {
    const { period, plan } = await lockPlan(tx, options);
    refuse('realise', plan.status, period.status);
    const ids = options.body.indicators.map((i) => i.indicatorId);
    if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', 'Satu indikator disebut lebih dari sekali.', { indicators: 'Indikator berulang' });
    const rows = await tx.select().from(evaluationIndicators).where(and(eq(evaluationIndicators.planId, plan.id), inArray(evaluationIndicators.id, ids)));
    if (rows.length !== ids.length) {
      const known = new Set(rows.map((r) => r.id));
      const index = ids.findIndex((id) => !known.has(id));
      throw new AppError('VALIDATION_FAILED', 'Ada indikator yang bukan bagian dari rencana ini.', { [`indicators.${index}.indicatorId`]: 'Bukan indikator rencana ini' });
    }
    const changes = [];
    for (const entry of options.body.indicators) {
      const row = rows.find((r) => r.id === entry.indicatorId)!;
      await tx.update(evaluationIndicators).set({ realised: entry.realised === null ? null : String(entry.realised), realisationNote: entry.note }).where(eq(evaluationIndicators.id, row.id));
      changes.push({ indicatorId: row.id, before: row.realised === null ? null : Number(row.realised), after: entry.realised });
    }
    await tx.update(evaluationPlans).set({ updatedAt: new Date() }).where(eq(evaluationPlans.id, plan.id));
    await recordAudit(tx, { agencyId: plan.agencyId, actorId: options.accountId, action: 'evaluation.plan.realise', targetType: 'evaluation_plan', targetId: plan.id, after: { changes } });
  });
}

/** Attaches an evidence file (already stored by the files module in this transaction) to a result of the agreed plan. */
export async function attachEvidence(tx: Db, options: PlanRef & { itemId: string; accountId: string; file: StoredFile; title: string | undefined }) {
  const { period, plan } = await lockPlan(tx, options);
  refuse('realise', plan.status, period.status);
  const [item] = await tx.select().from(evaluationPlanItems).where(and(eq(evaluationPlanItems.planId, plan.id), eq(evaluationPlanItems.id, options.itemId)));
  if (!item) throw notFound('Rencana hasil kerja');
  const [existing] = await tx.select({ n: count() }).from(evaluationEvidence).where(eq(evaluationEvidence.itemId, item.id));
  if ((existing?.n ?? 0) >= 10) throw new AppError('CONFLICT', 'Satu rencana hasil kerja memuat paling banyak 10 bukti.');
  const title = options.title || options.file.originalName.replace(/\.(pdf|jpe?g|png)$/i, '');
  const [row] = await tx.insert(evaluationEvidence).values({ agencyId: plan.agencyId, planId: plan.id, itemId: item.id, fileId: options.file.id, title, createdBy: options.accountId }).returning();
  await recordAudit(tx, { agencyId: plan.agencyId, actorId: options.accountId, action: 'evaluation.evidence.add', targetType: 'evaluation_plan', targetId: plan.id, after: { evidenceId: row!.id, itemId: item.id, title, sha256: options.file.sha256 } });
}

export async function evidenceFile(db: Db, options: PlanRef & { evidenceId: string }): Promise<StoredFile> {
  const [row] = await db
    .select({ fileId: evaluationEvidence.fileId })
    .from(evaluationEvidence)
    .where(and(eq(evaluationEvidence.agencyId, options.agencyId), eq(evaluationEvidence.planId, options.planId), eq(evaluationEvidence.id, options.evidenceId)));
  if (!row) throw notFound('Bukti');
  return getFile(db, row.fileId);
}

/** A note between the employee and the supervisor during the period. */
export async function addNote(db: Db, options: PlanRef & { accountId: string; authorName: string; authorRole: 'pegawai' | 'atasan'; body: string }) {
  await db.transaction(async (tx) => {
    const { period, plan } = await lockPlan(tx, options);
    refuse('note', plan.status, period.status);
    const [row] = await tx.insert(evaluationNotes).values({ agencyId: plan.agencyId, planId: plan.id, authorAccountId: options.accountId, authorName: options.authorName, authorRole: options.authorRole, body: options.body }).returning();
    await recordAudit(tx, { agencyId: plan.agencyId, actorId: options.accountId, action: 'evaluation.note.add', targetType: 'evaluation_plan', targetId: plan.id, after: { noteId: row!.id, authorRole: options.authorRole } });
    const employee = await findEmployee(tx, { agencyId: plan.agencyId, employeeId: plan.employeeId });
    const other = options.authorRole === 'atasan' ? employee.accountId : await supervisorAccountOf(tx, employee);
    if (other) await notify(tx, { accountId: other, title: 'Catatan kinerja baru', body: `${options.authorName}: ${options.body.slice(0, 140)}`, link: `/penilaian-kinerja/rencana/${plan.agencyId}/${plan.id}` });
  });
}

/** A colleague of the same unit gives input on the core values (one per colleague, replaceable while the period is open). */
export async function givePeerFeedback(db: Db, options: PlanRef & { accountId: string; body: PeerFeedbackBody }) {
  const author = await employeeOfAccount(db, { agencyId: options.agencyId, accountId: options.accountId });
  const plan = await findPlan(db, options);
  const employee = await findEmployee(db, { agencyId: options.agencyId, employeeId: plan.employeeId });
  if (!author || author.status === 'ended' || author.id === employee.id || !author.unitId || author.unitId !== employee.unitId) {
    throw new AppError('FORBIDDEN', 'Masukan rekan kerja hanya dapat diberikan oleh pegawai lain di unit kerja yang sama.');
  }
  await db.transaction(async (tx) => {
    const { period } = await lockPlan(tx, options);
    if (period.status !== 'open') throw new AppError('INVALID_STATE', `Periode ${period.name} sudah difinalisasi.`);
    const values = { agencyId: plan.agencyId, planId: plan.id, authorEmployeeId: author.id, authorName: author.name, behaviours: options.body.behaviours as Record<string, string>, body: options.body.body };
    const [row] = await tx
      .insert(evaluationPeerFeedback)
      .values(values)
      .onConflictDoUpdate({ target: [evaluationPeerFeedback.planId, evaluationPeerFeedback.authorEmployeeId], set: { behaviours: values.behaviours, body: values.body, updatedAt: new Date() } })
      .returning();
    await recordAudit(tx, { agencyId: plan.agencyId, actorId: options.accountId, action: 'evaluation.peer_feedback', targetType: 'evaluation_plan', targetId: plan.id, after: { feedbackId: row!.id, behaviours: values.behaviours } });
  });
}

// ---- the rating -----------------------------------------------------------------------------------

/**
 * The supervisor rates the agreed plan: each result, the results overall and the seven core values
 * and behaviour overall (a departure from the suggested median needs a note); the predikat comes
 * from the matrix. A predikat below Baik proposes a training for the competency concerned; a later
 * rating of Baik or better withdraws that proposal. Returns the warning when the rating takes the
 * last place for Baik or better or goes beyond the bound (finalisation will then be refused).
 */
export async function ratePlan(db: Db, options: PlanRef & { accountId: string; raterName: string; body: RatingBody }) {
  const { body } = options;
  return db.transaction(async (tx) => {
    const { period, plan } = await lockPlan(tx, options);
    refuse('rate', plan.status, period.status);
    const items = await tx.select().from(evaluationPlanItems).where(eq(evaluationPlanItems.planId, plan.id)).orderBy(asc(evaluationPlanItems.position));
    const given = new Map(body.items.map((entry) => [entry.itemId, entry.rating]));
    const missing = items.findIndex((item) => !given.has(item.id));
    if (missing >= 0 || given.size !== items.length || body.items.length !== items.length) {
      throw new AppError('VALIDATION_FAILED', 'Nilai setiap rencana hasil kerja pada rencana ini tepat satu kali.', { items: missing >= 0 ? `Rencana "${items[missing]!.title}" belum dinilai` : 'Ada rencana yang bukan bagian dari rencana ini atau disebut berulang' });
    }
    const results = resolveResultsRating({ itemRatings: items.map((item) => given.get(item.id)!), supervisorRating: body.resultsRating });
    const behaviour = resolveBehaviourRating({ ratings: body.behaviours, supervisorRating: body.behaviourRating });
    if ((results.needsNote || behaviour.needsNote) && body.note.trim() === '') {
      throw new AppError('VALIDATION_FAILED', 'Penilaian berbeda dari saran sistem; tuliskan alasannya pada catatan.', { note: 'Tuliskan alasan penilaian yang berbeda dari saran' });
    }
    const predikat = determinePredikat({ results: results.rating, behaviour: behaviour.rating, matrix: PREDIKAT_MATRIX });
    const now = new Date();
    for (const item of items) await tx.update(evaluationPlanItems).set({ rating: given.get(item.id)! }).where(eq(evaluationPlanItems.id, item.id));
    await tx
      .update(evaluationPlans)
      .set({
        resultsRating: results.rating,
        resultsSuggested: results.suggested,
        behaviours: { ...body.behaviours },
        behaviourRating: behaviour.rating,
        behaviourSuggested: behaviour.suggested,
        predikat,
        ratingNote: body.note,
        ratedBy: options.accountId,
        raterName: options.raterName,
        ratedAt: plan.ratedAt ?? now,
        ratingUpdatedAt: now,
        updatedAt: now,
      })
      .where(eq(evaluationPlans.id, plan.id));
    await recordAudit(tx, {
      agencyId: plan.agencyId,
      actorId: options.accountId,
      action: 'evaluation.plan.rate',
      targetType: 'evaluation_plan',
      targetId: plan.id,
      before: plan.predikat ? { resultsRating: plan.resultsRating, behaviourRating: plan.behaviourRating, behaviours: plan.behaviours, predikat: plan.predikat } : null,
      after: { items: body.items, resultsRating: results.rating, behaviourRating: behaviour.rating, behaviours: body.behaviours, predikat, note: body.note },
    });

    const employee = await findEmployee(tx, { agencyId: plan.agencyId, employeeId: plan.employeeId });
    const focus = developmentFocus({ predikat, results: results.rating, behaviours: body.behaviours });
    if (focus.needed) {
      const competency = body.competency ?? suggestCompetency(focus)!;
      await propose(tx, { period, employee, source: 'predikat', competency, reason: focus.reason, actorId: options.accountId });
    } else {
      await withdraw(tx, { period, employeeId: employee.id, source: 'predikat', actorId: options.accountId });
    }
    if (employee.accountId) {
      await notify(tx, { accountId: employee.accountId, title: 'Penilaian kinerja', body: `Atasan Anda memberikan penilaian ${period.name}: predikat ${PREDIKAT_LABELS[predikat]}.`, link: `/penilaian-kinerja/rencana/${plan.agencyId}/${plan.id}` });
    }

    const rating = period.organisationRating as OrganisationRating | null;
    if (!rating) return { warning: null };
    const plans = await periodPredikats(tx, period.id);
    const others = plans.filter((p) => p.planId !== plan.id && p.predikat).map((p) => p.predikat!);
    const outlook = distributionOutlook({ organisationRating: rating, bounds: boundsOf(period), others, expectedTotal: plans.length, next: predikat });
    return { warning: outlookMessage(outlook, rating) };
  });
}

// ---- development recommendations ----------------------------------------------------------------

type ProposeOptions = { period: PeriodRow; employee: EmployeePresented; source: RecommendationSource; competency: string; reason: string; actorId: string };

/**
 * Records (or renews) the recommendation and, when an active programme of the agency builds the
 * competency, proposes the employee for it through the training module (a waiting enrolment).
 */
async function propose(tx: Db, options: ProposeOptions) {
  const { period, employee } = options;
  const [existing] = await tx
    .select()
    .from(evaluationRecommendations)
    .where(and(eq(evaluationRecommendations.periodId, period.id), eq(evaluationRecommendations.employeeId, employee.id), eq(evaluationRecommendations.source, options.source)))
    .for('update');
  if (existing && existing.state === 'active' && existing.competency.toLowerCase() === options.competency.toLowerCase() && existing.enrolmentId) {
    if (existing.reason !== options.reason) await tx.update(evaluationRecommendations).set({ reason: options.reason, updatedAt: new Date() }).where(eq(evaluationRecommendations.id, existing.id));
    return;
  }
  const programme = await developmentProgrammeFor(tx, { agencyId: period.agencyId, competency: options.competency });
  const enrolment = programme ? await enrolForDevelopment(tx, { agencyId: period.agencyId, employeeId: employee.id, programmeId: programme.id, reason: options.reason, actorId: options.actorId }) : null;
  const values = { competency: options.competency, reason: options.reason, programmeId: programme?.id ?? null, enrolmentId: enrolment?.enrolmentId ?? null, state: 'active', updatedAt: new Date() };
  const [row] = existing
    ? await tx.update(evaluationRecommendations).set(values).where(eq(evaluationRecommendations.id, existing.id)).returning()
    : await tx.insert(evaluationRecommendations).values({ agencyId: period.agencyId, periodId: period.id, employeeId: employee.id, source: options.source, createdBy: options.actorId, ...values }).returning();
  await recordAudit(tx, {
    agencyId: period.agencyId,
    actorId: options.actorId,
    action: 'evaluation.recommendation.propose',
    targetType: 'evaluation_recommendation',
    targetId: row!.id,
    before: existing ? { competency: existing.competency, programmeId: existing.programmeId, enrolmentId: existing.enrolmentId, state: existing.state } : null,
    after: { employeeId: employee.id, source: options.source, competency: options.competency, programmeId: values.programmeId, enrolmentId: values.enrolmentId, reason: options.reason },
  });
}

/** A rating raised to Baik or better withdraws the proposal; a training not yet started is cancelled with it. */
async function withdraw(tx: Db, options: { period: PeriodRow; employeeId: string; source: RecommendationSource; actorId: string }) {
  const [existing] = await tx
    .select()
    .from(evaluationRecommendations)
    .where(and(eq(evaluationRecommendations.periodId, options.period.id), eq(evaluationRecommendations.employeeId, options.employeeId), eq(evaluationRecommendations.source, options.source), eq(evaluationRecommendations.state, 'active')))
    .for('update');
  if (!existing) return;
  await tx.update(evaluationRecommendations).set({ state: 'withdrawn', updatedAt: new Date() }).where(eq(evaluationRecommendations.id, existing.id));
  if (existing.enrolmentId) {
    const status = await enrolmentStatus(tx, { agencyId: options.period.agencyId, enrolmentId: existing.enrolmentId }).catch(() => null);
    if (status && (status.status === 'waiting' || status.status === 'requested')) {
      await cancelEnrolment(tx, { agencyId: options.period.agencyId, enrolmentId: existing.enrolmentId, actorId: options.actorId, note: 'Rekomendasi pengembangan ditarik: penilaian diubah menjadi Baik atau lebih.', byParticipant: false });
    }
  }
  await recordAudit(tx, { agencyId: options.period.agencyId, actorId: options.actorId, action: 'evaluation.recommendation.withdraw', targetType: 'evaluation_recommendation', targetId: existing.id, before: { state: 'active' }, after: { state: 'withdrawn' } });
}

type RecommendationFilter = { agencyId: string; employeeIds?: string[]; periodId?: string | undefined; source?: RecommendationSource | undefined };

/** Recommendations with their status taken from the training enrolment (proposed, enrolled, completed, withdrawn). */
export async function recommendations(db: Db, filter: RecommendationFilter) {
  if (filter.employeeIds && filter.employeeIds.length === 0) return [];
  const rows = await db
    .select({ rec: evaluationRecommendations, periodName: evaluationPeriods.name })
    .from(evaluationRecommendations)
    .innerJoin(evaluationPeriods, eq(evaluationPeriods.id, evaluationRecommendations.periodId))
    .where(
      and(
        eq(evaluationRecommendations.agencyId, filter.agencyId),
        filter.employeeIds ? inArray(evaluationRecommendations.employeeId, filter.employeeIds) : undefined,
        filter.periodId ? eq(evaluationRecommendations.periodId, filter.periodId) : undefined,
        filter.source ? eq(evaluationRecommendations.source, filter.source) : undefined,
      ),
    )
    .orderBy(sql`${evaluationRecommendations.createdAt} desc`, asc(evaluationRecommendations.id));
  const staff = new Map((await employeesByIds(db, { agencyId: filter.agencyId, ids: [...new Set(rows.map((r) => r.rec.employeeId))] })).map((e) => [e.id, e]));
  const out = [];
  for (const { rec, periodName } of rows) {
    const employee = staff.get(rec.employeeId);
    const training = rec.enrolmentId ? await enrolmentStatus(db, { agencyId: rec.agencyId, enrolmentId: rec.enrolmentId }).catch(() => null) : null;
    const status =
      rec.state === 'withdrawn' || training?.status === 'cancelled' || training?.status === 'rejected'
        ? ('withdrawn' as const)
        : !training
          ? ('proposed' as const)
          : training.status === 'completed'
            ? ('completed' as const)
            : ('enrolled' as const);
    out.push({
      id: rec.id,
      periodId: rec.periodId,
      periodName,
      employee: employee ? { ...personOf(employee), unitName: employee.unitName } : { id: rec.employeeId, name: '(pegawai tidak ditemukan)', nip: null, unitName: null },
      source: rec.source as RecommendationSource,
      competency: rec.competency,
      reason: rec.reason,
      programme: training ? training.programme : null,
      status,
      progress: training ? training.progress : rec.state === 'withdrawn' ? 'Ditarik' : `Belum ada program aktif untuk kompetensi ${rec.competency}; tambahkan di katalog pelatihan.`,
      completedAt: training?.completedAt ?? null,
      certificateUrl: training?.certificateUrl ?? null,
      createdAt: rec.createdAt.toISOString(),
    });
  }
  return out;
}
export type RecommendationView = Awaited<ReturnType<typeof recommendations>>[number];

export async function listRecommendations(db: Db, options: RecommendationFilter & { status?: RecommendationView['status'] | undefined; q?: string | undefined; page: number; pageSize: number }) {
  const needle = options.q?.toLowerCase();
  const all = (await recommendations(db, options)).filter((r) => (!options.status || r.status === options.status) && (!needle || r.employee.name.toLowerCase().includes(needle) || r.competency.toLowerCase().includes(needle)));
  return { items: all.slice((options.page - 1) * options.pageSize, options.page * options.pageSize), total: all.length };
}

/** Ties the recommendation to a programme added to the catalogue after it was made (administrators). */
export async function retryRecommendation(db: Db, options: { agencyId: string; recommendationId: string; actorId: string }) {
  await db.transaction(async (tx) => {
    const [rec] = await tx.select().from(evaluationRecommendations).where(and(eq(evaluationRecommendations.agencyId, options.agencyId), eq(evaluationRecommendations.id, options.recommendationId))).for('update');
    if (!rec) throw notFound('Rekomendasi pengembangan');
    if (rec.state !== 'active') throw new AppError('INVALID_STATE', 'Rekomendasi ini sudah ditarik.');
    const period = await findPeriod(tx, { agencyId: options.agencyId, periodId: rec.periodId });
    const employee = await findEmployee(tx, { agencyId: options.agencyId, employeeId: rec.employeeId });
    await tx.update(evaluationRecommendations).set({ enrolmentId: null }).where(eq(evaluationRecommendations.id, rec.id));
    await propose(tx, { period, employee, source: rec.source as RecommendationSource, competency: rec.competency, reason: rec.reason, actorId: options.actorId });
  });
}

// ---- views ----------------------------------------------------------------------------------------

export type Viewer = { accountId: string; role: 'pegawai' | 'atasan' | 'admin' };

/** The plan page: results with indicators and evidence, rating, notes, recommendations; for the supervisor also the peer and public input and the distribution. */
export async function planDetail(db: Db, options: PlanRef & { viewer: Viewer }) {
  const plan = await findPlan(db, options);
  const period = await findPeriod(db, { agencyId: plan.agencyId, periodId: plan.periodId });
  const employee = await findEmployee(db, { agencyId: plan.agencyId, employeeId: plan.employeeId });
  const [{ items, indicators }, evidence, notes] = await Promise.all([
    itemsOf(db, plan.id),
    db.select().from(evaluationEvidence).where(eq(evaluationEvidence.planId, plan.id)).orderBy(asc(evaluationEvidence.createdAt)),
    db.select().from(evaluationNotes).where(eq(evaluationNotes.planId, plan.id)).orderBy(asc(evaluationNotes.createdAt), asc(evaluationNotes.id)),
  ]);
  const files = new Map<string, StoredFile>();
  for (const e of evidence) files.set(e.fileId, await getFile(db, e.fileId));
  const role = options.viewer.role;
  const can = (action: PlanAction) => planActionProblem({ action, planStatus: plan.status as PlanStatus, periodStatus: period.status as 'open' | 'finalised' }) === null;
  const supervising = role === 'atasan';
  const scope = { agencyId: plan.agencyId, startsOn: period.startsOn, endsOn: period.endsOn, threshold: Number(period.publicThreshold), minResponses: period.publicMinResponses };
  const input =
    role === 'pegawai'
      ? null
      : {
          peers: (await db.select().from(evaluationPeerFeedback).where(eq(evaluationPeerFeedback.planId, plan.id)).orderBy(asc(evaluationPeerFeedback.createdAt))).map((p) => ({
            id: p.id,
            authorName: p.authorName,
            behaviours: p.behaviours as Record<string, Rating>,
            body: p.body,
            updatedAt: p.updatedAt.toISOString(),
          })),
          publicEmployee: await deskSummary(db, { ...scope, employeeId: employee.id }),
          publicUnit: employee.unitId ? await deskSummary(db, { ...scope, unitId: employee.unitId }) : null,
        };
  let distribution = null;
  if (supervising || role === 'admin') {
    const plans = await periodPredikats(db, period.id);
    const others = Object.fromEntries(PREDIKATS.map((p) => [p, 0])) as Record<string, number>;
    for (const p of plans) if (p.planId !== plan.id && p.predikat) others[p.predikat] = (others[p.predikat] ?? 0) + 1;
    distribution = { organisationRating: period.organisationRating as OrganisationRating | null, bounds: boundsOf(period) as Record<string, { maxBaikOrBetterPercent: number }>, expectedTotal: plans.length, others };
  }
  return {
    plan: { id: plan.id, agencyId: plan.agencyId, status: plan.status as PlanStatus, returnNote: plan.returnNote, submittedAt: iso(plan.submittedAt), agreedAt: iso(plan.agreedAt), updatedAt: plan.updatedAt.toISOString() },
    period: presentPeriod(period),
    employee: { ...personOf(employee), unitId: employee.unitId, unitName: employee.unitName, positionName: employee.positionName },
    supervisor: employee.supervisor ? { id: employee.supervisor.id, name: employee.supervisor.name, nip: employee.supervisor.nip } : null,
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      rating: item.rating as Rating | null,
      indicators: indicators.filter((i) => i.itemId === item.id).map(presentIndicator),
      evidence: evidence
        .filter((e) => e.itemId === item.id)
        .map((e) => {
          const file = files.get(e.fileId)!;
          return { id: e.id, title: e.title, fileName: file.originalName, sizeBytes: file.sizeBytes, mime: file.mime, downloadUrl: `/api/agencies/${plan.agencyId}/evaluation/plans/${plan.id}/evidence/${e.id}`, createdAt: e.createdAt.toISOString() };
        }),
    })),
    rating: presentRating(plan, period.status as 'open' | 'finalised'),
    notes: notes.map((n) => ({ id: n.id, authorName: n.authorName, authorRole: n.authorRole as 'pegawai' | 'atasan', body: n.body, createdAt: n.createdAt.toISOString(), mine: n.authorAccountId === options.viewer.accountId })),
    recommendations: await recommendations(db, { agencyId: plan.agencyId, employeeIds: [employee.id], periodId: period.id }),
    viewer: {
      role,
      canEdit: role === 'pegawai' && can('edit'),
      canSubmit: role === 'pegawai' && can('submit'),
      canAgree: supervising && can('agree'),
      canRealise: role === 'pegawai' && can('realise'),
      canRate: supervising && can('rate'),
      canNote: (role === 'pegawai' || supervising) && can('note'),
    },
    input,
    distribution,
  };
}
export type PlanDetailView = Awaited<ReturnType<typeof planDetail>>;

/** The employee's own page: periods with their plan, recommendations, colleagues to give peer input. */
export async function myEvaluation(db: Db, options: { agencyId: string; accountId: string; isSupervisor: boolean }) {
  const employee = await employeeOfAccount(db, options);
  if (!employee) throw new AppError('FORBIDDEN', 'Akun Anda belum terhubung dengan data pegawai instansi ini.');
  const periods = await db.select().from(evaluationPeriods).where(eq(evaluationPeriods.agencyId, options.agencyId)).orderBy(sql`${evaluationPeriods.endsOn} desc`, asc(evaluationPeriods.kind));
  const plans = await db.select().from(evaluationPlans).where(and(eq(evaluationPlans.agencyId, options.agencyId), eq(evaluationPlans.employeeId, employee.id)));
  const byPeriod = new Map(plans.map((p) => [p.periodId, p]));
  const openPeriods = periods.filter((p) => p.status === 'open');
  let colleagues: Array<{ planId: string; periodName: string; name: string; given: boolean }> = [];
  if (employee.unitId && openPeriods.length) {
    const unitStaff = (await listEmployees(db, { agencyId: options.agencyId, unitId: employee.unitId, page: 1, pageSize: 100 })).items.filter((e) => e.id !== employee.id && e.status !== 'ended');
    const theirPlans = unitStaff.length
      ? await db
          .select()
          .from(evaluationPlans)
          .where(and(eq(evaluationPlans.agencyId, options.agencyId), inArray(evaluationPlans.periodId, openPeriods.map((p) => p.id)), inArray(evaluationPlans.employeeId, unitStaff.map((e) => e.id))))
      : [];
    const given = theirPlans.length
      ? new Set((await db.select({ planId: evaluationPeerFeedback.planId }).from(evaluationPeerFeedback).where(and(eq(evaluationPeerFeedback.authorEmployeeId, employee.id), inArray(evaluationPeerFeedback.planId, theirPlans.map((p) => p.id))))).map((r) => r.planId))
      : new Set<string>();
    const names = new Map(unitStaff.map((e) => [e.id, e.name]));
    const periodNames = new Map(openPeriods.map((p) => [p.id, p.name]));
    colleagues = theirPlans.map((p) => ({ planId: p.id, periodName: periodNames.get(p.periodId) ?? '', name: names.get(p.employeeId) ?? '', given: given.has(p.id) })).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }
  return {
    employee: { ...personOf(employee), unitName: employee.unitName, positionName: employee.positionName, supervisorName: employee.supervisor?.name ?? null },
    periods: periods
      .filter((p) => p.status === 'open' || byPeriod.has(p.id))
      .map((p) => {
        const plan = byPeriod.get(p.id);
        return { period: presentPeriod(p), plan: plan ? { id: plan.id, status: plan.status as PlanStatus, predikat: p.status === 'finalised' || plan.predikat ? (plan.predikat as Predikat | null) : null } : null };
      }),
    recommendations: await recommendations(db, { agencyId: options.agencyId, employeeIds: [employee.id] }),
    colleagues,
    isSupervisor: options.isSupervisor,
  };
}

/** The supervisor's team for a period (the given one, else the latest open, else the latest). */
export async function myStaff(db: Db, options: { agencyId: string; accountId: string; periodId?: string | undefined }) {
  const periods = await db.select().from(evaluationPeriods).where(eq(evaluationPeriods.agencyId, options.agencyId)).orderBy(sql`${evaluationPeriods.endsOn} desc`, asc(evaluationPeriods.kind));
  const period = options.periodId ? periods.find((p) => p.id === options.periodId) : (periods.find((p) => p.status === 'open') ?? periods[0]);
  if (options.periodId && !period) throw notFound('Periode penilaian');
  const staff = await staffOfAccount(db, { agencyId: options.agencyId, accountId: options.accountId });
  const plans = period && staff.length ? await db.select().from(evaluationPlans).where(and(eq(evaluationPlans.periodId, period.id), inArray(evaluationPlans.employeeId, staff.map((e) => e.id)))) : [];
  const byEmployee = new Map(plans.map((p) => [p.employeeId, p]));
  return {
    period: period ? presentPeriod(period) : null,
    periods: periods.map(presentPeriod),
    staff: staff.map((employee) => {
      const plan = byEmployee.get(employee.id);
      return {
        employee: { ...personOf(employee), unitName: employee.unitName, positionName: employee.positionName },
        plan: plan ? { id: plan.id, status: plan.status as PlanStatus, predikat: plan.predikat as Predikat | null, submittedAt: iso(plan.submittedAt) } : null,
      };
    }),
  };
}

/** An employee's evaluation history (their page): every period with a plan, newest first. */
export async function evaluationHistory(db: Db, options: { agencyId: string; employeeId: string }) {
  await findEmployee(db, options);
  const rows = await db
    .select({ plan: evaluationPlans, period: evaluationPeriods })
    .from(evaluationPlans)
    .innerJoin(evaluationPeriods, eq(evaluationPeriods.id, evaluationPlans.periodId))
    .where(and(eq(evaluationPlans.agencyId, options.agencyId), eq(evaluationPlans.employeeId, options.employeeId)))
    .orderBy(sql`${evaluationPeriods.endsOn} desc`);
  return {
    items: rows.map(({ plan, period }) => ({
      period: presentPeriod(period),
      plan: { id: plan.id, status: plan.status as PlanStatus },
      predikat: plan.predikat as Predikat | null,
      resultsRating: plan.resultsRating as Rating | null,
      behaviourRating: plan.behaviourRating as Rating | null,
    })),
    recommendations: await recommendations(db, { agencyId: options.agencyId, employeeIds: [options.employeeId] }),
  };
}

/** The public's desk feedback per unit in a period, for the administrator (units under the threshold first). */
export async function publicFeedbackReport(db: Db, ref: PeriodRef) {
  const period = await findPeriod(db, ref);
  const scope = { agencyId: period.agencyId, startsOn: period.startsOn, endsOn: period.endsOn, threshold: Number(period.publicThreshold), minResponses: period.publicMinResponses };
  const plans = await periodPredikats(db, period.id);
  const staff = await employeesByIds(db, { agencyId: period.agencyId, ids: plans.map((p) => p.employeeId) });
  const unitIds = [...new Set([...(await unitsWithFeedback(db, scope)), ...staff.flatMap((e) => (e.unitId ? [e.unitId] : []))])];
  const names = new Map((await unitRefs(db, { unitIds })).map((u) => [u.id, u.name]));
  const units = [];
  for (const unitId of unitIds) {
    units.push({ unitId, unitName: names.get(unitId) ?? '', staff: staff.filter((e) => e.unitId === unitId).length, summary: await deskSummary(db, { ...scope, unitId }) });
  }
  units.sort((a, b) => Number(b.summary.belowThreshold) - Number(a.summary.belowThreshold) || a.unitName.localeCompare(b.unitName, 'id'));
  return { period: presentPeriod(period), units };
}
