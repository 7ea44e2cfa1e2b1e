import { ConfigError, ensureWritableDir, loadConfig } from './config.js';
import { createDatabase } from './db/client.js';

const startedAt = Date.now();
let config;
try {
  config = loadConfig();
  ensureWritableDir(config.uploadDir, 'UPLOAD_DIR');
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// The database opens (seconds for the embedded one) while the rest of the application loads.
const [database, { buildApp }, { runMigrations }, { DEMO_PASSWORD, seedDemo }, { Redis }] = await Promise.all([
  createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize }),
  import('./app.js'),
  import('./db/migrate.js'),
  import('./seed/demo.js'),
  import('ioredis'),
]);
await runMigrations(database);
const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true }) : null;
if (redis) await redis.connect();

const app = await buildApp({ config, database, redis });
// Temporary files of uploads cut off when the previous process stopped (a running upload cleans up itself).
const swept = await (await import('./modules/files/files.service.js')).sweepTemporaryFiles(config.uploadDir);
if (swept > 0) app.log.info({ swept }, 'sisa unggahan yang terputus dihapus');

if (config.seedDemo) {
  const logins = [
    ...(await seedDemo({ database, config, log: (message) => app.log.info(message) })),
    ...(await (await import('./seed/panel-demo.js')).seedPanelDemo({ db: database.db, config })),
  ];
  // A round with published final results (server/seed/results-demo.ts); a failure here must not stop the server.
  logins.push(
    ...(await (await import('./seed/results-demo.js')).seedResultsDemo({ database, config }).catch((error: unknown) => {
      app.log.warn({ err: error }, 'data demo hasil akhir tidak dapat dibuat');
      return [];
    })),
  );
  // That round's appointees, trained and rated in a finalised quarter (server/seed/quality-demo.ts); not fatal either.
  await (await import('./seed/quality-demo.js')).seedQualityDemo({ database, config }).catch((error: unknown) => {
    app.log.warn({ err: error }, 'data demo kualitas rekrutmen tidak dapat dibuat');
    return false;
  });
  app.log.info('Data demo siap.');
  console.log(`\nAkun demo (kata sandi untuk semua: ${DEMO_PASSWORD}):`);
  for (const login of logins) console.log(`  ${login.role.padEnd(15)} ${login.email}${login.agency ? `  (${login.agency})` : ''}`);
  console.log('');
}

await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
console.log(`Rekrutmen ASN siap di ${config.publicUrl} (port ${port}, basis data ${database.kind}) dalam ${Date.now() - startedAt} ms`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'menutup server');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await app.close();
  await redis?.quit().catch(() => undefined);
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
