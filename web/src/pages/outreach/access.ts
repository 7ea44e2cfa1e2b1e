import { OUTREACH_AUDIENCE_LABELS, OUTREACH_EVENT_STATUS_LABELS, OUTREACH_KIND_LABELS, REGISTRATION_STATUS_LABELS } from '../../../../core/outreach';
import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Same rule as the server's outreach policy. */
export function canManageOutreach(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId);
}

export const staffEventsPath = (agencyId: string) => `/admin/instansi/${agencyId}/sosialisasi`;
export const staffEventPath = (agencyId: string, id: string) => `/admin/instansi/${agencyId}/sosialisasi/${id}`;
export const checkInPath = (agencyId: string, id: string) => `/admin/instansi/${agencyId}/sosialisasi/${id}/presensi`;

const lookup = (labels: Readonly<Record<string, string>>) => (value: string) => labels[value] ?? value;
export const audienceLabel = lookup(OUTREACH_AUDIENCE_LABELS);
export const kindLabel = lookup(OUTREACH_KIND_LABELS);
export const eventStatusLabel = lookup(OUTREACH_EVENT_STATUS_LABELS);
export const registrationStatusLabel = lookup(REGISTRATION_STATUS_LABELS);
