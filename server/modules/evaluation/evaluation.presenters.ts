// What the evaluation's responses look like: rows shaped for the zod schemas of core/schemas/evaluation.ts.
import type { PeriodKind, PeriodStatus, PlanStatus } from '../../../core/evaluation.js';
import { DISTRIBUTION_BOUNDS, type DistributionBounds, type OrganisationRating, type Predikat, type Rating } from '../../../core/predikat.js';
import type { EmployeePresented } from '../employees/employees.service.js';
import type { evaluationIndicators, evaluationPeriods, evaluationPlans } from './evaluation.table.js';

export type PeriodRow = typeof evaluationPeriods.$inferSelect;
export type PlanRow = typeof evaluationPlans.$inferSelect;
export type IndicatorRow = typeof evaluationIndicators.$inferSelect;

export const iso = (value: Date | null) => (value === null ? null : value.toISOString());
export const num = (value: string | null) => (value === null ? null : Number(value));

/** The period's bounds: the stored ones over core's defaults (an organisation rating missing from the stored set keeps its default). */
export function boundsOf(row: Pick<PeriodRow, 'bounds'>): DistributionBounds {
  return { ...DISTRIBUTION_BOUNDS, ...row.bounds } as DistributionBounds;
}

export function presentPeriod(row: PeriodRow) {
  return {
    id: row.id,
    agencyId: row.agencyId,
    kind: row.kind as PeriodKind,
    year: row.year,
    quarter: row.quarter,
    name: row.name,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status as PeriodStatus,
    organisationRating: row.organisationRating as OrganisationRating | null,
    bounds: boundsOf(row) as Record<string, { maxBaikOrBetterPercent: number }>,
    publicThreshold: Number(row.publicThreshold),
    publicMinResponses: row.publicMinResponses,
    finalisedAt: iso(row.finalisedAt),
    createdAt: row.createdAt.toISOString(),
  };
}
export type PeriodPresented = ReturnType<typeof presentPeriod>;

export const personOf = (employee: Pick<EmployeePresented, 'id' | 'name' | 'nip'>) => ({ id: employee.id, name: employee.name, nip: employee.nip });

export function presentPlanListItem(row: PlanRow & { items: number }, employee: EmployeePresented | undefined) {
  return {
    id: row.id,
    periodId: row.periodId,
    employee: employee
      ? { ...personOf(employee), unitName: employee.unitName, positionName: employee.positionName }
      : { id: row.employeeId, name: '(pegawai tidak ditemukan)', nip: null, unitName: null, positionName: null },
    supervisor: employee?.supervisor ? { id: employee.supervisor.id, name: employee.supervisor.name, nip: employee.supervisor.nip } : null,
    status: row.status as PlanStatus,
    items: row.items,
    predikat: row.predikat as Predikat | null,
    ratedAt: iso(row.ratedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** realised ÷ target in percent, one decimal; null before realisation. */
export function achievement(indicator: Pick<IndicatorRow, 'target' | 'realised'>): number | null {
  if (indicator.realised === null) return null;
  const target = Number(indicator.target);
  return target > 0 ? Math.round((Number(indicator.realised) / target) * 1000) / 10 : null;
}

export function presentIndicator(row: IndicatorRow) {
  return { id: row.id, name: row.name, target: Number(row.target), unit: row.unit, realised: num(row.realised), realisationNote: row.realisationNote, achievementPercent: achievement(row) };
}

export function presentRating(row: PlanRow, periodStatus: PeriodStatus) {
  if (!row.predikat || !row.resultsRating || !row.behaviourRating || !row.ratedAt) return null;
  return {
    resultsRating: row.resultsRating as Rating,
    resultsSuggested: (row.resultsSuggested ?? row.resultsRating) as Rating,
    behaviours: (row.behaviours ?? {}) as Record<string, Rating>,
    behaviourRating: row.behaviourRating as Rating,
    behaviourSuggested: (row.behaviourSuggested ?? row.behaviourRating) as Rating,
    predikat: row.predikat as Predikat,
    note: row.ratingNote,
    raterName: row.raterName,
    ratedAt: row.ratedAt.toISOString(),
    updatedAt: (row.ratingUpdatedAt ?? row.ratedAt).toISOString(),
    final: periodStatus === 'finalised',
  };
}
