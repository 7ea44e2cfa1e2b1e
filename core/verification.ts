/**
 * Administrative verification (domain-rules §2): every requirement of an application — each
 * required document and each eligibility rule — is checked MS (memenuhi syarat) or TMS (tidak
 * memenuhi syarat) with a reason; the decision follows from the checks, never from a verifier's
 * impression; an optional four-eyes rule asks a second verifier to confirm every TMS.
 */
import type { FieldIssue } from './field-issue.js';
import { OBJECTION_DEFAULTS } from './pipeline.js';

export type CheckResult = 'MS' | 'TMS';
export const CHECK_RESULTS: readonly CheckResult[] = ['MS', 'TMS'];

export type Decision = 'ms' | 'tms';

export type RequirementKind = 'dokumen' | 'syarat';

/** One line of the checklist: "doc:ijazah" (a required document) or "rule:age" (an eligibility rule). */
export type Requirement = { key: string; label: string; kind: RequirementKind };

export const DOCUMENT_PREFIX = 'doc:';
export const RULE_PREFIX = 'rule:';

/** The eligibility rules a verifier checks against the documents (core/eligibility EligibilityRule). */
export const RULE_REQUIREMENTS = {
  age: 'Usia pada tanggal penutupan pendaftaran',
  education: 'Kualifikasi pendidikan sesuai formasi',
  formasiKind: 'Persyaratan jenis formasi khusus',
} as const;

export type RequiredDocumentSpec = { key: string; name: string; mandatory: boolean };

export type RequirementsOptions = {
  /** The round's required documents. */
  documents: readonly RequiredDocumentSpec[];
  /** Keys of the documents the applicant uploaded (an optional document is checked when uploaded). */
  uploadedKeys: readonly string[];
  /** The formation's kind: a special kind (cumlaude, disabilitas…) adds its own rule. */
  formasiKind: string;
};

/**
 * The checklist of one application: every mandatory document, every optional document that was
 * uploaded, then the age and education rules, and the special-kind rule for special formations.
 */
export function requirementsFor({ documents, uploadedKeys, formasiKind }: RequirementsOptions): Requirement[] {
  const uploaded = new Set(uploadedKeys);
  const list: Requirement[] = documents
    .filter((document) => document.mandatory || uploaded.has(document.key))
    .map((document) => ({ key: `${DOCUMENT_PREFIX}${document.key}`, label: document.name, kind: 'dokumen' }));
  list.push({ key: `${RULE_PREFIX}age`, label: RULE_REQUIREMENTS.age, kind: 'syarat' });
  list.push({ key: `${RULE_PREFIX}education`, label: RULE_REQUIREMENTS.education, kind: 'syarat' });
  if (formasiKind !== 'umum') list.push({ key: `${RULE_PREFIX}formasiKind`, label: RULE_REQUIREMENTS.formasiKind, kind: 'syarat' });
  return list;
}

/** The label of a requirement key for people: the document's name, or the rule's description. */
export function requirementLabel(key: string, documents: readonly Pick<RequiredDocumentSpec, 'key' | 'name'>[]): string {
  if (key.startsWith(DOCUMENT_PREFIX)) {
    const documentKey = key.slice(DOCUMENT_PREFIX.length);
    return documents.find((d) => d.key === documentKey)?.name ?? documentKey;
  }
  const rule = key.slice(RULE_PREFIX.length);
  return Object.hasOwn(RULE_REQUIREMENTS, rule) ? RULE_REQUIREMENTS[rule as keyof typeof RULE_REQUIREMENTS] : key;
}

/** What the rules need to know of a recorded check. */
export type CheckState = {
  requirementKey: string;
  result: CheckResult;
  verifierId: string;
  confirmedBy: string | null;
};

export type DecisionIssueCode = 'CHECK_MISSING' | 'MS_WITH_TMS' | 'TMS_WITHOUT_TMS' | 'CONFIRMATION_PENDING';
export type DecisionIssue = { code: DecisionIssueCode; requirementKey: string | null; message: string };

export type EvaluateDecisionOptions = {
  requirements: readonly Requirement[];
  checks: readonly CheckState[];
  /** Four-eyes rule of the round: each TMS needs a second, different verifier's confirmation. */
  fourEyes: boolean;
  decision: Decision;
};

/** Checks of the current requirements only (a check left on a requirement no longer listed does not count). */
function checksByKey(requirements: readonly Requirement[], checks: readonly CheckState[]): Map<string, CheckState> {
  const keys = new Set(requirements.map((r) => r.key));
  return new Map(checks.filter((c) => keys.has(c.requirementKey)).map((c) => [c.requirementKey, c]));
}

/** A TMS stands once confirmed by a verifier other than the one who recorded it. */
export function isConfirmed(check: CheckState): boolean {
  return check.confirmedBy !== null && check.confirmedBy !== check.verifierId;
}

/**
 * Whether a decision may be recorded: every requirement has a check; MS only when every check is
 * MS; TMS only with at least one TMS check; under the four-eyes rule, TMS only when every TMS check
 * was confirmed by a second verifier. Every problem is listed, each with its requirement.
 */
export function evaluateDecision({ requirements, checks, fourEyes, decision }: EvaluateDecisionOptions): { allowed: boolean; issues: DecisionIssue[] } {
  const byKey = checksByKey(requirements, checks);
  const issues: DecisionIssue[] = [];
  for (const requirement of requirements) {
    if (!byKey.has(requirement.key)) {
      issues.push({ code: 'CHECK_MISSING', requirementKey: requirement.key, message: `${requirement.label} belum diperiksa.` });
    }
  }
  const tms = requirements.filter((r) => byKey.get(r.key)?.result === 'TMS');
  if (decision === 'ms') {
    for (const requirement of tms) {
      issues.push({ code: 'MS_WITH_TMS', requirementKey: requirement.key, message: `${requirement.label} berstatus TMS, sehingga pendaftaran tidak dapat dinyatakan MS.` });
    }
  } else {
    if (tms.length === 0 && issues.length === 0) {
      issues.push({ code: 'TMS_WITHOUT_TMS', requirementKey: null, message: 'Keputusan TMS memerlukan sedikitnya satu persyaratan berstatus TMS beserta alasannya.' });
    }
    if (fourEyes) {
      for (const requirement of tms) {
        if (!isConfirmed(byKey.get(requirement.key)!)) {
          issues.push({ code: 'CONFIRMATION_PENDING', requirementKey: requirement.key, message: `TMS pada ${requirement.label} belum dikonfirmasi verifikator kedua (aturan empat mata).` });
        }
      }
    }
  }
  return { allowed: issues.length === 0, issues };
}

/** The decision the checks lead to, or null while a requirement is unchecked. */
export function decisionFromChecks(requirements: readonly Requirement[], checks: readonly CheckState[]): Decision | null {
  const byKey = checksByKey(requirements, checks);
  if (requirements.some((r) => !byKey.has(r.key))) return null;
  return requirements.some((r) => byKey.get(r.key)!.result === 'TMS') ? 'tms' : 'ms';
}

/** Keys of the TMS checks still waiting for a second verifier (four-eyes rule). */
export function pendingConfirmations(requirements: readonly Requirement[], checks: readonly CheckState[]): string[] {
  const byKey = checksByKey(requirements, checks);
  return requirements.filter((r) => byKey.get(r.key)?.result === 'TMS' && !isConfirmed(byKey.get(r.key)!)).map((r) => r.key);
}

export type ConfirmRefusalCode = 'NOT_TMS' | 'SAME_VERIFIER' | 'ALREADY_CONFIRMED';

export type ConfirmOptions = { check: CheckState; confirmerId: string };

/** The four-eyes rule: a TMS is confirmed once, by a verifier other than the one who recorded it. */
export function confirmRefusal({ check, confirmerId }: ConfirmOptions): { code: ConfirmRefusalCode; message: string } | null {
  if (check.result !== 'TMS') return { code: 'NOT_TMS', message: 'Hanya pemeriksaan TMS yang perlu dikonfirmasi.' };
  if (check.verifierId === confirmerId) {
    return { code: 'SAME_VERIFIER', message: 'Aturan empat mata: TMS harus dikonfirmasi oleh verifikator lain, bukan oleh yang mencatatnya.' };
  }
  if (check.confirmedBy !== null) return { code: 'ALREADY_CONFIRMED', message: 'TMS ini sudah dikonfirmasi.' };
  return null;
}

export type CheckInput = { requirementKey: string; result: CheckResult; reasonCode: string | null; reasonText: string };

export type CheckInputOptions = {
  requirements: readonly Requirement[];
  checks: readonly CheckInput[];
  /** Codes of the agency's active reasons. */
  activeReasonCodes: readonly string[];
};

/**
 * A TMS names a reason from the agency's catalogue (the applicant reads it and may object to it);
 * an MS carries no catalogue reason. Each requirement at most once per request, and only the
 * application's own requirements.
 */
export function checkInputIssues({ requirements, checks, activeReasonCodes }: CheckInputOptions): FieldIssue[] {
  const keys = new Set(requirements.map((r) => r.key));
  const reasons = new Set(activeReasonCodes);
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  checks.forEach((check, index) => {
    const at = `checks.${index}`;
    if (!keys.has(check.requirementKey)) {
      issues.push({ field: `${at}.requirementKey`, code: 'REQUIREMENT_UNKNOWN', message: `Persyaratan "${check.requirementKey}" tidak ada pada pendaftaran ini.` });
    } else if (seen.has(check.requirementKey)) {
      issues.push({ field: `${at}.requirementKey`, code: 'REQUIREMENT_REPEATED', message: 'Setiap persyaratan hanya sekali dalam satu permintaan.' });
    }
    seen.add(check.requirementKey);
    if (check.result === 'TMS') {
      if (!check.reasonCode) issues.push({ field: `${at}.reasonCode`, code: 'REASON_REQUIRED', message: 'TMS wajib disertai alasan dari katalog alasan instansi.' });
      else if (!reasons.has(check.reasonCode)) issues.push({ field: `${at}.reasonCode`, code: 'REASON_UNKNOWN', message: 'Alasan tidak ada atau sudah dinonaktifkan pada katalog instansi.' });
    } else if (check.reasonCode) {
      issues.push({ field: `${at}.reasonCode`, code: 'REASON_NOT_FOR_MS', message: 'Alasan dari katalog hanya untuk TMS; untuk MS gunakan catatan bila perlu.' });
    }
  });
  return issues;
}

/** Reasons every agency starts with (the catalogue stays editable per agency). */
export const DEFAULT_VERIFICATION_REASONS: ReadonlyArray<{ code: string; label: string }> = [
  { code: 'tidak_terbaca', label: 'Dokumen tidak terbaca' },
  { code: 'tidak_sesuai', label: 'Dokumen tidak sesuai dengan yang diminta' },
  { code: 'tidak_lengkap', label: 'Dokumen tidak lengkap atau terpotong' },
  { code: 'tidak_sah', label: 'Dokumen tidak ditandatangani atau tidak dilegalisasi' },
  { code: 'data_tidak_cocok', label: 'Data pada dokumen tidak sesuai dengan data pendaftaran' },
  { code: 'ijazah_tidak_sesuai', label: 'Ijazah tidak sesuai kualifikasi pendidikan formasi' },
  { code: 'ipk_kurang', label: 'IPK di bawah persyaratan' },
  { code: 'usia_melebihi', label: 'Usia melebihi batas' },
  { code: 'usia_kurang', label: 'Usia belum memenuhi batas minimal' },
  { code: 'syarat_khusus', label: 'Tidak memenuhi persyaratan formasi khusus' },
];

export type AdministrationSettings = { fourEyes: boolean; objectionDays: number };

/** Longest objection window an agency may set, so a typo cannot keep a round open for months. */
export const MAX_OBJECTION_DAYS = 30;

/**
 * The round's settings that this stage reads (selections.settings): `fourEyes` (true turns the
 * four-eyes rule on) and `objectionDays` (1–30, default 3, PermenPANRB 27/2021). Anything else
 * falls back to the default.
 */
export function administrationSettings(settings: Readonly<Record<string, unknown>> | null | undefined): AdministrationSettings {
  const days = settings?.objectionDays;
  return {
    fourEyes: settings?.fourEyes === true,
    objectionDays: typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= MAX_OBJECTION_DAYS ? days : OBJECTION_DEFAULTS.days,
  };
}
