import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordBody,
  emailBody,
  loginBody,
  me,
  profileBody,
  registerBody,
  tokenBody,
  tokenPasswordBody,
} from '../../../core/schemas/accounts.js';
import { uuid } from '../../../core/schemas/common.js';
import { notFound } from '../../errors.js';
import { authRateLimit, noContent, okSchema, responses } from '../../http.js';
import { clearSessionCookie, currentAccount, requireAccount, setSessionCookie } from '../../plugins/auth.js';
import { loadSessionAccount } from '../sessions/sessions.store.js';
import { presentMe } from './accounts.presenter.js';
import * as accounts from './accounts.service.js';

const accountBody = z.object({ account: me });

export async function accountRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = () => app.deps;
  const tags = ['akun'];
  const limited = authRateLimit(app.deps.config);

  async function meOf(accountId: string) {
    const account = await loadSessionAccount(app.deps.database, accountId);
    if (!account) throw notFound('Akun');
    return presentMe(account);
  }

  app.post(
    '/api/auth/register',
    { config: limited, schema: { tags, summary: 'Pendaftaran akun pelamar', body: registerBody, response: responses({ 201: accountBody }) } },
    async (request, reply) => {
      const account = await accounts.registerApplicant(deps(), request.body);
      return reply.status(201).send({ account: await meOf(account.id) });
    },
  );

  app.post(
    '/api/auth/verify-email',
    { schema: { tags, summary: 'Verifikasi email dengan tautan sekali pakai', body: tokenBody, response: responses({ 200: okSchema }) } },
    async (request) => {
      const session = await currentAccount(request);
      await accounts.verifyEmail(deps(), { token: request.body.token, sessionAccountId: session?.accountId ?? null });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/resend-verification',
    { config: limited, schema: { tags, summary: 'Kirim ulang email verifikasi', body: emailBody, response: responses({ 202: okSchema }) } },
    async (request, reply) => {
      await accounts.resendVerification(deps(), request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/login',
    { config: limited, schema: { tags, summary: 'Masuk', body: loginBody, response: responses({ 200: accountBody }) } },
    async (request, reply) => {
      const result = await accounts.login(deps(), {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
      });
      setSessionCookie(request, reply, result.token);
      return { account: await meOf(result.account.id) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags, summary: 'Keluar', response: responses({ 204: noContent }) } }, async (request, reply) => {
    const session = await currentAccount(request);
    if (session) await app.deps.sessions.revoke(session.accountId, session.sessionId);
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'Akun yang sedang masuk', response: responses({ 200: accountBody }) } }, async (request) => {
    return { account: presentMe(await requireAccount(request)) };
  });

  app.post(
    '/api/auth/password-reset/request',
    { config: limited, schema: { tags, summary: 'Minta tautan atur ulang kata sandi', body: emailBody, response: responses({ 202: okSchema }) } },
    async (request, reply) => {
      await accounts.requestPasswordReset(deps(), request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    { config: limited, schema: { tags, summary: 'Atur ulang kata sandi dengan tautan', body: tokenPasswordBody, response: responses({ 200: okSchema }) } },
    async (request) => {
      const session = await currentAccount(request);
      await accounts.confirmPasswordReset(deps(), { ...request.body, sessionAccountId: session?.accountId ?? null });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/invitation',
    {
      schema: {
        tags,
        summary: 'Isi undangan staf',
        querystring: z.object({ token: z.string().min(10).max(200) }),
        response: responses({ 200: z.object({ email: z.string(), name: z.string(), agencyName: z.string(), invitedByName: z.string().nullable(), roles: z.array(z.string()) }) }),
      },
    },
    async (request) => accounts.describeInvitation(deps(), request.query.token),
  );

  app.post(
    '/api/auth/invitation/accept',
    { config: limited, schema: { tags, summary: 'Terima undangan staf dan atur kata sandi', body: tokenPasswordBody, response: responses({ 200: okSchema }) } },
    async (request) => {
      const session = await currentAccount(request);
      await accounts.acceptInvitation(deps(), { ...request.body, sessionAccountId: session?.accountId ?? null });
      return { ok: true as const };
    },
  );

  app.patch('/api/account', { schema: { tags, summary: 'Ubah profil akun', body: profileBody, response: responses({ 200: accountBody }) } }, async (request) => {
    const actor = await requireAccount(request);
    await accounts.updateProfile(deps(), actor.accountId, request.body);
    return { account: await meOf(actor.accountId) };
  });

  app.post(
    '/api/account/password',
    { config: limited, schema: { tags, summary: 'Ganti kata sandi (sesi lain dicabut)', body: changePasswordBody, response: responses({ 200: okSchema }) } },
    async (request) => {
      const actor = await requireAccount(request);
      await accounts.changePassword(deps(), { accountId: actor.accountId, sessionId: actor.sessionId, ...request.body });
      return { ok: true as const };
    },
  );

  const sessionItem = z.object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean(),
  });
  app.get('/api/account/sessions', { schema: { tags, summary: 'Sesi aktif akun ini', response: responses({ 200: z.object({ items: z.array(sessionItem) }) }) } }, async (request) => {
    const actor = await requireAccount(request);
    const items = await app.deps.sessions.list(actor.accountId);
    return {
      items: items.map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), current: s.id === actor.sessionId })),
    };
  });

  app.delete(
    '/api/account/sessions/:id',
    { schema: { tags, summary: 'Cabut sebuah sesi', params: z.object({ id: uuid() }), response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      if (!(await app.deps.sessions.revoke(actor.accountId, request.params.id))) throw notFound('Sesi');
      if (request.params.id === actor.sessionId) clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
}
