import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import pg from 'pg';
import type { Database } from '../../db/client.js';

/** A score as the public board shows it. */
export type LiveScore = {
  attemptId: string;
  sessionId: string | null;
  selectionId: string;
  venueId: string | null;
  registrationNumber: string;
  name: string;
  scores: Record<string, number>;
  total: number;
  passed: boolean;
  scoredAt: string;
};

export const LIVE_CHANNEL = 'cat_live';

/**
 * Fan-out of finished scores to every server process's board viewers: PostgreSQL LISTEN/NOTIFY
 * (the notification is sent by the scoring transaction, so only committed scores are shown), Redis
 * pub/sub when REDIS_URL is set, or in-process for the embedded database (one process).
 */
export interface LiveHub {
  /** Called after the scores are committed (the PostgreSQL hub sends its NOTIFY inside the transaction instead). */
  publishCommitted(scores: LiveScore[]): Promise<void>;
  /** True when scores must be published with NOTIFY inside the scoring transaction. */
  readonly notifiesInTransaction: boolean;
  subscribe(listener: (score: LiveScore) => void): () => void;
  close(): Promise<void>;
}

class LocalListeners {
  private readonly emitter = new EventEmitter();
  constructor() {
    // Thousands of board viewers per process are expected.
    this.emitter.setMaxListeners(0);
  }
  emit(score: LiveScore) {
    this.emitter.emit('score', score);
  }
  subscribe(listener: (score: LiveScore) => void) {
    this.emitter.on('score', listener);
    return () => void this.emitter.off('score', listener);
  }
}

class InProcessHub extends LocalListeners implements LiveHub {
  readonly notifiesInTransaction = false;
  async publishCommitted(scores: LiveScore[]) {
    for (const score of scores) this.emit(score);
  }
  async close() {}
}

class PostgresHub extends LocalListeners implements LiveHub {
  readonly notifiesInTransaction = true;
  private client: pg.Client | null = null;
  private closed = false;

  constructor(private readonly url: string) {
    super();
  }

  async connect() {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel !== LIVE_CHANNEL || !message.payload) return;
      try {
        this.emit(JSON.parse(message.payload) as LiveScore);
      } catch {
        // A malformed payload is dropped; the board's snapshot endpoint still has every score.
      }
    });
    client.on('error', () => void this.reconnect());
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    this.client = client;
  }

  private async reconnect() {
    if (this.closed) return;
    await this.client?.end().catch(() => undefined);
    this.client = null;
    setTimeout(() => void this.connect().catch(() => this.reconnect()), 1000).unref();
  }

  async publishCommitted() {}

  async close() {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }
}

class RedisHub extends LocalListeners implements LiveHub {
  readonly notifiesInTransaction = false;
  private readonly subscriber: Redis;
  constructor(private readonly redis: Redis) {
    super();
    this.subscriber = redis.duplicate();
    this.subscriber.on('message', (channel, payload) => {
      if (channel !== LIVE_CHANNEL) return;
      try {
        this.emit(JSON.parse(payload) as LiveScore);
      } catch {
        // see PostgresHub
      }
    });
  }
  async connect() {
    await this.subscriber.subscribe(LIVE_CHANNEL);
  }
  async publishCommitted(scores: LiveScore[]) {
    for (const score of scores) await this.redis.publish(LIVE_CHANNEL, JSON.stringify(score));
  }
  async close() {
    await this.subscriber.quit().catch(() => undefined);
  }
}

export type CreateLiveHubOptions = { database: Database; databaseUrl: string | null; redis: Redis | null };

export async function createLiveHub({ database, databaseUrl, redis }: CreateLiveHubOptions): Promise<LiveHub> {
  if (redis) {
    const hub = new RedisHub(redis);
    await hub.connect();
    return hub;
  }
  if (database.kind === 'postgres' && databaseUrl) {
    const hub = new PostgresHub(databaseUrl);
    await hub.connect();
    return hub;
  }
  return new InProcessHub();
}
