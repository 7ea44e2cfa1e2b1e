import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';
import { EMPLOYEE_STATUS_LABELS, EMPLOYMENT_TYPE_LABELS, END_REASON_LABELS, type EmployeeStatus, type EmploymentType, type EndReason } from '../../../../core/employees';

export { EMPLOYEE_SOURCE_LABELS, EMPLOYEE_STATUS_LABELS, EMPLOYMENT_TYPE_LABELS, END_REASON_LABELS, END_REASONS } from '../../../../core/employees';

/** Mirrors server/modules/employees/employees.policy.ts, to avoid showing useless screens and buttons. */
export function canManageEmployees(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId);
}

/** Agencies where the account supervises staff (role atasan). */
export function supervisorAgencies(me: Me | null | undefined) {
  return (me?.roles ?? []).filter((grant) => grant.role === 'atasan' && grant.agencyId).map((grant) => ({ agencyId: grant.agencyId!, agencyName: grant.agencyName ?? 'Instansi' }));
}

export const employeePaths = {
  list: (agencyId: string) => `/admin/instansi/${agencyId}/pegawai`,
  detail: (agencyId: string, employeeId: string) => `/instansi/${agencyId}/pegawai/${employeeId}`,
  appoint: (agencyId: string, selectionId: string) => `/admin/instansi/${agencyId}/seleksi/${selectionId}/pengangkatan`,
  myStaff: '/atasan',
  mine: '/pegawai',
};

export const typeLabel = (type: string) => EMPLOYMENT_TYPE_LABELS[type as EmploymentType] ?? type;
export const statusLabel = (status: string) => EMPLOYEE_STATUS_LABELS[status as EmployeeStatus] ?? status;
export const endReasonLabel = (reason: string | null) => (reason ? (END_REASON_LABELS[reason as EndReason] ?? reason) : '—');
export const statusTag = (status: string) => (status === 'active' ? 'tag-active' : status === 'calon' ? 'tag-pending' : 'tag-failed');

/** "2025-03-01" → "1 Mar 2025" (calendar dates, no time zone involved). */
export function formatIsoDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}
