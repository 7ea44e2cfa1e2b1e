import { and, eq } from 'drizzle-orm';
import { correctedResult, correctionIssues } from '../../../core/cat-correction.js';
import { passRuleFor, presetForBlueprint } from '../../../core/cat-exam.js';
import { canonicalSha256 } from '../../canonical-hash.js';
import type { Db } from '../../db/client.js';
import { notFound, validationFailed } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { catAttempts, catBlueprints, catResults } from '../cat/cat.table.js';

type ResultRow = typeof catResults.$inferSelect;

export function presentResult(row: ResultRow) {
  return {
    attemptId: row.attemptId,
    registrationNumber: row.registrationNumber,
    participantName: row.participantName,
    scores: row.scores,
    total: row.total,
    passed: row.passed,
    passReasons: row.passReasons,
    answerSheetHash: row.answerSheetHash,
    resultHash: row.resultHash,
    scoredAt: row.scoredAt.toISOString(),
    original: row.original,
  };
}

export type ResultRef = { agencyId: string; attemptId: string };

/** One participant's CAT result with the original kept by a correction; another agency's is not found. */
export async function getResult(db: Db, { agencyId, attemptId }: ResultRef, lock = false): Promise<ResultRow> {
  const query = db.select().from(catResults).where(and(eq(catResults.attemptId, attemptId), eq(catResults.agencyId, agencyId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Hasil ujian CAT');
  return row;
}

export type CorrectResultInput = ResultRef & { actorId: string; scores: Record<string, unknown>; reason: string };

/**
 * The only way a CAT result changes after scoring (a database trigger refuses any other update):
 * new subtest points checked against the blueprint's preset, total and pass verdict recomputed by
 * core, a new result hash over the corrected result and the reason, the first result kept in
 * `original` (a second correction keeps the first original), and the audit record with before,
 * after and reason — in one transaction.
 */
export async function correctResult(db: Db, input: CorrectResultInput) {
  return db.transaction(async (tx) => {
    const before = await getResult(tx, input, true);
    const [context] = await tx
      .select({ blueprint: catBlueprints, kind: catAttempts.formasiKind })
      .from(catAttempts)
      .innerJoin(catBlueprints, eq(catBlueprints.id, catAttempts.blueprintId))
      .where(eq(catAttempts.id, before.attemptId));
    const blueprint = { preset: context!.blueprint.preset, durationMinutes: context!.blueprint.durationMinutes, sections: context!.blueprint.sections, passRules: context!.blueprint.passRules };
    const preset = presetForBlueprint(blueprint);
    const issues = correctionIssues({ preset, scores: input.scores });
    if (issues.length) throw validationFailed(Object.fromEntries(issues.map((issue) => [issue.field, issue.message])), 'Nilai koreksi tidak valid.');
    const outcome = correctedResult({ preset, scores: input.scores as Record<string, number>, kind: context!.kind, passRules: passRuleFor(blueprint, context!.kind) });
    const previous = { scores: before.scores, total: before.total, passed: before.passed, passReasons: before.passReasons, resultHash: before.resultHash, scoredAt: before.scoredAt.toISOString() };
    const resultHash = canonicalSha256({ attemptId: before.attemptId, registrationNumber: before.registrationNumber, scores: outcome.scores, total: outcome.total, passed: outcome.passed, answerSheetHash: before.answerSheetHash, correctionOf: before.resultHash, reason: input.reason });
    const [after] = await tx
      .update(catResults)
      .set({ scores: outcome.scores, total: outcome.total, passed: outcome.passed, passReasons: [...outcome.reasons], resultHash, original: before.original ?? previous })
      .where(eq(catResults.attemptId, before.attemptId))
      .returning();
    await recordAudit(tx, {
      agencyId: input.agencyId,
      actorId: input.actorId,
      action: 'cat.result.correct',
      targetType: 'cat_attempt',
      targetId: before.attemptId,
      before: previous,
      after: { scores: outcome.scores, total: outcome.total, passed: outcome.passed, resultHash },
      details: { reason: input.reason, registrationNumber: before.registrationNumber },
    });
    return after!;
  });
}
