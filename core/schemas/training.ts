import { z } from 'zod';
import {
  ASN_FEEDBACK_STAGES,
  ATTENDANCE_STATUSES,
  ENROLMENT_METHODS,
  ENROLMENT_STATUSES,
  PROGRAMME_AUDIENCES,
  SCORE_MAX,
  isValidScore,
} from '../training.js';
import { zonedInstant } from './cat-sessions.js';
import { pageQuery, uuid } from './common.js';

export {
  ASN_FEEDBACK_QUESTIONS,
  ASN_FEEDBACK_STAGE_LABELS,
  ATTENDANCE_LABELS,
  ENROLMENT_METHOD_LABELS,
  ENROLMENT_STATUS_LABELS,
  PROGRAMME_AUDIENCE_LABELS,
  REACTION_QUESTIONS,
  SURVEY_SCALE,
  TRAINING_COMPETENCIES,
  type AsnFeedbackStage,
  type AttendanceStatus,
  type EnrolmentStatus,
  type ProgrammeAudience,
} from '../training.js';

const percent = (label: string) =>
  z
    .number({ message: `${label} harus berupa angka` })
    .min(0, `${label} minimal 0`)
    .max(100, `${label} maksimal 100`)
    .refine(isValidScore, `${label} paling banyak dua angka di belakang koma`);
const score = (label: string) =>
  z
    .number({ message: `${label} harus berupa angka` })
    .min(0, `${label} minimal 0`)
    .max(SCORE_MAX, `${label} maksimal ${SCORE_MAX}`)
    .refine(isValidScore, `${label} paling banyak dua angka di belakang koma`);

export const programmeBody = z.object({
  code: z
    .string()
    .trim()
    .min(2, 'Kode minimal 2 karakter')
    .max(20, 'Kode maksimal 20 karakter')
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'Kode hanya huruf, angka dan tanda hubung')
    .transform((value) => value.toUpperCase()),
  name: z.string().trim().min(3, 'Nama minimal 3 karakter').max(200, 'Nama maksimal 200 karakter'),
  description: z.string().trim().max(3000, 'Uraian maksimal 3.000 karakter').default(''),
  audience: z.enum(PROGRAMME_AUDIENCES, { message: 'Sasaran harus pegawai, peserta seleksi, atau keduanya' }).default('employee'),
  competencies: z
    .array(z.string().trim().min(2, 'Kompetensi minimal 2 karakter').max(80, 'Kompetensi maksimal 80 karakter'), { message: 'Kompetensi harus berupa daftar' })
    .min(1, 'Sebutkan minimal satu kompetensi yang dibangun')
    .max(10, 'Paling banyak 10 kompetensi')
    .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, 'Kompetensi tidak boleh berulang'),
  hours: z.number({ message: 'Jam pelajaran harus berupa angka' }).int('Jam pelajaran harus bilangan bulat').min(0, 'Jam pelajaran tidak boleh negatif').max(2000, 'Jam pelajaran maksimal 2.000'),
  minAttendancePercent: percent('Syarat kehadiran'),
  minPostTest: score('Syarat nilai post-test').nullable().default(null),
  isBasic: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type ProgrammeBody = z.infer<typeof programmeBody>;
export type ProgrammeBodyInput = z.input<typeof programmeBody>;

export const programmeListQuery = pageQuery.extend({
  active: z.enum(['true', 'false']).optional(),
  audience: z.enum(PROGRAMME_AUDIENCES).optional(),
  competency: z.string().trim().max(80).optional(),
});

const onlineUrl = z
  .string()
  .trim()
  .max(500, 'Tautan maksimal 500 karakter')
  .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), 'Tautan daring harus diawali http:// atau https://');

export const sessionBody = z
  .object({
    name: z.string().trim().min(3, 'Nama kelas minimal 3 karakter').max(200, 'Nama kelas maksimal 200 karakter'),
    trainerAccountId: uuid().nullable().default(null),
    venue: z.string().trim().max(300, 'Tempat maksimal 300 karakter').default(''),
    onlineUrl: onlineUrl.default(''),
    capacity: z.number({ message: 'Kapasitas harus berupa angka' }).int('Kapasitas harus bilangan bulat').min(1, 'Kapasitas minimal 1').max(2000, 'Kapasitas maksimal 2.000'),
  })
  .refine((body) => body.venue !== '' || body.onlineUrl !== '', { path: ['venue'], message: 'Isi tempat pelatihan atau tautan daring' });
export type SessionBody = z.infer<typeof sessionBody>;
export const createSessionBody = sessionBody.and(z.object({ programmeId: uuid() }));

export const sessionListQuery = pageQuery.extend({
  programmeId: uuid().optional(),
  status: z.enum(['open', 'closed']).optional(),
  /** Only the classes the signed-in trainer teaches. */
  mine: z.enum(['true', 'false']).optional(),
});

export const meetingBody = z
  .object({
    startsAt: zonedInstant(),
    endsAt: zonedInstant(),
    topic: z.string().trim().max(200, 'Topik maksimal 200 karakter').default(''),
  })
  .refine((body) => Date.parse(body.endsAt) > Date.parse(body.startsAt), { path: ['endsAt'], message: 'Selesai harus setelah mulai' })
  .refine((body) => Date.parse(body.endsAt) - Date.parse(body.startsAt) <= 12 * 3600_000, { path: ['endsAt'], message: 'Satu pertemuan paling lama 12 jam' });
export type MeetingBody = z.infer<typeof meetingBody>;

const reason = z.string().trim().max(500, 'Alasan maksimal 500 karakter');

export const enrolBody = z
  .object({
    programmeId: uuid(),
    sessionId: uuid().nullable().default(null),
    employeeId: uuid().optional(),
    applicationId: uuid().optional(),
    reason: reason.default(''),
  })
  .refine((body) => (body.employeeId ? 1 : 0) + (body.applicationId ? 1 : 0) === 1, { path: ['employeeId'], message: 'Pilih satu peserta: pegawai atau peserta seleksi' });
export type EnrolBody = z.infer<typeof enrolBody>;

export const enrolCandidatesBody = z.object({ programmeId: uuid(), sessionId: uuid().nullable().default(null), selectionId: uuid() });

export const requestBody = z.object({
  programmeId: uuid(),
  sessionId: uuid().nullable().default(null),
  reason: z.string().trim().min(10, 'Jelaskan kebutuhan pelatihan minimal 10 karakter').max(500, 'Alasan maksimal 500 karakter'),
});

export const approveBody = z.object({ sessionId: uuid().nullable().default(null), note: reason.default('') });
export const rejectBody = z.object({ note: z.string().trim().min(5, 'Tulis alasan penolakan minimal 5 karakter').max(500, 'Alasan maksimal 500 karakter') });
export const placeBody = z.object({ sessionId: uuid() });
export const cancelBody = z.object({ note: z.string().trim().min(5, 'Tulis alasan pembatalan minimal 5 karakter').max(500, 'Alasan maksimal 500 karakter') });

export const enrolmentListQuery = pageQuery.extend({
  programmeId: uuid().optional(),
  sessionId: uuid().optional(),
  employeeId: uuid().optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
});

export const attendanceBody = z.object({
  meetingId: uuid(),
  entries: z
    .array(z.object({ enrolmentId: uuid(), status: z.enum(ATTENDANCE_STATUSES, { message: 'Status kehadiran harus hadir, izin atau tidak hadir' }) }))
    .min(1, 'Isi kehadiran minimal satu peserta')
    .max(2000),
});

export const scoresBody = z.object({
  entries: z
    .array(z.object({ enrolmentId: uuid(), preTest: score('Nilai pre-test').nullable(), postTest: score('Nilai post-test').nullable() }))
    .min(1, 'Isi nilai minimal satu peserta')
    .max(2000),
});

const answers = z.record(z.string().max(40), z.unknown());
export const reactionBody = z.object({ answers, comment: z.string().trim().max(1000, 'Komentar maksimal 1.000 karakter').default('') });
export const asnFeedbackBody = z.object({
  stage: z.enum(ASN_FEEDBACK_STAGES, { message: 'Tahap survei tidak dikenal' }),
  answers,
  comment: z.string().trim().max(2000, 'Saran maksimal 2.000 karakter').default(''),
});

// ---- responses -------------------------------------------------------------------------------------

const surveySummary = z.object({
  respondents: z.number().int(),
  questions: z.array(z.object({ key: z.string(), text: z.string(), mean: z.number().nullable(), counts: z.array(z.number().int()) })),
  overall: z.number().nullable(),
});
export type SurveySummaryView = z.infer<typeof surveySummary>;

export const programmeStatsSchema = z.object({
  enrolments: z.number().int(),
  waiting: z.number().int(),
  inClass: z.number().int(),
  completion: z.object({ finished: z.number().int(), completed: z.number().int(), rate: z.number().nullable() }),
  gain: z.object({ n: z.number().int(), meanPre: z.number().nullable(), meanPost: z.number().nullable(), meanGain: z.number().nullable() }),
  reaction: surveySummary,
});
export type ProgrammeStats = z.infer<typeof programmeStatsSchema>;

export const programmeSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  audience: z.enum(PROGRAMME_AUDIENCES),
  competencies: z.array(z.string()),
  hours: z.number().int(),
  minAttendancePercent: z.number(),
  minPostTest: z.number().nullable(),
  isBasic: z.boolean(),
  active: z.boolean(),
  openSessions: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const meetingSchema = z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string(), topic: z.string(), recorded: z.number().int() });
export type Meeting = z.infer<typeof meetingSchema>;

export const sessionSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  programmeCode: z.string(),
  name: z.string(),
  trainer: z.object({ accountId: z.string(), name: z.string() }).nullable(),
  venue: z.string(),
  onlineUrl: z.string(),
  capacity: z.number().int(),
  seated: z.number().int(),
  status: z.enum(['open', 'closed']),
  meetings: z.number().int(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type TrainingSession = z.infer<typeof sessionSchema>;

export const enrolmentSchema = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  session: z.object({ id: z.string(), name: z.string(), status: z.enum(['open', 'closed']), startsAt: z.string().nullable(), endsAt: z.string().nullable() }).nullable(),
  participant: z.object({
    kind: z.enum(['employee', 'candidate']),
    name: z.string(),
    employeeId: z.string().nullable(),
    applicationId: z.string().nullable(),
    accountId: z.string().nullable(),
  }),
  method: z.enum(ENROLMENT_METHODS),
  status: z.enum(ENROLMENT_STATUSES),
  reason: z.string(),
  decisionNote: z.string(),
  preTest: z.number().nullable(),
  postTest: z.number().nullable(),
  attendancePercent: z.number().nullable(),
  outcomeNote: z.string(),
  completedAt: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  reactionDone: z.boolean(),
  createdAt: z.string(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const rosterEntrySchema = enrolmentSchema.extend({
  attendance: z.record(z.string(), z.enum(ATTENDANCE_STATUSES)),
  present: z.number().int(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const sessionDetailSchema = z.object({
  session: sessionSchema,
  programme: programmeSchema,
  meetings: z.array(meetingSchema),
  /** The class list with attendance; empty for a viewer who is not its trainer or an administrator. */
  roster: z.array(rosterEntrySchema),
  reaction: surveySummary.nullable(),
  can: z.object({ manage: z.boolean(), teach: z.boolean() }),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const programmeDetailSchema = z.object({ programme: programmeSchema, stats: programmeStatsSchema, can: z.object({ manage: z.boolean() }) });
export type ProgrammeDetail = z.infer<typeof programmeDetailSchema>;

export const certificateCheckSchema = z.object({
  number: z.string(),
  valid: z.boolean(),
  participantName: z.string(),
  programmeName: z.string(),
  hours: z.number().int(),
  sessionName: z.string(),
  agencyName: z.string(),
  completedAt: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export type CertificateCheck = z.infer<typeof certificateCheckSchema>;

export const asnFeedbackSummarySchema = z.object({
  selectionId: z.string(),
  stages: z.array(z.object({ stage: z.enum(ASN_FEEDBACK_STAGES), label: z.string(), summary: surveySummary, comments: z.array(z.object({ comment: z.string(), createdAt: z.string() })) })),
  appointed: z.number().int(),
});
export type AsnFeedbackSummary = z.infer<typeof asnFeedbackSummarySchema>;

export const pendingSurveySchema = z.object({
  agencyId: z.string(),
  agencyName: z.string(),
  employeeId: z.string(),
  stage: z.enum(ASN_FEEDBACK_STAGES),
  label: z.string(),
  questions: z.array(z.object({ key: z.string(), text: z.string() })),
});
export type PendingSurvey = z.infer<typeof pendingSurveySchema>;

export const trainerSchema = z.object({ accountId: z.string(), name: z.string(), email: z.string() });
