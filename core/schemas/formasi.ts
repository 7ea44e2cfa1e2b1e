import { z } from 'zod';
import { ELIGIBILITY_DEFAULTS } from '../eligibility.js';
import { EDUCATION_LEVELS, FORMASI_LIMITS, FORMASI_STATUSES, isEducationLevel } from '../planning.js';
import { pageQuery, uuid } from './common.js';

export {
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_LABELS,
  FORMASI_LIMITS,
  FORMASI_STATUSES,
  FORMASI_STATUS_LABELS,
  formatQualifications,
  isEducationLevel,
  parseQualifications,
  type EducationLevel,
  type FormasiStatus,
} from '../planning.js';

export const qualificationBody = z.object({
  level: z
    .string()
    .trim()
    .min(1, 'Jenjang pendidikan wajib diisi')
    .max(20)
    .refine(isEducationLevel, `Jenjang pendidikan harus salah satu dari: ${EDUCATION_LEVELS.join(', ')}`),
  programmes: z
    .array(
      z
        .string()
        .trim()
        .min(2, 'Nama program studi minimal 2 karakter')
        .max(FORMASI_LIMITS.programmeMax, `Nama program studi maksimal ${FORMASI_LIMITS.programmeMax} karakter`),
    )
    .max(FORMASI_LIMITS.programmesMax, `Paling banyak ${FORMASI_LIMITS.programmesMax} program studi per jenjang`)
    .default([]),
});
export type QualificationBody = z.infer<typeof qualificationBody>;

const requirementFields = {
  /** Placement unit; the position's own unit when left out. */
  unitId: uuid().nullish(),
  qualifications: z
    .array(qualificationBody)
    .min(1, 'Tetapkan minimal satu kualifikasi pendidikan')
    .max(FORMASI_LIMITS.qualificationsMax, `Paling banyak ${FORMASI_LIMITS.qualificationsMax} kualifikasi`),
  kind: z.string().trim().min(1, 'Jenis formasi wajib diisi').max(40).default('umum'),
  minAge: z
    .number({ message: 'Usia minimal harus berupa angka' })
    .int('Usia minimal harus bilangan bulat')
    .min(ELIGIBILITY_DEFAULTS.minAge, `Usia minimal tidak boleh kurang dari ${ELIGIBILITY_DEFAULTS.minAge} tahun`)
    .default(ELIGIBILITY_DEFAULTS.minAge),
  maxAge: z.number({ message: 'Usia maksimal harus berupa angka' }).int('Usia maksimal harus bilangan bulat').default(ELIGIBILITY_DEFAULTS.maxAge),
  extraRequirements: z
    .string()
    .trim()
    .max(FORMASI_LIMITS.extraMax, `Persyaratan tambahan maksimal ${FORMASI_LIMITS.extraMax.toLocaleString('id-ID')} karakter`)
    .default(''),
};

const formasiCount = () =>
  z
    .number({ message: 'Jumlah formasi harus berupa angka' })
    .int('Jumlah formasi harus bilangan bulat')
    .min(1, 'Jumlah formasi harus lebih dari 0')
    .max(FORMASI_LIMITS.countMax, `Jumlah formasi maksimal ${FORMASI_LIMITS.countMax.toLocaleString('id-ID')}`);

export const formasiBody = z.object({ positionId: uuid(), count: formasiCount(), ...requirementFields });
/** As the server receives it (defaults applied); FormasiBodyInput is what a client may send. */
export type FormasiBody = z.output<typeof formasiBody>;
export type FormasiBodyInput = z.input<typeof formasiBody>;

/** Create from the position's ABK proposal: the count defaults to the proposed formasi. */
export const formasiFromAbkBody = z.object({ positionId: uuid(), count: formasiCount().optional(), ...requirementFields });
export type FormasiFromAbkBody = z.output<typeof formasiFromAbkBody>;
export type FormasiFromAbkBodyInput = z.input<typeof formasiFromAbkBody>;

export const formasiListQuery = pageQuery.extend({
  status: z.enum(FORMASI_STATUSES).optional(),
  kind: z.string().trim().max(40).optional(),
  unitId: uuid().optional(),
  educationLevel: z.string().trim().max(20).optional(),
});

export const abkSourceSchema = z.object({
  positionId: z.string(),
  need: z.number(),
  needExact: z.object({ numerator: z.number(), denominator: z.number() }),
  roundedNeed: z.number().int(),
  bezetting: z.number().int(),
  retiring: z.number().int(),
  shortfall: z.number().int(),
  proposedFormasi: z.number().int(),
  effectiveMinutesPerYear: z.number().int(),
  calculatedAt: z.string(),
});
export type AbkSource = z.infer<typeof abkSourceSchema>;

export const formasiSchema = z.object({
  id: z.string(),
  selectionId: z.string(),
  positionId: z.string().nullable(),
  unitId: z.string().nullable(),
  positionName: z.string(),
  unitName: z.string(),
  count: z.number().int(),
  qualifications: z.array(z.object({ level: z.string(), programmes: z.array(z.string()) })),
  educationLevels: z.array(z.string()),
  kind: z.string(),
  kindLabel: z.string(),
  minAge: z.number().int(),
  maxAge: z.number().int(),
  extraRequirements: z.string(),
  status: z.string(),
  abkSource: abkSourceSchema.nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Formasi = z.infer<typeof formasiSchema>;

export const selectionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  year: z.number().int(),
  status: z.string(),
});
export type SelectionSummary = z.infer<typeof selectionSummarySchema>;

export const formasiPageSchema = z.object({
  selection: selectionSummarySchema,
  /** The whole selection, whatever the filters: formasi and places. */
  totals: z.object({ formasi: z.number().int(), places: z.number().int() }),
  items: z.array(formasiSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FormasiPage = z.infer<typeof formasiPageSchema>;

export const formasiImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int() });
export type FormasiImportResult = z.infer<typeof formasiImportResultSchema>;
