import { holdsRole } from '../../../core/roles.js';
import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * The agency's panel publishes final lists, answers objections and runs the optimisation;
 * observers (pengawas) read everything and run the integrity recompute; applicants read and
 * object to their own result and answer their own offers.
 */
export const resultsPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  decide: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
  applicant: (actor: Actor) => holdsRole(actor.roles, 'pelamar'),
};
