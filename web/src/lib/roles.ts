import { ROLE_LABELS, STAFF_ROLES } from '../../../core/roles';
import type { Me, Role, RoleGrant } from '../api/types';

export const roleLabels: Record<Role, string> = ROLE_LABELS;

/** Roles an agency admin may give to the agency's staff (never super admin or applicant). */
export const staffRoles: readonly Role[] = STAFF_ROLES;

export function roleLabel(role: string): string {
  return (roleLabels as Record<string, string>)[role] ?? role;
}

/** Labels in the canonical role order, whatever order the server sent. */
export function roleList(roles: readonly string[]): string {
  const order = Object.keys(roleLabels);
  const rank = (role: string) => (order.includes(role) ? order.indexOf(role) : order.length);
  return [...roles].sort((a, b) => rank(a) - rank(b)).map(roleLabel).join(', ');
}

export function hasRole(me: Me | null | undefined, role: Role, agencyId?: string): boolean {
  if (!me) return false;
  return me.roles.some((grant) => grant.role === role && (agencyId === undefined || grant.agencyId === agencyId));
}

export function isSuperAdmin(me: Me | null | undefined): boolean {
  return hasRole(me, 'super_admin');
}

/** Agencies whose staff and audit trail this account may manage. */
export function adminAgencies(me: Me | null | undefined): Array<{ agencyId: string; agencyName: string }> {
  if (!me) return [];
  const seen = new Map<string, string>();
  for (const grant of me.roles) {
    if (grant.role === 'admin_instansi' && grant.agencyId) {
      seen.set(grant.agencyId, grant.agencyName ?? 'Instansi');
    }
  }
  return [...seen].map(([agencyId, agencyName]) => ({ agencyId, agencyName }));
}

export function canManageAgency(me: Me | null | undefined, agencyId: string): boolean {
  return isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId);
}

/** The agency's audit trail: its administrators and its external observers (pengawas), as the server allows. */
export function canReadAudit(me: Me | null | undefined, agencyId: string): boolean {
  return canManageAgency(me, agencyId) || hasRole(me, 'pengawas', agencyId);
}

/** Grants in the order of `roleLabels`, so the dashboard always lists roles the same way. */
export function sortedGrants(grants: RoleGrant[]): RoleGrant[] {
  const order = Object.keys(roleLabels);
  return [...grants].sort(
    (a, b) => order.indexOf(a.role) - order.indexOf(b.role) || (a.agencyName ?? '').localeCompare(b.agencyName ?? '', 'id'),
  );
}
