import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { createDatabase, type Database } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';

/**
 * Tests run on the embedded database by default, or on a PostgreSQL server when TEST_DATABASE_URL
 * is set (CI does both). Each test file gets its own schema, so files never see each other's rows;
 * the embedded instance is started once per worker and shared by the files that worker runs.
 */
const shared = globalThis as unknown as { __rekrutmenPglite?: Promise<PGlite> };

function sharedPglite(): Promise<PGlite> {
  shared.__rekrutmenPglite ??= (async () => {
    const pg = new PGlite();
    await pg.waitReady;
    return pg;
  })();
  return shared.__rekrutmenPglite;
}

export type TestDatabase = Database & { schema: string; drop(): Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = process.env.TEST_DATABASE_URL || null;
  const pglite = url ? undefined : await sharedPglite();
  if (pglite) await pglite.exec(`CREATE SCHEMA ${schema}`);
  else {
    const admin = await createDatabase({ databaseUrl: url, dataDir: '', poolSize: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
  }
  const database = await createDatabase({ databaseUrl: url, dataDir: '', poolSize: 4, searchPath: schema, ...(pglite ? { pglite } : {}) });
  await runMigrations(database);
  return {
    ...database,
    schema,
    drop: async () => {
      await database.exec(`DROP SCHEMA ${schema} CASCADE`);
      await database.close();
    },
  };
}
