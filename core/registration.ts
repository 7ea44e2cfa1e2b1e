/**
 * Registration rules that are not eligibility: the registration window by the server's clock, the
 * registration number, and the duplicate flags a verifier sees.
 */

export type RegistrationWindowOptions = { now: Date; opensAt: Date | null; closesAt: Date | null };
export type RegistrationWindowState = 'belum_dibuka' | 'dibuka' | 'ditutup';

/**
 * Open from `opensAt` inclusive to `closesAt` inclusive (the closing instant is the last
 * millisecond of the closing day in the agency's zone), judged by the server's clock only.
 */
export function registrationWindowState({ now, opensAt, closesAt }: RegistrationWindowOptions): RegistrationWindowState {
  if (!opensAt || !closesAt || now.getTime() < opensAt.getTime()) return 'belum_dibuka';
  if (now.getTime() > closesAt.getTime()) return 'ditutup';
  return 'dibuka';
}

export type RegistrationNumberOptions = { type: string; year: number; agencyCode: string; sequence: number };

/** "CPNS2026-KOTAMANNA-0000123": type and year, the agency's code, a sequence number. */
export function formatRegistrationNumber({ type, year, agencyCode, sequence }: RegistrationNumberOptions): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
  const agency = agencyCode.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 12) || 'INSTANSI';
  return `${type.toUpperCase()}${year}-${agency}-${String(sequence).padStart(7, '0')}`;
}

export type DuplicateCandidate = {
  applicationId: string;
  name: string;
  birthDate: string;
  phone: string;
  email: string;
  documentHashes: readonly string[];
};

export type DuplicateKind = 'nama_tanggal_lahir' | 'telepon' | 'email' | 'dokumen';
export type DuplicateFlag = { kind: DuplicateKind; otherApplicationId: string; detail: string };

const normaliseName = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim();
/** "+62 812-3456" and "0812 3456" are the same number. */
export const normalisePhone = (phone: string) => phone.replace(/\D/g, '').replace(/^62/, '0');

export type DuplicateFlagOptions = { application: DuplicateCandidate; others: readonly DuplicateCandidate[] };

/**
 * Likely duplicates beyond the NIK constraint (issue: same name and birth date, same phone or
 * email, the same document file in two applications). Flags are input for the verifier, never a decision.
 */
export function duplicateFlags({ application, others }: DuplicateFlagOptions): DuplicateFlag[] {
  const flags: DuplicateFlag[] = [];
  const name = normaliseName(application.name);
  const phone = normalisePhone(application.phone);
  const email = application.email.toLowerCase();
  const hashes = new Set(application.documentHashes);
  for (const other of others) {
    if (other.applicationId === application.applicationId) continue;
    if (name && normaliseName(other.name) === name && other.birthDate === application.birthDate) {
      flags.push({ kind: 'nama_tanggal_lahir', otherApplicationId: other.applicationId, detail: 'Nama dan tanggal lahir sama' });
    }
    if (phone && normalisePhone(other.phone) === phone) {
      flags.push({ kind: 'telepon', otherApplicationId: other.applicationId, detail: 'Nomor HP sama' });
    }
    if (email && other.email.toLowerCase() === email) {
      flags.push({ kind: 'email', otherApplicationId: other.applicationId, detail: 'Email sama' });
    }
    const shared = other.documentHashes.find((hash) => hashes.has(hash));
    if (shared) {
      flags.push({ kind: 'dokumen', otherApplicationId: other.applicationId, detail: `Berkas dokumen identik (SHA-256 ${shared.slice(0, 12)}…)` });
    }
  }
  return flags;
}

/** "Andi Pratama" → "A*** P******": each word keeps its first letter (public pages never show a full name with a NIK). */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${word.charAt(0)}${'*'.repeat(Math.max(word.length - 1, 1))}`)
    .join(' ');
}
