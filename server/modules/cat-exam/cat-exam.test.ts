import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { request, type TestContext, createTestApp } from '../../test-support/app.js';
import { createCatSetup, SESSION_PIN } from '../../test-support/cat-factory.js';
import { auditLog } from '../audit/audit.table.js';
import { recordAudit, verifyChain } from '../audit/audit.service.js';
import { catAnswers, catAttemptEvents, catAttempts, catResults } from '../cat/cat.table.js';
import { closeDueAttempts } from './exam.service.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({}, { sweepers: 'manual' });
});
afterAll(() => ctx.close());

type Person = Awaited<ReturnType<typeof createCatSetup>>['people'][number];

/** Checks in with the PIN and returns the cookie header carrying both the session and the device token. */
async function checkIn(person: Person, pin = SESSION_PIN) {
  const response = await request(ctx, person.cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/check-in`, payload: { pin } });
  const device = response.cookies.find((c) => c.name === 'cat_device');
  return { response, cookie: device ? `${person.cookie}; cat_device=${device.value}` : person.cookie };
}

const save = (cookie: string, attemptId: string, answers: Array<{ questionId: string; optionId: string | null; seq: number; flagged?: boolean }>) =>
  request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${attemptId}/answers`, payload: { answers } });

describe('taking a CAT exam', () => {
  it('checks in with the PIN, starts, sees its own shuffled paper without keys or points, answers, finishes and gets its score at once', async () => {
    const setup = await createCatSetup(ctx, { perSubtest: 2 });
    const person = setup.people[0]!;
    const { response, cookie } = await checkIn(person);
    expect(response.statusCode).toBe(200);
    expect(response.json().paper).toBeNull();
    const started = await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/start` });
    expect(started.statusCode).toBe(200);
    const state = started.json();
    expect(state.attempt.status).toBe('active');
    expect(state.remainingSeconds).toBeGreaterThan(5990);
    expect(new Date(state.attempt.endsAt).getTime() - new Date(state.attempt.startedAt).getTime()).toBe(6000 * 1000);
    expect(state.paper).toHaveLength(6);
    expect(state.paper[0].options.map((o: { id: string }) => o.id)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(JSON.stringify(state)).not.toMatch(/"points"|keyOptionId|key_option/);

    // TWK and TIU: first right (a), second wrong (b); TKP: a (5 points) and c (3 points).
    const bySubtest = (subtest: string) => setup.questions.filter((q) => q.subtest === subtest);
    let seq = 0;
    const answers = ['TWK', 'TIU', 'TKP'].flatMap((subtest) => {
      const [first, second] = bySubtest(subtest);
      return [
        { questionId: first!.id, optionId: 'a', seq: ++seq },
        { questionId: second!.id, optionId: subtest === 'TKP' ? 'c' : 'b', seq: ++seq },
      ];
    });
    const saved = await save(cookie, person.attemptId, answers);
    expect(saved.json().results.map((r: { status: string }) => r.status)).toEqual(Array(6).fill('stored'));

    const finished = await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/finish` });
    expect(finished.json().result).toMatchObject({ scores: { TWK: 5, TIU: 5, TKP: 8 }, total: 18, passed: false, answerSheetHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(finished.json().result.passReasons[0]).toMatch(/TWK 5 di bawah nilai ambang batas 65/);

    const board = await ctx.app.inject({ method: 'GET', url: `/api/public/cat/board?session=${setup.session.id}` });
    expect(board.json().items).toEqual([expect.objectContaining({ registrationNumber: person.registrationNumber, total: 18, passed: false })]);
  });

  it('refuses a forged PIN (400) and a second device (409, recorded for the proctor)', async () => {
    const setup = await createCatSetup(ctx);
    const person = setup.people[0]!;
    const forged = await checkIn(person, '000000');
    expect(forged.response.statusCode).toBe(400);
    expect(forged.response.cookies.find((c) => c.name === 'cat_device')).toBeUndefined();
    expect((await checkIn(person)).response.statusCode).toBe(200);
    const second = await checkIn(person);
    expect(second.response.statusCode).toBe(409);
    const events = await ctx.database.db.select().from(catAttemptEvents).where(eq(catAttemptEvents.attemptId, person.attemptId));
    expect(events.map((e) => e.kind)).toContain('device_conflict');
  });

  it('does not start before the proctor confirms identity — 409', async () => {
    const setup = await createCatSetup(ctx, { identityConfirmed: false, participants: 1 });
    const person = setup.people[0]!;
    const { cookie } = await checkIn(person);
    const response = await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/start` });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/mengonfirmasi identitas/);
  });

  it("rejects an answer to a question not in the paper, an unknown option, another participant's attempt, and a device without the token", async () => {
    const setup = await createCatSetup(ctx);
    const [alice, bob] = setup.people;
    const a = await checkIn(alice!);
    await request(ctx, a.cookie, { method: 'POST', url: `/api/cat/attempts/${alice!.attemptId}/start` });
    const b = await checkIn(bob!);
    await request(ctx, b.cookie, { method: 'POST', url: `/api/cat/attempts/${bob!.attemptId}/start` });
    const other = await createCatSetup(ctx, { participants: 1 });
    const q = setup.questions[0]!.id;
    const results = (await save(a.cookie, alice!.attemptId, [
      { questionId: other.questions[0]!.id, optionId: 'a', seq: 1 },
      { questionId: q, optionId: 'z', seq: 2 },
    ])).json().results;
    expect(results.map((r: { code: string }) => r.code)).toEqual(['NOT_IN_PAPER', 'OPTION_INVALID']);
    const foreign = (await save(a.cookie, bob!.attemptId, [{ questionId: q, optionId: 'a', seq: 3 }])).json().results[0];
    expect(foreign).toMatchObject({ status: 'rejected', code: 'ATTEMPT_NOT_ACTIVE' });
    const noDevice = (await save(alice!.cookie, alice!.attemptId, [{ questionId: q, optionId: 'a', seq: 4 }])).json().results[0];
    expect(noDevice).toMatchObject({ status: 'rejected', code: 'DEVICE_MISMATCH' });
    expect(await ctx.database.db.select().from(catAnswers).where(eq(catAnswers.attemptId, bob!.attemptId))).toEqual([]);
  });

  it('stores a replayed answer once, never lets an older click overwrite a newer one, and refuses answers after the end', async () => {
    const setup = await createCatSetup(ctx, { participants: 1 });
    const person = setup.people[0]!;
    const { cookie } = await checkIn(person);
    await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/start` });
    const q = setup.questions[0]!.id;
    expect((await save(cookie, person.attemptId, [{ questionId: q, optionId: 'b', seq: 2 }])).json().results[0].status).toBe('stored');
    expect((await save(cookie, person.attemptId, [{ questionId: q, optionId: 'b', seq: 2 }])).json().results[0].status).toBe('duplicate');
    expect((await save(cookie, person.attemptId, [{ questionId: q, optionId: 'c', seq: 1 }])).json().results[0].status).toBe('duplicate');
    const inOneBatch = (await save(cookie, person.attemptId, [
      { questionId: q, optionId: 'd', seq: 5 },
      { questionId: q, optionId: 'e', seq: 4 },
    ])).json().results;
    expect(inOneBatch.map((r: { status: string }) => r.status)).toEqual(['stored', 'duplicate']);
    const [stored] = await ctx.database.db.select().from(catAnswers).where(eq(catAnswers.attemptId, person.attemptId));
    expect(stored).toMatchObject({ optionId: 'd', seq: 5 });

    await ctx.database.db.update(catAttempts).set({ endsAt: sql`now() - interval '1 second'` }).where(eq(catAttempts.id, person.attemptId));
    expect((await save(cookie, person.attemptId, [{ questionId: q, optionId: 'a', seq: 6 }])).json().results[0]).toMatchObject({ status: 'rejected', code: 'TIME_UP' });
  });

  it('closes and scores attempts whose time is up even when the browser is gone', async () => {
    const setup = await createCatSetup(ctx, { participants: 2 });
    for (const person of setup.people) {
      const { cookie } = await checkIn(person);
      await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/start` });
      await save(cookie, person.attemptId, [{ questionId: setup.questions[0]!.id, optionId: 'a', seq: 1 }]);
    }
    await ctx.database.db.update(catAttempts).set({ endsAt: sql`now() - interval '1 second'` }).where(eq(catAttempts.sessionId, setup.session.id));
    const { createLiveHub } = await import('./live.js');
    const hub = await createLiveHub({ database: ctx.database, databaseUrl: null, redis: null });
    expect(await closeDueAttempts({ database: ctx.database, hub })).toBeGreaterThanOrEqual(2);
    const results = await ctx.database.db.select().from(catResults).where(eq(catResults.sessionId, setup.session.id));
    expect(results.map((r) => r.total)).toEqual([5, 5]);
    const [attempt] = await ctx.database.db.select().from(catAttempts).where(eq(catAttempts.id, setup.people[0]!.attemptId));
    expect(attempt).toMatchObject({ status: 'finished', finishedBy: 'waktu_habis' });
    // Running again scores nothing twice.
    await closeDueAttempts({ database: ctx.database, hub });
    expect(await ctx.database.db.select().from(catResults).where(eq(catResults.sessionId, setup.session.id))).toHaveLength(2);
  });

  it('audits each first scoring with the answer-sheet hash and the score in the agency chain, once, and the chain still verifies', async () => {
    const setup = await createCatSetup(ctx, { participants: 3 });
    // Another audited change of the agency before scoring: the batch continues the same chain.
    await ctx.database.db.transaction((tx) => recordAudit(tx, { agencyId: setup.agency.id, actorId: null, action: 'uji.sebelum', targetType: 'uji' }));
    const cookies: string[] = [];
    for (const person of setup.people) {
      const { cookie } = await checkIn(person);
      cookies.push(cookie);
      await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/start` });
      await save(cookie, person.attemptId, [{ questionId: setup.questions[0]!.id, optionId: 'a', seq: 1 }]);
    }
    // One participant finishes early (scored alone), the server closes the other two (scored as a batch).
    expect((await request(ctx, cookies[0]!, { method: 'POST', url: `/api/cat/attempts/${setup.people[0]!.attemptId}/finish` })).statusCode).toBe(200);
    await ctx.database.db.update(catAttempts).set({ endsAt: sql`now() - interval '1 second'` }).where(eq(catAttempts.sessionId, setup.session.id));
    const { createLiveHub } = await import('./live.js');
    const hub = await createLiveHub({ database: ctx.database, databaseUrl: null, redis: null });
    await closeDueAttempts({ database: ctx.database, hub });
    await closeDueAttempts({ database: ctx.database, hub });

    const results = await ctx.database.db.select().from(catResults).where(eq(catResults.sessionId, setup.session.id));
    expect(results).toHaveLength(3);
    const trail = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.chain, setup.agency.id), eq(auditLog.action, 'cat.result.score'))).orderBy(auditLog.seq);
    expect(trail).toHaveLength(3);
    for (const result of results) {
      const entry = trail.find((e) => e.targetId === result.attemptId);
      expect(entry).toMatchObject({ agencyId: setup.agency.id, actorId: null, targetType: 'cat_attempt' });
      expect(entry!.summary.after).toMatchObject({
        registrationNumber: result.registrationNumber,
        scores: result.scores,
        total: result.total,
        passed: result.passed,
        answerSheetHash: result.answerSheetHash,
        resultHash: result.resultHash,
      });
    }
    // What `npm run audit:verify` runs for each chain.
    expect(await verifyChain(ctx.database.db, setup.agency.id)).toMatchObject({ ok: true, entries: 4 });
  });

  it('resumes after the server process is replaced: acknowledged answers are there and the end time is unchanged', async () => {
    const setup = await createCatSetup(ctx, { participants: 1 });
    const person = setup.people[0]!;
    const { cookie } = await checkIn(person);
    const before = (await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/start` })).json();
    await save(cookie, person.attemptId, [{ questionId: setup.questions[1]!.id, optionId: 'a', seq: 1, flagged: true }]);
    // A second server on the same database, as after a crash and restart.
    const restarted = await buildApp({ config: ctx.config, database: ctx.database });
    const after = (await restarted.inject({ method: 'GET', url: `/api/cat/attempts/${person.attemptId}`, headers: { cookie } })).json();
    expect(after.attempt.endsAt).toBe(before.attempt.endsAt);
    expect(after.answers).toEqual([{ questionId: setup.questions[1]!.id, optionId: 'a', flagged: true, seq: 1 }]);
    expect(after.paper).toHaveLength(9);
    await restarted.close();
  });

  it('streams a finished score to the live board (Server-Sent Events)', async () => {
    const setup = await createCatSetup(ctx, { participants: 1 });
    const person = setup.people[0]!;
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const address = ctx.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const controller = new AbortController();
    const stream = await fetch(`http://127.0.0.1:${port}/api/public/cat/board/stream?session=${setup.session.id}`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const { cookie } = await checkIn(person);
    await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/start` });
    await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/finish` });
    let text = '';
    while (!text.includes('event: score')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(person.registrationNumber);
    controller.abort();
  });

  it('is for participants: a verifier gets 403, and someone else cannot read my attempt — 404', async () => {
    const setup = await createCatSetup(ctx, { participants: 2 });
    const [alice, bob] = setup.people;
    expect((await request(ctx, bob!.cookie, { method: 'GET', url: `/api/cat/attempts/${alice!.attemptId}` })).statusCode).toBe(404);
    const { accountWithSession } = await import('../../test-support/app.js');
    const staff = await accountWithSession(ctx, { roles: [{ role: 'verifikator', agencyId: setup.agency.id }] });
    expect((await request(ctx, staff.cookie, { method: 'GET', url: `/api/cat/attempts/${alice!.attemptId}` })).statusCode).toBe(403);
  });
});

describe('question images', () => {
  it('serves an image of a question in my running paper, and nothing else — 200/404', async () => {
    const setup = await createCatSetup(ctx, { participants: 1, perSubtest: 1 });
    const person = setup.people[0]!;
    const { makePng } = await import('../files/files.fixtures.js');
    const { storeContent } = await import('../files/files.service.js');
    const { catQuestions } = await import('../cat/cat.table.js');
    const image = await ctx.database.db.transaction((tx) => makePng().then((content) => storeContent(tx, { uploadDir: ctx.config.uploadDir, content, fileName: 'soal.png', kind: 'png', agencyId: setup.agency.id, actorId: null })));
    await ctx.database.db.update(catQuestions).set({ imageFileId: image.id }).where(eq(catQuestions.id, setup.questions[0]!.id));
    const { cookie } = await checkIn(person);
    const url = `/api/cat/attempts/${person.attemptId}/images/${image.id}`;
    expect((await request(ctx, cookie, { method: 'GET', url })).statusCode).toBe(404);
    await request(ctx, cookie, { method: 'POST', url: `/api/cat/attempts/${person.attemptId}/start` });
    const shown = await request(ctx, cookie, { method: 'GET', url });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    const other = await createCatSetup(ctx, { participants: 1, perSubtest: 1 });
    const foreign = await ctx.database.db.transaction((tx) => makePng(10, 10).then((content) => storeContent(tx, { uploadDir: ctx.config.uploadDir, content, fileName: 'lain.png', kind: 'png', agencyId: other.agency.id, actorId: null })));
    expect((await request(ctx, cookie, { method: 'GET', url: `/api/cat/attempts/${person.attemptId}/images/${foreign.id}` })).statusCode).toBe(404);
  });
});
