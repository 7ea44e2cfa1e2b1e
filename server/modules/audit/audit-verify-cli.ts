// `npm run audit:verify`: recomputes every agency's audit hash chain and reports the first broken entry.
// Exit code 0 when every chain holds, 1 when any is broken (usable by an outside observer's script).
import { eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../../config.js';
import { createDatabase } from '../../db/client.js';
import { agencies } from '../agencies/agencies.table.js';
import { listChains, verifyChain } from './audit.service.js';

try {
  const config = loadConfig();
  const database = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let broken = 0;
  for (const chain of await listChains(database.db)) {
    const [agency] = chain === 'national' ? [] : await database.db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, chain));
    const label = agency?.name ?? (chain === 'national' ? 'Nasional' : chain);
    const result = await verifyChain(database.db, chain);
    if (result.ok) console.log(`UTUH   ${label}: ${result.entries} entri`);
    else {
      broken += 1;
      console.log(`RUSAK  ${label}: entri #${result.firstBroken!.seq}${result.firstBroken!.id ? ` (${result.firstBroken!.id})` : ''} — ${result.firstBroken!.reason}`);
    }
  }
  await database.close();
  process.exit(broken ? 1 : 0);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(2);
}
