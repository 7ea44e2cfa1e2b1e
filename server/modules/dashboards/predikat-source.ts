// Where the dashboards read performance ratings (predikat): the evaluation module's finalised
// periods. Only a finalised period counts; an open one may still change.
import type { Predikat } from '../../../core/predikat.js';
import { predikatDistribution, predikatOfEmployees } from '../evaluation/evaluation.service.js';
import type { DashboardDeps } from './dashboards.service.js';

export type PredikatCounts = Readonly<Record<Predikat, number>>;

export type PredikatReader = {
  /** The latest final predikat of each employee (null when none is final yet). */
  ofEmployees: (deps: DashboardDeps, options: { agencyId: string; employeeIds: string[] }) => Promise<Array<{ employeeId: string; predikat: Predikat | null }>>;
  /** Predikat counts of the agency's final periods, oldest first (empty when none is final). */
  finalPeriods: (deps: DashboardDeps, options: { agencyId: string }) => Promise<Array<{ periodName: string; counts: PredikatCounts }>>;
};

export const predikatReader: PredikatReader = {
  ofEmployees: async (deps, { agencyId, employeeIds }) => {
    const byEmployee = await predikatOfEmployees(deps.db, { agencyId, employeeIds });
    // Ordered by the period's end: the last is the latest.
    return employeeIds.map((employeeId) => ({ employeeId, predikat: byEmployee.get(employeeId)?.at(-1)?.predikat ?? null }));
  },
  finalPeriods: async (deps, { agencyId }) =>
    (await predikatDistribution(deps.db, { agencyId })).filter((period) => period.status === 'finalised').map((period) => ({ periodName: period.periodName, counts: period.counts })),
};
