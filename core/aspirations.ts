/**
 * Citizens' aspirations and complaints (aspirasi dan pengaduan) and community forums (forum warga):
 * categories, the life of a complaint, its tracking code, its service-level deadline and the
 * figures the dashboard watches. Pure; shared with the web.
 */
import { addDays, formatCalendarDate, parseCalendarDate } from './calendar-date.js';
import { calendarDateInZone, endOfDayInZone, type AgencyZone } from './time.js';

export const ASPIRATION_CATEGORIES = ['rekrutmen', 'kualitas_layanan', 'perilaku_petugas', 'sarana', 'lainnya'] as const;
export type AspirationCategory = (typeof ASPIRATION_CATEGORIES)[number];
export const ASPIRATION_CATEGORY_LABELS: Readonly<Record<AspirationCategory, string>> = {
  rekrutmen: 'Rekrutmen ASN',
  kualitas_layanan: 'Kualitas pelayanan',
  perilaku_petugas: 'Perilaku petugas',
  sarana: 'Sarana dan prasarana',
  lainnya: 'Lainnya',
};

/** received → in_progress (routed to a unit) → answered → closed. */
export const ASPIRATION_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export type AspirationStatus = (typeof ASPIRATION_STATUSES)[number];
export const ASPIRATION_STATUS_LABELS: Readonly<Record<AspirationStatus, string>> = {
  received: 'Diterima',
  in_progress: 'Diproses unit',
  answered: 'Dijawab',
  closed: 'Selesai',
};

export type AspirationAction = 'route' | 'answer' | 'close';

const ALLOWED: Readonly<Record<AspirationAction, readonly AspirationStatus[]>> = {
  // Routing again (to another unit) is allowed until the complaint is answered.
  route: ['received', 'in_progress'],
  // An answer may be corrected until the complaint is closed.
  answer: ['received', 'in_progress', 'answered'],
  close: ['answered'],
};

const REFUSALS: Readonly<Record<AspirationAction, string>> = {
  route: 'Pengaduan yang sudah dijawab atau selesai tidak dapat diteruskan lagi.',
  answer: 'Pengaduan yang sudah selesai tidak dapat dijawab lagi.',
  close: 'Pengaduan hanya dapat diselesaikan setelah dijawab.',
};

/** Indonesian refusal when the action does not fit the status, or null. */
export function actionProblem(action: AspirationAction, status: AspirationStatus): string | null {
  return ALLOWED[action].includes(status) ? null : REFUSALS[action];
}

export const ASPIRATION_SOURCES = ['publik', 'forum'] as const;
export type AspirationSource = (typeof ASPIRATION_SOURCES)[number];

export const ASPIRATION_LIMITS = {
  subjectMin: 5,
  subjectMax: 150,
  bodyMin: 20,
  bodyMax: 5000,
  answerMax: 5000,
  nameMax: 120,
  attachments: 3,
  attachmentBytes: 5 * 1024 * 1024,
} as const;

// ---- tracking code --------------------------------------------------------------------------------

// Crockford's base32 (no I, L, O, U): read aloud or copied from paper, it survives.
export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 20 characters of 5 bits: 100 bits, far beyond guessing at any rate the server allows. */
export const TRACKING_CODE_LENGTH = 20;

/** 'ABCDE-FGHJK-MNPQR-STVWX'. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,5}/g)?.join('-') ?? code;
}

/**
 * The code in what a citizen typed: any case, dashes and spaces ignored, the look-alikes O→0 and
 * I/L→1 forgiven. Null when it cannot be a code.
 */
export function parseTrackingCode(input: string): string | null {
  if (input.length > 100) return null;
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (text.length !== TRACKING_CODE_LENGTH) return null;
  return [...text].every((c) => TRACKING_ALPHABET.includes(c)) ? text : null;
}

/** Public reference shown to staff and citizen alike (not secret): 'ADU-2026-000042'. */
export function aspirationReference(year: number, seq: number): string {
  return `ADU-${year}-${String(seq).padStart(6, '0')}`;
}

// ---- service level ----------------------------------------------------------------------------------

/**
 * Days an agency has to answer and close a complaint, unless it sets its own: the 14 days within
 * which UU 25/2009 on public services asks an organiser to respond to a complaint.
 */
export const DEFAULT_SLA_DAYS = 14;
export const SLA_DAYS_MIN = 1;
export const SLA_DAYS_MAX = 90;

export interface DueAtOptions {
  readonly receivedAt: Date;
  readonly zone: AgencyZone;
  readonly slaDays: number;
}

/** The end (23:59:59.999 local) of the slaDays-th day after the day the complaint was received. */
export function dueAt({ receivedAt, zone, slaDays }: DueAtOptions): Date {
  if (!Number.isInteger(slaDays) || slaDays < SLA_DAYS_MIN || slaDays > SLA_DAYS_MAX) throw new RangeError(`batas layanan harus ${SLA_DAYS_MIN}–${SLA_DAYS_MAX} hari: ${slaDays}`);
  const day = parseCalendarDate(calendarDateInZone(receivedAt, zone))!;
  return endOfDayInZone(formatCalendarDate(addDays(day, slaDays)), zone);
}

export interface OverdueOptions {
  readonly status: AspirationStatus;
  readonly dueAt: Date;
  readonly closedAt: Date | null;
  readonly now: Date;
}

/** Open past its deadline, or closed after it. */
export function isOverdue({ status, dueAt: due, closedAt, now }: OverdueOptions): boolean {
  if (status === 'closed') return closedAt !== null && closedAt.getTime() > due.getTime();
  return now.getTime() > due.getTime();
}

export interface ResolutionSummaryOptions {
  readonly items: ReadonlyArray<{ readonly receivedAt: Date; readonly closedAt: Date | null; readonly dueAt: Date; readonly status: AspirationStatus }>;
  readonly now: Date;
}

export interface ResolutionSummary {
  readonly total: number;
  readonly open: number;
  /** Open past the deadline now. */
  readonly overdueOpen: number;
  readonly closed: number;
  readonly closedOnTime: number;
  /** Median and mean days from receipt to close (one decimal), null without closed complaints. */
  readonly medianDaysToClose: number | null;
  readonly meanDaysToClose: number | null;
}

const DAY_MS = 86_400_000;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** How complaints are being handled: open, overdue, closed on time, days to close. */
export function resolutionSummary({ items, now }: ResolutionSummaryOptions): ResolutionSummary {
  const closed = items.filter((item) => item.status === 'closed' && item.closedAt !== null);
  const days = closed.map((item) => (item.closedAt!.getTime() - item.receivedAt.getTime()) / DAY_MS).sort((a, b) => a - b);
  const middle = Math.floor(days.length / 2);
  const median = days.length === 0 ? null : days.length % 2 ? days[middle]! : (days[middle - 1]! + days[middle]!) / 2;
  return {
    total: items.length,
    open: items.length - closed.length,
    overdueOpen: items.filter((item) => item.status !== 'closed' && now.getTime() > item.dueAt.getTime()).length,
    closed: closed.length,
    closedOnTime: closed.filter((item) => item.closedAt!.getTime() <= item.dueAt.getTime()).length,
    medianDaysToClose: median === null ? null : oneDecimal(median),
    meanDaysToClose: days.length === 0 ? null : oneDecimal(days.reduce((a, b) => a + b, 0) / days.length),
  };
}

// ---- community forums -----------------------------------------------------------------------------

export const FORUM_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];
export const FORUM_STATUS_LABELS: Readonly<Record<ForumStatus, string>> = { scheduled: 'Terjadwal', held: 'Terlaksana', cancelled: 'Dibatalkan' };

export const FORUM_LIMITS = { titleMin: 5, titleMax: 200, agendaMax: 5000, venueMax: 300, minutesMin: 20, minutesMax: 20_000, attendeesMax: 100_000 } as const;

export interface MinutesProblemOptions {
  readonly status: ForumStatus;
  readonly scheduledAt: Date;
  readonly now: Date;
}

/** Minutes are recorded once the forum has started and not for a cancelled one. */
export function minutesProblem({ status, scheduledAt, now }: MinutesProblemOptions): string | null {
  if (status === 'cancelled') return 'Forum yang dibatalkan tidak memiliki notulen.';
  if (now.getTime() < scheduledAt.getTime()) return 'Notulen dicatat setelah forum dimulai.';
  return null;
}

/** The day after receipt is day 1: used to show "hari ke-3 dari 14". */
export function dayOfService(receivedAt: Date, now: Date, zone: AgencyZone): number {
  const start = parseCalendarDate(calendarDateInZone(receivedAt, zone))!;
  const today = parseCalendarDate(calendarDateInZone(now, zone))!;
  return Math.round((Date.UTC(today.year, today.month - 1, today.day) - Date.UTC(start.year, start.month - 1, start.day)) / DAY_MS);
}
