import type { NewSession, SessionAccount, SessionStore } from './sessions.store.js';

// Who wants to hear that an account's roles, name or sessions changed: the session caches of this
// process. Services that change those call accountChanged (after their transaction commits, where
// they can), wherever they are, without holding a reference to the cache.
const listeners = new Set<(accountId: string) => void>();

/** Tells this process's session caches to forget what they remember of the account. */
export function accountChanged(accountId: string): void {
  for (const listener of listeners) listener(accountId);
}

export type SessionCacheOptions = {
  /** How long a resolved session is answered from memory; 0 turns the cache off. */
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
};

type Entry = { until: number; account: SessionAccount };

function frozen(account: SessionAccount): SessionAccount {
  for (const role of account.roles) Object.freeze(role);
  Object.freeze(account.roles);
  return Object.freeze(account);
}

/**
 * Sessions this process resolved a moment ago, answered again without asking the store. Every
 * request resolves its session, and on a small machine each statement sent to PostgreSQL costs the
 * server about as much as the rest of a small request (bench/README.md), so a participant clicking
 * answers or an applicant uploading need not look theirs up each time.
 *
 * An entry lives `ttlMs` (SESSION_CACHE_MS). A change made through this process — logout, revoked
 * sessions, a new password, roles granted or removed, a new name — forgets the account's entries at
 * once, and a look-up that was under way while something was forgotten is not kept (its answer may
 * predate the change). A change made through another server process is seen here within `ttlMs`.
 * Only valid sessions are kept; the answers are frozen, as several requests share them.
 */
export class CachedSessionStore implements SessionStore {
  private readonly entries = new Map<string, Entry>();
  private readonly tokensOf = new Map<string, Set<string>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private forgets = 0;
  private readonly listener = (accountId: string) => this.forget(accountId);

  constructor(
    private readonly inner: SessionStore,
    options: SessionCacheOptions,
  ) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? 100_000;
    this.now = options.now ?? Date.now;
    listeners.add(this.listener);
  }

  /** Stops listening for account changes (the app closes). */
  close(): void {
    listeners.delete(this.listener);
    this.entries.clear();
    this.tokensOf.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  create(input: NewSession) {
    return this.inner.create(input);
  }

  async resolve(token: string): Promise<SessionAccount | null> {
    const hit = this.entries.get(token);
    if (hit) {
      if (hit.until > this.now()) return hit.account;
      this.remove(token, hit.account.accountId);
    }
    const forgetsBefore = this.forgets;
    const account = await this.inner.resolve(token);
    if (!account || this.ttlMs <= 0 || this.forgets !== forgetsBefore) return account;
    return this.keep(token, account);
  }

  list(accountId: string) {
    return this.inner.list(accountId);
  }

  async revoke(accountId: string, sessionId: string) {
    try {
      return await this.inner.revoke(accountId, sessionId);
    } finally {
      this.forget(accountId);
    }
  }

  async revokeAll(accountId: string, exceptSessionId?: string) {
    try {
      await this.inner.revokeAll(accountId, exceptSessionId);
    } finally {
      this.forget(accountId);
    }
  }

  forget(accountId: string): void {
    this.forgets += 1;
    for (const token of this.tokensOf.get(accountId) ?? []) this.entries.delete(token);
    this.tokensOf.delete(accountId);
  }

  private keep(token: string, account: SessionAccount): SessionAccount {
    const now = this.now();
    // Every entry lives the same time, so the Map's order is the order they expire in: the expired
    // ones go from the front, and the oldest too while the cache is full.
    for (const [oldToken, entry] of this.entries) {
      if (entry.until > now && this.entries.size < this.maxEntries) break;
      this.remove(oldToken, entry.account.accountId);
    }
    const shared = frozen(account);
    this.entries.set(token, { until: now + this.ttlMs, account: shared });
    const tokens = this.tokensOf.get(account.accountId);
    if (tokens) tokens.add(token);
    else this.tokensOf.set(account.accountId, new Set([token]));
    return shared;
  }

  private remove(token: string, accountId: string) {
    this.entries.delete(token);
    const tokens = this.tokensOf.get(accountId);
    tokens?.delete(token);
    if (tokens && tokens.size === 0) this.tokensOf.delete(accountId);
  }
}
