import { z } from 'zod';
import { ORGANISATION_LIMITS, POSITION_KINDS, hasTwoDecimalsAtMost } from '../planning.js';
import { pageQuery, uuid } from './common.js';

export { ORGANISATION_LIMITS, POSITION_KINDS, POSITION_KIND_LABELS, hasTwoDecimalsAtMost, type PositionKind } from '../planning.js';

const code = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} wajib diisi`)
    .max(ORGANISATION_LIMITS.codeMax, `${label} maksimal ${ORGANISATION_LIMITS.codeMax} karakter`)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u, `${label} hanya huruf, angka, titik, garis miring dan tanda hubung`);
const name = (label: string) =>
  z
    .string()
    .trim()
    .min(2, `${label} minimal 2 karakter`)
    .max(ORGANISATION_LIMITS.nameMax, `${label} maksimal ${ORGANISATION_LIMITS.nameMax} karakter`);
const headcount = (label: string) =>
  z
    .number({ message: `${label} harus berupa angka` })
    .int(`${label} harus bilangan bulat`)
    .min(0, `${label} tidak boleh negatif`)
    .max(ORGANISATION_LIMITS.headcountMax, `${label} maksimal ${ORGANISATION_LIMITS.headcountMax.toLocaleString('id-ID')}`);

export const unitCodeSchema = () => code('Kode unit');
export const positionCodeSchema = () => code('Kode jabatan');

export const unitBody = z.object({ code: unitCodeSchema(), name: name('Nama unit kerja') });
export type UnitBody = z.infer<typeof unitBody>;

export const positionBody = z
  .object({
    unitId: uuid(),
    code: positionCodeSchema(),
    name: name('Nama jabatan'),
    jenis: z.enum(POSITION_KINDS, { message: 'Jenis jabatan harus struktural, fungsional atau pelaksana' }).default('pelaksana'),
    bezetting: headcount('Bezetting'),
    retiring: headcount('Jumlah pegawai yang pensiun'),
  })
  .refine((body) => body.retiring <= body.bezetting, {
    path: ['retiring'],
    message: 'Jumlah pegawai yang pensiun tidak boleh melebihi bezetting',
  });
export type PositionBody = z.infer<typeof positionBody>;

export const taskBody = z.object({
  name: z.string().trim().min(2, 'Uraian tugas minimal 2 karakter').max(300, 'Uraian tugas maksimal 300 karakter'),
  outputUnit: z
    .string()
    .trim()
    .max(ORGANISATION_LIMITS.outputUnitMax, `Satuan hasil maksimal ${ORGANISATION_LIMITS.outputUnitMax} karakter`)
    .default(''),
  volumePerYear: z
    .number({ message: 'Volume kerja harus berupa angka' })
    .min(0, 'Volume kerja tidak boleh negatif')
    .max(ORGANISATION_LIMITS.volumeMax, 'Volume kerja terlalu besar')
    .refine(hasTwoDecimalsAtMost, 'Volume kerja paling banyak dua angka di belakang koma'),
  normMinutes: z
    .number({ message: 'Norma waktu harus berupa angka' })
    .gt(0, 'Norma waktu harus lebih dari 0 menit')
    .max(ORGANISATION_LIMITS.normMinutesMax, 'Norma waktu maksimal 525.600 menit (satu tahun)')
    .refine(hasTwoDecimalsAtMost, 'Norma waktu paling banyak dua angka di belakang koma'),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type TaskBody = z.infer<typeof taskBody>;

export const abkSettingsBody = z.object({
  effectiveMinutesPerYear: z
    .number({ message: 'Waktu kerja efektif harus berupa angka' })
    .int('Waktu kerja efektif harus bilangan bulat (menit)')
    .min(ORGANISATION_LIMITS.effectiveMinutesMin, 'Waktu kerja efektif minimal 1.000 menit per tahun')
    .max(ORGANISATION_LIMITS.effectiveMinutesMax, 'Waktu kerja efektif maksimal 525.600 menit per tahun'),
});

export const unitListQuery = pageQuery;
export const positionListQuery = pageQuery.extend({ unitId: uuid().optional() });
export const abkListQuery = pageQuery.extend({ unitId: uuid().optional() });

export const unitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  positionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

export const positionSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  code: z.string(),
  name: z.string(),
  jenis: z.string(),
  bezetting: z.number().int(),
  retiring: z.number().int(),
  taskCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Position = z.infer<typeof positionSchema>;

export const taskSchema = z.object({
  id: z.string(),
  positionId: z.string(),
  name: z.string(),
  outputUnit: z.string(),
  volumePerYear: z.number(),
  normMinutes: z.number(),
  sortOrder: z.number().int(),
});
export type Task = z.infer<typeof taskSchema>;

export const abkSettingsSchema = z.object({
  effectiveMinutesPerYear: z.number().int(),
  effectiveHoursPerYear: z.number(),
  rounding: z.enum(['halfUp', 'up', 'down']),
});
export type AbkSettings = z.infer<typeof abkSettingsSchema>;

const issueSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });

/** core/abk AbkCalculation, as sent to the web. */
export const abkCalculationSchema = z.object({
  tasks: z.array(z.object({ name: z.string(), volumePerYear: z.number(), normMinutes: z.number(), workloadMinutes: z.number() })),
  workloadMinutes: z.number(),
  effectiveMinutesPerYear: z.number(),
  needExact: z.object({ numerator: z.number(), denominator: z.number() }),
  need: z.number(),
  rounding: z.string(),
  roundedNeed: z.number().int(),
  bezetting: z.number().int(),
  retiring: z.number().int(),
  shortfall: z.number().int(),
  proposedFormasi: z.number().int(),
  steps: z.array(z.string()),
});
export type AbkCalculationView = z.infer<typeof abkCalculationSchema>;

/** One position's line in the agency's analysis (the arithmetic steps are in the position's own view). */
export const abkLineSchema = z.object({
  position: positionSchema,
  workloadMinutes: z.number().nullable(),
  need: z.number().nullable(),
  needExact: z.object({ numerator: z.number(), denominator: z.number() }).nullable(),
  roundedNeed: z.number().int().nullable(),
  shortfall: z.number().int().nullable(),
  proposedFormasi: z.number().int().nullable(),
  problems: z.array(issueSchema),
});
export type AbkLine = z.infer<typeof abkLineSchema>;

export const abkTotalsSchema = z.object({
  positions: z.number().int(),
  withProblems: z.number().int(),
  roundedNeed: z.number().int(),
  bezetting: z.number().int(),
  retiring: z.number().int(),
  /** Σ proposed formasi: positions with a surplus count as 0, they do not offset others. */
  proposedFormasi: z.number().int(),
  /** Σ staff above need across positions with a surplus. */
  surplus: z.number().int(),
});
export type AbkTotals = z.infer<typeof abkTotalsSchema>;

export const abkAnalysisSchema = z.object({
  settings: abkSettingsSchema,
  totals: abkTotalsSchema,
  items: z.array(abkLineSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AbkAnalysis = z.infer<typeof abkAnalysisSchema>;

export const abkPositionSchema = z.object({
  settings: abkSettingsSchema,
  position: positionSchema,
  tasks: z.array(taskSchema),
  calculation: abkCalculationSchema.nullable(),
  problems: z.array(issueSchema),
});
export type AbkPositionAnalysis = z.infer<typeof abkPositionSchema>;

/** A problem found in an imported spreadsheet: sheet, spreadsheet row and column, and why. */
export const importIssueSchema = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  reason: z.string(),
});
export type ImportIssue = z.infer<typeof importIssueSchema>;

export const importRejectedSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    issues: z.array(importIssueSchema).optional(),
    /** More problems were found than listed. */
    truncated: z.boolean().optional(),
  }),
});
export type ImportRejected = z.infer<typeof importRejectedSchema>;

const countsSchema = z.object({ created: z.number().int(), updated: z.number().int() });
export const abkImportResultSchema = z.object({
  units: countsSchema,
  positions: countsSchema,
  /** Positions whose task list was replaced by the file's, and the tasks written. */
  tasks: z.object({ positions: z.number().int(), written: z.number().int() }),
});
export type AbkImportResult = z.infer<typeof abkImportResultSchema>;
