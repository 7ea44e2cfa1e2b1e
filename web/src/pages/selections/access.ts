import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Mirrors server/modules/selections/selections.policy.ts, to avoid showing useless screens and buttons. */
export function canReadSelections(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || (['admin_instansi', 'panitia', 'pengawas'] as const).some((role) => hasRole(me, role, agencyId));
}

export function canManageSelections(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId);
}

/** Agencies whose rounds this account may read (for the navigation and the dashboard). */
export function selectionAgencies(me: Me | null | undefined): Array<{ agencyId: string; agencyName: string }> {
  const seen = new Map<string, string>();
  for (const grant of me?.roles ?? []) {
    if (grant.agencyId && ['admin_instansi', 'panitia', 'pengawas'].includes(grant.role)) seen.set(grant.agencyId, grant.agencyName ?? 'Instansi');
  }
  return [...seen].map(([agencyId, agencyName]) => ({ agencyId, agencyName }));
}

export const selectionPaths = {
  list: (agencyId: string) => `/admin/instansi/${agencyId}/seleksi`,
  editor: (agencyId: string, selectionId: string) => `/admin/instansi/${agencyId}/seleksi/${selectionId}`,
  formasi: (agencyId: string, selectionId: string) => `/admin/instansi/${agencyId}/seleksi/${selectionId}/formasi`,
  audit: (agencyId: string) => `/admin/instansi/${agencyId}/audit`,
};

export const portalPaths = {
  search: '/formasi',
  formasi: (formasiId: string) => `/formasi/${formasiId}`,
  selection: (selectionId: string) => `/seleksi/${selectionId}`,
  apply: (formasiId: string) => `/pelamar/daftar?formasi=${encodeURIComponent(formasiId)}`,
};
