import type autocannon from 'autocannon';

export type PrepareContext = { url: string; connections: number; duration: number };

export type HttpScenario = {
  kind: 'http';
  /** Extra environment for the server process (e.g. TRUST_PROXY=1 to give each request its own address). */
  serverEnv?: Record<string, string>;
  prepare(ctx: PrepareContext): Promise<Partial<autocannon.Options> & { url: string }>;
  /** Checks the data after the run and returns what it counted (e.g. lost and duplicated writes). */
  verify?(ctx: PrepareContext): Promise<Record<string, number>>;
};

export type BatchScenario = {
  kind: 'batch';
  run(ctx: { database: 'postgres' | 'embedded'; size?: number }): Promise<{ count: number; seconds: number; errors: number; extra?: Record<string, number> }>;
};

/** A scenario with its own load driver (stateful virtual users), against the server process(es) the runner started (`urls`: one per process; spread the users over them as a load balancer would). */
export type DriverScenario = {
  kind: 'driver';
  run(ctx: { url: string; urls: string[]; serverPids: number[]; sessionSecret: string; duration: number; connections: number; size?: number }): Promise<{ ops_per_s: number; p50_ms: number; p99_ms: number; errors: number; extra?: Record<string, number> }>;
};

export type Scenario = HttpScenario | BatchScenario | DriverScenario;
