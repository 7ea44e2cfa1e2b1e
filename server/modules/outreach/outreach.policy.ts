import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** Outreach events (sosialisasi) are run by the agency's administrators and selection panel, who also check people in at the door. */
export const outreachPolicy = {
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
};
