import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginThrottle } from './accounts.table.js';

/** Failed logins: per account 5 in 15 minutes → locked 15 minutes; per IP (venues share addresses) 30. */
export const LOGIN_LIMITS = {
  account: { maxFailures: 5, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 },
  ip: { maxFailures: 30, windowMs: 15 * 60 * 1000, lockMs: 15 * 60 * 1000 },
} as const;

export type ThrottleKey = { key: string; limit: (typeof LOGIN_LIMITS)[keyof typeof LOGIN_LIMITS] };

export function throttleKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { key: `account:${email.toLowerCase()}`, limit: LOGIN_LIMITS.account },
    { key: `ip:${ip}`, limit: LOGIN_LIMITS.ip },
  ];
}

/** The instant until which login is locked for any of the keys, or null. */
export async function lockedUntil(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Date | null> {
  let until: Date | null = null;
  for (const { key } of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now && (!until || row.lockedUntil > until)) until = row.lockedUntil;
  }
  return until;
}

export async function recordFailure(db: Db, keys: ThrottleKey[], now = new Date()) {
  for (const { key, limit } of keys) {
    const windowStart = new Date(now.getTime() - limit.windowMs);
    const lockUntil = new Date(now.getTime() + limit.lockMs);
    // Atomic upsert: a failure outside the window starts a new count; reaching the limit sets the lock.
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now, lockedUntil: limit.maxFailures <= 1 ? lockUntil : null })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN ${now} ELSE ${loginThrottle.windowStartedAt} END`,
          lockedUntil: sql`CASE WHEN ${loginThrottle.windowStartedAt} >= ${windowStart} AND ${loginThrottle.failures} + 1 >= ${limit.maxFailures} THEN ${lockUntil} ELSE ${loginThrottle.lockedUntil} END`,
        },
      });
  }
}

export async function clearFailures(db: Db, email: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, `account:${email.toLowerCase()}`));
}
