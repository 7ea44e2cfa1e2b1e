// One thread of the final-ranking scenario: ranks rounds taken from the shared counter until none is left.
import { parentPort, workerData } from 'node:worker_threads';
import { createDatabase } from '../server/db/client.js';
import { panelScoresReader } from '../server/modules/results/panel-source.js';
import { loadRound } from '../server/modules/results/results.repo.js';
import { computeList, countsOf } from '../server/modules/results/results.service.js';

type Job = { databaseUrl: string; agencyId: string; selectionIds: string[]; lanes: number; next: SharedArrayBuffer };
const { databaseUrl, agencyId, selectionIds, lanes, next } = workerData as Job;
const counter = new Int32Array(next);
const database = await createDatabase({ databaseUrl, dataDir: '', poolSize: lanes + 1 });
const deps = { db: database.db, database, config: { uploadDir: '', publicUrl: '', smtpUrl: null }, panelScores: panelScoresReader };
const totals = { lines: 0, ranked: 0, issues: 0 };
// Started (modules compiled, pool made) before the clock: the scenario starts every thread at once.
parentPort!.postMessage('ready');
await new Promise((resolve) => parentPort!.once('message', resolve));
const lane = async () => {
  for (let n = Atomics.add(counter, 0, 1); n < selectionIds.length; n = Atomics.add(counter, 0, 1)) {
    const selectionId = selectionIds[n]!;
    const round = (await loadRound(database.db, { agencyId, selectionId }))!;
    const computed = await computeList({ deps, agencyId, selectionId, source: 'recorded', round, disqualified: [], corrections: [] });
    totals.lines += computed.result.lines.length;
    totals.ranked += countsOf(computed.result.lines).candidates!;
    totals.issues += computed.result.issues.length;
  }
};
await Promise.all(Array.from({ length: lanes }, lane));
await database.close();
parentPort!.postMessage(totals);
