import { Worker } from 'node:worker_threads';

/**
 * pdf-lib parses every object of a PDF (a few milliseconds of CPU for a 300 KB file). Done on the
 * event loop, that delays every other request of the process. One worker thread, started with the first
 * PDF, does it instead. pdf-lib refusing a file is an answer ({ error }); the worker itself failing
 * rejects the files it was loading (a server error, not the applicant's) and the next PDF starts a new one.
 */
export type PdfLoadResult = { pages: number } | { error: string };

type Pending = { resolve: (result: PdfLoadResult) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const started = new Worker(new URL('./pdf-check.worker.mjs', import.meta.url));
  // The worker never keeps the process alive by itself.
  started.unref();
  started.on('message', (message: { id: number } & PdfLoadResult) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    job.resolve('error' in message ? { error: message.error } : { pages: message.pages });
  });
  started.on('error', (error) => {
    if (worker === started) worker = null;
    failAll(new Error(`pdf worker failed: ${error.message}`));
  });
  started.on('exit', () => {
    if (worker === started) worker = null;
    failAll(new Error('pdf worker stopped'));
  });
  return started;
}

export type LoadPdfOptions = {
  /**
   * The caller no longer needs the bytes: when they fill their memory block it is moved to the
   * worker rather than copied (the caller's view is left empty). A Buffer sharing its block with
   * others (Node's pool for small ones) is always copied.
   */
  handOver?: boolean;
};

/** Loads the PDF (every object parsed) on the worker: its page count, or pdf-lib's error message. */
export function loadPdfOffThread(bytes: Uint8Array, { handOver = false }: LoadPdfOptions = {}): Promise<PdfLoadResult> {
  worker ??= startWorker();
  const id = nextId++;
  const result = new Promise<PdfLoadResult>((resolve, reject) => pending.set(id, { resolve, reject }));
  const movable = handOver && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  worker.postMessage({ id, bytes }, movable ? [bytes.buffer as ArrayBuffer] : []);
  return result;
}
