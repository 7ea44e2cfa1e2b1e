/**
 * Demo data for panel scoring (issue 6): in BKPSDM Kota Manna, an open selection for two senior
 * posts (JPT Pratama) whose administrative result is announced, with six candidates. Its four
 * panel stages show each state a panel meets: the competency assessment scored by an internal and
 * an outside assessor and locked; the written paper scored with one candidate absent and one
 * spread waiting for moderation; the interview assigned to the demo assessor (penguji@…), who has
 * six candidates to declare and score; the track record without a rubric yet. Every step goes
 * through the services, so the audit trail reads as it would in real use. Idempotent: a round with
 * the demo name is left alone.
 */
import { and, eq } from 'drizzle-orm';
import { JPT_PIPELINE } from '../../core/pipeline.js';
import { DEFAULT_SETTINGS, presetRubric } from '../../core/panel-scoring.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { accountRoles, accounts } from '../modules/accounts/accounts.table.js';
import { hashPassword } from '../modules/accounts/accounts.service.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { applications } from '../modules/applications/applications.table.js';
import { formasi } from '../modules/formasi/formasi.table.js';
import { declare, submitScore } from '../modules/panel-scores/assessor.service.js';
import { assignAssessors, setAbsence } from '../modules/panel-scores/panel-actions.service.js';
import { setAssessorProfile } from '../modules/panel-scores/panel-assessors.service.js';
import { assignmentsOf } from '../modules/panel-scores/panel-scores.repo.js';
import { createComponent, lockComponent } from '../modules/panel-scores/panel-scores.service.js';
import { publishAdministrativeResult } from '../modules/sanggah/results.service.js';
import { selections } from '../modules/selections/selections.table.js';
import { DEMO_PASSWORD, type DemoLogin } from './demo.js';

export const PANEL_DEMO_AGENCY = 'kota-manna';
export const PANEL_DEMO_ROUND = 'Seleksi Terbuka JPT Pratama Kabupaten Bengkulu Selatan 2026';

const CANDIDATES = [
  { name: 'Dr. Hendra Saputra, M.Pd.', post: 0, nik: '1701011506780001', birthDate: '1978-06-15' },
  { name: 'Dra. Yuliana Kartika, M.Si.', post: 0, nik: '1701014203750002', birthDate: '1975-03-02' },
  { name: 'Rina Marlina, S.Pd., M.Pd.', post: 0, nik: '1701015709800003', birthDate: '1980-09-17' },
  { name: 'Ir. Bambang Wicaksono, M.T.', post: 1, nik: '1701012011760004', birthDate: '1976-11-20' },
  { name: 'Drs. Syafrizal, M.M.', post: 1, nik: '1701010804740005', birthDate: '1974-04-08' },
  { name: 'Dewi Anggraini, S.E., M.Ak.', post: 1, nik: '1701016512810006', birthDate: '1981-12-25' },
];

const POSTS = [
  { positionName: 'Kepala Dinas Pendidikan dan Kebudayaan', unitName: 'Dinas Pendidikan dan Kebudayaan' },
  { positionName: 'Kepala Badan Perencanaan Pembangunan Daerah', unitName: 'Badan Perencanaan Pembangunan Daerah' },
];

const OUTSIDE = [
  { prefix: 'akademisi', name: 'Prof. Dr. Sri Wahyuni, M.Si.', kind: 'akademisi' as const, institution: 'Universitas Bengkulu' },
  { prefix: 'praktisi', name: 'Ahmad Fauzi, S.H., M.H.', kind: 'praktisi' as const, institution: 'Asosiasi Pemerintah Kabupaten Seluruh Indonesia' },
];

const DAY = 24 * 3600_000;

/** Levels per criterion for one candidate: a base level, nudged per criterion so totals differ. */
function levels(stageKey: string, base: number, nudge: number[]): Record<string, number> {
  return Object.fromEntries(presetRubric(stageKey).criteria.map((criterion, index) => [criterion.key, Math.max(1, Math.min(5, base + (nudge[index] ?? 0)))]));
}

async function accountId(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  if (!row) throw new Error(`akun demo ${email} belum ada`);
  return row.id;
}

export type PanelDemoDeps = { db: Db; config: Pick<Config, 'uploadDir' | 'publicUrl' | 'smtpUrl'> };

export async function seedPanelDemo({ db, config }: PanelDemoDeps): Promise<DemoLogin[]> {
  const [agency] = await db.select().from(agencies).where(eq(agencies.code, PANEL_DEMO_AGENCY));
  if (!agency) return [];
  const domain = `${PANEL_DEMO_AGENCY}.rekrutmen.local`;
  const logins: DemoLogin[] = OUTSIDE.map((o) => ({ email: `${o.prefix}@${domain}`, role: `penguji (${o.kind})`, agency: agency.name }));
  const [existing] = await db.select({ id: selections.id }).from(selections).where(and(eq(selections.agencyId, agency.id), eq(selections.name, PANEL_DEMO_ROUND)));
  if (existing) return logins;

  const adminId = await accountId(db, `admin@${domain}`);
  const verifierId = await accountId(db, `verifikator@${domain}`);
  const pengujiId = await accountId(db, `penguji@${domain}`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const outside: string[] = [];
  for (const person of OUTSIDE) {
    const email = `${person.prefix}@${domain}`;
    await db.insert(accounts).values({ email, name: person.name, passwordHash, emailVerifiedAt: new Date() }).onConflictDoNothing();
    const id = await accountId(db, email);
    await db.insert(accountRoles).values({ accountId: id, role: 'penguji', agencyId: agency.id }).onConflictDoNothing();
    await setAssessorProfile(db, { agencyId: agency.id, accountId: id, actorId: adminId, kind: person.kind, institution: person.institution });
    outside.push(id);
  }
  const [akademisiId, praktisiId] = outside as [string, string];

  const now = Date.now();
  const [selection] = await db
    .insert(selections)
    .values({
      agencyId: agency.id,
      type: 'jpt',
      year: 2026,
      name: PANEL_DEMO_ROUND,
      description: 'Seleksi terbuka pengisian dua Jabatan Pimpinan Tinggi Pratama. Tahapan: administrasi, asesmen kompetensi, penulisan dan presentasi makalah, wawancara, penelusuran rekam jejak.',
      status: 'published',
      schedule: {},
      registrationOpensAt: new Date(now - 40 * DAY),
      registrationClosesAt: new Date(now - 26 * DAY),
      pipeline: structuredClone([...JPT_PIPELINE]) as unknown[],
      requiredDocuments: [],
      publishedAt: new Date(now - 41 * DAY),
      createdBy: adminId,
    })
    .returning();
  const posts = [];
  for (const post of POSTS) {
    const [row] = await db
      .insert(formasi)
      .values({
        agencyId: agency.id,
        selectionId: selection!.id,
        ...post,
        count: 1,
        qualifications: [{ level: 'S2', programmes: [] }],
        educationLevels: ['S2'],
        minAge: 18,
        maxAge: 56,
        status: 'published',
        searchText: `${post.positionName} ${post.unitName}`.toLowerCase(),
        publishedAt: new Date(now - 41 * DAY),
      })
      .returning();
    posts.push(row!);
  }
  const candidateIds: string[] = [];
  for (const [index, candidate] of CANDIDATES.entries()) {
    const email = `calon-jpt-${index + 1}@${domain}`;
    await db.insert(accounts).values({ email, name: candidate.name, emailVerifiedAt: new Date() }).onConflictDoNothing();
    const id = await accountId(db, email);
    await db.insert(accountRoles).values({ accountId: id, role: 'pelamar', agencyId: null }).onConflictDoNothing();
    const [application] = await db
      .insert(applications)
      .values({
        agencyId: agency.id,
        selectionId: selection!.id,
        formasiId: posts[candidate.post]!.id,
        accountId: id,
        nik: candidate.nik,
        selectionType: 'jpt',
        selectionYear: 2026,
        status: 'ms',
        registrationNumber: `JPT2026-MANNA-${String(index + 1).padStart(4, '0')}`,
        applicantName: candidate.name,
        birthDate: candidate.birthDate,
        email,
        submittedAt: new Date(now - 30 * DAY + index * 3600_000),
        assignedVerifierId: verifierId,
        decidedAt: new Date(now - 24 * DAY),
        decidedBy: verifierId,
      })
      .returning();
    candidateIds.push(application!.id);
  }
  await publishAdministrativeResult({ db, config }, { agencyId: agency.id, selectionId: selection!.id, actorId: adminId, now: new Date(now - 20 * DAY) });

  const ref = { agencyId: agency.id, selectionId: selection!.id, actorId: adminId };
  const rubric = (stageKey: string, settings = DEFAULT_SETTINGS) => ({ stageKey, componentKey: null, ...presetRubric(stageKey), settings });
  const scoreAll = async (componentId: string, assessorId: string, stageKey: string, plan: Array<[number, number[]] | null>) => {
    for (const assignment of await assignmentsOf(db, { componentId })) {
      if (assignment.assessorId !== assessorId || assignment.status !== 'active') continue;
      const step = plan[candidateIds.indexOf(assignment.applicationId)];
      await declare(db, { agencyId: agency.id, assessorId, assignmentId: assignment.id, conflict: false });
      if (step) await submitScore(db, { agencyId: agency.id, assessorId, assignmentId: assignment.id, scores: levels(stageKey, step[0], step[1]), note: '' });
    }
  };

  // Asesmen kompetensi: scored by the demo assessor and the academic, then locked.
  const asesmen = await createComponent(db, { ...ref, data: rubric('asesmen') });
  await assignAssessors(db, { agencyId: agency.id, componentId: asesmen.id, actorId: adminId, applicationIds: candidateIds, assessorIds: [pengujiId, akademisiId] });
  await scoreAll(asesmen.id, pengujiId, 'asesmen', [[4, [0, 1, 0]], [4, [-1, 0, 0]], [3, [1, 0, 1]], [4, [0, 0, 1]], [3, [0, 0, 0]], [4, [1, 0, 0]]]);
  await scoreAll(asesmen.id, akademisiId, 'asesmen', [[4, [0, 0, 0]], [4, [0, 0, -1]], [4, [0, 0, 0]], [4, [1, 0, 0]], [3, [0, 1, 0]], [4, [0, 0, 0]]]);
  await lockComponent(db, { agencyId: agency.id, componentId: asesmen.id, actorId: adminId });

  // Makalah: the academic and the practitioner; one candidate absent, one spread above 1 waiting for moderation.
  const makalah = await createComponent(db, { ...ref, data: rubric('makalah') });
  await assignAssessors(db, { agencyId: agency.id, componentId: makalah.id, actorId: adminId, applicationIds: candidateIds, assessorIds: [akademisiId, praktisiId] });
  await setAbsence(db, { agencyId: agency.id, componentId: makalah.id, applicationId: candidateIds[4]!, actorId: adminId, asPanel: true, absent: true, reason: 'Tidak hadir pada jadwal presentasi makalah tanpa keterangan.' });
  await scoreAll(makalah.id, akademisiId, 'makalah', [[4, [0, 0, 1, 0]], [5, [0, -1, 0, 0]], [3, [0, 0, 0, 1]], [4, [0, 0, 0, 0]], null, [4, [1, 0, 0, 0]]]);
  await scoreAll(makalah.id, praktisiId, 'makalah', [[4, [0, 0, 0, 0]], [3, [-1, 0, -1, 0]], [3, [1, 0, 0, 0]], [4, [0, 1, 0, 0]], null, [4, [0, 0, 0, 0]]]);

  // Wawancara: the demo assessor and the practitioner on every candidate still in the selection; the practitioner has begun.
  const wawancara = await createComponent(db, { ...ref, data: rubric('wawancara', { ...DEFAULT_SETTINGS, spreadThreshold: 0.75 }) });
  const present = candidateIds.filter((_, index) => index !== 4);
  await assignAssessors(db, { agencyId: agency.id, componentId: wawancara.id, actorId: adminId, applicationIds: present, assessorIds: [pengujiId, praktisiId] });
  await scoreAll(wawancara.id, praktisiId, 'wawancara', [[4, [0, 0, 0, 1]], [3, [1, 0, 0, 0]], null, null, null, null]);
  return logins;
}
