import { holdsRole, type Role } from '../core/roles.js';
import { AppError } from './errors.js';
import type { SessionAccount } from './modules/sessions/sessions.store.js';

export type Actor = SessionAccount;

export const isSuperAdmin = (actor: Actor) => holdsRole(actor.roles, 'super_admin');

/** The actor holds one of these roles in this agency (a super admin counts only where `national` says so). */
export function hasAgencyRole(actor: Actor, agencyId: string, roles: readonly Role[]): boolean {
  return actor.roles.some((grant) => grant.agencyId === agencyId && roles.includes(grant.role));
}

/** Throws 403 unless the check passed: routes call `authorize(policy.canX(actor, …))`. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw new AppError('FORBIDDEN');
}
