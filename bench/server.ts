import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../server/test-support/server-process.js';

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

// BENCH_NODE_ARGS: extra flags for the server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
const launch = (env: NodeJS.ProcessEnv) =>
  startServerProcess({ env, nodeArgs: (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), onOutput: (chunk, stream) => stream === 'stderr' && process.stderr.write(chunk) });

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
      await Promise.all(all.map((server) => server.stop()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
