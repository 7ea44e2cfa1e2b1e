// IKM surveys and responses for tests: survey rows directly, responses through the service (as the public sends them).
import { randomUUID } from 'node:crypto';
import type { IkmPeriodKind } from '../../../core/ikm-survey.js';
import { periodKey, periodRange } from '../../../core/ikm-survey.js';
import type { TestContext } from '../../test-support/app.js';
import { createUnitRow } from '../organisation/organisation.fixtures.js';
import { submitResponse } from './ikm.service.js';
import { ikmImprovementPlans, ikmSurveys } from './ikm.table.js';

let counter = 0;

export type SurveySpec = { unitId?: string; status?: 'draft' | 'open' | 'closed'; year?: number; kind?: IkmPeriodKind; number?: number; population?: number; serviceName?: string };

/** An open annual survey of a new unit for 2026 serving 100 people, unless told otherwise. */
export async function surveyRow(ctx: TestContext, agencyId: string, spec: SurveySpec = {}) {
  const unitId = spec.unitId ?? (await createUnitRow(ctx.database.db, agencyId, { name: `Dinas Layanan ${++counter}` })).id;
  const period = { year: spec.year ?? 2026, kind: spec.kind ?? 'tahunan', number: spec.number ?? 1 } as const;
  const [row] = await ctx.database.db
    .insert(ikmSurveys)
    .values({
      agencyId,
      unitId,
      serviceName: spec.serviceName ?? 'Pelayanan administrasi kependudukan',
      periodYear: period.year,
      periodKind: period.kind,
      periodNumber: period.number,
      periodKey: periodKey(period),
      periodStart: periodRange(period).start,
      population: spec.population ?? 100,
      status: spec.status ?? 'open',
      openedAt: spec.status === 'draft' ? null : new Date(),
    })
    .returning();
  return row!;
}

export const PROFILE = { ageGroup: '30_39', sex: 'P', education: 's1', occupation: 'swasta' } as const;

export function submission(values: readonly number[], over: Record<string, unknown> = {}) {
  return {
    submissionId: randomUUID(),
    answers: Object.fromEntries(values.map((v, i) => [`u${i + 1}`, v])),
    profile: PROFILE,
    suggestion: '',
    website: '',
    ...over,
  };
}

let address = 0;
/** A different sender address each time, so neither the rate limit nor the duplicate rule is met. */
export const nextAddress = () => `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${++address & 255}`;

/** Stores responses as the public would send them (each from its own address). */
export async function respond(ctx: TestContext, surveyId: string, rows: ReadonlyArray<readonly number[]>) {
  const deps = { db: ctx.database.db, database: ctx.database, config: ctx.config };
  for (const values of rows) {
    const body = submission(values);
    await submitResponse(deps, { surveyId, address: nextAddress(), body: { ...body, profile: { ...PROFILE }, answers: body.answers as never } });
  }
}

/** An improvement plan of element 3, due far ahead. */
export async function planRow(ctx: TestContext, agencyId: string, surveyId: string) {
  const [row] = await ctx.database.db.insert(ikmImprovementPlans).values({ agencyId, surveyId, element: 3, action: 'Tambah loket antrean', owner: 'Sekretaris', dueDate: '2099-01-31' }).returning();
  return row!;
}
