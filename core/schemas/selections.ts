/**
 * Selection rounds (seleksi): request and response schemas shared by the server and the web, and
 * the default list of required documents.
 */
import { z } from 'zod';
import { STAGE_KINDS, type StageKind } from '../pipeline.js';
import { SCHEDULE_FIELDS, type ScheduleField } from '../selection-schedule.js';
import {
  DOCUMENT_FORMATS,
  DOCUMENT_MAX_KB,
  REGISTRATION_STATES,
  SELECTION_STATUSES,
  SELECTION_TYPES,
  SELECTION_YEAR_MAX,
  SELECTION_YEAR_MIN,
} from '../selections.js';
import { localDate, pageQuery, uuid } from './common.js';

export * from '../selections.js';

const KEY = /^[a-z][a-z0-9_]*$/;
const unique = (values: readonly unknown[]) => new Set(values).size === values.length;

export const selectionType = () => z.enum(SELECTION_TYPES, { message: 'Jenis seleksi harus cpns, pppk atau jpt' });
export const selectionYear = () =>
  z
    .number({ message: 'Tahun harus berupa angka' })
    .int('Tahun harus bilangan bulat')
    .min(SELECTION_YEAR_MIN, `Tahun minimal ${SELECTION_YEAR_MIN}`)
    .max(SELECTION_YEAR_MAX, `Tahun maksimal ${SELECTION_YEAR_MAX}`);
const selectionName = () => z.string().trim().min(3, 'Nama minimal 3 karakter').max(200, 'Nama maksimal 200 karakter');
const selectionDescription = () => z.string().trim().max(5000, 'Keterangan maksimal 5.000 karakter');


/** Local dates in the agency's zone; null or an absent field means "not scheduled yet". */
export const scheduleInput = () =>
  z
    .strictObject(Object.fromEntries(SCHEDULE_FIELDS.map((field) => [field, localDate().nullable().optional()])) as Record<ScheduleField, z.ZodOptional<z.ZodNullable<ReturnType<typeof localDate>>>>)
    .transform((schedule) => Object.fromEntries(Object.entries(schedule).filter(([, date]) => typeof date === 'string')) as Partial<Record<ScheduleField, string>>);

export const requiredDocumentSchema = z.strictObject({
  key: z.string().max(40, 'Kode dokumen maksimal 40 karakter').regex(KEY, 'Kode dokumen: huruf kecil, angka atau garis bawah, diawali huruf'),
  name: z.string().trim().min(2, 'Nama dokumen minimal 2 karakter').max(120, 'Nama dokumen maksimal 120 karakter'),
  formats: z
    .array(z.enum(DOCUMENT_FORMATS, { message: 'Format harus pdf, jpg atau png' }))
    .min(1, 'Pilih minimal satu format')
    .max(DOCUMENT_FORMATS.length)
    .refine(unique, 'Format tidak boleh berulang'),
  maxKb: z
    .number({ message: 'Batas ukuran harus berupa angka' })
    .int('Batas ukuran harus bilangan bulat (KB)')
    .min(10, 'Batas ukuran minimal 10 KB')
    .max(DOCUMENT_MAX_KB, 'Batas ukuran maksimal 10.240 KB (10 MB)'),
  mandatory: z.boolean({ message: 'Tentukan apakah dokumen wajib' }),
});

export const requiredDocumentsInput = () =>
  z
    .array(requiredDocumentSchema)
    .max(30, 'Paling banyak 30 dokumen')
    .refine((documents) => unique(documents.map((document) => document.key)), 'Kode dokumen tidak boleh berulang');

const weight = () => z.number({ message: 'Bobot harus berupa angka' }).min(0, 'Bobot minimal 0').max(100, 'Bobot maksimal 100');
const stageKey = () => z.string().max(40, 'Kode maksimal 40 karakter');
const stageName = () => z.string().trim().min(1, 'Nama wajib diisi').max(120, 'Nama maksimal 120 karakter');

const passMark = z.strictObject({
  label: z.string().trim().min(1, 'Nama nilai ambang batas wajib diisi').max(60),
  subtests: z.union([z.literal('total'), z.array(z.string().trim().min(1).max(40)).min(1).max(10)]),
  min: z.number({ message: 'Nilai ambang batas harus berupa angka' }).min(0, 'Nilai ambang batas minimal 0').max(10_000),
});

const minScoreRule = z.strictObject({ type: z.literal('minScore'), min: z.number({ message: 'Nilai minimal harus berupa angka' }) });
const passMarksRule = z.strictObject({
  type: z.literal('passMarksBySubtest'),
  byFormasiKind: z
    .record(z.string().max(40).regex(KEY, 'Jenis formasi tidak valid'), z.strictObject({ marks: z.array(passMark).max(10) }))
    .refine((kinds) => Object.keys(kinds).length <= 20, 'Paling banyak 20 jenis formasi'),
});
const topNRule = z.strictObject({
  type: z.literal('topN'),
  multiplier: z.number({ message: 'Kelipatan harus berupa angka' }).int('Kelipatan harus bilangan bulat').min(1).max(100),
  keepTies: z.boolean(),
  among: z.discriminatedUnion('type', [minScoreRule, passMarksRule]).optional(),
});
export const passRuleSchema = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('none') }), minScoreRule, passMarksRule, topNRule], {
  message: 'Aturan kelulusan harus none, minScore, passMarksBySubtest atau topN',
});

export const stageComponentSchema = z.strictObject({
  key: stageKey(),
  name: stageName(),
  kind: z.enum(['cat', 'panel'], { message: 'Jenis komponen harus cat atau panel' }),
  weight: weight(),
});

export const pipelineStageSchema = z.strictObject({
  key: stageKey(),
  name: stageName(),
  kind: z.enum(STAGE_KINDS as [StageKind, ...StageKind[]], { message: 'Jenis tahap harus administrasi, cat, panel atau integrasi' }),
  weight: weight(),
  passRule: passRuleSchema,
  eliminates: z.boolean({ message: 'Tentukan apakah tahap ini menggugurkan peserta' }),
  components: z.array(stageComponentSchema).max(10, 'Paling banyak 10 komponen').optional(),
});

export const pipelineInput = () => z.array(pipelineStageSchema).min(1, 'Tetapkan minimal satu tahap seleksi').max(12, 'Paling banyak 12 tahap');

const expectedVersion = () => z.number().int().min(1).optional();

export const createSelectionBody = z.strictObject({
  type: selectionType(),
  year: selectionYear(),
  name: selectionName(),
  description: selectionDescription().default(''),
  schedule: scheduleInput().optional(),
});

export const updateSelectionBody = z
  .strictObject({
    name: selectionName().optional(),
    description: selectionDescription().optional(),
    year: selectionYear().optional(),
    schedule: scheduleInput().optional(),
    requiredDocuments: requiredDocumentsInput().optional(),
    pipeline: pipelineInput().optional(),
    /** The version the editor loaded: a save over someone else's change is refused (409). */
    expectedVersion: expectedVersion(),
  })
  .refine(({ expectedVersion: _version, ...changes }) => Object.values(changes).some((value) => value !== undefined), 'Tidak ada perubahan');

export const correctionChanges = z
  .strictObject({
    name: selectionName().optional(),
    description: selectionDescription().optional(),
    schedule: scheduleInput().optional(),
    requiredDocuments: requiredDocumentsInput().optional(),
    pipeline: pipelineInput().optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), 'Sebutkan minimal satu perubahan');

export const correctionBody = z.strictObject({
  reason: z.string({ message: 'Alasan koreksi wajib diisi' }).trim().min(10, 'Alasan koreksi minimal 10 karakter').max(1000, 'Alasan koreksi maksimal 1.000 karakter'),
  changes: correctionChanges,
  expectedVersion: expectedVersion(),
});

export const listSelectionsQuery = pageQuery.extend({
  type: selectionType().optional(),
  year: z.coerce.number().int().min(SELECTION_YEAR_MIN).max(SELECTION_YEAR_MAX).optional(),
  status: z.enum(SELECTION_STATUSES, { message: 'Status harus draft, published, closed atau cancelled' }).optional(),
});

export const selectionParams = z.object({ agencyId: uuid(), selectionId: uuid() });

// ---------------------------------------------------------------------------------------------
// Responses

export const scheduleSchema = z.object(Object.fromEntries(SCHEDULE_FIELDS.map((field) => [field, z.string().optional()])) as Record<ScheduleField, z.ZodOptional<z.ZodString>>);

export const counts = z.object({ formasi: z.number().int(), places: z.number().int() });

export const selectionSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  type: z.enum(SELECTION_TYPES),
  year: z.number().int(),
  name: z.string(),
  description: z.string(),
  status: z.enum(SELECTION_STATUSES),
  schedule: scheduleSchema,
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  registrationState: z.enum(REGISTRATION_STATES),
  requiredDocuments: z.array(requiredDocumentSchema),
  pipeline: z.array(pipelineStageSchema),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts,
});
export type Selection = z.infer<typeof selectionSchema>;
export type PipelineStageInput = z.infer<typeof pipelineStageSchema>;

export const selectionHistoryEntry = z.object({
  seq: z.number().int(),
  action: z.string(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int().nullable(),
  reason: z.string().nullable(),
  changed: z.array(z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type SelectionHistoryEntry = z.infer<typeof selectionHistoryEntry>;

// ---------------------------------------------------------------------------------------------
// Public portal

export const publicAgencyRef = z.object({ id: z.string(), code: z.string(), name: z.string(), region: z.string(), timezone: z.string() });

export const publicSelectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(SELECTION_TYPES),
  year: z.number().int(),
  status: z.enum(SELECTION_STATUSES),
  agency: publicAgencyRef,
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  registrationState: z.enum(REGISTRATION_STATES),
  counts,
});
export type PublicSelection = z.infer<typeof publicSelectionSchema>;

export const timelineEntrySchema = z.object({
  key: z.string(),
  label: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});

export const publicSelectionDetailSchema = publicSelectionSchema.extend({
  description: z.string(),
  schedule: scheduleSchema,
  timeline: z.array(timelineEntrySchema),
  pipeline: z.array(pipelineStageSchema),
  requiredDocuments: z.array(requiredDocumentSchema),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
});
export type PublicSelectionDetail = z.infer<typeof publicSelectionDetailSchema>;

export const publicSelectionsQuery = z.object({
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  type: selectionType().optional(),
  year: z.coerce.number().int().min(SELECTION_YEAR_MIN).max(SELECTION_YEAR_MAX).optional(),
  agencyId: uuid().optional(),
});

/** Deep pages are refused: past this, the visitor narrows the filters. */
export const FORMASI_SEARCH_MAX_PAGE = 500;

export const formasiSearchQuery = z.object({
  q: z.string().trim().max(100, 'Kata kunci maksimal 100 karakter').optional(),
  level: z.string().trim().max(12, 'Jenjang maksimal 12 karakter').optional(),
  programme: z.string().trim().max(100, 'Program studi maksimal 100 karakter').optional(),
  unit: z.string().trim().max(100, 'Unit penempatan maksimal 100 karakter').optional(),
  kind: z.string().trim().max(40).regex(KEY, 'Jenis formasi tidak valid').optional(),
  agencyId: uuid().optional(),
  selectionId: uuid().optional(),
  type: selectionType().optional(),
  year: z.coerce.number().int().min(SELECTION_YEAR_MIN).max(SELECTION_YEAR_MAX).optional(),
  page: z.coerce.number().int().min(1).max(FORMASI_SEARCH_MAX_PAGE, `Halaman maksimal ${FORMASI_SEARCH_MAX_PAGE}; persempit pencarian`).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type FormasiSearchQuery = z.infer<typeof formasiSearchQuery>;

export const formasiSearchItem = z.object({
  id: z.string(),
  positionName: z.string(),
  unitName: z.string(),
  count: z.number().int(),
  kind: z.string(),
  educationLevels: z.array(z.string()),
  programmes: z.array(z.string()),
  agency: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  selection: z.object({
    id: z.string(),
    name: z.string(),
    type: z.enum(SELECTION_TYPES),
    year: z.number().int(),
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
  }),
});
export type FormasiSearchItem = z.infer<typeof formasiSearchItem>;

export const formasiSearchResponse = z.object({
  items: z.array(formasiSearchItem),
  /** Exact. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FormasiSearchResponse = z.infer<typeof formasiSearchResponse>;

export const publicFormasiSchema = z.object({
  id: z.string(),
  positionName: z.string(),
  unitName: z.string(),
  count: z.number().int(),
  kind: z.string(),
  qualifications: z.array(z.object({ level: z.string(), programmes: z.array(z.string()) })),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  extraRequirements: z.string(),
  publishedAt: z.string().nullable(),
});

export const publicFormasiDetailResponse = z.object({
  formasi: publicFormasiSchema,
  selection: publicSelectionDetailSchema,
  /** The server's clock when the answer was made; the page's countdown runs on server time. */
  now: z.string(),
});
export type PublicFormasiDetail = z.infer<typeof publicFormasiDetailResponse>;
