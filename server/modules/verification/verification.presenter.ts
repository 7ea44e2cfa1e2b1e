import { CLAIM_LABELS } from '../../../core/eligibility.js';
import { maskEmail, maskNik, maskPhone } from '../../../core/nik.js';
import type { QueueItem, Workspace } from '../../../core/schemas/verification.js';
import { administrationSettings, confirmRefusal } from '../../../core/verification.js';
import type { QueueRow } from './verification.repo.js';
import { decisionState, type WorkspaceData } from './verification.service.js';

type Status = QueueItem['status'];

export function presentQueueItem(row: QueueRow): QueueItem {
  return {
    id: row.id!,
    registrationNumber: row.registration_number,
    applicantName: row.applicant_name,
    status: row.status as Status,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    selection: { id: row.selection_id, name: row.selection_name },
    formasi: { id: row.formasi_id, positionName: row.position_name, unitName: row.unit_name },
    flagCount: Number(row.flag_count),
    assignedVerifier: row.assigned_verifier_id ? { id: row.assigned_verifier_id, name: row.verifier_name ?? '—' } : null,
    claimedAt: row.claimed_at ? new Date(row.claimed_at).toISOString() : null,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    awaitingConfirmation: row.awaiting === true,
  };
}

const HIDDEN = '(disembunyikan)';
const text = (value: unknown) => (typeof value === 'string' ? value : '');

type EducationSnapshot = { level?: unknown; institution?: unknown; programme?: unknown; gpa?: unknown; diplomaNumber?: unknown; year?: unknown };

/** The profile as submitted; NIK, birth date, phone, email, address and diploma numbers masked unless `reveal`. */
function presentProfile(snapshot: Record<string, unknown> | null, email: string | null, reveal: boolean): Workspace['profile'] {
  const p = snapshot ?? {};
  const claims = p.claims && typeof p.claims === 'object' ? Object.entries(p.claims as Record<string, unknown>).filter(([, on]) => on === true).map(([key]) => CLAIM_LABELS[key] ?? key) : [];
  const education = Array.isArray(p.education) ? (p.education as EducationSnapshot[]) : [];
  return {
    masked: !reveal,
    name: text(p.name),
    nik: reveal ? text(p.nik) : maskNik(text(p.nik)),
    birthPlace: text(p.birthPlace),
    birthDate: reveal ? text(p.birthDate) : '****-**-**',
    sex: text(p.sex),
    address: reveal ? text(p.address) : HIDDEN,
    phone: reveal ? text(p.phone) : maskPhone(text(p.phone)),
    email: reveal ? (email ?? '') : maskEmail(email ?? ''),
    disability: text(p.disability),
    claims,
    education: education.map((e) => ({
      level: text(e.level),
      institution: text(e.institution),
      programme: text(e.programme),
      gpa: typeof e.gpa === 'number' ? e.gpa : null,
      diplomaNumber: reveal ? text(e.diplomaNumber) : HIDDEN,
      year: typeof e.year === 'number' ? e.year : null,
    })),
  };
}

export type WorkspaceViewer = {
  accountId: string;
  /** Holds the verifier role in this agency. */
  canWork: boolean;
  canManage: boolean;
  seePersonalData: boolean;
  previewDocuments: boolean;
};

export function presentWorkspace(data: WorkspaceData, viewer: WorkspaceViewer): Workspace {
  const { loaded, reasons, files, checks, requirements, resultPublished, others, names } = data;
  const { application, selection } = loaded;
  const { fourEyes } = administrationSettings(selection.settings);
  const reasonLabel = new Map(reasons.map((r) => [r.code, r.label]));
  const byKey = new Map(checks.map((c) => [c.check.requirementKey, c]));
  const fileByKey = new Map(files.map((f) => [f.key, f]));
  const undecided = application.status === 'submitted';
  const holder = application.assignedVerifierId === viewer.accountId;
  const person = (id: string | null, name?: string | null) => (id ? { id, name: name ?? names.get(id) ?? '—' } : null);
  const base = `/api/agencies/${application.agencyId}/verification/applications/${application.id}/documents`;
  const confirmable = checks.some((c) => confirmRefusal({ check: { requirementKey: c.check.requirementKey, result: c.check.result as 'MS' | 'TMS', verifierId: c.check.verifierId, confirmedBy: c.check.confirmedBy }, confirmerId: viewer.accountId }) === null);
  return {
    application: {
      id: application.id,
      agencyId: application.agencyId,
      registrationNumber: application.registrationNumber,
      status: application.status as Status,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      selection: { id: selection.id, name: selection.name, fourEyes, resultPublished },
      formasi: loaded.formasi,
      assignedVerifier: person(application.assignedVerifierId),
      claimedAt: application.claimedAt?.toISOString() ?? null,
      decidedAt: application.decidedAt?.toISOString() ?? null,
      decidedBy: person(application.decidedBy),
    },
    profile: presentProfile(application.profileSnapshot, application.email, viewer.seePersonalData),
    documents: selection.requiredDocuments
      .filter((d) => d.mandatory || fileByKey.has(d.key))
      .map((d) => {
        const file = fileByKey.get(d.key);
        return {
          key: d.key,
          name: d.name,
          mandatory: d.mandatory,
          formats: d.formats ?? [],
          file: file ? { mime: file.mime, sizeBytes: file.sizeBytes, sha256: file.sha256, uploadedAt: file.uploadedAt.toISOString() } : null,
          previewUrl: file && viewer.previewDocuments ? `${base}/${encodeURIComponent(d.key)}` : null,
        };
      }),
    flags: (application.flags ?? []).map((f) => ({
      kind: f.kind,
      detail: f.detail,
      otherApplicationId: f.otherApplicationId,
      otherRegistrationNumber: others.get(f.otherApplicationId)?.registrationNumber ?? null,
      otherStatus: others.get(f.otherApplicationId)?.status ?? null,
    })),
    checklist: requirements.map((r) => {
      const found = byKey.get(r.key);
      const c = found?.check;
      return {
        key: r.key,
        label: r.label,
        kind: r.kind,
        check: c
          ? {
              result: c.result as 'MS' | 'TMS',
              reasonCode: c.reasonCode,
              reasonLabel: c.reasonCode ? (reasonLabel.get(c.reasonCode) ?? c.reasonCode) : null,
              reasonText: c.reasonText,
              verifier: { id: c.verifierId, name: found.verifierName ?? '—' },
              decidedAt: c.decidedAt.toISOString(),
              confirmedBy: c.confirmedBy ? { id: c.confirmedBy, name: found.confirmerName ?? '—' } : null,
              confirmedAt: c.confirmedAt?.toISOString() ?? null,
            }
          : null,
      };
    }),
    decision: decisionState(requirements, checks.map((c) => c.check), fourEyes),
    can: {
      claim: viewer.canWork && undecided && !holder,
      check: viewer.canWork && undecided && holder,
      decide: viewer.canWork && undecided && holder,
      confirm: viewer.canWork && undecided && fourEyes && confirmable,
      assign: viewer.canManage && undecided,
      reopen: viewer.canManage && !undecided && !resultPublished,
    },
  };
}
