// What CAT session tests need: a round with MS applications (some with a pas foto), a question bank
// with active questions, a blueprint, venues, rooms and sessions — written straight to the tables
// their own modules are tested through.
import { randomUUID } from 'node:crypto';
import type { TestContext } from '../../test-support/app.js';
import { createAccount } from '../../test-support/app.js';
import { createFormasiRow, createSelectionRow } from '../../test-support/factories.js';
import { applicationDocuments, applications } from '../applications/applications.table.js';
import { catAttempts, catBanks, catBlueprints, catQuestions, catRooms, catSessions, catVenues } from '../cat/cat.table.js';
import { makeJpeg } from '../files/files.fixtures.js';
import { storeContent } from '../files/files.service.js';

const HOUR = 3600_000;
let serial = 0;

export type Round = Awaited<ReturnType<typeof createRound>>;

/** A CPNS round with two formations (one a disability formation) and a bank of active TWK and TIU questions. */
export async function createRound(ctx: TestContext, agencyId: string, options: { twk?: number; tiu?: number } = {}) {
  const db = ctx.database.db;
  const selection = await createSelectionRow(ctx, agencyId, { year: 2000 + Math.floor(Math.random() * 1000), name: `Seleksi CAT Uji ${++serial}` });
  const umum = await createFormasiRow(ctx, selection);
  const disabilitas = await createFormasiRow(ctx, selection, { positionName: 'Analis Kepegawaian', kind: 'disabilitas' });
  const [bank] = await db.insert(catBanks).values({ agencyId, name: `Bank Uji ${serial}` }).returning();
  const question = (subtest: string, n: number) => ({
    bankId: bank!.id,
    agencyId,
    subtest,
    type: 'single',
    stem: `${subtest} soal ${n}`,
    options: ['A', 'B', 'C', 'D', 'E'].map((id) => ({ id, text: `Pilihan ${id}` })),
    keyOptionId: 'A',
    status: 'active',
  });
  const twk = options.twk ?? 8;
  const tiu = options.tiu ?? 6;
  await db.insert(catQuestions).values([...Array.from({ length: twk }, (_, i) => question('TWK', i + 1)), ...Array.from({ length: tiu }, (_, i) => question('TIU', i + 1))]);
  // A retired question is never drawn.
  await db.insert(catQuestions).values({ ...question('TWK', 99), status: 'retired' });
  const [blueprint] = await db
    .insert(catBlueprints)
    .values({
      agencyId,
      selectionId: selection.id,
      stageKey: 'skd',
      name: 'SKD Uji',
      preset: 'skd',
      durationMinutes: 100,
      extraMinutes: { tunanetra: 30 },
      sections: [
        { subtest: 'TWK', count: 5, bankIds: [bank!.id] },
        { subtest: 'TIU', count: 4, bankIds: [bank!.id] },
      ],
    })
    .returning();
  return { selection, formasi: { umum, disabilitas }, bank: bank!, blueprint: blueprint! };
}

export type ApplicantSpec = { formasiId: string; name?: string; disability?: string; photo?: boolean; status?: 'ms' | 'tms' | 'submitted'; accountId?: string };

/** An applicant account with a submitted application in the round, decided MS unless told otherwise. */
export async function createParticipant(ctx: TestContext, round: Round, spec: ApplicantSpec) {
  const db = ctx.database.db;
  const account = spec.accountId ? { id: spec.accountId, email: '' } : await createAccount(ctx, { roles: [{ role: 'pelamar', agencyId: null }] });
  serial += 1;
  const name = spec.name ?? `Peserta ${serial}`;
  const [application] = await db
    .insert(applications)
    .values({
      agencyId: round.selection.agencyId,
      selectionId: round.selection.id,
      formasiId: spec.formasiId,
      accountId: account.id,
      nik: `32730115050${String(serial).padStart(5, '0')}`,
      selectionType: 'cpns',
      selectionYear: round.selection.year,
      status: spec.status ?? 'ms',
      registrationNumber: `UJI-${round.selection.year}-${String(serial).padStart(6, '0')}-${randomUUID().slice(0, 4)}`,
      profileSnapshot: { name, disability: spec.disability ?? '' },
      applicantName: name,
      submittedAt: new Date(),
    })
    .returning();
  if (spec.photo) {
    const file = await storeContent(db, { uploadDir: ctx.config.uploadDir, content: await makeJpeg(60 + (serial % 50), 80), fileName: 'pas_foto.jpg', kind: 'jpeg', agencyId: round.selection.agencyId, actorId: account.id });
    await db.insert(applicationDocuments).values({ applicationId: application!.id, agencyId: round.selection.agencyId, requirementKey: 'pas_foto', fileId: file.id, sha256: file.sha256 });
  }
  return { account, application: application! };
}

export async function createVenueRow(ctx: TestContext, agencyId: string, seats: number[] = [5], name = 'Gedung Uji') {
  const db = ctx.database.db;
  const [venue] = await db.insert(catVenues).values({ agencyId, name: `${name} ${++serial}`, address: 'Jl. Uji No. 1' }).returning();
  const rooms = [];
  for (const [i, n] of seats.entries()) {
    const [room] = await db.insert(catRooms).values({ agencyId, venueId: venue!.id, name: `Ruang ${i + 1}`, seats: n }).returning();
    rooms.push(room!);
  }
  return { venue: venue!, rooms };
}

/** A session `hoursAhead` from now in the room (scheduled unless told otherwise). */
export async function createSessionRow(ctx: TestContext, round: Round, roomId: string, hoursAhead = 1, name = 'Sesi Uji', status: 'scheduled' | 'open' = 'scheduled') {
  const [session] = await ctx.database.db
    .insert(catSessions)
    .values({
      agencyId: round.selection.agencyId,
      selectionId: round.selection.id,
      blueprintId: round.blueprint.id,
      roomId,
      name: `${name} ${++serial}`,
      startsAt: new Date(Date.now() + hoursAhead * HOUR),
      status,
      ...(status === 'open' ? { openedAt: new Date() } : {}),
    })
    .returning();
  return session!;
}

export type AttemptSpec = ApplicantSpec & { sessionId: string; seat: number; active?: boolean };

/** A participant seated in a session directly (allocation is tested through its route); active: started 10 minutes ago. */
export async function createAttemptRow(ctx: TestContext, round: Round, spec: AttemptSpec) {
  const { account, application } = await createParticipant(ctx, round, spec);
  const now = Date.now();
  const [attempt] = await ctx.database.db
    .insert(catAttempts)
    .values({
      agencyId: round.selection.agencyId,
      selectionId: round.selection.id,
      blueprintId: round.blueprint.id,
      sessionId: spec.sessionId,
      seat: spec.seat,
      applicationId: application.id,
      accountId: account.id,
      formasiId: application.formasiId,
      formasiKind: 'umum',
      durationSeconds: 6000,
      ...(spec.active ? { status: 'active', startedAt: new Date(now - 600_000), endsAt: new Date(now + 5400_000), deviceTokenHash: 'perangkat' } : {}),
    })
    .returning();
  return { account, application, attempt: attempt! };
}
