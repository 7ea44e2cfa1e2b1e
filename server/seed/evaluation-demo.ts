// Demo performance evaluation in Kota Manna (server/seed/demo.ts), told through the module's own services: the
// current quarter open with the organisation rated Baik; the demo pegawai's plan of work results
// agreed by the demo atasan and realised, waiting for the rating; a note between them; a desk QR
// link for the public at the population registry unit; and an open public service class whose
// first meeting has started, taught by the demo pelatih, where a development proposal can be placed.
import { and, eq } from 'drizzle-orm';
import { calendarDateInZone } from '../../core/time.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { accounts } from '../modules/accounts/accounts.table.js';
import { employeeOfAccount } from '../modules/employees/employees.service.js';
import { createDeskLink } from '../modules/evaluation/desk.service.js';
import { addNote, createPeriod, findPlan, movePlan, saveRealisation, savePlanItems, startPlan, updatePeriod } from '../modules/evaluation/evaluation.service.js';
import { evaluationIndicators, evaluationPeriods } from '../modules/evaluation/evaluation.table.js';
import { addMeeting, createSession } from '../modules/training/training.service.js';
import { trainingProgrammes } from '../modules/training/training.table.js';

export type EvaluationDemoDeps = { db: Db; config: Config };

async function account(db: Db, email: string) {
  const [row] = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.email, email));
  if (!row) throw new Error(`akun demo ${email} tidak ditemukan`);
  return row;
}

/** Idempotent per agency: an agency that already has an evaluation period is left alone. */
export async function seedEvaluationDemo(deps: EvaluationDemoDeps, agency: { id: string; code: string }, now = new Date()) {
  const { db } = deps;
  const [existing] = await db.select({ id: evaluationPeriods.id }).from(evaluationPeriods).where(eq(evaluationPeriods.agencyId, agency.id)).limit(1);
  if (existing) return;
  const admin = await account(db, `admin@${agency.code}.rekrutmen.local`);
  const boss = await account(db, `atasan@${agency.code}.rekrutmen.local`);
  const pegawai = await account(db, `pegawai@${agency.code}.rekrutmen.local`);
  const trainer = await account(db, `pelatih@${agency.code}.rekrutmen.local`);
  const employee = await employeeOfAccount(db, { agencyId: agency.id, accountId: pegawai.id });
  if (!employee?.unitId) return;

  const today = calendarDateInZone(now, 'Asia/Jakarta');
  const [year, month] = today.split('-').map(Number) as [number, number];
  const period = await createPeriod(db, { agencyId: agency.id, actorId: admin.id, data: { kind: 'triwulan', year, quarter: Math.floor((month - 1) / 3) + 1 } });
  await updatePeriod(db, { agencyId: agency.id, periodId: period.id, actorId: admin.id, changes: { organisationRating: 'baik' } });

  const planId = await startPlan(db, { agencyId: agency.id, periodId: period.id, accountId: pegawai.id });
  const ref = { agencyId: agency.id, planId };
  await savePlanItems(db, {
    ...ref,
    accountId: pegawai.id,
    body: {
      items: [
        { title: 'Pelayanan perekaman KTP elektronik di loket', indicators: [{ name: 'Warga yang dilayani', target: 600, unit: 'orang' }] },
        { title: 'Rekap harian antrean dan pengaduan loket', indicators: [{ name: 'Rekap terkirim ke kepala bidang', target: 60, unit: 'rekap' }] },
      ],
    },
  });
  await movePlan(db, { ...ref, action: 'submit', actorId: pegawai.id });
  await movePlan(db, { ...ref, action: 'agree', actorId: boss.id });
  const plan = await findPlan(db, ref);
  const indicators = await db.select().from(evaluationIndicators).where(eq(evaluationIndicators.planId, plan.id));
  await saveRealisation(db, {
    ...ref,
    accountId: pegawai.id,
    body: { indicators: indicators.map((i, n) => ({ indicatorId: i.id, realised: n === 0 ? 410 : 38, note: n === 0 ? 'Perangkat perekaman rusak dua pekan.' : 'Rekap beberapa hari tidak terkirim.' })) },
  });
  await addNote(db, { ...ref, accountId: boss.id, authorName: boss.name, authorRole: 'atasan', body: 'Antrean loket perekaman sering menumpuk; mari bahas cara mengatur nomor antrean.' });

  await createDeskLink(deps, { agencyId: agency.id, actorId: admin.id, unitId: employee.unitId, label: 'Loket Perekaman KTP-el' });

  // A class of the public service programme running now, for development proposals.
  const [programme] = await db.select().from(trainingProgrammes).where(and(eq(trainingProgrammes.agencyId, agency.id), eq(trainingProgrammes.code, 'PP')));
  if (programme) {
    const session = await createSession(db, { actorId: admin.id, agencyId: agency.id, programmeId: programme.id, data: { name: 'Kelas Pengembangan Pelayanan', trainerAccountId: trainer.id, venue: 'Aula BKPSDM', onlineUrl: '', capacity: 25 } });
    const start = new Date(now.getTime() - 2 * 3600_000);
    await addMeeting(db, { actorId: admin.id, agencyId: agency.id, sessionId: session.id, data: { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(), topic: 'Standar pelayanan dan pengelolaan antrean' } });
  }
}
