import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * Test blueprints name banks and counts, never question content: the agency's administrators and
 * selection panel plan them; its external observers (pengawas) read them.
 */
export const catBlueprintPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
};
