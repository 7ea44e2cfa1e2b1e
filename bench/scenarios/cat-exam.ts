import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import { cpuPhase } from '../cpu.js';
import { openConnection, percentile, type Connection } from '../http-client.js';
import { BENCH_PIN, seedCatExam } from '../cat-seed.js';
import type { DriverScenario } from '../types.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Exponential think time with the given mean (participants read, then click). */
const think = (meanMs: number) => -Math.log(1 - Math.random()) * meanMs;

/**
 * 5,000 participants (--size) of one SKD session block: all check in with the PIN, start and load
 * their paper within the first minute; then, for --duration seconds, each answers at a reading pace
 * (mean 1.2 s between clicks) with bursts — every 10 s a tenth of them send 3–6 queued answers at
 * once, as after a network blip. Each participant has one request in flight on its own keep-alive
 * connection, as a browser at the venue (participants are spread over the server processes, as a
 * load balancer would); failed sends are retried with the same click numbers. Afterwards every
 * acknowledged answer is compared with the database: lost (missing or older) and duplicated
 * (stored but never acknowledged). `--connections` is not used: one connection per participant.
 */
export const catExam: DriverScenario = {
  kind: 'driver',
  async run({ urls, serverPids, sessionSecret, duration, size }) {
    if (!process.env.DATABASE_URL) throw new Error('cat-exam membutuhkan DATABASE_URL (PostgreSQL)');
    const participants = size ?? 5000;
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
    const seedStarted = performance.now();
    const seed = await seedCatExam(pool, { participants, sessionSecret });
    // Papers, accounts and sessions are written when participants are allocated, days before the
    // exam: autovacuum has visited them and checkpoints have written them out by the morning of the
    // exam. Done here, before the clock starts, so neither runs during the measurement.
    await pool.query('VACUUM (ANALYZE) cat_paper_items, cat_attempts, sessions, accounts, account_roles, applications');
    await pool.query('CHECKPOINT');
    console.error(`data siap: ${participants} peserta dalam ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    let errors = 0;

    // Phase 1: everyone checks in, starts and loads the paper.
    type Vu = { attemptId: string; cookie: string; connection: Connection; questions: Array<{ id: string; options: string[] }>; seq: number; next: number; acked: Map<string, { seq: number; option: string }> };
    const vus: Vu[] = [];
    const startLatencies: number[] = [];
    const startBegan = performance.now();
    const startCpu = await cpuPhase(pool, serverPids);
    await Promise.all(
      seed.participants.map(async (p, i) => {
        await sleep((i / participants) * 20_000);
        const connection = openConnection(urls[i % urls.length]!);
        let cookie: string | null = null;
        for (let tries = 0; tries < 5; tries++) {
          try {
            // A retry after a failed start keeps the device it checked in with (a second check-in from another device is refused).
            const checkIn = await connection.send('POST', `/api/cat/attempts/${p.attemptId}/check-in`, cookie ?? p.cookie, { pin: BENCH_PIN });
            if (checkIn.status !== 200) throw new Error(`check-in ${checkIn.status} ${checkIn.body.slice(0, 200)}`);
            const device = checkIn.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('cat_device='))!;
            cookie = `${p.cookie}; ${device}`;
            const start = await connection.send('POST', `/api/cat/attempts/${p.attemptId}/start`, cookie);
            if (start.status !== 200) throw new Error(`start ${start.status}`);
            const state = JSON.parse(start.body) as { paper: Array<{ questionId: string; options: Array<{ id: string }> }> };
            startLatencies.push(checkIn.ms, start.ms);
            vus.push({ attemptId: p.attemptId, cookie, connection, questions: state.paper.map((q) => ({ id: q.questionId, options: q.options.map((o) => o.id) })), seq: 0, next: 0, acked: new Map() });
            return;
          } catch (error) {
            errors += 1;
            if (tries === 4 || errors <= 5) console.error('gagal memulai', String(error));
            await sleep(500);
          }
        }
      }),
    );
    const startSeconds = (performance.now() - startBegan) / 1000;
    const startCores = await startCpu();
    const startLoad = os.loadavg()[0]!;
    console.error(`${vus.length} peserta mulai dalam ${startSeconds.toFixed(1)} s`);

    // Phase 2: answering at a reading pace, with bursts, for `duration` seconds. Throughput and
    // latency count the requests answered inside that window; every acknowledgement, whenever it
    // came, is checked against the database afterwards.
    const latencies: number[] = [];
    let ackedAnswers = 0;
    let ackedInWindow = 0;
    let requests = 0;
    const answerBegan = performance.now();
    const deadline = answerBegan + duration * 1000;
    const answerCpu = await cpuPhase(pool, serverPids);
    // The load generator's own event-loop delay: a late timer or a response read late adds to the latencies it measures.
    const generatorLoop = monitorEventLoopDelay({ resolution: 10 });
    generatorLoop.enable();
    let burst = new Set<Vu>();
    const burstTimer = setInterval(() => {
      burst = new Set(vus.filter(() => Math.random() < 0.1));
    }, 10_000);
    async function answer(vu: Vu) {
      for (;;) {
        const wait = think(1200);
        if (performance.now() + wait >= deadline) return;
        await sleep(wait);
        const count = burst.delete(vu) ? 3 + Math.floor(Math.random() * 4) : 1;
        const answers = Array.from({ length: count }, () => {
          const q = vu.questions[vu.next % vu.questions.length]!;
          vu.next += 1;
          return { questionId: q.id, optionId: q.options[Math.floor(Math.random() * q.options.length)]!, flagged: false, seq: ++vu.seq };
        });
        for (let tries = 0; ; tries++) {
          try {
            const response = await vu.connection.send('POST', `/api/cat/attempts/${vu.attemptId}/answers`, vu.cookie, { answers });
            requests += 1;
            if (response.status !== 200) throw new Error(`answers ${response.status}`);
            const inWindow = performance.now() <= deadline;
            if (inWindow) latencies.push(response.ms);
            const results = (JSON.parse(response.body) as { results: Array<{ questionId: string; seq: number; status: string }> }).results;
            for (const [i, r] of results.entries()) {
              if (r.status === 'rejected') {
                errors += 1;
                continue;
              }
              ackedAnswers += 1;
              if (inWindow) ackedInWindow += 1;
              const prev = vu.acked.get(r.questionId);
              if (!prev || prev.seq < r.seq) vu.acked.set(r.questionId, { seq: r.seq, option: answers[i]!.optionId });
            }
            break;
          } catch (error) {
            errors += 1;
            if (errors <= 5) console.error('gagal menyimpan', String(error));
            if (tries >= 5) break;
            await sleep(200 * (tries + 1));
          }
        }
      }
    }
    await Promise.all(vus.map((vu) => answer(vu)));
    clearInterval(burstTimer);
    generatorLoop.disable();
    const answerCores = await answerCpu();
    const answerLoad = os.loadavg()[0]!;
    for (const vu of vus) vu.connection.close();

    // Every acknowledged answer must be in the database, exactly as acknowledged.
    const rows = (await pool.query<{ attempt_id: string; question_id: string; option_id: string; seq: number }>(
      `SELECT attempt_id, question_id, option_id, seq FROM cat_answers WHERE attempt_id IN (SELECT id FROM cat_attempts WHERE blueprint_id = $1)`,
      [seed.blueprintId],
    )).rows;
    const stored = new Map(rows.map((r) => [`${r.attempt_id}:${r.question_id}`, r]));
    let lost = 0;
    let expected = 0;
    for (const vu of vus) {
      for (const [questionId, ack] of vu.acked) {
        expected += 1;
        const row = stored.get(`${vu.attemptId}:${questionId}`);
        if (!row || row.seq !== ack.seq || row.option_id !== ack.option) lost += 1;
      }
    }
    const duplicated = rows.length - (expected - lost);
    await pool.end();
    latencies.sort((a, b) => a - b);
    startLatencies.sort((a, b) => a - b);
    return {
      ops_per_s: Math.round(ackedInWindow / duration),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      errors,
      extra: {
        participants: vus.length,
        all_started_s: Number(startSeconds.toFixed(1)),
        start_p99_ms: percentile(startLatencies, 99),
        answer_requests: requests,
        acknowledged_answers: ackedAnswers,
        lost,
        duplicated: Math.max(0, duplicated),
        // Where the CPU went (2 cores in all) and the machine's 1-minute load average, per phase.
        start_server_cores: startCores.server_cores,
        start_postgres_cores: startCores.postgres_cores,
        start_generator_cores: startCores.generator_cores,
        start_load: Number(startLoad.toFixed(1)),
        answer_server_cores: answerCores.server_cores,
        answer_postgres_cores: answerCores.postgres_cores,
        answer_generator_cores: answerCores.generator_cores,
        answer_load: Number(answerLoad.toFixed(1)),
        generator_loop_p99_ms: Number((generatorLoop.percentile(99) / 1e6).toFixed(1)),
        generator_loop_max_ms: Number((generatorLoop.max / 1e6).toFixed(1)),
      },
    };
  },
};
