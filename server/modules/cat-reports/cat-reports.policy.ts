import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * Reports of a CAT stage: attendance and score statistics for the agency's administrators, panel
 * and external observers; item analysis for those who plan the tests (its question content is
 * shown per question only to that question's bank managers).
 */
export const catReportPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  items: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
};
