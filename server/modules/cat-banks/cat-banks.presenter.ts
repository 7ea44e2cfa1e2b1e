import { inArray } from 'drizzle-orm';
import { catSubtest, optionLabel, type QuestionStatus } from '../../../core/cat-bank.js';
import type { CatBank, CatQuestionView, StatusCounts } from '../../../core/schemas/cat-banks.js';
import type { Db } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import type { catBanks, catQuestions } from '../cat/cat.table.js';

export type BankRow = typeof catBanks.$inferSelect;
export type QuestionRow = typeof catQuestions.$inferSelect;

export const emptyCounts = (): StatusCounts => ({ draft: 0, reviewed: 0, active: 0, retired: 0 });

export function presentBank(row: BankRow, options: { canManage: boolean; counts: StatusCounts }): CatBank {
  const { counts } = options;
  return {
    id: row.id,
    agencyId: row.agencyId,
    national: row.agencyId === null,
    name: row.name,
    description: row.description,
    canManage: options.canManage,
    questions: { ...counts, total: counts.draft + counts.reviewed + counts.active + counts.retired },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Names of the people a list of questions mentions, in one query. */
export async function peopleOf(db: Db, rows: readonly QuestionRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => [row.createdBy, row.editedBy, row.reviewedBy]).filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, ids));
  return new Map(found.map((account) => [account.id, account.name]));
}

const person = (people: Map<string, string>, id: string | null) => (id ? { id, name: people.get(id) ?? 'Akun tidak ditemukan' } : null);

/** A question with its content and key: only ever sent to the bank's managers. */
export function presentQuestion(row: QuestionRow, options: { people: Map<string, string>; inUse: boolean }): CatQuestionView {
  const type = catSubtest(row.subtest)?.type ?? (row.type === 'weighted' ? 'weighted' : 'single');
  return {
    id: row.id,
    bankId: row.bankId,
    subtest: row.subtest,
    topic: row.topic,
    type,
    stem: row.stem,
    hasImage: row.imageFileId !== null,
    options: row.options.map((option, index) => ({
      id: option.id,
      label: optionLabel(index),
      text: option.text,
      points: typeof option.points === 'number' ? option.points : null,
      hasImage: Boolean(option.imageFileId),
    })),
    keyOptionId: row.keyOptionId,
    status: row.status as QuestionStatus,
    createdBy: person(options.people, row.createdBy),
    editedBy: person(options.people, row.editedBy),
    reviewedBy: person(options.people, row.reviewedBy),
    inUse: options.inUse,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
