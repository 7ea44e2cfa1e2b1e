import { z } from 'zod';
import { MAX_EXTRA_SECONDS } from '../cat-allocation.js';
import { uuid } from './common.js';

/** CAT venues, rooms, sessions, allocation and the proctor console (issue 5 §3–§4). */

export const CAT_SESSION_LIMITS = {
  nameMax: 120,
  addressMax: 300,
  seatsMax: 2_000,
  reasonMin: 5,
  reasonMax: 500,
  idsMax: 2_000,
} as const;

export const SESSION_STATUSES = ['scheduled', 'open', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = { scheduled: 'Terjadwal', open: 'Dibuka', closed: 'Ditutup' };

export const ATTEMPT_STATUSES = ['allocated', 'active', 'finished', 'absent'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];
export const ATTEMPT_STATUS_LABELS: Record<AttemptStatus, string> = {
  allocated: 'Belum mulai',
  active: 'Sedang ujian',
  finished: 'Selesai',
  absent: 'Tidak hadir',
};

/** Event kinds the exam runtime (server/modules/cat-exam) and the proctor write into cat_attempt_events, with their labels. */
export const ATTEMPT_EVENT_LABELS: Record<string, string> = {
  check_in: 'Masuk dengan PIN sesi',
  start: 'Mulai mengerjakan',
  resume: 'Melanjutkan ujian',
  focus_lost: 'Jendela ujian kehilangan fokus',
  focus_back: 'Kembali ke jendela ujian',
  tab_hidden: 'Berpindah tab atau aplikasi',
  tab_visible: 'Kembali ke tab ujian',
  fullscreen_exit: 'Keluar dari layar penuh',
  offline: 'Koneksi terputus',
  online: 'Koneksi tersambung lagi',
  device_conflict: 'Perangkat lain mencoba membuka ujian',
  identity_confirmed: 'Identitas dikonfirmasi pengawas',
  time_added: 'Waktu ditambah pengawas',
  device_reset: 'Pindah komputer diizinkan pengawas',
  moved: 'Dipindah ke sesi atau kursi lain',
};
/** Events counted on the proctor's grid as warnings. */
export const WARNING_EVENT_KINDS = ['focus_lost', 'tab_hidden', 'fullscreen_exit', 'device_conflict'] as const;

const name = (label: string) =>
  z.string().trim().min(2, `${label} minimal 2 karakter`).max(CAT_SESSION_LIMITS.nameMax, `${label} maksimal ${CAT_SESSION_LIMITS.nameMax} karakter`);
const reason = () =>
  z
    .string({ message: 'Alasan wajib diisi' })
    .trim()
    .min(CAT_SESSION_LIMITS.reasonMin, `Alasan minimal ${CAT_SESSION_LIMITS.reasonMin} karakter`)
    .max(CAT_SESSION_LIMITS.reasonMax, `Alasan maksimal ${CAT_SESSION_LIMITS.reasonMax} karakter`);
/** An instant with an explicit zone ('…Z' or '…+07:00'): a local time without a zone is refused. */
export const zonedInstant = () => z.iso.datetime({ offset: true, message: 'Waktu harus ISO 8601 dengan zona waktu' });
const ids = () => z.array(uuid()).min(1, 'Pilih minimal satu peserta').max(CAT_SESSION_LIMITS.idsMax);

// ---- Venues and rooms ------------------------------------------------------------------------------

export const venueBody = z.object({
  name: name('Nama lokasi'),
  address: z.string().trim().max(CAT_SESSION_LIMITS.addressMax, `Alamat maksimal ${CAT_SESSION_LIMITS.addressMax} karakter`).default(''),
});
export type VenueBody = z.infer<typeof venueBody>;

export const roomBody = z.object({
  name: z.string().trim().min(1, 'Nama ruang wajib diisi').max(CAT_SESSION_LIMITS.nameMax, `Nama ruang maksimal ${CAT_SESSION_LIMITS.nameMax} karakter`),
  seats: z
    .number({ message: 'Jumlah kursi harus berupa angka' })
    .int('Jumlah kursi harus bilangan bulat')
    .min(1, 'Jumlah kursi minimal 1')
    .max(CAT_SESSION_LIMITS.seatsMax, `Jumlah kursi maksimal ${CAT_SESSION_LIMITS.seatsMax}`),
});
export type RoomBody = z.infer<typeof roomBody>;

export const roomSchema = z.object({ id: z.string(), venueId: z.string(), name: z.string(), seats: z.number().int(), sessions: z.number().int() });
export const venueSchema = z.object({ id: z.string(), name: z.string(), address: z.string(), rooms: z.array(roomSchema), createdAt: z.string() });
export type CatRoom = z.infer<typeof roomSchema>;
export type CatVenue = z.infer<typeof venueSchema>;

// ---- CAT stages and sessions -----------------------------------------------------------------------

export const stageSchema = z.object({
  blueprintId: z.string(),
  blueprintName: z.string(),
  selectionId: z.string(),
  selectionName: z.string(),
  stageKey: z.string(),
  durationMinutes: z.number().int(),
  extraMinutes: z.record(z.string(), z.number()),
  sessions: z.number().int(),
  seats: z.number().int(),
  participants: z.number().int(),
  allocated: z.number().int(),
  started: z.number().int(),
});
export type CatStage = z.infer<typeof stageSchema>;

export const sessionBody = z.object({
  blueprintId: uuid(),
  roomId: uuid(),
  name: name('Nama sesi'),
  startsAt: zonedInstant(),
});
export type SessionBody = z.infer<typeof sessionBody>;
export const sessionUpdateBody = sessionBody.omit({ blueprintId: true });
export type SessionUpdateBody = z.infer<typeof sessionUpdateBody>;

export const sessionListQuery = z.object({
  blueprintId: uuid().optional(),
  status: z.enum(SESSION_STATUSES).optional(),
});

export const sessionSchema = z.object({
  id: z.string(),
  name: z.string(),
  selectionId: z.string(),
  selectionName: z.string(),
  blueprintId: z.string(),
  blueprintName: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  startsAt: z.string(),
  /** Start plus the longest attempt the session may hold (the room is busy until then). */
  roomEndsAt: z.string(),
  status: z.enum(SESSION_STATUSES),
  capacity: z.number().int(),
  allocated: z.number().int(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type CatSession = z.infer<typeof sessionSchema>;

// ---- Allocation ------------------------------------------------------------------------------------

export const allocationBody = z.object({
  /** true: re-seat every participant (refused once anyone started); false: seat only those without a seat. */
  reset: z.boolean({ message: 'reset harus true atau false' }).default(false),
});

export const allocatedParticipantSchema = z.object({
  attemptId: z.string(),
  applicationId: z.string(),
  registrationNumber: z.string(),
  name: z.string(),
  formasi: z.string(),
  formasiKind: z.string(),
  seat: z.number().int().nullable(),
  status: z.enum(ATTEMPT_STATUSES),
  need: z.string().nullable(),
  suggestedNeed: z.string().nullable(),
  durationSeconds: z.number().int(),
  venueChoice: z.string().nullable(),
});
export type AllocatedParticipant = z.infer<typeof allocatedParticipantSchema>;

export const allocationSchema = z.object({
  blueprintId: z.string(),
  blueprintName: z.string(),
  selectionName: z.string(),
  durationMinutes: z.number().int(),
  extraMinutes: z.record(z.string(), z.number()),
  /** MS participants of the round. */
  participants: z.number().int(),
  sessions: z.array(sessionSchema.extend({ participants: z.array(allocatedParticipantSchema) })),
  /** MS participants without a seat yet (no attempt, or an attempt without a session). */
  unallocated: z.array(z.object({ applicationId: z.string(), registrationNumber: z.string(), name: z.string(), formasi: z.string(), venueChoice: z.string().nullable() })),
});
export type CatAllocation = z.infer<typeof allocationSchema>;

export const allocationRunSchema = z.object({
  placed: z.number().int(),
  papers: z.number().int(),
  removed: z.number().int(),
  allocation: allocationSchema,
});

export const needBody = z.object({
  need: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Kebutuhan khusus tidak valid')
    .nullable(),
});

export const moveBody = z.object({
  sessionId: uuid(),
  seat: z.number({ message: 'Nomor kursi harus berupa angka' }).int('Nomor kursi harus bilangan bulat').min(1, 'Nomor kursi minimal 1').optional(),
  reason: reason(),
});

// ---- Proctor console -------------------------------------------------------------------------------

export const pinSchema = z.object({ pin: z.string().regex(/^\d{6}$/), revealedAt: z.string() });

export const consoleParticipantSchema = z.object({
  attemptId: z.string(),
  seat: z.number().int().nullable(),
  registrationNumber: z.string(),
  name: z.string(),
  formasi: z.string(),
  status: z.enum(ATTEMPT_STATUSES),
  need: z.string().nullable(),
  durationSeconds: z.number().int(),
  extraSeconds: z.number().int(),
  identityConfirmedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  /** A device holds the attempt (a move to another computer needs the proctor to release it). */
  deviceBound: z.boolean(),
  /** Staff-only URL of the applicant's photo from the application, null when none was uploaded. */
  photoUrl: z.string().nullable(),
  /** Count of warning events per kind (WARNING_EVENT_KINDS). */
  warnings: z.record(z.string(), z.number().int()),
});
export type ConsoleParticipant = z.infer<typeof consoleParticipantSchema>;

export const consoleSchema = z.object({
  session: sessionSchema,
  agencyTimezone: z.string(),
  serverTime: z.string(),
  pinRevealed: z.boolean(),
  pinFailures: z.number().int(),
  pinLocked: z.boolean(),
  participants: z.array(consoleParticipantSchema),
});
export type ProctorConsole = z.infer<typeof consoleSchema>;

export const identityBody = z
  .object({ attemptIds: ids().optional(), all: z.literal(true).optional() })
  .refine((b) => Boolean(b.attemptIds) !== Boolean(b.all), { message: 'Pilih peserta atau semua yang hadir', path: ['attemptIds'] });

export const extraTimeBody = z.object({
  /** Omitted: every participant of the session who has not finished. */
  attemptIds: ids().optional(),
  seconds: z
    .number({ message: 'Tambahan waktu harus berupa angka' })
    .int('Tambahan waktu harus bilangan bulat (detik)')
    .min(1, 'Tambahan waktu minimal 1 detik')
    .max(MAX_EXTRA_SECONDS, `Tambahan waktu maksimal ${MAX_EXTRA_SECONDS / 60} menit sekali tambah`),
  reason: reason(),
});

export const reasonBody = z.object({ reason: reason() });

export const changedSchema = z.object({ changed: z.number().int() });

export const eventSchema = z.object({ id: z.number().int(), kind: z.string(), detail: z.record(z.string(), z.unknown()), at: z.string() });
export const eventListQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });

// ---- Applicant -------------------------------------------------------------------------------------

export const venueChoiceBody = z.object({ venueId: uuid().nullable() });

export const ownCatSchema = z.object({
  applicationId: z.string(),
  registrationNumber: z.string(),
  selectionName: z.string(),
  agencyName: z.string(),
  agencyTimezone: z.string(),
  /** The venues of the round's sessions, to choose from. */
  venues: z.array(z.object({ id: z.string(), name: z.string(), address: z.string() })),
  chosenVenueId: z.string().nullable(),
  /** The choice can change until the applicant has a seat. */
  choiceOpen: z.boolean(),
  attempts: z.array(
    z.object({
      attemptId: z.string(),
      blueprintName: z.string(),
      status: z.enum(ATTEMPT_STATUSES),
      sessionName: z.string().nullable(),
      venueName: z.string().nullable(),
      venueAddress: z.string().nullable(),
      roomName: z.string().nullable(),
      seat: z.number().int().nullable(),
      startsAt: z.string().nullable(),
    }),
  ),
});
export type OwnCat = z.infer<typeof ownCatSchema>;

export const publicExamCardSchema = z.object({
  registrationNumber: z.string(),
  nameMasked: z.string(),
  agencyName: z.string(),
  selectionName: z.string(),
  blueprintName: z.string(),
  sessionName: z.string(),
  venueName: z.string(),
  roomName: z.string(),
  seat: z.number().int(),
  startsAt: z.string(),
  startsAtText: z.string(),
});
export type PublicExamCard = z.infer<typeof publicExamCardSchema>;
