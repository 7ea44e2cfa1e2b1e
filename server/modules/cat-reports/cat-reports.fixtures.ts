// Test factories for what the exam leaves behind: sessions, attempts with papers and answers,
// results. Reports and the banks' "in a paper" rule read these; the exam module writes them.
import type { Db } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import { applications } from '../applications/applications.table.js';
import { catAnswers, catAttempts, catPaperItems, catResults, catRooms, catSessions, catVenues } from '../cat/cat.table.js';

let counter = 0;
const next = () => `${Date.now().toString(36)}${++counter}`;

type Selection = { id: string; agencyId: string; type?: string; year?: number };
type Blueprint = { id: string; durationMinutes: number };

/** A session in a new venue and room. */
export async function createSessionRow(db: Db, selection: Selection, blueprint: { id: string }, spec: { name?: string; startsAt?: Date; status?: string } = {}) {
  const [venue] = await db.insert(catVenues).values({ agencyId: selection.agencyId, name: `Gedung ${next()}` }).returning();
  const [room] = await db.insert(catRooms).values({ agencyId: selection.agencyId, venueId: venue!.id, name: 'Ruang 1', seats: 40 }).returning();
  const [row] = await db
    .insert(catSessions)
    .values({
      agencyId: selection.agencyId,
      selectionId: selection.id,
      blueprintId: blueprint.id,
      roomId: room!.id,
      name: spec.name ?? `Sesi ${next()}`,
      startsAt: spec.startsAt ?? new Date(Date.now() + 7 * 24 * 3600 * 1000),
      status: spec.status ?? 'scheduled',
    })
    .returning();
  return row!;
}

export type AttemptSpec = {
  formasi: { id: string; kind: string };
  sessionId?: string | null;
  status?: 'allocated' | 'active' | 'finished' | 'absent';
  name?: string;
};

/** A participant (account + application passed the administrative check) with an attempt. */
export async function createAttemptRow(db: Db, selection: Selection, blueprint: Blueprint, spec: AttemptSpec) {
  const n = next();
  const [account] = await db.insert(accounts).values({ email: `peserta-${n}@uji.test`, name: spec.name ?? `Peserta ${n}`, passwordHash: 'x', emailVerifiedAt: new Date() }).returning();
  const [application] = await db
    .insert(applications)
    .values({
      agencyId: selection.agencyId,
      selectionId: selection.id,
      formasiId: spec.formasi.id,
      accountId: account!.id,
      selectionType: selection.type ?? 'cpns',
      selectionYear: selection.year ?? 2026,
      status: 'ms',
      registrationNumber: `REG-${n}`,
      applicantName: spec.name ?? `Peserta ${n}`,
    })
    .returning();
  const status = spec.status ?? 'allocated';
  const started = status === 'active' || status === 'finished';
  const [attempt] = await db
    .insert(catAttempts)
    .values({
      agencyId: selection.agencyId,
      selectionId: selection.id,
      blueprintId: blueprint.id,
      sessionId: spec.sessionId ?? null,
      applicationId: application!.id,
      accountId: account!.id,
      formasiId: spec.formasi.id,
      formasiKind: spec.formasi.kind,
      status,
      durationSeconds: blueprint.durationMinutes * 60,
      startedAt: started ? new Date(Date.now() - 3600_000) : null,
      finishedAt: status === 'finished' ? new Date() : null,
    })
    .returning();
  return { attempt: attempt!, application: application!, account: account! };
}

/** Puts questions into an attempt's paper (option order as stored). */
export async function addPaper(db: Db, attemptId: string, questions: ReadonlyArray<{ id: string; options: ReadonlyArray<{ id: string }> }>) {
  if (questions.length === 0) return;
  await db.insert(catPaperItems).values(questions.map((q, index) => ({ attemptId, questionId: q.id, position: index + 1, optionOrder: q.options.map((o) => o.id) })));
}

/** The participant's answers: questionId → optionId (null = blank but touched). */
export async function answerAll(db: Db, attemptId: string, answers: ReadonlyArray<[string, string | null]>) {
  if (answers.length === 0) return;
  await db.insert(catAnswers).values(answers.map(([questionId, optionId], index) => ({ attemptId, questionId, optionId, seq: index + 1, answeredAt: new Date() })));
}

export type ResultSpec = { scores: Record<string, number>; passed: boolean; sessionId?: string | null };

export async function createResultRow(db: Db, attempt: { id: string; agencyId: string; selectionId: string; blueprintId: string; formasiId: string; sessionId: string | null }, spec: ResultSpec & { registrationNumber?: string; name?: string }) {
  const total = Object.values(spec.scores).reduce((sum, value) => sum + value, 0);
  const [row] = await db
    .insert(catResults)
    .values({
      attemptId: attempt.id,
      agencyId: attempt.agencyId,
      selectionId: attempt.selectionId,
      blueprintId: attempt.blueprintId,
      sessionId: spec.sessionId === undefined ? attempt.sessionId : spec.sessionId,
      formasiId: attempt.formasiId,
      registrationNumber: spec.registrationNumber ?? `REG-${attempt.id.slice(0, 8)}`,
      participantName: spec.name ?? 'Peserta',
      scores: spec.scores,
      total,
      passed: spec.passed,
      answerSheetHash: 'a'.repeat(64),
      resultHash: 'b'.repeat(64),
      scoredAt: new Date(),
    })
    .returning();
  return row!;
}
