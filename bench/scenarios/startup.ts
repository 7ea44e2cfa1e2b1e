import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../../server/test-support/server-process.js';
import type { BatchScenario } from '../types.js';

/** Seconds from process start until /api/health answers, for a given data folder. */
async function timeToReady(dataDir: string): Promise<number> {
  const server = await startServerProcess({ env: { ...process.env, DATA_DIR: dataDir, SEED_DEMO: '1', LOG_LEVEL: 'warn', SESSION_SECRET: randomBytes(32).toString('hex') }, pollMs: 50 });
  await server.stop();
  return server.readyAfterMs / 1000;
}

/** First start on an empty data folder (create database, migrate, seed) and a restart on it. */
export const startup: BatchScenario = {
  kind: 'batch',
  async run() {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rekrutmen-startup-'));
    try {
      const first = await timeToReady(dataDir);
      const restart = await timeToReady(dataDir);
      return { count: 2, seconds: first + restart, errors: 0, extra: { first_start_s: Number(first.toFixed(2)), restart_s: Number(restart.toFixed(2)) } };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
