// Objections to the final result (domain rules §2: 2024 round, 3 days, answered within 7, about
// one's own result only): a candidate points at one published score or tie-break datum and the
// value they hold to be right. A score objection must point at a mismatch between the published
// score and the score on record, and can never ask for more than the record
// (core/final-results.ts finalObjectionRefusal). The panel accepts or rejects with an answer; an
// accepted correction of tie-break data is applied in the post-objection list.
import { and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { DATA_ITEMS, FINAL_OBJECTION_DEFAULTS, finalObjectionRefusal, type FinalObjectionCheck, type FinalObjectionRefusal } from '../../../core/final-results.js';
import type { FinalObjection } from '../../../core/schemas/results.js';
import { formatInZone } from '../../../core/time.js';
import { selectRows, type Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { getOwnApplication } from '../applications/applications.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { notifyMany } from '../notifications/notifications.service.js';
import { stageResults } from '../sanggah/sanggah.table.js';
import { selections } from '../selections/selections.table.js';
import { panelRows } from './panel-source.js';
import { loadRound, rankingOf, stagesOf } from './results.repo.js';
import { finalObjections, finalResults, type RankingBasis } from './results.table.js';
import { zoneOf, type ResultDeps } from './results.service.js';

const DAY_MS = 86_400_000;

type LineRow = typeof finalResults.$inferSelect;

export function itemLabel(item: string, basis: RankingBasis | null): string {
  if (item in DATA_ITEMS) return DATA_ITEMS[item as keyof typeof DATA_ITEMS];
  const leaf = basis?.leaves.find((l) => l.key === item);
  return leaf ? `Nilai ${leaf.name}` : item;
}

/** The value on record for a score leaf now: the stored CAT result or the panel's score. */
async function recordedScore(deps: ResultDeps, db: Db, { basis, line, item }: { basis: RankingBasis; line: LineRow; item: string }): Promise<number | null> {
  const leaf = basis.leaves.find((l) => l.key === item)!;
  if (leaf.kind === 'cat') {
    if (!leaf.blueprintId) return null;
    const [row] = await selectRows<{ total: number | null }>(db, sql`SELECT r.total FROM cat_attempts a LEFT JOIN cat_results r ON r.attempt_id = a.id WHERE a.blueprint_id = ${leaf.blueprintId} AND a.application_id = ${line.applicationId}`);
    return row?.total ?? null;
  }
  const scores = await deps.panelScores(db, { agencyId: line.agencyId, selectionId: line.selectionId, stageKey: leaf.stageKey });
  const row = panelRows(scores).find((r) => r.applicationId === line.applicationId && (r.componentKey ?? null) === leaf.componentKey);
  return row && !row.absent ? row.score : null;
}

export async function subjectOf(deps: ResultDeps, db: Db, { basis, line, item }: { basis: RankingBasis; line: LineRow; item: string }): Promise<FinalObjectionCheck['subject']> {
  if (item === 'ipk') return { kind: 'ipk', published: line.ipk };
  if (item === 'birthDate') return { kind: 'birthDate', published: line.birthDate };
  const leaf = basis.leaves.find((l) => l.key === item);
  if (!leaf) return null;
  return { kind: 'score', published: line.scores[item] ?? null, recorded: await recordedScore(deps, db, { basis, line, item }), max: leaf.max || null };
}

function refusalError(refusal: FinalObjectionRefusal, closesAt: Date | null, zone: ReturnType<typeof zoneOf>): AppError {
  switch (refusal.code) {
    case 'ALREADY_FILED':
      return new AppError('CONFLICT', refusal.message);
    case 'UNKNOWN_ITEM':
    case 'VALUE_INVALID':
    case 'RAISES_SCORE':
    case 'NOT_A_MISMATCH':
      return validationFailed({ [refusal.field ?? 'claimedValue']: refusal.message }, refusal.message);
    case 'WINDOW_CLOSED':
      return new AppError('INVALID_STATE', closesAt ? `Masa sanggah hasil akhir sudah berakhir pada ${formatInZone(closesAt, zone)}; sanggah tidak dapat diajukan lagi.` : refusal.message);
    default:
      return new AppError('INVALID_STATE', refusal.message);
  }
}

/** The applicant's line in the first published final list, with the list's basis; null when not published or not listed. */
export async function ownFirstLine(db: Db, { applicationId, selectionId }: { applicationId: string; selectionId: string }) {
  const first = (await stagesOf(db, selectionId)).find((s) => s.stage === 'akhir') ?? null;
  if (!first) return { first: null, basis: null, line: null };
  const ranking = await rankingOf(db, first.id);
  const [line] = await db.select().from(finalResults).where(and(eq(finalResults.stageResultId, first.id), eq(finalResults.applicationId, applicationId)));
  return { first, basis: ranking?.basis ?? null, line: line ?? null };
}

export type FileFinalObjectionInput = { accountId: string; applicationId: string; item: string; claimedValue: number | string; reason: string; now?: Date };

/** Files an objection to the applicant's own final result: inside the window, once, correcting a mismatch, never raising a score. */
export async function fileFinalObjection(deps: ResultDeps, { accountId, applicationId, item, claimedValue, reason, now = new Date() }: FileFinalObjectionInput) {
  const own = await getOwnApplication(deps.db, { accountId, applicationId });
  const round = await loadRound(deps.db, { agencyId: own.agencyId, selectionId: own.selectionId });
  const zone = zoneOf(round?.timezone);
  try {
    return await deps.db.transaction(async (tx) => {
      const { first, basis, line } = await ownFirstLine(tx, { applicationId, selectionId: own.selectionId });
      const [existing] = first ? await tx.select({ id: finalObjections.id }).from(finalObjections).where(and(eq(finalObjections.applicationId, applicationId), eq(finalObjections.stageResultId, first.id))) : [];
      const subject = basis && line ? await subjectOf(deps, tx, { basis, line, item }) : null;
      const refusal = finalObjectionRefusal({
        now,
        window: first?.objectionOpensAt && first.objectionClosesAt ? { opensAt: first.objectionOpensAt, closesAt: first.objectionClosesAt } : null,
        alreadyFiled: Boolean(existing),
        listed: Boolean(line),
        item,
        subject,
        claimed: claimedValue,
      });
      if (refusal) throw refusalError(refusal, first?.objectionClosesAt ?? null, zone);
      const published = subject!.kind === 'score' || subject!.kind === 'ipk' || subject!.kind === 'birthDate' ? subject!.published : null;
      const recorded = subject!.kind === 'score' ? subject!.recorded : null;
      const [row] = await tx
        .insert(finalObjections)
        .values({ agencyId: own.agencyId, selectionId: own.selectionId, applicationId, stageResultId: first!.id, item, claimedValue, publishedValue: published, recordedValue: recorded, reason, createdAt: now })
        .returning();
      await recordAudit(tx, {
        agencyId: own.agencyId,
        actorId: accountId,
        action: 'final_objection.file',
        targetType: 'final_objection',
        targetId: row!.id,
        after: { applicationId, registrationNumber: own.registrationNumber, item, claimedValue, publishedValue: published, recordedValue: recorded, reason },
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'final_objections_once_key')) throw new AppError('CONFLICT', 'Sanggah hasil akhir hanya dapat diajukan satu kali untuk setiap pendaftaran.');
    throw error;
  }
}

type ListRow = { o: typeof finalObjections.$inferSelect; registrationNumber: string; name: string; formasi: string; selectionName: string; closesAt: Date | null; answeredByName: string | null };

function present(row: ListRow, basis: RankingBasis | null): FinalObjection {
  const { o } = row;
  return {
    id: o.id,
    status: o.status as FinalObjection['status'],
    item: o.item,
    itemLabel: itemLabel(o.item, basis),
    claimedValue: o.claimedValue,
    publishedValue: o.publishedValue ?? null,
    recordedValue: o.recordedValue ?? null,
    reason: o.reason,
    answer: o.answer,
    answeredBy: o.answeredBy ? (row.answeredByName ?? '—') : null,
    answeredAt: o.answeredAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    application: { id: o.applicationId, registrationNumber: row.registrationNumber, name: row.name, formasi: row.formasi },
    selection: { id: o.selectionId, name: row.selectionName },
    objectionClosesAt: row.closesAt?.toISOString() ?? null,
    answerDueAt: row.closesAt ? new Date(row.closesAt.getTime() + FINAL_OBJECTION_DEFAULTS.answerDays * DAY_MS).toISOString() : null,
  };
}

export type ObjectionListOptions = { agencyId: string; status?: string | undefined; selectionId?: string | undefined; q?: string | undefined; page: number; pageSize: number; objectionId?: string };

async function listRows(db: Db, options: ObjectionListOptions) {
  const search = options.q ? `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    eq(finalObjections.agencyId, options.agencyId),
    options.objectionId ? eq(finalObjections.id, options.objectionId) : undefined,
    options.status ? eq(finalObjections.status, options.status) : undefined,
    options.selectionId ? eq(finalObjections.selectionId, options.selectionId) : undefined,
    search ? or(ilike(finalResults.name, search), ilike(finalResults.registrationNumber, search)) : undefined,
  );
  const from = () =>
    db
      .select({
        o: finalObjections,
        registrationNumber: finalResults.registrationNumber,
        name: finalResults.name,
        formasi: finalResults.formasiLabel,
        selectionName: selections.name,
        closesAt: stageResults.objectionClosesAt,
        answeredByName: sql<string | null>`(select name from accounts where id = ${finalObjections.answeredBy})`,
      })
      .from(finalObjections)
      .innerJoin(finalResults, and(eq(finalResults.stageResultId, finalObjections.stageResultId), eq(finalResults.applicationId, finalObjections.applicationId)))
      .innerJoin(stageResults, eq(stageResults.id, finalObjections.stageResultId))
      .innerJoin(selections, eq(selections.id, finalObjections.selectionId));
  const [total] = await db
    .select({ n: count() })
    .from(finalObjections)
    .innerJoin(finalResults, and(eq(finalResults.stageResultId, finalObjections.stageResultId), eq(finalResults.applicationId, finalObjections.applicationId)))
    .where(where);
  const rows = await from()
    .where(where)
    .orderBy(sql`case when ${finalObjections.status} = 'diajukan' then 0 else 1 end`, asc(finalObjections.createdAt), desc(finalObjections.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const bases = new Map<string, RankingBasis | null>();
  for (const row of rows) if (!bases.has(row.o.stageResultId)) bases.set(row.o.stageResultId, (await rankingOf(db, row.o.stageResultId))?.basis ?? null);
  return { items: rows.map((r) => present(r, bases.get(r.o.stageResultId) ?? null)), total: total?.n ?? 0 };
}

export async function listFinalObjections(db: Db, options: ObjectionListOptions) {
  return listRows(db, options);
}

export async function finalObjectionDetail(db: Db, { agencyId, objectionId }: { agencyId: string; objectionId: string }) {
  const { items } = await listRows(db, { agencyId, objectionId, page: 1, pageSize: 1 });
  if (!items[0]) throw notFound('Sanggah hasil akhir');
  return items[0];
}

export async function objectionOfApplication(db: Db, { agencyId, applicationId, stageResultId }: { agencyId: string; applicationId: string; stageResultId: string }) {
  const [row] = await db.select({ id: finalObjections.id }).from(finalObjections).where(and(eq(finalObjections.applicationId, applicationId), eq(finalObjections.stageResultId, stageResultId)));
  return row ? finalObjectionDetail(db, { agencyId, objectionId: row.id }) : null;
}

export type AnswerInput = { agencyId: string; objectionId: string; actorId: string; accept: boolean; answer: string; now?: Date };

/** The panel answers once; audited; the applicant is notified. An accepted tie-break correction applies to the post-objection list. */
export async function answerFinalObjection(db: Db, { agencyId, objectionId, actorId, accept, answer, now = new Date() }: AnswerInput) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(finalObjections).where(and(eq(finalObjections.id, objectionId), eq(finalObjections.agencyId, agencyId))).for('update');
    if (!row) throw notFound('Sanggah hasil akhir');
    if (row.status !== 'diajukan') throw new AppError('CONFLICT', `Sanggah ini sudah dijawab (${row.status}).`);
    const post = (await stagesOf(tx, row.selectionId)).some((s) => s.stage === 'akhir_pasca_sanggah');
    if (post) throw new AppError('INVALID_STATE', 'Hasil akhir pasca sanggah sudah diumumkan.');
    const status = accept ? 'diterima' : 'ditolak';
    await tx.update(finalObjections).set({ status, answer, answeredBy: actorId, answeredAt: now }).where(eq(finalObjections.id, objectionId));
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: accept ? 'final_objection.accept' : 'final_objection.reject',
      targetType: 'final_objection',
      targetId: objectionId,
      before: { status: 'diajukan' },
      after: { status, answer },
      details: { applicationId: row.applicationId, item: row.item, claimedValue: row.claimedValue, publishedValue: row.publishedValue, recordedValue: row.recordedValue },
    });
    const [owner] = await selectRows<{ account_id: string; registration_number: string | null }>(tx, sql`SELECT account_id, registration_number FROM applications WHERE id = ${row.applicationId}`);
    await notifyMany(tx, [
      {
        accountId: owner!.account_id,
        title: 'Sanggah hasil akhir Anda telah dijawab',
        body: `Sanggah hasil akhir atas pendaftaran ${owner!.registration_number ?? ''} ${accept ? 'DITERIMA' : 'DITOLAK'}: ${answer} ${accept ? 'Koreksi berlaku pada hasil akhir pasca sanggah.' : ''}`.trim(),
        link: `/pelamar/pendaftaran/${row.applicationId}/hasil-akhir`,
      },
    ]);
  });
}
