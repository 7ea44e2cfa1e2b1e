import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AGENCY_ZONES, type AgencyZone } from '../core/time.js';

/** Every setting the server reads, validated once at start. Documented in README.md → "Konfigurasi". */
export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Unset → embedded PostgreSQL (PGlite) in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  uploadDir: string;
  redisUrl: string | null;
  sessionSecret: string;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  seedDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  trustProxy: boolean;
  dbPoolSize: number;
  /** Zone for new agencies when none is given; timestamps are always stored in UTC. */
  defaultTimezone: AgencyZone;
  bodyLimitBytes: number;
  /** Per-IP limit on unauthenticated forms (login, registration, reset requests). */
  authRateLimitPerMinute: number;
  /** Per-IP limit on public submissions without an account (IKM answers, complaints) and tracking-code look-ups. */
  publicRateLimitPerMinute: number;
  /** How long a process answers a resolved session from memory (0: never); see CachedSessionStore. */
  sessionCacheMs: number;
};

const AGENCY_TIMEZONES = Object.keys(AGENCY_ZONES) as AgencyZone[];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Konfigurasi tidak valid: ${variable} ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `harus bilangan bulat, bukan "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `harus antara ${min} dan ${max}, bukan ${value}`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(name, `harus 1/0 atau true/false, bukan "${raw}"`);
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'bukan URL yang valid');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `harus memakai skema ${protocols.join(' atau ')}, bukan ${parsed.protocol}`);
  }
  return raw.trim();
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigError(name, `harus salah satu dari ${values.join(', ')}, bukan "${raw}"`);
  return raw as T;
}

/** In development the secret is generated once and kept in the data folder, so sessions survive restarts. */
function sessionSecret(env: Env, nodeEnv: Config['nodeEnv'], dataDir: string): string {
  const raw = env.SESSION_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('SESSION_SECRET', 'harus minimal 32 karakter');
    return raw;
  }
  if (nodeEnv === 'production') throw new ConfigError('SESSION_SECRET', 'wajib diisi saat NODE_ENV=production');
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  return {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port,
    databaseUrl,
    dataDir,
    uploadDir: path.resolve(env.UPLOAD_DIR || path.join(dataDir, 'uploads')),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    sessionSecret: sessionSecret(env, nodeEnv, dataDir),
    publicUrl: publicUrl.replace(/\/+$/, ''),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'Rekrutmen ASN <no-reply@rekrutmen.local>',
    seedDemo: flag(env, 'SEED_DEMO', nodeEnv !== 'production'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    defaultTimezone: oneOf(env, 'DEFAULT_TIMEZONE', AGENCY_TIMEZONES, 'Asia/Jakarta'),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    authRateLimitPerMinute: integer(env, 'RATE_LIMIT_AUTH_PER_MINUTE', 30, 1, 1_000_000),
    publicRateLimitPerMinute: integer(env, 'RATE_LIMIT_PUBLIC_PER_MINUTE', 10, 1, 1_000_000),
    sessionCacheMs: integer(env, 'SESSION_CACHE_MS', 2000, 0, 60_000),
  };
}

/** Creates a folder the server writes to, or stops with a message naming its variable. */
export function ensureWritableDir(dir: string, variable: string) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    throw new ConfigError(variable, `menunjuk ke folder yang tidak dapat ditulisi: ${dir}`);
  }
}
