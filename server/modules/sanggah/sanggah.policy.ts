import { holdsRole } from '../../../core/roles.js';
import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * The agency's panel publishes results and answers objections; observers (pengawas) read every
 * objection, answer and decision; applicants object to their own result only.
 */
export const sanggahPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  decide: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
  applicant: (actor: Actor) => holdsRole(actor.roles, 'pelamar'),
};
