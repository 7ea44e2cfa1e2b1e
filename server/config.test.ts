import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'rk-config-'));

describe('configuration', () => {
  it('defaults to port 3000 and the embedded database in ./data', () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: dir, uploadDir: path.join(dir, 'uploads'), redisUrl: null, smtpUrl: null, seedDemo: true });
  });

  it('generates a development session secret once and keeps it in the data folder', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(first);
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first);
  });

  it.each([
    [{ PORT: 'tiga ribu' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'bukan url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    [{ SMTP_URL: 'ftp://mail' }, 'SMTP_URL'],
    [{ PUBLIC_URL: 'rekrutmen.go.id' }, 'PUBLIC_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SEED_DEMO: 'mungkin' }, 'SEED_DEMO'],
    [{ SESSION_SECRET: 'pendek' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
    [{ DEFAULT_TIMEZONE: 'Asia/Singapore' }, 'DEFAULT_TIMEZONE'],
  ])('stops on a bad value and names the variable: %j', (env, variable) => {
    const run = () => loadConfig({ DATA_DIR: tmp(), ...env });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(new RegExp(`^Konfigurasi tidak valid: ${variable} `));
  });

  it('turns demo data off in production unless SEED_DEMO=1', () => {
    const secret = 's'.repeat(40);
    expect(loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production', SESSION_SECRET: secret }).seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production', SESSION_SECRET: secret, SEED_DEMO: '1' }).seedDemo).toBe(true);
  });

  it('strips a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: 'https://rekrutmen.go.id/' }).publicUrl).toBe('https://rekrutmen.go.id');
  });
});

describe('writable folders', () => {
  it('creates the upload folder, and names UPLOAD_DIR when it cannot be written', async () => {
    const { ensureWritableDir } = await import('./config.js');
    const dir = path.join(tmp(), 'unggahan');
    ensureWritableDir(dir, 'UPLOAD_DIR');
    const { existsSync, writeFileSync } = await import('node:fs');
    expect(existsSync(dir)).toBe(true);
    const file = path.join(tmp(), 'berkas');
    writeFileSync(file, 'x');
    expect(() => ensureWritableDir(path.join(file, 'di-dalam-berkas'), 'UPLOAD_DIR')).toThrow(/^Konfigurasi tidak valid: UPLOAD_DIR /);
  });
});
