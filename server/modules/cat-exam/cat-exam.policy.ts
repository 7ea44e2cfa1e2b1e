import { holdsRole } from '../../../core/roles.js';
import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

export const catExamPolicy = {
  /** Participants are applicants taking their own attempts. */
  participant: (actor: Actor) => holdsRole(actor.roles, 'pelamar'),
  /** The SKD result and who proceeds: the panel publishes; observers read. */
  readSkdResult: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  publishSkdResult: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
};
