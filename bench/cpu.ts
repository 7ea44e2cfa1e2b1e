import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** CPU seconds (user + system) a process has used so far; null once it is gone (Linux /proc). */
function cpuSecondsOfPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) — utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export type CpuSnapshot = Map<number, number>;

/** CPU used so far by each of the given processes. */
export function cpuSnapshot(pids: readonly number[]): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const pid of pids) {
    const seconds = cpuSecondsOfPid(pid);
    if (seconds !== null) snapshot.set(pid, seconds);
  }
  return snapshot;
}

/** Cores used on average between two snapshots (a process missing from the first counts from zero; one gone by the second is left out). */
export function coresBetween(before: CpuSnapshot, after: CpuSnapshot, seconds: number): number {
  let used = 0;
  for (const [pid, end] of after) used += end - (before.get(pid) ?? 0);
  return Math.round((used / seconds) * 100) / 100;
}

/** The PostgreSQL backends serving this database (the server's pools and the bench's own). */
export async function postgresPids(pool: pg.Pool): Promise<number[]> {
  const rows = (await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows;
  return rows.map((r) => r.pid);
}

/**
 * Measures where the CPU went during a phase: the server processes, PostgreSQL's backends for this
 * database, and the load generator itself (which shares the cores). Reported with each figure so
 * a reader can see whether the generator or other work on the machine took the time.
 */
export async function cpuPhase(pool: pg.Pool, serverPids: readonly number[]) {
  const startedAt = performance.now();
  const driverBefore = process.cpuUsage();
  const serverBefore = cpuSnapshot(serverPids);
  const postgresBefore = cpuSnapshot(await postgresPids(pool));
  return async () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const driver = process.cpuUsage(driverBefore);
    const postgresAfter = cpuSnapshot([...new Set([...postgresBefore.keys(), ...(await postgresPids(pool))])]);
    return {
      server_cores: coresBetween(serverBefore, cpuSnapshot(serverPids), seconds),
      postgres_cores: coresBetween(postgresBefore, postgresAfter, seconds),
      generator_cores: Math.round(((driver.user + driver.system) / 1e6 / seconds) * 100) / 100,
    };
  };
}
