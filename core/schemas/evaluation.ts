import { z } from 'zod';
import {
  DESK_COMMENT_MAX,
  PERIOD_KINDS,
  PERIOD_STATUSES,
  PLAN_MAX_INDICATORS,
  PLAN_MAX_ITEMS,
  PLAN_STATUSES,
  RECOMMENDATION_SOURCES,
} from '../evaluation.js';
import { BERAKHLAK, ORGANISATION_RATINGS, PREDIKATS, RATINGS } from '../predikat.js';
import { pageQuery, uuid } from './common.js';

// ---- requests --------------------------------------------------------------------------------------

const rating = (label: string) => z.enum(RATINGS, { message: `${label} harus di atas, sesuai atau di bawah ekspektasi` });
const twoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
const text = (label: string, min: number, max: number) =>
  z
    .string({ message: `${label} wajib diisi` })
    .trim()
    .min(min, min <= 1 ? `${label} wajib diisi` : `${label} minimal ${min} karakter`)
    .max(max, `${label} maksimal ${max.toLocaleString('id-ID')} karakter`);

export const createPeriodBody = z
  .strictObject({
    kind: z.enum(PERIOD_KINDS, { message: 'Jenis periode harus triwulan atau tahunan' }),
    year: z.number({ message: 'Tahun harus berupa angka' }).int('Tahun harus bilangan bulat').min(2000, 'Tahun minimal 2000').max(2100, 'Tahun maksimal 2100'),
    quarter: z.number({ message: 'Triwulan harus berupa angka' }).int('Triwulan harus 1–4').min(1, 'Triwulan harus 1–4').max(4, 'Triwulan harus 1–4').nullable().optional(),
  })
  .superRefine((body, context) => {
    if (body.kind === 'triwulan' && body.quarter == null) context.addIssue({ code: 'custom', path: ['quarter'], message: 'Pilih triwulan (I–IV)' });
    if (body.kind === 'tahunan' && body.quarter != null) context.addIssue({ code: 'custom', path: ['quarter'], message: 'Periode tahunan tidak memiliki triwulan' });
  });
export type CreatePeriodBody = z.infer<typeof createPeriodBody>;

const percent = z
  .number({ message: 'Batas harus berupa angka' })
  .min(0, 'Batas minimal 0%')
  .max(100, 'Batas maksimal 100%')
  .refine(twoDecimals, 'Batas paling banyak dua angka desimal');

export const updatePeriodBody = z
  .strictObject({
    organisationRating: z.enum(ORGANISATION_RATINGS, { message: 'Predikat organisasi tidak dikenal' }).nullable(),
    /** Most staff, in percent, rated Baik or better for each organisation rating. */
    bounds: z.strictObject(Object.fromEntries(ORGANISATION_RATINGS.map((r) => [r, percent])) as Record<(typeof ORGANISATION_RATINGS)[number], typeof percent>).partial(),
    publicThreshold: z
      .number({ message: 'Ambang harus berupa angka' })
      .min(25, 'Ambang indeks minimal 25')
      .max(100, 'Ambang indeks maksimal 100')
      .refine(twoDecimals, 'Ambang paling banyak dua angka desimal'),
    publicMinResponses: z.number({ message: 'Minimal tanggapan harus berupa angka' }).int('Minimal tanggapan harus bilangan bulat').min(1, 'Minimal 1 tanggapan').max(100_000, 'Minimal tanggapan terlalu besar'),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Tidak ada yang diubah');
export type UpdatePeriodBody = z.infer<typeof updatePeriodBody>;

export const periodPlansQuery = pageQuery.extend({
  status: z.enum([...PLAN_STATUSES, 'rated', 'unrated'] as const).optional(),
  predikat: z.enum(PREDIKATS).optional(),
});

const indicatorBody = z.strictObject({
  name: text('Indikator', 3, 300),
  target: z
    .number({ message: 'Target harus berupa angka' })
    .gt(0, 'Target harus lebih dari 0')
    .max(1_000_000_000, 'Target terlalu besar')
    .refine(twoDecimals, 'Target paling banyak dua angka desimal'),
  unit: text('Satuan target', 1, 40),
});

export const planItemsBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        title: text('Rencana hasil kerja', 5, 500),
        indicators: z.array(indicatorBody).min(1, 'Setiap rencana hasil kerja memerlukan minimal satu indikator').max(PLAN_MAX_INDICATORS, `Paling banyak ${PLAN_MAX_INDICATORS} indikator per rencana`),
      }),
    )
    .min(1, 'Isi minimal satu rencana hasil kerja')
    .max(PLAN_MAX_ITEMS, `Paling banyak ${PLAN_MAX_ITEMS} rencana hasil kerja`),
});
export type PlanItemsBody = z.infer<typeof planItemsBody>;

export const returnPlanBody = z.strictObject({ note: text('Alasan pengembalian', 5, 1000) });

export const realisationBody = z.strictObject({
  indicators: z
    .array(
      z.strictObject({
        indicatorId: uuid(),
        realised: z
          .number({ message: 'Realisasi harus berupa angka' })
          .min(0, 'Realisasi tidak boleh negatif')
          .max(1_000_000_000, 'Realisasi terlalu besar')
          .refine(twoDecimals, 'Realisasi paling banyak dua angka desimal')
          .nullable(),
        note: z.string().trim().max(1000, 'Keterangan maksimal 1.000 karakter').default(''),
      }),
    )
    .min(1, 'Tidak ada realisasi yang dikirim')
    .max(PLAN_MAX_ITEMS * PLAN_MAX_INDICATORS),
});
export type RealisationBody = z.infer<typeof realisationBody>;

export const behavioursBody = z.strictObject(Object.fromEntries(BERAKHLAK.map((value) => [value, rating(value)])) as Record<(typeof BERAKHLAK)[number], ReturnType<typeof rating>>);

export const ratingBody = z.strictObject({
  items: z.array(z.strictObject({ itemId: uuid(), rating: rating('Penilaian rencana') })).min(1, 'Nilai setiap rencana hasil kerja').max(PLAN_MAX_ITEMS),
  resultsRating: rating('Penilaian hasil kerja'),
  behaviours: behavioursBody,
  behaviourRating: rating('Penilaian perilaku'),
  note: z.string().trim().max(2000, 'Catatan maksimal 2.000 karakter').default(''),
  /** The competency a development recommendation aims at (a predikat below Baik); the suggestion when absent. */
  competency: z.string().trim().min(1).max(100, 'Kompetensi maksimal 100 karakter').nullable().optional(),
});
export type RatingBody = z.infer<typeof ratingBody>;

export const noteBody = z.strictObject({ body: text('Catatan', 1, 2000) });

export const peerFeedbackBody = z.strictObject({
  behaviours: z.strictObject(Object.fromEntries(BERAKHLAK.map((value) => [value, rating(value)])) as Record<(typeof BERAKHLAK)[number], ReturnType<typeof rating>>).partial(),
  body: text('Masukan', 10, 2000),
});
export type PeerFeedbackBody = z.infer<typeof peerFeedbackBody>;

export const deskLinkBody = z.strictObject({
  unitId: uuid(),
  employeeId: uuid().nullable().optional(),
  label: text('Nama loket', 3, 120),
});
export const deskLinkUpdateBody = z
  .strictObject({ active: z.boolean({ message: 'Status harus benar/salah' }), label: text('Nama loket', 3, 120) })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Tidak ada yang diubah');

export const deskFeedbackBody = z.strictObject({
  score: z.number({ message: 'Pilih penilaian 1–4' }).int('Pilih penilaian 1–4').min(1, 'Pilih penilaian 1–4').max(4, 'Pilih penilaian 1–4'),
  comment: z.string().trim().max(DESK_COMMENT_MAX, `Komentar maksimal ${DESK_COMMENT_MAX.toLocaleString('id-ID')} karakter`).default(''),
  /** Hidden from people; a form filled by a robot fills it. */
  website: z.string().max(500).default(''),
  /** A random token the browser keeps, for duplicate detection. */
  clientToken: z.string().trim().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Token perangkat tidak valid').optional(),
});
export type DeskFeedbackBody = z.infer<typeof deskFeedbackBody>;

export const recommendationsQuery = pageQuery.extend({
  periodId: uuid().optional(),
  source: z.enum(RECOMMENDATION_SOURCES).optional(),
  status: z.enum(['proposed', 'enrolled', 'completed', 'withdrawn']).optional(),
});

export const deskCodeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9]{8,32}$/, 'Kode loket tidak valid') });

// ---- responses -------------------------------------------------------------------------------------

const ratingOut = z.enum(RATINGS);
const predikatOut = z.enum(PREDIKATS);

export const boundsSchema = z.record(z.string(), z.object({ maxBaikOrBetterPercent: z.number() }));

export const periodSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  kind: z.enum(PERIOD_KINDS),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(PERIOD_STATUSES),
  organisationRating: z.enum(ORGANISATION_RATINGS).nullable(),
  bounds: boundsSchema,
  publicThreshold: z.number(),
  publicMinResponses: z.number().int(),
  finalisedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type EvaluationPeriod = z.infer<typeof periodSchema>;

export const distributionSchema = z.object({
  plans: z.number().int(),
  rated: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  baikOrBetter: z.number().int(),
  /** Null until the organisation rating is entered. */
  limitPercent: z.number().nullable(),
  /** Most staff that may be Baik or better once every plan is rated. */
  allowedBaikOrBetter: z.number().int().nullable(),
  withinBound: z.boolean().nullable(),
  /** What stands between the period and its finalisation. */
  problems: z.array(z.string()),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const periodListItemSchema = periodSchema.extend({ plans: z.number().int(), rated: z.number().int() });
export type EvaluationPeriodListItem = z.infer<typeof periodListItemSchema>;
export const periodDetailSchema = z.object({ period: periodSchema, distribution: distributionSchema });
export type EvaluationPeriodDetail = z.infer<typeof periodDetailSchema>;

const personRef = z.object({ id: z.string(), name: z.string(), nip: z.string().nullable() });

export const planListItemSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  employee: personRef.extend({ unitName: z.string().nullable(), positionName: z.string().nullable() }),
  supervisor: personRef.nullable(),
  status: z.enum(PLAN_STATUSES),
  items: z.number().int(),
  predikat: predikatOut.nullable(),
  ratedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type PlanListItem = z.infer<typeof planListItemSchema>;

export const indicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  target: z.number(),
  unit: z.string(),
  realised: z.number().nullable(),
  realisationNote: z.string(),
  /** realised ÷ target in percent, one decimal; null before realisation. */
  achievementPercent: z.number().nullable(),
});
export const evidenceSchema = z.object({ id: z.string(), title: z.string(), fileName: z.string(), sizeBytes: z.number().int(), mime: z.string(), downloadUrl: z.string(), createdAt: z.string() });
export const planItemSchema = z.object({ id: z.string(), title: z.string(), rating: ratingOut.nullable(), indicators: z.array(indicatorSchema), evidence: z.array(evidenceSchema) });

export const ratingSchema = z.object({
  resultsRating: ratingOut,
  resultsSuggested: ratingOut,
  behaviours: z.record(z.string(), ratingOut),
  behaviourRating: ratingOut,
  behaviourSuggested: ratingOut,
  predikat: predikatOut,
  note: z.string(),
  raterName: z.string().nullable(),
  ratedAt: z.string(),
  updatedAt: z.string(),
  /** False until the period is finalised: the rating may still change. */
  final: z.boolean(),
});
export type PlanRating = z.infer<typeof ratingSchema>;

export const noteSchema = z.object({ id: z.string(), authorName: z.string(), authorRole: z.enum(['pegawai', 'atasan']), body: z.string(), createdAt: z.string(), mine: z.boolean() });
export const peerFeedbackSchema = z.object({ id: z.string(), authorName: z.string(), behaviours: z.record(z.string(), ratingOut), body: z.string(), updatedAt: z.string() });

export const deskSummarySchema = z.object({
  responses: z.number().int(),
  index: z.number().nullable(),
  enoughResponses: z.boolean(),
  belowThreshold: z.boolean(),
  /** Responses per score 1–4. */
  scores: z.array(z.number().int()),
  recentComments: z.array(z.object({ score: z.number().int(), comment: z.string(), createdAt: z.string() })),
});
export type DeskSummary = z.infer<typeof deskSummarySchema>;

export const recommendationSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  periodName: z.string(),
  employee: personRef.extend({ unitName: z.string().nullable() }),
  source: z.enum(RECOMMENDATION_SOURCES),
  competency: z.string(),
  reason: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** proposed: no programme builds the competency yet; enrolled: waiting for or in a session; completed; withdrawn. */
  status: z.enum(['proposed', 'enrolled', 'completed', 'withdrawn']),
  /** The training module's own words on the enrolment ("Terdaftar di sesi …", "Lulus"). */
  progress: z.string().nullable(),
  completedAt: z.string().nullable(),
  certificateUrl: z.string().nullable(),
  createdAt: z.string(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const planDetailSchema = z.object({
  plan: z.object({
    id: z.string(),
    agencyId: z.string(),
    status: z.enum(PLAN_STATUSES),
    returnNote: z.string().nullable(),
    submittedAt: z.string().nullable(),
    agreedAt: z.string().nullable(),
    updatedAt: z.string(),
  }),
  period: periodSchema,
  employee: personRef.extend({ unitId: z.string().nullable(), unitName: z.string().nullable(), positionName: z.string().nullable() }),
  supervisor: personRef.nullable(),
  items: z.array(planItemSchema),
  rating: ratingSchema.nullable(),
  notes: z.array(noteSchema),
  recommendations: z.array(recommendationSchema),
  /** What the viewer may do now; each false with the reason in `problems` where the state forbids it. */
  viewer: z.object({
    role: z.enum(['pegawai', 'atasan', 'admin', 'rekan']),
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canAgree: z.boolean(),
    canRealise: z.boolean(),
    canRate: z.boolean(),
    canNote: z.boolean(),
  }),
  /** For the supervisor and administrators only: input, never the rating. */
  input: z
    .object({
      peers: z.array(peerFeedbackSchema),
      publicEmployee: deskSummarySchema,
      publicUnit: deskSummarySchema.nullable(),
    })
    .nullable(),
  /** For the supervisor: what the period's other ratings leave for Baik or better (the warning is computed with core's distributionOutlook). */
  distribution: z
    .object({
      organisationRating: z.enum(ORGANISATION_RATINGS).nullable(),
      bounds: boundsSchema,
      expectedTotal: z.number().int(),
      others: z.record(z.string(), z.number().int()),
    })
    .nullable(),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const ratingResultSchema = z.object({
  detail: planDetailSchema,
  /** Set when the rating takes the last place for Baik or better, or goes beyond the bound. */
  warning: z.string().nullable(),
});

export const myEvaluationSchema = z.object({
  employee: personRef.extend({ unitName: z.string().nullable(), positionName: z.string().nullable(), supervisorName: z.string().nullable() }),
  periods: z.array(
    z.object({
      period: periodSchema,
      plan: z.object({ id: z.string(), status: z.enum(PLAN_STATUSES), predikat: predikatOut.nullable() }).nullable(),
    }),
  ),
  recommendations: z.array(recommendationSchema),
  /** Colleagues in the same unit with a plan in an open period: whom one may give peer input. */
  colleagues: z.array(z.object({ planId: z.string(), periodName: z.string(), name: z.string(), given: z.boolean() })),
  isSupervisor: z.boolean(),
});
export type MyEvaluation = z.infer<typeof myEvaluationSchema>;

export const staffPlanSchema = z.object({
  employee: personRef.extend({ unitName: z.string().nullable(), positionName: z.string().nullable() }),
  plan: z.object({ id: z.string(), status: z.enum(PLAN_STATUSES), predikat: predikatOut.nullable(), submittedAt: z.string().nullable() }).nullable(),
});
export const myStaffSchema = z.object({ period: periodSchema.nullable(), periods: z.array(periodSchema), staff: z.array(staffPlanSchema) });
export type MyStaff = z.infer<typeof myStaffSchema>;

export const deskLinkSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  employee: personRef.nullable(),
  label: z.string(),
  code: z.string(),
  url: z.string(),
  qrUrl: z.string(),
  active: z.boolean(),
  responses: z.number().int(),
  createdAt: z.string(),
});
export type DeskLink = z.infer<typeof deskLinkSchema>;

export const unitFeedbackSchema = z.object({ unitId: z.string(), unitName: z.string(), staff: z.number().int(), summary: deskSummarySchema });
export const publicFeedbackReportSchema = z.object({ period: periodSchema, units: z.array(unitFeedbackSchema) });
export type PublicFeedbackReport = z.infer<typeof publicFeedbackReportSchema>;

export const publicDeskSchema = z.object({
  code: z.string(),
  agencyName: z.string(),
  unitName: z.string(),
  label: z.string(),
  employee: z.object({ name: z.string(), positionName: z.string().nullable() }).nullable(),
  active: z.boolean(),
});
export type PublicDesk = z.infer<typeof publicDeskSchema>;

export const historyItemSchema = z.object({
  period: periodSchema,
  plan: z.object({ id: z.string(), status: z.enum(PLAN_STATUSES) }),
  predikat: predikatOut.nullable(),
  resultsRating: ratingOut.nullable(),
  behaviourRating: ratingOut.nullable(),
});
export const evaluationHistorySchema = z.object({ items: z.array(historyItemSchema), recommendations: z.array(recommendationSchema) });
export type EvaluationHistory = z.infer<typeof evaluationHistorySchema>;
