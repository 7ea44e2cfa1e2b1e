import { describe, expect, it } from 'vitest';
import {
  capacityIssue,
  cancellationProblem,
  checkinUrl,
  checkInWindowProblem,
  eventIssues,
  formatCheckinCode,
  materialsAvailable,
  parseCheckinCode,
  registrationClosesAt,
  registrationProblem,
  seatFor,
  seatsToFill,
  waitlistPosition,
} from './outreach.js';

const at = (iso: string) => new Date(iso);
const code = '0123456789ABCDEF';

describe('check-in codes', () => {
  it('reads the code from the QR URL, a bare code, a dashed code in lower case, and forgives O, I and L', () => {
    expect(parseCheckinCode(checkinUrl('https://rekrutmen.example.go.id/', code))).toBe(code);
    expect(parseCheckinCode(`/sosialisasi/presensi?kode=${code}`)).toBe(code);
    expect(parseCheckinCode(code)).toBe(code);
    expect(parseCheckinCode(' 0123-4567-89ab-cdef ')).toBe(code);
    expect(parseCheckinCode('O123-4567-89AB-CDEF')).toBe(code);
    expect(parseCheckinCode('01234567L9ABCDEF')).toBe('0123456719ABCDEF');
    expect(formatCheckinCode(code)).toBe('0123-4567-89AB-CDEF');
  });

  it('refuses what cannot be a code: wrong length, letters outside the alphabet, a URL without one', () => {
    expect(parseCheckinCode('')).toBeNull();
    expect(parseCheckinCode('0123456789ABCDE')).toBeNull();
    expect(parseCheckinCode('0123456789ABCDEFG')).toBeNull();
    expect(parseCheckinCode('0123456789ABCDEU')).toBeNull();
    expect(parseCheckinCode('https://contoh.id/sosialisasi/presensi')).toBeNull();
    expect(parseCheckinCode('x'.repeat(600))).toBeNull();
  });
});

describe('seats and the waiting list', () => {
  it('gives a seat while below capacity and the waiting list at capacity', () => {
    expect(seatFor({ capacity: 2, registered: 0 })).toBe('registered');
    expect(seatFor({ capacity: 2, registered: 1 })).toBe('registered');
    expect(seatFor({ capacity: 2, registered: 2 })).toBe('waitlisted');
  });

  it('fills freed seats from the waiting list, never more than wait or fit', () => {
    expect(seatsToFill({ capacity: 5, registered: 3, waitlisted: 10 })).toBe(2);
    expect(seatsToFill({ capacity: 5, registered: 3, waitlisted: 1 })).toBe(1);
    expect(seatsToFill({ capacity: 3, registered: 3, waitlisted: 4 })).toBe(0);
    expect(seatsToFill({ capacity: 2, registered: 3, waitlisted: 4 })).toBe(0);
  });

  it('counts the waiting-list position from those who registered earlier', () => {
    expect(waitlistPosition(7, [3, 7, 9])).toBe(2);
    expect(waitlistPosition(3, [3, 7, 9])).toBe(1);
  });

  it('refuses a capacity below the seats already given', () => {
    expect(capacityIssue({ capacity: 4, registered: 5 })?.field).toBe('capacity');
    expect(capacityIssue({ capacity: 5, registered: 5 })).toBeNull();
  });
});

describe('registration window', () => {
  const event = { startsAt: at('2026-12-01T02:00:00Z'), endsAt: at('2026-12-01T05:00:00Z'), registrationClosesAt: null, status: 'published', audiences: ['pelajar', 'mahasiswa'] };

  it('is open until the closing time, or until the start when none is set (the second it closes is closed)', () => {
    expect(registrationClosesAt(event)).toEqual(event.startsAt);
    expect(registrationProblem({ ...event, now: at('2026-12-01T01:59:59Z'), audience: 'pelajar' })).toBeNull();
    expect(registrationProblem({ ...event, now: at('2026-12-01T02:00:00Z'), audience: 'pelajar' })?.code).toBe('closed');
    const early = { ...event, registrationClosesAt: at('2026-11-30T10:00:00Z') };
    expect(registrationProblem({ ...early, now: at('2026-11-30T10:00:00Z'), audience: 'pelajar' })?.code).toBe('closed');
  });

  it('refuses drafts, cancelled events and an audience the event is not for', () => {
    const now = at('2026-11-01T00:00:00Z');
    expect(registrationProblem({ ...event, status: 'draft', now, audience: 'pelajar' })?.code).toBe('not_open');
    expect(registrationProblem({ ...event, status: 'cancelled', now, audience: 'pelajar' })?.message).toMatch(/dibatalkan/);
    expect(registrationProblem({ ...event, now, audience: 'umum' })?.code).toBe('audience');
  });

  it('lets a registrant cancel until the start', () => {
    expect(cancellationProblem({ now: at('2026-12-01T01:59:59Z'), startsAt: event.startsAt, status: 'registered' })).toBeNull();
    expect(cancellationProblem({ now: at('2026-12-01T02:00:00Z'), startsAt: event.startsAt, status: 'registered' })).toMatch(/dimulai/);
    expect(cancellationProblem({ now: at('2026-11-01T00:00:00Z'), startsAt: event.startsAt, status: 'cancelled' })).toMatch(/sudah dibatalkan/);
  });
});

describe('check-in window and materials', () => {
  const startsAt = at('2026-12-01T02:00:00Z');
  const endsAt = at('2026-12-01T05:00:00Z');

  it('opens 12 hours before the start and closes 12 hours after the end', () => {
    expect(checkInWindowProblem({ now: at('2026-11-30T13:59:59Z'), startsAt, endsAt })).toMatch(/dibuka/);
    expect(checkInWindowProblem({ now: at('2026-11-30T14:00:00Z'), startsAt, endsAt })).toBeNull();
    expect(checkInWindowProblem({ now: at('2026-12-01T17:00:00Z'), startsAt, endsAt })).toBeNull();
    expect(checkInWindowProblem({ now: at('2026-12-01T17:00:01Z'), startsAt, endsAt })).toMatch(/ditutup/);
  });

  it('offers materials from the moment the event starts', () => {
    expect(materialsAvailable({ now: at('2026-12-01T01:59:59Z'), startsAt })).toBe(false);
    expect(materialsAvailable({ now: startsAt, startsAt })).toBe(true);
  });
});

describe('event checks', () => {
  const base = { startsAt: at('2026-12-01T02:00:00Z'), endsAt: at('2026-12-01T05:00:00Z'), registrationClosesAt: null, venue: 'Aula BKPSDM', onlineUrl: null };

  it('accepts a well-formed event', () => {
    expect(eventIssues(base)).toEqual([]);
    expect(eventIssues({ ...base, venue: '', onlineUrl: 'https://meet.example.id/asn' })).toEqual([]);
  });

  it('names the field of each problem', () => {
    expect(eventIssues({ ...base, endsAt: base.startsAt }).map((i) => i.field)).toEqual(['endsAt']);
    expect(eventIssues({ ...base, endsAt: at('2027-01-15T00:00:00Z') }).map((i) => i.code)).toEqual(['too_long']);
    expect(eventIssues({ ...base, registrationClosesAt: at('2026-12-01T05:00:01Z') }).map((i) => i.field)).toEqual(['registrationClosesAt']);
    expect(eventIssues({ ...base, venue: '  ' }).map((i) => i.field)).toEqual(['venue']);
  });
});
