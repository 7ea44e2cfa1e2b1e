// Question banks and their questions: CRUD with the rules of core/cat-bank, the review workflow,
// images, and the functions other modules use to draw and score questions without ever reading
// the tables themselves. Every change is audited in its own transaction; the audit summary holds
// a SHA-256 of the content, never the content (the audit trail is read by observers too).
import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import { catSubtest, questionDuplicateKey, statusChangeProblem, validateQuestion, type QuestionStatus } from '../../../core/cat-bank.js';
import type { CatQuestion } from '../../../core/cat-scoring.js';
import type { FieldIssue } from '../../../core/field-issue.js';
import { QUESTION_IMAGE_MAX_BYTES, type BankBody, type BankAvailability, type QuestionBody, type StatusCounts } from '../../../core/schemas/cat-banks.js';
import { canonicalSha256 } from '../../canonical-hash.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import type { Actor } from '../../policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { catBanks, catBlueprints, catPaperItems, catQuestions, type CatOption } from '../cat/cat.table.js';
import { getFile, storeUpload, type StoredFile } from '../files/files.service.js';
import { catBankPolicy } from './cat-banks.policy.js';
import { emptyCounts, peopleOf, presentBank, presentQuestion, type BankRow, type QuestionRow } from './cat-banks.presenter.js';

/** The agency of the path (`/api/agencies/:agencyId/cat-banks`), or null for the national banks (`/api/cat-banks`). */
export type BankScope = string | null;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One 400 naming every field problem; the message is the first problem's. */
export function refuse(issues: readonly FieldIssue[]): never {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.field] ??= issue.message;
  const more = issues.length > 1 ? ` (dan ${issues.length - 1} masalah lain)` : '';
  throw validationFailed(fields, `${issues[0]?.message ?? 'Data yang dikirim tidak valid.'}${more}`);
}

/** SHA-256 of a question's content: what the audit trail records instead of the secret content. */
export function contentSha256(row: Pick<QuestionRow, 'subtest' | 'topic' | 'stem' | 'imageFileId' | 'options' | 'keyOptionId'>): string {
  const content = { subtest: row.subtest, topic: row.topic, stem: row.stem, imageFileId: row.imageFileId, options: row.options, keyOptionId: row.keyOptionId };
  return canonicalSha256(content);
}

/** What an audit record says about a question: its place and state, and the hash of its content. */
export function auditView(row: QuestionRow) {
  return { bankId: row.bankId, subtest: row.subtest, topic: row.topic, status: row.status, options: row.options.length, contentSha256: contentSha256(row) };
}

export const newOptionId = () => randomBytes(6).toString('base64url');

// ---- Banks -----------------------------------------------------------------------------------------

/** The bank as seen from a scope: an agency sees its own banks and the national ones; the national scope only national ones. */
export async function getBank(db: Db, options: { scope: BankScope; bankId: string; lock?: boolean }): Promise<BankRow> {
  const visible = options.scope === null ? isNull(catBanks.agencyId) : or(eq(catBanks.agencyId, options.scope), isNull(catBanks.agencyId));
  const query = db.select().from(catBanks).where(and(eq(catBanks.id, options.bankId), visible));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Bank soal');
  return row;
}

/** Refuses unless the actor manages the bank; a national bank opened from an agency's pages is read-only there. */
export function requireManage(actor: Actor, bank: BankRow, scope: BankScope): void {
  if (scope !== null && bank.agencyId === null) {
    throw new AppError('FORBIDDEN', 'Bank soal nasional hanya dapat dibaca jumlah soalnya oleh instansi; isinya dikelola Super Admin.');
  }
  if (!catBankPolicy.manage(actor, bank)) throw new AppError('FORBIDDEN');
}

async function statusCounts(db: Db, bankIds: readonly string[]): Promise<Map<string, StatusCounts>> {
  const counts = new Map(bankIds.map((id) => [id, emptyCounts()]));
  if (bankIds.length === 0) return counts;
  const rows = await db
    .select({ bankId: catQuestions.bankId, status: catQuestions.status, n: count() })
    .from(catQuestions)
    .where(inArray(catQuestions.bankId, [...bankIds]))
    .groupBy(catQuestions.bankId, catQuestions.status);
  for (const row of rows) {
    const entry = counts.get(row.bankId);
    if (entry && row.status in entry) entry[row.status as QuestionStatus] = row.n;
  }
  return counts;
}

export type ListBanksOptions = { actor: Actor; scope: BankScope; page: number; pageSize: number; q?: string | undefined; filter: 'all' | 'own' | 'national' };

export async function listBanks(db: Db, options: ListBanksOptions) {
  const { scope } = options;
  const own = scope === null ? undefined : eq(catBanks.agencyId, scope);
  const national = isNull(catBanks.agencyId);
  const visible = scope === null || options.filter === 'national' ? national : options.filter === 'own' ? own : or(own, national);
  const where = and(visible, options.q ? ilike(catBanks.name, like(options.q)) : undefined);
  const [total] = await db.select({ n: count() }).from(catBanks).where(where);
  const rows = await db
    .select()
    .from(catBanks)
    .where(where)
    // The agency's own banks first, then the national ones.
    .orderBy(sql`${catBanks.agencyId} is null`, asc(catBanks.name), asc(catBanks.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const counts = await statusCounts(db, rows.map((row) => row.id));
  const items = rows.map((row) => presentBank(row, { canManage: canManageIn(options.actor, row, scope), counts: counts.get(row.id)! }));
  return { items, total: total?.n ?? 0 };
}

const canManageIn = (actor: Actor, bank: BankRow, scope: BankScope) => !(scope !== null && bank.agencyId === null) && catBankPolicy.manage(actor, bank);

/** The bank with its counts and what it holds per subtest and topic (never content). */
export async function bankDetail(db: Db, options: { actor: Actor; scope: BankScope; bank: BankRow }) {
  const counts = await statusCounts(db, [options.bank.id]);
  const rows = await db
    .select({ subtest: catQuestions.subtest, topic: catQuestions.topic, status: catQuestions.status, n: count() })
    .from(catQuestions)
    .where(eq(catQuestions.bankId, options.bank.id))
    .groupBy(catQuestions.subtest, catQuestions.topic, catQuestions.status)
    .orderBy(asc(catQuestions.subtest), asc(catQuestions.topic));
  const groups = new Map<string, BankAvailability[number]>();
  for (const row of rows) {
    const key = `${row.subtest}\u0000${row.topic}`;
    const group = groups.get(key) ?? { subtest: row.subtest, topic: row.topic, ...emptyCounts() };
    if (row.status in group) group[row.status as QuestionStatus] = row.n;
    groups.set(key, group);
  }
  return {
    bank: presentBank(options.bank, { canManage: canManageIn(options.actor, options.bank, options.scope), counts: counts.get(options.bank.id)! }),
    availability: [...groups.values()],
  };
}

export type CreateBankOptions = { actor: Actor; scope: BankScope; data: BankBody };

export async function createBank(db: Db, { actor, scope, data }: CreateBankOptions) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(catBanks).values({ agencyId: scope, name: data.name, description: data.description, createdBy: actor.accountId }).returning();
    await recordAudit(tx, { agencyId: scope, actorId: actor.accountId, action: 'cat.bank.create', targetType: 'cat_bank', targetId: row!.id, after: data });
    return presentBank(row!, { canManage: true, counts: emptyCounts() });
  });
}

export type UpdateBankOptions = { actor: Actor; bank: BankRow; data: BankBody };

export async function updateBank(db: Db, { actor, bank, data }: UpdateBankOptions) {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(catBanks).set({ name: data.name, description: data.description, updatedAt: new Date() }).where(eq(catBanks.id, bank.id)).returning();
    await recordAudit(tx, {
      agencyId: bank.agencyId,
      actorId: actor.accountId,
      action: 'cat.bank.update',
      targetType: 'cat_bank',
      targetId: bank.id,
      before: { name: bank.name, description: bank.description },
      after: data,
    });
    const counts = await statusCounts(tx, [bank.id]);
    return presentBank(row!, { canManage: true, counts: counts.get(bank.id)! });
  });
}

/** Names of the blueprints whose sections draw from this bank. */
async function blueprintsUsing(db: Db, bankId: string): Promise<string[]> {
  const rows = await db
    .select({ name: catBlueprints.name })
    .from(catBlueprints)
    .where(sql`${catBlueprints.sections} @> ${JSON.stringify([{ bankIds: [bankId] }])}::jsonb`)
    .orderBy(asc(catBlueprints.name));
  return rows.map((row) => row.name);
}

async function bankInPapers(db: Db, bankId: string): Promise<boolean> {
  const [row] = await db
    .select({ questionId: catPaperItems.questionId })
    .from(catPaperItems)
    .innerJoin(catQuestions, eq(catQuestions.id, catPaperItems.questionId))
    .where(eq(catQuestions.bankId, bankId))
    .limit(1);
  return Boolean(row);
}

export async function deleteBank(db: Db, { actor, bank }: { actor: Actor; bank: BankRow }) {
  await db.transaction(async (tx) => {
    const locked = await getBank(tx, { scope: bank.agencyId, bankId: bank.id, lock: true });
    const blueprints = await blueprintsUsing(tx, bank.id);
    if (blueprints.length > 0) {
      throw new AppError('CONFLICT', `Bank soal dipakai cetak biru ${blueprints.slice(0, 3).join(', ')}${blueprints.length > 3 ? ' dan lainnya' : ''}; lepaskan dulu dari cetak biru tersebut.`);
    }
    if (await bankInPapers(tx, bank.id)) throw new AppError('CONFLICT', 'Soal dari bank ini sudah masuk naskah ujian peserta; bank soal tidak dapat dihapus.');
    const counts = (await statusCounts(tx, [bank.id])).get(bank.id)!;
    await tx.delete(catBanks).where(eq(catBanks.id, bank.id));
    await recordAudit(tx, {
      agencyId: bank.agencyId,
      actorId: actor.accountId,
      action: 'cat.bank.delete',
      targetType: 'cat_bank',
      targetId: bank.id,
      before: { name: locked.name, questions: counts },
    });
  });
}

// ---- Questions -------------------------------------------------------------------------------------

/** Question ids (of those given) drawn into at least one participant's paper. */
export async function questionsInPapers(db: Db, questionIds: readonly string[]): Promise<Set<string>> {
  if (questionIds.length === 0) return new Set();
  const rows = await db.selectDistinct({ questionId: catPaperItems.questionId }).from(catPaperItems).where(inArray(catPaperItems.questionId, [...questionIds]));
  return new Set(rows.map((row) => row.questionId));
}

async function present(db: Db, rows: QuestionRow[]) {
  const [people, inUse] = await Promise.all([peopleOf(db, rows), questionsInPapers(db, rows.map((row) => row.id))]);
  return rows.map((row) => presentQuestion(row, { people, inUse: inUse.has(row.id) }));
}

export type ListQuestionsOptions = {
  bank: BankRow;
  page: number;
  pageSize: number;
  q?: string | undefined;
  subtest?: string | undefined;
  topic?: string | undefined;
  status?: QuestionStatus | undefined;
};

export async function listQuestions(db: Db, options: ListQuestionsOptions) {
  const where = and(
    eq(catQuestions.bankId, options.bank.id),
    options.subtest ? eq(catQuestions.subtest, options.subtest) : undefined,
    options.topic ? sql`lower(${catQuestions.topic}) = lower(${options.topic})` : undefined,
    options.status ? eq(catQuestions.status, options.status) : undefined,
    options.q ? ilike(catQuestions.stem, like(options.q)) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(catQuestions).where(where);
  const rows = await db
    .select()
    .from(catQuestions)
    .where(where)
    .orderBy(asc(catQuestions.subtest), asc(catQuestions.topic), desc(catQuestions.createdAt), asc(catQuestions.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { items: await present(db, rows), total: total?.n ?? 0 };
}

async function findQuestion(db: Db, options: { bank: BankRow; questionId: string; lock?: boolean }): Promise<QuestionRow> {
  const query = db.select().from(catQuestions).where(and(eq(catQuestions.id, options.questionId), eq(catQuestions.bankId, options.bank.id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Soal');
  return row;
}

export async function getQuestion(db: Db, options: { bank: BankRow; questionId: string }) {
  const [question] = await present(db, [await findQuestion(db, options)]);
  return question!;
}

type Content = Pick<QuestionRow, 'subtest' | 'topic' | 'type' | 'stem' | 'options' | 'keyOptionId'>;

/**
 * The stored content of a question body: options keep their ids (and images) when the body names
 * them, new options get new random ids — opaque, so the id a participant sees says nothing about
 * where the author put the key.
 */
export function contentOf(data: QuestionBody, current: QuestionRow | null): Content {
  const issues: FieldIssue[] = [];
  const existing = new Map((current?.options ?? []).map((option) => [option.id, option]));
  const used = new Set<string>();
  const subtest = catSubtest(data.subtest);
  const weighted = subtest?.type === 'weighted';
  const options: CatOption[] = data.options.map((option, index) => {
    let id = newOptionId();
    let imageFileId: string | null = null;
    if (option.id !== undefined) {
      const known = existing.get(option.id);
      if (!known || used.has(option.id)) issues.push({ field: `options.${index}.id`, code: 'option_unknown', message: `Pilihan ke-${index + 1} tidak dikenal pada soal ini; muat ulang soalnya.` });
      else {
        id = option.id;
        imageFileId = known.imageFileId ?? null;
      }
      used.add(option.id);
    }
    return { id, text: option.text, ...(imageFileId ? { imageFileId } : {}), ...(weighted && typeof option.points === 'number' ? { points: option.points } : {}) };
  });
  issues.push(
    ...validateQuestion({
      subtest: data.subtest,
      stem: data.stem,
      hasImage: Boolean(current?.imageFileId),
      options: data.options.map((option, index) => ({ text: option.text, points: option.points, hasImage: Boolean(options[index]?.imageFileId) })),
      keyIndex: data.keyIndex,
    }),
  );
  if (issues.length > 0) refuse(issues);
  const keyOptionId = !weighted && data.keyIndex !== undefined && data.keyIndex !== null ? options[data.keyIndex]!.id : null;
  return { subtest: data.subtest, topic: data.topic, type: weighted ? 'weighted' : 'single', stem: data.stem, options, keyOptionId };
}

export type CreateQuestionOptions = { actor: Actor; bank: BankRow; data: QuestionBody };

export async function createQuestion(db: Db, { actor, bank, data }: CreateQuestionOptions) {
  const content = contentOf(data, null);
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(catQuestions)
      .values({ bankId: bank.id, agencyId: bank.agencyId, ...content, status: 'draft', createdBy: actor.accountId, editedBy: actor.accountId })
      .returning();
    await recordAudit(tx, { agencyId: bank.agencyId, actorId: actor.accountId, action: 'cat.question.create', targetType: 'cat_question', targetId: row!.id, after: auditView(row!) });
    return row!;
  });
  const [question] = await present(db, [row]);
  return question!;
}

const FROZEN = 'Soal ini sudah masuk naskah ujian peserta sehingga isinya tidak dapat diubah lagi. Pensiunkan soal ini dan buat soal baru bila perlu diperbaiki.';

async function requireNotInPapers(tx: Db, questionId: string) {
  if ((await questionsInPapers(tx, [questionId])).size > 0) throw new AppError('INVALID_STATE', FROZEN);
}

/** After a change of content: a reviewed or active question goes back to draft and needs a new review. */
const afterEdit = (actorId: string) => ({ status: 'draft' as const, reviewedBy: null, editedBy: actorId, updatedAt: new Date() });

export type UpdateQuestionOptions = { actor: Actor; bank: BankRow; questionId: string; data: QuestionBody };

export async function updateQuestion(db: Db, { actor, bank, questionId, data }: UpdateQuestionOptions) {
  const row = await db.transaction(async (tx) => {
    const current = await findQuestion(tx, { bank, questionId, lock: true });
    const content = contentOf(data, current);
    // Saving the same content again changes nothing, so a review is not lost to a stray "save".
    if (contentSha256({ ...content, imageFileId: current.imageFileId }) === contentSha256(current)) return current;
    await requireNotInPapers(tx, current.id);
    const [row] = await tx
      .update(catQuestions)
      .set({ ...content, ...afterEdit(actor.accountId) })
      .where(eq(catQuestions.id, current.id))
      .returning();
    await recordAudit(tx, {
      agencyId: bank.agencyId,
      actorId: actor.accountId,
      action: 'cat.question.update',
      targetType: 'cat_question',
      targetId: current.id,
      before: auditView(current),
      after: auditView(row!),
    });
    return row!;
  });
  const [question] = await present(db, [row]);
  return question!;
}

export async function deleteQuestion(db: Db, { actor, bank, questionId }: { actor: Actor; bank: BankRow; questionId: string }) {
  await db.transaction(async (tx) => {
    const current = await findQuestion(tx, { bank, questionId, lock: true });
    if ((await questionsInPapers(tx, [current.id])).size > 0) {
      throw new AppError('INVALID_STATE', 'Soal ini sudah masuk naskah ujian peserta sehingga tidak dapat dihapus; pensiunkan soal ini.');
    }
    await tx.delete(catQuestions).where(eq(catQuestions.id, current.id));
    await recordAudit(tx, { agencyId: bank.agencyId, actorId: actor.accountId, action: 'cat.question.delete', targetType: 'cat_question', targetId: current.id, before: auditView(current) });
  });
}

export type ChangeStatusOptions = { actor: Actor; bank: BankRow; questionId: string; status: QuestionStatus };

export async function changeQuestionStatus(db: Db, { actor, bank, questionId, status }: ChangeStatusOptions) {
  const row = await db.transaction(async (tx) => {
    const current = await findQuestion(tx, { bank, questionId, lock: true });
    const problem = statusChangeProblem({ from: current.status as QuestionStatus, to: status, actorId: actor.accountId, authorIds: [current.createdBy, current.editedBy] });
    if (problem) throw new AppError('INVALID_STATE', problem);
    if (status === 'reviewed' || status === 'active') {
      // Re-checked at review and activation: the rules may be stricter than when it was written.
      const issues = validateQuestion({
        subtest: current.subtest,
        stem: current.stem,
        hasImage: current.imageFileId !== null,
        options: current.options.map((option) => ({ text: option.text, points: option.points ?? null, hasImage: Boolean(option.imageFileId) })),
        keyIndex: current.keyOptionId === null ? null : current.options.findIndex((option) => option.id === current.keyOptionId),
      });
      if (issues.length > 0) refuse(issues);
    }
    const reviewedBy = status === 'reviewed' ? actor.accountId : status === 'draft' ? null : current.reviewedBy;
    const [row] = await tx.update(catQuestions).set({ status, reviewedBy, updatedAt: new Date() }).where(eq(catQuestions.id, current.id)).returning();
    await recordAudit(tx, {
      agencyId: bank.agencyId,
      actorId: actor.accountId,
      action: 'cat.question.status',
      targetType: 'cat_question',
      targetId: current.id,
      before: { status: current.status },
      after: { status, contentSha256: contentSha256(current) },
    });
    return row!;
  });
  const [question] = await present(db, [row]);
  return question!;
}

// ---- Images ----------------------------------------------------------------------------------------

export type SetImageOptions = {
  actor: Actor;
  bank: BankRow;
  questionId: string;
  /** An option's image; the stem's when absent. */
  optionId?: string | undefined;
  uploadDir: string;
  stream: Readable;
  fileName: string;
};

function withImage(row: QuestionRow, optionId: string | undefined, fileId: string | null): Pick<QuestionRow, 'imageFileId' | 'options'> {
  if (optionId === undefined) return { imageFileId: fileId, options: row.options };
  if (!row.options.some((option) => option.id === optionId)) throw notFound('Pilihan jawaban');
  return {
    imageFileId: row.imageFileId,
    options: row.options.map((option) => {
      if (option.id !== optionId) return option;
      const { imageFileId: _old, ...rest } = option;
      return fileId ? { ...rest, imageFileId: fileId } : rest;
    }),
  };
}

/** Stores a PNG or JPEG (checked by content) as the stem's or an option's image; the question goes back to draft. */
export async function setQuestionImage(db: Db, options: SetImageOptions) {
  const { actor, bank } = options;
  // Refused before reading the upload when the question or option is unknown or frozen.
  const before = await findQuestion(db, { bank, questionId: options.questionId });
  withImage(before, options.optionId, null);
  await requireNotInPapers(db, before.id);
  const row = await storeUpload({
    db,
    uploadDir: options.uploadDir,
    stream: options.stream,
    fileName: options.fileName,
    kinds: ['png', 'jpeg'],
    maxBytes: QUESTION_IMAGE_MAX_BYTES,
    agencyId: bank.agencyId,
    actorId: actor.accountId,
    attach: async (tx, file) => {
      const current = await findQuestion(tx, { bank, questionId: options.questionId, lock: true });
      await requireNotInPapers(tx, current.id);
      const [row] = await tx
        .update(catQuestions)
        .set({ ...withImage(current, options.optionId, file.id), ...afterEdit(actor.accountId) })
        .where(eq(catQuestions.id, current.id))
        .returning();
      await recordAudit(tx, {
        agencyId: bank.agencyId,
        actorId: actor.accountId,
        action: 'cat.question.image',
        targetType: 'cat_question',
        targetId: current.id,
        before: auditView(current),
        after: { ...auditView(row!), image: { optionId: options.optionId ?? null, sha256: file.sha256 } },
      });
      return row!;
    },
  });
  const [question] = await present(db, [row]);
  return question!;
}

export async function removeQuestionImage(db: Db, options: { actor: Actor; bank: BankRow; questionId: string; optionId?: string | undefined }) {
  const { actor, bank } = options;
  const row = await db.transaction(async (tx) => {
    const current = await findQuestion(tx, { bank, questionId: options.questionId, lock: true });
    const next = withImage(current, options.optionId, null);
    const had = options.optionId === undefined ? current.imageFileId !== null : current.options.some((option) => option.id === options.optionId && option.imageFileId);
    if (!had) throw notFound('Gambar');
    await requireNotInPapers(tx, current.id);
    const [row] = await tx
      .update(catQuestions)
      .set({ ...next, ...afterEdit(actor.accountId) })
      .where(eq(catQuestions.id, current.id))
      .returning();
    await recordAudit(tx, {
      agencyId: bank.agencyId,
      actorId: actor.accountId,
      action: 'cat.question.image',
      targetType: 'cat_question',
      targetId: current.id,
      before: auditView(current),
      after: { ...auditView(row!), image: { optionId: options.optionId ?? null, removed: true } },
    });
    return row!;
  });
  const [question] = await present(db, [row]);
  return question!;
}

export async function questionImageFile(db: Db, options: { bank: BankRow; questionId: string; optionId?: string | undefined }): Promise<StoredFile> {
  const row = await findQuestion(db, options);
  const fileId = options.optionId === undefined ? row.imageFileId : row.options.find((option) => option.id === options.optionId)?.imageFileId;
  if (!fileId) throw notFound('Gambar');
  return getFile(db, fileId);
}

// ---- For other modules: drawing papers, showing the exam, scoring ----------------------------------

async function requireUsableBanks(db: Db, options: { bankIds: readonly string[]; agencyId: string }) {
  const banks = options.bankIds.length
    ? await db
        .select({ id: catBanks.id })
        .from(catBanks)
        .where(and(inArray(catBanks.id, [...options.bankIds]), or(eq(catBanks.agencyId, options.agencyId), isNull(catBanks.agencyId))))
    : [];
  const found = new Set(banks.map((bank) => bank.id));
  const missing = options.bankIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw notFound('Bank soal');
}

const topicMatches = (topic: string | undefined): SQL | undefined =>
  topic && topic.trim() ? sql`lower(btrim(${catQuestions.topic})) = lower(btrim(${topic}))` : undefined;

export type QuestionsForPaperOptions = { bankIds: readonly string[]; subtest: string; topic?: string | undefined; agencyId: string };

/**
 * The active questions a blueprint section may draw from: ids and option ids only (no content, no
 * key). The banks must be the agency's own or national ones (404 otherwise).
 */
export async function questionsForPaper(db: Db, options: QuestionsForPaperOptions): Promise<Array<{ id: string; optionIds: string[] }>> {
  await requireUsableBanks(db, options);
  if (options.bankIds.length === 0) return [];
  const rows = await db
    .select({ id: catQuestions.id, options: catQuestions.options })
    .from(catQuestions)
    .where(and(inArray(catQuestions.bankId, [...options.bankIds]), eq(catQuestions.subtest, options.subtest), eq(catQuestions.status, 'active'), topicMatches(options.topic)))
    .orderBy(asc(catQuestions.id));
  return rows.map((row) => ({ id: row.id, optionIds: row.options.map((option) => option.id) }));
}

const CHUNK = 5_000;
async function inChunks<T>(ids: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await load(unique.slice(i, i + CHUNK))));
  return out;
}

/**
 * Keys and option points of the given questions, for scoring on the server (core/cat-scoring
 * CatQuestion). Never send this to a browser. Questions keep scoring after they are retired.
 */
export async function questionsForScoring(db: Db, questionIds: readonly string[]): Promise<CatQuestion[]> {
  const rows = await inChunks(questionIds, (chunk) =>
    db
      .select({ id: catQuestions.id, subtest: catQuestions.subtest, type: catQuestions.type, options: catQuestions.options, keyOptionId: catQuestions.keyOptionId })
      .from(catQuestions)
      .where(inArray(catQuestions.id, chunk)),
  );
  return rows.map((row): CatQuestion =>
    row.type === 'weighted'
      ? { id: row.id, subtest: row.subtest, type: 'weighted', optionPoints: Object.fromEntries(row.options.map((option) => [option.id, option.points ?? 0])) }
      : { id: row.id, subtest: row.subtest, type: 'single', key: row.keyOptionId ?? '' },
  );
}

export type ExamQuestion = { id: string; subtest: string; stem: string; imageFileId: string | null; options: Array<{ id: string; text: string; imageFileId: string | null }> };

/**
 * What a participant sees of the questions of their own paper once the attempt has started: the
 * stem, option texts and image ids — never a key or points.
 */
export async function questionsForExam(db: Db, questionIds: readonly string[]): Promise<ExamQuestion[]> {
  const rows = await inChunks(questionIds, (chunk) =>
    db
      .select({ id: catQuestions.id, subtest: catQuestions.subtest, stem: catQuestions.stem, imageFileId: catQuestions.imageFileId, options: catQuestions.options })
      .from(catQuestions)
      .where(inArray(catQuestions.id, chunk)),
  );
  return rows.map((row) => ({
    id: row.id,
    subtest: row.subtest,
    stem: row.stem,
    imageFileId: row.imageFileId,
    options: row.options.map((option) => ({ id: option.id, text: option.text, imageFileId: option.imageFileId ?? null })),
  }));
}

/** Duplicate keys (core questionDuplicateKey) of every question in a bank, for the import's check. */
export async function bankDuplicateKeys(db: Db, bankId: string): Promise<Set<string>> {
  const rows = await db
    .select({ subtest: catQuestions.subtest, topic: catQuestions.topic, stem: catQuestions.stem, options: catQuestions.options })
    .from(catQuestions)
    .where(eq(catQuestions.bankId, bankId));
  return new Set(rows.map((row) => questionDuplicateKey(row)));
}

/** Every question of a bank with its content, for the export (bank managers only). */
export async function bankQuestionsForExport(db: Db, bankId: string): Promise<QuestionRow[]> {
  return db.select().from(catQuestions).where(eq(catQuestions.bankId, bankId)).orderBy(asc(catQuestions.subtest), asc(catQuestions.topic), asc(catQuestions.createdAt), asc(catQuestions.id));
}

export type UsableBank = { id: string; name: string; national: boolean; active: number };

/**
 * Banks an agency's blueprints may draw from (its own and the national ones), with how many active
 * questions each holds: names and counts only. `bankIds` narrows the list (unknown ids are left out).
 */
export async function usableBanks(db: Db, options: { agencyId: string; bankIds?: readonly string[] }): Promise<UsableBank[]> {
  if (options.bankIds && options.bankIds.length === 0) return [];
  const rows = await db
    .select({ id: catBanks.id, name: catBanks.name, agencyId: catBanks.agencyId, active: count(catQuestions.id) })
    .from(catBanks)
    .leftJoin(catQuestions, and(eq(catQuestions.bankId, catBanks.id), eq(catQuestions.status, 'active')))
    .where(and(or(eq(catBanks.agencyId, options.agencyId), isNull(catBanks.agencyId)), options.bankIds ? inArray(catBanks.id, [...options.bankIds]) : undefined))
    .groupBy(catBanks.id)
    .orderBy(isNull(catBanks.agencyId), asc(catBanks.name), asc(catBanks.id))
    .limit(1_000);
  return rows.map((row) => ({ id: row.id, name: row.name, national: row.agencyId === null, active: Number(row.active) }));
}

export type ReportQuestion = Pick<QuestionRow, 'id' | 'bankId' | 'subtest' | 'topic' | 'type' | 'stem' | 'options' | 'keyOptionId'> & { bank: { agencyId: string | null; name: string } };

/**
 * Questions with their content and bank, for item analysis on the server. The caller shows the
 * content only to the bank's managers (catBankPolicy.manage).
 */
export async function questionsForReport(db: Db, questionIds: readonly string[]): Promise<ReportQuestion[]> {
  return inChunks(questionIds, async (chunk) => {
    const rows = await db
      .select({ question: catQuestions, bankAgencyId: catBanks.agencyId, bankName: catBanks.name })
      .from(catQuestions)
      .innerJoin(catBanks, eq(catBanks.id, catQuestions.bankId))
      .where(inArray(catQuestions.id, chunk));
    return rows.map(({ question, bankAgencyId, bankName }) => ({
      id: question.id,
      bankId: question.bankId,
      subtest: question.subtest,
      topic: question.topic,
      type: question.type,
      stem: question.stem,
      options: question.options,
      keyOptionId: question.keyOptionId,
      bank: { agencyId: bankAgencyId, name: bankName },
    }));
  });
}
