import { z } from 'zod';
import { OUTREACH_AUDIENCES, OUTREACH_CAPACITY_MAX, OUTREACH_EVENT_STATUSES, OUTREACH_KINDS, REGISTRATION_STATUSES, eventIssues } from '../outreach.js';
import { email, pageQuery, personName, phone } from './common.js';

export { OUTREACH_MATERIAL_MAX_BYTES, OUTREACH_MAX_MATERIALS } from '../outreach.js';

const instant = () => z.iso.datetime({ offset: true, message: 'Waktu harus berformat ISO 8601 dengan zona waktu' }).transform((value) => new Date(value));
const audiences = () =>
  z
    .array(z.enum(OUTREACH_AUDIENCES, { message: 'Kelompok peserta harus pelajar, mahasiswa atau umum' }))
    .min(1, 'Pilih minimal satu kelompok peserta')
    .max(OUTREACH_AUDIENCES.length)
    .refine((list) => new Set(list).size === list.length, 'Kelompok peserta tidak boleh berulang');
const onlineUrl = () =>
  z
    .string()
    .trim()
    .max(500, 'Tautan maksimal 500 karakter')
    .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), 'Tautan daring harus alamat http:// atau https:// yang valid');

const eventFields = {
  title: z.string().trim().min(5, 'Judul minimal 5 karakter').max(200, 'Judul maksimal 200 karakter'),
  description: z.string().trim().max(10_000, 'Deskripsi maksimal 10.000 karakter'),
  kind: z.enum(OUTREACH_KINDS, { message: 'Jenis acara harus seminar, workshop atau sosialisasi' }),
  audiences: audiences(),
  venue: z.string().trim().max(300, 'Tempat maksimal 300 karakter'),
  onlineUrl: onlineUrl().nullable(),
  startsAt: instant(),
  endsAt: instant(),
  registrationClosesAt: instant().nullable(),
  capacity: z.number({ message: 'Kapasitas harus berupa angka' }).int('Kapasitas harus bilangan bulat').min(1, 'Kapasitas minimal 1 orang').max(OUTREACH_CAPACITY_MAX, `Kapasitas maksimal ${OUTREACH_CAPACITY_MAX.toLocaleString('id-ID')} orang`),
};

export const createOutreachEventBody = z
  .strictObject({
    ...eventFields,
    description: eventFields.description.default(''),
    kind: eventFields.kind.default('seminar'),
    venue: eventFields.venue.default(''),
    onlineUrl: eventFields.onlineUrl.optional().transform((value) => value || null),
    registrationClosesAt: eventFields.registrationClosesAt.optional().transform((value) => value ?? null),
  })
  .superRefine((event, context) => {
    // Zod still runs this when a field failed (that field's value is then the raw input).
    if (!(event.startsAt instanceof Date) || !(event.endsAt instanceof Date) || !(event.registrationClosesAt === null || event.registrationClosesAt instanceof Date)) return;
    for (const issue of eventIssues(event)) context.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  });

/** Any subset of the fields; the whole event is checked again after merging (server side). */
export const updateOutreachEventBody = z
  .strictObject(eventFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Tidak ada yang diubah');

export const outreachRegistrationBody = z.strictObject({
  name: personName(),
  email: email(),
  phone: z
    .union([z.literal('').transform(() => null), phone()])
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  audience: z.enum(OUTREACH_AUDIENCES, { message: 'Pilih kelompok peserta: pelajar, mahasiswa atau umum' }),
  institution: z.string().trim().max(150, 'Nama sekolah/kampus/instansi maksimal 150 karakter').default(''),
});

export const checkInBody = z.strictObject({
  code: z.string().trim().min(1, 'Isi kode presensi atau pindai QR').max(500, 'Kode presensi terlalu panjang'),
});

export const ticketKeyQuery = z.object({ kunci: z.string().min(10, 'Kunci tautan tidak valid').max(100, 'Kunci tautan tidak valid') });
export const cancelRegistrationBody = z.strictObject({ kunci: z.string().min(10, 'Kunci tautan tidak valid').max(100, 'Kunci tautan tidak valid') });

export const staffEventQuery = pageQuery.extend({ status: z.enum(OUTREACH_EVENT_STATUSES).optional() });
export const publicEventQuery = pageQuery.extend({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  agencyId: z.uuid({ message: 'harus berupa UUID yang valid' }).optional(),
  audience: z.enum(OUTREACH_AUDIENCES).optional(),
});
export const registrationQuery = pageQuery.extend({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  audience: z.enum(OUTREACH_AUDIENCES).optional(),
});

// ---- responses -------------------------------------------------------------------------------------

const counts = z.object({ registered: z.number().int(), waitlisted: z.number().int(), cancelled: z.number().int(), attended: z.number().int() });

export const materialSchema = z.object({ id: z.string(), title: z.string(), fileName: z.string(), sizeBytes: z.number().int(), sha256: z.string(), downloadUrl: z.string() });

export const outreachEventSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.string(),
  audiences: z.array(z.string()),
  venue: z.string(),
  onlineUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  registrationClosesAt: z.string().nullable(),
  /** When registration actually closes (the set time, or the start). */
  registrationEndsAt: z.string(),
  capacity: z.number().int(),
  status: z.enum(OUTREACH_EVENT_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  counts,
  materials: z.array(materialSchema),
});
export type OutreachEvent = z.infer<typeof outreachEventSchema>;

export const outreachEventListItemSchema = outreachEventSchema.omit({ description: true, materials: true });
export type OutreachEventListItem = z.infer<typeof outreachEventListItemSchema>;

const publicAgency = z.object({ id: z.string(), name: z.string(), timezone: z.string() });

export const publicOutreachEventSchema = z.object({
  id: z.string(),
  agency: publicAgency,
  title: z.string(),
  description: z.string(),
  kind: z.string(),
  audiences: z.array(z.string()),
  venue: z.string(),
  onlineUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  registrationEndsAt: z.string(),
  capacity: z.number().int(),
  status: z.enum(['published', 'cancelled']),
  registrationOpen: z.boolean(),
  /** Aggregate figures only: never who. */
  counts: z.object({ registered: z.number().int(), waitlisted: z.number().int(), attended: z.number().int(), seatsLeft: z.number().int() }),
  materialsAvailable: z.boolean(),
  materialCount: z.number().int(),
  materials: z.array(materialSchema),
});
export type PublicOutreachEvent = z.infer<typeof publicOutreachEventSchema>;

export const publicOutreachEventListItemSchema = publicOutreachEventSchema.omit({ description: true, materials: true });
export type PublicOutreachEventListItem = z.infer<typeof publicOutreachEventListItemSchema>;

export const ticketSchema = z.object({
  id: z.string(),
  event: z.object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string(),
    onlineUrl: z.string().nullable(),
    status: z.string(),
    agency: publicAgency,
  }),
  name: z.string(),
  /** Masked: the ticket link may be forwarded. */
  email: z.string(),
  audience: z.string(),
  institution: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  waitlistPosition: z.number().int().nullable(),
  checkinCode: z.string().nullable(),
  checkinUrl: z.string().nullable(),
  qrUrl: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  canCancel: z.boolean(),
  createdAt: z.string(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const registrationResultSchema = z.object({ ticket: ticketSchema, kunci: z.string(), ticketPath: z.string() });

export const registrationSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  /** Masked in lists. */
  phone: z.string().nullable(),
  audience: z.string(),
  institution: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  seq: z.number().int(),
  waitlistPosition: z.number().int().nullable(),
  checkedInAt: z.string().nullable(),
  promotedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutreachRegistration = z.infer<typeof registrationSchema>;

export const attendanceSchema = z.object({
  eventId: z.string(),
  capacity: z.number().int(),
  byAudience: z.array(counts.extend({ audience: z.string() })),
  total: counts,
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const checkInResultSchema = z.object({
  registration: z.object({ id: z.string(), name: z.string(), audience: z.string(), institution: z.string(), checkedInAt: z.string() }),
});
export type CheckInResult = z.infer<typeof checkInResultSchema>;
