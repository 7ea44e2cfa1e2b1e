// A bank's questions leave the system only through these exports, and every export is audited
// (who took a copy of the content, when, in which format) in the same transaction that reads it.
import { BANK_JSON_FORMAT } from '../../../core/schemas/cat-banks.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { OPTION_LETTERS } from './bank-sheets.js';
import type { BankRow, QuestionRow } from './cat-banks.presenter.js';
import { bankQuestionsForExport } from './cat-banks.service.js';

export type ExportBankOptions = { actor: Actor; bank: BankRow; format: 'xlsx' | 'json' };

export async function exportBankQuestions(db: Db, { actor, bank, format }: ExportBankOptions): Promise<QuestionRow[]> {
  return db.transaction(async (tx) => {
    const rows = await bankQuestionsForExport(tx, bank.id);
    await recordAudit(tx, {
      agencyId: bank.agencyId,
      actorId: actor.accountId,
      action: 'cat.bank.export',
      targetType: 'cat_bank',
      targetId: bank.id,
      details: { format, questions: rows.length },
    });
    return rows;
  });
}

/** The JSON exchange format: imports again into any bank (as drafts). */
export function bankJson(bank: BankRow, rows: readonly QuestionRow[]) {
  return {
    format: BANK_JSON_FORMAT,
    version: 1 as const,
    bank: { name: bank.name, description: bank.description },
    exportedAt: new Date().toISOString(),
    questions: rows.map((row) => ({
      subtest: row.subtest,
      topic: row.topic,
      stem: row.stem,
      options: row.options.map((option) => (typeof option.points === 'number' ? { text: option.text, points: option.points } : { text: option.text })),
      key: row.keyOptionId ? (OPTION_LETTERS[row.options.findIndex((option) => option.id === row.keyOptionId)] ?? null) : null,
      status: row.status,
    })),
  };
}

/** A safe file name from a bank's name: "bank-soal-twk-2026". */
export const exportName = (bank: BankRow, ext: string) =>
  `bank-soal-${bank.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'cat'}-${new Date().toISOString().slice(0, 10)}.${ext}`;
