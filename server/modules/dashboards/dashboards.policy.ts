import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * Dashboards: the people who run and watch an agency's selections read its dashboards; the super
 * administrator reads every agency's and the national one (aggregated across agencies).
 */
export const dashboardsPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  readNational: (actor: Actor) => isSuperAdmin(actor),
};
