import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import '../core/schemas/common.js';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import { AppError, errorHandler } from './errors.js';
import { accountRoutes } from './modules/accounts/accounts.routes.js';
import { applicantRoutes } from './modules/applicants/applicants.routes.js';
import { applicationRoutes } from './modules/applications/applications.routes.js';
import { catExamRoutes } from './modules/cat-exam/cat-exam.routes.js';
import { agencyRoutes } from './modules/agencies/agencies.routes.js';
import { announcementRoutes } from './modules/announcements/announcements.routes.js';
import { MAX_UPLOAD_BYTES } from './modules/files/files.service.js';
import { outreachRoutes } from './modules/outreach/outreach.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { catBankRoutes } from './modules/cat-banks/cat-banks.routes.js';
import { catBlueprintRoutes } from './modules/cat-blueprints/cat-blueprints.routes.js';
import { catReportRoutes } from './modules/cat-reports/cat-reports.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { ikmRoutes } from './modules/ikm/ikm.routes.js';
import { aspirationRoutes } from './modules/aspirations/aspirations.routes.js';
import { catSessionRoutes } from './modules/cat-sessions/cat-sessions.routes.js';
import { formasiRoutes } from './modules/formasi/formasi.routes.js';
import { employeeRoutes } from './modules/employees/employees.routes.js';
import { trainingRoutes } from './modules/training/training.routes.js';
import { evaluationRoutes } from './modules/evaluation/evaluation.routes.js';
import { organisationRoutes } from './modules/organisation/organisation.routes.js';
import { notificationRoutes } from './modules/notifications/notifications.routes.js';
import { startOutboxWorker } from './modules/notifications/outbox.worker.js';
import { publicRoutes } from './modules/public/public.routes.js';
import { selectionRoutes } from './modules/selections/selections.routes.js';
import { CachedSessionStore } from './modules/sessions/session-cache.js';
import { DbSessionStore, RedisSessionStore, type SessionStore } from './modules/sessions/sessions.store.js';
import { staffRoutes } from './modules/staff/staff.routes.js';
import { verificationRoutes } from './modules/verification/verification.routes.js';
import { sanggahRoutes } from './modules/sanggah/sanggah.routes.js';
import { panelScoreRoutes } from './modules/panel-scores/panel-scores.routes.js';
import { resultsRoutes } from './modules/results/results.routes.js';
import { catResultRoutes } from './modules/cat-results/cat-results.routes.js';
import { dashboardRoutes } from './modules/dashboards/dashboards.routes.js';
import { registerOpenApi } from './plugins/openapi.js';
import { checkOrigin } from './plugins/origin.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { serializerCompiler } from './plugins/serializer.js';

export type AppDeps = {
  config: Config;
  database: Database;
  db: Db;
  sessions: SessionStore;
  redis: Redis | null;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type BuildAppOptions = {
  config: Config;
  database: Database;
  redis?: Redis | null;
  /** Where the logs go (stdout when absent); tests read them to check what is never logged. */
  logStream?: { write(line: string): void };
};

const NIK_LIKE = /\d{16}/g;
const maskNiks = (text: string) => text.replace(NIK_LIKE, '****************');

type SerializedError = { [key: string]: unknown; type: string; message: string; stack: string };

/** Masks NIK-like digit runs in every string of a serialised error (message, stack, detail, cause…). */
function maskErrorNiks(value: unknown): unknown {
  if (typeof value === 'string') return maskNiks(value);
  if (Array.isArray(value)) return value.map(maskErrorNiks);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, maskErrorNiks(inner)]));
  return value;
}

const WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the whole application; never listens (server/main.ts does, tests use inject). */
export async function buildApp({ config, database, redis = null, logStream }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'], censor: '[disembunyikan]' },
      serializers: {
        // Never a NIK in the logs, not even in a query string or an error's message (a unique
        // violation's detail names the key's value).
        req: (req) => ({ method: req.method, url: maskNiks(String(req.url)), remoteAddress: req.ip }),
        err: (error: Error) => maskErrorNiks({ ...error, type: error.name, message: error.message, stack: error.stack ?? '' }) as SerializedError,
      },
      stream: logStream ?? process.stdout,
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  const sessions = new CachedSessionStore(redis ? new RedisSessionStore(redis, database, config.sessionSecret) : new DbSessionStore(database, config.sessionSecret), { ttlMs: config.sessionCacheMs });
  app.addHook('onClose', async () => sessions.close());
  app.decorate('deps', { config, database, db: database.db, sessions, redis });
  app.decorateRequest('sessionAccount', undefined);

  registerSecurityHeaders(app, { https: config.publicUrl.startsWith('https:') });
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      checkOrigin(request, config.publicUrl);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  await app.register(fastifyCookie);
  // Uploads are streamed (files.service.ts); each caller sets its own lower size limit and kinds.
  // preservePath: the raw name reaches files.service, which refuses a name carrying a path.
  await app.register(fastifyMultipart, { preservePath: true, limits: { fileSize: MAX_UPLOAD_BYTES, fieldSize: 64 * 1024, fields: 20, parts: 50, headerPairs: 100 } });
  // Limits apply only where a route opts in (config.rateLimit): auth forms and public submissions.
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'rekrutmen-rl:' } : {}),
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `Terlalu banyak permintaan. Coba lagi dalam ${Math.ceil(context.ttl / 1000)} detik.`),
  });
  await registerOpenApi(app);

  await app.register(healthRoutes);
  await app.register(accountRoutes);
  await app.register(agencyRoutes);
  await app.register(staffRoutes);
  await app.register(verificationRoutes);
  await app.register(sanggahRoutes);
  await app.register(notificationRoutes);
  await app.register(auditRoutes);
  await app.register(publicRoutes);
  await app.register(selectionRoutes);
  await app.register(announcementRoutes);
  await app.register(outreachRoutes);
  await app.register(organisationRoutes);
  await app.register(catSessionRoutes);
  await app.register(formasiRoutes);
  await app.register(catBankRoutes);
  await app.register(catBlueprintRoutes);
  await app.register(catReportRoutes);
  await app.register(applicantRoutes);
  await app.register(applicationRoutes);
  await app.register(catExamRoutes);
  await app.register(catResultRoutes);
  await app.register(employeeRoutes);
  await app.register(panelScoreRoutes);
  await app.register(resultsRoutes);
  await app.register(ikmRoutes);
  await app.register(trainingRoutes);
  await app.register(evaluationRoutes);
  await app.register(aspirationRoutes);
  await app.register(dashboardRoutes);

  const hasWeb = existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: 'Alamat tidak ditemukan.' } });
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  if (config.smtpUrl) {
    const worker = startOutboxWorker({ database, smtpUrl: config.smtpUrl, from: config.mailFrom, log: app.log });
    app.addHook('onClose', () => worker.stop());
  }
  return app;
}
