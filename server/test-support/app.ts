import type { FastifyInstance, InjectOptions } from 'fastify';
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type { Role } from '../../core/roles.js';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { accountRoles, accounts } from '../modules/accounts/accounts.table.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { outbox } from '../modules/notifications/notifications.table.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_PASSWORD = 'Uji-Rekrutmen-2026';
let passwordHash: Promise<string> | undefined;

export type TestContext = {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
};

export type TestAppOptions = {
  /**
   * 'manual': the app's periodic sweepers (offers past their deadline, CAT attempts past their end)
   * never fire by themselves; a test that moves a deadline into the past runs the sweep itself, so
   * no sweeper acts between the steps the test checks.
   */
  sweepers?: 'manual';
};

export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestContext> {
  if (options.sweepers === 'manual') vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rekrutmen-test-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SESSION_SECRET: 'uji-'.repeat(10), PUBLIC_URL: 'http://rekrutmen.test', RATE_LIMIT_AUTH_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000', ...env });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
      if (options.sweepers === 'manual') vi.useRealTimers();
    },
  };
}

let counter = 0;
export const uniqueEmail = (prefix = 'akun') => `${prefix}-${Date.now().toString(36)}-${++counter}@uji.test`;

export async function createAgencyRow(ctx: TestContext, name = 'Instansi Uji') {
  const code = `uji-${Date.now().toString(36)}-${++counter}`;
  const [row] = await ctx.database.db.insert(agencies).values({ code, name: `${name} ${counter}`, region: 'Wilayah Uji', timezone: 'Asia/Jakarta' }).returning();
  return row!;
}

export type AccountSpec = { roles?: Array<{ role: Role; agencyId: string | null }>; email?: string; name?: string; verified?: boolean };

/** A verified account with a known password and the given roles. */
export async function createAccount(ctx: TestContext, spec: AccountSpec = {}) {
  passwordHash ??= hash(TEST_PASSWORD);
  const email = spec.email ?? uniqueEmail();
  const [account] = await ctx.database.db
    .insert(accounts)
    .values({ email, name: spec.name ?? 'Akun Uji', passwordHash: await passwordHash, emailVerifiedAt: spec.verified === false ? null : new Date() })
    .returning();
  if (spec.roles?.length) await ctx.database.db.insert(accountRoles).values(spec.roles.map((r) => ({ accountId: account!.id, ...r })));
  return account!;
}

/** Logs in through the API and returns the cookie header to send with later requests. */
export async function loginCookie(ctx: TestContext, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email} gagal: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'sid');
  return `sid=${cookie!.value}`;
}

export async function accountWithSession(ctx: TestContext, spec: AccountSpec = {}) {
  const account = await createAccount(ctx, spec);
  return { account, cookie: await loginCookie(ctx, account.email) };
}

export function request(ctx: TestContext, cookie: string | null, options: InjectOptions) {
  return ctx.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(cookie ? { cookie } : {}) } });
}

/** The newest email sent to an address, and the token in its link. */
export async function lastEmail(ctx: TestContext, to: string) {
  const rows = await ctx.database.db.select().from(outbox).where(eq(outbox.toAddress, to.toLowerCase()));
  const message = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!message) throw new Error(`tidak ada email untuk ${to}`);
  const token = /token=([A-Za-z0-9_-]+)/.exec(message.textBody)?.[1] ?? null;
  return { message, token };
}
