import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** The panel corrects a CAT result (with a reason, keeping the original); observers read the corrections. */
export const catResultPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  correct: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
};
