// Browser tests: starts the real server on a free port with a fresh data folder and the demo seed,
// runs every journey exported by e2e/*.spec.ts in order (each in fresh browser contexts), then stops
// the server. The web app must already be built (npm run build). Usage:
//   node --import tsx e2e/run.ts [filter]   — filter keeps journeys whose file or name contains it
//   (several filters separated by commas keep journeys matching any of them)
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from '../server/test-support/free-port.js';
import { startServerProcess, type ServerProcess } from '../server/test-support/server-process.js';
import { JourneyScope, type Journey } from './harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const E2E_DIR = path.join(ROOT, 'e2e');
const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const JOURNEY_TIMEOUT_MS = 180_000;
// A first start creates the database and tells the demo story (~30 s on an idle machine; more under load).
const HEALTH_TIMEOUT_MS = 240_000;

async function loadJourneys(filter: string | undefined): Promise<Array<{ file: string; journey: Journey }>> {
  const files = (await readdir(E2E_DIR)).filter((file) => file.endsWith('.spec.ts')).sort();
  // The applicant journey goes first: it is the product's front door.
  files.sort((a, b) => Number(b === 'applicant-register.spec.ts') - Number(a === 'applicant-register.spec.ts'));
  const filters = filter ? filter.split(',').filter(Boolean) : [];
  const found: Array<{ file: string; journey: Journey }> = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(E2E_DIR, file)).href)) as { journeys?: Journey[] };
    if (!Array.isArray(module.journeys)) throw new Error(`${file} tidak mengekspor "journeys"`);
    for (const journey of module.journeys) {
      if (!filters.length || filters.some((f) => file.includes(f) || journey.name.includes(f))) found.push({ file, journey });
    }
  }
  return found;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} melewati batas waktu ${ms / 1000} detik`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

async function main(): Promise<number> {
  const filter = process.argv[2];
  if (!existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) {
    console.error('web/dist belum ada: jalankan "npm run build" sebelum e2e.');
    console.log('0 passed, 1 failed');
    return 1;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium tidak ditemukan di ${CHROMIUM} (apt-get install -y chromium, atau atur CHROMIUM_PATH).`);
    console.log('0 passed, 1 failed');
    return 1;
  }

  const journeys = await loadJourneys(filter);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rekrutmen-e2e-'));
  const logFile = path.join(dataDir, 'server.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    SEED_DEMO: '1',
  };
  // Mail stays in the outbox, where the journeys read it.
  delete env.SMTP_URL;
  delete env.REDIS_URL;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Links in emails must point at this server, not the default http://localhost:3000.
  env.PUBLIC_URL = baseUrl;
  const serverLog = createWriteStream(logFile);

  let browser: Browser | undefined;
  let passed = 0;
  let failed = 0;
  let server: ServerProcess | undefined;
  try {
    server = await startServerProcess({ env, port, cwd: ROOT, timeoutMs: HEALTH_TIMEOUT_MS, pollMs: 250, onOutput: (chunk) => serverLog.write(chunk) });
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { database?: string };
    console.log(`server siap di ${baseUrl} (basis data: ${health.database ?? '?'})`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    for (const { file, journey } of journeys) {
      const scope = new JourneyScope(browser, baseUrl);
      const started = Date.now();
      try {
        await withTimeout(journey.run(scope), JOURNEY_TIMEOUT_MS, `perjalanan "${journey.name}"`);
        const unchecked = scope.uncheckedPages();
        if (unchecked.length > 0) {
          throw new Error(`halaman dikunjungi tanpa pemeriksaan aksesibilitas: ${unchecked.join(', ')}`);
        }
        passed += 1;
        console.log(`✓ ${journey.name} (${file}, ${Date.now() - started} ms)`);
        for (const line of scope.logs) console.log(`    ${line}`);
      } catch (error) {
        failed += 1;
        await mkdir(ARTIFACTS, { recursive: true });
        const shots = await scope.screenshots(path.join(ARTIFACTS, slug(journey.name)));
        console.log(`✗ ${journey.name} (${file}, ${Date.now() - started} ms)`);
        for (const line of scope.logs) console.log(`    ${line}`);
        console.log(`    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.replaceAll('\n', '\n    '));
        for (const shot of shots) console.log(`    tangkapan layar: ${path.relative(ROOT, shot)}`);
      } finally {
        await scope.close();
      }
    }
  } catch (error) {
    failed += 1;
    console.error(`e2e gagal disiapkan: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    serverLog.end();
    if (failed > 0) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      const tail = log.split('\n').slice(-40).join('\n');
      if (tail.trim()) console.log(`--- 40 baris terakhir log server ---\n${tail}\n---`);
    }
    await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
  if (journeys.length === 0 && failed === 0) console.log('tidak ada perjalanan yang cocok');
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

process.exitCode = await main();
