// The demo story of BKPSDM Kota Manna, told through the modules' own services (their rules, their
// audit records) with the clock set back where the story happened in the past:
//   - workload analysis (ABK) of four units;
//   - a CPNS round that closed registration ~8 weeks ago: 14 applications verified, the
//     administrative result announced, two objections answered (one accepted), the post-objection
//     result announced, an SKD bank and blueprint, a CAT session held last week with its scores on
//     the public board, and a session later today for the demo applicant (the proctor can open it);
//   - a PPPK round open now: 8 submitted applications in the verifier's queue (two already MS, one
//     claimed, a pair flagged as likely duplicates) and the demo applicant's draft with half its documents;
//   - a general announcement with a PDF; an outreach seminar coming up (full, with a waiting list)
//     and a past workshop with attendance and material.
// Only the CAT attempts of the past session are written directly (answers as the exam would have
// stored them); their scores come from the real scoring.
import { Readable } from 'node:stream';
import { and, eq, like } from 'drizzle-orm';
import type { EducationLevel } from '../../core/planning.js';
import { seededRandom } from '../../core/seeded-random.js';
import { formatInZone } from '../../core/time.js';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { accountRoles, accounts } from '../modules/accounts/accounts.table.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { attachAnnouncementFile, createAnnouncement, publishAnnouncement } from '../modules/announcements/announcements.service.js';
import { saveProfile } from '../modules/applicants/applicants.service.js';
import { uploadDocument } from '../modules/applications/application-documents.service.js';
import { createDraft, submitApplication } from '../modules/applications/applications.service.js';
import { catAnswers, catAttempts, catPaperItems, catQuestions, catSessions } from '../modules/cat/cat.table.js';
import { changeQuestionStatus, createBank, createQuestion, getBank } from '../modules/cat-banks/cat-banks.service.js';
import { createBlueprint } from '../modules/cat-blueprints/cat-blueprints.service.js';
import { scoreFinishedAttempts } from '../modules/cat-exam/scoring.js';
import type { LiveHub } from '../modules/cat-exam/live.js';
import { createRoom, createSession, createVenue, moveParticipant, runAllocation } from '../modules/cat-sessions/cat-sessions.service.js';
import { createFormasiFromAbk } from '../modules/formasi/formasi.service.js';
import { createPosition, createTask, createUnit } from '../modules/organisation/organisation.service.js';
import { units as unitsTable } from '../modules/organisation/organisation.table.js';
import { addMaterial, checkIn, createEvent, publishEvent, register } from '../modules/outreach/outreach.service.js';
import { outreachRegistrations } from '../modules/outreach/outreach.table.js';
import { answerSanggah, fileSanggah } from '../modules/sanggah/sanggah.service.js';
import { publishAdministrativeResult, publishPostObjectionResult } from '../modules/sanggah/results.service.js';
import { createSelection, publishSelection } from '../modules/selections/selections.service.js';
import { selections } from '../modules/selections/selections.table.js';
import type { SessionAccount } from '../modules/sessions/sessions.store.js';
import { claimApplication, decideApplication, requirementsOf, saveChecks } from '../modules/verification/verification.service.js';
import { loadApplication } from '../modules/verification/verification.repo.js';
import { ensureReasons } from '../modules/verification/reasons.service.js';
import { demoJpeg, demoPdf } from './demo-documents.js';
import { CPNS_APPLICANTS, demoNik, demoPhone, PPPK_APPLICANTS, type DemoApplicant } from './demo-people.js';
import { demoSkdQuestions } from './demo-questions.js';

export type StoryDeps = { db: Db; database: Database; config: Config; passwordHash: () => Promise<string> };

const DAY = 24 * 3600 * 1000;
const ZONE = 'Asia/Jakarta';

/** Nobody watches the board while the seed runs (the server is not listening yet). */
const quietHub: LiveHub = { notifiesInTransaction: false, publishCommitted: async () => undefined, subscribe: () => () => undefined, close: async () => undefined };

/** The local date (YYYY-MM-DD, WIB) `days` from `base`. */
function localDate(base: Date, days: number): string {
  return new Date(base.getTime() + days * DAY).toLocaleDateString('en-CA', { timeZone: ZONE });
}

/** `days` from `base` at hh:mm WIB. */
function localTime(base: Date, days: number, hour: number, minute = 0): Date {
  return new Date(`${localDate(base, days)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`);
}

async function actorOf(db: Db, email: string): Promise<SessionAccount> {
  const [account] = await db.select().from(accounts).where(eq(accounts.email, email));
  if (!account) throw new Error(`akun demo ${email} tidak ada`);
  const roles = await db
    .select({ role: accountRoles.role, agencyId: accountRoles.agencyId, agencyName: agencies.name })
    .from(accountRoles)
    .leftJoin(agencies, eq(agencies.id, accountRoles.agencyId))
    .where(eq(accountRoles.accountId, account.id));
  return { sessionId: 'seed', accountId: account.id, email: account.email, name: account.name, emailVerified: true, roles: roles.map((r) => ({ ...r, role: r.role as SessionAccount['roles'][number]['role'] })) };
}

async function applicantAccount(deps: StoryDeps, person: DemoApplicant, email: string): Promise<string> {
  const [existing] = await deps.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  if (existing) return existing.id;
  const [row] = await deps.db
    .insert(accounts)
    .values({ email, name: person.name, passwordHash: await deps.passwordHash(), emailVerifiedAt: new Date() })
    .returning({ id: accounts.id });
  await deps.db.insert(accountRoles).values({ accountId: row!.id, role: 'pelamar', agencyId: null }).onConflictDoNothing();
  return row!.id;
}

const DOCUMENT_TITLES: Record<string, string> = {
  ijazah: 'IJAZAH',
  transkrip: 'TRANSKRIP AKADEMIK',
  surat_lamaran: 'SURAT LAMARAN',
  surat_pernyataan: 'SURAT PERNYATAAN',
};

async function uploadDocuments(deps: StoryDeps, options: { accountId: string; applicationId: string; person: DemoApplicant; keys: readonly string[] }) {
  const { person } = options;
  for (const key of options.keys) {
    const isPhoto = key === 'ktp' || key === 'pas_foto' || key === 'swafoto';
    const content = isPhoto
      ? await demoJpeg(`${person.key}-${key}`)
      : await demoPdf([
          `${DOCUMENT_TITLES[key] ?? key.toUpperCase()}`,
          `Nama: ${person.name}`,
          `Tempat, tanggal lahir: ${person.birthPlace}, ${person.birthDate}`,
          `Pendidikan: ${person.education.level} ${person.education.programme}, ${person.education.institution} (${person.education.year})`,
          `IPK: ${person.education.gpa.toFixed(2)}`,
        ]);
    await uploadDocument({ db: deps.db, uploadDir: deps.config.uploadDir, accountId: options.accountId, applicationId: options.applicationId, key, stream: Readable.from(content), fileName: `${key}.${isPhoto ? 'jpg' : 'pdf'}` });
  }
}

type Applied = { person: DemoApplicant; accountId: string; applicationId: string };

async function apply(deps: StoryDeps, options: { person: DemoApplicant; accountId: string; formasiId: string; serial: number; at: Date; submit: boolean; documentKeys: readonly string[] }): Promise<Applied> {
  const { person, accountId, at } = options;
  await saveProfile(deps.db, {
    accountId,
    now: at,
    data: {
      nik: demoNik(person.birthDate, person.sex, options.serial),
      name: person.name,
      birthPlace: person.birthPlace,
      birthDate: person.birthDate,
      sex: person.sex,
      address: `Jl. Affan Bachsan No. ${10 + options.serial}, Manna, Bengkulu Selatan`,
      phone: person.phone ?? demoPhone(options.serial),
      education: [{ ...person.education, diplomaNumber: `${person.education.level}-${person.education.year}-${String(options.serial).padStart(5, '0')}` }],
      disability: '',
      claims: {},
    },
  });
  const { application: draft } = await createDraft(deps.db, { accountId, formasiId: options.formasiId, now: at });
  await uploadDocuments(deps, { accountId, applicationId: draft.id, person, keys: options.documentKeys });
  if (options.submit) await submitApplication(deps.db, { accountId, applicationId: draft.id, now: new Date(at.getTime() + 20 * 60_000) });
  return { person, accountId, applicationId: draft.id };
}

async function verify(deps: StoryDeps, options: { agencyId: string; verifierId: string; applicationId: string; at: Date; tms?: { key: string; reason: string; text: string } }) {
  const { agencyId, verifierId, applicationId, at } = options;
  await claimApplication(deps.db, { agencyId, applicationId, actorId: verifierId, now: at });
  const loaded = await loadApplication(deps.db, { agencyId, applicationId });
  const requirements = await requirementsOf(deps.db, loaded!);
  const checks = requirements.map((requirement) =>
    options.tms?.key === requirement.key
      ? { requirementKey: requirement.key, result: 'TMS' as const, reasonCode: options.tms.reason, reasonText: options.tms.text }
      : { requirementKey: requirement.key, result: 'MS' as const, reasonCode: null, reasonText: '' },
  );
  await saveChecks(deps.db, { agencyId, applicationId, actorId: verifierId, checks, now: new Date(at.getTime() + 5 * 60_000) });
  await decideApplication(deps.db, { agencyId, applicationId, actorId: verifierId, decision: options.tms ? 'tms' : 'ms', now: new Date(at.getTime() + 6 * 60_000) });
}

const ALL_DOCUMENTS = ['ktp', 'ijazah', 'transkrip', 'pas_foto', 'swafoto', 'surat_lamaran', 'surat_pernyataan'] as const;

/** Units, positions and their tasks; returns the position ids by key. */
async function seedPlanning(deps: StoryDeps, agencyId: string, actorId: string) {
  const units = [
    { key: 'kominfo', code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
    { key: 'bkpsdm', code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
    { key: 'dinkes', code: 'DINKES', name: 'Dinas Kesehatan' },
    { key: 'disdik', code: 'DISDIK', name: 'Dinas Pendidikan dan Kebudayaan' },
  ];
  const unitIds = new Map<string, string>();
  for (const unit of units) {
    // A unit the IKM demo already made (BKPSDM) is the same unit.
    const [existing] = await deps.db.select({ id: unitsTable.id }).from(unitsTable).where(and(eq(unitsTable.agencyId, agencyId), eq(unitsTable.code, unit.code)));
    unitIds.set(unit.key, existing?.id ?? (await createUnit(deps.db, { actorId, agencyId, data: { code: unit.code, name: unit.name } })).id);
  }
  const positions = [
    {
      key: 'pranata', unit: 'kominfo', code: 'PK-AP', name: 'Pranata Komputer Ahli Pertama', jenis: 'fungsional' as const, bezetting: 2, retiring: 1,
      tasks: [
        { name: 'Memelihara jaringan dan perangkat server perangkat daerah', outputUnit: 'laporan', volumePerYear: 240, normMinutes: 180 },
        { name: 'Mengembangkan aplikasi layanan publik', outputUnit: 'modul aplikasi', volumePerYear: 12, normMinutes: 9600 },
        { name: 'Menyusun laporan keamanan informasi', outputUnit: 'laporan', volumePerYear: 52, normMinutes: 600 },
      ],
    },
    {
      key: 'kepegawaian', unit: 'bkpsdm', code: 'AK-AP', name: 'Analis Kepegawaian Ahli Pertama', jenis: 'fungsional' as const, bezetting: 3, retiring: 1,
      tasks: [
        { name: 'Memverifikasi usul kenaikan pangkat', outputUnit: 'berkas', volumePerYear: 900, normMinutes: 90 },
        { name: 'Menyusun analisis jabatan dan ABK perangkat daerah', outputUnit: 'dokumen', volumePerYear: 40, normMinutes: 2400 },
        { name: 'Mengelola data SIASN perangkat daerah', outputUnit: 'pemutakhiran', volumePerYear: 1200, normMinutes: 45 },
      ],
    },
    {
      key: 'perawat', unit: 'dinkes', code: 'PRW-T', name: 'Perawat Terampil', jenis: 'fungsional' as const, bezetting: 14, retiring: 2,
      tasks: [
        { name: 'Melakukan asuhan keperawatan dasar di puskesmas', outputUnit: 'pasien', volumePerYear: 9800, normMinutes: 90 },
        { name: 'Melakukan kunjungan rumah (perawatan kesehatan masyarakat)', outputUnit: 'kunjungan', volumePerYear: 2400, normMinutes: 120 },
      ],
    },
    {
      key: 'guru', unit: 'disdik', code: 'GR-MTK', name: 'Guru Ahli Pertama — Matematika', jenis: 'fungsional' as const, bezetting: 18, retiring: 3,
      tasks: [{ name: 'Mengajar dan menilai pembelajaran matematika', outputUnit: 'jam pelajaran', volumePerYear: 20_000, normMinutes: 80 }],
    },
    {
      key: 'arsiparis', unit: 'bkpsdm', code: 'ARS-T', name: 'Arsiparis Terampil', jenis: 'fungsional' as const, bezetting: 2, retiring: 0,
      tasks: [{ name: 'Menata arsip dinamis kepegawaian', outputUnit: 'berkas', volumePerYear: 4000, normMinutes: 30 }],
    },
  ];
  const positionIds = new Map<string, string>();
  for (const position of positions) {
    const row = await createPosition(deps.db, {
      actorId,
      agencyId,
      data: { unitId: unitIds.get(position.unit)!, code: position.code, name: position.name, jenis: position.jenis, bezetting: position.bezetting, retiring: position.retiring },
    });
    positionIds.set(position.key, row.id);
    for (const [index, task] of position.tasks.entries()) {
      await createTask(deps.db, { actorId, agencyId, positionId: row.id, data: { ...task, sortOrder: index } });
    }
  }
  return positionIds;
}

type Qualification = { level: EducationLevel; programmes: string[] };

async function formasiFor(deps: StoryDeps, options: { agencyId: string; selectionId: string; actorId: string; positionId: string; count?: number; qualifications: Qualification[]; extra?: string }) {
  const row = await createFormasiFromAbk(deps.db, {
    agencyId: options.agencyId,
    selectionId: options.selectionId,
    actorId: options.actorId,
    data: {
      positionId: options.positionId,
      ...(options.count ? { count: options.count } : {}),
      qualifications: options.qualifications,
      kind: 'umum',
      minAge: 18,
      maxAge: 35,
      extraRequirements: options.extra ?? '',
    },
  });
  return row.id;
}

const QUALIFICATIONS: Record<string, Qualification[]> = {
  pranata: [{ level: 'S1', programmes: ['Informatika', 'Teknik Informatika', 'Sistem Informasi'] }],
  kepegawaian: [{ level: 'S1', programmes: ['Psikologi', 'Manajemen Sumber Daya Manusia', 'Administrasi Negara', 'Hukum'] }],
  perawat: [{ level: 'D3', programmes: ['Keperawatan'] }],
  guru: [{ level: 'S1', programmes: ['Pendidikan Matematika'] }],
};

export type StoryOutcome = { told: boolean };

/** The story's CPNS round, followed by the year it was told in: its presence means the story was told. */
const CPNS_ROUND_NAME = 'Seleksi CPNS Pemerintah Kabupaten Bengkulu Selatan';

/**
 * Tells the Kota Manna story once, in one transaction (all of it or nothing, and one commit instead
 * of hundreds); the agency's CPNS round already there means it was told. The past session is scored
 * after the commit, by the scoring the exam itself uses.
 */
export async function seedKotaMannaStory(deps: StoryDeps, agencyId: string): Promise<StoryOutcome> {
  const [told] = await deps.db
    .select({ id: selections.id })
    .from(selections)
    .where(and(eq(selections.agencyId, agencyId), like(selections.name, `${CPNS_ROUND_NAME} %`)));
  if (told) return { told: false };
  const finished = await deps.db.transaction((tx) => tellStory({ ...deps, db: tx }, agencyId));
  await scoreFinishedAttempts(deps.database, quietHub, finished);
  return { told: true };
}

async function tellStory(deps: StoryDeps, agencyId: string): Promise<string[]> {
  const now = new Date();
  const year = Number(localDate(now, 0).slice(0, 4));
  const cpnsName = `${CPNS_ROUND_NAME} ${year}`;

  const admin = await actorOf(deps.db, 'admin@kota-manna.rekrutmen.local');
  const panitia = await actorOf(deps.db, 'panitia@kota-manna.rekrutmen.local');
  const verifier = await actorOf(deps.db, 'verifikator@kota-manna.rekrutmen.local');
  const demoApplicant = await actorOf(deps.db, 'pelamar@rekrutmen.local');
  const resultDeps = { db: deps.db, config: deps.config };

  const positions = await seedPlanning(deps, agencyId, admin.accountId);

  // ---- The CPNS round: registration from D-75 to D-55, administrative result D-50, objections to D-47.
  const cpnsStart = new Date(now.getTime() - 80 * DAY);
  const cpns = await createSelection(deps.db, {
    actorId: admin.accountId,
    agencyId,
    data: {
      type: 'cpns',
      year,
      name: cpnsName,
      description: 'Pengadaan CPNS Pemerintah Kabupaten Bengkulu Selatan untuk jabatan teknis, kesehatan dan kepegawaian. Seluruh tahapan diumumkan di portal ini.',
      schedule: {
        registrationOpens: localDate(now, -75),
        registrationCloses: localDate(now, -55),
        adminAnnouncement: localDate(now, -50),
        objectionStart: localDate(now, -50),
        objectionEnd: localDate(now, -47),
        testStart: localDate(now, -7),
        testEnd: localDate(now, 2),
        finalAnnouncement: localDate(now, 30),
      },
    },
  });
  const cpnsFormasi = new Map<string, string>();
  for (const [key, count] of [['pranata', 2], ['kepegawaian', 2], ['perawat', 1]] as const) {
    cpnsFormasi.set(key, await formasiFor(deps, { agencyId, selectionId: cpns.id, actorId: admin.accountId, positionId: positions.get(key)!, count, qualifications: QUALIFICATIONS[key]! }));
  }
  await publishSelection(deps.db, { agencyId, selectionId: cpns.id, actorId: admin.accountId, now: cpnsStart });

  const cpnsApplied: Applied[] = [];
  for (const [index, person] of CPNS_APPLICANTS.entries()) {
    const accountId = person.key === 'demo' ? demoApplicant.accountId : await applicantAccount(deps, person, `${person.key}.cpns@pelamar.rekrutmen.local`);
    const at = localTime(now, -74 + index, 9 + (index % 8), 15);
    cpnsApplied.push(await apply(deps, { person, accountId, formasiId: cpnsFormasi.get(person.formasi)!, serial: 100 + index, at, submit: true, documentKeys: ALL_DOCUMENTS }));
  }

  await ensureReasons(deps.db, agencyId);
  const tmsOf: Record<string, { key: string; reason: string; text: string }> = {
    dewi: { key: 'doc:ijazah', reason: 'tidak_terbaca', text: 'Pindaian ijazah buram; nomor ijazah tidak terbaca.' },
    hendra: { key: 'doc:transkrip', reason: 'tidak_lengkap', text: 'Transkrip hanya halaman pertama; halaman nilai semester akhir tidak ada.' },
    maya: { key: 'doc:ktp', reason: 'data_tidak_cocok', text: 'Tanggal lahir pada KTP berbeda dengan data pendaftaran.' },
  };
  for (const [index, applied] of cpnsApplied.entries()) {
    const tms = tmsOf[applied.person.key];
    await verify(deps, { agencyId, verifierId: verifier.accountId, applicationId: applied.applicationId, at: localTime(now, -54 + Math.floor(index / 5), 8 + (index % 5)), ...(tms ? { tms } : {}) });
  }
  await publishAdministrativeResult(resultDeps, { agencyId, selectionId: cpns.id, actorId: panitia.accountId, now: localTime(now, -50, 10) });

  const byKey = new Map(cpnsApplied.map((a) => [a.person.key, a]));
  // Two objections: one accepted (the scan was readable after all), one rejected with the panel's reasons.
  const objections = [
    {
      key: 'dewi',
      reason: 'Ijazah yang saya unggah adalah pindaian asli beresolusi 300 dpi; nomor ijazah UNIB-2022-0412 terbaca jelas pada halaman pertama bila diperbesar.',
      requirementKeys: ['doc:ijazah'],
      accept: true,
      answer: 'Setelah diperiksa ulang pada resolusi asli, nomor ijazah terbaca dan sesuai data PDDikti. Sanggah diterima; status menjadi MS.',
    },
    {
      key: 'hendra',
      reason: 'Transkrip saya memang hanya satu lembar karena dicetak dengan ukuran kertas legal oleh kampus.',
      requirementKeys: ['doc:transkrip'],
      accept: false,
      answer: 'Berkas yang diunggah hanya memuat nilai semester 1–4; nilai semester 5–8 dan IPK akhir tidak ada. Sanggah ditolak.',
    },
  ];
  for (const [index, objection] of objections.entries()) {
    const applicant = byKey.get(objection.key)!;
    const filed = await fileSanggah(deps.db, { accountId: applicant.accountId, applicationId: applicant.applicationId, reason: objection.reason, requirementKeys: objection.requirementKeys, now: localTime(now, -49, 9 + index * 5) });
    await answerSanggah(deps.db, { agencyId, sanggahId: filed.id, actorId: panitia.accountId, accept: objection.accept, answer: objection.answer, now: localTime(now, -48, 10 + index) });
  }
  await publishPostObjectionResult(resultDeps, { agencyId, selectionId: cpns.id, actorId: panitia.accountId, now: localTime(now, -46, 10) });

  // ---- SKD: a bank written by the admin and reviewed by the panel (four eyes), the preset blueprint.
  const bank = await createBank(deps.db, { actor: admin, scope: agencyId, data: { name: 'Bank Soal SKD Kota Manna', description: 'Soal TWK, TIU dan TKP yang ditulis tim BKPSDM dan ditelaah panitia.' } });
  const bankRow = await getBank(deps.db, { scope: agencyId, bankId: bank.id });
  for (const question of demoSkdQuestions()) {
    const created = await createQuestion(deps.db, { actor: admin, bank: bankRow, data: question });
    await changeQuestionStatus(deps.db, { actor: panitia, bank: bankRow, questionId: created.id, status: 'reviewed' });
    await changeQuestionStatus(deps.db, { actor: panitia, bank: bankRow, questionId: created.id, status: 'active' });
  }
  const blueprint = await createBlueprint(deps.db, {
    actor: admin,
    agencyId,
    selectionId: cpns.id,
    data: { stageKey: 'skd', name: 'SKD CPNS Bengkulu Selatan', preset: 'skd', sections: ['TWK', 'TIU', 'TKP'].map((subtest) => ({ subtest, topic: '', count: subtest === 'TWK' ? 30 : subtest === 'TIU' ? 35 : 45, bankIds: [bank.id] })) },
  });

  const venue = await createVenue(deps.db, { actorId: admin.accountId, agencyId, data: { name: 'UPT CAT BKPSDM Kota Manna', address: 'Jl. Raya Padang Panjang, Manna, Bengkulu Selatan' } });
  await createRoom(deps.db, { actorId: admin.accountId, agencyId, venueId: venue.id, data: { name: 'Laboratorium CAT 1', seats: 20 } });
  const { rooms } = await createRoom(deps.db, { actorId: admin.accountId, agencyId, venueId: venue.id, data: { name: 'Laboratorium CAT 2', seats: 20 } });
  const [room1, room2] = [rooms.find((r) => r.name === 'Laboratorium CAT 1')!, rooms.find((r) => r.name === 'Laboratorium CAT 2')!];
  const planned = localTime(now, -12, 9);
  const past = await createSession(deps.db, { actorId: admin.accountId, agencyId, now: planned, data: { blueprintId: blueprint.id, roomId: room1.id, name: 'Sesi 1 — SKD', startsAt: localTime(now, -5, 8).toISOString() } });
  // Later today (or tomorrow morning when the demo starts late): the proctor may open it up to two hours before.
  const todayStart = now.getTime() + 90 * 60_000;
  const upcoming = await createSession(deps.db, { actorId: admin.accountId, agencyId, now: planned, data: { blueprintId: blueprint.id, roomId: room2.id, name: 'Sesi 2 — SKD (susulan)', startsAt: new Date(todayStart).toISOString() } });
  await runAllocation(deps.db, { actorId: admin.accountId, agencyId, blueprintId: blueprint.id, reset: false, secret: deps.config.sessionSecret, now: planned });
  const attempts = await deps.db.select().from(catAttempts).where(eq(catAttempts.blueprintId, blueprint.id));
  const laterKeys = new Set(['demo', 'rizki']);
  const applicationKey = new Map(cpnsApplied.map((a) => [a.applicationId, a.person.key]));
  for (const attempt of attempts) {
    const key = applicationKey.get(attempt.applicationId) ?? '';
    const target = laterKeys.has(key) ? upcoming.id : past.id;
    if (attempt.sessionId !== target) {
      await moveParticipant(deps.db, { actorId: admin.accountId, agencyId, attemptId: attempt.id, sessionId: target, reason: key === 'demo' ? 'Peserta meminta jadwal susulan karena sakit (surat keterangan dokter).' : 'Peserta bertugas jaga pada jadwal sesi 1.', now: new Date(planned.getTime() + 3600_000) });
    }
  }
  const finished = await holdPastSession(deps, { sessionId: past.id, startsAt: localTime(now, -5, 8), openerId: panitia.accountId });

  // ---- The PPPK round, open now.
  const pppk = await createSelection(deps.db, {
    actorId: admin.accountId,
    agencyId,
    data: {
      type: 'pppk',
      year,
      name: `Seleksi PPPK Tenaga Kesehatan, Guru dan Teknis Kabupaten Bengkulu Selatan ${year}`,
      description: 'Pengadaan PPPK untuk perawat puskesmas, guru matematika SMP negeri dan pranata komputer.',
      schedule: {
        registrationOpens: localDate(now, -6),
        registrationCloses: localDate(now, 21),
        adminAnnouncement: localDate(now, 26),
        objectionStart: localDate(now, 26),
        objectionEnd: localDate(now, 29),
        testStart: localDate(now, 40),
        testEnd: localDate(now, 44),
        finalAnnouncement: localDate(now, 60),
      },
    },
  });
  const pppkFormasi = new Map<string, string>();
  for (const [key, count] of [['perawat', 3], ['guru', 4], ['pranata', 1]] as const) {
    pppkFormasi.set(key, await formasiFor(deps, { agencyId, selectionId: pppk.id, actorId: admin.accountId, positionId: positions.get(key)!, count, qualifications: QUALIFICATIONS[key]!, extra: key === 'perawat' ? 'Memiliki STR yang masih berlaku.' : '' }));
  }
  await publishSelection(deps.db, { agencyId, selectionId: pppk.id, actorId: admin.accountId, now: localTime(now, -7, 10) });

  const pppkApplied: Applied[] = [];
  for (const [index, person] of PPPK_APPLICANTS.entries()) {
    const accountId = await applicantAccount(deps, person, `${person.key}.pppk@pelamar.rekrutmen.local`);
    const at = new Date(Math.min(localTime(now, -5 + Math.floor(index / 2), 9 + index).getTime(), now.getTime() - (index + 2) * 3600_000));
    pppkApplied.push(await apply(deps, { person, accountId, formasiId: pppkFormasi.get(person.formasi)!, serial: 200 + index, at, submit: true, documentKeys: ALL_DOCUMENTS }));
  }
  const demoPerson = CPNS_APPLICANTS[0]!;
  await apply(deps, { person: demoPerson, accountId: demoApplicant.accountId, formasiId: pppkFormasi.get('pranata')!, serial: 100, at: new Date(now.getTime() - 3600_000), submit: false, documentKeys: ['ktp', 'ijazah', 'transkrip', 'pas_foto'] });
  const verifyAt = new Date(now.getTime() - 40 * 60_000);
  for (const key of ['lina', 'ratna']) {
    await verify(deps, { agencyId, verifierId: verifier.accountId, applicationId: pppkApplied.find((a) => a.person.key === key)!.applicationId, at: verifyAt });
  }
  await claimApplication(deps.db, { agencyId, applicationId: pppkApplied.find((a) => a.person.key === 'joko')!.applicationId, actorId: verifier.accountId, now: verifyAt });

  await seedAnnouncement(deps, { agencyId, actorId: admin.accountId, selectionId: pppk.id, title: pppk.name, closes: formatInZone(pppk.registrationClosesAt!, 'Asia/Jakarta') });
  await seedOutreach(deps, { agencyId, actorId: admin.accountId, now });
  return finished;
}

/**
 * The session held last week: the panel opened it, every participant answered, the server closed
 * it at the end. Answers are written as the exam stores them; the caller scores them after the commit.
 */
async function holdPastSession(deps: StoryDeps, options: { sessionId: string; startsAt: Date; openerId: string }): Promise<string[]> {
  const { sessionId, startsAt } = options;
  const attempts = await deps.db.select().from(catAttempts).where(eq(catAttempts.sessionId, sessionId));
  const random = seededRandom(`demo-skd-${sessionId}`);
  for (const [n, attempt] of attempts.entries()) {
    const items = await deps.db
      .select({ questionId: catPaperItems.questionId, subtest: catQuestions.subtest, keyOptionId: catQuestions.keyOptionId, options: catQuestions.options })
      .from(catPaperItems)
      .innerJoin(catQuestions, eq(catQuestions.id, catPaperItems.questionId))
      .where(eq(catPaperItems.attemptId, attempt.id));
    // Each participant has an ability; a few of them miss a pass mark. The first is sure to miss
    // one and the second sure to pass, so the board always shows both, whatever the session's id.
    const ability = n === 0 ? 0.25 : n === 1 ? 0.92 : 0.42 + random.next() * 0.45;
    const started = new Date(startsAt.getTime() + (5 + random.below(10)) * 60_000);
    const used = (60 + random.below(35)) * 60_000;
    const answers = items.flatMap((item, index) => {
      if (random.next() < 0.03) return [];
      let optionId: string;
      if (item.keyOptionId) {
        optionId = random.next() < ability ? item.keyOptionId : item.options.filter((o) => o.id !== item.keyOptionId)[random.below(item.options.length - 1)]!.id;
      } else {
        const best = [...item.options].sort((a, b) => (b.points ?? 0) - (a.points ?? 0));
        optionId = random.next() < ability ? best[0]!.id : best[1 + random.below(best.length - 1)]!.id;
      }
      return [{ attemptId: attempt.id, questionId: item.questionId, optionId, seq: index + 1, answeredAt: new Date(started.getTime() + Math.round(((index + 1) / items.length) * used)) }];
    });
    if (answers.length) await deps.db.insert(catAnswers).values(answers);
    await deps.db
      .update(catAttempts)
      .set({
        status: 'finished',
        identityConfirmedAt: new Date(started.getTime() - 4 * 60_000),
        identityConfirmedBy: options.openerId,
        startedAt: started,
        endsAt: new Date(started.getTime() + attempt.durationSeconds * 1000),
        finishedAt: new Date(started.getTime() + used + 60_000),
        finishedBy: 'peserta',
        lastSeenAt: new Date(started.getTime() + used + 60_000),
      })
      .where(eq(catAttempts.id, attempt.id));
  }
  await deps.db
    .update(catSessions)
    .set({ status: 'closed', openedAt: new Date(startsAt.getTime() - 30 * 60_000), closedAt: new Date(startsAt.getTime() + 110 * 60_000) })
    .where(eq(catSessions.id, sessionId));
  return attempts.map((a) => a.id);
}

async function seedAnnouncement(deps: StoryDeps, options: { agencyId: string; actorId: string; selectionId: string; title: string; closes: string }) {
  const announcement = await createAnnouncement(deps.db, {
    actorId: options.actorId,
    agencyId: options.agencyId,
    data: {
      title: `Pengumuman Pendaftaran ${options.title}`,
      body: `Pemerintah Kabupaten Bengkulu Selatan membuka pendaftaran ${options.title}. Pendaftaran dilakukan secara daring melalui portal ini sampai ${options.closes}. Rincian formasi, persyaratan dan jadwal terlampir. Seluruh tahapan seleksi tidak dipungut biaya.`,
      kind: 'umum',
      selectionId: options.selectionId,
    },
  });
  const pdf = await demoPdf([
    'PENGUMUMAN PENDAFTARAN PPPK',
    'Pemerintah Kabupaten Bengkulu Selatan',
    '',
    '1. Perawat Terampil — Dinas Kesehatan — 3 formasi — D3 Keperawatan',
    '2. Guru Ahli Pertama Matematika — Dinas Pendidikan dan Kebudayaan — 4 formasi — S1 Pendidikan Matematika',
    '3. Pranata Komputer Ahli Pertama — Dinas Komunikasi dan Informatika — 1 formasi — S1 Informatika/Sistem Informasi',
    '',
    `Pendaftaran ditutup ${options.closes}.`,
  ]);
  await attachAnnouncementFile(
    { db: deps.db, uploadDir: deps.config.uploadDir },
    { agencyId: options.agencyId, announcementId: announcement.id, actorId: options.actorId, title: 'Rincian formasi dan persyaratan', upload: { stream: Readable.from(pdf), fileName: 'pengumuman-pppk.pdf', fields: {} } },
  );
  await publishAnnouncement(deps.db, { agencyId: options.agencyId, announcementId: announcement.id, actorId: options.actorId });
}

const VISITORS: ReadonlyArray<{ name: string; audience: 'pelajar' | 'mahasiswa' | 'umum'; institution: string }> = [
  { name: 'Aulia Rahma', audience: 'mahasiswa', institution: 'Universitas Bengkulu' },
  { name: 'Bima Sakti', audience: 'mahasiswa', institution: 'Universitas Bengkulu' },
  { name: 'Citra Kirana', audience: 'pelajar', institution: 'SMA Negeri 1 Bengkulu Selatan' },
  { name: 'Dani Firmansyah', audience: 'umum', institution: '' },
  { name: 'Eka Putri', audience: 'mahasiswa', institution: 'Universitas Muhammadiyah Bengkulu' },
  { name: 'Fadli Zon Saputra', audience: 'pelajar', institution: 'SMA Negeri 2 Bengkulu Selatan' },
  { name: 'Gita Permata', audience: 'umum', institution: 'Karang Taruna Manna' },
  { name: 'Hadi Wijaya', audience: 'pelajar', institution: 'SMK Negeri 1 Manna' },
];

const visitorEmail = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@contoh.id`;

async function seedOutreach(deps: StoryDeps, options: { agencyId: string; actorId: string; now: Date }) {
  const { agencyId, actorId, now } = options;
  const outreachDeps = { db: deps.db, config: deps.config };
  // A workshop held three weeks ago: registrations, attendance at the door, the slides afterwards.
  const pastStart = localTime(now, -21, 9);
  const past = await createEvent(deps.db, {
    actorId,
    agencyId,
    data: {
      title: 'Workshop Persiapan Seleksi CPNS untuk Pelajar dan Mahasiswa',
      description: 'Mengenal jalur karier ASN, tahapan seleksi, cara mendaftar di portal, dan latihan soal SKD bersama panitia BKPSDM.',
      kind: 'workshop',
      audiences: ['pelajar', 'mahasiswa', 'umum'],
      venue: 'Aula Kantor Bupati Bengkulu Selatan, Manna',
      onlineUrl: null,
      startsAt: pastStart,
      endsAt: localTime(now, -21, 12),
      registrationClosesAt: localTime(now, -22, 17),
      capacity: 120,
    },
  });
  await publishEvent(deps.db, { agencyId, eventId: past.id, actorId });
  for (const [index, visitor] of VISITORS.entries()) {
    const email = visitorEmail(visitor.name);
    await register(outreachDeps, { eventId: past.id, now: localTime(now, -30 + index, 10), data: { name: visitor.name, email, phone: null, audience: visitor.audience, institution: visitor.institution } });
    if (index % 4 === 3) continue; // registered, did not come
    const [row] = await deps.db
      .select({ token: outreachRegistrations.checkinToken })
      .from(outreachRegistrations)
      .where(and(eq(outreachRegistrations.eventId, past.id), eq(outreachRegistrations.email, email)));
    await checkIn(deps.db, { agencyId, eventId: past.id, actorId, code: row!.token, now: new Date(pastStart.getTime() - 20 * 60_000 + index * 60_000) });
  }
  const slides = await demoPdf(['Materi Workshop Persiapan Seleksi CPNS', 'BKPSDM Kota Manna', '', '1. Jalur karier ASN: CPNS, PPPK, JPT', '2. Tahapan seleksi dan jadwal', '3. Dokumen yang disiapkan', '4. SKD: TWK, TIU, TKP dan nilai ambang batas', '5. Sanggah: kapan dan bagaimana']);
  await addMaterial(outreachDeps, { agencyId, eventId: past.id, actorId, title: 'Materi paparan (PDF)', upload: { stream: Readable.from(slides), fileName: 'materi-workshop-cpns.pdf', fields: {} } });

  // A seminar next week with few seats: it is full and one visitor is waiting.
  const upcoming = await createEvent(deps.db, {
    actorId,
    agencyId,
    data: {
      title: 'Seminar Karier ASN: Mengabdi di Daerah Sendiri',
      description: 'Seminar untuk mahasiswa tingkat akhir tentang formasi di Bengkulu Selatan, PPPK, dan pengembangan karier ASN.',
      kind: 'seminar',
      audiences: ['mahasiswa', 'umum'],
      venue: 'Gedung Serba Guna Universitas Bengkulu',
      onlineUrl: null,
      startsAt: localTime(now, 7, 13),
      endsAt: localTime(now, 7, 15, 30),
      registrationClosesAt: localTime(now, 6, 17),
      capacity: 4,
    },
  });
  await publishEvent(deps.db, { agencyId, eventId: upcoming.id, actorId });
  const upcomingVisitors = VISITORS.filter((visitor) => visitor.audience !== 'pelajar');
  for (const [index, visitor] of upcomingVisitors.entries()) {
    await register(outreachDeps, {
      eventId: upcoming.id,
      now: new Date(now.getTime() - (upcomingVisitors.length - index) * 3600_000),
      data: { name: visitor.name, email: visitorEmail(visitor.name), phone: null, audience: visitor.audience, institution: visitor.institution },
    });
  }
}
