import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests from a browser must come from our own origin (PUBLIC_URL or the Host the
 * request was sent to). Requests without an Origin header (curl, server-to-server) pass: the
 * SameSite=Lax session cookie is not sent cross-site for them anyway.
 */
export function checkOrigin(request: FastifyRequest, publicUrl: string) {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (!origin) return;
  const allowed = new URL(publicUrl).origin;
  const host = request.headers.host;
  if (origin === allowed) return;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return;
  throw new AppError('ORIGIN_REJECTED');
}
