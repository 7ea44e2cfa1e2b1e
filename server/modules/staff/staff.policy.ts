import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** Staff of an agency are managed by that agency's administrators (and the national super admin). */
export const staffPolicy = {
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi']),
};
