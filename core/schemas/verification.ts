/**
 * Administrative verification: request and response schemas shared by the server and the web.
 */
import { z } from 'zod';
import { CHECK_RESULTS } from '../verification.js';
import { uuid } from './common.js';

export const QUEUE_STATUSES = ['submitted', 'ms', 'tms', 'decided', 'all'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export const QUEUE_STATUS_LABELS: Readonly<Record<QueueStatus, string>> = {
  submitted: 'Belum diputuskan',
  ms: 'MS',
  tms: 'TMS',
  decided: 'Sudah diputuskan',
  all: 'Semua',
};

export const QUEUE_ASSIGNMENTS = ['any', 'me', 'unassigned'] as const;
export type QueueAssignment = (typeof QUEUE_ASSIGNMENTS)[number];
export const QUEUE_ASSIGNMENT_LABELS: Readonly<Record<QueueAssignment, string>> = {
  any: 'Semua',
  me: 'Dipegang saya',
  unassigned: 'Belum dipegang siapa pun',
};

/** The queue reports its total exactly up to this many, then "more than": counting 100,000 rows on every page costs more than the page. */
export const QUEUE_COUNT_CAP = 1000;

const flag = () =>
  z
    .enum(['1', '0', 'true', 'false'], { message: 'Nilai harus 1 atau 0' })
    .transform((value) => value === '1' || value === 'true')
    .optional();

export const queueQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100, 'Pencarian maksimal 100 karakter').optional(),
  selectionId: uuid().optional(),
  formasiId: uuid().optional(),
  status: z.enum(QUEUE_STATUSES, { message: 'Status tidak dikenal' }).default('submitted'),
  assigned: z.enum(QUEUE_ASSIGNMENTS, { message: 'Pilihan penanganan tidak dikenal' }).default('any'),
  /** A verifier's applications (managers looking at one verifier's work). */
  verifierId: uuid().optional(),
  /** Only applications flagged as likely duplicates. */
  flagged: flag(),
  /** Only applications with a TMS waiting for the second verifier (four-eyes). */
  awaitingConfirmation: flag(),
});
export type QueueQuery = z.input<typeof queueQuery>;

const person = z.object({ id: z.string(), name: z.string() });
const applicationStatus = z.enum(['draft', 'submitted', 'ms', 'tms']);

export const queueItemSchema = z.object({
  id: z.string(),
  registrationNumber: z.string().nullable(),
  applicantName: z.string().nullable(),
  status: applicationStatus,
  submittedAt: z.string().nullable(),
  selection: z.object({ id: z.string(), name: z.string() }),
  formasi: z.object({ id: z.string(), positionName: z.string(), unitName: z.string() }),
  flagCount: z.number().int(),
  assignedVerifier: person.nullable(),
  claimedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  awaitingConfirmation: z.boolean(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

export const queuePageSchema = z.object({
  items: z.array(queueItemSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Exact up to QUEUE_COUNT_CAP; with totalCapped, "more than" that. */
  total: z.number().int(),
  totalCapped: z.boolean(),
});
export type QueuePage = z.infer<typeof queuePageSchema>;

export const reasonSchema = z.object({ id: z.string(), code: z.string(), label: z.string(), active: z.boolean() });
export type VerificationReason = z.infer<typeof reasonSchema>;

export const createReasonBody = z.strictObject({
  code: z
    .string({ message: 'Kode wajib diisi' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Kode 2–40 karakter: huruf kecil, angka atau garis bawah, diawali huruf'),
  label: z.string({ message: 'Uraian wajib diisi' }).trim().min(3, 'Uraian minimal 3 karakter').max(200, 'Uraian maksimal 200 karakter'),
});

export const updateReasonBody = z
  .strictObject({
    label: z.string().trim().min(3, 'Uraian minimal 3 karakter').max(200, 'Uraian maksimal 200 karakter').optional(),
    active: z.boolean({ message: 'Aktif harus true atau false' }).optional(),
  })
  .refine((value) => value.label !== undefined || value.active !== undefined, 'Tidak ada yang diubah');

const requirementKey = () => z.string({ message: 'Kode persyaratan wajib diisi' }).min(1, 'Kode persyaratan wajib diisi').max(100, 'Kode persyaratan maksimal 100 karakter');

export const CHECK_NOTE_MAX = 1000;

export const saveChecksBody = z.strictObject({
  checks: z
    .array(
      z.strictObject({
        requirementKey: requirementKey(),
        result: z.enum(CHECK_RESULTS, { message: 'Hasil harus MS atau TMS' }),
        reasonCode: z.string().max(40, 'Kode alasan maksimal 40 karakter').nullable().default(null),
        reasonText: z.string().trim().max(CHECK_NOTE_MAX, `Catatan maksimal ${CHECK_NOTE_MAX.toLocaleString('id-ID')} karakter`).default(''),
      }),
    )
    .min(1, 'Isi sedikitnya satu pemeriksaan')
    .max(50, 'Maksimal 50 pemeriksaan sekaligus'),
});
export type SaveChecksBody = z.input<typeof saveChecksBody>;

export const confirmChecksBody = z.strictObject({
  requirementKeys: z.array(requirementKey()).min(1, 'Pilih sedikitnya satu persyaratan').max(50, 'Maksimal 50 persyaratan'),
});

export const decisionBody = z.strictObject({ decision: z.enum(['ms', 'tms'], { message: 'Keputusan harus ms atau tms' }) });

const applicationIds = (max: number) =>
  z
    .array(uuid())
    .min(1, 'Pilih sedikitnya satu pendaftaran')
    .max(max, `Maksimal ${max} pendaftaran sekaligus`)
    .refine((ids) => new Set(ids).size === ids.length, 'Pendaftaran yang sama dipilih lebih dari sekali');

export const assignBody = z.strictObject({
  applicationIds: applicationIds(500),
  /** null: release them back to the queue. */
  verifierId: uuid().nullable(),
});

export const bulkDecideBody = z.strictObject({ applicationIds: applicationIds(200) });

export const reopenBody = z.strictObject({
  reason: z.string({ message: 'Alasan wajib diisi' }).trim().min(10, 'Alasan minimal 10 karakter').max(1000, 'Alasan maksimal 1.000 karakter'),
});

export const bulkResultSchema = z.object({
  done: z.array(z.string()),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const progressQuery = z.object({ selectionId: uuid().optional() });

export const progressSchema = z.object({
  totals: z.object({
    submitted: z.number().int(),
    undecided: z.number().int(),
    unassigned: z.number().int(),
    ms: z.number().int(),
    tms: z.number().int(),
    awaitingConfirmation: z.number().int(),
  }),
  /** Every verifier of the agency, with what they hold and what they decided. */
  verifiers: z.array(z.object({ id: z.string(), name: z.string(), claimed: z.number().int(), decided: z.number().int(), ms: z.number().int(), tms: z.number().int() })),
});
export type Progress = z.infer<typeof progressSchema>;

const checkSchema = z.object({
  result: z.enum(CHECK_RESULTS),
  reasonCode: z.string().nullable(),
  reasonLabel: z.string().nullable(),
  reasonText: z.string(),
  verifier: person,
  decidedAt: z.string(),
  confirmedBy: person.nullable(),
  confirmedAt: z.string().nullable(),
});

export const workspaceSchema = z.object({
  application: z.object({
    id: z.string(),
    agencyId: z.string(),
    registrationNumber: z.string().nullable(),
    status: applicationStatus,
    submittedAt: z.string().nullable(),
    selection: z.object({ id: z.string(), name: z.string(), fourEyes: z.boolean(), resultPublished: z.boolean() }),
    formasi: z.object({ id: z.string(), positionName: z.string(), unitName: z.string(), kind: z.string() }),
    assignedVerifier: person.nullable(),
    claimedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedBy: person.nullable(),
  }),
  /** The profile as submitted; personal data masked unless the viewer verifies or administers this agency. */
  profile: z.object({
    masked: z.boolean(),
    name: z.string(),
    nik: z.string(),
    birthPlace: z.string(),
    birthDate: z.string(),
    sex: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string(),
    disability: z.string(),
    claims: z.array(z.string()),
    education: z.array(
      z.object({ level: z.string(), institution: z.string(), programme: z.string(), gpa: z.number().nullable(), diplomaNumber: z.string(), year: z.number().nullable() }),
    ),
  }),
  documents: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      mandatory: z.boolean(),
      formats: z.array(z.string()),
      file: z.object({ mime: z.string(), sizeBytes: z.number(), sha256: z.string(), uploadedAt: z.string() }).nullable(),
      /** Streams the file inline to staff of this agency; null when none was uploaded. */
      previewUrl: z.string().nullable(),
    }),
  ),
  flags: z.array(z.object({ kind: z.string(), detail: z.string(), otherApplicationId: z.string(), otherRegistrationNumber: z.string().nullable(), otherStatus: z.string().nullable() })),
  checklist: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['dokumen', 'syarat']), check: checkSchema.nullable() })),
  /** What the checks lead to, and what still stands in the way of each decision. */
  decision: z.object({
    suggested: z.enum(['ms', 'tms']).nullable(),
    pendingConfirmations: z.array(z.string()),
    msIssues: z.array(z.string()),
    tmsIssues: z.array(z.string()),
  }),
  /** What this viewer may do here. */
  can: z.object({ claim: z.boolean(), check: z.boolean(), decide: z.boolean(), confirm: z.boolean(), assign: z.boolean(), reopen: z.boolean() }),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const filtersSchema = z.object({
  selections: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      year: z.number().int(),
      fourEyes: z.boolean(),
      formasi: z.array(z.object({ id: z.string(), positionName: z.string(), unitName: z.string() })),
    }),
  ),
});
export type QueueFilters = z.infer<typeof filtersSchema>;
