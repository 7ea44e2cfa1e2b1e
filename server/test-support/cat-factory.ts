import { hash } from '@node-rs/argon2';
import { agencies } from '../modules/agencies/agencies.table.js';
import { applications } from '../modules/applications/applications.table.js';
import { eq } from 'drizzle-orm';
import { catAttempts, catBanks, catBlueprints, catPaperItems, catQuestions, catResults, catRooms, catSessions, catVenues, type CatOption } from '../modules/cat/cat.table.js';
import { accountWithSession, createAgencyRow, type TestContext } from './app.js';
import { createFormasiRow, createSelectionRow } from './factories.js';

export const SESSION_PIN = '246810';
let pinHash: Promise<string> | undefined;
let participantCounter = 0;

export type CatSetupOptions = {
  /** An existing agency instead of a new one (role-matrix rows act on the agency in the path). */
  agencyId?: string;
  participants?: number;
  perSubtest?: number;
  durationMinutes?: number;
  identityConfirmed?: boolean;
  /** Existing applicant accounts to allocate instead of new ones. */
  accounts?: Array<{ account: { id: string; email: string }; cookie: string }>;
};

/**
 * A small SKD exam ready to take: an agency, a round, a bank with TWK/TIU (key "a") and TKP
 * (points a=5 … e=1) questions, a blueprint, an open session (PIN SESSION_PIN) and allocated
 * participants with MS applications and generated papers.
 */
export async function createCatSetup(ctx: TestContext, options: CatSetupOptions = {}) {
  const { perSubtest = 3, durationMinutes = 100, identityConfirmed = true } = options;
  const participants = options.accounts?.length ?? options.participants ?? 2;
  const db = ctx.database.db;
  const agency = options.agencyId ? (await db.select().from(agencies).where(eq(agencies.id, options.agencyId)))[0]! : await createAgencyRow(ctx);
  const selection = await createSelectionRow(ctx, agency.id);
  const formasi = await createFormasiRow(ctx, selection);
  const [bank] = await db.insert(catBanks).values({ agencyId: agency.id, name: 'Bank SKD Uji' }).returning();
  const letters = ['a', 'b', 'c', 'd', 'e'];
  const questions: Array<{ id: string; subtest: string; keyOptionId: string | null; options: CatOption[] }> = [];
  for (const subtest of ['TWK', 'TIU', 'TKP']) {
    for (let i = 0; i < perSubtest; i++) {
      const weighted = subtest === 'TKP';
      const opts: CatOption[] = letters.map((id, k) => ({ id, text: `Pilihan ${id.toUpperCase()} soal ${subtest}-${i}`, ...(weighted ? { points: 5 - k } : {}) }));
      const [q] = await db
        .insert(catQuestions)
        .values({ bankId: bank!.id, agencyId: agency.id, subtest, type: weighted ? 'weighted' : 'single', stem: `Soal ${subtest} nomor ${i + 1}`, options: opts, keyOptionId: weighted ? null : 'a', status: 'active' })
        .returning();
      questions.push({ id: q!.id, subtest, keyOptionId: q!.keyOptionId, options: opts });
    }
  }
  const [blueprint] = await db
    .insert(catBlueprints)
    .values({
      agencyId: agency.id,
      selectionId: selection.id,
      stageKey: 'skd',
      name: 'SKD',
      preset: 'skd',
      durationMinutes,
      sections: ['TWK', 'TIU', 'TKP'].map((subtest) => ({ subtest, count: perSubtest, bankIds: [bank!.id] })),
    })
    .returning();
  const [venue] = await db.insert(catVenues).values({ agencyId: agency.id, name: 'Gedung Uji' }).returning();
  const [room] = await db.insert(catRooms).values({ venueId: venue!.id, agencyId: agency.id, name: 'Ruang 1', seats: 50 }).returning();
  pinHash ??= hash(SESSION_PIN);
  const [session] = await db
    .insert(catSessions)
    .values({ agencyId: agency.id, selectionId: selection.id, blueprintId: blueprint!.id, roomId: room!.id, name: 'Sesi 1', startsAt: new Date(), status: 'open', pinHash: await pinHash, openedAt: new Date() })
    .returning();
  const people = [];
  for (let p = 0; p < participants; p++) {
    const person = options.accounts?.[p] ?? (await accountWithSession(ctx, { roles: [{ role: 'pelamar', agencyId: null }], name: `Peserta ${p + 1}` }));
    const [application] = await db
      .insert(applications)
      .values({
        agencyId: agency.id,
        selectionId: selection.id,
        formasiId: formasi.id,
        accountId: person.account.id,
        nik: `3273011505${String(++participantCounter).padStart(6, '0')}`,
        selectionType: 'cpns',
        selectionYear: 2026 + (participantCounter % 500),
        status: 'ms',
        // In an agency given by the caller, earlier setups may have numbered their participants already.
        registrationNumber: `CPNS2026-UJI-${agency.id}-${options.agencyId ? participantCounter : String(p + 1).padStart(4, '0')}`,
        applicantName: `Peserta ${p + 1}`,
        submittedAt: new Date(),
      })
      .returning();
    const [attempt] = await db
      .insert(catAttempts)
      .values({
        agencyId: agency.id,
        selectionId: selection.id,
        blueprintId: blueprint!.id,
        sessionId: session!.id,
        applicationId: application!.id,
        accountId: person.account.id,
        formasiId: formasi.id,
        formasiKind: 'umum',
        seat: p + 1,
        durationSeconds: durationMinutes * 60,
        identityConfirmedAt: identityConfirmed ? new Date() : null,
      })
      .returning();
    // Reverse order and reversed options, so the participant's order differs from the bank's.
    await db.insert(catPaperItems).values(questions.map((q, i) => ({ attemptId: attempt!.id, questionId: q.id, position: questions.length - i, optionOrder: [...letters].reverse() })));
    people.push({ ...person, attemptId: attempt!.id, applicationId: application!.id, registrationNumber: application!.registrationNumber! });
  }
  return { agency, selection, formasi, bank: bank!, questions, blueprint: blueprint!, venue: venue!, room: room!, session: session!, people };
}

type CatSetup = Awaited<ReturnType<typeof createCatSetup>>;

/**
 * Records each participant's SKD result (TWK, TIU, TKP) as the scorer leaves it — a finished
 * attempt and its result, passed by the general pass marks — or, for null, an absent attempt.
 */
export async function recordSkdScores(ctx: TestContext, setup: CatSetup, scores: ReadonlyArray<readonly [number, number, number] | null>) {
  const db = ctx.database.db;
  for (const [i, person] of setup.people.entries()) {
    const s = scores[i];
    if (!s) {
      await db.update(catAttempts).set({ status: 'absent' }).where(eq(catAttempts.id, person.attemptId));
      continue;
    }
    const [twk, tiu, tkp] = s;
    await db.update(catAttempts).set({ status: 'finished', finishedAt: new Date() }).where(eq(catAttempts.id, person.attemptId));
    await db.insert(catResults).values({
      attemptId: person.attemptId,
      agencyId: setup.agency.id,
      selectionId: setup.selection.id,
      blueprintId: setup.blueprint.id,
      sessionId: setup.session.id,
      formasiId: setup.formasi.id,
      registrationNumber: person.registrationNumber,
      participantName: `Peserta ${i + 1}`,
      scores: { TWK: twk, TIU: tiu, TKP: tkp },
      total: twk + tiu + tkp,
      passed: twk >= 65 && tiu >= 80 && tkp >= 166,
      answerSheetHash: 'x'.repeat(64),
      resultHash: 'y'.repeat(64),
      scoredAt: new Date(),
    });
  }
}
