import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * The agency's panel (panitia, admin) sets rubrics, assigns, moderates and locks; observers
 * (pengawas) read everything; assessors (penguji) reach only their own assignments; the agency
 * administrator invites outside assessors.
 */
export const panelScoresPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
  /** A locked score changes only by the panel's audited correction (not by the super administrator: it is the agency's panel's decision). */
  correct: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
  inviteAssessor: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi']),
  assess: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['penguji']),
  markAbsent: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'penguji']),
};
