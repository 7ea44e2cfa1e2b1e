import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery, paged, uuid } from '../../../core/schemas/common.js';
import { notFound } from '../../errors.js';
import { noContent, responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { notificationPolicy } from './notifications.policy.js';
import { listNotifications, listOutbox, markRead } from './notifications.service.js';

const notificationSchema = z.object({ id: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), readAt: z.string().nullable(), createdAt: z.string() });
const outboxSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'kept', 'failed']),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export async function notificationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifikasi'];

  app.get(
    '/api/notifications',
    { schema: { tags, summary: 'Notifikasi akun ini', querystring: pageQuery.omit({ q: true }), response: responses({ 200: paged(notificationSchema).extend({ unread: z.number().int() }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      const { items, total, unread } = await listNotifications(app.deps.db, actor.accountId, request.query);
      return {
        items: items.map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })),
        total,
        unread,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, summary: 'Tandai notifikasi sudah dibaca', params: z.object({ id: uuid() }), response: responses({ 204: noContent }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      if (!(await markRead(app.deps.db, actor.accountId, request.params.id))) throw notFound('Notifikasi');
      return reply.status(204).send(null);
    },
  );

  app.post('/api/notifications/read-all', { schema: { tags, summary: 'Tandai semua notifikasi sudah dibaca', response: responses({ 204: noContent }) } }, async (request, reply) => {
    const actor = await requireAccount(request);
    await markRead(app.deps.db, actor.accountId, null);
    return reply.status(204).send(null);
  });

  app.get('/api/outbox', { schema: { tags, summary: 'Kotak keluar email (super admin)', querystring: pageQuery, response: responses({ 200: paged(outboxSchema) }) } }, async (request) => {
    authorize(notificationPolicy.readOutbox(await requireAccount(request)));
    const { items, total } = await listOutbox(app.deps.db, request.query);
    return {
      items: items.map((m) => ({
        id: m.id,
        to: m.toAddress,
        subject: m.subject,
        text: m.textBody,
        status: m.status as z.infer<typeof outboxSchema>['status'],
        attempts: m.attempts,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
      total,
      page: request.query.page,
      pageSize: request.query.pageSize,
    };
  });
}
