import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Role } from '../../../core/roles.js';
import type { Database, Db } from '../../db/client.js';
import { coalesceLookups } from '../../db/coalesce.js';
import { sessions } from './sessions.table.js';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** last_seen_at is written at most this often, so a busy session does not turn every read into a write. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export type SessionAccount = {
  sessionId: string;
  accountId: string;
  email: string;
  name: string;
  emailVerified: boolean;
  roles: Array<{ role: Role; agencyId: string | null; agencyName: string | null }>;
};

export type SessionSummary = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  ip: string | null;
};

export type NewSession = { accountId: string; userAgent: string | null; ip: string | null };

/** Where sessions live: the database by default, Redis when REDIS_URL is set. Both are shared by every server process. */
export interface SessionStore {
  create(input: NewSession): Promise<{ token: string; sessionId: string }>;
  /** The session and its account (with roles) when the token is valid, not expired, not revoked, and the account enabled. */
  resolve(token: string): Promise<SessionAccount | null>;
  list(accountId: string): Promise<SessionSummary[]>;
  revoke(accountId: string, sessionId: string): Promise<boolean>;
  revokeAll(accountId: string, exceptSessionId?: string): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHasher(secret: string) {
  return (token: string) => createHmac('sha256', secret).update(token).digest('base64url');
}

const ACCOUNT_COLUMNS = `a.id AS account_id, a.email, a.name, a.email_verified_at IS NOT NULL AS email_verified,
  COALESCE((SELECT json_agg(json_build_object('role', r.role, 'agencyId', r.agency_id, 'agencyName', g.name) ORDER BY r.role, g.name)
            FROM account_roles r LEFT JOIN agencies g ON g.id = r.agency_id WHERE r.account_id = a.id), '[]'::json) AS roles`;

// Many tokens at once: the look-ups of concurrent requests share one statement (coalesceLookups).
const RESOLVE_SQL = `SELECT s.token_hash, s.id, s.last_seen_at, ${ACCOUNT_COLUMNS}
  FROM sessions s JOIN accounts a ON a.id = s.account_id
  WHERE s.token_hash = ANY($1::text[]) AND s.revoked_at IS NULL AND s.expires_at > now() AND a.disabled_at IS NULL`;

const ACCOUNT_SQL = `SELECT ${ACCOUNT_COLUMNS} FROM accounts a WHERE a.id = $1 AND a.disabled_at IS NULL`;

type AccountRow = { account_id: string; email: string; name: string; email_verified: boolean; roles: SessionAccount['roles'] | string };
type SessionRow = AccountRow & { token_hash: string; id: string; last_seen_at: Date | string };

function toSessionAccount(row: AccountRow): Omit<SessionAccount, 'sessionId'> {
  return {
    accountId: row.account_id,
    email: row.email,
    name: row.name,
    emailVerified: row.email_verified,
    roles: typeof row.roles === 'string' ? (JSON.parse(row.roles) as SessionAccount['roles']) : row.roles,
  };
}

/** The account and its roles as a session sees them (used by the Redis store after its own lookup). */
export async function loadSessionAccount(database: Database, accountId: string): Promise<Omit<SessionAccount, 'sessionId'> | null> {
  const [row] = await database.prepared<AccountRow>('session_account', ACCOUNT_SQL, [accountId]);
  return row ? toSessionAccount(row) : null;
}

export class DbSessionStore implements SessionStore {
  private readonly hash: (token: string) => string;
  private readonly db: Db;
  private readonly lookup: (tokenHash: string) => Promise<SessionRow | undefined>;
  constructor(database: Database, secret: string) {
    this.db = database.db;
    this.hash = tokenHasher(secret);
    this.lookup = coalesceLookups({
      load: async (hashes: string[]) => new Map((await database.prepared<SessionRow>('session_resolve_many', RESOLVE_SQL, [hashes])).map((row) => [row.token_hash, row])),
    });
  }

  async create(input: NewSession) {
    const token = newToken();
    const [row] = await this.db
      .insert(sessions)
      .values({ tokenHash: this.hash(token), accountId: input.accountId, userAgent: input.userAgent, ip: input.ip, expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
      .returning({ id: sessions.id });
    return { token, sessionId: row!.id };
  }

  async resolve(token: string): Promise<SessionAccount | null> {
    // Session, account and roles together, in one statement with the concurrent requests' look-ups.
    const row = await this.lookup(this.hash(token));
    if (!row) return null;
    if (Date.now() - new Date(row.last_seen_at).getTime() > TOUCH_INTERVAL_MS) {
      await this.db.update(sessions).set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) }).where(eq(sessions.id, row.id));
    }
    return { sessionId: row.id, ...toSessionAccount(row) };
  }

  async list(accountId: string) {
    return this.db
      .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, ip: sessions.ip })
      .from(sessions)
      .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
      .orderBy(desc(sessions.lastSeenAt));
  }

  async revoke(accountId: string, sessionId: string) {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.id, sessionId), eq(sessions.accountId, accountId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length > 0;
  }

  async revokeAll(accountId: string, exceptSessionId?: string) {
    const conditions = [eq(sessions.accountId, accountId), isNull(sessions.revokedAt)];
    if (exceptSessionId) conditions.push(ne(sessions.id, exceptSessionId));
    await this.db.update(sessions).set({ revokedAt: new Date() }).where(and(...conditions));
  }
}

type RedisSession = { id: string; accountId: string; createdAt: number; lastSeenAt: number; userAgent: string | null; ip: string | null };

/** Sessions in Redis: `sess:<hash>` → session JSON with a TTL; `acct-sess:<accountId>` → hash of session id → token hash. */
export class RedisSessionStore implements SessionStore {
  private readonly hash: (token: string) => string;
  constructor(
    private readonly redis: Redis,
    private readonly database: Database,
    secret: string,
    private readonly prefix = 'rekrutmen:',
  ) {
    this.hash = tokenHasher(secret);
  }

  private key(hash: string) {
    return `${this.prefix}sess:${hash}`;
  }
  private accountKey(accountId: string) {
    return `${this.prefix}acct-sess:${accountId}`;
  }

  async create(input: NewSession) {
    const token = newToken();
    const hash = this.hash(token);
    const now = Date.now();
    const session: RedisSession = { id: randomUUID(), accountId: input.accountId, createdAt: now, lastSeenAt: now, userAgent: input.userAgent, ip: input.ip };
    await this.redis
      .multi()
      .set(this.key(hash), JSON.stringify(session), 'PX', SESSION_TTL_MS)
      .hset(this.accountKey(input.accountId), session.id, hash)
      .pexpire(this.accountKey(input.accountId), SESSION_TTL_MS)
      .exec();
    return { token, sessionId: session.id };
  }

  async resolve(token: string) {
    const hash = this.hash(token);
    const raw = await this.redis.get(this.key(hash));
    if (!raw) return null;
    const session = JSON.parse(raw) as RedisSession;
    if (Date.now() - session.lastSeenAt > TOUCH_INTERVAL_MS) {
      session.lastSeenAt = Date.now();
      await this.redis.set(this.key(hash), JSON.stringify(session), 'PX', SESSION_TTL_MS);
      await this.redis.pexpire(this.accountKey(session.accountId), SESSION_TTL_MS);
    }
    const account = await loadSessionAccount(this.database, session.accountId);
    return account ? { sessionId: session.id, ...account } : null;
  }

  async list(accountId: string) {
    const entries = await this.redis.hgetall(this.accountKey(accountId));
    const hashes = Object.values(entries);
    if (!hashes.length) return [];
    const raws = await this.redis.mget(hashes.map((hash) => this.key(hash)));
    const stale = Object.entries(entries).filter((_, index) => !raws[index]).map(([id]) => id);
    if (stale.length) await this.redis.hdel(this.accountKey(accountId), ...stale);
    return raws
      .filter((raw): raw is string => raw !== null)
      .map((raw) => JSON.parse(raw) as RedisSession)
      .map((s) => ({ id: s.id, createdAt: new Date(s.createdAt), lastSeenAt: new Date(s.lastSeenAt), userAgent: s.userAgent, ip: s.ip }))
      .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
  }

  async revoke(accountId: string, sessionId: string) {
    const hash = await this.redis.hget(this.accountKey(accountId), sessionId);
    if (!hash) return false;
    const [[, deleted] = [null, 0]] = (await this.redis.multi().del(this.key(hash)).hdel(this.accountKey(accountId), sessionId).exec()) ?? [];
    return Number(deleted) > 0;
  }

  async revokeAll(accountId: string, exceptSessionId?: string) {
    const entries = await this.redis.hgetall(this.accountKey(accountId));
    const ids = Object.keys(entries).filter((id) => id !== exceptSessionId);
    if (!ids.length) return;
    await this.redis
      .multi()
      .del(...ids.map((id) => this.key(entries[id]!)))
      .hdel(this.accountKey(accountId), ...ids)
      .exec();
  }
}
