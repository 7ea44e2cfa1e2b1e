import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * Citizens' aspirations and complaints and community forums: the agency's administrators and
 * selection panel handle them (complaints about recruitment are the panel's); observers read them
 * without the reporters' contact details.
 */
export const aspirationPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
  /** The service level binds the whole agency: its administrators set it. */
  settings: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi']),
};
