import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Mirrors server/modules/cat-sessions/cat-sessions.policy.ts, to avoid showing useless screens and buttons. */
export function canReadCat(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || (['admin_instansi', 'panitia', 'pengawas'] as const).some((role) => hasRole(me, role, agencyId));
}

export function canManageCat(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId);
}

/** The proctor's console (PIN, photos): the agency's own administrators and panel. */
export function canProctor(me: Me | null | undefined, agencyId: string): boolean {
  return hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId);
}

export const catPaths = {
  sessions: (agencyId: string) => `/admin/instansi/${agencyId}/cat`,
  venues: (agencyId: string) => `/admin/instansi/${agencyId}/cat/lokasi`,
  allocation: (agencyId: string, blueprintId: string) => `/admin/instansi/${agencyId}/cat/tahap/${blueprintId}`,
  console: (agencyId: string, sessionId: string) => `/admin/instansi/${agencyId}/cat/sesi/${sessionId}/pengawas`,
  result: (agencyId: string, attemptId: string) => `/admin/instansi/${agencyId}/cat/hasil/${attemptId}`,
  applicant: '/pelamar/ujian',
};

/** "1 jam 40 menit" from seconds. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds / 60));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours && minutes) return `${hours} jam ${minutes} menit`;
  return hours ? `${hours} jam` : `${minutes} menit`;
}
