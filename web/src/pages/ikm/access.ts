import { IKM_PLAN_STATUS_LABELS, IKM_SURVEY_STATUS_LABELS } from '../../../../core/ikm-survey';
import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Same rules as the server's IKM policy. */
export const canReadIkm = (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'pengawas', agencyId);
export const canManageIkm = (me: Me | null | undefined, agencyId: string) => isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId);

export const ikmPaths = {
  surveys: (agencyId: string) => `/admin/instansi/${agencyId}/ikm`,
  survey: (agencyId: string, surveyId: string) => `/admin/instansi/${agencyId}/ikm/survei/${surveyId}`,
  period: (agencyId: string, periodKey: string) => `/admin/instansi/${agencyId}/ikm/periode/${periodKey}`,
  plans: (agencyId: string) => `/admin/instansi/${agencyId}/ikm/rencana`,
};

export const surveyStatusLabel = (status: string) => (IKM_SURVEY_STATUS_LABELS as Readonly<Record<string, string>>)[status] ?? status;
export const planStatusLabel = (status: string) => (IKM_PLAN_STATUS_LABELS as Readonly<Record<string, string>>)[status] ?? status;
export const surveyStatusTag = (status: string) => (status === 'open' ? 'tag-active' : status === 'closed' ? 'tag-kept' : 'tag-pending');

/** "83,33" */
export const formatIkm = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
/** NRR to three decimals ("3,064"). */
export const formatNrr = (value: number) => value.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 3 });
