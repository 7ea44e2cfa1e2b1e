// Who may do what on the verification, result and objection pages. The server enforces the same
// rules (server/modules/verification/verification.policy.ts, server/modules/sanggah/sanggah.policy.ts);
// these only avoid showing a useless screen or button.
import type { Me, Role } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

const inAgency = (me: Me | null | undefined, agencyId: string, roles: Role[]) => roles.some((role) => hasRole(me, role, agencyId));

export const verificationAccess = {
  read: (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || inAgency(me, agencyId, ['verifikator', 'admin_instansi', 'panitia', 'pengawas']),
  work: (me: Me | null | undefined, agencyId: string) => inAgency(me, agencyId, ['verifikator']),
  manage: (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || inAgency(me, agencyId, ['admin_instansi', 'panitia']),
  results: (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || inAgency(me, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  observe: (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || inAgency(me, agencyId, ['pengawas', 'admin_instansi']),
};

/** Agencies where the account verifies, manages verification or observes (for navigation). */
export function verificationAgencies(me: Me | null | undefined): Array<{ agencyId: string; agencyName: string; roles: Role[] }> {
  const byAgency = new Map<string, { agencyId: string; agencyName: string; roles: Role[] }>();
  for (const grant of me?.roles ?? []) {
    if (!grant.agencyId || !['verifikator', 'admin_instansi', 'panitia', 'pengawas'].includes(grant.role)) continue;
    const entry = byAgency.get(grant.agencyId) ?? { agencyId: grant.agencyId, agencyName: grant.agencyName ?? 'Instansi', roles: [] };
    entry.roles.push(grant.role);
    byAgency.set(grant.agencyId, entry);
  }
  return [...byAgency.values()];
}

export const paths = {
  queue: (agencyId: string) => `/instansi/${agencyId}/verifikasi`,
  workspace: (agencyId: string, applicationId: string) => `/instansi/${agencyId}/verifikasi/${applicationId}`,
  progress: (agencyId: string) => `/instansi/${agencyId}/verifikasi/kemajuan`,
  reasons: (agencyId: string) => `/instansi/${agencyId}/verifikasi/alasan`,
  results: (agencyId: string) => `/instansi/${agencyId}/hasil-administrasi`,
  desk: (agencyId: string) => `/instansi/${agencyId}/sanggah`,
  sanggah: (agencyId: string, sanggahId: string) => `/instansi/${agencyId}/sanggah/${sanggahId}`,
  observer: (agencyId: string) => `/pengawas/instansi/${agencyId}`,
  applicantResult: (applicationId: string) => `/pelamar/pendaftaran/${applicationId}/hasil`,
  announcement: (announcementId: string) => `/pengumuman/${announcementId}`,
};

export const STATUS_LABELS: Record<string, string> = {
  draft: 'Draf',
  submitted: 'Belum diputuskan',
  ms: 'MS',
  tms: 'TMS',
};

export const FLAG_LABELS: Record<string, string> = {
  nama_tanggal_lahir: 'Nama dan tanggal lahir sama',
  telepon: 'Nomor HP sama',
  email: 'Email sama',
  dokumen: 'Berkas dokumen identik',
};
