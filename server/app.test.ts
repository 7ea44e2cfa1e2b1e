import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { compileSerializer, declaredResponseSchemas } from './plugins/serializer.js';
import { createTestDatabase } from './test-support/database.js';
import { createAccount, createTestApp, TEST_PASSWORD, type TestContext } from './test-support/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3', BODY_LIMIT_BYTES: '2048' });
});
afterAll(() => ctx.close());

describe('API conventions', () => {
  it('answers health with the database kind — 200', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded', databaseReachable: true, redis: 'disabled' });
  });

  it('gives every response a request id, echoing a well-formed incoming one', async () => {
    const fresh = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'lb-1234' } });
    expect(echoed.headers['x-request-id']).toBe('lb-1234');
    const hostile = await ctx.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers['x-request-id']).not.toBe('<script>');
  });

  it('sends security headers', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('publishes the OpenAPI 3 document with schemas for routes, and the reference page', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    expect(login.responses).toHaveProperty('200');
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('compiles every declared response schema to a serializer (they are compiled lazily when serving)', () => {
    expect(declaredResponseSchemas.size).toBeGreaterThan(150);
    for (const schema of declaredResponseSchemas.keys()) expect(typeof compileSerializer(schema)).toBe('function');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/tidak-ada' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses a state-changing request from another origin — 403 ORIGIN_REJECTED — and accepts our own', async () => {
    const foreign = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'https://jahat.example' } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('ORIGIN_REJECTED');
    const own = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'http://rekrutmen.test' } });
    expect(own.statusCode).toBe(204);
  });

  it('refuses a body over the limit — 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await ctx.app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: 'a@b.id', password: 'x', name: 'y'.repeat(5000) } });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rate-limits the login form per address — 429 RATE_LIMITED with a message', async () => {
    const account = await createAccount(ctx);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: account.email, password: TEST_PASSWORD }, remoteAddress: '10.9.9.9' })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: account.email, password: TEST_PASSWORD }, remoteAddress: '10.9.9.9' });
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/Coba lagi dalam \d+ detik/) });
  });
});

describe('errors', () => {
  it('hides the internals of a 5xx and still names the request', async () => {
    const database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rk-')), SESSION_SECRET: 'x'.repeat(40) });
    const app = await buildApp({ config, database });
    app.get('/api/uji-galat', async () => {
      throw new Error('password=rahasia di baris 42');
    });
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/uji-galat' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada server. Silakan coba lagi.' } });
    expect(response.body).not.toContain('rahasia');
    expect(response.headers['x-request-id']).toBeTruthy();
    await app.close();
    await database.drop();
  });
});

describe('logs', () => {
  it('never carry a NIK or a password: not from a query string, a form, a failed login, nor a 5xx whose message names a NIK', async () => {
    const lines: string[] = [];
    const database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'debug', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rk-')), SESSION_SECRET: 'x'.repeat(40), PUBLIC_URL: 'http://rekrutmen.test', RATE_LIMIT_AUTH_PER_MINUTE: '100000' });
    const app = await buildApp({ config, database, logStream: { write: (line) => void lines.push(line) } });
    const nik = '3273015505980007';
    const password = 'Rahasia-Sekali-2026!';
    app.get('/api/uji-galat-nik', async () => {
      throw Object.assign(new Error(`duplicate key value violates unique constraint: Key (nik)=(${nik}) already exists`), { detail: `Key (nik)=(${nik})` });
    });
    await app.ready();
    const account = await createAccount({ app, database, config, close: async () => {} }, { roles: [{ role: 'pelamar', agencyId: null }] });
    await app.inject({ method: 'GET', url: `/api/uji-galat-nik?nik=${nik}` });
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: account.email, password } });
    await app.inject({ method: 'POST', url: '/api/auth/register', payload: { email: `log-${Date.now()}@uji.test`, name: 'Uji Log', password } });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: account.email, password: TEST_PASSWORD } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    await app.inject({ method: 'PUT', url: '/api/applicant/profile', headers: { cookie }, payload: { nik, name: 'Uji Log' } });
    await app.close();
    await database.drop();
    const logs = lines.join('');
    expect(lines.length).toBeGreaterThan(5); // the requests were logged at all
    expect(logs).toContain('unhandled error');
    expect(logs).not.toContain(nik);
    expect(logs).not.toContain(password);
    expect(logs).not.toContain(TEST_PASSWORD);
    expect(logs).not.toContain(cookie.split('=')[1]!);
  });
});
