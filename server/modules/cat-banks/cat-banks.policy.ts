import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** Who manages an agency's question banks: its administrators and its selection panel. */
const MANAGERS = ['admin_instansi', 'panitia'] as const;

/**
 * CAT question banks. Question content and keys are secret: only a bank's managers read them
 * (agency banks: that agency's admin and panel; national banks: the super administrator). Others
 * who plan tests see the banks' names and counts, never their content.
 */
export const catBankPolicy = {
  /** The agency's banks and the national ones, by name and counts. */
  list: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, MANAGERS),
  /** Create a bank for the agency. */
  createAgencyBank: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, MANAGERS),
  /** National banks: list, create and manage. */
  national: (actor: Actor) => isSuperAdmin(actor),
  /** Read and change a bank's questions (content and keys). */
  manage: (actor: Actor, bank: { agencyId: string | null }) =>
    bank.agencyId === null ? isSuperAdmin(actor) : hasAgencyRole(actor, bank.agencyId, MANAGERS),
};
