import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accountRoles, accountTokens, accounts, loginThrottle } from './accounts.table.js';
import { newToken } from '../sessions/sessions.store.js';

export type TokenPurpose = 'verify_email' | 'password_reset' | 'invitation';

export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 48 * 3600 * 1000,
  password_reset: 3600 * 1000,
  invitation: 7 * 24 * 3600 * 1000,
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export function findAccountByEmail(db: Db, email: string) {
  return db.select().from(accounts).where(eq(accounts.email, email.toLowerCase())).then((rows) => rows[0]);
}

export function findAccountById(db: Db, id: string) {
  return db.select().from(accounts).where(eq(accounts.id, id)).then((rows) => rows[0]);
}

/** Issues a one-time token; earlier unused tokens of the same purpose stop working. */
export async function issueToken(db: Db, accountId: string, purpose: TokenPurpose, meta: Record<string, unknown> = {}, now = new Date()) {
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.accountId, accountId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  const token = newToken();
  await db.insert(accountTokens).values({ accountId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]), meta });
  return token;
}

export type TokenLookup =
  | { ok: true; token: typeof accountTokens.$inferSelect }
  | { ok: false; code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_USED' };

/** Finds a token by its value for one purpose; locks it so two uses at once cannot both succeed. */
export async function findToken(db: Db, token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenLookup> {
  const [row] = await db.select().from(accountTokens).where(eq(accountTokens.tokenHash, hashToken(token))).for('update');
  if (!row || row.purpose !== purpose) return { ok: false, code: 'TOKEN_INVALID' };
  if (row.usedAt) return { ok: false, code: 'TOKEN_USED' };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, code: 'TOKEN_EXPIRED' };
  return { ok: true, token: row };
}

export async function markTokenUsed(db: Db, tokenId: string) {
  await db.update(accountTokens).set({ usedAt: new Date() }).where(eq(accountTokens.id, tokenId));
}

export function rolesOf(db: Db, accountId: string) {
  return db.select().from(accountRoles).where(eq(accountRoles.accountId, accountId));
}

export { accounts, accountRoles, loginThrottle };
