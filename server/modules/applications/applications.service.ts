import { and, eq, inArray, sql } from 'drizzle-orm';
import { checkEligibility } from '../../../core/eligibility.js';
import { duplicateFlags, formatRegistrationNumber, normalisePhone, registrationWindowState } from '../../../core/registration.js';
import { calendarDateInZone, formatInZone, isAgencyZone, type AgencyZone } from '../../../core/time.js';
import { selectRows, type Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import type { ApplicantProfile } from '../applicants/applicants.service.js';
import { applications } from './applications.table.js';
import { insertDraft, loadApplicationView, loadApplyTarget, loadApplyTargetForApplicant, lockApplicationForSubmit, submitAndFindDuplicates, type ApplicationRow, type ApplicationView, type ApplyTarget, type RequiredDocument } from './applications.repo.js';

export type Application = ApplicationRow;

const zoneOf = (timezone: string): AgencyZone => (isAgencyZone(timezone) ? timezone : 'Asia/Jakarta');

function assertOpen(target: ApplyTarget, now: Date) {
  if (target.selection.status !== 'published' || target.formasi.status !== 'published') {
    throw new AppError('REGISTRATION_CLOSED', 'Formasi ini belum atau tidak lagi dibuka untuk pendaftaran.');
  }
  const state = registrationWindowState({ now, opensAt: target.selection.registrationOpensAt, closesAt: target.selection.registrationClosesAt });
  const zone = zoneOf(target.agency.timezone);
  if (state === 'belum_dibuka') {
    const opens = target.selection.registrationOpensAt;
    throw new AppError('REGISTRATION_CLOSED', opens ? `Pendaftaran baru dibuka ${formatInZone(opens, zone)}.` : 'Pendaftaran belum dibuka.');
  }
  if (state === 'ditutup') {
    throw new AppError('REGISTRATION_CLOSED', `Pendaftaran sudah ditutup pada ${formatInZone(target.selection.registrationClosesAt!, zone)}.`);
  }
}

async function requireTarget(db: Db, formasiId: string) {
  const target = await loadApplyTarget(db, formasiId);
  if (!target) throw notFound('Formasi');
  return target;
}

/** The applicant's own application, or 404 (someone else's application is never revealed). */
export async function getOwnApplication(db: Db, options: { accountId: string; applicationId: string; lock?: boolean }) {
  const query = db.select().from(applications).where(and(eq(applications.id, options.applicationId), eq(applications.accountId, options.accountId)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Pendaftaran');
  return row;
}

export type CreateDraftInput = { accountId: string; formasiId: string; now?: Date };

/** Starts an application (draft) for a formation of an open round: one per round per account. Returns it as its applicant sees it. */
export async function createDraft(db: Db, { accountId, formasiId, now = new Date() }: CreateDraftInput): Promise<SubmissionPreview> {
  const found = await loadApplyTargetForApplicant(db, { formasiId, accountId });
  if (!found) throw notFound('Formasi');
  assertOpen(found.target, now);
  const application = await insertDraft(db, { accountId, target: found.target });
  if (!application) throw new AppError('CONFLICT', 'Anda sudah memiliki pendaftaran pada seleksi ini. Satu seleksi hanya untuk satu formasi; ubah formasinya pada pendaftaran itu.');
  return previewOf({ application, target: found.target, documents: [], profile: found.profile, accountEmail: null });
}

export type ChangeFormasiInput = { accountId: string; applicationId: string; formasiId: string; now?: Date };

export async function changeFormasi(db: Db, { accountId, applicationId, formasiId, now = new Date() }: ChangeFormasiInput) {
  return db.transaction(async (tx) => {
    const application = await getOwnApplication(tx, { accountId, applicationId, lock: true });
    if (application.status !== 'draft') throw new AppError('INVALID_STATE', 'Pendaftaran yang sudah dikirim tidak dapat diubah.');
    const target = await requireTarget(tx, formasiId);
    if (target.selection.id !== application.selectionId) throw new AppError('VALIDATION_FAILED', 'Formasi harus dari seleksi yang sama.', { formasiId: 'Formasi dari seleksi lain' });
    assertOpen(target, now);
    const [row] = await tx.update(applications).set({ formasiId, updatedAt: now }).where(eq(applications.id, applicationId)).returning();
    return row!;
  });
}

export async function deleteDraft(db: Db, options: { accountId: string; applicationId: string }) {
  await db.transaction(async (tx) => {
    const application = await getOwnApplication(tx, { ...options, lock: true });
    if (application.status !== 'draft') throw new AppError('INVALID_STATE', 'Pendaftaran yang sudah dikirim tidak dapat dihapus.');
    await tx.delete(applications).where(eq(applications.id, application.id));
  });
}

function eligibilityFor(target: ApplyTarget, profile: ApplicantProfile) {
  const zone = zoneOf(target.agency.timezone);
  const closes = target.selection.registrationClosesAt;
  return checkEligibility({
    applicant: {
      birthDate: profile.birthDate,
      education: profile.education.map((e) => ({ level: e.level, programme: e.programme, ...(e.gpa === null ? {} : { gpa: e.gpa }) })),
      claims: profile.claims,
    },
    formasi: { kind: target.formasi.kind, maxAge: target.formasi.maxAge, qualifications: target.formasi.qualifications },
    // Age is judged on the closing day as the agency's calendar shows it (PP 11/2017 art. 23).
    registrationCloses: closes ? calendarDateInZone(closes, zone) : new Date().toISOString().slice(0, 10),
    rules: { minAge: target.formasi.minAge },
  });
}

export type SubmissionPreview = ApplicationView & {
  eligibility: ReturnType<typeof eligibilityFor> | null;
  missingDocuments: RequiredDocument[];
};

/** The checklist an applicant sees beside an application they hold: eligibility and documents. */
export function previewOf(view: ApplicationView): SubmissionPreview {
  const uploaded = new Set(view.documents.map((d) => d.requirementKey));
  return {
    ...view,
    eligibility: view.profile ? eligibilityFor(view.target, view.profile) : null,
    missingDocuments: view.target.selection.requiredDocuments.filter((d) => d.mandatory && !uploaded.has(d.key)),
  };
}

/** The checklist an applicant sees before submitting: eligibility and documents (one statement). */
export async function previewSubmission(db: Db, options: { accountId: string; applicationId: string }): Promise<SubmissionPreview> {
  const view = await loadApplicationView(db, options);
  if (!view) throw notFound('Pendaftaran');
  return previewOf(view);
}

export type SubmitInput = { accountId: string; applicationId: string; now?: Date };

const isUniqueViolation = (error: unknown, constraint: string) => {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const code = e.cause?.code ?? e.code;
  const text = `${e.cause?.constraint ?? e.constraint ?? ''} ${e.cause?.message ?? e.message ?? ''}`;
  return code === '23505' && text.includes(constraint);
};

/**
 * Submits an application: the deadline by the server's clock, eligibility (a refusal names the
 * rule), mandatory documents; then it is frozen with a registration number. The partial unique
 * index on (NIK, type, year) makes a second application — even one sent at the same instant — fail.
 * Returns the submitted application as its applicant sees it.
 */
export async function submitApplication(db: Db, { accountId, applicationId, now = new Date() }: SubmitInput): Promise<SubmissionPreview> {
  try {
    return await db.transaction(async (tx) => {
      // The application (locked), its formasi, round and agency, documents, profile and e-mail: one statement.
      const view = await lockApplicationForSubmit(tx, { accountId, applicationId });
      if (!view) throw notFound('Pendaftaran');
      const { application, target, documents, profile } = view;
      if (!profile) throw new AppError('PROFILE_INCOMPLETE', 'Lengkapi profil pelamar (NIK, data diri, pendidikan) terlebih dahulu.');
      if (application.status !== 'draft') throw new AppError('INVALID_STATE', 'Pendaftaran ini sudah dikirim.');
      assertOpen(target, now);

      const eligibility = eligibilityFor(target, profile);
      if (!eligibility.eligible) {
        const fields = Object.fromEntries(eligibility.failures.map((f) => [`eligibility.${f.rule}`, f.message]));
        throw new AppError('NOT_ELIGIBLE', `Tidak memenuhi syarat: ${eligibility.failures.map((f) => f.message).join(' ')}`, fields);
      }
      const uploaded = new Set(documents.map((d) => d.requirementKey));
      const missing = target.selection.requiredDocuments.filter((d) => d.mandatory && !uploaded.has(d.key));
      if (missing.length) {
        throw new AppError('DOCUMENTS_MISSING', `Dokumen wajib belum diunggah: ${missing.map((d) => d.name).join(', ')}.`, Object.fromEntries(missing.map((d) => [`documents.${d.key}`, 'Wajib diunggah'])));
      }

      const registrationNumber = formatRegistrationNumber({ type: target.selection.type, year: target.selection.year, agencyCode: target.agency.code, sequence: view.nextSequence });
      const snapshot = { ...profile, createdAt: profile.createdAt.toISOString(), updatedAt: profile.updatedAt.toISOString(), formasi: { positionName: target.formasi.positionName, unitName: target.formasi.unitName, kind: target.formasi.kind } };
      const email = view.accountEmail ?? '';
      const phone = normalisePhone(profile.phone);
      // The update, its audit entry and the search for likely duplicates in one statement.
      const { submitted, others } = await submitAndFindDuplicates(tx, {
        applicationId: application.id,
        set: { nik: profile.nik, registrationNumber, profileSnapshot: snapshot, applicantName: profile.name, birthDate: profile.birthDate, phone, email: view.accountEmail, submittedAt: now },
        probe: { agencyId: application.agencyId, selectionId: application.selectionId, excludeId: application.id, birthDate: profile.birthDate, phone, email, documentHashes: documents.map((d) => d.sha256) },
        audit: {
          agencyId: application.agencyId,
          actorId: accountId,
          action: 'application.submit',
          targetType: 'application',
          targetId: application.id,
          after: { registrationNumber, formasiId: application.formasiId, documents: documents.map((d) => ({ key: d.requirementKey, sha256: d.sha256 })) },
        },
      });
      const flags = duplicateFlags({
        application: { applicationId: application.id, name: profile.name, birthDate: profile.birthDate, phone: profile.phone, email, documentHashes: documents.map((d) => d.sha256) },
        others,
      });
      if (flags.length) {
        await tx.update(applications).set({ flags }).where(eq(applications.id, application.id));
        // The other side sees the flag too.
        const byOther = new Map<string, typeof flags>();
        for (const flag of flags) byOther.set(flag.otherApplicationId, [...(byOther.get(flag.otherApplicationId) ?? []), { ...flag, otherApplicationId: application.id }]);
        for (const [otherId, extra] of byOther) {
          await tx.update(applications).set({ flags: sql`${applications.flags} || ${JSON.stringify(extra)}::jsonb` }).where(eq(applications.id, otherId));
        }
      }
      return { ...view, application: { ...submitted, flags }, eligibility: null, missingDocuments: [] };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'applications_nik_type_year_key')) {
      throw new AppError('DUPLICATE_APPLICATION', 'NIK Anda sudah terdaftar pada seleksi lain dengan jenis dan tahun yang sama. Satu NIK hanya boleh mendaftar satu seleksi per jenis per tahun (PermenPANRB 6/2024 pasal 25 ayat 4).');
    }
    throw error;
  }
}

export async function listOwnApplications(db: Db, accountId: string) {
  return db.select().from(applications).where(eq(applications.accountId, accountId)).orderBy(sql`${applications.createdAt} desc`);
}

export async function applicationsByIds(db: Db, ids: string[]) {
  return ids.length ? db.select().from(applications).where(inArray(applications.id, ids)) : [];
}

/** The applications of a round that passed the administrative check (MS), e.g. for training before the final stage. */
export async function eligibleApplications(db: Db, options: { agencyId: string; selectionId: string }) {
  return db
    .select({ id: applications.id, accountId: applications.accountId, applicantName: applications.applicantName, registrationNumber: applications.registrationNumber })
    .from(applications)
    .where(and(eq(applications.agencyId, options.agencyId), eq(applications.selectionId, options.selectionId), eq(applications.status, 'ms')))
    .orderBy(applications.registrationNumber);
}

// ---- For the dashboards -------------------------------------------------------------------------

export type ReportScope = { agencyId?: string | undefined; selectionId?: string | undefined; formasiId?: string | undefined };

export type ApplicationFunnelCounts = { agencyId: string; selectionId: string; formasiId: string; registered: number; eligible: number };

/** Submitted applications (registered) and those found MS, per round and formation, counted in one grouped query. */
export async function applicationFunnelCounts(db: Db, scope: ReportScope): Promise<ApplicationFunnelCounts[]> {
  const rows = await selectRows<{ agency_id: string; selection_id: string; formasi_id: string; registered: string; eligible: string }>(
    db,
    sql`SELECT agency_id, selection_id, formasi_id, count(*) AS registered, count(*) FILTER (WHERE status = 'ms') AS eligible
        FROM applications
        WHERE status <> 'draft'
          ${scope.agencyId ? sql`AND agency_id = ${scope.agencyId}` : sql``}
          ${scope.selectionId ? sql`AND selection_id = ${scope.selectionId}` : sql``}
          ${scope.formasiId ? sql`AND formasi_id = ${scope.formasiId}` : sql``}
        GROUP BY agency_id, selection_id, formasi_id`,
  );
  return rows.map((r) => ({ agencyId: r.agency_id, selectionId: r.selection_id, formasiId: r.formasi_id, registered: Number(r.registered), eligible: Number(r.eligible) }));
}
