import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client.js';
import { createTestApp, type TestContext } from '../../test-support/app.js';
import { createCatSetup } from '../../test-support/cat-factory.js';
import { WRITE_SQL } from './answer-writer.js';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Index Cond'?: string; Plans?: PlanNode[] };
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/**
 * The answer write's plan at the start of an exam, on PostgreSQL (TEST_DATABASE_URL; CI sets it):
 * its statistics are from before the exam, when no attempt was active, and the server keeps one
 * generic plan per connection. Planned as a join, it scanned every active attempt of the venue for
 * each batch; each answer's attempt must be looked up by its key instead (answer-writer.ts).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('the answer write at the start of an exam', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('looks each answer\'s attempt up by its key, with statistics that saw no active attempt', async () => {
    const setup = await createCatSetup(ctx, { participants: 1, perSubtest: 1 });
    const db = ctx.database.db;
    // 3,000 more allocated attempts of the same blueprint, each with its own applicant.
    await db.execute(sql`
      WITH acc AS (
        INSERT INTO accounts (email, name) SELECT 'rencana-' || g || '@uji.local', 'Peserta ' || g FROM generate_series(1, 3000) g RETURNING id, email
      ), app AS (
        INSERT INTO applications (agency_id, selection_id, formasi_id, account_id, selection_type, selection_year, status, registration_number)
        SELECT ${setup.agency.id}, ${setup.selection.id}, ${setup.formasi.id}, acc.id, 'cpns', 2026, 'ms', 'RENCANA-' || acc.email FROM acc RETURNING id, account_id
      )
      INSERT INTO cat_attempts (agency_id, selection_id, blueprint_id, application_id, account_id, formasi_id, formasi_kind, duration_seconds)
      SELECT ${setup.agency.id}, ${setup.selection.id}, ${setup.blueprint.id}, app.id, app.account_id, ${setup.formasi.id}, 'umum', 6000 FROM app`);
    await db.execute(sql`ANALYZE cat_attempts`);
    // The exam starts: every attempt becomes active after the statistics were taken.
    await db.execute(sql`UPDATE cat_attempts SET status = 'active', started_at = now(), ends_at = now() + interval '100 minutes', device_token_hash = 'perangkat' WHERE blueprint_id = ${setup.blueprint.id}`);

    const person = setup.people[0]!;
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL plan_cache_mode = force_generic_plan`);
      await tx.execute(sql.raw(`PREPARE rencana_jawaban AS ${WRITE_SQL}`));
      const array = (value: string) => `'{${value}}'`;
      const [row] = await selectRows<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        tx,
        sql.raw(
          `EXPLAIN (FORMAT JSON) EXECUTE rencana_jawaban(${array(person.attemptId)}, ${array(person.account.id)}, ${array(setup.questions[0]!.id)}, ${array('a')}, ${array('false')}, ${array('1')}, ${array('perangkat')})`,
        ),
      );
      await tx.execute(sql`DEALLOCATE rencana_jawaban`);
      return row!['QUERY PLAN'][0]!.Plan;
    });
    const all = nodes(plan);
    const attemptScans = all.filter((node) => node['Relation Name'] === 'cat_attempts');
    expect(attemptScans.length).toBeGreaterThan(0);
    for (const scan of attemptScans) {
      expect(scan['Node Type']).toBe('Index Scan');
      expect(scan['Index Cond']).toMatch(/\(id = i\.attempt_id\)/);
    }
    expect(all.map((node) => node['Node Type'])).not.toContain('Hash Join');
  });
});
