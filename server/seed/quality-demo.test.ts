import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../test-support/app.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { auditLog } from '../modules/audit/audit.table.js';
import { buildDashboard } from '../modules/dashboards/dashboards.service.js';
import { listPeriods } from '../modules/evaluation/evaluation.service.js';
import { seedDemo } from './demo.js';
import { seedQualityDemo } from './quality-demo.js';
import { RESULTS_DEMO, seedResultsDemo } from './results-demo.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo({ database: ctx.database, config: ctx.config, story: false });
  await seedResultsDemo({ database: ctx.database, config: ctx.config });
}, 180_000);
afterAll(() => ctx.close());

describe('quality of hire demo data', () => {
  it('appoints Sawahlunto’s 2025 final list, rates it in a finalised past quarter and trains it, so quality of hire has a cohort with predikat; a second run changes nothing', async () => {
    const deps = { database: ctx.database, config: ctx.config };
    expect(await seedQualityDemo(deps)).toBe(true);
    const audits = async () => (await ctx.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    const before = await audits();
    expect(await seedQualityDemo(deps)).toBe(false);
    expect(await audits()).toBe(before);

    const [agency] = await ctx.database.db.select().from(agencies).where(eq(agencies.code, RESULTS_DEMO.agencyCode));
    const view = await buildDashboard({ db: ctx.database.db, database: ctx.database }, { agencyId: agency!.id, dashboard: 'kualitas-rekrutmen', query: {} });
    const section = (key: string) => view.sections.find((s) => s.key === key)!;
    expect(section('kohort').title).toBe(`Kohort ${RESULTS_DEMO.finishedRound}`);
    const cohort = Object.fromEntries(section('kohort').rows.map((r) => [r.ukuran, r.nilai]));
    const n = cohort['Pegawai diangkat'] as number;
    expect(n).toBeGreaterThan(0);
    expect(cohort['Memiliki predikat kinerja final']).toBe(n);
    expect(cohort['Menyelesaikan pelatihan dasar (Latsar)']).toBe(n - 1);
    expect(section('predikat-kohort').rows.filter((r) => Number(r.jumlah) > 0)).toEqual([
      { predikat: 'Sangat Baik', jumlah: 1, persen: 25 },
      { predikat: 'Baik', jumlah: 1, persen: 25 },
      { predikat: 'Butuh Perbaikan', jumlah: 2, persen: 50 },
    ]);
    // The period rated has ended and began after the appointment, which followed the final list.
    const [period] = await listPeriods(ctx.database.db, { agencyId: agency!.id });
    expect(period).toMatchObject({ status: 'finalised', kind: 'triwulan', plans: n, rated: n });
    expect(period!.endsOn < new Date().toISOString().slice(0, 10)).toBe(true);
    const joined = section('ikm-unit').rows.map((r) => String(r.masuk));
    expect(joined.length).toBeGreaterThan(0);
    expect(joined.every((date) => date <= period!.startsOn)).toBe(true);
    const correlation = section('korelasi');
    expect(correlation.rows.some((r) => r.n === n && r.rho !== null)).toBe(true);
    expect(correlation.rows.every((r) => r.peringatan)).toBe(true);
    expect(section('retensi').notes).toContain('Belum ada pegawai kohort ini yang genap satu tahun bekerja.');
  });
});
