import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { evaluateCandidate } from './panel-evaluation.js';
import { assessorsOf, assignmentsOf, findAssignment, lockCandidateRow, type AssignmentRow } from './panel-scores.repo.js';
import { componentState, refuseLocked, requireComponent } from './panel-scores.service.js';
import { panelAssignments, panelCandidates, panelModerations, panelScores } from './panel-scores.table.js';

const workspaceLink = (agencyId: string) => `/penilaian/instansi/${agencyId}`;

async function requirePenguji(db: Db, agencyId: string, accountIds: string[]) {
  const found = await assessorsOf(db, { agencyId, accountIds });
  const missing = accountIds.filter((id) => !found.some((a) => a.accountId === id));
  if (missing.length) throw new AppError('VALIDATION_FAILED', 'Hanya staf berperan Penguji di instansi ini yang dapat ditugaskan menilai.', { assessorIds: `Bukan penguji instansi ini: ${missing.length} akun` });
  return found;
}

export type AssignInput = { agencyId: string; componentId: string; actorId: string; applicationIds: string[]; assessorIds: string[] };

/**
 * Assigns each assessor to each candidate. Every candidate must have reached the stage; every
 * assessor must hold the penguji role here and must not have declared a conflict with that
 * candidate on this component. Existing active assignments are kept (not doubled).
 */
export async function assignAssessors(db: Db, { agencyId, componentId, actorId, applicationIds, assessorIds }: AssignInput) {
  return db.transaction(async (tx) => {
    const state = await componentState(tx, { agencyId, componentId, lock: 'update' });
    refuseLocked(state.component);
    if (state.waiting) throw new AppError('INVALID_STATE', state.waiting);
    const byId = new Map(state.candidates.map((candidate) => [candidate.applicationId, candidate]));
    const strangers = applicationIds.filter((id) => !byId.has(id));
    if (strangers.length) {
      throw new AppError('VALIDATION_FAILED', `${strangers.length} pendaftaran yang dipilih bukan peserta tahap ini.`, { applicationIds: 'Bukan peserta tahap ini' });
    }
    const assessors = await requirePenguji(tx, agencyId, assessorIds);
    const created: AssignmentRow[] = [];
    const refused: string[] = [];
    for (const applicationId of applicationIds) {
      const candidate = byId.get(applicationId)!;
      if (candidate.row?.absent) throw new AppError('INVALID_STATE', `${candidate.name} (${candidate.registrationNumber}) ditandai tidak hadir; batalkan tanda itu dahulu.`);
      for (const assessor of assessors) {
        const earlier = candidate.assignments.filter((a) => a.assessorId === assessor.accountId);
        if (earlier.some((a) => a.status === 'conflict')) {
          refused.push(`${assessor.name} telah menyatakan konflik kepentingan dengan ${candidate.name} (${candidate.registrationNumber}).`);
          continue;
        }
        if (earlier.some((a) => a.status === 'active')) continue;
        const [row] = await tx.insert(panelAssignments).values({ agencyId, componentId, applicationId, assessorId: assessor.accountId, assignedBy: actorId }).returning();
        created.push(row!);
      }
    }
    if (refused.length) throw new AppError('CONFLICT', refused.join(' '));
    for (const assessor of assessors) {
      const mine = created.filter((row) => row.assessorId === assessor.accountId).length;
      if (mine === 0) continue;
      await notify(tx, {
        accountId: assessor.accountId,
        title: 'Tugas penilaian baru',
        body: `Anda ditugaskan menilai ${mine.toLocaleString('id-ID')} peserta pada ${state.component.name} — ${state.selection.name}. Nyatakan tidak ada konflik kepentingan sebelum menilai.`,
        link: workspaceLink(agencyId),
      });
    }
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'panel.assign',
      targetType: 'panel_component',
      targetId: componentId,
      after: { assignments: created.map((row) => ({ id: row.id, applicationId: row.applicationId, assessorId: row.assessorId })) },
    });
    return { created: created.length };
  });
}

export type EndAssignmentInput = { agencyId: string; assignmentId: string; actorId: string; reason: string; now?: Date };

/** The panel takes an assessor off a candidate before they scored (a submitted score is moderated, not discarded). */
export async function removeAssignment(db: Db, { agencyId, assignmentId, actorId, reason, now = new Date() }: EndAssignmentInput) {
  return db.transaction(async (tx) => {
    const assignment = await findAssignment(tx, { agencyId, assignmentId });
    if (!assignment) throw notFound('Penugasan penilaian');
    refuseLocked(await requireComponent(tx, { agencyId, componentId: assignment.componentId, lock: 'update' }));
    const locked = (await findAssignment(tx, { agencyId, assignmentId, lock: true }))!;
    if (locked.status !== 'active') throw new AppError('CONFLICT', 'Penugasan ini sudah tidak aktif.');
    const [score] = await tx.select().from(panelScores).where(eq(panelScores.assignmentId, assignmentId));
    if (score) throw new AppError('INVALID_STATE', 'Penguji ini sudah mengirim nilai; gunakan moderasi untuk membuka kembali nilainya, bukan menghapus penugasan.');
    await tx.update(panelAssignments).set({ status: 'removed', endedAt: now, endedBy: actorId, endReason: reason }).where(eq(panelAssignments.id, assignmentId));
    await recordAudit(tx, { agencyId, actorId, action: 'panel.assignment.remove', targetType: 'panel_assignment', targetId: assignmentId, before: { status: 'active' }, after: { status: 'removed', reason }, details: { applicationId: locked.applicationId, assessorId: locked.assessorId } });
  });
}

export type ReplaceInput = { agencyId: string; assignmentId: string; actorId: string; assessorId: string };

/**
 * Reassignment after a declared conflict (or a removal): a new assessor takes the candidate. The
 * replacement must be a penguji of the agency, not already on the candidate, and never someone who
 * declared a conflict with them.
 */
export async function replaceAssignment(db: Db, { agencyId, assignmentId, actorId, assessorId }: ReplaceInput) {
  return db.transaction(async (tx) => {
    const previous = await findAssignment(tx, { agencyId, assignmentId });
    if (!previous) throw notFound('Penugasan penilaian');
    const component = await requireComponent(tx, { agencyId, componentId: previous.componentId, lock: 'update' });
    refuseLocked(component);
    if (previous.status === 'active') throw new AppError('INVALID_STATE', 'Penugasan ini masih aktif; pengganti ditetapkan setelah penguji menyatakan konflik kepentingan atau dikeluarkan.');
    const [assessor] = await requirePenguji(tx, agencyId, [assessorId]);
    const onCandidate = await assignmentsOf(tx, { componentId: previous.componentId, applicationId: previous.applicationId });
    if (onCandidate.some((a) => a.replaces === assignmentId)) throw new AppError('CONFLICT', 'Penugasan ini sudah memiliki pengganti.');
    if (onCandidate.some((a) => a.assessorId === assessorId && a.status === 'conflict')) {
      throw new AppError('CONFLICT', `${assessor!.name} telah menyatakan konflik kepentingan dengan peserta ini.`);
    }
    if (onCandidate.some((a) => a.assessorId === assessorId && a.status === 'active')) throw new AppError('CONFLICT', `${assessor!.name} sudah menilai peserta ini.`);
    const [row] = await tx.insert(panelAssignments).values({ agencyId, componentId: previous.componentId, applicationId: previous.applicationId, assessorId, assignedBy: actorId, replaces: assignmentId }).returning();
    await notify(tx, { accountId: assessorId, title: 'Tugas penilaian pengganti', body: `Anda ditugaskan menggantikan penguji pada ${component.name}. Nyatakan tidak ada konflik kepentingan sebelum menilai.`, link: workspaceLink(agencyId) });
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'panel.assignment.replace',
      targetType: 'panel_assignment',
      targetId: row!.id,
      before: { assignmentId, assessorId: previous.assessorId, status: previous.status, reason: previous.conflictReason ?? previous.endReason },
      after: { assignmentId: row!.id, assessorId },
      details: { applicationId: previous.applicationId, componentId: previous.componentId },
    });
    return row!;
  });
}

export type AbsenceInput = { agencyId: string; componentId: string; applicationId: string; actorId: string; asPanel: boolean; absent: boolean; reason: string; now?: Date };

/**
 * Marks a candidate absent (by the panel or an active assessor of that candidate) — only while
 * nobody has scored them; only the panel withdraws the mark.
 */
export async function setAbsence(db: Db, { agencyId, componentId, applicationId, actorId, asPanel, absent, reason, now = new Date() }: AbsenceInput) {
  return db.transaction(async (tx) => {
    const state = await componentState(tx, { agencyId, componentId, lock: 'update' });
    refuseLocked(state.component);
    const candidate = state.candidates.find((c) => c.applicationId === applicationId);
    if (!candidate) throw notFound('Peserta tahap ini');
    const assessor = candidate.assignments.some((a) => a.assessorId === actorId && a.status === 'active');
    if (!asPanel && !assessor) throw notFound('Peserta yang ditugaskan kepada Anda');
    if (!absent && !asPanel) throw new AppError('FORBIDDEN', 'Hanya panitia yang dapat membatalkan tanda tidak hadir.');
    const row = await lockCandidateRow(tx, { agencyId, componentId, applicationId });
    if (row.absent === absent) throw new AppError('CONFLICT', absent ? 'Peserta ini sudah ditandai tidak hadir.' : 'Peserta ini tidak ditandai tidak hadir.');
    if (absent && candidate.assignments.some((a) => a.status === 'active' && a.score)) {
      throw new AppError('INVALID_STATE', 'Peserta ini sudah dinilai, jadi hadir; tanda tidak hadir tidak dapat diberikan.');
    }
    await tx
      .update(panelCandidates)
      .set(absent ? { absent: true, absentReason: reason, absentMarkedBy: actorId, absentMarkedAt: now } : { absent: false, absentReason: null, absentMarkedBy: actorId, absentMarkedAt: now })
      .where(and(eq(panelCandidates.componentId, componentId), eq(panelCandidates.applicationId, applicationId)));
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: absent ? 'panel.absence.mark' : 'panel.absence.clear',
      targetType: 'panel_component',
      targetId: componentId,
      before: { absent: row.absent, reason: row.absentReason },
      after: { absent, reason },
      details: { applicationId, registrationNumber: candidate.registrationNumber },
    });
  });
}

export type ModerationInput = { agencyId: string; componentId: string; applicationId: string; actorId: string; reason: string } & (
  | { action: 'reopen'; assignmentId: string }
  | { action: 'confirm' }
);

/**
 * Moderation of a candidate's scores, always with a reason: reopen one assessor's submitted score
 * for revision (the candidate's scores change revision, so an earlier confirmation no longer
 * holds), or confirm the current scores of a flagged candidate so the spread no longer blocks locking.
 */
export async function moderate(db: Db, input: ModerationInput) {
  const { agencyId, componentId, applicationId, actorId, reason } = input;
  return db.transaction(async (tx) => {
    const state = await componentState(tx, { agencyId, componentId, lock: 'update' });
    refuseLocked(state.component);
    const candidate = state.candidates.find((c) => c.applicationId === applicationId);
    if (!candidate) throw notFound('Peserta tahap ini');
    const row = await lockCandidateRow(tx, { agencyId, componentId, applicationId });
    const evaluation = evaluateCandidate(state.component, candidate.assignments, row);
    const spread = evaluation.spread === null ? null : evaluation.spread.toFixed(2);
    let assessorId: string | null = null;
    if (input.action === 'reopen') {
      const assignment = candidate.assignments.find((a) => a.id === input.assignmentId);
      if (!assignment) throw notFound('Penugasan penilaian peserta ini');
      if (assignment.status !== 'active' || assignment.score?.status !== 'submitted') throw new AppError('INVALID_STATE', 'Hanya nilai yang sudah dikirim oleh penguji aktif yang dapat dibuka kembali.');
      assessorId = assignment.assessorId;
      await tx.update(panelScores).set({ status: 'reopened' }).where(eq(panelScores.assignmentId, assignment.id));
      await tx
        .update(panelCandidates)
        .set({ scoresRevision: sql`${panelCandidates.scoresRevision} + 1` })
        .where(and(eq(panelCandidates.componentId, componentId), eq(panelCandidates.applicationId, applicationId)));
      await notify(tx, {
        accountId: assignment.assessorId,
        title: 'Nilai Anda dibuka kembali untuk ditinjau',
        body: `Panitia membuka kembali nilai Anda untuk ${candidate.name} (${candidate.registrationNumber}) pada ${state.component.name}. Alasan: ${reason}`,
        link: `${workspaceLink(agencyId)}/penugasan/${assignment.id}`,
      });
    } else {
      if (evaluation.status !== 'flagged') {
        throw new AppError('INVALID_STATE', evaluation.flagged ? 'Nilai peserta ini sudah dikonfirmasi.' : 'Tidak ada selisih nilai di atas batas yang perlu dikonfirmasi untuk peserta ini (atau penilaian belum lengkap).');
      }
      await tx.update(panelCandidates).set({ confirmedRevision: row.scoresRevision }).where(and(eq(panelCandidates.componentId, componentId), eq(panelCandidates.applicationId, applicationId)));
    }
    const [moderation] = await tx
      .insert(panelModerations)
      .values({ agencyId, componentId, applicationId, action: input.action, assignmentId: input.action === 'reopen' ? input.assignmentId : null, reason, spread, actorId })
      .returning();
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: input.action === 'reopen' ? 'panel.moderation.reopen' : 'panel.moderation.confirm',
      targetType: 'panel_component',
      targetId: componentId,
      after: { moderationId: moderation!.id, applicationId, registrationNumber: candidate.registrationNumber, reason, spread, assessorId, revision: row.scoresRevision },
    });
    return moderation!;
  });
}
