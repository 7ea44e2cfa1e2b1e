import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * CAT venues, sessions and allocation are run by the agency's administrators and selection panel;
 * its external observers (pengawas) read them. The proctor's console — the session PIN and the
 * applicants' photos — is for the agency's own administrators and panel only (they proctor for now).
 */
export const catSessionPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
  proctor: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
};
