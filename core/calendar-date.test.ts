import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareCalendarDates,
  daysInMonth,
  formatCalendarDate,
  formatCalendarDateId,
  isLeapYear,
  isValidCalendarDate,
  parseCalendarDate,
  requireCalendarDate,
} from './calendar-date.js';

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2000, true],
    [1996, true],
    [2023, false],
    [1900, false],
    [2100, false],
  ])('%i → %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe('daysInMonth', () => {
  it('gives February 29 days in a leap year and 28 otherwise', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
  });

  it('gives 30 days to April, June, September and November and 31 to the others', () => {
    expect([4, 6, 9, 11].map((m) => daysInMonth(2025, m))).toEqual([30, 30, 30, 30]);
    expect([1, 3, 5, 7, 8, 10, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 31, 31, 31, 31, 31, 31]);
  });
});

describe('parseCalendarDate', () => {
  it('reads a strict YYYY-MM-DD date', () => {
    expect(parseCalendarDate('1995-08-17')).toEqual({ year: 1995, month: 8, day: 17 });
  });

  it('accepts 29 February only in a leap year', () => {
    expect(parseCalendarDate('2024-02-29')).not.toBeNull();
    expect(parseCalendarDate('2023-02-29')).toBeNull();
    expect(parseCalendarDate('1900-02-29')).toBeNull();
    expect(parseCalendarDate('2000-02-29')).not.toBeNull();
  });

  it.each(['2025-13-01', '2025-00-10', '2025-04-31', '2025-01-00', '2025-1-5', '17-08-1945', '', '2025-01-01T00:00:00Z'])(
    'refuses %j',
    (value) => {
      expect(parseCalendarDate(value)).toBeNull();
    },
  );
});

describe('formatCalendarDate', () => {
  it('pads month and day with zeros', () => {
    expect(formatCalendarDate({ year: 2005, month: 3, day: 7 })).toBe('2005-03-07');
  });
});

describe('isValidCalendarDate', () => {
  it('refuses fractional parts', () => {
    expect(isValidCalendarDate({ year: 2025, month: 1.5, day: 1 })).toBe(false);
  });
});

describe('compareCalendarDates', () => {
  it('orders by year, then month, then day', () => {
    const a = { year: 2025, month: 5, day: 1 };
    expect(compareCalendarDates(a, { year: 2025, month: 5, day: 2 })).toBeLessThan(0);
    expect(compareCalendarDates(a, { year: 2025, month: 4, day: 30 })).toBeGreaterThan(0);
    expect(compareCalendarDates(a, { year: 2024, month: 12, day: 31 })).toBeGreaterThan(0);
    expect(compareCalendarDates(a, { ...a })).toBe(0);
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays({ year: 2025, month: 12, day: 30 }, 3)).toEqual({ year: 2026, month: 1, day: 2 });
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2025, month: 3, day: 1 }, -1)).toEqual({ year: 2025, month: 2, day: 28 });
  });
});

describe('requireCalendarDate', () => {
  it('returns the parsed date', () => {
    expect(requireCalendarDate('2026-12-01')).toEqual({ year: 2026, month: 12, day: 1 });
  });

  it('throws DATE_INVALID naming the value', () => {
    expect(() => requireCalendarDate('2026-02-30', 'Tanggal acuan')).toThrowError(
      expect.objectContaining({ code: 'DATE_INVALID', message: 'Tanggal acuan tidak valid: "2026-02-30" (format YYYY-MM-DD).' }),
    );
  });
});

describe('formatCalendarDateId', () => {
  it('writes the date with the Indonesian month name', () => {
    expect(formatCalendarDateId({ year: 2026, month: 12, day: 1 })).toBe('1 Desember 2026');
    expect(formatCalendarDateId({ year: 1996, month: 2, day: 29 })).toBe('29 Februari 1996');
    expect(formatCalendarDateId({ year: 1945, month: 8, day: 17 })).toBe('17 Agustus 1945');
  });
});
