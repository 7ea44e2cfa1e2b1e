import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../test-support/app.js';
import { createCatSetup, SESSION_PIN } from '../../test-support/cat-factory.js';
import { freePort } from '../../test-support/free-port.js';
import { startServerProcess } from '../../test-support/server-process.js';

/**
 * A real crash: the server process is killed with SIGKILL in the middle of an exam and started
 * again. Runs on PostgreSQL (TEST_DATABASE_URL; CI sets it): the test's schema is shared with the
 * child server through the connection's search_path.
 */
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('kill -9 during an exam', () => {
  let ctx: TestContext;
  let child: ChildProcess | null = null;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await ctx.close();
  });

  async function startServer(port: number) {
    const databaseUrl = `${url}${url!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${ctx.database.schema}`)}`;
    // Generous time: on a loaded machine tsx and the migrations take a while before the server listens.
    const server = await startServerProcess({
      port,
      timeoutMs: 120_000,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'rk-crash-')), SESSION_SECRET: ctx.config.sessionSecret, SEED_DEMO: '0', LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    });
    return server.child;
  }

  it('keeps every acknowledged answer and the same end time after SIGKILL and restart', async () => {
    const setup = await createCatSetup(ctx, { participants: 1, perSubtest: 4 });
    const person = setup.people[0]!;
    // A port the system says is free (a random one could be taken: RabbitMQ listens on 25672 on the CI machine).
    const port = await freePort();
    child = await startServer(port);
    const base = `http://127.0.0.1:${port}`;
    const call = (method: string, route: string, cookie: string, body?: unknown) =>
      fetch(`${base}${route}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const checkIn = await call('POST', `/api/cat/attempts/${person.attemptId}/check-in`, person.cookie, { pin: SESSION_PIN });
    expect(checkIn.status).toBe(200);
    const cookie = `${person.cookie}; ${checkIn.headers.getSetCookie().find((c) => c.startsWith('cat_device='))!.split(';')[0]}`;
    const started = (await (await call('POST', `/api/cat/attempts/${person.attemptId}/start`, cookie)).json()) as { attempt: { endsAt: string } };

    const acknowledged: Record<string, string> = {};
    for (const [i, q] of setup.questions.entries()) {
      const response = (await (await call('POST', `/api/cat/attempts/${person.attemptId}/answers`, cookie, { answers: [{ questionId: q.id, optionId: 'b', seq: i + 1 }] })).json()) as { results: Array<{ status: string }> };
      if (response.results[0]!.status === 'stored') acknowledged[q.id] = 'b';
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    child = await startServer(port);
    const state = (await (await call('GET', `/api/cat/attempts/${person.attemptId}`, cookie)).json()) as { attempt: { endsAt: string; status: string }; answers: Array<{ questionId: string; optionId: string }>; remainingSeconds: number };
    expect(state.attempt).toMatchObject({ status: 'active', endsAt: started.attempt.endsAt });
    expect(Object.fromEntries(state.answers.map((a) => [a.questionId, a.optionId]))).toEqual(acknowledged);
    expect(Object.keys(acknowledged)).toHaveLength(12);
    // The remaining time is counted from the end fixed at the start, not from the restart.
    const expected = (Date.parse(started.attempt.endsAt) - Date.now()) / 1000;
    expect(Math.abs(state.remainingSeconds - expected)).toBeLessThan(10);
  }, 300_000);
});
