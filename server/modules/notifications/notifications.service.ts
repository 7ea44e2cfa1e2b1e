import { and, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notifications, outbox } from './notifications.table.js';

export type EmailMessage = { to: string; subject: string; text: string };

/**
 * Queues an email in the outbox within the caller's transaction: a request that commits has its
 * email stored, and sending (or failing to send) never blocks or fails that request.
 * Without SMTP the message is kept for the super administrator to read.
 */
export async function enqueueEmail(db: Db, message: EmailMessage, options: { smtp: boolean }) {
  await db.insert(outbox).values({ toAddress: message.to, subject: message.subject, textBody: message.text, status: options.smtp ? 'pending' : 'kept' });
}

export type NotifyInput = { accountId: string; title: string; body: string; link?: string | null };

export async function notify(db: Db, input: NotifyInput) {
  await db.insert(notifications).values({ accountId: input.accountId, title: input.title, body: input.body, link: input.link ?? null });
}

export type PageOptions = { page: number; pageSize: number };

export async function listNotifications(db: Db, accountId: string, { page, pageSize }: PageOptions) {
  const [totals] = await db
    .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number) })
    .from(notifications)
    .where(eq(notifications.accountId, accountId));
  const items = await db
    .select()
    .from(notifications)
    .where(eq(notifications.accountId, accountId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, total: totals?.total ?? 0, unread: totals?.unread ?? 0 };
}

export async function markRead(db: Db, accountId: string, notificationId: string | null): Promise<number> {
  const scope = notificationId
    ? and(eq(notifications.accountId, accountId), eq(notifications.id, notificationId))
    : and(eq(notifications.accountId, accountId), isNull(notifications.readAt));
  const rows = await db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, now())` }).where(scope).returning({ id: notifications.id });
  return rows.length;
}

export async function listOutbox(db: Db, options: PageOptions & { q?: string | undefined }) {
  const where = options.q ? or(ilike(outbox.toAddress, `%${options.q}%`), ilike(outbox.subject, `%${options.q}%`)) : undefined;
  const [total] = await db.select({ n: count() }).from(outbox).where(where);
  const items = await db
    .select()
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { items, total: total?.n ?? 0 };
}

const BULK_CHUNK = 1000;

/** Many in-app notifications in a few statements (a published result notifies every candidate). */
export async function notifyMany(db: Db, inputs: readonly NotifyInput[]) {
  for (let start = 0; start < inputs.length; start += BULK_CHUNK) {
    const chunk = inputs.slice(start, start + BULK_CHUNK);
    await db.insert(notifications).values(chunk.map((input) => ({ accountId: input.accountId, title: input.title, body: input.body, link: input.link ?? null })));
  }
}

/** Many emails queued in a few statements, within the caller's transaction (see enqueueEmail). */
export async function enqueueEmails(db: Db, messages: readonly EmailMessage[], options: { smtp: boolean }) {
  for (let start = 0; start < messages.length; start += BULK_CHUNK) {
    const chunk = messages.slice(start, start + BULK_CHUNK);
    await db.insert(outbox).values(chunk.map((message) => ({ toAddress: message.to, subject: message.subject, textBody: message.text, status: options.smtp ? 'pending' : 'kept' })));
  }
}
