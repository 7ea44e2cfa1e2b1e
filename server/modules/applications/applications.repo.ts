import type { DuplicateCandidate } from '../../../core/registration.js';
import { selectPrepared, type Db } from '../../db/client.js';
import { AUDIT_PENDING_COLUMNS, auditPendingPlaceholders, pendingAuditRow, type AuditInput } from '../audit/audit.service.js';
import type { applicantProfiles } from '../applicants/applicants.table.js';
import type { applicationDocuments, applications } from './applications.table.js';

export type RequiredDocument = { key: string; name: string; formats: string[]; maxKb: number; mandatory: boolean };

/** A formation as an applicant applies to it: with its round and agency. */
export type ApplyTarget = {
  formasi: {
    id: string;
    agencyId: string;
    selectionId: string;
    positionName: string;
    unitName: string;
    kind: string;
    minAge: number;
    maxAge: number;
    qualifications: Array<{ level: string; programmes: string[] }>;
    status: string;
  };
  selection: {
    id: string;
    type: string;
    year: number;
    name: string;
    status: string;
    registrationOpensAt: Date | null;
    registrationClosesAt: Date | null;
    requiredDocuments: RequiredDocument[];
  };
  agency: { id: string; code: string; name: string; timezone: string };
};

// Column lists shared by the statements below (one prepared statement each, no query building per request).
const TARGET_COLUMNS = `f.id AS formasi_id, f.agency_id AS f_agency_id, f.selection_id AS f_selection_id, f.position_name, f.unit_name, f.kind, f.min_age, f.max_age,
  f.qualifications, f.status AS f_status,
  s.type AS s_type, s.year AS s_year, s.name AS s_name, s.status AS s_status, s.registration_opens_at, s.registration_closes_at, s.required_documents,
  g.id AS g_id, g.code AS g_code, g.name AS g_name, g.timezone AS g_timezone`;
const TARGET_FROM = `formasi f JOIN selections s ON s.id = f.selection_id JOIN agencies g ON g.id = f.agency_id`;
// The profile is read here rather than through the applicants service: every applicant request needs it with the rest.
const PROFILE_COLUMNS = `p.account_id AS p_account_id, p.nik AS p_nik, p.name AS p_name, p.birth_place AS p_birth_place, p.birth_date::text AS p_birth_date,
  p.sex AS p_sex, p.address AS p_address, p.phone AS p_phone, p.education AS p_education, p.disability AS p_disability, p.claims AS p_claims,
  p.created_at AS p_created_at, p.updated_at AS p_updated_at`;

const TARGET_SQL = `SELECT ${TARGET_COLUMNS} FROM ${TARGET_FROM} WHERE f.id = $1`;
const TARGET_FOR_APPLICANT_SQL = `SELECT ${TARGET_COLUMNS}, ${PROFILE_COLUMNS} FROM ${TARGET_FROM} LEFT JOIN applicant_profiles p ON p.account_id = $2 WHERE f.id = $1`;

export async function loadApplyTarget(db: Db, formasiId: string): Promise<ApplyTarget | null> {
  const [row] = await selectPrepared<TargetColumns>(db, 'apply_target', TARGET_SQL, [formasiId]);
  return row ? targetFromRow(row) : null;
}

/** The formation with its round and agency, and the applicant's profile (null when not made yet). */
export async function loadApplyTargetForApplicant(db: Db, options: { formasiId: string; accountId: string }): Promise<{ target: ApplyTarget; profile: ProfileRow | null } | null> {
  const [row] = await selectPrepared<TargetColumns & ProfileColumns>(db, 'apply_target_applicant', TARGET_FOR_APPLICANT_SQL, [options.formasiId, options.accountId]);
  return row ? { target: targetFromRow(row), profile: profileFromRow(row) } : null;
}

const INSERT_DRAFT_SQL = `INSERT INTO applications (agency_id, selection_id, formasi_id, account_id, selection_type, selection_year)
  VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING *`;

/** A new draft, or null when the account already has an application in that round. */
export async function insertDraft(db: Db, { accountId, target }: { accountId: string; target: ApplyTarget }): Promise<ApplicationRow | null> {
  const [row] = await selectPrepared<ApplicationColumns>(db, 'application_insert_draft', INSERT_DRAFT_SQL, [
    target.formasi.agencyId,
    target.selection.id,
    target.formasi.id,
    accountId,
    target.selection.type,
    target.selection.year,
  ]);
  return row ? applicationFromRow(row) : null;
}

/** The ranking's generated column (ranking_diplomas) is not read here. */
export type ApplicationRow = Omit<typeof applications.$inferSelect, 'rankingDiplomas'>;
type DocumentRow = typeof applicationDocuments.$inferSelect;
type ProfileRow = typeof applicantProfiles.$inferSelect;

/** An application as its applicant's pages and actions need it: the row, what it applies to, its documents and the applicant's profile. */
export type ApplicationView = { application: ApplicationRow; target: ApplyTarget; documents: DocumentRow[]; profile: ProfileRow | null; accountEmail: string | null };

// One round trip for what used to be five (application, formasi + round + agency, documents,
// profile, account e-mail): every applicant request reads it. The profile and e-mail are read
// here rather than through their modules' services for that reason; `date` columns come as text.
const VIEW_COLUMNS = `a.id, a.agency_id, a.selection_id, a.account_id, a.nik, a.selection_type, a.selection_year, a.status,
  a.registration_number, a.profile_snapshot, a.applicant_name, a.birth_date, a.phone, a.email, a.submitted_at, a.assigned_verifier_id,
  a.claimed_at, a.decided_at, a.decided_by, a.flags, a.created_at, a.updated_at,
  ${TARGET_COLUMNS},
  coalesce((SELECT json_agg(json_build_object('id', d.id, 'agencyId', d.agency_id, 'requirementKey', d.requirement_key, 'fileId', d.file_id, 'sha256', d.sha256, 'uploadedAt', d.uploaded_at) ORDER BY d.requirement_key)
            FROM application_documents d WHERE d.application_id = a.id), '[]'::json) AS documents,
  ${PROFILE_COLUMNS},
  acc.email AS account_email`;
const VIEW_FROM = `FROM applications a
  JOIN (${TARGET_FROM}) ON f.id = a.formasi_id
  JOIN accounts acc ON acc.id = a.account_id
  LEFT JOIN applicant_profiles p ON p.account_id = a.account_id
  WHERE a.id = $1 AND a.account_id = $2`;
const VIEW_SQL = `SELECT ${VIEW_COLUMNS} ${VIEW_FROM}`;
// Under the application's row lock, with the next registration number: a submission that is then
// refused leaves a gap in the (global) sequence, as any rolled-back submission always did.
const VIEW_FOR_SUBMIT_SQL = `SELECT ${VIEW_COLUMNS}, nextval('registration_number_seq') AS next_sequence ${VIEW_FROM} FOR UPDATE OF a`;

type ApplicationColumns = {
  id: string;
  agency_id: string;
  selection_id: string;
  formasi_id: string;
  account_id: string;
  nik: string | null;
  selection_type: string;
  selection_year: number;
  status: string;
  registration_number: string | null;
  profile_snapshot: Record<string, unknown> | null;
  applicant_name: string | null;
  birth_date: string | null;
  phone: string | null;
  email: string | null;
  submitted_at: Date | null;
  assigned_verifier_id: string | null;
  claimed_at: Date | null;
  decided_at: Date | null;
  decided_by: string | null;
  flags: ApplicationRow['flags'];
  created_at: Date;
  updated_at: Date;
};

type TargetColumns = {
  formasi_id: string;
  f_agency_id: string;
  f_selection_id: string;
  position_name: string;
  unit_name: string;
  kind: string;
  min_age: number;
  max_age: number;
  qualifications: Array<{ level: string; programmes: string[] }>;
  f_status: string;
  s_type: string;
  s_year: number;
  s_name: string;
  s_status: string;
  registration_opens_at: Date | null;
  registration_closes_at: Date | null;
  required_documents: RequiredDocument[];
  g_id: string;
  g_code: string;
  g_name: string;
  g_timezone: string;
};

type ProfileColumns = {
  p_account_id: string | null;
  p_nik: string;
  p_name: string;
  p_birth_place: string;
  p_birth_date: string;
  p_sex: string;
  p_address: string;
  p_phone: string;
  p_education: ProfileRow['education'];
  p_disability: string;
  p_claims: ProfileRow['claims'];
  p_created_at: Date;
  p_updated_at: Date;
};

type ViewRow = ApplicationColumns &
  TargetColumns &
  ProfileColumns & {
    documents: Array<Omit<DocumentRow, 'applicationId' | 'uploadedAt'> & { uploadedAt: string }>;
    account_email: string;
    next_sequence?: string | number;
  };

function applicationFromRow(r: ApplicationColumns): ApplicationRow {
  return {
    id: r.id,
    agencyId: r.agency_id,
    selectionId: r.selection_id,
    formasiId: r.formasi_id,
    accountId: r.account_id,
    nik: r.nik,
    selectionType: r.selection_type,
    selectionYear: r.selection_year,
    status: r.status,
    registrationNumber: r.registration_number,
    profileSnapshot: r.profile_snapshot,
    applicantName: r.applicant_name,
    birthDate: r.birth_date,
    phone: r.phone,
    email: r.email,
    submittedAt: r.submitted_at,
    assignedVerifierId: r.assigned_verifier_id,
    claimedAt: r.claimed_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    flags: r.flags,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function targetFromRow(r: TargetColumns): ApplyTarget {
  return {
    formasi: {
      id: r.formasi_id,
      agencyId: r.f_agency_id,
      selectionId: r.f_selection_id,
      positionName: r.position_name,
      unitName: r.unit_name,
      kind: r.kind,
      minAge: r.min_age,
      maxAge: r.max_age,
      qualifications: r.qualifications,
      status: r.f_status,
    },
    selection: {
      id: r.f_selection_id,
      type: r.s_type,
      year: r.s_year,
      name: r.s_name,
      status: r.s_status,
      registrationOpensAt: r.registration_opens_at,
      registrationClosesAt: r.registration_closes_at,
      requiredDocuments: r.required_documents,
    },
    agency: { id: r.g_id, code: r.g_code, name: r.g_name, timezone: r.g_timezone },
  };
}

function profileFromRow(r: ProfileColumns): ProfileRow | null {
  if (!r.p_account_id) return null;
  return {
    accountId: r.p_account_id,
    nik: r.p_nik,
    name: r.p_name,
    birthPlace: r.p_birth_place,
    birthDate: r.p_birth_date,
    sex: r.p_sex,
    address: r.p_address,
    phone: r.p_phone,
    education: r.p_education,
    disability: r.p_disability,
    claims: r.p_claims,
    createdAt: r.p_created_at,
    updatedAt: r.p_updated_at,
  };
}

function viewFromRow(r: ViewRow): ApplicationView {
  return {
    application: applicationFromRow(r),
    target: targetFromRow(r),
    documents: r.documents.map((d) => ({ ...d, applicationId: r.id, uploadedAt: new Date(d.uploadedAt) })),
    profile: profileFromRow(r),
    accountEmail: r.account_email,
  };
}

/** The applicant's own application with everything its pages show (one statement), or null. */
export async function loadApplicationView(db: Db, options: { accountId: string; applicationId: string }): Promise<ApplicationView | null> {
  const [row] = await selectPrepared<ViewRow>(db, 'application_view', VIEW_SQL, [options.applicationId, options.accountId]);
  return row ? viewFromRow(row) : null;
}

/** The same, locked for a submission (inside its transaction), with the next registration sequence number. */
export async function lockApplicationForSubmit(tx: Db, options: { accountId: string; applicationId: string }): Promise<(ApplicationView & { nextSequence: number }) | null> {
  const [row] = await selectPrepared<ViewRow>(tx, 'application_view_submit', VIEW_FOR_SUBMIT_SQL, [options.applicationId, options.accountId]);
  return row ? { ...viewFromRow(row), nextSequence: Number(row.next_sequence) } : null;
}

export type DuplicateProbe = { agencyId: string; selectionId: string; excludeId: string; birthDate: string; phone: string; email: string; documentHashes: string[] };

export type SubmitAndFindOptions = {
  applicationId: string;
  set: { nik: string; registrationNumber: string; profileSnapshot: Record<string, unknown>; applicantName: string; birthDate: string; phone: string; email: string | null; submittedAt: Date };
  probe: DuplicateProbe;
  /** The submission's audit entry, recorded by the same statement. */
  audit: AuditInput;
};

// Freezes the application, records its audit entry (linked into the agency's chain at commit) and
// finds the submitted applications of the same round that may duplicate it — same birth date (the
// name is compared in core), same phone or e-mail, or sharing a document file — each through its
// own index, so a submission costs the same in a round of 100 or of 100,000 applications. One
// statement (the search sees the table as it was before the update).
const SUBMIT_SQL = `WITH submitted AS (
    UPDATE applications SET status = 'submitted', nik = $2, registration_number = $3, profile_snapshot = $4::jsonb, applicant_name = $5,
           birth_date = $6, phone = $7, email = $8, submitted_at = $9, updated_at = $9
    WHERE id = $1 RETURNING *
  ), audited AS (
    INSERT INTO audit_pending (${AUDIT_PENDING_COLUMNS}) SELECT ${auditPendingPlaceholders(14)} FROM submitted
  ), candidates AS (
    SELECT id FROM applications WHERE selection_id = $10 AND birth_date = $6
    UNION SELECT id FROM applications WHERE selection_id = $10 AND phone = $7
    UNION SELECT id FROM applications WHERE selection_id = $10 AND email = $11
    UNION SELECT application_id FROM application_documents WHERE agency_id = $12 AND sha256 = ANY($13::text[])
  ), others AS (
    SELECT o.id, o.applicant_name, o.birth_date, o.phone, o.email,
           coalesce((SELECT array_agg(d.sha256) FROM application_documents d WHERE d.application_id = o.id), '{}') AS hashes
    FROM applications o
    WHERE o.id IN (SELECT id FROM candidates) AND o.selection_id = $10 AND o.id <> $1 AND o.status <> 'draft'
    LIMIT 200
  )
  SELECT s.*, (SELECT coalesce(json_agg(json_build_object('applicationId', o.id, 'name', coalesce(o.applicant_name, ''), 'birthDate', coalesce(o.birth_date, ''),
                      'phone', coalesce(o.phone, ''), 'email', coalesce(o.email, ''), 'documentHashes', o.hashes)), '[]'::json) FROM others o) AS others
  FROM submitted s`;

/** Submits (inside the caller's transaction) with its audit entry, and returns the submitted row and the likely duplicates. */
export async function submitAndFindDuplicates(tx: Db, { applicationId, set, probe, audit }: SubmitAndFindOptions) {
  const [row] = await selectPrepared<ApplicationColumns & { others: DuplicateCandidate[] }>(tx, 'application_submit', SUBMIT_SQL, [
    applicationId,
    set.nik,
    set.registrationNumber,
    JSON.stringify(set.profileSnapshot),
    set.applicantName,
    set.birthDate,
    set.phone,
    set.email,
    set.submittedAt,
    probe.selectionId,
    probe.email,
    probe.agencyId,
    probe.documentHashes,
    ...pendingAuditRow(audit),
  ]);
  if (!row) throw new Error(`application ${applicationId} vanished under its lock`);
  return { submitted: applicationFromRow(row), others: row.others };
}
