import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Mirrors server/modules/organisation and formasi policies, to avoid showing useless screens and buttons. */
export function canReadPlanning(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || (['admin_instansi', 'panitia', 'pengawas'] as const).some((role) => hasRole(me, role, agencyId));
}

export function canManagePlanning(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId);
}

export function canEditAbkSettings(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId);
}

export const planningPaths = {
  abk: (agencyId: string) => `/admin/instansi/${agencyId}/abk`,
  units: (agencyId: string) => `/admin/instansi/${agencyId}/unit-kerja`,
  position: (agencyId: string, positionId: string) => `/admin/instansi/${agencyId}/abk/jabatan/${positionId}`,
  formasi: (agencyId: string, selectionId: string) => `/admin/instansi/${agencyId}/seleksi/${selectionId}/formasi`,
};

const decimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
export const formatDecimal = (value: number | null | undefined) => (value === null || value === undefined ? '—' : decimal.format(value));

/** Numbers typed with a comma or a point as the decimal separator ("12,5"); NaN when not a number. */
export function parseDecimal(text: string): number {
  const trimmed = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return Number.NaN;
  return Number(trimmed.replace(',', '.'));
}
