// Test factories for evaluation periods and plans (rows directly, in the state a test needs).
import { randomBytes } from 'node:crypto';
import { periodRange } from '../../../core/evaluation.js';
import { DISTRIBUTION_BOUNDS, type OrganisationRating, type Predikat } from '../../../core/predikat.js';
import type { Db } from '../../db/client.js';
import { createEmployeeRow } from '../employees/employees.fixtures.js';
import { evaluationDeskLinks, evaluationIndicators, evaluationPeriods, evaluationPlanItems, evaluationPlans } from './evaluation.table.js';

let counter = 0;

export type PeriodSpec = { year?: number; quarter?: number | null; status?: 'open' | 'finalised'; organisationRating?: OrganisationRating | null; publicThreshold?: number; publicMinResponses?: number };

/** An open quarterly period in a year of its own (so periods never collide) unless told otherwise. */
export async function createPeriodRow(db: Db, agencyId: string, spec: PeriodSpec = {}) {
  const n = ++counter;
  const quarter = spec.quarter === undefined ? (n % 4) + 1 : spec.quarter;
  const kind = quarter === null ? ('tahunan' as const) : ('triwulan' as const);
  const year = spec.year ?? 2030 + (n % 60);
  const range = periodRange({ kind, year, quarter });
  const [row] = await db
    .insert(evaluationPeriods)
    .values({
      agencyId,
      kind,
      year,
      quarter,
      name: `${range.name} #${n}`,
      startsOn: range.startsOn,
      endsOn: range.endsOn,
      status: spec.status ?? 'open',
      organisationRating: spec.organisationRating ?? null,
      bounds: { ...DISTRIBUTION_BOUNDS },
      publicThreshold: String(spec.publicThreshold ?? 76.61),
      publicMinResponses: spec.publicMinResponses ?? 10,
      finalisedAt: spec.status === 'finalised' ? new Date() : null,
    })
    .returning();
  return row!;
}

export type PlanSpec = { employeeId?: string; status?: 'draft' | 'submitted' | 'agreed' | 'returned'; predikat?: Predikat | null; items?: number };

/** A plan (agreed by default) with one result per item, each with one indicator (target 10 dokumen). */
export async function createPlanRow(db: Db, agencyId: string, periodId: string, spec: PlanSpec = {}) {
  const employeeId = spec.employeeId ?? (await createEmployeeRow(db, agencyId, { name: `Pegawai Dinilai ${++counter}` })).id;
  const rated = spec.predikat ? { predikat: spec.predikat, resultsRating: 'sesuai', behaviourRating: 'sesuai', ratedAt: new Date() } : {};
  const [plan] = await db
    .insert(evaluationPlans)
    .values({ agencyId, periodId, employeeId, status: spec.status ?? 'agreed', ...(spec.status === 'agreed' || !spec.status ? { agreedAt: new Date(), submittedAt: new Date() } : {}), ...rated })
    .returning();
  const items = [];
  for (let position = 0; position < (spec.items ?? 1); position += 1) {
    const [item] = await db.insert(evaluationPlanItems).values({ agencyId, planId: plan!.id, position, title: `Hasil kerja ${position + 1}` }).returning();
    const [indicator] = await db.insert(evaluationIndicators).values({ agencyId, planId: plan!.id, itemId: item!.id, position: 0, name: 'Dokumen selesai', target: '10', unit: 'dokumen' }).returning();
    items.push({ item: item!, indicator: indicator! });
  }
  return { plan: plan!, items };
}

/** A desk link of a unit (or of a named employee of it). */
export async function createDeskLinkRow(db: Db, agencyId: string, spec: { unitId: string; employeeId?: string | null; active?: boolean }) {
  const [row] = await db
    .insert(evaluationDeskLinks)
    .values({ agencyId, unitId: spec.unitId, employeeId: spec.employeeId ?? null, label: 'Loket Uji', code: randomBytes(10).toString('hex'), active: spec.active ?? true })
    .returning();
  return row!;
}

/** Ratings for every core value. */
export const behavioursAll = (rating: 'di_atas' | 'sesuai' | 'di_bawah') => ({
  'Berorientasi Pelayanan': rating,
  Akuntabel: rating,
  Kompeten: rating,
  Harmonis: rating,
  Loyal: rating,
  Adaptif: rating,
  Kolaboratif: rating,
});
