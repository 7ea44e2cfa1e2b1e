// `npm run migrate`: applies the committed migrations to DATABASE_URL (or the embedded database in DATA_DIR).
import { ConfigError, loadConfig } from '../config.js';
import { createDatabase } from './client.js';
import { runMigrations } from './migrate.js';

try {
  const config = loadConfig();
  const database = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await runMigrations(database);
  console.log(applied.length ? `Migrasi diterapkan: ${applied.join(', ')}` : 'Basis data sudah mutakhir.');
  await database.close();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
