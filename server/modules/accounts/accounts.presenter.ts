import type { Me } from '../../../core/schemas/accounts.js';
import type { SessionAccount } from '../sessions/sessions.store.js';

export function presentMe(account: Omit<SessionAccount, 'sessionId'>): Me {
  return { id: account.accountId, email: account.email, name: account.name, emailVerified: account.emailVerified, roles: account.roles };
}
