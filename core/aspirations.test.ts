import { describe, expect, it } from 'vitest';
import {
  actionProblem,
  aspirationReference,
  dayOfService,
  dueAt,
  formatTrackingCode,
  isOverdue,
  minutesProblem,
  parseTrackingCode,
  resolutionSummary,
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
} from './aspirations.js';

describe('tracking code', () => {
  it('carries at least 80 bits', () => {
    expect(TRACKING_CODE_LENGTH * Math.log2(TRACKING_ALPHABET.length)).toBeGreaterThanOrEqual(80);
  });

  it('is shown in groups of five and read back however it is typed', () => {
    const code = '0123456789ABCDEFGHJK';
    expect(formatTrackingCode(code)).toBe('01234-56789-ABCDE-FGHJK');
    expect(parseTrackingCode('01234-56789-ABCDE-FGHJK')).toBe(code);
    expect(parseTrackingCode(' o1234 56789 abcde fghjk ')).toBe(code);
    expect(parseTrackingCode('0l234-56789-ABCDE-FGHJK')).toBe(code);
    expect(parseTrackingCode('0I234-56789-ABCDE-FGHJK')).toBe(code);
  });

  it('refuses what cannot be a code', () => {
    expect(parseTrackingCode('01234-56789-ABCDE-FGHJ')).toBeNull();
    expect(parseTrackingCode('01234-56789-ABCDE-FGHJKM')).toBeNull();
    expect(parseTrackingCode('01234-56789-ABCDE-FGHJU')).toBeNull();
    expect(parseTrackingCode('x'.repeat(500))).toBeNull();
    expect(parseTrackingCode('')).toBeNull();
  });
});

describe('actions by status', () => {
  it('routes until answered, answers until closed, closes only an answered complaint', () => {
    expect(actionProblem('route', 'received')).toBeNull();
    expect(actionProblem('route', 'in_progress')).toBeNull();
    expect(actionProblem('route', 'answered')).toMatch(/tidak dapat diteruskan lagi/);
    expect(actionProblem('answer', 'answered')).toBeNull();
    expect(actionProblem('answer', 'closed')).toMatch(/tidak dapat dijawab lagi/);
    expect(actionProblem('close', 'in_progress')).toMatch(/setelah dijawab/);
    expect(actionProblem('close', 'answered')).toBeNull();
    expect(actionProblem('close', 'closed')).toMatch(/setelah dijawab/);
  });
});

describe('service level', () => {
  it('is due at the end of the local day, slaDays days after the day of receipt', () => {
    // 2026-03-01 23:30 WIB is still 1 March in Jakarta: due 15 March 23:59:59.999 WIB.
    expect(dueAt({ receivedAt: new Date('2026-03-01T16:30:00Z'), zone: 'Asia/Jakarta', slaDays: 14 }).toISOString()).toBe('2026-03-15T16:59:59.999Z');
    // The same instant is already 2 March in Jayapura (WIT).
    expect(dueAt({ receivedAt: new Date('2026-03-01T16:30:00Z'), zone: 'Asia/Jayapura', slaDays: 14 }).toISOString()).toBe('2026-03-16T14:59:59.999Z');
    expect(dueAt({ receivedAt: new Date('2026-12-25T03:00:00Z'), zone: 'Asia/Makassar', slaDays: 7 }).toISOString()).toBe('2027-01-01T15:59:59.999Z');
  });

  it('refuses a service level outside 1–90 days', () => {
    expect(() => dueAt({ receivedAt: new Date(), zone: 'Asia/Jakarta', slaDays: 0 })).toThrow(RangeError);
    expect(() => dueAt({ receivedAt: new Date(), zone: 'Asia/Jakarta', slaDays: 1.5 })).toThrow(RangeError);
  });

  it('is overdue when open past the deadline or closed after it', () => {
    const due = new Date('2026-03-15T16:59:59.999Z');
    expect(isOverdue({ status: 'in_progress', dueAt: due, closedAt: null, now: new Date('2026-03-15T16:59:59.999Z') })).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueAt: due, closedAt: null, now: new Date('2026-03-15T17:00:00Z') })).toBe(true);
    expect(isOverdue({ status: 'closed', dueAt: due, closedAt: new Date('2026-03-10T00:00:00Z'), now: new Date('2026-06-01T00:00:00Z') })).toBe(false);
    expect(isOverdue({ status: 'closed', dueAt: due, closedAt: new Date('2026-03-16T00:00:00Z'), now: new Date('2026-06-01T00:00:00Z') })).toBe(true);
  });

  it('counts the days of service in the agency zone', () => {
    expect(dayOfService(new Date('2026-03-01T16:30:00Z'), new Date('2026-03-03T01:00:00Z'), 'Asia/Jakarta')).toBe(2);
    expect(dayOfService(new Date('2026-03-01T16:30:00Z'), new Date('2026-03-01T16:40:00Z'), 'Asia/Jakarta')).toBe(0);
  });
});

describe('resolutionSummary', () => {
  const received = new Date('2026-03-01T00:00:00Z');
  const due = new Date('2026-03-15T00:00:00Z');
  const days = (n: number) => new Date(received.getTime() + n * 86_400_000);

  it('counts open, overdue and on-time closures and the days to close', () => {
    const summary = resolutionSummary({
      now: new Date('2026-03-20T00:00:00Z'),
      items: [
        { receivedAt: received, dueAt: due, status: 'closed', closedAt: days(2) },
        { receivedAt: received, dueAt: due, status: 'closed', closedAt: days(5) },
        { receivedAt: received, dueAt: due, status: 'closed', closedAt: days(20) },
        { receivedAt: received, dueAt: due, status: 'in_progress', closedAt: null },
        { receivedAt: received, dueAt: new Date('2026-04-01T00:00:00Z'), status: 'received', closedAt: null },
      ],
    });
    expect(summary).toEqual({ total: 5, open: 2, overdueOpen: 1, closed: 3, closedOnTime: 2, medianDaysToClose: 5, meanDaysToClose: 9 });
  });

  it('takes the middle two for an even count and has no figures without closures', () => {
    expect(resolutionSummary({ now: received, items: [1, 2, 4, 9].map((n) => ({ receivedAt: received, dueAt: due, status: 'closed' as const, closedAt: days(n) })) }).medianDaysToClose).toBe(3);
    expect(resolutionSummary({ now: received, items: [] })).toMatchObject({ total: 0, medianDaysToClose: null, meanDaysToClose: null });
  });
});

describe('forums', () => {
  it('records minutes once the forum has started and never for a cancelled one', () => {
    const scheduledAt = new Date('2026-05-01T02:00:00Z');
    expect(minutesProblem({ status: 'scheduled', scheduledAt, now: new Date('2026-05-01T01:59:00Z') })).toMatch(/setelah forum dimulai/);
    expect(minutesProblem({ status: 'scheduled', scheduledAt, now: scheduledAt })).toBeNull();
    expect(minutesProblem({ status: 'held', scheduledAt, now: new Date('2026-05-02T00:00:00Z') })).toBeNull();
    expect(minutesProblem({ status: 'cancelled', scheduledAt, now: new Date('2026-05-02T00:00:00Z') })).toMatch(/dibatalkan/);
  });
});

describe('aspirationReference', () => {
  it('numbers complaints per year', () => {
    expect(aspirationReference(2026, 42)).toBe('ADU-2026-000042');
  });
});
