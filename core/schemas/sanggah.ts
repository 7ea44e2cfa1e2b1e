/**
 * The administrative result and objections (sanggah): request and response schemas shared by the
 * server and the web.
 */
import { z } from 'zod';
import { SANGGAH_LIMITS, SANGGAH_STATUSES, type SanggahStatus } from '../sanggah.js';
import { uuid } from './common.js';

export const SANGGAH_STATUS_LABELS: Readonly<Record<SanggahStatus, string>> = {
  diajukan: 'Diajukan',
  diterima: 'Diterima',
  ditolak: 'Ditolak',
};

export const STAGE_LABELS = {
  administrasi: 'Hasil seleksi administrasi',
  administrasi_pasca_sanggah: 'Hasil seleksi administrasi pasca sanggah',
} as const;

const requirementKeys = () =>
  z
    .array(z.string({ message: 'Kode persyaratan harus teks' }).min(1, 'Kode persyaratan wajib diisi').max(100, 'Kode persyaratan maksimal 100 karakter'), {
      message: 'Pilih persyaratan yang disanggah',
    })
    .min(1, 'Pilih sedikitnya satu persyaratan yang disanggah')
    .max(SANGGAH_LIMITS.keysMax, `Maksimal ${SANGGAH_LIMITS.keysMax} persyaratan`)
    .refine((keys) => new Set(keys).size === keys.length, 'Persyaratan yang sama dipilih lebih dari sekali');

export const fileSanggahBody = z.strictObject({
  reason: z
    .string({ message: 'Alasan sanggah wajib diisi' })
    .trim()
    .min(SANGGAH_LIMITS.reasonMin, `Alasan minimal ${SANGGAH_LIMITS.reasonMin} karakter`)
    .max(SANGGAH_LIMITS.reasonMax, `Alasan maksimal ${SANGGAH_LIMITS.reasonMax.toLocaleString('id-ID')} karakter`),
  requirementKeys: requirementKeys(),
});
export type FileSanggahBody = z.infer<typeof fileSanggahBody>;

const answer = () => z.string({ message: 'Jawaban harus teks' }).trim().max(SANGGAH_LIMITS.answerMax, `Jawaban maksimal ${SANGGAH_LIMITS.answerMax.toLocaleString('id-ID')} karakter`);

/** Accepting may carry a note; rejecting must say why. */
export const acceptSanggahBody = z.strictObject({ answer: answer().default('') });
export const rejectSanggahBody = z.strictObject({
  answer: answer().min(SANGGAH_LIMITS.answerMin, `Jawaban penolakan wajib diisi, minimal ${SANGGAH_LIMITS.answerMin} karakter`),
});

export const sanggahListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100, 'Pencarian maksimal 100 karakter').optional(),
  status: z.enum(SANGGAH_STATUSES, { message: 'Status tidak dikenal' }).optional(),
  selectionId: uuid().optional(),
});

const person = z.object({ id: z.string(), name: z.string() });
const labelledKey = z.object({ key: z.string(), label: z.string() });

export const sanggahSchema = z.object({
  id: z.string(),
  status: z.enum(SANGGAH_STATUSES),
  reason: z.string(),
  requirements: z.array(labelledKey),
  answer: z.string().nullable(),
  answeredBy: person.nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  application: z.object({
    id: z.string(),
    registrationNumber: z.string().nullable(),
    applicantName: z.string().nullable(),
    status: z.string(),
    formasi: z.string(),
  }),
  selection: z.object({ id: z.string(), name: z.string() }),
  objectionClosesAt: z.string().nullable(),
});
export type Sanggah = z.infer<typeof sanggahSchema>;

export const sanggahPageSchema = z.object({ items: z.array(sanggahSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** The panel's view of one objection: with the application's whole checklist. */
export const sanggahDetailSchema = z.object({
  sanggah: sanggahSchema,
  checklist: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      result: z.enum(['MS', 'TMS']).nullable(),
      reasonLabel: z.string().nullable(),
      reasonText: z.string(),
      verifier: z.string().nullable(),
    }),
  ),
  can: z.object({ answer: z.boolean() }),
});
export type SanggahDetail = z.infer<typeof sanggahDetailSchema>;

const stageSchema = z.object({
  id: z.string(),
  publishedAt: z.string(),
  announcementId: z.string().nullable(),
  resultHash: z.string(),
  objectionOpensAt: z.string().nullable(),
  objectionClosesAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});
export type StageResultView = z.infer<typeof stageSchema>;

const readiness = z.object({ allowed: z.boolean(), issues: z.array(z.string()) });

export const resultOverviewSchema = z.object({
  selection: z.object({ id: z.string(), name: z.string(), year: z.number().int(), type: z.string(), registrationClosesAt: z.string().nullable() }),
  settings: z.object({ fourEyes: z.boolean(), objectionDays: z.number().int() }),
  counts: z.object({ total: z.number().int(), undecided: z.number().int(), ms: z.number().int(), tms: z.number().int() }),
  objections: z.object({ diajukan: z.number().int(), diterima: z.number().int(), ditolak: z.number().int() }),
  administrative: stageSchema.nullable(),
  postObjection: stageSchema.nullable(),
  /** PermenPANRB 27/2021: the post-objection result within 7 days after the window closes. */
  postObjectionDueAt: z.string().nullable(),
  publish: z.object({ administrative: readiness, postObjection: readiness }),
});
export type ResultOverview = z.infer<typeof resultOverviewSchema>;

export const resultListSchema = z.object({ items: z.array(resultOverviewSchema) });

export const publishBody = z.strictObject({
  /** An optional paragraph added to the announcement's text. */
  note: z.string().trim().max(2000, 'Catatan maksimal 2.000 karakter').default(''),
});

export const applicantResultSchema = z.object({
  application: z.object({
    id: z.string(),
    registrationNumber: z.string().nullable(),
    selectionName: z.string(),
    formasi: z.object({ positionName: z.string(), unitName: z.string() }),
    agencyTimezone: z.string(),
  }),
  /** false until the administrative result is announced: nothing of the decision shows before. */
  published: z.boolean(),
  administrative: z
    .object({
      decision: z.enum(['ms', 'tms']),
      publishedAt: z.string(),
      announcementId: z.string().nullable(),
      resultHash: z.string(),
      objectionOpensAt: z.string().nullable(),
      objectionClosesAt: z.string().nullable(),
    })
    .nullable(),
  /** The requirements found TMS, each with its reason, as they stand now. */
  reasons: z.array(z.object({ key: z.string(), label: z.string(), reasonLabel: z.string().nullable(), reasonText: z.string() })),
  objection: z
    .object({
      id: z.string(),
      status: z.enum(SANGGAH_STATUSES),
      reason: z.string(),
      requirements: z.array(labelledKey),
      answer: z.string().nullable(),
      createdAt: z.string(),
      answeredAt: z.string().nullable(),
    })
    .nullable(),
  /** The decision as it stands now (after an answered objection), before the post-objection result makes it official. */
  currentDecision: z.enum(['ms', 'tms']).nullable(),
  /** Whether an objection may be filed now, and if not, why. */
  canObject: z.boolean(),
  objectionRefusal: z.string().nullable(),
  postObjection: z.object({ decision: z.enum(['ms', 'tms']), publishedAt: z.string(), announcementId: z.string().nullable(), resultHash: z.string() }).nullable(),
});
export type ApplicantResult = z.infer<typeof applicantResultSchema>;
