import {
  assessorTotal,
  candidateStatus,
  componentScore,
  exceedsSpread,
  scaleBounds,
  spreadOf,
  totalsNeeded,
  displayTotal,
  type CandidateStatus,
  type Rubric,
} from '../../../core/panel-scoring.js';
import { roundHalfUp, type Rational } from '../../../core/exact.js';
import type { AssignmentWithScore, CandidateRow, ComponentRow } from './panel-scores.repo.js';

export const rubricOf = (component: Pick<ComponentRow, 'criteria' | 'levels'>): Rubric => ({ criteria: component.criteria, levels: component.levels });

export const scaleOf = (component: Pick<ComponentRow, 'levels'>) => scaleBounds(component.levels);

export type CandidateEvaluation = {
  status: CandidateStatus;
  /** Exact totals of the active assessors who submitted. */
  totals: Rational[];
  /** Provisional component score (every active assessor submitted, enough of them), two decimals. */
  score: number | null;
  units: number | null;
  exact: Rational | null;
  spread: number | null;
  flagged: boolean;
  confirmed: boolean;
};

/**
 * Where one candidate stands on a component: the status that decides whether the component can be
 * locked, the submitted totals, the spread and — once complete — the component score.
 */
export function evaluateCandidate(component: ComponentRow, assignments: readonly AssignmentWithScore[], row: CandidateRow | undefined): CandidateEvaluation {
  const rubric = rubricOf(component);
  const active = assignments.filter((assignment) => assignment.status === 'active');
  const totals = active.filter((assignment) => assignment.score?.status === 'submitted').map((assignment) => assessorTotal(rubric, assignment.score!.scores));
  const flagged = totals.length >= 2 && exceedsSpread(totals, component.settings.spreadThreshold);
  const confirmed = row?.confirmedRevision !== null && row?.confirmedRevision !== undefined && row.confirmedRevision === row.scoresRevision;
  const status = candidateStatus({
    absent: row?.absent ?? false,
    assignments: assignments.map((assignment) => ({
      status: assignment.status as 'active' | 'conflict' | 'removed',
      declared: assignment.declaredAt !== null,
      score: (assignment.score?.status as 'submitted' | 'reopened' | undefined) ?? null,
    })),
    minAssessors: component.settings.minAssessors,
    flagged,
    confirmed,
  });
  const complete = (status === 'ready' || status === 'flagged') && totals.length >= totalsNeeded(component.settings);
  const result = complete ? componentScore(totals, component.settings) : null;
  return {
    status,
    totals,
    score: result?.score ?? null,
    units: result?.units ?? null,
    exact: result?.exact ?? null,
    spread: totals.length >= 2 ? roundHalfUp(spreadOf(totals), 2) : null,
    flagged,
    confirmed,
  };
}

/** An assessor's total for display (two decimals); null while not submitted. */
export function totalOf(component: ComponentRow, scores: Record<string, number>): number {
  return displayTotal(assessorTotal(rubricOf(component), scores));
}
