import { holdsRole } from '../../../core/roles.js';
import type { Actor } from '../../policy.js';

export const applicantPolicy = {
  /** Applicants keep their own profile and applications. */
  self: (actor: Actor) => holdsRole(actor.roles, 'pelamar'),
};
