import type { Config } from './config.js';
import { z } from 'zod';

/** The error body every route can answer with (documented in OpenAPI). */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 422, 429] as const;

/** Adds the documented error responses to a route's success responses. */
export function responses<T extends Record<number, z.ZodType>>(success: T) {
  const errors = Object.fromEntries(ERROR_STATUSES.map((status) => [status, errorSchema])) as Record<(typeof ERROR_STATUSES)[number], typeof errorSchema>;
  return { ...errors, ...success };
}

export const okSchema = z.object({ ok: z.literal(true) });
export const noContent = z.null().describe('Tanpa isi');
export const isoDate = z.date().transform((d) => d.toISOString()).or(z.string());

/** Route config for unauthenticated forms (login, register, reset requests): limited per IP. */
export function authRateLimit(config: Config) {
  return { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } };
}

/** Route config for public submissions without an account and tracking-code look-ups: limited per IP. */
export function publicRateLimit(config: Config) {
  return { rateLimit: { max: config.publicRateLimitPerMinute, timeWindow: '1 minute' } };
}
