// `npm run results:verify [-- <selectionId>]`: recomputes every published final list of every round
// (or one round) from the raw answer sheets and panel scores and compares it with what was
// published, line by line. Exit 0 when every list holds, 1 when any differs, 2 on a start error.
import { sql } from 'drizzle-orm';
import { ConfigError, loadConfig } from '../../config.js';
import { createDatabase, selectRows } from '../../db/client.js';
import { verifyRound } from './integrity.service.js';
import { panelScoresReader } from './panel-source.js';

const LABELS = { akhir: 'Hasil akhir', akhir_pasca_sanggah: 'Hasil akhir pasca sanggah' } as const;

try {
  const config = loadConfig();
  const only = process.argv[2];
  const database = await createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const deps = { db: database.db, database, config, panelScores: panelScoresReader };
  const rounds = await selectRows<{ selection_id: string; agency_id: string; name: string; agency_name: string }>(
    database.db,
    sql`SELECT DISTINCT fk.selection_id, fk.agency_id, s.name, g.name AS agency_name FROM final_rankings fk JOIN selections s ON s.id = fk.selection_id JOIN agencies g ON g.id = fk.agency_id
        ${only ? sql`WHERE fk.selection_id::text = ${only}` : sql``} ORDER BY g.name, s.name`,
  );
  if (only && !rounds.length) console.log(`Seleksi ${only} tidak memiliki hasil akhir yang diumumkan.`);
  let broken = 0;
  for (const round of rounds) {
    const report = await verifyRound(deps, { agencyId: round.agency_id, selectionId: round.selection_id });
    for (const list of report.lists) {
      const label = `${round.agency_name} — ${round.name} — ${LABELS[list.list]}`;
      if (list.ok) {
        console.log(`COCOK    ${label}: ${list.lines} baris, SHA-256 ${list.announcedHash}`);
        continue;
      }
      broken += 1;
      console.log(`BERBEDA  ${label}: ${list.differences.length} perbedaan`);
      console.log(`         diumumkan ${list.announcedHash}`);
      console.log(`         tersimpan ${list.storedHash}`);
      console.log(`         dihitung  ${list.recomputedHash}`);
      for (const note of list.notes) console.log(`         ${note}`);
      for (const d of list.differences) console.log(`         ${d.registrationNumber} (${d.name}) ${d.field}: diumumkan ${d.published}, dihitung ulang ${d.recomputed}`);
    }
  }
  if (!rounds.length && !only) console.log('Belum ada hasil akhir yang diumumkan.');
  await database.close();
  process.exit(broken ? 1 : 0);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(2);
}
