// npm run bench -- <scenario> [--duration S] [--connections N] [--size N] [--processes N]
// Starts its own server, prepares data, drives it with autocannon; the LAST line printed is one JSON object.
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { startServer } from './server.js';
import { catExam } from './scenarios/cat-exam.js';
import { applySubmit } from './scenarios/apply-submit.js';
import { catScore } from './scenarios/cat-score.js';
import { formasiSearch } from './scenarios/formasi-search.js';
import { health } from './scenarios/health.js';
import { loginMe } from './scenarios/login-me.js';
import { startup } from './scenarios/startup.js';
import { verifyQueue } from './scenarios/verify-queue.js';
import { finalRanking } from './scenarios/final-ranking.js';
import { ikmReport } from './scenarios/ikm-report.js';
import { ikmSubmit } from './scenarios/ikm-submit.js';
import type { Scenario } from './types.js';

const SCENARIOS: Record<string, Scenario> = { health, 'login-me': loginMe, startup, 'formasi-search': formasiSearch, 'cat-exam': catExam, 'cat-score': catScore, 'apply-submit': applySubmit };
SCENARIOS['verify-queue'] = verifyQueue;
SCENARIOS['final-ranking'] = finalRanking;
SCENARIOS['ikm-submit'] = ikmSubmit;
SCENARIOS['ikm-report'] = ikmReport;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, size: { type: 'string' }, processes: { type: 'string', default: '1' } },
});
const name = positionals[0];
const scenario = name ? SCENARIOS[name] : undefined;
if (!name || !scenario) {
  console.error(`Pakai: npm run bench -- <${Object.keys(SCENARIOS).join('|')}> [--duration S] [--connections N] [--size N] [--processes N]`);
  process.exit(2);
}
const duration = Number(values.duration);
const connections = Number(values.connections);
const database = process.env.DATABASE_URL ? 'postgres' : 'embedded';

if (scenario.kind === 'batch') {
  const result = await scenario.run({ database, ...(values.size ? { size: Number(values.size) } : {}) });
  console.log(JSON.stringify({ scenario: name, database, count: result.count, seconds: Number(result.seconds.toFixed(3)), errors: result.errors, ...result.extra }));
  process.exit(0);
}

const server = await startServer({ processes: Number(values.processes), ...(scenario.kind === 'http' && scenario.serverEnv ? { env: scenario.serverEnv } : {}) });
if (scenario.kind === 'driver') {
  try {
    const result = await scenario.run({ url: server.url, urls: server.urls, serverPids: server.pids, sessionSecret: server.sessionSecret, duration, connections, ...(values.size ? { size: Number(values.size) } : {}) });
    console.log(JSON.stringify({ scenario: name, database: server.database, processes: server.urls.length, ops_per_s: result.ops_per_s, p50_ms: result.p50_ms, p99_ms: result.p99_ms, errors: result.errors, ...result.extra }));
  } finally {
    await server.stop();
  }
  process.exit(0);
}
try {
  const ctx = { url: server.url, connections, duration };
  const options = await scenario.prepare(ctx);
  // Warm-up (JIT, connection pools, prepared statements), not measured.
  await autocannon({ ...options, connections, duration: 2 });
  const result = await autocannon({ ...options, connections, duration });
  const extra = scenario.verify ? await scenario.verify(ctx) : {};
  console.error(autocannon.printResult(result));
  console.log(
    JSON.stringify({
      scenario: name,
      database: server.database,
      ops_per_s: Math.round(result.requests.average),
      p50_ms: result.latency.p50,
      p99_ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      ...extra,
    }),
  );
} finally {
  await server.stop();
}
