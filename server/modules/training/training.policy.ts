import { STAFF_ROLES } from '../../../core/roles.js';
import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

/** Training: administrators run the catalogue; trainers their classes; supervisors their staff's enrolments; participants their own. */
export const trainingPolicy = {
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi']),
  /** The catalogue and the class schedule: anyone working in the agency. */
  readCatalogue: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, STAFF_ROLES),
  teach: (actor: Actor, agencyId: string, session: { trainerAccountId: string | null }) => hasAgencyRole(actor, agencyId, ['pelatih']) && session.trainerAccountId === actor.accountId,
  teachAny: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['pelatih']),
  supervise: (actor: Actor, agencyId: string, relation: { supervisor: boolean }) => hasAgencyRole(actor, agencyId, ['atasan']) && relation.supervisor,
  superviseAny: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['atasan']),
  request: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['pegawai']),
  participant: (actor: Actor, enrolment: { accountId: string | null }) => enrolment.accountId !== null && enrolment.accountId === actor.accountId,
  /** New ASN's feedback beside a round: the people who run and watch selections. */
  readFeedback: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi', 'panitia', 'pengawas']),
};
