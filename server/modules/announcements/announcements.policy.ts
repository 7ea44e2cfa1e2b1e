import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** Announcements (pengumuman): the agency's administrators and selection panel write them; its observers read them too. */
export const announcementPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
};
