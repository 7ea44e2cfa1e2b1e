import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { SessionAccount } from '../modules/sessions/sessions.store.js';

export const SESSION_COOKIE = 'sid';

declare module 'fastify' {
  interface FastifyRequest {
    /** undefined: not looked up yet; null: no valid session. */
    sessionAccount: SessionAccount | null | undefined;
  }
}

/** The account of the request's session cookie, looked up once per request. */
export async function currentAccount(request: FastifyRequest): Promise<SessionAccount | null> {
  if (request.sessionAccount !== undefined) return request.sessionAccount;
  const token = request.cookies[SESSION_COOKIE];
  request.sessionAccount = token && token.length <= 100 ? await request.server.deps.sessions.resolve(token) : null;
  return request.sessionAccount;
}

export async function requireAccount(request: FastifyRequest): Promise<SessionAccount> {
  const account = await currentAccount(request);
  if (!account) throw new AppError('UNAUTHENTICATED');
  return account;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the public address or the connection is HTTPS (behind a TLS proxy with TRUST_PROXY=1).
    secure: request.server.deps.config.publicUrl.startsWith('https:') || request.protocol === 'https',
    maxAge: 7 * 24 * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
