import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

export const auditPolicy = {
  /** Agency administrators and its external observers read (and verify) the agency's audit trail. */
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'pengawas']),
  readNational: (actor: Actor) => isSuperAdmin(actor),
};
