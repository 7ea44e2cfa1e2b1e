import { describe, expect, it } from 'vitest';
import { accountChanged, CachedSessionStore } from './session-cache.js';
import type { SessionAccount, SessionStore } from './sessions.store.js';

/** A store in memory that counts its look-ups and can hold one back until released. */
function fakeStore() {
  const sessions = new Map<string, SessionAccount>();
  let held: { release: () => void; done: Promise<void> } | null = null;
  const store: SessionStore & { lookups: number; sessions: typeof sessions; hold: () => () => void } = {
    lookups: 0,
    sessions,
    hold() {
      let release!: () => void;
      const done = new Promise<void>((resolve) => (release = resolve));
      held = { release, done };
      return release;
    },
    async create(input) {
      const token = `t-${sessions.size + 1}`;
      sessions.set(token, { sessionId: `s-${sessions.size + 1}`, accountId: input.accountId, email: `${input.accountId}@uji.test`, name: input.accountId, emailVerified: true, roles: [{ role: 'pelamar', agencyId: null, agencyName: null }] });
      return { token, sessionId: sessions.get(token)!.sessionId };
    },
    async resolve(token) {
      store.lookups += 1;
      const found = sessions.get(token);
      // The answer is read now; the caller gets it only when released (a look-up in flight).
      const answer = found ? { ...found, roles: found.roles.map((r) => ({ ...r })) } : null;
      if (held) await held.done;
      return answer;
    },
    async list() {
      return [];
    },
    async revoke(accountId, sessionId) {
      for (const [token, s] of sessions) if (s.accountId === accountId && s.sessionId === sessionId) return sessions.delete(token);
      return false;
    },
    async revokeAll(accountId, except) {
      for (const [token, s] of sessions) if (s.accountId === accountId && s.sessionId !== except) sessions.delete(token);
    },
  };
  return store;
}

function setup(options: { ttlMs?: number; maxEntries?: number } = {}) {
  const inner = fakeStore();
  let clock = 1_000_000;
  const cache = new CachedSessionStore(inner, { ttlMs: options.ttlMs ?? 2000, ...(options.maxEntries ? { maxEntries: options.maxEntries } : {}), now: () => clock });
  return { inner, cache, advance: (ms: number) => (clock += ms) };
}

describe('the session cache', () => {
  it('answers a session again from memory until its time is up, then asks the store', async () => {
    const { inner, cache, advance } = setup();
    const { token } = await cache.create({ accountId: 'a1', userAgent: null, ip: null });
    const first = await cache.resolve(token);
    expect(await cache.resolve(token)).toBe(first);
    advance(1999);
    expect(await cache.resolve(token)).toBe(first);
    expect(inner.lookups).toBe(1);
    advance(1);
    expect(await cache.resolve(token)).toEqual(first);
    expect(inner.lookups).toBe(2);
    cache.close();
  });

  it('never keeps an unknown or revoked token', async () => {
    const { inner, cache } = setup();
    expect(await cache.resolve('palsu')).toBeNull();
    expect(await cache.resolve('palsu')).toBeNull();
    expect(inner.lookups).toBe(2);
    cache.close();
  });

  it('forgets the account at once when one of its sessions or all of them are revoked through it', async () => {
    const { cache } = setup();
    const a = await cache.create({ accountId: 'a1', userAgent: null, ip: null });
    const b = await cache.create({ accountId: 'a1', userAgent: null, ip: null });
    const other = await cache.create({ accountId: 'a2', userAgent: null, ip: null });
    for (const s of [a, b, other]) expect(await cache.resolve(s.token)).not.toBeNull();
    expect(await cache.revoke('a1', b.sessionId)).toBe(true);
    expect(await cache.resolve(b.token)).toBeNull();
    expect(await cache.resolve(a.token)).not.toBeNull();
    await cache.revokeAll('a1');
    expect(await cache.resolve(a.token)).toBeNull();
    expect(await cache.resolve(other.token)).not.toBeNull();
    cache.close();
  });

  it('forgets an account whose roles or name changed (accountChanged), and only that account', async () => {
    const { inner, cache } = setup();
    const mine = await cache.create({ accountId: 'a1', userAgent: null, ip: null });
    const theirs = await cache.create({ accountId: 'a2', userAgent: null, ip: null });
    await cache.resolve(mine.token);
    await cache.resolve(theirs.token);
    inner.sessions.get(mine.token)!.roles = [];
    accountChanged('a1');
    expect((await cache.resolve(mine.token))!.roles).toEqual([]);
    await cache.resolve(theirs.token);
    expect(inner.lookups).toBe(3);
    cache.close();
    // A closed cache no longer listens (and keeps nothing).
    accountChanged('a2');
    expect(cache.size).toBe(0);
  });

  it('does not keep an answer read before a change that happened while it was on its way', async () => {
    const { inner, cache } = setup();
    const { token } = await cache.create({ accountId: 'a1', userAgent: null, ip: null });
    const release = inner.hold();
    const inFlight = cache.resolve(token);
    // The roles are removed and said so while the look-up (which read the old roles) is under way.
    inner.sessions.get(token)!.roles = [];
    accountChanged('a1');
    release();
    expect((await inFlight)!.roles).toHaveLength(1);
    expect((await cache.resolve(token))!.roles).toEqual([]);
    expect(inner.lookups).toBe(2);
    cache.close();
  });

  it('keeps at most maxEntries, dropping the oldest, and drops expired entries as new ones come', async () => {
    const { inner, cache, advance } = setup({ maxEntries: 2 });
    const tokens = [];
    for (const id of ['a1', 'a2', 'a3']) tokens.push((await cache.create({ accountId: id, userAgent: null, ip: null })).token);
    for (const token of tokens) await cache.resolve(token);
    expect(cache.size).toBe(2);
    await cache.resolve(tokens[2]!);
    await cache.resolve(tokens[0]!);
    expect(inner.lookups).toBe(4);
    advance(5000);
    await cache.resolve(tokens[1]!);
    expect(cache.size).toBe(1);
    cache.close();
  });

  it('with a time of 0 asks the store every time', async () => {
    const { inner, cache } = setup({ ttlMs: 0 });
    const { token } = await cache.create({ accountId: 'a1', userAgent: null, ip: null });
    await cache.resolve(token);
    await cache.resolve(token);
    expect(inner.lookups).toBe(2);
    expect(cache.size).toBe(0);
    cache.close();
  });

  it('hands out a frozen answer, as requests share it', async () => {
    const { cache } = setup();
    const { token } = await cache.create({ accountId: 'a1', userAgent: null, ip: null });
    const account = (await cache.resolve(token))!;
    expect(Object.isFrozen(account) && Object.isFrozen(account.roles) && Object.isFrozen(account.roles[0])).toBe(true);
    cache.close();
  });
});
