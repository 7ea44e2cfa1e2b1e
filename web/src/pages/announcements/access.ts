import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Same rule as the server's announcement policy: administrators and the selection panel write; observers read. */
export function canManageAnnouncements(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId);
}

export function canReadAnnouncements(me: Me | null | undefined, agencyId: string): boolean {
  return canManageAnnouncements(me, agencyId) || hasRole(me, 'pengawas', agencyId);
}

export const staffAnnouncementsPath = (agencyId: string) => `/admin/instansi/${agencyId}/pengumuman`;
export const staffAnnouncementPath = (agencyId: string, id: string) => `/admin/instansi/${agencyId}/pengumuman/${id}`;
