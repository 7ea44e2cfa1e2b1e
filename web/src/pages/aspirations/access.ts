import { ASPIRATION_CATEGORY_LABELS, ASPIRATION_STATUS_LABELS, FORUM_STATUS_LABELS } from '../../../../core/aspirations';
import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Same rules as the server's aspiration policy. */
export const canReadAspirations = (me: Me | null | undefined, agencyId: string) =>
  isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId) || hasRole(me, 'pengawas', agencyId);
export const canManageAspirations = (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId);
export const canSetServiceLevel = (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId);

export const aspirationPaths = {
  list: (agencyId: string) => `/admin/instansi/${agencyId}/pengaduan`,
  one: (agencyId: string, id: string) => `/admin/instansi/${agencyId}/pengaduan/${id}`,
  forums: (agencyId: string) => `/admin/instansi/${agencyId}/forum-warga`,
  forum: (agencyId: string, id: string) => `/admin/instansi/${agencyId}/forum-warga/${id}`,
};

const lookup = (labels: Readonly<Record<string, string>>) => (value: string) => labels[value] ?? value;
export const categoryLabel = lookup(ASPIRATION_CATEGORY_LABELS);
export const statusLabel = lookup(ASPIRATION_STATUS_LABELS);
export const forumStatusLabel = lookup(FORUM_STATUS_LABELS);
export const statusTag = (status: string) => (status === 'closed' ? 'tag-kept' : status === 'answered' ? 'tag-active' : 'tag-pending');
