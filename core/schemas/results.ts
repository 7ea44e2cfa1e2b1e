/**
 * Final results (integration, ranking, objections, optimisation, integrity proof): request and
 * response schemas shared by the server and the web.
 */
import { z } from 'zod';
import { FINAL_LISTS, FINAL_OBJECTION_LIMITS, OFFER_DEFAULTS } from '../final-results.js';
import { RANKING_STATUSES } from '../ranking.js';
import { SANGGAH_STATUSES } from '../sanggah.js';
import { uuid } from './common.js';

export const LIST_VIEWS = ['preview', ...FINAL_LISTS] as const;
export type ListView = (typeof LIST_VIEWS)[number];

export const LIST_VIEW_LABELS: Readonly<Record<ListView, string>> = {
  preview: 'Pratinjau (belum diumumkan)',
  akhir: 'Hasil akhir',
  akhir_pasca_sanggah: 'Hasil akhir pasca sanggah',
};

const note = () => z.string({ message: 'Catatan harus teks' }).trim().max(2000, 'Catatan maksimal 2.000 karakter').default('');
export const publishFinalBody = z.strictObject({ note: note() });

export const rankingQuery = z.object({
  list: z.enum(LIST_VIEWS, { message: 'Daftar tidak dikenal' }).default('preview'),
  formasiId: uuid().optional(),
  status: z.enum(RANKING_STATUSES, { message: 'Status tidak dikenal' }).optional(),
  q: z.string().trim().max(100, 'Pencarian maksimal 100 karakter').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const reason = (what: string) =>
  z
    .string({ message: `${what} wajib diisi` })
    .trim()
    .min(FINAL_OBJECTION_LIMITS.answerMin, `${what} minimal ${FINAL_OBJECTION_LIMITS.answerMin} karakter`)
    .max(FINAL_OBJECTION_LIMITS.answerMax, `${what} maksimal ${FINAL_OBJECTION_LIMITS.answerMax.toLocaleString('id-ID')} karakter`);

export const disqualifyBody = z.strictObject({ applicationId: uuid(), reason: reason('Alasan diskualifikasi') });
export const undoDisqualifyBody = z.strictObject({ reason: reason('Alasan pembatalan') });

const publication = z.object({
  stageResultId: z.string(),
  publishedAt: z.string(),
  announcementId: z.string().nullable(),
  resultHash: z.string(),
  objectionOpensAt: z.string().nullable(),
  objectionClosesAt: z.string().nullable(),
  answerDueAt: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  publishedBy: z.string().nullable(),
});

const stageSchema = z.object({
  key: z.string(),
  name: z.string(),
  weight: z.number(),
  components: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number(), kind: z.enum(['cat', 'panel']) })),
});

const allowed = z.object({ allowed: z.boolean(), issues: z.array(z.string()) });

export const optimisationSummarySchema = z.object({
  started: z.boolean(),
  startedAt: z.string().nullable(),
  offerDays: z.number().nullable(),
  unfilled: z.number(),
  pending: z.number(),
  accepted: z.number(),
  declined: z.number(),
  expired: z.number(),
});

export const finalOverviewSchema = z.object({
  selection: z.object({ id: z.string(), name: z.string(), type: z.string(), year: z.number(), timezone: z.string() }),
  stages: z.array(stageSchema),
  preview: z.object({ issues: z.array(z.string()), finalists: z.number(), ranked: z.number(), eliminated: z.number() }),
  akhir: publication.nullable(),
  pascaSanggah: publication.nullable(),
  objections: z.object({ diajukan: z.number(), diterima: z.number(), ditolak: z.number() }),
  disqualified: z.number(),
  optimisation: optimisationSummarySchema,
  can: z.object({ publish: allowed, publishPostObjection: allowed, startOptimisation: allowed }),
});
export type FinalOverview = z.infer<typeof finalOverviewSchema>;

export const finalOverviewListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), year: z.number(), published: z.enum(['belum', 'akhir', 'akhir_pasca_sanggah']), publishedAt: z.string().nullable() })),
});

const leafSchema = z.object({ key: z.string(), name: z.string(), max: z.number().nullable() });

export const rankingLineSchema = z.object({
  applicationId: z.string(),
  registrationNumber: z.string(),
  name: z.string(),
  formasiId: z.string(),
  formasi: z.string(),
  rank: z.number().nullable(),
  status: z.enum(RANKING_STATUSES).nullable(),
  finalScore: z.string().nullable(),
  scores: z.record(z.string(), z.string().nullable()),
  decidedByAbove: z.string().nullable(),
  decidedByBelow: z.string().nullable(),
  missing: z.array(z.string()),
});
export type RankingLine = z.infer<typeof rankingLineSchema>;

export const rankingPageSchema = z.object({
  list: z.enum(LIST_VIEWS),
  resultHash: z.string().nullable(),
  issues: z.array(z.string()),
  leaves: z.array(leafSchema),
  formations: z.array(z.object({ id: z.string(), label: z.string(), count: z.number(), places: z.number() })),
  items: z.array(rankingLineSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type RankingPage = z.infer<typeof rankingPageSchema>;

export const disqualificationListSchema = z.object({
  items: z.array(z.object({ applicationId: z.string(), registrationNumber: z.string(), name: z.string(), reason: z.string(), createdAt: z.string(), createdBy: z.string().nullable() })),
});

// ---- Objections -----------------------------------------------------------------------------

export const fileFinalObjectionBody = z.strictObject({
  item: z.string({ message: 'Pilih nilai atau data yang disanggah' }).trim().min(1, 'Pilih nilai atau data yang disanggah').max(100, 'Kode tidak dikenal'),
  claimedValue: z.union([z.number({ message: 'Nilai harus angka' }).finite('Nilai harus angka'), z.string().trim().max(10, 'Tanggal ditulis TTTT-BB-HH')], { message: 'Tuliskan nilai atau data yang menurut Anda benar' }),
  reason: z
    .string({ message: 'Alasan sanggah wajib diisi' })
    .trim()
    .min(FINAL_OBJECTION_LIMITS.reasonMin, `Alasan minimal ${FINAL_OBJECTION_LIMITS.reasonMin} karakter`)
    .max(FINAL_OBJECTION_LIMITS.reasonMax, `Alasan maksimal ${FINAL_OBJECTION_LIMITS.reasonMax.toLocaleString('id-ID')} karakter`),
});
export type FileFinalObjectionBody = z.infer<typeof fileFinalObjectionBody>;

export const answerFinalObjectionBody = z.strictObject({ answer: reason('Jawaban') });

export const finalObjectionListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100, 'Pencarian maksimal 100 karakter').optional(),
  status: z.enum(SANGGAH_STATUSES, { message: 'Status tidak dikenal' }).optional(),
  selectionId: uuid().optional(),
});

export const finalObjectionSchema = z.object({
  id: z.string(),
  status: z.enum(SANGGAH_STATUSES),
  item: z.string(),
  itemLabel: z.string(),
  claimedValue: z.union([z.number(), z.string()]),
  publishedValue: z.union([z.number(), z.string()]).nullable(),
  recordedValue: z.union([z.number(), z.string()]).nullable(),
  reason: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  application: z.object({ id: z.string(), registrationNumber: z.string(), name: z.string(), formasi: z.string() }),
  selection: z.object({ id: z.string(), name: z.string() }),
  objectionClosesAt: z.string().nullable(),
  answerDueAt: z.string().nullable(),
});
export type FinalObjection = z.infer<typeof finalObjectionSchema>;

export const finalObjectionPageSchema = z.object({ items: z.array(finalObjectionSchema), total: z.number(), page: z.number(), pageSize: z.number() });
export const finalObjectionDetailSchema = z.object({ objection: finalObjectionSchema, can: z.object({ answer: z.boolean() }) });

// ---- The applicant's view -------------------------------------------------------------------

const offerSchema = z.object({
  id: z.string(),
  status: z.enum(['pending', 'accepted', 'declined', 'expired']),
  formasi: z.string(),
  basis: z.string(),
  basisLabel: z.string(),
  offeredAt: z.string(),
  expiresAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type OptimisationOfferView = z.infer<typeof offerSchema>;

export const applicantFinalResultSchema = z.object({
  application: z.object({ id: z.string(), registrationNumber: z.string().nullable(), selectionName: z.string(), formasi: z.string(), agencyTimezone: z.string() }),
  published: z.boolean(),
  list: z.enum(FINAL_LISTS).nullable(),
  line: rankingLineSchema.nullable(),
  leaves: z.array(leafSchema),
  weights: z.array(stageSchema),
  resultHash: z.string().nullable(),
  announcementId: z.string().nullable(),
  publishedAt: z.string().nullable(),
  objectionClosesAt: z.string().nullable(),
  canObject: z.boolean(),
  objectionRefusal: z.string().nullable(),
  objection: finalObjectionSchema.nullable(),
  items: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['score', 'ipk', 'birthDate']), published: z.union([z.number(), z.string()]).nullable() })),
  offer: offerSchema.nullable(),
  letterAvailable: z.boolean(),
  /** The code in the result letter's QR, for sharing the public check. */
  letterCode: z.string().nullable(),
});
export type ApplicantFinalResult = z.infer<typeof applicantFinalResultSchema>;

// ---- Optimisation ---------------------------------------------------------------------------

export const startOptimisationBody = z.strictObject({
  offerDays: z
    .number({ message: 'Batas waktu tawaran harus angka (hari)' })
    .int('Batas waktu tawaran dalam hari penuh')
    .min(OFFER_DEFAULTS.minDays, `Batas waktu tawaran minimal ${OFFER_DEFAULTS.minDays} hari`)
    .max(OFFER_DEFAULTS.maxDays, `Batas waktu tawaran maksimal ${OFFER_DEFAULTS.maxDays} hari`)
    .default(OFFER_DEFAULTS.days),
});

export const optimisationViewSchema = z.object({
  summary: optimisationSummarySchema,
  places: z.array(z.object({ formasiId: z.string(), formasi: z.string(), count: z.number(), filled: z.number(), unfilled: z.number(), accepted: z.number(), pending: z.number(), uncovered: z.number() })),
  offers: z.array(
    offerSchema.extend({
      applicationId: z.string(),
      registrationNumber: z.string(),
      name: z.string(),
      fromFormasi: z.string(),
      rank: z.number().nullable(),
      finalScore: z.string().nullable(),
    }),
  ),
});
export type OptimisationView = z.infer<typeof optimisationViewSchema>;

export const myOffersSchema = z.object({ items: z.array(offerSchema.extend({ selectionName: z.string(), applicationId: z.string(), agencyTimezone: z.string() })) });

// ---- Integrity ------------------------------------------------------------------------------

export const verificationReportSchema = z.object({
  selection: z.object({ id: z.string(), name: z.string() }),
  checkedAt: z.string(),
  lists: z.array(
    z.object({
      list: z.enum(FINAL_LISTS),
      publishedAt: z.string(),
      announcedHash: z.string(),
      storedHash: z.string(),
      recomputedHash: z.string(),
      lines: z.number(),
      ok: z.boolean(),
      differences: z.array(z.object({ registrationNumber: z.string(), name: z.string(), field: z.string(), published: z.string(), recomputed: z.string() })),
      notes: z.array(z.string()),
    }),
  ),
  ok: z.boolean(),
});
export type VerificationReport = z.infer<typeof verificationReportSchema>;

export const publicResultCheckSchema = z.object({
  valid: z.literal(true),
  current: z.boolean(),
  agencyName: z.string(),
  selectionName: z.string(),
  list: z.enum(FINAL_LISTS),
  publishedAt: z.string(),
  registrationNumber: z.string(),
  name: z.string(),
  formasi: z.string(),
  rank: z.number().nullable(),
  status: z.enum(RANKING_STATUSES),
  statusLabel: z.string(),
  finalScore: z.string().nullable(),
  optimisation: z.object({ formasi: z.string() }).nullable(),
  resultHash: z.string(),
  announcementId: z.string().nullable(),
  agencyTimezone: z.string(),
});
export type PublicResultCheck = z.infer<typeof publicResultCheckSchema>;

export const letterCode = () => z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'Kode surat hasil tidak sah');
