import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../server/test-support/free-port.js';

export type BenchServer = {
  /** The first process's address. */
  url: string;
  /** Every process's address (several processes serve one PostgreSQL, as behind a load balancer). */
  urls: string[];
  /** The server processes' ids (to measure their CPU). */
  pids: number[];
  database: 'postgres' | 'embedded';
  sessionSecret: string;
  stop(): Promise<void>;
};

async function launch(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // BENCH_NODE_ARGS: extra flags for the server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/main.ts'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server berhenti saat mulai:\n${output}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('server tidak siap dalam 120 detik');
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, child };
}

/**
 * Starts the real server (PostgreSQL when DATABASE_URL is set, otherwise the embedded database in
 * a fresh folder), as production would run it, with demo data: `processes` server processes
 * (PostgreSQL only) sharing the database, the session secret and UPLOAD_DIR, each on its own port —
 * the first starts alone (migrations, demo data), the others after it.
 */
export async function startServer(options: { processes?: number; env?: Record<string, string> } = {}): Promise<BenchServer> {
  const processes = process.env.DATABASE_URL ? Math.max(1, options.processes ?? 1) : 1;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rekrutmen-bench-'));
  const sessionSecret = randomBytes(32).toString('hex');
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SEED_DEMO: '1',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    UPLOAD_DIR: path.join(dataDir, 'uploads'),
    SESSION_SECRET: sessionSecret,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
    ...options.env,
  };
  const first = await launch(env);
  const rest = await Promise.all(Array.from({ length: processes - 1 }, () => launch(env)));
  const all = [first, ...rest];
  return {
    url: first.url,
    urls: all.map((p) => p.url),
    pids: all.map((p) => p.child.pid!),
    database: process.env.DATABASE_URL ? 'postgres' : 'embedded',
    sessionSecret,
    stop: async () => {
      await Promise.all(
        all.map(({ child }) => {
          child.kill('SIGTERM');
          return new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
        }),
      );
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
