import { z } from 'zod';
import {
  ASPIRATION_CATEGORIES,
  ASPIRATION_LIMITS,
  ASPIRATION_SOURCES,
  ASPIRATION_STATUSES,
  FORUM_LIMITS,
  FORUM_STATUSES,
  SLA_DAYS_MAX,
  SLA_DAYS_MIN,
} from '../aspirations.js';
import { email, pageQuery, personName, phone, uuid } from './common.js';

const category = () => z.enum(ASPIRATION_CATEGORIES, { error: 'Pilih kategori: rekrutmen, kualitas pelayanan, perilaku petugas, sarana, atau lainnya' });
const subject = () =>
  z
    .string({ error: 'Judul wajib diisi' })
    .trim()
    .min(ASPIRATION_LIMITS.subjectMin, `Judul minimal ${ASPIRATION_LIMITS.subjectMin} karakter`)
    .max(ASPIRATION_LIMITS.subjectMax, `Judul maksimal ${ASPIRATION_LIMITS.subjectMax} karakter`);
const body = () =>
  z
    .string({ error: 'Isi aspirasi atau pengaduan wajib diisi' })
    .trim()
    .min(ASPIRATION_LIMITS.bodyMin, `Uraian minimal ${ASPIRATION_LIMITS.bodyMin} karakter: ceritakan apa, di mana, dan kapan`)
    .max(ASPIRATION_LIMITS.bodyMax, `Uraian maksimal ${ASPIRATION_LIMITS.bodyMax.toLocaleString('id-ID')} karakter`);
const optional = <T extends z.ZodType>(schema: T) =>
  z
    .union([z.literal('').transform(() => null), schema])
    .nullable()
    .optional()
    .transform((value) => value ?? null);

/**
 * The text fields of a public submission (multipart/form-data, files after them). `website` is the
 * hidden field people never fill. An anonymous submission carries no name or contact.
 */
export const aspirationSubmissionFields = z
  .strictObject({
    agencyId: uuid(),
    category: category(),
    subject: subject(),
    body: body(),
    anonymous: z.enum(['0', '1', 'true', 'false'], { error: 'Pilihan anonim tidak valid' }).default('0').transform((value) => value === '1' || value === 'true'),
    name: optional(personName()),
    email: optional(email()),
    phone: optional(phone()),
    website: z.string().max(500).default(''),
  })
  .superRefine((value, context) => {
    if (value.anonymous) {
      for (const field of ['name', 'email', 'phone'] as const) {
        if (value[field]) context.addIssue({ code: 'custom', path: [field], message: 'Pengaduan anonim tidak menyertakan nama atau kontak; kosongkan isian ini atau batalkan pilihan anonim' });
      }
    } else if (!value.name) {
      context.addIssue({ code: 'custom', path: ['name'], message: 'Nama wajib diisi, atau pilih kirim secara anonim' });
    }
  });
export type AspirationSubmissionFields = z.infer<typeof aspirationSubmissionFields>;

export const trackAspirationBody = z.strictObject({ code: z.string({ error: 'Kode pelacakan wajib diisi' }).trim().min(1, 'Kode pelacakan wajib diisi').max(100, 'Kode pelacakan tidak valid') });

export const aspirationQuery = pageQuery.extend({
  status: z.enum(ASPIRATION_STATUSES).optional(),
  category: z.enum(ASPIRATION_CATEGORIES).optional(),
  source: z.enum(ASPIRATION_SOURCES).optional(),
  unitId: uuid().optional(),
  overdue: z.enum(['1', '0']).optional(),
});

const note = (label: string, max: number) => z.string().trim().max(max, `${label} maksimal ${max.toLocaleString('id-ID')} karakter`);

export const routeAspirationBody = z.strictObject({ unitId: uuid(), note: note('Catatan', 1000).default('') });
export const answerAspirationBody = z.strictObject({
  answer: z
    .string({ error: 'Jawaban wajib diisi' })
    .trim()
    .min(10, 'Jawaban minimal 10 karakter')
    .max(ASPIRATION_LIMITS.answerMax, `Jawaban maksimal ${ASPIRATION_LIMITS.answerMax.toLocaleString('id-ID')} karakter`),
});
export const closeAspirationBody = z.strictObject({ note: note('Catatan penutup', 1000).default('') });
export const aspirationNoteBody = z.strictObject({ note: z.string({ error: 'Catatan wajib diisi' }).trim().min(2, 'Catatan wajib diisi').max(2000, 'Catatan maksimal 2.000 karakter') });
export const aspirationSettingsBody = z.strictObject({
  slaDays: z
    .number({ error: 'Batas waktu harus berupa angka hari' })
    .int('Batas waktu harus bilangan bulat')
    .min(SLA_DAYS_MIN, `Batas waktu minimal ${SLA_DAYS_MIN} hari`)
    .max(SLA_DAYS_MAX, `Batas waktu maksimal ${SLA_DAYS_MAX} hari`),
});

const instant = () => z.iso.datetime({ offset: true, message: 'Waktu harus berformat ISO 8601 dengan zona waktu' }).transform((value) => new Date(value));
const forumFields = {
  title: z.string().trim().min(FORUM_LIMITS.titleMin, `Judul minimal ${FORUM_LIMITS.titleMin} karakter`).max(FORUM_LIMITS.titleMax, `Judul maksimal ${FORUM_LIMITS.titleMax} karakter`),
  agenda: z.string().trim().max(FORUM_LIMITS.agendaMax, `Agenda maksimal ${FORUM_LIMITS.agendaMax.toLocaleString('id-ID')} karakter`),
  venue: z.string().trim().min(3, 'Tempat minimal 3 karakter').max(FORUM_LIMITS.venueMax, `Tempat maksimal ${FORUM_LIMITS.venueMax} karakter`),
  scheduledAt: instant(),
};
export const createForumBody = z.strictObject({ ...forumFields, agenda: forumFields.agenda.default('') });
export const updateForumBody = z
  .strictObject({ ...forumFields, status: z.enum(['scheduled', 'cancelled'], { error: 'Status hanya dapat dijadwalkan atau dibatalkan' }) })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Tidak ada yang diubah');
export const forumMinutesBody = z.strictObject({
  minutes: z.string({ error: 'Notulen wajib diisi' }).trim().min(FORUM_LIMITS.minutesMin, `Notulen minimal ${FORUM_LIMITS.minutesMin} karakter`).max(FORUM_LIMITS.minutesMax, `Notulen maksimal ${FORUM_LIMITS.minutesMax.toLocaleString('id-ID')} karakter`),
  attendees: z.number({ error: 'Jumlah peserta harus berupa angka' }).int('Jumlah peserta harus bilangan bulat').min(0, 'Jumlah peserta tidak boleh negatif').max(FORUM_LIMITS.attendeesMax, 'Jumlah peserta terlalu besar'),
});
/** A follow-up: an existing aspiration brought to the forum, or a new one raised there. */
export const forumFollowupBody = z.union([
  z.strictObject({ aspirationId: uuid() }),
  z.strictObject({ category: category(), subject: subject(), body: body(), unitId: uuid().nullable().default(null) }),
]);
export const forumQuery = pageQuery.extend({ status: z.enum(FORUM_STATUSES).optional(), when: z.enum(['upcoming', 'past']).optional() });
export const publicForumQuery = pageQuery.extend({ agencyId: uuid().optional(), when: z.enum(['upcoming', 'past']).default('upcoming') });

// ---- responses -----------------------------------------------------------------------------------

export const aspirationReceiptSchema = z.object({ reference: z.string(), trackingCode: z.string(), receivedAt: z.string(), dueAt: z.string(), agencyName: z.string() });

const publicEvent = z.object({ kind: z.string(), message: z.string(), at: z.string() });

export const trackedAspirationSchema = z.object({
  reference: z.string(),
  agencyName: z.string(),
  category: z.enum(ASPIRATION_CATEGORIES),
  subject: z.string(),
  status: z.enum(ASPIRATION_STATUSES),
  unitName: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  timeline: z.array(publicEvent),
});
export type TrackedAspiration = z.infer<typeof trackedAspirationSchema>;

export const aspirationListItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.enum(ASPIRATION_SOURCES),
  category: z.enum(ASPIRATION_CATEGORIES),
  subject: z.string(),
  anonymous: z.boolean(),
  status: z.enum(ASPIRATION_STATUSES),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  attachments: z.number().int(),
});
export type AspirationListItem = z.infer<typeof aspirationListItemSchema>;

export const aspirationSchema = aspirationListItemSchema.extend({
  body: z.string(),
  reporter: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string(), sizeBytes: z.number().int(), mime: z.string(), downloadUrl: z.string() })),
  timeline: z.array(publicEvent.extend({ public: z.boolean(), actorName: z.string().nullable() })),
  forums: z.array(z.object({ id: z.string(), title: z.string(), scheduledAt: z.string() })),
});
export type Aspiration = z.infer<typeof aspirationSchema>;

export const aspirationSummarySchema = z.object({
  slaDays: z.number().int(),
  total: z.number().int(),
  open: z.number().int(),
  overdueOpen: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  medianDaysToClose: z.number().nullable(),
  meanDaysToClose: z.number().nullable(),
  byStatus: z.array(z.object({ status: z.enum(ASPIRATION_STATUSES), count: z.number().int() })),
  byCategory: z.array(z.object({ category: z.enum(ASPIRATION_CATEGORIES), count: z.number().int(), open: z.number().int(), medianDaysToClose: z.number().nullable() })),
});
export type AspirationSummary = z.infer<typeof aspirationSummarySchema>;

export const forumSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  title: z.string(),
  agenda: z.string(),
  venue: z.string(),
  scheduledAt: z.string(),
  status: z.enum(FORUM_STATUSES),
  minutes: z.string().nullable(),
  attendees: z.number().int().nullable(),
  minutesRecordedAt: z.string().nullable(),
  followups: z.array(aspirationListItemSchema),
  createdAt: z.string(),
});
export type Forum = z.infer<typeof forumSchema>;
export const forumListItemSchema = forumSchema.omit({ followups: true, minutes: true }).extend({ followupCount: z.number().int(), hasMinutes: z.boolean() });
export type ForumListItem = z.infer<typeof forumListItemSchema>;

export const publicForumSchema = z.object({
  id: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  agenda: z.string(),
  venue: z.string(),
  scheduledAt: z.string(),
  status: z.enum(FORUM_STATUSES),
  minutes: z.string().nullable(),
  attendees: z.number().int().nullable(),
  followups: z.array(z.object({ reference: z.string(), subject: z.string(), status: z.enum(ASPIRATION_STATUSES) })),
});
export type PublicForum = z.infer<typeof publicForumSchema>;
