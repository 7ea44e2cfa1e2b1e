import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** Units, positions, tasks and the workload analysis (ABK) of an agency. */
export const organisationPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
  /** The effective working time changes every proposal of the agency: its administrators only. */
  editSettings: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi']),
};
