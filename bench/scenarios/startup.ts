import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../server/test-support/free-port.js';
import type { BatchScenario } from '../types.js';

/** Seconds from process start until /api/health answers, for a given data folder. */
async function timeToReady(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: '1', LOG_LEVEL: 'warn', SESSION_SECRET: randomBytes(32).toString('hex') },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('server berhenti saat mulai');
      if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) return (performance.now() - started) / 1000;
      if (performance.now() - started > 120_000) throw new Error('server tidak siap dalam 120 detik');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
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
