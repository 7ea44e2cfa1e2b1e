import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** Employees of an agency: its administrators manage them; an employee and their supervisor see the employee's page. */
export const employeesPolicy = {
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi']),
  viewOne: (actor: Actor, agencyId: string, relation: { self: boolean; supervisor: boolean }) =>
    employeesPolicy.manage(actor, agencyId) || (hasAgencyRole(actor, agencyId, ['pegawai', 'atasan']) && (relation.self || relation.supervisor)),
  /** The atasan's own staff list. */
  myStaff: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['atasan']),
};
