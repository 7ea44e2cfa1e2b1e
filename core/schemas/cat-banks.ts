/**
 * CAT question banks and questions: request and response schemas shared by the server and the web.
 * Question content and keys appear only in the responses of bank managers' routes.
 */
import { z } from 'zod';
import { CAT_SUBTEST_CODES, QUESTION_LIMITS, QUESTION_STATUSES } from '../cat-bank.js';
import { pageQuery } from './common.js';

export const BANK_LIMITS = { nameMin: 3, nameMax: 120, descriptionMax: 1_000 } as const;

/** Bounds of an import: rows (XLSX) or questions (JSON), and the file size. */
export const BANK_IMPORT_LIMITS = { rows: 5_000, bytes: 5 * 1024 * 1024 } as const;

/** Question images: PNG or JPEG, small enough for a venue's network. */
export const QUESTION_IMAGE_MAX_BYTES = 1024 * 1024;

export const bankBody = z.object({
  name: z
    .string()
    .trim()
    .min(BANK_LIMITS.nameMin, `Nama bank soal minimal ${BANK_LIMITS.nameMin} karakter`)
    .max(BANK_LIMITS.nameMax, `Nama bank soal maksimal ${BANK_LIMITS.nameMax} karakter`),
  description: z.string().trim().max(BANK_LIMITS.descriptionMax, `Keterangan maksimal ${BANK_LIMITS.descriptionMax} karakter`).default(''),
});
export type BankBody = z.infer<typeof bankBody>;

const statusCounts = z.object({ draft: z.number().int(), reviewed: z.number().int(), active: z.number().int(), retired: z.number().int() });
export type StatusCounts = z.infer<typeof statusCounts>;

export const bankSchema = z.object({
  id: z.string(),
  agencyId: z.string().nullable(),
  /** Shared by the super administrator with every agency (read-only for them). */
  national: z.boolean(),
  name: z.string(),
  description: z.string(),
  /** Whether the viewer may read and change its questions. */
  canManage: z.boolean(),
  questions: statusCounts.extend({ total: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CatBank = z.infer<typeof bankSchema>;

/** Questions per subtest and topic by status: what a blueprint can draw on (no content). */
export const bankAvailabilitySchema = z.array(statusCounts.extend({ subtest: z.string(), topic: z.string() }));
export type BankAvailability = z.infer<typeof bankAvailabilitySchema>;

export const bankListQuery = pageQuery.extend({
  /** own: the agency's banks; national: the shared ones; all (default): both. */
  scope: z.enum(['all', 'own', 'national']).default('all'),
});

const subtestCode = () => z.enum(CAT_SUBTEST_CODES, { message: `Subtes harus salah satu dari ${CAT_SUBTEST_CODES.join(', ')}` });

export const questionOptionBody = z.object({
  /** Kept when editing an existing option, so the option keeps its identity; omitted for a new one. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Kode pilihan tidak valid')
    .optional(),
  text: z.string().trim().max(QUESTION_LIMITS.optionTextMax, `Teks pilihan maksimal ${QUESTION_LIMITS.optionTextMax} karakter`).default(''),
  /** Weighted subtests (TKP 1–5; PPPK managerial, socio-cultural, interview 1–4). */
  points: z.number({ message: 'Bobot harus berupa angka' }).int('Bobot harus bilangan bulat').nullable().optional(),
});

export const questionBody = z.object({
  subtest: subtestCode(),
  topic: z.string().trim().max(QUESTION_LIMITS.topicMax, `Topik maksimal ${QUESTION_LIMITS.topicMax} karakter`).default(''),
  stem: z.string().trim().max(QUESTION_LIMITS.stemMax, `Teks soal maksimal ${QUESTION_LIMITS.stemMax.toLocaleString('id-ID')} karakter`),
  options: z
    .array(questionOptionBody)
    .min(QUESTION_LIMITS.optionsMin, `Soal harus memiliki paling sedikit ${QUESTION_LIMITS.optionsMin} pilihan jawaban`)
    .max(QUESTION_LIMITS.optionsMax, `Soal paling banyak memiliki ${QUESTION_LIMITS.optionsMax} pilihan jawaban`),
  /** Single-key subtests: the index (0 = A) of the correct option. */
  keyIndex: z.number({ message: 'Kunci jawaban harus berupa nomor pilihan' }).int().min(0).nullable().optional(),
});
export type QuestionBody = z.infer<typeof questionBody>;

export const questionStatusBody = z.object({ status: z.enum(QUESTION_STATUSES, { message: 'Status soal tidak dikenal' }) });

export const questionListQuery = pageQuery.extend({
  subtest: subtestCode().optional(),
  topic: z.string().trim().max(QUESTION_LIMITS.topicMax).optional(),
  status: z.enum(QUESTION_STATUSES).optional(),
});

const person = z.object({ id: z.string(), name: z.string() }).nullable();

export const questionOptionSchema = z.object({
  id: z.string(),
  /** A, B, C… in the author's order. */
  label: z.string(),
  text: z.string(),
  points: z.number().int().nullable(),
  hasImage: z.boolean(),
});

export const questionSchema = z.object({
  id: z.string(),
  bankId: z.string(),
  subtest: z.string(),
  topic: z.string(),
  type: z.enum(['single', 'weighted']),
  stem: z.string(),
  hasImage: z.boolean(),
  options: z.array(questionOptionSchema),
  keyOptionId: z.string().nullable(),
  status: z.enum(QUESTION_STATUSES),
  createdBy: person,
  editedBy: person,
  reviewedBy: person,
  /** Drawn into a participant's paper: the content can no longer change. */
  inUse: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CatQuestionView = z.infer<typeof questionSchema>;

export const importResultSchema = z.object({
  created: z.number().int(),
  bySubtest: z.record(z.string(), z.number().int()),
});
export type BankImportResult = z.infer<typeof importResultSchema>;

/** The JSON exchange format of a bank (export, and import into any bank). */
export const BANK_JSON_FORMAT = 'rekrutmen-asn/bank-soal';

export const bankJsonQuestion = z.object({
  subtest: z.string(),
  topic: z.string().default(''),
  stem: z.string(),
  options: z.array(z.object({ text: z.string().default(''), points: z.number().nullable().optional() })),
  /** The key's letter (A, B, …) for single-key subtests. */
  key: z.string().nullable().optional(),
});
export type BankJsonQuestion = z.infer<typeof bankJsonQuestion>;

export const bankJsonFile = z.object({
  format: z.literal(BANK_JSON_FORMAT),
  version: z.literal(1),
  bank: z.object({ name: z.string(), description: z.string().default('') }).optional(),
  exportedAt: z.string().optional(),
  questions: z.array(z.unknown()),
});
