import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/**
 * Verifiers work the queue; the agency's administrators and panel assign and keep the reason
 * catalogue; observers (pengawas) read everything, change nothing.
 */
export const verificationPolicy = {
  read: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['verifikator', 'admin_instansi', 'panitia', 'pengawas']),
  work: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['verifikator']),
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia']),
  /** Releasing a claim: the verifier holding it (checked by the service) or a manager. */
  release: (actor: Actor, agencyId: string) => verificationPolicy.work(actor, agencyId) || verificationPolicy.manage(actor, agencyId),
  /** NIK, birth date, phone, address, email unmasked: only those who verify or administer this agency. */
  seePersonalData: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['verifikator', 'admin_instansi']),
  /** The uploaded documents themselves: staff of this agency only. */
  previewDocuments: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['verifikator', 'admin_instansi', 'panitia', 'pengawas']),
};
