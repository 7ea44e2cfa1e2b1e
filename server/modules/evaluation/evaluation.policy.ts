import { hasAgencyRole, isSuperAdmin, type Actor } from '../../policy.js';

export type PlanRelation = { self: boolean; supervisor: boolean };

/**
 * Performance evaluation: administrators run the periods, the organisation rating and the desks'
 * public links; an employee keeps their own plan; only the employee's direct supervisor agrees the
 * plan and rates it; colleagues of the same unit may give peer input.
 */
export const evaluationPolicy = {
  manage: (actor: Actor, agencyId: string) => isSuperAdmin(actor) || hasAgencyRole(actor, agencyId, ['admin_instansi']),
  employee: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['pegawai']),
  supervisorAny: (actor: Actor, agencyId: string) => hasAgencyRole(actor, agencyId, ['atasan']),
  own: (actor: Actor, agencyId: string, relation: PlanRelation) => hasAgencyRole(actor, agencyId, ['pegawai']) && relation.self,
  supervise: (actor: Actor, agencyId: string, relation: PlanRelation) => hasAgencyRole(actor, agencyId, ['atasan']) && relation.supervisor,
  view: (actor: Actor, agencyId: string, relation: PlanRelation) =>
    evaluationPolicy.manage(actor, agencyId) || evaluationPolicy.own(actor, agencyId, relation) || evaluationPolicy.supervise(actor, agencyId, relation),
};
