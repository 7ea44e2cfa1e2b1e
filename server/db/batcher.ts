/**
 * Group commit: concurrent requests are gathered for a few milliseconds and handed to `run` as one
 * batch (one statement, one commit); each caller's promise settles only after its batch did, so an
 * acknowledged write is durable. Used where many small writes arrive at once (CAT answers, public
 * survey responses): a commit waits for the disk, and one commit for many writes keeps up.
 */
export type BatcherOptions<T, R> = {
  /** Writes a batch; returns one result per item, in order. A throw rejects every item of the batch. */
  run: (items: T[]) => Promise<R[]>;
  /** Most items per batch. */
  maxBatch: number;
  /**
   * How long the first item of a batch may wait for company; 0: until the end of the current turn
   * of the event loop (setImmediate), so a lone item waits for nothing and the items of requests
   * read in the same turn still go together.
   */
  maxWaitMs: number;
  /** Batches in flight at once (each holds one connection). */
  concurrency: number;
};

type Pending<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

export class Batcher<T, R> {
  private queue: Array<Pending<T, R>> = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private inFlight = 0;

  constructor(private readonly options: BatcherOptions<T, R>) {}

  /** Enqueues the items; the promise settles after the commit of the batch that carried them. */
  addAll(items: readonly T[]): Promise<R[]> {
    const promise = Promise.all(items.map((item) => new Promise<R>((resolve, reject) => this.queue.push({ item, resolve, reject }))));
    this.schedule();
    return promise;
  }

  async add(item: T): Promise<R> {
    return (await this.addAll([item]))[0]!;
  }

  private schedule() {
    if (this.queue.length >= this.options.maxBatch) this.flush();
    else if (!this.timer) this.timer = this.options.maxWaitMs > 0 ? setTimeout(() => this.flush(), this.options.maxWaitMs) : setImmediate(() => this.flush());
  }

  private flush() {
    if (this.timer) {
      if (this.options.maxWaitMs > 0) clearTimeout(this.timer as NodeJS.Timeout);
      else clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = null;
    }
    while (this.queue.length && this.inFlight < this.options.concurrency) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.runBatch(batch).finally(() => {
        this.inFlight -= 1;
        if (this.queue.length) this.flush();
      });
    }
  }

  private async runBatch(batch: Array<Pending<T, R>>) {
    try {
      const results = await this.options.run(batch.map((p) => p.item));
      batch.forEach((pending, i) => pending.resolve(results[i]!));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
