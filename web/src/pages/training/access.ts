import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';
import { ENROLMENT_METHOD_LABELS, ENROLMENT_STATUS_LABELS, PROGRAMME_AUDIENCE_LABELS, type EnrolmentStatus } from '../../../../core/training';

export { ATTENDANCE_LABELS, ENROLMENT_METHOD_LABELS, ENROLMENT_STATUS_LABELS, PROGRAMME_AUDIENCE_LABELS, TRAINING_COMPETENCIES } from '../../../../core/training';

/** Mirrors server/modules/training/training.policy.ts. */
export function canManageTraining(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId);
}

export function canReadCatalogue(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || (me?.roles ?? []).some((grant) => grant.agencyId === agencyId);
}

export function canReadAsnFeedback(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || (['admin_instansi', 'panitia', 'pengawas'] as const).some((role) => hasRole(me, role, agencyId));
}

/** Agencies where the account holds a role, e.g. pelatih or pegawai. */
export function agenciesWithRole(me: Me | null | undefined, role: 'pelatih' | 'pegawai' | 'atasan') {
  return (me?.roles ?? []).filter((grant) => grant.role === role && grant.agencyId).map((grant) => ({ agencyId: grant.agencyId!, agencyName: grant.agencyName ?? 'Instansi' }));
}

export const trainingPaths = {
  admin: (agencyId: string) => `/admin/instansi/${agencyId}/pelatihan`,
  programme: (agencyId: string, programmeId: string) => `/admin/instansi/${agencyId}/pelatihan/program/${programmeId}`,
  enrolments: (agencyId: string) => `/admin/instansi/${agencyId}/pelatihan/peserta`,
  session: (agencyId: string, sessionId: string) => `/instansi/${agencyId}/pelatihan/kelas/${sessionId}`,
  asnFeedback: (agencyId: string, selectionId: string) => `/admin/instansi/${agencyId}/seleksi/${selectionId}/umpan-balik-asn`,
  trainer: '/pelatih',
  mine: '/pelatihan-saya',
  certificateCheck: (number: string, token: string) => `/cek-sertifikat/${encodeURIComponent(number)}?t=${encodeURIComponent(token)}`,
};

export const enrolmentStatusLabel = (status: string) => ENROLMENT_STATUS_LABELS[status as EnrolmentStatus] ?? status;
export const enrolmentTag = (status: string) =>
  status === 'completed' ? 'tag-active' : status === 'not_completed' || status === 'rejected' || status === 'cancelled' ? 'tag-failed' : 'tag-pending';
export const methodLabel = (method: string) => (ENROLMENT_METHOD_LABELS as Record<string, string>)[method] ?? method;
export const audienceLabel = (audience: string) => (PROGRAMME_AUDIENCE_LABELS as Record<string, string>)[audience] ?? audience;
export const formatScore = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString('id-ID', { maximumFractionDigits: 2 }));
