/**
 * Panel-scored components: rubric, assignments, declarations, scores, moderation and locking.
 * Request and response schemas shared by the server and the web.
 */
import { z } from 'zod';
import { AGGREGATION_METHODS, CANDIDATE_STATUS_LABELS, PANEL_LIMITS, type CandidateStatus } from '../panel-scoring.js';
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '../cat-correction.js';
import { email, personName, uuid } from './common.js';

export const ASSESSOR_KINDS = ['internal', 'akademisi', 'praktisi'] as const;
export type AssessorKind = (typeof ASSESSOR_KINDS)[number];
export const ASSESSOR_KIND_LABELS: Readonly<Record<AssessorKind, string>> = {
  internal: 'Internal instansi',
  akademisi: 'Akademisi (luar instansi)',
  praktisi: 'Praktisi (luar instansi)',
};

export const CANDIDATE_STATUSES = Object.keys(CANDIDATE_STATUS_LABELS) as CandidateStatus[];

export const REASON_MIN = 10;
const reason = (what: string) =>
  z
    .string({ message: `${what} wajib diisi` })
    .trim()
    .min(REASON_MIN, `${what} minimal ${REASON_MIN} karakter`)
    .max(PANEL_LIMITS.textMax, `${what} maksimal ${PANEL_LIMITS.textMax.toLocaleString('id-ID')} karakter`);

const key = (what: string) =>
  z
    .string({ message: `Kode ${what} wajib diisi` })
    .trim()
    .regex(/^[a-z][a-z0-9_]*$/, `Kode ${what} hanya huruf kecil, angka atau garis bawah, diawali huruf`)
    .max(PANEL_LIMITS.keyMax, `Kode ${what} maksimal ${PANEL_LIMITS.keyMax} karakter`);

const text = (what: string, max: number, min = 0) =>
  z
    .string({ message: `${what} harus teks` })
    .trim()
    .min(min, `${what} wajib diisi`)
    .max(max, `${what} maksimal ${max.toLocaleString('id-ID')} karakter`);

export const scaleLevelSchema = z.strictObject({
  value: z.number({ message: 'Nilai tingkat harus angka' }).int('Nilai tingkat harus bilangan bulat').min(0, 'Nilai tingkat minimal 0').max(PANEL_LIMITS.levelValueMax, `Nilai tingkat maksimal ${PANEL_LIMITS.levelValueMax}`),
  label: text('Sebutan tingkat', 60, 1),
  descriptor: text('Deskripsi tingkat', 500, 1),
});

export const criterionSchema = z.strictObject({
  key: key('kriteria'),
  name: text('Nama kriteria', PANEL_LIMITS.nameMax, 1),
  weight: z.number({ message: 'Bobot harus angka' }).gt(0, 'Bobot harus lebih dari 0').max(100, 'Bobot maksimal 100'),
  description: text('Uraian kriteria', PANEL_LIMITS.textMax).default(''),
  levelDescriptors: z.record(z.string().regex(/^\d{1,3}$/, 'Tingkat harus angka'), text('Deskripsi', 500)).optional(),
});

export const panelSettingsSchema = z.strictObject({
  aggregation: z.enum(AGGREGATION_METHODS, { message: 'Metode penggabungan nilai tidak dikenal' }),
  trim: z.number({ message: 'Jumlah nilai yang dibuang harus angka' }).int().min(0).max(7).default(1),
  spreadThreshold: z.number({ message: 'Batas selisih harus angka' }).min(0, 'Batas selisih minimal 0').max(100, 'Batas selisih maksimal 100'),
  minAssessors: z.number({ message: 'Jumlah penguji minimal harus angka' }).int('Jumlah penguji minimal harus bilangan bulat').min(1).max(PANEL_LIMITS.assessorsMax),
});

const rubricFields = {
  criteria: z.array(criterionSchema, { message: 'Kriteria wajib diisi' }).min(1, 'Isi minimal satu kriteria').max(PANEL_LIMITS.criteriaMax, `Maksimal ${PANEL_LIMITS.criteriaMax} kriteria`),
  levels: z.array(scaleLevelSchema, { message: 'Skala nilai wajib diisi' }).min(PANEL_LIMITS.levelsMin, `Skala minimal ${PANEL_LIMITS.levelsMin} tingkat`).max(PANEL_LIMITS.levelsMax, `Skala maksimal ${PANEL_LIMITS.levelsMax} tingkat`),
  settings: panelSettingsSchema,
};

export const createComponentBody = z.strictObject({
  stageKey: key('tahap'),
  componentKey: key('komponen').nullable(),
  ...rubricFields,
});
export type CreateComponentBody = z.infer<typeof createComponentBody>;

export const updateComponentBody = z.strictObject({ ...rubricFields, expectedVersion: z.number().int().min(1).optional() });
export type UpdateComponentBody = z.infer<typeof updateComponentBody>;

const ids = (what: string, max: number) =>
  z
    .array(uuid(), { message: `Pilih ${what}` })
    .min(1, `Pilih minimal satu ${what}`)
    .max(max, `Maksimal ${max} ${what} sekaligus`)
    .refine((list) => new Set(list).size === list.length, `${what} yang sama dipilih lebih dari sekali`);

export const assignBody = z.strictObject({ applicationIds: ids('peserta', 500), assessorIds: ids('penguji', PANEL_LIMITS.assessorsMax) });
export const endAssignmentBody = z.strictObject({ reason: reason('Alasan') });
export const replaceAssignmentBody = z.strictObject({ assessorId: uuid() });
export const absenceBody = z.discriminatedUnion('absent', [
  z.strictObject({ absent: z.literal(true), reason: reason('Keterangan ketidakhadiran') }),
  z.strictObject({ absent: z.literal(false), reason: reason('Alasan pembatalan') }),
]);
export const moderationBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('reopen'), assignmentId: uuid(), reason: reason('Alasan membuka kembali') }),
  z.strictObject({ action: z.literal('confirm'), reason: reason('Alasan konfirmasi') }),
]);
export const declarationBody = z.discriminatedUnion('conflict', [
  z.strictObject({ conflict: z.literal(false) }),
  z.strictObject({ conflict: z.literal(true), reason: reason('Uraian konflik kepentingan') }),
]);
export const scoreBody = z.strictObject({
  scores: z.record(z.string().max(PANEL_LIMITS.keyMax, 'Kode kriteria terlalu panjang'), z.number({ message: 'Nilai harus angka' })).refine((value) => Object.keys(value).length <= PANEL_LIMITS.criteriaMax, 'Terlalu banyak kriteria'),
  note: text('Catatan', 2000).default(''),
});
export type ScoreBody = z.infer<typeof scoreBody>;

export const componentQuery = z.object({
  q: z.string().trim().max(100, 'Pencarian maksimal 100 karakter').optional(),
  status: z.enum(CANDIDATE_STATUSES as [CandidateStatus, ...CandidateStatus[]], { message: 'Status tidak dikenal' }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const inviteAssessorBody = z.strictObject({
  email: email(),
  name: personName(),
  kind: z.enum(ASSESSOR_KINDS, { message: 'Jenis penguji tidak dikenal' }),
  institution: text('Asal lembaga', 150),
});
export const assessorProfileBody = inviteAssessorBody.pick({ kind: true, institution: true });

// ---------------------------------------------------------------------------------------------
// Responses

const person = z.object({ id: z.string(), name: z.string() });

export const assessorSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  kind: z.enum(ASSESSOR_KINDS),
  institution: z.string(),
  workload: z.number().int(),
});
export type Assessor = z.infer<typeof assessorSchema>;

const levelOut = z.object({ value: z.number(), label: z.string(), descriptor: z.string() });
const criterionOut = z.object({ key: z.string(), name: z.string(), weight: z.number(), description: z.string(), levelDescriptors: z.record(z.string(), z.string()) });
const settingsOut = z.object({ aggregation: z.enum(AGGREGATION_METHODS), trim: z.number(), spreadThreshold: z.number(), minAssessors: z.number() });

export const rubricSchema = z.object({ criteria: z.array(criterionOut), levels: z.array(levelOut) });

export const componentSummarySchema = z.object({
  id: z.string().nullable(),
  selectionId: z.string(),
  stageKey: z.string(),
  stageName: z.string(),
  componentKey: z.string().nullable(),
  name: z.string(),
  weight: z.number(),
  configured: z.boolean(),
  status: z.enum(['unconfigured', 'open', 'locked']),
  lockedAt: z.string().nullable(),
  progress: z.object({ active: z.number(), submitted: z.number(), absent: z.number() }),
});
export type ComponentSummary = z.infer<typeof componentSummarySchema>;

export const panelRoundSchema = z.object({
  selection: z.object({ id: z.string(), name: z.string(), type: z.string(), year: z.number(), status: z.string() }),
  components: z.array(componentSummarySchema),
});
export type PanelRound = z.infer<typeof panelRoundSchema>;

export const scoreOutSchema = z.object({
  status: z.enum(['submitted', 'reopened']),
  scores: z.record(z.string(), z.number()),
  /** The assessor's total on the scale, two decimals (display); aggregation uses the exact total. */
  total: z.number(),
  note: z.string(),
  submittedAt: z.string(),
  submissions: z.number(),
});

export const assignmentOutSchema = z.object({
  id: z.string(),
  assessor: z.object({ id: z.string(), name: z.string(), kind: z.enum(ASSESSOR_KINDS), institution: z.string() }),
  status: z.enum(['active', 'conflict', 'removed']),
  declaredAt: z.string().nullable(),
  conflictReason: z.string().nullable(),
  endReason: z.string().nullable(),
  endedAt: z.string().nullable(),
  replaces: z.string().nullable(),
  /** null: not submitted yet, or hidden from a viewer who has not submitted their own. */
  score: scoreOutSchema.nullable(),
  scoreHidden: z.boolean(),
});

export const candidateOutSchema = z.object({
  applicationId: z.string(),
  registrationNumber: z.string(),
  name: z.string(),
  formasi: z.string(),
  absent: z.boolean(),
  absentReason: z.string().nullable(),
  status: z.enum(CANDIDATE_STATUSES as [CandidateStatus, ...CandidateStatus[]]),
  /** Provisional while open (every active assessor submitted), published once locked. */
  score: z.number().nullable(),
  spread: z.number().nullable(),
  flagged: z.boolean(),
  confirmed: z.boolean(),
  /** The viewer is an assessor of this candidate who has not submitted: others' scores are hidden. */
  hidden: z.boolean(),
  assignments: z.array(assignmentOutSchema),
});
export type PanelCandidate = z.infer<typeof candidateOutSchema>;

export const moderationOutSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  candidate: z.object({ registrationNumber: z.string(), name: z.string() }),
  action: z.enum(['reopen', 'confirm']),
  assignmentId: z.string().nullable(),
  reason: z.string(),
  spread: z.number().nullable(),
  actor: person,
  createdAt: z.string(),
});

export const componentDetailSchema = z.object({
  component: z.object({
    id: z.string(),
    selection: z.object({ id: z.string(), name: z.string(), type: z.string() }),
    stageKey: z.string(),
    stageName: z.string(),
    componentKey: z.string().nullable(),
    name: z.string(),
    weight: z.number(),
    criteria: z.array(criterionOut),
    levels: z.array(levelOut),
    settings: settingsOut,
    min: z.number(),
    max: z.number(),
    status: z.enum(['open', 'locked']),
    version: z.number(),
    /** The rubric is frozen once a score was submitted. */
    rubricEditable: z.boolean(),
    lockedAt: z.string().nullable(),
    lockedBy: person.nullable(),
  }),
  waiting: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  candidates: z.array(candidateOutSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  moderations: z.array(moderationOutSchema),
  lock: z.object({ allowed: z.boolean(), issues: z.array(z.string()) }),
  can: z.object({ manage: z.boolean() }),
});
export type ComponentDetail = z.infer<typeof componentDetailSchema>;

export const myAssignmentSchema = z.object({
  id: z.string(),
  status: z.enum(['active', 'conflict', 'removed']),
  declaredAt: z.string().nullable(),
  conflictReason: z.string().nullable(),
  candidate: z.object({ applicationId: z.string(), registrationNumber: z.string(), name: z.string(), formasi: z.string(), absent: z.boolean(), absentReason: z.string().nullable() }),
  component: z.object({ id: z.string(), name: z.string(), stageName: z.string(), selectionName: z.string(), status: z.enum(['open', 'locked']) }),
  score: scoreOutSchema.nullable(),
});
export type MyAssignment = z.infer<typeof myAssignmentSchema>;

export const myAssignmentDetailSchema = z.object({
  assignment: myAssignmentSchema,
  rubric: rubricSchema,
  min: z.number(),
  max: z.number(),
  /** Other assessors' scores of this candidate: only once the viewer has submitted their own. */
  others: z.array(z.object({ assessorName: z.string(), status: z.enum(['pending', 'submitted', 'reopened']), total: z.number().nullable(), scores: z.record(z.string(), z.number()).nullable() })).nullable(),
  can: z.object({ declare: z.boolean(), score: z.boolean(), markAbsent: z.boolean() }),
});
export type MyAssignmentDetail = z.infer<typeof myAssignmentDetailSchema>;

/** An audited correction of a locked component score: the new score (checked against the component's scale by core) and why. */
export const panelCorrectionBody = z.strictObject({
  score: z.number({ message: 'Nilai koreksi harus berupa angka' }),
  reason: z
    .string({ message: 'Alasan koreksi wajib diisi' })
    .trim()
    .min(CORRECTION_REASON_MIN, `Alasan koreksi minimal ${CORRECTION_REASON_MIN} karakter`)
    .max(CORRECTION_REASON_MAX, `Alasan koreksi maksimal ${CORRECTION_REASON_MAX.toLocaleString('id-ID')} karakter`),
});
export type PanelCorrectionBody = z.infer<typeof panelCorrectionBody>;

export const candidateCorrectionsSchema = z.object({
  applicationId: z.string(),
  /** The score the panel locked, kept whatever the corrections. */
  originalScore: z.number(),
  /** The score the round integrates: the latest correction's, else the original. */
  score: z.number(),
  corrections: z.array(z.object({ id: z.string(), score: z.number(), previousScore: z.number(), reason: z.string(), actorId: z.string(), createdAt: z.string() })),
});
export type CandidateCorrectionsView = z.infer<typeof candidateCorrectionsSchema>;
