import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';

export type OutboxWorkerOptions = { database: Database; smtpUrl: string; from: string; log: FastifyBaseLogger; intervalMs?: number };

const MAX_ATTEMPTS = 8;

/**
 * Sends pending outbox messages. FOR UPDATE SKIP LOCKED lets several server processes share the
 * queue without sending a message twice; a failure is retried with exponential backoff.
 */
export function startOutboxWorker({ database, smtpUrl, from, log, intervalMs = 2000 }: OutboxWorkerOptions) {
  const transport = nodemailer.createTransport(smtpUrl);
  let running = false;
  let stopped = false;

  async function tick() {
    if (running || stopped) return;
    running = true;
    try {
      for (;;) {
        const batch = await database.query<{ id: string; to_address: string; subject: string; text_body: string; attempts: number }>(
          `UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = now()
             WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now()
                          ORDER BY next_attempt_at LIMIT 10 FOR UPDATE SKIP LOCKED)
           RETURNING id, to_address, subject, text_body, attempts`,
        );
        if (!batch.length) break;
        for (const message of batch) {
          try {
            await transport.sendMail({ from, to: message.to_address, subject: message.subject, text: message.text_body });
            await database.query(`UPDATE outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`, [message.id]);
          } catch (error) {
            const failed = message.attempts >= MAX_ATTEMPTS;
            const delaySeconds = Math.min(3600, 2 ** message.attempts * 15);
            await database.query(
              `UPDATE outbox SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
              [message.id, failed ? 'failed' : 'pending', error instanceof Error ? error.message.slice(0, 500) : 'unknown', delaySeconds],
            );
            log.warn({ outboxId: message.id, attempts: message.attempts }, 'email gagal dikirim; dicoba lagi nanti');
          }
        }
      }
    } catch (error) {
      log.error({ err: error }, 'outbox worker');
    } finally {
      running = false;
    }
  }

  // A message claimed by a process that died mid-send goes back to the queue.
  void database.query(`UPDATE outbox SET status = 'pending' WHERE status = 'sending' AND next_attempt_at < now() - interval '10 minutes'`).catch(() => undefined);
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    kick: () => void tick(),
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      transport.close();
    },
  };
}
