import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** Who may do what with agencies (instansi). */
export const agencyPolicy = {
  list: (actor: Actor) => isSuperAdmin(actor),
  create: (actor: Actor) => isSuperAdmin(actor),
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || actor.roles.some((grant) => grant.agencyId === agencyId),
  update: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi']),
};
