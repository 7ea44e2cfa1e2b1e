/**
 * Objections (sanggah) to the administrative result and the result lists they concern
 * (domain-rules §2, PermenPANRB 27/2021): within the window opened by the announcement (3 days by
 * default), once per application, without new documents, pointing at the requirement(s) found TMS;
 * the panel accepts (→ MS) or rejects with an answer; the post-objection result is announced after
 * the window closes, within 7 days.
 */
import { isWithinWindow } from './pipeline.js';
import type { CheckResult, Decision } from './verification.js';

export const SANGGAH_STATUSES = ['diajukan', 'diterima', 'ditolak'] as const;
export type SanggahStatus = (typeof SANGGAH_STATUSES)[number];

export const SANGGAH_LIMITS = {
  reasonMin: 20,
  reasonMax: 2000,
  answerMin: 10,
  answerMax: 2000,
  keysMax: 20,
} as const;

/** Days after the window closes within which the post-objection result is announced. */
export const POST_OBJECTION_ANNOUNCE_DAYS = 7;

export type ObjectionWindowTimes = { opensAt: Date | null; closesAt: Date | null };

export type ObjectionRefusalCode =
  | 'RESULT_NOT_PUBLISHED'
  | 'WINDOW_NOT_OPEN'
  | 'WINDOW_CLOSED'
  | 'NOT_TMS'
  | 'ALREADY_FILED'
  | 'KEYS_NOT_TMS';

export type ObjectionRefusal = { code: ObjectionRefusalCode; message: string; field?: string };

export type ObjectionCheckOptions = {
  /** The server's clock; never the applicant's. */
  now: Date;
  /** The published administrative result's window; null while nothing is published. */
  window: ObjectionWindowTimes | null;
  /** The application's decision as published. */
  decision: Decision | 'submitted' | 'draft';
  /** Requirement keys the application was found TMS on. */
  tmsKeys: readonly string[];
  /** The keys the applicant points at (already unique and non-empty by the request schema). */
  requestedKeys: readonly string[];
  alreadyFiled: boolean;
};

/** Why an objection is refused, or null when it may be filed. */
export function objectionRefusal({ now, window, decision, tmsKeys, requestedKeys, alreadyFiled }: ObjectionCheckOptions): ObjectionRefusal | null {
  if (!window || !window.opensAt || !window.closesAt) {
    return { code: 'RESULT_NOT_PUBLISHED', message: 'Hasil seleksi administrasi belum diumumkan; sanggah dapat diajukan setelah pengumuman.' };
  }
  if (now.getTime() < window.opensAt.getTime()) return { code: 'WINDOW_NOT_OPEN', message: 'Masa sanggah belum dibuka.' };
  if (!isWithinWindow({ now, window: { start: window.opensAt, end: window.closesAt } })) {
    return { code: 'WINDOW_CLOSED', message: 'Masa sanggah sudah berakhir; sanggah tidak dapat diajukan lagi.' };
  }
  if (alreadyFiled) return { code: 'ALREADY_FILED', message: 'Sanggah hanya dapat diajukan satu kali untuk setiap pendaftaran.' };
  if (decision !== 'tms') return { code: 'NOT_TMS', message: 'Sanggah hanya untuk pendaftaran yang dinyatakan Tidak Memenuhi Syarat (TMS).' };
  const tms = new Set(tmsKeys);
  const outside = requestedKeys.filter((key) => !tms.has(key));
  if (outside.length) {
    return { code: 'KEYS_NOT_TMS', field: 'requirementKeys', message: 'Pilih hanya persyaratan yang dinyatakan TMS pada pendaftaran Anda.' };
  }
  return null;
}

export type AcceptanceOptions = {
  checks: ReadonlyArray<{ requirementKey: string; result: CheckResult }>;
  /** The requirement keys the accepted objection pointed at. */
  keys: readonly string[];
};

/** An accepted objection turns the pointed requirements MS; the application is MS when no TMS remains. */
export function applyAcceptance({ checks, keys }: AcceptanceOptions): { checks: Array<{ requirementKey: string; result: CheckResult }>; decision: Decision } {
  const accepted = new Set(keys);
  const next = checks.map((check) => (accepted.has(check.requirementKey) ? { requirementKey: check.requirementKey, result: 'MS' as const } : { ...check }));
  return { checks: next, decision: next.some((check) => check.result === 'TMS') ? 'tms' : 'ms' };
}

export type PublicationIssue = { code: string; message: string };

export type AdministrativePublicationOptions = {
  /** Whether registration is still open by the server's clock (more applications may come). */
  registrationOpen: boolean;
  /** Submitted applications of the round. */
  total: number;
  /** Of those, still without a decision. */
  undecided: number;
  alreadyPublished: boolean;
};

/** The administrative result is published once, after registration closed, when every submitted application is decided. */
export function administrativePublicationIssues({ registrationOpen, total, undecided, alreadyPublished }: AdministrativePublicationOptions): PublicationIssue[] {
  const issues: PublicationIssue[] = [];
  if (alreadyPublished) issues.push({ code: 'ALREADY_PUBLISHED', message: 'Hasil seleksi administrasi seleksi ini sudah diumumkan.' });
  if (registrationOpen) issues.push({ code: 'REGISTRATION_OPEN', message: 'Pendaftaran belum ditutup; hasil administrasi diumumkan setelah pendaftaran ditutup.' });
  if (total === 0) issues.push({ code: 'NOTHING_TO_PUBLISH', message: 'Belum ada pendaftaran yang dikirim pada seleksi ini.' });
  if (undecided > 0) {
    issues.push({ code: 'UNDECIDED', message: `Masih ada ${undecided.toLocaleString('id-ID')} pendaftaran yang belum diputuskan MS/TMS.` });
  }
  return issues;
}

export type PostObjectionPublicationOptions = {
  now: Date;
  administrativePublished: boolean;
  closesAt: Date | null;
  pendingObjections: number;
  alreadyPublished: boolean;
};

/** The post-objection result: after the window has closed and every objection is answered. */
export function postObjectionPublicationIssues({ now, administrativePublished, closesAt, pendingObjections, alreadyPublished }: PostObjectionPublicationOptions): PublicationIssue[] {
  const issues: PublicationIssue[] = [];
  if (alreadyPublished) issues.push({ code: 'ALREADY_PUBLISHED', message: 'Hasil pasca sanggah seleksi ini sudah diumumkan.' });
  if (!administrativePublished || !closesAt) {
    issues.push({ code: 'ADMINISTRATIVE_NOT_PUBLISHED', message: 'Hasil seleksi administrasi belum diumumkan.' });
    return issues;
  }
  if (now.getTime() <= closesAt.getTime()) issues.push({ code: 'WINDOW_OPEN', message: 'Masa sanggah belum berakhir.' });
  if (pendingObjections > 0) {
    issues.push({ code: 'OBJECTIONS_PENDING', message: `Masih ada ${pendingObjections.toLocaleString('id-ID')} sanggah yang belum dijawab.` });
  }
  return issues;
}

/** The day by which the post-objection result should be announced (PermenPANRB 27/2021: within 7 days). */
export function postObjectionDeadline(closesAt: Date): Date {
  return new Date(closesAt.getTime() + POST_OBJECTION_ANNOUNCE_DAYS * 24 * 60 * 60 * 1000);
}

export type ResultEntryInput = { registrationNumber: string; name: string; formasi: string; decision: Decision };
export type ResultEntry = { registrationNumber: string; name: string; formasi: string; result: 'MS' | 'TMS' };

/**
 * The published result list: registration number, name, formation and MS/TMS — never a NIK or
 * any other personal data — ordered by registration number, so its canonical JSON (core/canonical)
 * and the SHA-256 printed in the announcement can be recomputed by anyone from the list.
 */
export function resultList(entries: readonly ResultEntryInput[]): ResultEntry[] {
  return entries
    .map((entry) => ({ registrationNumber: entry.registrationNumber, name: entry.name, formasi: entry.formasi, result: entry.decision === 'ms' ? ('MS' as const) : ('TMS' as const) }))
    .sort((a, b) => (a.registrationNumber < b.registrationNumber ? -1 : a.registrationNumber > b.registrationNumber ? 1 : 0));
}
