/**
 * Calendar dates ('YYYY-MM-DD') without a time or a zone: birth dates, registration closing
 * dates as an agency enters them. Kept apart from instants (Date, UTC) on purpose, so that a
 * birthday never shifts by a day because of the server's time zone.
 */

/** Thrown when a caller passes a date that is not a real 'YYYY-MM-DD' calendar date. */
export class InvalidDateError extends RangeError {
  readonly code = 'DATE_INVALID';
  constructor(value: unknown, what = 'Tanggal', format = 'YYYY-MM-DD') {
    super(`${what} tidak valid: ${JSON.stringify(value)} (format ${format}).`);
    this.name = 'InvalidDateError';
  }
}

/** A calendar date written as 'YYYY-MM-DD'. */
export type IsoDate = string;

export type CalendarDate = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidCalendarDate({ year, month, day }: CalendarDate): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses a strict 'YYYY-MM-DD' string into a real calendar date, or null. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidCalendarDate(date) ? date : null;
}

/** Like parseCalendarDate, for values the caller must get right: throws InvalidDateError. */
export function requireCalendarDate(value: string, what?: string): CalendarDate {
  const date = parseCalendarDate(value);
  if (!date) throw new InvalidDateError(value, what);
  return date;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const LONG_DATE_ID = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2026-12-01' → '1 Desember 2026'. */
export function formatCalendarDateId({ year, month, day }: CalendarDate): string {
  const instant = new Date(Date.UTC(2000, month - 1, day));
  instant.setUTCFullYear(year);
  return LONG_DATE_ID.format(instant);
}

/** Negative when a is before b, 0 when equal, positive when a is after b. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The date `days` days after (or, when negative, before) the given date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
