// Imports questions into a bank from XLSX (the template's "Soal" sheet) or JSON (the export
// format), all or nothing: every row is checked — subtest, options in order, key or points within
// the subtest's range, lengths, duplicates in the file and in the bank — before anything is
// written; one bad row and nothing is saved. Imported questions are drafts awaiting review.
import { createHash } from 'node:crypto';
import { QUESTION_LIMITS, catSubtest, questionDuplicateKey, validateQuestion } from '../../../core/cat-bank.js';
import { BANK_IMPORT_LIMITS, BANK_JSON_FORMAT, bankJsonFile, type BankImportResult, type BankJsonQuestion } from '../../../core/schemas/cat-banks.js';
import type { ImportIssue } from '../../../core/schemas/organisation.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../policy.js';
import { IssueList, readSheets, textCell, type CellValue } from '../../xlsx.js';
import { recordAudit } from '../audit/audit.service.js';
import { catQuestions, type CatOption } from '../cat/cat.table.js';
import { OPTION_LETTERS, QUESTION_SPEC, QUESTION_SHEET, headerOf } from './bank-sheets.js';
import type { BankRow } from './cat-banks.presenter.js';
import { bankDuplicateKeys, newOptionId } from './cat-banks.service.js';

export type BankImportOutcome = { ok: true; result: BankImportResult } | { ok: false; issues: ImportIssue[]; truncated: boolean };

/** One question as read from a row, before its checks. Fields name the place of a problem. */
type RawQuestion = {
  row: number;
  subtest: string;
  topic: string;
  stem: string;
  options: Array<{ text: string; points: number | null }>;
  key: string | null;
};

type Checked = { row: number; subtest: string; type: 'single' | 'weighted'; topic: string; stem: string; options: Array<{ text: string; points: number | null }>; keyIndex: number | null };

/** A logical field of a question ("options.2.points") → where it is in the file. */
type Locate = (field: string) => string;

const SUBTEST_ALIASES: Record<string, string> = { SOSIOKULTURAL: 'SOSIAL_KULTURAL', SOSIAL_BUDAYA: 'SOSIAL_KULTURAL', CAT_SKB: 'SKB' };

function subtestCode(text: string): string {
  const code = text.trim().toUpperCase().replace(/[\s-]+/g, '_');
  return SUBTEST_ALIASES[code] ?? code;
}

/** Checks one question; adds its problems (located by `locate`) or returns it ready to store. */
function checkQuestion(raw: RawQuestion, locate: Locate, fail: (row: number, column: string | null, reason: string) => void): Checked | null {
  let ok = true;
  const problem = (field: string, reason: string) => {
    ok = false;
    fail(raw.row, locate(field), reason);
  };
  const subtest = catSubtest(subtestCode(raw.subtest));
  if (!raw.subtest.trim()) problem('subtest', 'Subtes wajib diisi.');
  else if (!subtest) problem('subtest', `Subtes "${raw.subtest.slice(0, 40)}" tidak dikenal.`);
  if (raw.topic.length > QUESTION_LIMITS.topicMax) problem('topic', `Topik maksimal ${QUESTION_LIMITS.topicMax} karakter.`);
  if (raw.stem.length > QUESTION_LIMITS.stemMax) problem('stem', `Teks soal maksimal ${QUESTION_LIMITS.stemMax.toLocaleString('id-ID')} karakter.`);

  // Options fill from A without gaps; trailing empty ones are simply absent.
  let last = -1;
  raw.options.forEach((option, index) => {
    if (option.text || option.points !== null) last = index;
  });
  const options = raw.options.slice(0, last + 1);
  options.forEach((option, index) => {
    if (option.text.length > QUESTION_LIMITS.optionTextMax) problem(`options.${index}.text`, `Teks pilihan ${OPTION_LETTERS[index]} maksimal ${QUESTION_LIMITS.optionTextMax} karakter.`);
  });
  let keyIndex: number | null = null;
  if (raw.key !== null && raw.key.trim() !== '') {
    const letter = raw.key.trim().toUpperCase();
    const index = OPTION_LETTERS.indexOf(letter);
    if (index < 0) problem('key', `Kunci "${raw.key.slice(0, 10)}" harus huruf pilihan A–${OPTION_LETTERS.at(-1)}.`);
    else if (index >= options.length) problem('key', `Kunci ${letter} menunjuk pilihan yang kosong.`);
    else keyIndex = index;
  }
  const sound = validateRest(raw, subtest?.code, options, keyIndex, problem);
  if (!subtest || !ok || !sound) return null;
  return { row: raw.row, subtest: subtest.code, type: subtest.type, topic: raw.topic, stem: raw.stem, options, keyIndex };
}

/** The core rules (key or points, empty or repeated options, short stem); true when none failed. */
function validateRest(
  raw: RawQuestion,
  subtest: string | undefined,
  options: Array<{ text: string; points: number | null }>,
  keyIndex: number | null,
  problem: (field: string, reason: string) => void,
): boolean {
  if (!subtest) return false;
  const keyGiven = raw.key !== null && raw.key.trim() !== '';
  const issues = validateQuestion({ subtest, stem: raw.stem, options, keyIndex: keyGiven ? (keyIndex ?? 0) : null }).filter(
    // A bad key letter is reported once, above.
    (issue) => !(issue.field === 'keyIndex' && keyGiven && keyIndex === null),
  );
  for (const issue of issues) problem(issue.field === 'keyIndex' ? 'key' : issue.field, issue.message);
  return issues.length === 0;
}

function storable(question: Checked): { options: CatOption[]; keyOptionId: string | null } {
  const options: CatOption[] = question.options.map((option) => ({
    id: newOptionId(),
    text: option.text,
    ...(question.type === 'weighted' && option.points !== null ? { points: option.points } : {}),
  }));
  return { options, keyOptionId: question.type === 'single' && question.keyIndex !== null ? options[question.keyIndex]!.id : null };
}

// ---- XLSX ------------------------------------------------------------------------------------------

function cellText(value: CellValue, label: string, max: number): { text: string; problem: string | null } {
  const parsed = textCell(value, { required: false, max: max * 4, label });
  if (!parsed.ok) return { text: '', problem: parsed.reason };
  return { text: parsed.value, problem: null };
}

function cellPoints(value: CellValue, label: string): { points: number | null; problem: string | null } {
  if (value === null) return { points: null, problem: null };
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number)) return { points: null, problem: `${label} harus berupa bilangan bulat (bukan "${String(value).slice(0, 20)}").` };
  return { points: number, problem: null };
}

async function rowsFromXlsx(file: Buffer, issues: IssueList): Promise<RawQuestion[] | null> {
  const read = await readSheets(file, [QUESTION_SPEC], BANK_IMPORT_LIMITS.rows);
  if (!read.ok) {
    for (const issue of read.issues) issues.add(issue);
    return null;
  }
  const raws: RawQuestion[] = [];
  for (const { row, cells } of read.sheets.get(QUESTION_SHEET) ?? []) {
    if (issues.full) break;
    const fail = (column: string, reason: string) => issues.add({ sheet: QUESTION_SHEET, row, column, reason });
    const text = (key: string, max: number) => {
      const parsed = cellText(cells[key] ?? null, headerOf(key), max);
      if (parsed.problem) fail(headerOf(key), parsed.problem);
      return parsed.text;
    };
    const options = OPTION_LETTERS.map((letter) => {
      const points = cellPoints(cells[`points${letter}`] ?? null, `Bobot ${letter}`);
      if (points.problem) fail(`Bobot ${letter}`, points.problem);
      return { text: text(`option${letter}`, QUESTION_LIMITS.optionTextMax), points: points.points };
    });
    const key = cells.key ?? null;
    raws.push({
      row,
      subtest: text('subtest', 40),
      topic: text('topic', QUESTION_LIMITS.topicMax),
      stem: text('stem', QUESTION_LIMITS.stemMax),
      options,
      key: key === null ? null : String(key),
    });
  }
  return raws;
}

const locateXlsx: Locate = (field) => {
  const match = /^options\.(\d+)\.(text|points)$/.exec(field);
  if (match) return `${match[2] === 'text' ? 'Pilihan' : 'Bobot'} ${OPTION_LETTERS[Number(match[1])]}`;
  if (field === 'options') return 'Pilihan A';
  return headerOf(field);
};

// ---- JSON ------------------------------------------------------------------------------------------

function rowsFromJson(file: Buffer, issues: IssueList): RawQuestion[] | null {
  const refuse = (reason: string, column: string | null = null) => {
    issues.add({ sheet: null, row: null, column, reason });
    return null;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return refuse('Berkas ditolak: isinya bukan JSON yang valid.');
  }
  const envelope = bankJsonFile.safeParse(parsed);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    const path = issue.path.join('.') || null;
    return refuse(`Berkas ditolak: bukan berkas bank soal Rekrutmen ASN (format "${BANK_JSON_FORMAT}", versi 1).`, path);
  }
  const questions = envelope.data.questions;
  if (questions.length > BANK_IMPORT_LIMITS.rows) {
    return refuse(`Berkas berisi ${questions.length.toLocaleString('id-ID')} soal, melebihi batas ${BANK_IMPORT_LIMITS.rows.toLocaleString('id-ID')} soal per impor; bagi isinya ke beberapa berkas.`);
  }
  const raws: RawQuestion[] = [];
  questions.forEach((item, index) => {
    if (issues.full) return;
    const row = index + 1;
    const shape = (value: unknown): value is BankJsonQuestion => typeof value === 'object' && value !== null;
    if (!shape(item)) return void issues.add({ sheet: null, row, column: null, reason: 'Soal harus berupa objek JSON.' });
    const record = item as Record<string, unknown>;
    const str = (key: string): string => {
      const value = record[key];
      if (value === undefined || value === null) return '';
      if (typeof value !== 'string') {
        issues.add({ sheet: null, row, column: key, reason: `${key} harus berupa teks.` });
        return '';
      }
      return value.trim();
    };
    const rawOptions = record.options;
    const options: RawQuestion['options'] = [];
    if (!Array.isArray(rawOptions)) issues.add({ sheet: null, row, column: 'options', reason: 'options harus berupa daftar pilihan.' });
    else if (rawOptions.length > QUESTION_LIMITS.optionsMax) issues.add({ sheet: null, row, column: 'options', reason: `Soal paling banyak memiliki ${QUESTION_LIMITS.optionsMax} pilihan.` });
    else {
      rawOptions.forEach((option: unknown, optionIndex) => {
        const value = (typeof option === 'object' && option !== null ? option : {}) as Record<string, unknown>;
        const text = typeof value.text === 'string' ? value.text.trim() : '';
        if (value.text !== undefined && typeof value.text !== 'string') issues.add({ sheet: null, row, column: `options.${optionIndex}.text`, reason: 'Teks pilihan harus berupa teks.' });
        let points: number | null = null;
        if (value.points !== undefined && value.points !== null) {
          if (typeof value.points !== 'number') issues.add({ sheet: null, row, column: `options.${optionIndex}.points`, reason: 'Bobot harus berupa angka.' });
          else points = value.points;
        }
        options.push({ text, points });
      });
    }
    const key = record.key;
    raws.push({ row, subtest: str('subtest'), topic: str('topic'), stem: str('stem'), options, key: typeof key === 'string' ? key : key === undefined || key === null ? null : String(key) });
  });
  return raws;
}

const locateJson: Locate = (field) => (field === 'keyIndex' ? 'key' : field);

// ---- Import ----------------------------------------------------------------------------------------

export type ImportFormat = 'xlsx' | 'json';

/** XLSX is a ZIP ("PK"); JSON starts with "{" (after spaces or a byte-order mark). */
export function detectFormat(file: Buffer): ImportFormat | null {
  if (file.length >= 4 && file.readUInt32LE(0) === 0x04034b50) return 'xlsx';
  const head = file.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') ? 'json' : null;
}

/** Problems in row order (cell problems found while reading come before the row's checks). */
const byRow = (issues: ImportIssue[]) => [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

const chunks = <T>(items: T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export type ImportBankOptions = { actor: Actor; bank: BankRow; file: Buffer };

export async function importBank(db: Db, { actor, bank, file }: ImportBankOptions): Promise<BankImportOutcome> {
  const issues = new IssueList();
  const format = detectFormat(file);
  if (!format) {
    return { ok: false, issues: [{ sheet: null, row: null, column: null, reason: 'Berkas ditolak: bukan berkas XLSX atau JSON bank soal.' }], truncated: false };
  }
  const raws = format === 'xlsx' ? await rowsFromXlsx(file, issues) : rowsFromJson(file, issues);
  if (!raws) return { ok: false, issues: byRow(issues.items), truncated: issues.truncated };
  const sheet = format === 'xlsx' ? QUESTION_SHEET : null;
  const locate = format === 'xlsx' ? locateXlsx : locateJson;
  const fail = (row: number, column: string | null, reason: string) => issues.add({ sheet, row, column, reason });

  // Rows with cell problems already reported are still checked, so one answer lists everything.
  const reported = new Set(issues.items.map((issue) => issue.row));
  const existing = await bankDuplicateKeys(db, bank.id);
  const firstRow = new Map<string, number>();
  const ready: Checked[] = [];
  for (const raw of raws) {
    if (issues.full) break;
    const checked = checkQuestion(raw, locate, fail);
    if (!checked) continue;
    const key = questionDuplicateKey(checked);
    const first = firstRow.get(key);
    if (first !== undefined) {
      fail(raw.row, locate('stem'), `Soal ini sama dengan soal di ${format === 'xlsx' ? 'baris' : 'nomor'} ${first}.`);
      continue;
    }
    firstRow.set(key, raw.row);
    if (existing.has(key)) {
      fail(raw.row, locate('stem'), 'Soal yang sama sudah ada di bank soal ini.');
      continue;
    }
    if (!reported.has(raw.row)) ready.push(checked);
  }
  if (!issues.empty) return { ok: false, issues: byRow(issues.items), truncated: issues.truncated };
  if (ready.length === 0) {
    return { ok: false, issues: [{ sheet, row: null, column: null, reason: 'Berkas tidak berisi soal untuk diimpor (hanya judul kolom atau baris contoh).' }], truncated: false };
  }

  const result = await db.transaction(async (tx) => {
    const bySubtest: Record<string, number> = {};
    for (const batch of chunks(ready)) {
      await tx.insert(catQuestions).values(
        batch.map((question) => {
          bySubtest[question.subtest] = (bySubtest[question.subtest] ?? 0) + 1;
          return {
            bankId: bank.id,
            agencyId: bank.agencyId,
            subtest: question.subtest,
            topic: question.topic,
            type: question.type,
            stem: question.stem,
            ...storable(question),
            status: 'draft',
            createdBy: actor.accountId,
            editedBy: actor.accountId,
          };
        }),
      );
    }
    const result: BankImportResult = { created: ready.length, bySubtest };
    await recordAudit(tx, {
      agencyId: bank.agencyId,
      actorId: actor.accountId,
      action: 'cat.bank.import',
      targetType: 'cat_bank',
      targetId: bank.id,
      after: { ...result, format, fileSha256: createHash('sha256').update(file).digest('hex') },
    });
    return result;
  });
  return { ok: true, result };
}
