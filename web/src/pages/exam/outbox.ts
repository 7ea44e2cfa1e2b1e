// The participant's clicks survive a network cut and a crashed browser: every click gets the next
// click number (seq) and goes into an outbox kept in localStorage; a sender posts what is queued,
// in order, and removes an item only when the server acknowledged it as stored. The server keeps
// the highest seq per question, so replays after a reload are harmless.
import { isApiError, errorMessage } from '../../api/client';
import { ANSWERS_PER_REQUEST, EVENTS_PER_REQUEST, catExamApi, type ExamEvent, type ExamEventKind, type WriteOutcome } from '../../api/cat-exam';

export type QueuedAnswer = { questionId: string; optionId: string | null; flagged: boolean; seq: number };
export type Rejection = { questionId: string; seq: number; code: string; message: string };

const storageKey = (attemptId: string, what: 'answers' | 'events' | 'seq' | 'device') => `rekrutmen-cat:${attemptId}:${what}`;

function readJson<T>(key: string, fallback: T): T {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(key: string, value: unknown) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the in-memory queue still sends; only a reload would lose it.
  }
}

/** Remembers that this browser entered the PIN for the attempt (the device cookie itself is HttpOnly). */
export const deviceMark = {
  set: (attemptId: string) => writeJson(storageKey(attemptId, 'device'), true),
  has: (attemptId: string) => readJson(storageKey(attemptId, 'device'), false),
};

/** The persistent queue of one attempt: answers (by seq), proctor events, and the click counter. */
export class ExamOutbox {
  private answers: QueuedAnswer[];
  private events: ExamEvent[];

  constructor(readonly attemptId: string) {
    this.answers = readJson<QueuedAnswer[]>(storageKey(attemptId, 'answers'), []).sort((a, b) => a.seq - b.seq);
    this.events = readJson<ExamEvent[]>(storageKey(attemptId, 'events'), []);
  }

  pendingAnswers(): readonly QueuedAnswer[] {
    return this.answers;
  }

  pendingEvents(): readonly ExamEvent[] {
    return this.events;
  }

  /** The next click number: above every number used on this device and every one the server holds. */
  nextSeq(floor: number): number {
    const key = storageKey(this.attemptId, 'seq');
    const queued = this.answers.reduce((max, a) => Math.max(max, a.seq), 0);
    const next = Math.max(readJson<number>(key, 0), floor, queued) + 1;
    writeJson(key, next);
    return next;
  }

  addAnswer(answer: QueuedAnswer) {
    this.answers.push(answer);
    this.answers.sort((a, b) => a.seq - b.seq);
    writeJson(storageKey(this.attemptId, 'answers'), this.answers);
  }

  /** Removes acknowledged (or refused) answers: matched by question and click number. */
  removeAnswers(done: ReadonlyArray<{ questionId: string; seq: number }>) {
    const keys = new Set(done.map((d) => `${d.questionId}:${d.seq}`));
    this.answers = this.answers.filter((a) => !keys.has(`${a.questionId}:${a.seq}`));
    writeJson(storageKey(this.attemptId, 'answers'), this.answers);
  }

  addEvent(event: ExamEvent) {
    this.events.push(event);
    writeJson(storageKey(this.attemptId, 'events'), this.events);
  }

  removeEvents(count: number) {
    this.events = this.events.slice(count);
    writeJson(storageKey(this.attemptId, 'events'), this.events);
  }

  /** After the attempt is finished and nothing is left to send. */
  clear() {
    for (const what of ['answers', 'events', 'seq'] as const) {
      try {
        window.localStorage.removeItem(storageKey(this.attemptId, what));
      } catch {
        // nothing to clear
      }
    }
    this.answers = [];
    this.events = [];
  }
}

export type SyncSnapshot = {
  pending: readonly QueuedAnswer[];
  pendingEvents: number;
  /** The browser says it is offline, or the last send failed: the banner shows. */
  disconnected: boolean;
  /** When the queue last drained after an outage (for "Koneksi tersambung kembali"). */
  restoredAt: number | null;
  rejected: readonly Rejection[];
  lastFailure: string | null;
};

const MAX_BACKOFF_MS = 30_000;
const EVENT_DELAY_MS = 1_500;

/**
 * Sends the outbox in order, batching whatever is queued, with exponential backoff after a failure
 * and an immediate retry when the browser reports it is back online.
 */
export class ExamSender {
  private listeners = new Set<() => void>();
  private snapshot: SyncSnapshot;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private retryTimer: number | undefined;
  private eventTimer: number | undefined;
  private stopped = false;
  private rejected: Rejection[] = [];
  private failing = false;
  private restoredAt: number | null = null;
  private lastFailure: string | null = null;

  constructor(
    readonly outbox: ExamOutbox,
    private readonly onRejected: (rejections: Rejection[]) => void = () => undefined,
  ) {
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private makeSnapshot(): SyncSnapshot {
    return {
      pending: [...this.outbox.pendingAnswers()],
      pendingEvents: this.outbox.pendingEvents().length,
      disconnected: this.failing || (typeof navigator !== 'undefined' && navigator.onLine === false),
      restoredAt: this.restoredAt,
      rejected: this.rejected,
      lastFailure: this.lastFailure,
    };
  }

  private emit() {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private readonly handleOnline = () => {
    this.recordEvent('online');
    this.failures = 0;
    this.emit();
    void this.flush();
  };

  private readonly handleOffline = () => {
    this.recordEvent('offline');
    this.emit();
  };

  start() {
    this.stopped = false;
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    void this.flush();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    window.clearTimeout(this.retryTimer);
    window.clearTimeout(this.eventTimer);
  }

  recordAnswer(answer: QueuedAnswer) {
    this.outbox.addAnswer(answer);
    this.emit();
    void this.flush();
  }

  recordEvent(kind: ExamEventKind) {
    this.outbox.addEvent({ kind, at: new Date().toISOString() });
    this.emit();
    // Events are not urgent: a short delay lets a blur and a tab switch travel together.
    window.clearTimeout(this.eventTimer);
    this.eventTimer = window.setTimeout(() => void this.flush(), EVENT_DELAY_MS);
  }

  dismissRejections() {
    this.rejected = [];
    this.emit();
  }

  /** Sends everything queued; resolves when this round is done (successful or not). */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    window.clearTimeout(this.retryTimer);
    this.inFlight = this.sendAll().finally(() => {
      this.inFlight = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.flush();
      }
    });
    return this.inFlight;
  }

  /** Flushes until nothing is left, or throws when the queue cannot be emptied now. */
  async drain(): Promise<void> {
    for (let round = 0; round < 3; round += 1) {
      await this.flush();
      if (this.outbox.pendingAnswers().length === 0) return;
    }
    const left = this.outbox.pendingAnswers().length;
    throw new Error(`${left} jawaban belum terkirim ke server. Periksa koneksi, lalu coba lagi.`);
  }

  private async sendAll() {
    try {
      for (;;) {
        const batch = this.outbox.pendingAnswers().slice(0, ANSWERS_PER_REQUEST);
        if (batch.length === 0) break;
        const { results } = await catExamApi.saveAnswers(this.outbox.attemptId, batch);
        const settled = this.settle(batch, results);
        if (settled === 0) break;
      }
      for (;;) {
        const events = this.outbox.pendingEvents().slice(0, EVENTS_PER_REQUEST);
        if (events.length === 0) break;
        await catExamApi.recordEvents(this.outbox.attemptId, events);
        this.outbox.removeEvents(events.length);
      }
      if (this.failing) this.restoredAt = Date.now();
      this.failing = false;
      this.failures = 0;
      this.lastFailure = null;
    } catch (error) {
      this.failing = true;
      this.lastFailure = isApiError(error) && error.status !== 0 ? errorMessage(error) : null;
      this.failures += 1;
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 1));
      window.clearTimeout(this.retryTimer);
      if (!this.stopped) this.retryTimer = window.setTimeout(() => void this.flush(), delay);
    } finally {
      this.emit();
    }
  }

  /** Stored and duplicate are both safe (the server holds this click or a newer one); refused ones are shown. */
  private settle(batch: readonly QueuedAnswer[], results: readonly WriteOutcome[]): number {
    const done: Array<{ questionId: string; seq: number }> = [];
    const refused: Rejection[] = [];
    for (const result of results) {
      if (!batch.some((a) => a.questionId === result.questionId && a.seq === result.seq)) continue;
      done.push({ questionId: result.questionId, seq: result.seq });
      if (result.status === 'rejected') {
        refused.push({ questionId: result.questionId, seq: result.seq, code: result.code ?? 'REJECTED', message: result.message ?? 'Jawaban ditolak server.' });
      }
    }
    this.outbox.removeAnswers(done);
    if (refused.length) {
      this.rejected = [...this.rejected, ...refused];
      this.onRejected(refused);
    }
    return done.length;
  }
}
