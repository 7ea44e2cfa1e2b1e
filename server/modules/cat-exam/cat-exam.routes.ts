import type { ServerResponse } from 'node:http';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answersBody, attemptState, attemptSummary, boardQuery, checkInBody, eventsBody, liveScore, resultSchema, stagePublication, stageResultSchema, writeOutcome } from '../../../core/schemas/cat-exam.js';
import { uuid } from '../../../core/schemas/common.js';
import { notFound } from '../../errors.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { catAttempts, catResults, catRooms, catSessions } from '../cat/cat.table.js';
import { AnswerWriter } from './answer-writer.js';
import { catExamPolicy } from './cat-exam.policy.js';
import { getFile, sendStoredFile } from '../files/files.service.js';
import { attemptView, checkIn, closeDueAttempts, finishAttempt, ownResult, paperImageFileId, recordClientEvents, saveAnswers, startAttempt, viewOf, type ExamDeps } from './exam.service.js';
import { createLiveHub, type LiveScore } from './live.js';
import { publishSkdResult, skdOutcome, skdStage } from './skd-result.service.js';

const DEVICE_COOKIE = 'cat_device';
const SWEEP_INTERVAL_MS = 2000;

type AttemptRow = typeof catAttempts.$inferSelect;

function presentAttempt(a: AttemptRow) {
  return {
    id: a.id,
    status: a.status as 'allocated' | 'active' | 'finished' | 'absent',
    sessionId: a.sessionId,
    seat: a.seat,
    identityConfirmed: a.identityConfirmedAt !== null,
    checkedIn: a.deviceTokenHash !== null,
    startedAt: a.startedAt?.toISOString() ?? null,
    endsAt: a.endsAt?.toISOString() ?? null,
    finishedAt: a.finishedAt?.toISOString() ?? null,
    durationSeconds: a.durationSeconds + a.extraSeconds,
  };
}

function presentResult(r: typeof catResults.$inferSelect) {
  return {
    attemptId: r.attemptId,
    registrationNumber: r.registrationNumber,
    scores: r.scores,
    total: r.total,
    passed: r.passed,
    passReasons: r.passReasons,
    answerSheetHash: r.answerSheetHash,
    resultHash: r.resultHash,
    scoredAt: r.scoredAt.toISOString(),
  };
}

/**
 * The participant's exam (check-in with the session PIN, start, paper, answers, finish, result),
 * the server's sweeper that closes attempts at their end, and the public live score board.
 */
export async function catExamRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database, config, redis } = app.deps;
  const hub = await createLiveHub({ database, databaseUrl: config.databaseUrl, redis });
  const writer = new AnswerWriter({ database });
  const deps: ExamDeps = { db: database.db, database, writer, hub };
  const streams = new Set<ServerResponse>();

  let sweeping = false;
  const sweeper = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    closeDueAttempts(deps)
      .catch((error: unknown) => app.log.error({ err: error }, 'penutupan ujian otomatis gagal'))
      .finally(() => {
        sweeping = false;
      });
  }, SWEEP_INTERVAL_MS);
  sweeper.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    for (const stream of streams) stream.end();
    await hub.close();
  });

  const tags = ['ujian'];
  const params = z.object({ id: uuid() });
  const participant = async (request: FastifyRequest) => {
    const actor = await requireAccount(request);
    authorize(catExamPolicy.participant(actor));
    return actor;
  };
  const device = (request: FastifyRequest) => request.cookies[DEVICE_COOKIE] ?? null;
  const present = (view: Awaited<ReturnType<typeof viewOf>>) => ({
    attempt: presentAttempt(view.attempt),
    serverNow: view.serverNow.toISOString(),
    remainingSeconds: view.remainingSeconds,
    paper: view.paper,
    answers: view.answers,
  });

  app.get('/api/cat/my-attempts', { schema: { tags, summary: 'Ujian CAT saya', response: responses({ 200: z.object({ items: z.array(attemptSummary.extend({ sessionName: z.string().nullable(), startsAt: z.string().nullable() })) }) }) } }, async (request) => {
    const actor = await participant(request);
    const rows = await deps.db
      .select({ attempt: catAttempts, sessionName: catSessions.name, startsAt: catSessions.startsAt })
      .from(catAttempts)
      .leftJoin(catSessions, eq(catSessions.id, catAttempts.sessionId))
      .where(eq(catAttempts.accountId, actor.accountId))
      .orderBy(desc(catAttempts.createdAt));
    return { items: rows.map((r) => ({ ...presentAttempt(r.attempt), sessionName: r.sessionName, startsAt: r.startsAt?.toISOString() ?? null })) };
  });

  app.post(
    '/api/cat/attempts/:id/check-in',
    { schema: { tags, summary: 'Masukkan PIN sesi di lokasi ujian (perangkat ini menjadi perangkat ujian)', params, body: checkInBody, response: responses({ 200: attemptState }) } },
    async (request, reply) => {
      const actor = await participant(request);
      const { deviceToken, attempt } = await checkIn(deps, { accountId: actor.accountId, attemptId: request.params.id, pin: request.body.pin, deviceToken: device(request), userAgent: request.headers['user-agent']?.slice(0, 200) ?? null });
      reply.setCookie(DEVICE_COOKIE, deviceToken, { path: '/api/cat', httpOnly: true, sameSite: 'strict', secure: config.publicUrl.startsWith('https:'), maxAge: 24 * 3600 });
      return present(await viewOf(deps, attempt, { deviceToken, seen: true }));
    },
  );

  app.post('/api/cat/attempts/:id/start', { schema: { tags, summary: 'Mulai (atau lanjutkan) ujian; waktu selesai ditetapkan server', params, response: responses({ 200: attemptState }) } }, async (request) => {
    const actor = await participant(request);
    const { attempt, startedNow } = await startAttempt(deps, { accountId: actor.accountId, attemptId: request.params.id, deviceToken: device(request) });
    return present(await viewOf(deps, attempt, { deviceToken: device(request), seen: startedNow, startedNow }));
  });

  app.get('/api/cat/attempts/:id', { schema: { tags, summary: 'Naskah, jawaban tersimpan dan jam server', params, response: responses({ 200: attemptState }) } }, async (request) => {
    const actor = await participant(request);
    return present(await attemptView(deps, { accountId: actor.accountId, attemptId: request.params.id, deviceToken: device(request) }));
  });

  app.post(
    '/api/cat/attempts/:id/answers',
    { schema: { tags, summary: 'Simpan jawaban (diakui hanya setelah tersimpan; aman dikirim ulang)', params, body: answersBody, response: responses({ 200: z.object({ results: z.array(writeOutcome) }) }) } },
    async (request) => {
      const actor = await participant(request);
      const results = await saveAnswers(deps, { accountId: actor.accountId, attemptId: request.params.id, deviceToken: device(request), answers: request.body.answers });
      return { results };
    },
  );

  app.post('/api/cat/attempts/:id/events', { schema: { tags, summary: 'Catat kejadian (pindah tab, kehilangan fokus) untuk pengawas', params, body: eventsBody, response: responses({ 204: noContent }) } }, async (request, reply) => {
    const actor = await participant(request);
    await recordClientEvents(deps, { accountId: actor.accountId, attemptId: request.params.id, events: request.body.events });
    return reply.status(204).send(null);
  });

  app.get(
    '/api/cat/attempts/:id/images/:fileId',
    { schema: { tags, summary: 'Gambar soal atau pilihan pada naskah ujian sendiri (selama ujian berlangsung)', params: params.extend({ fileId: uuid() }) } },
    async (request, reply) => {
      const actor = await participant(request);
      const fileId = await paperImageFileId(deps, { accountId: actor.accountId, attemptId: request.params.id, deviceToken: device(request), fileId: request.params.fileId });
      return sendStoredFile(reply, { uploadDir: config.uploadDir, file: await getFile(deps.db, fileId) });
    },
  );

  const resultBody = z.object({ attempt: attemptSummary, result: resultSchema.nullable() });
  app.post('/api/cat/attempts/:id/finish', { schema: { tags, summary: 'Selesaikan ujian; nilai langsung tampil', params, response: responses({ 200: resultBody }) } }, async (request) => {
    const actor = await participant(request);
    const { attempt, result } = await finishAttempt(deps, { accountId: actor.accountId, attemptId: request.params.id, deviceToken: device(request) });
    return { attempt: presentAttempt(attempt), result: result ? presentResult(result) : null };
  });

  app.get('/api/cat/attempts/:id/result', { schema: { tags, summary: 'Nilai ujian saya', params, response: responses({ 200: resultBody }) } }, async (request) => {
    const actor = await participant(request);
    const { attempt, result } = await ownResult(deps.db, { accountId: actor.accountId, attemptId: request.params.id });
    return { attempt: presentAttempt(attempt), result: result ? presentResult(result) : null };
  });

  // The public board: a snapshot, then a stream of scores as participants finish.
  const publicTags = ['publik'];
  async function boardFilter(query: z.infer<typeof boardQuery>) {
    if (query.session) return eq(catResults.sessionId, query.session);
    if (query.selection) return eq(catResults.selectionId, query.selection);
    const sessions = await deps.db
      .select({ id: catSessions.id })
      .from(catSessions)
      .innerJoin(catRooms, eq(catRooms.id, catSessions.roomId))
      .where(eq(catRooms.venueId, query.venue!));
    if (!sessions.length) throw notFound('Lokasi ujian');
    return inArray(catResults.sessionId, sessions.map((s) => s.id));
  }

  app.get(
    '/api/public/cat/board',
    { schema: { tags: publicTags, summary: 'Papan nilai CAT (per sesi, lokasi, atau seleksi): nilai yang sudah masuk', querystring: boardQuery, response: responses({ 200: z.object({ items: z.array(liveScore), total: z.number().int() }) }) } },
    async (request, reply) => {
      const rows = await deps.db
        .select({ result: catResults, venueId: catRooms.venueId })
        .from(catResults)
        .leftJoin(catSessions, eq(catSessions.id, catResults.sessionId))
        .leftJoin(catRooms, eq(catRooms.id, catSessions.roomId))
        .where(and(await boardFilter(request.query)))
        .orderBy(desc(catResults.scoredAt))
        .limit(1000);
      reply.header('cache-control', 'public, max-age=2');
      return {
        items: rows.map(({ result, venueId }) => ({
          attemptId: result.attemptId,
          sessionId: result.sessionId,
          selectionId: result.selectionId,
          venueId,
          registrationNumber: result.registrationNumber,
          name: result.participantName,
          scores: result.scores,
          total: result.total,
          passed: result.passed,
          scoredAt: result.scoredAt.toISOString(),
        })),
        total: rows.length,
      };
    },
  );

  app.get(
    '/api/public/cat/board/stream',
    { schema: { tags: publicTags, summary: 'Aliran langsung (Server-Sent Events) nilai yang baru masuk', querystring: boardQuery } },
    async (request: FastifyRequest<{ Querystring: z.infer<typeof boardQuery> }>, reply: FastifyReply) => {
      const query = request.query;
      const venueSessions = query.venue ? new Set((await deps.db.select({ id: catSessions.id }).from(catSessions).innerJoin(catRooms, eq(catRooms.id, catSessions.roomId)).where(eq(catRooms.venueId, query.venue))).map((s) => s.id)) : null;
      const matches = (score: LiveScore) =>
        (query.session && score.sessionId === query.session) ||
        (query.selection && score.selectionId === query.selection) ||
        (query.venue && (score.venueId === query.venue || (score.sessionId !== null && venueSessions?.has(score.sessionId))));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no', 'x-request-id': request.id });
      res.write('retry: 3000\n: terhubung\n\n');
      streams.add(res);
      const unsubscribe = hub.subscribe((score) => {
        if (matches(score)) res.write(`event: score\ndata: ${JSON.stringify(score)}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
      heartbeat.unref();
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(res);
      });
    },
  );

  const skdParams = z.object({ agencyId: uuid(), selectionId: uuid(), blueprintId: uuid() });
  app.get(
    '/api/agencies/:agencyId/selections/:selectionId/blueprints/:blueprintId/skd-result',
    {
      schema: {
        tags: ['hasil'],
        summary: 'Pratinjau hasil SKD: peringkat per formasi dan siapa lanjut ke SKB (3× formasi, tie-break TKP/TIU/TWK)',
        params: skdParams,
        response: responses({ 200: stageResultSchema }),
      },
    },
    async (request) => {
      authorize(catExamPolicy.readSkdResult(await requireAccount(request), request.params.agencyId));
      const stage = await skdStage(deps.db, request.params);
      const outcome = await skdOutcome(deps.db, request.params);
      return {
        stage: { key: stage.stageKey, name: stage.stageName, isSkd: stage.isSkd, publishable: stage.publishable },
        published: stage.published ? { ...stage.published, publishedAt: stage.published.publishedAt.toISOString() } : null,
        entries: outcome.entries,
        pending: outcome.pending,
        formations: outcome.formations.map((f) => ({ ...f })),
      };
    },
  );

  app.post(
    '/api/agencies/:agencyId/selections/:selectionId/blueprints/:blueprintId/skd-result/publish',
    { schema: { tags: ['hasil'], summary: 'Umumkan hasil SKD (pengumuman dengan PDF dan sidik jari)', params: skdParams, response: responses({ 200: stagePublication }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(catExamPolicy.publishSkdResult(actor, request.params.agencyId));
      const published = await publishSkdResult({ db: deps.db, config, ...request.params, actorId: actor.accountId });
      return { announcementId: published.announcementId, hash: published.hash, proceeding: published.proceeding, participants: published.participants };
    },
  );
}
