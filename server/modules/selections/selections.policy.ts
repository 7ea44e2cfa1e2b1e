import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * Selection rounds are run by the agency's administrators and its selection committee (panitia);
 * external observers (pengawas) read them, and nobody else in the agency needs to.
 */
export const selectionPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
};
