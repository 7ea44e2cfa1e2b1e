import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTestApp, type TestContext } from '../../test-support/app.js';
import { CachedSessionStore } from './session-cache.js';
import { DbSessionStore, RedisSessionStore, type SessionStore } from './sessions.store.js';

/** Both stores behave the same; the Redis one runs where TEST_REDIS_URL is set (CI sets it). */
let ctx: TestContext;
let redis: Redis | null = null;
beforeAll(async () => {
  ctx = await createTestApp();
  if (process.env.TEST_REDIS_URL) redis = new Redis(process.env.TEST_REDIS_URL);
});
afterAll(async () => {
  await redis?.quit();
  await ctx.close();
});

const stores: Array<[string, () => SessionStore]> = [
  ['database', () => new DbSessionStore(ctx.database, 'rahasia-uji-'.repeat(4))],
  ['redis', () => new RedisSessionStore(redis!, ctx.database, 'rahasia-uji-'.repeat(4), `uji-${ctx.database.schema}:`)],
  // The cache in front of a store keeps every promise of the store (a revoked session is gone at once).
  ['cached database', () => new CachedSessionStore(new DbSessionStore(ctx.database, 'rahasia-uji-'.repeat(4)), { ttlMs: 60_000 })],
];

for (const [name, make] of stores) {
  describe.skipIf(name === 'redis' && !process.env.TEST_REDIS_URL)(`${name} session store`, () => {
    it('resolves a new session to its account and roles, and nothing for an unknown token', async () => {
      const store = make();
      const account = await createAccount(ctx, { name: 'Sesi Uji', roles: [{ role: 'pelamar', agencyId: null }] });
      const { token, sessionId } = await store.create({ accountId: account.id, userAgent: 'uji', ip: '127.0.0.1' });
      expect(await store.resolve(token)).toMatchObject({ sessionId, accountId: account.id, name: 'Sesi Uji', roles: [{ role: 'pelamar', agencyId: null }] });
      expect(await store.resolve('token-palsu')).toBeNull();
    });

    it('lists, revokes one, and revokes all but the current session', async () => {
      const store = make();
      const account = await createAccount(ctx);
      const a = await store.create({ accountId: account.id, userAgent: 'a', ip: null });
      const b = await store.create({ accountId: account.id, userAgent: 'b', ip: null });
      const c = await store.create({ accountId: account.id, userAgent: 'c', ip: null });
      expect((await store.list(account.id)).map((s) => s.id).sort()).toEqual([a.sessionId, b.sessionId, c.sessionId].sort());
      expect(await store.revoke(account.id, b.sessionId)).toBe(true);
      expect(await store.revoke(account.id, b.sessionId)).toBe(false);
      expect(await store.resolve(b.token)).toBeNull();
      await store.revokeAll(account.id, a.sessionId);
      expect(await store.resolve(a.token)).not.toBeNull();
      expect(await store.resolve(c.token)).toBeNull();
      expect((await store.list(account.id)).map((s) => s.id)).toEqual([a.sessionId]);
    });

    it("cannot revoke another account's session", async () => {
      const store = make();
      const owner = await createAccount(ctx);
      const stranger = await createAccount(ctx);
      const session = await store.create({ accountId: owner.id, userAgent: null, ip: null });
      expect(await store.revoke(stranger.id, session.sessionId)).toBe(false);
      expect(await store.resolve(session.token)).not.toBeNull();
    });
  });
}
