// Demo quality of hire in BKPSDM Kota Sawahlunto, told through the modules' own services: the final
// list of the CPNS 2025 round (server/seed/results-demo.ts) is appointed as employees on the first
// of the month after the post-objection list, under the demo supervisor; three of them complete a
// Latsar class; and the latest evaluation quarter that has ended (it starts after the appointment)
// has their plans agreed, rated by the supervisor (Sangat Baik, Baik, Butuh Perbaikan, within the
// bound of an organisation rated Baik) and finalised, so the dashboard has predikat to read.
// Idempotent: a round whose candidates are already employees is left alone.
import { and, eq } from 'drizzle-orm';
import { periodRange } from '../../core/evaluation.js';
import type { Rating } from '../../core/predikat.js';
import { calendarDateInZone } from '../../core/time.js';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { accounts } from '../modules/accounts/accounts.table.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { appointableCandidates, appointFromSelection } from '../modules/employees/appointments.service.js';
import { countEmployeesOfSelection, employeeOfAccount, setSupervisor } from '../modules/employees/employees.service.js';
import { createPeriod, finalisePeriod, movePlan, planDetail, ratePlan, saveRealisation, savePlanItems, startPlan, updatePeriod } from '../modules/evaluation/evaluation.service.js';
import { createUnit } from '../modules/organisation/organisation.service.js';
import { units } from '../modules/organisation/organisation.table.js';
import { publishedStage } from '../modules/results/results.service.js';
import { selections } from '../modules/selections/selections.table.js';
import { closeSession, enrol, recordAttendance, recordScores } from '../modules/training/enrolments.service.js';
import { addMeeting, createSession } from '../modules/training/training.service.js';
import { trainingProgrammes } from '../modules/training/training.table.js';
import { RESULTS_DEMO } from './results-demo.js';

const DAY = 86_400_000;
const ZONE = 'Asia/Jakarta';

export type QualityDemoDeps = { database: Database; config: Pick<Config, 'uploadDir' | 'publicUrl' | 'smtpUrl'> };

/** The organisation unit of each formasi's unit name (the formasi were published with names only). */
const PLACEMENT_UNITS: Record<string, { code: string; name: string }> = {
  'Dinas Komunikasi dan Informatika': { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
  'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia': { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
  'Rumah Sakit Umum Daerah Sawahlunto': { code: 'RSUD', name: 'Rumah Sakit Umum Daerah' },
};

/** Results and behaviour per appointee in final-list order: Sangat Baik, Baik, then Butuh Perbaikan twice (Baik or better stays within 70%). */
const RATINGS: Array<{ results: Rating; behaviour: Rating }> = [
  { results: 'di_atas', behaviour: 'di_atas' },
  { results: 'sesuai', behaviour: 'sesuai' },
  { results: 'di_bawah', behaviour: 'sesuai' },
  { results: 'di_bawah', behaviour: 'di_atas' },
];
/** Attendance at the four Latsar meetings (P present, A absent): the last does not complete (90% needed). */
const LATSAR_PRESENCE = ['PPPP', 'PPPP', 'PPPP', 'PAPA'];

const allValues = (rating: Rating) => ({
  'Berorientasi Pelayanan': rating,
  Akuntabel: rating,
  Kompeten: rating,
  Harmonis: rating,
  Loyal: rating,
  Adaptif: rating,
  Kolaboratif: rating,
});

/** The first day of the month after a date (YYYY-MM-DD). */
function firstOfNextMonth(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The latest calendar quarter that ended before `today` (YYYY-MM-DD). */
function lastEndedQuarter(today: string): { year: number; quarter: number } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const current = Math.floor((month - 1) / 3) + 1;
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

async function accountOf(db: Db, email: string) {
  const [row] = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.email, email));
  if (!row) throw new Error(`akun demo ${email} tidak ada`);
  return row;
}

/** Returns whether the story was told now (false: already there, or the demo it builds on is missing). */
export async function seedQualityDemo(deps: QualityDemoDeps, now = new Date()): Promise<boolean> {
  const db = deps.database.db;
  const [agency] = await db.select().from(agencies).where(eq(agencies.code, RESULTS_DEMO.agencyCode));
  if (!agency) return false;
  const [round] = await db.select().from(selections).where(and(eq(selections.agencyId, agency.id), eq(selections.name, RESULTS_DEMO.finishedRound)));
  if (!round) return false;
  if ((await countEmployeesOfSelection(db, { agencyId: agency.id, selectionId: round.id })) > 0) return false;
  const list = await publishedStage(db, { selectionId: round.id, list: 'akhir_pasca_sanggah' });
  if (!list) return false;

  const appointedAt = firstOfNextMonth(calendarDateInZone(list.publishedAt, ZONE));
  const today = calendarDateInZone(now, ZONE);
  const quarter = lastEndedQuarter(today);
  const range = periodRange({ kind: 'triwulan', ...quarter });
  if (appointedAt > range.startsOn || appointedAt > today) {
    throw new Error(`TMT ${appointedAt} jatuh setelah awal ${range.name}; data demo kualitas rekrutmen tidak dibuat (data demo hasil akhir dibuat dengan tanggal lama).`);
  }

  await db.transaction(async (tx) => {
    const admin = await accountOf(tx, `admin@${agency.code}.rekrutmen.local`);
    const boss = await accountOf(tx, `atasan@${agency.code}.rekrutmen.local`);
    const trainer = await accountOf(tx, `pelatih@${agency.code}.rekrutmen.local`);
    const supervisor = await employeeOfAccount(tx, { agencyId: agency.id, accountId: boss.id });
    if (!supervisor) throw new Error('atasan demo Kota Sawahlunto belum tercatat sebagai pegawai');
    const ref = { agencyId: agency.id, actorId: admin.id };

    // ---- Appointment of the final list, placed in the organisation's units ----
    const candidates = await appointableCandidates(tx, { agencyId: agency.id, selectionId: round.id });
    const placements = [];
    for (const candidate of candidates) {
      const unit = PLACEMENT_UNITS[candidate.unitName];
      if (!unit) throw new Error(`unit penempatan demo untuk ${candidate.unitName} tidak dikenal`);
      const [existing] = await tx.select({ id: units.id }).from(units).where(and(eq(units.agencyId, agency.id), eq(units.code, unit.code)));
      const unitId = existing?.id ?? (await createUnit(tx, { ...ref, data: unit })).id;
      placements.push({ applicationId: candidate.applicationId, unitId, positionId: null });
    }
    const appointed = await appointFromSelection(tx, { ...ref, selectionId: round.id, appointedAt, placements });
    const cohort = appointed.employees;
    for (const employee of cohort) await setSupervisor(tx, { ...ref, employeeId: employee.id, supervisorEmployeeId: supervisor.id });

    // ---- Latsar in the second month after appointment, closed: all but one complete ----
    const [latsar] = await tx.select({ id: trainingProgrammes.id }).from(trainingProgrammes).where(and(eq(trainingProgrammes.agencyId, agency.id), eq(trainingProgrammes.code, 'LATSAR')));
    if (latsar) {
      const session = await createSession(tx, { ...ref, programmeId: latsar.id, data: { name: 'Angkatan CPNS 2025', trainerAccountId: trainer.id, venue: 'BPSDM Provinsi Sumatera Barat', onlineUrl: '', capacity: 40 } });
      const start = Date.parse(`${appointedAt}T08:00:00+07:00`) + 35 * DAY;
      const meetings = [];
      for (const [i, topic] of ['Sikap perilaku bela negara', 'Nilai dasar BerAKHLAK', 'Smart ASN', 'Seminar aktualisasi'].entries()) {
        const startsAt = new Date(start + [0, 1, 14, 28][i]! * DAY);
        meetings.push(await addMeeting(tx, { ...ref, sessionId: session.id, data: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 6 * 3600_000).toISOString(), topic } }));
      }
      const enrolments = [];
      for (const employee of cohort) enrolments.push(await enrol(tx, { ...ref, data: { programmeId: latsar.id, sessionId: session.id, employeeId: employee.id, reason: 'CPNS dalam masa percobaan' }, now }));
      for (const [m, meeting] of meetings.entries()) {
        await recordAttendance(tx, {
          agencyId: agency.id,
          actorId: trainer.id,
          sessionId: session.id,
          meetingId: meeting.id,
          entries: enrolments.map((e, i) => ({ enrolmentId: e.id, status: LATSAR_PRESENCE[i % LATSAR_PRESENCE.length]![m] === 'P' ? ('present' as const) : ('absent' as const) })),
          now,
        });
      }
      await recordScores(tx, { agencyId: agency.id, actorId: trainer.id, sessionId: session.id, entries: enrolments.map((e, i) => ({ enrolmentId: e.id, preTest: 55 + i * 4, postTest: 78 + (i % 3) * 5 })) });
      await closeSession(tx, { agencyId: agency.id, actorId: trainer.id, sessionId: session.id, now: new Date(start + 29 * DAY) });
    }

    // ---- The ended quarter: plans agreed, realised, rated by the supervisor, finalised ----
    const period = await createPeriod(tx, { ...ref, data: { kind: 'triwulan', year: quarter.year, quarter: quarter.quarter } });
    await updatePeriod(tx, { ...ref, periodId: period.id, changes: { organisationRating: 'baik' } });
    for (const [i, employee] of cohort.entries()) {
      const accountId = employee.accountId!;
      const planId = await startPlan(tx, { agencyId: agency.id, periodId: period.id, accountId });
      await savePlanItems(tx, {
        agencyId: agency.id,
        planId,
        accountId,
        body: {
          items: [
            { title: `Layanan ${employee.unitName ?? 'unit kerja'} diselesaikan sesuai standar pelayanan`, indicators: [{ name: 'Permohonan layanan yang diselesaikan tepat waktu', target: 90, unit: 'persen' }] },
            { title: 'Laporan kegiatan bulanan disampaikan kepada atasan', indicators: [{ name: 'Laporan bulanan yang disampaikan', target: 3, unit: 'laporan' }] },
          ],
        },
      });
      await movePlan(tx, { agencyId: agency.id, planId, action: 'submit', actorId: accountId });
      await movePlan(tx, { agencyId: agency.id, planId, action: 'agree', actorId: boss.id });
      const rating = RATINGS[i % RATINGS.length]!;
      const detail = await planDetail(tx, { agencyId: agency.id, planId, viewer: { accountId, role: 'pegawai' } });
      const share = rating.results === 'di_atas' ? 1.05 : rating.results === 'sesuai' ? 0.95 : 0.6;
      const indicators = detail.items.flatMap((item) => item.indicators);
      await saveRealisation(tx, { agencyId: agency.id, planId, accountId, body: { indicators: indicators.map((ind) => ({ indicatorId: ind.id, realised: Math.round(ind.target * share), note: '' })) } });
      await ratePlan(tx, {
        agencyId: agency.id,
        planId,
        accountId: boss.id,
        raterName: boss.name,
        body: { items: detail.items.map((item) => ({ itemId: item.id, rating: rating.results })), resultsRating: rating.results, behaviours: allValues(rating.behaviour), behaviourRating: rating.behaviour, note: '' },
      });
    }
    await finalisePeriod(tx, { ...ref, periodId: period.id, now });
  });
  return true;
}
