import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.js';

export type ServerProcess = {
  child: ChildProcess;
  port: number;
  url: string;
  /** Milliseconds from the spawn until GET /api/health answered 200. */
  readyAfterMs: number;
  /** SIGTERM, SIGKILL after 10 s; resolves when the process has exited. */
  stop(): Promise<void>;
};

export type StartOptions = {
  /** The server's environment (PORT and HOST are set here). */
  env: NodeJS.ProcessEnv;
  /** A port to listen on (e.g. the same one after a restart); by default one the system says is free. */
  port?: number;
  /** Flags for node before the server's own (e.g. --cpu-prof). */
  nodeArgs?: readonly string[];
  cwd?: string;
  timeoutMs?: number;
  pollMs?: number;
  /** What the server writes (to a log file, the terminal); the end of it is kept anyway to say why it stopped. */
  onOutput?: (chunk: Buffer, stream: 'stdout' | 'stderr') => void;
};

/**
 * Starts the real server (`server/main.ts`) as a child process, as a test, a benchmark or the
 * browser journeys need it, and waits until GET /api/health answers. When the process exits first,
 * or does not answer in time, the error carries the end of what it wrote.
 */
export async function startServerProcess(options: StartOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: options.cwd,
    env: { ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
    options.onOutput?.(chunk, stream);
  };
  child.stdout!.on('data', collect('stdout'));
  child.stderr!.on('data', collect('stderr'));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server berhenti sebelum siap (kode keluar ${child.exitCode ?? child.signalCode}):\n${tail}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`server tidak menjawab GET /api/health dalam ${timeoutMs / 1000} detik:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
  return { child, port, url, readyAfterMs: performance.now() - started, stop };
}
