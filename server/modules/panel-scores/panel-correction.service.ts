import { and, eq } from 'drizzle-orm';
import { correctedScoreIssues } from '../../../core/panel-scoring.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { correctionsOf, type CorrectionRow } from './panel-scores.repo.js';
import { requireComponent } from './panel-scores.service.js';
import { panelCandidates, panelScoreCorrections } from './panel-scores.table.js';

import type { CandidateCorrectionsView as CandidateCorrections } from '../../../core/schemas/panel-scores.js';

const present = (row: CorrectionRow) => ({ id: row.id, score: Number(row.score), previousScore: Number(row.previousScore), reason: row.reason, actorId: row.actorId, createdAt: row.createdAt.toISOString() });

export type CorrectPanelScoreInput = { agencyId: string; componentId: string; applicationId: string; actorId: string; score: unknown; reason: string };

/**
 * The only way a component score changes after the panel locked it: a new score on the
 * component's scale with a reason, appended beside the locked score (which stays, as the original),
 * and the audit record with before, after and reason — in one transaction. Before locking the
 * scores change through the assessors and moderation, so a correction is refused then.
 */
export async function correctPanelScore(db: Db, input: CorrectPanelScoreInput): Promise<CandidateCorrections> {
  return db.transaction(async (tx) => {
    const component = await requireComponent(tx, { agencyId: input.agencyId, componentId: input.componentId, lock: 'update' });
    if (component.status !== 'locked') throw new AppError('INVALID_STATE', 'Nilai komponen ini belum dikunci; sebelum dikunci nilai diubah melalui penilaian ulang penguji dan moderasi, bukan koreksi.');
    const [candidate] = await tx
      .select()
      .from(panelCandidates)
      .where(and(eq(panelCandidates.componentId, component.id), eq(panelCandidates.applicationId, input.applicationId)));
    if (!candidate) throw notFound('Peserta komponen ini');
    if (candidate.absent || candidate.score === null) throw new AppError('INVALID_STATE', 'Peserta ini tercatat tidak hadir pada komponen ini; tidak ada nilai yang dapat dikoreksi.');
    const issues = correctedScoreIssues(component.levels, input.score);
    if (issues.length) throw validationFailed(Object.fromEntries(issues.map((issue) => [issue.field, issue.message])), 'Nilai koreksi tidak valid.');
    const score = input.score as number;
    const earlier = (await correctionsOf(tx, [component.id])).filter((row) => row.applicationId === input.applicationId);
    const original = Number(candidate.score);
    const previous = earlier.length ? Number(earlier[earlier.length - 1]!.score) : original;
    if (previous === score) throw new AppError('CONFLICT', `Nilai peserta ini sudah ${previous.toLocaleString('id-ID')}; tidak ada yang dikoreksi.`);
    const [row] = await tx
      .insert(panelScoreCorrections)
      .values({ agencyId: input.agencyId, componentId: component.id, applicationId: input.applicationId, score: score.toFixed(2), previousScore: previous.toFixed(2), reason: input.reason, actorId: input.actorId })
      .returning();
    await recordAudit(tx, {
      agencyId: input.agencyId,
      actorId: input.actorId,
      action: 'panel.score.correct',
      targetType: 'panel_component',
      targetId: component.id,
      before: { applicationId: input.applicationId, score: previous, originalScore: original },
      after: { applicationId: input.applicationId, score, correctionId: row!.id },
      details: { reason: input.reason, stageKey: component.stageKey, componentKey: component.componentKey || null },
    });
    const corrections = [...earlier, row!].map(present);
    return { applicationId: input.applicationId, originalScore: original, score, corrections };
  });
}

export type CandidateRef = { agencyId: string; componentId: string; applicationId: string };

/** A candidate's locked score on a component with its corrections (the original kept beside them). */
export async function candidateCorrections(db: Db, ref: CandidateRef): Promise<CandidateCorrections> {
  const component = await requireComponent(db, { agencyId: ref.agencyId, componentId: ref.componentId });
  const [candidate] = await db.select().from(panelCandidates).where(and(eq(panelCandidates.componentId, component.id), eq(panelCandidates.applicationId, ref.applicationId)));
  if (!candidate || candidate.score === null || component.status !== 'locked') throw notFound('Nilai terkunci peserta ini');
  const corrections = (await correctionsOf(db, [component.id])).filter((row) => row.applicationId === ref.applicationId).map(present);
  const original = Number(candidate.score);
  return { applicationId: ref.applicationId, originalScore: original, score: corrections.length ? corrections[corrections.length - 1]!.score : original, corrections };
}
