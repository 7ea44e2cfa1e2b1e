import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * The public satisfaction index of an agency's service units: its administrators run the surveys,
 * publish the reports and keep the improvement plans; observers (pengawas) may read the results.
 */
export const ikmPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'pengawas']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi']),
};
