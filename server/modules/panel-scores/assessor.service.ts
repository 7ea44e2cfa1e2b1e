import { and, eq, sql } from 'drizzle-orm';
import { assessorTotal, exactText, panelPartsOf, scoreIssues } from '../../../core/panel-scoring.js';
import type { MyAssignment, MyAssignmentDetail } from '../../../core/schemas/panel-scores.js';
import type { Db } from '../../db/client.js';
import { AppError, validationFailed } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { staffWithRole } from '../staff/staff.service.js';
import { rubricOf, scaleOf, totalOf } from './panel-evaluation.js';
import {
  applicationSummaries,
  assignmentsOf,
  assignmentsOfAssessor,
  candidateRowsOf,
  findAssignment,
  findComponent,
  lockCandidateRow,
  type AssignmentRow,
  type ComponentRow,
  type ScoreRow,
} from './panel-scores.repo.js';
import { getSelection } from '../selections/selections.service.js';
import { pipelineOf } from './panel-candidates.js';
import { LOCKED_MESSAGE } from './panel-scores.service.js';
import { panelAssignments, panelCandidates, panelScores } from './panel-scores.table.js';

export type AssessorRef = { agencyId: string; assessorId: string };

const MINE_NOT_FOUND = 'Penugasan penilaian tidak ditemukan, atau tidak ditugaskan kepada Anda.';

function presentScore(component: ComponentRow, score: ScoreRow | null) {
  if (!score) return null;
  return {
    status: score.status as 'submitted' | 'reopened',
    scores: score.scores,
    total: totalOf(component, score.scores),
    note: score.note,
    submittedAt: score.submittedAt.toISOString(),
    submissions: score.submissions,
  };
}

async function stageNameOf(db: Db, component: ComponentRow): Promise<string> {
  const selection = await getSelection(db, { agencyId: component.agencyId, selectionId: component.selectionId });
  return panelPartsOf(pipelineOf(selection)).find((part) => part.stageKey === component.stageKey)?.stageName ?? component.stageKey;
}

/**
 * The assessor's own candidates in an agency, and nothing else: an outside assessor's account sees
 * only what was assigned to them. Removed assignments disappear; a declared conflict stays listed.
 */
export async function myAssignments(db: Db, { agencyId, assessorId }: AssessorRef): Promise<MyAssignment[]> {
  const rows = await assignmentsOfAssessor(db, { agencyId, assessorId });
  const summaries = await applicationSummaries(db, { agencyId, ids: rows.map((row) => row.assignment.applicationId) });
  const candidateRows = await candidateRowsOf(db, [...new Set(rows.map((row) => row.component.id))]);
  const stageNames = new Map<string, string>();
  for (const row of rows) if (!stageNames.has(row.component.id)) stageNames.set(row.component.id, await stageNameOf(db, row.component));
  return rows.map(({ assignment, component, selectionName, score }) => {
    const summary = summaries.get(assignment.applicationId);
    const candidate = candidateRows.find((c) => c.componentId === component.id && c.applicationId === assignment.applicationId);
    return {
      id: assignment.id,
      status: assignment.status as 'active' | 'conflict',
      declaredAt: assignment.declaredAt?.toISOString() ?? null,
      conflictReason: assignment.conflictReason,
      candidate: {
        applicationId: assignment.applicationId,
        registrationNumber: summary?.registrationNumber ?? '',
        name: summary?.name ?? '',
        formasi: summary?.formasi ?? '',
        absent: candidate?.absent ?? false,
        absentReason: candidate?.absentReason ?? null,
      },
      component: { id: component.id, name: component.name, stageName: stageNames.get(component.id)!, selectionName, status: component.status as 'open' | 'locked' },
      score: presentScore(component, score),
    };
  });
}

async function requireMine(db: Db, { agencyId, assessorId, assignmentId, lock = false }: AssessorRef & { assignmentId: string; lock?: boolean }): Promise<AssignmentRow> {
  const assignment = await findAssignment(db, { agencyId, assignmentId, lock });
  if (!assignment || assignment.assessorId !== assessorId || assignment.status === 'removed') throw new AppError('NOT_FOUND', MINE_NOT_FOUND);
  return assignment;
}

export type MyAssignmentInput = AssessorRef & { assignmentId: string };

/**
 * One assignment with its rubric. The other assessors' scores of the candidate are shown only
 * once this assessor has submitted their own (independent scoring).
 */
export async function myAssignment(db: Db, { agencyId, assessorId, assignmentId }: MyAssignmentInput): Promise<MyAssignmentDetail> {
  const mine = await requireMine(db, { agencyId, assessorId, assignmentId });
  const list = await myAssignments(db, { agencyId, assessorId });
  const assignment = list.find((row) => row.id === assignmentId)!;
  const component = (await findComponent(db, { agencyId, componentId: mine.componentId }))!;
  const { min, max } = scaleOf(component);
  const open = component.status === 'open';
  const active = mine.status === 'active';
  const absent = assignment.candidate.absent;
  const submittedOnce = assignment.score !== null;
  const others = submittedOnce
    ? (await assignmentsOf(db, { componentId: component.id, applicationId: mine.applicationId }))
        .filter((other) => other.id !== mine.id && other.status === 'active')
        .map((other) => ({
          assessorName: other.assessorName,
          status: (other.score?.status ?? 'pending') as 'pending' | 'submitted' | 'reopened',
          total: other.score?.status === 'submitted' ? totalOf(component, other.score.scores) : null,
          scores: other.score?.status === 'submitted' ? other.score.scores : null,
        }))
    : null;
  return {
    assignment,
    rubric: { criteria: component.criteria.map((c) => ({ ...c, description: c.description ?? '', levelDescriptors: c.levelDescriptors ?? {} })), levels: component.levels },
    min,
    max,
    others,
    can: {
      declare: open && active && mine.declaredAt === null,
      score: open && active && mine.declaredAt !== null && !absent && (assignment.score === null || assignment.score.status === 'reopened'),
      markAbsent: open && active && !absent && assignment.score === null,
    },
  };
}

async function lockOpenComponent(db: Db, assignment: AssignmentRow): Promise<ComponentRow> {
  const component = (await findComponent(db, { agencyId: assignment.agencyId, componentId: assignment.componentId, lock: 'share' }))!;
  if (component.status === 'locked') throw new AppError('INVALID_STATE', LOCKED_MESSAGE);
  return component;
}

export type DeclareInput = MyAssignmentInput & ({ conflict: false } | { conflict: true; reason: string }) & { now?: Date };

/**
 * Before scoring, the assessor declares per candidate that no conflict of interest exists. A
 * declared conflict takes them off the candidate (any score they gave no longer counts) and asks
 * the panel for a replacement.
 */
export async function declare(db: Db, input: DeclareInput) {
  const { agencyId, assessorId, assignmentId, now = new Date() } = input;
  return db.transaction(async (tx) => {
    const assignment = await requireMine(tx, { agencyId, assessorId, assignmentId });
    const component = await lockOpenComponent(tx, assignment);
    const mine = (await findAssignment(tx, { agencyId, assignmentId, lock: true }))!;
    if (mine.status === 'conflict') throw new AppError('CONFLICT', 'Anda sudah menyatakan konflik kepentingan dengan peserta ini.');
    if (!input.conflict) {
      if (mine.declaredAt) throw new AppError('CONFLICT', 'Anda sudah menyatakan tidak ada konflik kepentingan dengan peserta ini.');
      await tx.update(panelAssignments).set({ declaredAt: now }).where(eq(panelAssignments.id, assignmentId));
      await recordAudit(tx, { agencyId, actorId: assessorId, action: 'panel.declare.no_conflict', targetType: 'panel_assignment', targetId: assignmentId, after: { applicationId: mine.applicationId, declaredAt: now.toISOString() } });
      return;
    }
    const [score] = await tx.select().from(panelScores).where(eq(panelScores.assignmentId, assignmentId));
    await tx.update(panelAssignments).set({ status: 'conflict', conflictReason: input.reason, endedAt: now, endedBy: assessorId, endReason: 'Konflik kepentingan' }).where(eq(panelAssignments.id, assignmentId));
    await lockCandidateRow(tx, { agencyId, componentId: component.id, applicationId: mine.applicationId });
    await tx
      .update(panelCandidates)
      .set({ scoresRevision: sql`${panelCandidates.scoresRevision} + 1` })
      .where(and(eq(panelCandidates.componentId, component.id), eq(panelCandidates.applicationId, mine.applicationId)));
    const summary = (await applicationSummaries(tx, { agencyId, ids: [mine.applicationId] })).get(mine.applicationId);
    for (const member of await staffWithRole(tx, agencyId, ['panitia', 'admin_instansi'])) {
      await notify(tx, {
        accountId: member.accountId,
        title: 'Penguji menyatakan konflik kepentingan',
        body: `Seorang penguji menyatakan konflik kepentingan dengan ${summary?.name ?? 'peserta'} (${summary?.registrationNumber ?? ''}) pada ${component.name}. Tetapkan penguji pengganti.`,
        link: `/instansi/${agencyId}/panel/komponen/${component.id}?status=unassigned`,
      });
    }
    await recordAudit(tx, {
      agencyId,
      actorId: assessorId,
      action: 'panel.declare.conflict',
      targetType: 'panel_assignment',
      targetId: assignmentId,
      before: { status: 'active', scored: Boolean(score) },
      after: { status: 'conflict', reason: input.reason },
      details: { applicationId: mine.applicationId, componentId: component.id },
    });
  });
}

export type SubmitScoreInput = MyAssignmentInput & { scores: Record<string, number>; note: string; now?: Date };

/**
 * The assessor submits their scores for one candidate: a level of the scale for every criterion.
 * Only on their own active assignment, after declaring no conflict, on a present candidate, while
 * the component is open, and once — again only after the panel reopened it.
 */
export async function submitScore(db: Db, { agencyId, assessorId, assignmentId, scores, note, now = new Date() }: SubmitScoreInput) {
  return db.transaction(async (tx) => {
    const assignment = await requireMine(tx, { agencyId, assessorId, assignmentId });
    const component = await lockOpenComponent(tx, assignment);
    const mine = (await findAssignment(tx, { agencyId, assignmentId, lock: true }))!;
    if (mine.status === 'conflict') throw new AppError('INVALID_STATE', 'Anda telah menyatakan konflik kepentingan dengan peserta ini, sehingga tidak dapat menilainya.');
    if (!mine.declaredAt) throw new AppError('INVALID_STATE', 'Nyatakan terlebih dahulu bahwa tidak ada konflik kepentingan dengan peserta ini.');
    const candidate = await lockCandidateRow(tx, { agencyId, componentId: component.id, applicationId: mine.applicationId });
    if (candidate.absent) throw new AppError('INVALID_STATE', 'Peserta ini ditandai tidak hadir; nilai tidak dapat diberikan.');
    const rubric = rubricOf(component);
    const issues = scoreIssues(rubric, scores);
    if (issues.length) throw validationFailed(Object.fromEntries(issues.map((found) => [found.field, found.message])), issues.map((found) => found.message).join(' '));
    const [existing] = await tx.select().from(panelScores).where(eq(panelScores.assignmentId, assignmentId)).for('update');
    if (existing && existing.status === 'submitted') throw new AppError('CONFLICT', 'Nilai Anda untuk peserta ini sudah dikirim; perubahan hanya dapat dilakukan bila panitia membukanya kembali melalui moderasi.');
    const clean = Object.fromEntries(rubric.criteria.map((criterion) => [criterion.key, scores[criterion.key]!]));
    if (existing) {
      await tx.update(panelScores).set({ scores: clean, note, status: 'submitted', submissions: existing.submissions + 1, submittedAt: now }).where(eq(panelScores.assignmentId, assignmentId));
    } else {
      await tx.insert(panelScores).values({ assignmentId, agencyId, componentId: component.id, applicationId: mine.applicationId, assessorId, scores: clean, note, submittedAt: now });
    }
    await tx
      .update(panelCandidates)
      .set({ scoresRevision: sql`${panelCandidates.scoresRevision} + 1` })
      .where(and(eq(panelCandidates.componentId, component.id), eq(panelCandidates.applicationId, mine.applicationId)));
    await recordAudit(tx, {
      agencyId,
      actorId: assessorId,
      action: existing ? 'panel.score.resubmit' : 'panel.score.submit',
      targetType: 'panel_assignment',
      targetId: assignmentId,
      before: existing ? { scores: existing.scores, note: existing.note } : null,
      after: { scores: clean, note, total: exactText(assessorTotal(rubric, clean)) },
      details: { applicationId: mine.applicationId, componentId: component.id },
    });
  });
}
