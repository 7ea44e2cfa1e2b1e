import { isSuperAdmin, type Actor } from '../../policy.js';

export const notificationPolicy = {
  /** The email outbox holds every account's links: only the national super admin reads it. */
  readOutbox: (actor: Actor) => isSuperAdmin(actor),
};
