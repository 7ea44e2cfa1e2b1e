import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** Formasi of an agency's selections: planned by its administrators and selection committee, watched by its observers. */
export const formasiPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
};
