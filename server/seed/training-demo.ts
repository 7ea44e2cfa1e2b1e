// Demo employees and training, per demo agency, told through the modules' own services:
//   - a head of the public service division (the demo "atasan") and eight staff in the IKM demo's
//     service units, one retired last year (for retention), and the demo "pegawai", a new CPNS in
//     probation whose new-ASN survey is waiting;
//   - the catalogue: basic training for new CPNS (Latsar), information technology, public
//     management, public service, ethics, and seed 002's briefing for candidates;
//   - a public service class held last month by the demo "pelatih" (attendance, scores, closed:
//     who completed and who did not, certificates, reaction surveys), a Latsar class running now
//     with the demo pegawai in it, an IT class next month, a request waiting for the supervisor and
//     a development assignment waiting for a class.
import { and, eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { accounts } from '../modules/accounts/accounts.table.js';
import { createEmployee, endEmployment, linkEmployeeAccount, setSupervisor } from '../modules/employees/employees.service.js';
import { units } from '../modules/organisation/organisation.table.js';
import { closeSession, enrol, recordAttendance, recordScores, requestTraining } from '../modules/training/enrolments.service.js';
import { submitReaction } from '../modules/training/surveys.service.js';
import { addMeeting, createProgramme, createSession } from '../modules/training/training.service.js';
import { trainingProgrammes } from '../modules/training/training.table.js';

const DAY = 24 * 3600 * 1000;

export type TrainingDemoDeps = { db: Db; config: Config };

const PROGRAMMES = [
  {
    key: 'latsar',
    code: 'LATSAR',
    name: 'Pelatihan Dasar CPNS (Latsar)',
    description: 'Pembentukan nilai dasar ASN BerAKHLAK, wawasan kebangsaan dan kedudukan ASN dalam NKRI, dengan aktualisasi di unit kerja. Wajib bagi CPNS dalam masa percobaan.',
    competencies: ['Wawasan kebangsaan', 'Etika dan integritas', 'Pelayanan publik'],
    hours: 240,
    minAttendancePercent: 90,
    minPostTest: 70,
    isBasic: true,
  },
  { key: 'ti', code: 'TI', name: 'Teknologi Informasi untuk ASN', description: 'Layanan digital, keamanan data dan aplikasi perkantoran untuk pekerjaan sehari-hari.', competencies: ['Teknologi informasi'], hours: 40, minAttendancePercent: 80, minPostTest: 70 },
  { key: 'mp', code: 'MP', name: 'Manajemen Publik', description: 'Perencanaan kinerja, pengelolaan anggaran dan evaluasi program perangkat daerah.', competencies: ['Manajemen publik'], hours: 40, minAttendancePercent: 80, minPostTest: 70 },
  { key: 'pp', code: 'PP', name: 'Pelayanan Publik Prima', description: 'Standar pelayanan, pengelolaan antrean dan pengaduan, serta komunikasi dengan warga.', competencies: ['Pelayanan publik'], hours: 32, minAttendancePercent: 75, minPostTest: 65 },
  { key: 'etika', code: 'ETIKA', name: 'Etika dan Integritas ASN', description: 'Kode etik, konflik kepentingan, gratifikasi dan budaya antikorupsi.', competencies: ['Etika dan integritas'], hours: 24, minAttendancePercent: 75, minPostTest: null },
  {
    key: 'calon',
    code: 'CALON',
    name: 'Pembekalan Etika Kerja dan Pelayanan Publik bagi Calon ASN',
    description: 'Pembekalan bagi peserta seleksi sebelum tahap akhir: etika kerja, pelayanan publik dan keterampilan teknis dasar.',
    competencies: ['Etika dan integritas', 'Pelayanan publik'],
    hours: 16,
    minAttendancePercent: 75,
    minPostTest: null,
    audience: 'candidate' as const,
  },
] as const;

// NIP: birth date, TMT CPNS (year and month), sex, serial.
const STAFF = [
  { name: 'Siti Rahmawati, S.Sos.', nip: '198806122012032001', type: 'pns', unit: 'DUKCAPIL', appointedAt: '2012-03-01' },
  { name: 'Andi Pratama, S.Kom.', nip: '199104082015031002', type: 'pns', unit: 'DUKCAPIL', appointedAt: '2015-03-01' },
  { name: 'Rina Marlina, A.Md.', nip: '199309222019022003', type: 'pns', unit: 'DUKCAPIL', appointedAt: '2019-02-01' },
  { name: 'Yusuf Hidayat, S.E.', nip: '198512012010011004', type: 'pns', unit: 'DPMPTSP', appointedAt: '2010-01-01' },
  { name: 'Dewi Anggraini, S.H.', nip: '199011172014022001', type: 'pns', unit: 'DPMPTSP', appointedAt: '2014-02-01' },
  { name: 'Fajar Nugroho, S.Kep.', nip: '199507302023211005', type: 'pppk', unit: 'RSUD', appointedAt: '2023-11-01' },
  { name: 'Lestari Wulandari, A.Md.Kep.', nip: '199602142023212006', type: 'pppk', unit: 'RSUD', appointedAt: '2023-11-01' },
  { name: 'Hendra Saputra', nip: '196403101986031001', type: 'pns', unit: 'BKPSDM', appointedAt: '1986-03-01', retired: true },
] as const;

type Ctx = TrainingDemoDeps & { agencyId: string; agencyCode: string; adminId: string; now: Date };

async function accountId(db: Db, email: string) {
  const [row] = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.email, email));
  if (!row) throw new Error(`akun demo ${email} tidak ada`);
  return row;
}

async function unitId(db: Db, agencyId: string, code: string) {
  const [row] = await db.select({ id: units.id }).from(units).where(and(eq(units.agencyId, agencyId), eq(units.code, code)));
  if (!row) throw new Error(`unit demo ${code} tidak ada`);
  return row.id;
}

/** A date `days` from now as YYYY-MM-DD. */
const dateFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
/** 08:00 WIB `days` from now. */
const morning = (now: Date, days: number) => new Date(`${dateFrom(now, days)}T08:00:00+07:00`);

async function meetings(ctx: Ctx, sessionId: string, days: number[], topics: string[]) {
  const out = [];
  for (const [i, day] of days.entries()) {
    const startsAt = morning(ctx.now, day);
    out.push(await addMeeting(ctx.db, { actorId: ctx.adminId, agencyId: ctx.agencyId, sessionId, data: { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 4 * 3600_000).toISOString(), topic: topics[i] ?? '' } }));
  }
  return out;
}

/** Idempotent per agency: an agency that already has a training catalogue is left alone. */
export async function seedTrainingDemo(deps: TrainingDemoDeps, agency: { id: string; code: string }, now = new Date()) {
  const [existing] = await deps.db.select({ id: trainingProgrammes.id }).from(trainingProgrammes).where(eq(trainingProgrammes.agencyId, agency.id)).limit(1);
  if (existing) return;
  await deps.db.transaction(async (tx) => {
    const admin = await accountId(tx, `admin@${agency.code}.rekrutmen.local`);
    await tell({ ...deps, db: tx, agencyId: agency.id, agencyCode: agency.code, adminId: admin.id, now }, admin.name);
  });
}

async function tell(ctx: Ctx, adminName: string) {
  const { db, agencyId, adminId, now } = ctx;
  const boss = await accountId(db, `atasan@${ctx.agencyCode}.rekrutmen.local`);
  const pegawai = await accountId(db, `pegawai@${ctx.agencyCode}.rekrutmen.local`);
  const trainer = await accountId(db, `pelatih@${ctx.agencyCode}.rekrutmen.local`);

  // ---- Employees ----
  const head = await createEmployee(db, {
    actorId: adminId,
    agencyId,
    data: { name: boss.name, nip: '197905152005011003', employmentType: 'pns', unitId: await unitId(db, agencyId, 'DUKCAPIL'), positionId: null, appointedAt: '2005-01-01', probationEndsAt: null },
  });
  await linkEmployeeAccount({ db, config: ctx.config, actorId: adminId, actorName: adminName, agencyId, employeeId: head.id, email: `atasan@${ctx.agencyCode}.rekrutmen.local` });
  const staff = [];
  for (const person of STAFF) {
    const row = await createEmployee(db, {
      actorId: adminId,
      agencyId,
      data: { name: person.name, nip: person.nip, employmentType: person.type, unitId: await unitId(db, agencyId, person.unit), positionId: null, appointedAt: person.appointedAt, probationEndsAt: null },
    });
    if ('retired' in person) await endEmployment(db, { actorId: adminId, agencyId, employeeId: row.id, data: { endedAt: dateFrom(now, -200), endReason: 'pensiun', note: 'Batas usia pensiun' } });
    else await setSupervisor(db, { actorId: adminId, agencyId, employeeId: row.id, supervisorEmployeeId: head.id });
    staff.push(row);
  }
  const newcomer = await createEmployee(db, {
    actorId: adminId,
    agencyId,
    data: { name: pegawai.name, nip: null, employmentType: 'cpns', unitId: await unitId(db, agencyId, 'DUKCAPIL'), positionId: null, appointedAt: dateFrom(now, -90), probationEndsAt: null },
  });
  await setSupervisor(db, { actorId: adminId, agencyId, employeeId: newcomer.id, supervisorEmployeeId: head.id });
  await linkEmployeeAccount({ db, config: ctx.config, actorId: adminId, actorName: adminName, agencyId, employeeId: newcomer.id, email: `pegawai@${ctx.agencyCode}.rekrutmen.local` });
  const secondCpns = await createEmployee(db, {
    actorId: adminId,
    agencyId,
    data: { name: 'Nadia Putri, S.Psi.', nip: null, employmentType: 'cpns', unitId: await unitId(db, agencyId, 'BKPSDM'), positionId: null, appointedAt: dateFrom(now, -90), probationEndsAt: null },
  });

  // ---- Catalogue ----
  const programmes = new Map<string, string>();
  for (const p of PROGRAMMES) {
    const { key, competencies, ...data } = p;
    const row = await createProgramme(db, { actorId: adminId, agencyId, data: { audience: 'employee', isBasic: false, active: true, ...data, competencies: [...competencies] } });
    programmes.set(key, row.id);
  }

  // ---- Public service class held last month, closed ----
  const pp = await createSession(db, { actorId: adminId, agencyId, programmeId: programmes.get('pp')!, data: { name: 'Angkatan I', trainerAccountId: trainer.id, venue: 'Aula BKPSDM, lantai 2', onlineUrl: '', capacity: 25 } });
  const ppMeetings = await meetings(ctx, pp.id, [-34, -33, -27, -26], ['Standar pelayanan dan maklumat', 'Mengelola antrean dan waktu tunggu', 'Menangani pengaduan warga', 'Praktik pelayanan dan evaluasi']);
  const inClass = staff.slice(0, 6);
  const enrolments = [];
  for (const employee of inClass) {
    enrolments.push(await enrol(db, { agencyId, actorId: adminId, data: { programmeId: programmes.get('pp')!, sessionId: pp.id, employeeId: employee.id, reason: 'Peningkatan kualitas layanan loket' }, now }));
  }
  // Attendance per meeting (P present, A absent, E excused) and scores: two do not complete.
  const presence = ['PPPP', 'PPPA', 'PPPP', 'PAEA', 'PPPP', 'PPAP'];
  for (const [m, meeting] of ppMeetings.entries()) {
    await recordAttendance(db, {
      actorId: trainer.id,
      agencyId,
      sessionId: pp.id,
      meetingId: meeting.id,
      entries: enrolments.map((e, i) => ({ enrolmentId: e.id, status: presence[i]![m] === 'P' ? 'present' : presence[i]![m] === 'E' ? 'excused' : 'absent' })),
      now,
    });
  }
  const scores: Array<[number, number]> = [
    [55, 82],
    [60, 78.5],
    [48, 71],
    [52, 80],
    [65, 60],
    [58, 86],
  ];
  await recordScores(db, { actorId: trainer.id, agencyId, sessionId: pp.id, entries: enrolments.map((e, i) => ({ enrolmentId: e.id, preTest: scores[i]![0], postTest: scores[i]![1] })) });
  await closeSession(db, { actorId: trainer.id, agencyId, sessionId: pp.id, now: morning(now, -25) });
  const reactions = [
    [5, 4, 4, 3, 5, 'Praktik menangani pengaduan sangat membantu.'],
    [4, 5, 4, 3, 4, 'Ruang pelatihan kurang sejuk.'],
    [4, 4, 3, 2, 4, ''],
    [5, 5, 5, 4, 5, 'Mohon ada kelas lanjutan.'],
  ] as const;
  // Those who answered the survey have accounts (invited by email; the invitations wait in the outbox).
  for (const [i, r] of reactions.entries()) {
    const employee = inClass[i]!;
    const email = `${employee.name.split(',')[0]!.toLowerCase().replace(/[^a-z]+/g, '.')}@${ctx.agencyCode}.rekrutmen.local`;
    const linked = await linkEmployeeAccount({ db, config: ctx.config, actorId: adminId, actorName: adminName, agencyId, employeeId: employee.id, email });
    await submitReaction(db, { agencyId, enrolmentId: enrolments[i]!.id, accountId: linked.accountId!, answers: { relevance: r[0], trainer: r[1], method: r[2], facility: r[3], overall: r[4] }, comment: r[5], now });
  }

  // ---- Latsar running now, with the demo pegawai ----
  const latsar = await createSession(db, { actorId: adminId, agencyId, programmeId: programmes.get('latsar')!, data: { name: 'Angkatan I', trainerAccountId: trainer.id, venue: 'BPSDM Provinsi', onlineUrl: 'https://belajar.example.go.id/latsar', capacity: 40 } });
  const latsarMeetings = await meetings(ctx, latsar.id, [-10, -9, -3, 4, 11, 18], ['Sikap perilaku bela negara', 'Nilai dasar BerAKHLAK', 'Smart ASN', 'Manajemen ASN', 'Aktualisasi di unit kerja', 'Seminar aktualisasi']);
  const latsarPeople = [];
  for (const employee of [newcomer, secondCpns]) {
    latsarPeople.push(await enrol(db, { agencyId, actorId: adminId, data: { programmeId: programmes.get('latsar')!, sessionId: latsar.id, employeeId: employee.id, reason: 'CPNS dalam masa percobaan' }, now }));
  }
  for (const meeting of latsarMeetings.filter((m) => Date.parse(m.startsAt) <= now.getTime())) {
    await recordAttendance(db, { actorId: trainer.id, agencyId, sessionId: latsar.id, meetingId: meeting.id, entries: latsarPeople.map((e) => ({ enrolmentId: e.id, status: 'present' as const })), now });
  }
  await recordScores(db, { actorId: trainer.id, agencyId, sessionId: latsar.id, entries: latsarPeople.map((e, i) => ({ enrolmentId: e.id, preTest: 58 + i * 6, postTest: null })) });

  // ---- IT class next month, a request for the supervisor, a development assignment waiting ----
  const ti = await createSession(db, { actorId: adminId, agencyId, programmeId: programmes.get('ti')!, data: { name: 'Angkatan I', trainerAccountId: trainer.id, venue: 'Laboratorium Diskominfo', onlineUrl: '', capacity: 20 } });
  await meetings(ctx, ti.id, [30, 31, 37, 38], ['Layanan digital pemerintah', 'Keamanan data pribadi', 'Aplikasi perkantoran', 'Praktik dan ujian']);
  await enrol(db, { agencyId, actorId: adminId, data: { programmeId: programmes.get('ti')!, sessionId: ti.id, employeeId: staff[3]!.id, reason: 'Digitalisasi perizinan' }, now });
  await requestTraining(db, { agencyId, accountId: pegawai.id, programmeId: programmes.get('ti')!, sessionId: ti.id, reason: 'Saya menangani data kependudukan dan perlu memahami keamanan data.' });
  await enrol(db, { agencyId, actorId: boss.id, data: { programmeId: programmes.get('etika')!, sessionId: null, employeeId: staff[2]!.id, reason: 'Pembinaan sikap pelayanan setelah pengaduan warga' }, now });
}
