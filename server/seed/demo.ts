import { eq } from 'drizzle-orm';
import type { Role } from '../../core/roles.js';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { accountRoles, accounts } from '../modules/accounts/accounts.table.js';
import { hashPassword } from '../modules/accounts/accounts.service.js';
import { agencies } from '../modules/agencies/agencies.table.js';
import { createAgency } from '../modules/agencies/agencies.service.js';
import { seedIkmDemo } from './ikm-demo.js';
import { seedKotaMannaStory } from './demo-story.js';
import { seedAspirationsDemo } from './aspirations-demo.js';
import { seedTrainingDemo } from './training-demo.js';
import { seedEvaluationDemo } from './evaluation-demo.js';

export const DEMO_PASSWORD = 'Demo-Rekrutmen-2026!';

/** The five local governments of the seed documents; all five are in WIB. */
export const DEMO_AGENCIES = [
  { code: 'kota-manna', name: 'BKPSDM Kota Manna', region: 'Kabupaten Bengkulu Selatan, Bengkulu', timezone: 'Asia/Jakarta' },
  { code: 'gajahmungkur', name: 'BKPSDM Gajahmungkur', region: 'Kota Semarang, Jawa Tengah', timezone: 'Asia/Jakarta' },
  { code: 'palembang', name: 'BKPSDM Kota Palembang', region: 'Sumatera Selatan', timezone: 'Asia/Jakarta' },
  { code: 'sawahlunto', name: 'BKPSDM Kota Sawahlunto', region: 'Sumatera Barat', timezone: 'Asia/Jakarta' },
  { code: 'pauh', name: 'BKPSDM Pauh', region: 'Kota Padang, Sumatera Barat', timezone: 'Asia/Jakarta' },
] as const;

const STAFF: Array<{ prefix: string; label: string; role: Role }> = [
  { prefix: 'admin', label: 'Admin', role: 'admin_instansi' },
  { prefix: 'panitia', label: 'Panitia', role: 'panitia' },
  { prefix: 'verifikator', label: 'Verifikator', role: 'verifikator' },
  { prefix: 'penguji', label: 'Penguji', role: 'penguji' },
  { prefix: 'pengawas', label: 'Pengawas', role: 'pengawas' },
  // After recruitment: a new CPNS, their supervisor, and a trainer (server/seed/training-demo.ts).
  { prefix: 'pegawai', label: 'Pegawai Baru', role: 'pegawai' },
  { prefix: 'atasan', label: 'Kepala Bidang Pelayanan', role: 'atasan' },
  { prefix: 'pelatih', label: 'Widyaiswara', role: 'pelatih' },
];

export type DemoLogin = { email: string; role: string; agency: string | null };

export type SeedDemoDeps = {
  database: Database;
  config: Config;
  log?: (message: string) => void;
  /** false: accounts and agencies only, without the Kota Manna story (tests of other demo data). */
  story?: boolean;
};

/**
 * Idempotent: running it again on a seeded database changes nothing. The agencies and their staff
 * first, then the Kota Manna story (rounds, applications, verification, objections, CAT, outreach)
 * that every demo role's dashboard and pages show.
 */
export async function seedDemo({ database, config, log, story: tellStory = true }: SeedDemoDeps): Promise<DemoLogin[]> {
  const db: Db = database.db;
  let passwordHash: Promise<string> | undefined;
  const logins: DemoLogin[] = [];
  const verifiedAt = new Date();
  // Hashed once, and only when an account is missing: a restart on a seeded database skips it.
  const demoHash = () => (passwordHash ??= hashPassword(DEMO_PASSWORD));

  async function ensureAccount(email: string, name: string, role: Role, agencyId: string | null) {
    let [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
    if (!account) {
      await db.insert(accounts).values({ email, name, passwordHash: await demoHash(), emailVerifiedAt: verifiedAt }).onConflictDoNothing();
      [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
    }
    await db.insert(accountRoles).values({ accountId: account!.id, role, agencyId }).onConflictDoNothing();
  }

  await ensureAccount('superadmin@rekrutmen.local', 'Super Admin Nasional', 'super_admin', null);
  logins.push({ email: 'superadmin@rekrutmen.local', role: 'super_admin', agency: null });
  await ensureAccount('pelamar@rekrutmen.local', 'Pelamar Demo', 'pelamar', null);
  logins.push({ email: 'pelamar@rekrutmen.local', role: 'pelamar', agency: null });

  for (const demo of DEMO_AGENCIES) {
    let [agency] = await db.select().from(agencies).where(eq(agencies.code, demo.code));
    agency ??= await createAgency(db, { actorId: null, data: { ...demo } });
    for (const staff of STAFF) {
      const email = `${staff.prefix}@${demo.code}.rekrutmen.local`;
      await ensureAccount(email, `${staff.label} ${demo.name.replace('BKPSDM ', '')}`, staff.role, agency.id);
      logins.push({ email, role: staff.role, agency: demo.name });
    }
    await seedIkmDemo(db, agency);
    await seedAspirationsDemo(db, agency);
    await seedTrainingDemo({ db, config }, agency);
    // An open quarter only where the demo story lives (Sawahlunto's finished quarter is quality-demo.ts's).
    if (demo.code === 'kota-manna') await seedEvaluationDemo({ db, config }, agency);
  }
  if (!tellStory) return logins;
  const kotaManna = await db.select().from(agencies).where(eq(agencies.code, 'kota-manna'));
  const started = Date.now();
  const story = await seedKotaMannaStory({ db, database, config, passwordHash: demoHash }, kotaManna[0]!.id);
  if (story.told) log?.(`Cerita demo BKPSDM Kota Manna dibuat dalam ${Date.now() - started} ms.`);
  return logins;
}
