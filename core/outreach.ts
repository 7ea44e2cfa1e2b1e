/**
 * Outreach events (sosialisasi): seminars and workshops about ASN careers. The rules a seat, a
 * registration window, a check-in code and a check-in time follow, as pure functions.
 */
import type { FieldIssue } from './field-issue.js';

export const OUTREACH_KINDS = ['seminar', 'workshop', 'sosialisasi'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];
export const OUTREACH_KIND_LABELS: Readonly<Record<OutreachKind, string>> = { seminar: 'Seminar', workshop: 'Lokakarya (workshop)', sosialisasi: 'Sosialisasi' };

export const OUTREACH_AUDIENCES = ['pelajar', 'mahasiswa', 'umum'] as const;
export type OutreachAudience = (typeof OUTREACH_AUDIENCES)[number];
export const OUTREACH_AUDIENCE_LABELS: Readonly<Record<OutreachAudience, string>> = { pelajar: 'Pelajar', mahasiswa: 'Mahasiswa', umum: 'Masyarakat umum' };

export const OUTREACH_EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type OutreachEventStatus = (typeof OUTREACH_EVENT_STATUSES)[number];
export const OUTREACH_EVENT_STATUS_LABELS: Readonly<Record<OutreachEventStatus, string>> = { draft: 'Draf', published: 'Diumumkan', cancelled: 'Dibatalkan' };

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Readonly<Record<RegistrationStatus, string>> = { registered: 'Terdaftar', waitlisted: 'Daftar tunggu', cancelled: 'Dibatalkan' };

export const OUTREACH_CAPACITY_MAX = 100_000;
/** Materials (PDF) of an event: at most this many, each at most this large. */
export const OUTREACH_MATERIAL_MAX_BYTES = 20 * 1024 * 1024;
export const OUTREACH_MAX_MATERIALS = 20;
/** Longest event (a multi-day workshop). */
export const OUTREACH_MAX_DAYS = 31;
/** Check-in opens this long before the start and closes this long after the end (doors, late sessions). */
export const CHECKIN_OPENS_BEFORE_MS = 12 * 3600_000;
export const CHECKIN_CLOSES_AFTER_MS = 12 * 3600_000;

/** The path a registrant's QR code points to; staff scan it or type the code it carries. */
export const CHECKIN_PATH = '/sosialisasi/presensi';

// Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives.
export const CHECKIN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CHECKIN_CODE_LENGTH = 16;

/** 'ABCD-EFGH-JKMN-PQRS': the code as shown on the ticket. */
export function formatCheckinCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export function checkinUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${CHECKIN_PATH}?kode=${code}`;
}

/**
 * The code in what staff scanned or typed: a full check-in URL (the QR), a bare code with or
 * without dashes and spaces, in any case, with the look-alikes O→0 and I/L→1 forgiven.
 * Null when it cannot be a code at all.
 */
export function parseCheckinCode(input: string): string | null {
  let text = input.trim();
  if (text.length === 0 || text.length > 500) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.startsWith('/')) {
    let url: URL;
    try {
      url = new URL(text, 'http://kode.invalid');
    } catch {
      return null;
    }
    text = url.searchParams.get('kode') ?? url.pathname.split('/').filter(Boolean).pop() ?? '';
  }
  const code = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== CHECKIN_CODE_LENGTH) return null;
  for (const char of code) if (!CHECKIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** Within capacity → a seat; otherwise the waiting list. */
export function seatFor(options: { capacity: number; registered: number }): 'registered' | 'waitlisted' {
  return options.registered < options.capacity ? 'registered' : 'waitlisted';
}

/** How many waiting-list places a change of capacity frees (never negative). */
export function seatsToFill(options: { capacity: number; registered: number; waitlisted: number }): number {
  return Math.max(0, Math.min(options.capacity - options.registered, options.waitlisted));
}

export type EventTimes = { startsAt: Date; endsAt: Date; registrationClosesAt: Date | null };

/** Registration closes at the time set, or when the event starts. */
export function registrationClosesAt(event: EventTimes): Date {
  return event.registrationClosesAt ?? event.startsAt;
}

/** `audience: null` asks whether registration is open at all. */
export type RegistrationCheck = EventTimes & { now: Date; status: string; audiences: readonly string[]; audience: string | null };

/** Why a registration is refused, or null. */
export function registrationProblem(check: RegistrationCheck): { code: 'not_open' | 'closed' | 'audience'; message: string } | null {
  if (check.status === 'cancelled') return { code: 'not_open', message: 'Acara ini dibatalkan.' };
  if (check.status !== 'published') return { code: 'not_open', message: 'Pendaftaran acara ini belum dibuka.' };
  if (check.now.getTime() >= registrationClosesAt(check).getTime()) return { code: 'closed', message: 'Pendaftaran acara ini sudah ditutup.' };
  if (check.audience !== null && !check.audiences.includes(check.audience)) return { code: 'audience', message: 'Acara ini tidak ditujukan untuk kelompok peserta yang dipilih.' };
  return null;
}

/** A registrant may cancel until the event starts. */
export function cancellationProblem(options: { now: Date; startsAt: Date; status: string }): string | null {
  if (options.status === 'cancelled') return 'Pendaftaran ini sudah dibatalkan.';
  if (options.now.getTime() >= options.startsAt.getTime()) return 'Acara sudah dimulai; pendaftaran tidak dapat dibatalkan lagi.';
  return null;
}

/** Check-in happens around the event: from 12 hours before it starts to 12 hours after it ends. */
export function checkInWindowProblem(options: { now: Date; startsAt: Date; endsAt: Date }): string | null {
  if (options.now.getTime() < options.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS) return 'Presensi dibuka 12 jam sebelum acara dimulai.';
  if (options.now.getTime() > options.endsAt.getTime() + CHECKIN_CLOSES_AFTER_MS) return 'Presensi sudah ditutup: acara telah lama selesai.';
  return null;
}

/** Materials are downloadable once the event has started. */
export function materialsAvailable(options: { now: Date; startsAt: Date }): boolean {
  return options.now.getTime() >= options.startsAt.getTime();
}

/** Position in the waiting list: 1 + those waiting with an earlier sequence. */
export function waitlistPosition(mySeq: number, waitingSeqs: readonly number[]): number {
  return 1 + waitingSeqs.filter((seq) => seq < mySeq).length;
}

/** Cross-field problems of an event's times and place (each field's own shape is checked by its schema). */
export function eventIssues(event: EventTimes & { venue: string; onlineUrl: string | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (event.endsAt.getTime() <= event.startsAt.getTime()) {
    issues.push({ field: 'endsAt', code: 'ends_before_start', message: 'Waktu selesai harus setelah waktu mulai' });
  } else if (event.endsAt.getTime() - event.startsAt.getTime() > OUTREACH_MAX_DAYS * 86_400_000) {
    issues.push({ field: 'endsAt', code: 'too_long', message: `Acara paling lama ${OUTREACH_MAX_DAYS} hari` });
  }
  if (event.registrationClosesAt && event.registrationClosesAt.getTime() > event.endsAt.getTime()) {
    issues.push({ field: 'registrationClosesAt', code: 'closes_after_end', message: 'Pendaftaran harus ditutup paling lambat saat acara selesai' });
  }
  if (!event.venue.trim() && !event.onlineUrl) {
    issues.push({ field: 'venue', code: 'no_place', message: 'Isi tempat acara atau tautan daring' });
  }
  return issues;
}

/** A capacity below the seats already given is refused: nobody loses a confirmed seat. */
export function capacityIssue(options: { capacity: number; registered: number }): FieldIssue | null {
  if (options.capacity < options.registered) {
    return { field: 'capacity', code: 'below_registered', message: `Kapasitas tidak boleh kurang dari ${options.registered} peserta yang sudah terdaftar` };
  }
  return null;
}
