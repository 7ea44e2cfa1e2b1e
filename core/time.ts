/**
 * Instants are stored and compared in UTC; people read them in their agency's zone. Indonesia
 * has three zones and no daylight saving time.
 */
import { InvalidDateError, requireCalendarDate, type IsoDate } from './calendar-date.js';

export const AGENCY_ZONES = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
} as const;

export type AgencyZone = keyof typeof AGENCY_ZONES;
export type ZoneLabel = (typeof AGENCY_ZONES)[AgencyZone];

/** A Date, or an ISO 8601 string with an explicit zone ('…Z' or '…+07:00'). */
export type Instant = Date | string;

export function isAgencyZone(value: string): value is AgencyZone {
  return Object.hasOwn(AGENCY_ZONES, value);
}

/** 'Asia/Makassar' → 'WITA'. */
export function zoneLabel(zone: AgencyZone): ZoneLabel {
  return AGENCY_ZONES[zone];
}

// A string without a zone would be read in the server's zone, which is exactly the bug to avoid.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant as a Date, or null when it is not a valid Date or zoned ISO 8601 string. */
export function toInstant(value: Instant): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Like toInstant, for values the caller must get right: throws InvalidDateError (DATE_INVALID). */
export function requireInstant(value: Instant, what = 'Waktu'): Date {
  const date = toInstant(value);
  if (!date) throw new InvalidDateError(value instanceof Date ? 'Invalid Date' : value, what, 'ISO 8601 dengan zona waktu');
  return date;
}

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The three zones' offsets, kept unchanged since 1964 (tzdata: Jakarta and Jayapura moved to +07
 * and +09 that year, Makassar has been +08 since 1945), without daylight saving. From 1970 on a
 * wall clock is therefore plain arithmetic, about twenty times cheaper than Intl's
 * formatToParts; a test compares both over the whole range. Earlier instants ask Intl.
 */
const FIXED_OFFSET_MINUTES = new Map<string, number>([
  ['Asia/Jakarta', 420],
  ['Asia/Makassar', 480],
  ['Asia/Jayapura', 540],
]);

export function wallClock(date: Date, zone: string): WallClock {
  const offset = FIXED_OFFSET_MINUTES.get(zone);
  if (offset !== undefined && date.getTime() >= 0) {
    const local = new Date(date.getTime() + offset * 60_000);
    return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes(), second: local.getUTCSeconds() };
  }
  return intlWallClock(date, zone);
}

/** The wall clock as Intl reads it from the time-zone database (any zone, any instant). */
export function intlWallClock(date: Date, zone: string): WallClock {
  let formatter = wallClockFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormatters.set(zone, formatter);
  }
  const parts = formatter.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

function utcMilliseconds(clock: WallClock, millisecond = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  date.setUTCHours(clock.hour, clock.minute, clock.second, millisecond);
  return date.getTime();
}

/** Minutes the zone is ahead of UTC at that instant (WIB: 420). */
export function zoneOffsetMinutes(instant: Instant, zone: AgencyZone): number {
  const date = requireInstant(instant);
  const seconds = Math.floor(date.getTime() / 1000) * 1000;
  return (utcMilliseconds(wallClock(date, zone)) - seconds) / 60_000;
}

/** The calendar date an instant falls on in the zone: 2026-11-30T18:00Z is '2026-12-01' in WIB. */
export function calendarDateInZone(instant: Instant, zone: AgencyZone): IsoDate {
  const { year, month, day } = wallClock(requireInstant(instant), zone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function localTimeToUtc(date: IsoDate, zone: AgencyZone, time: Omit<WallClock, 'year' | 'month' | 'day'>, ms: number): Date {
  const local = utcMilliseconds({ ...requireCalendarDate(date), ...time }, ms);
  // Reading the offset at the local time taken as UTC is exact for zones without daylight saving.
  return new Date(local - zoneOffsetMinutes(new Date(local), zone) * 60_000);
}

/** The UTC instant of 00:00:00.000 local time on that date. */
export function startOfDayInZone(date: IsoDate, zone: AgencyZone): Date {
  return localTimeToUtc(date, zone, { hour: 0, minute: 0, second: 0 }, 0);
}

/**
 * The UTC instant of 23:59:59.999 local time on that date: a registration that "closes on
 * 1 December" in Jayapura closes at 2026-12-01T14:59:59.999Z.
 */
export function endOfDayInZone(date: IsoDate, zone: AgencyZone): Date {
  return localTimeToUtc(date, zone, { hour: 23, minute: 59, second: 59 }, 999);
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

/** '22 November 2026 14.05 WIB'. */
export function formatInZone(date: Instant, zone: AgencyZone): string {
  const instant = requireInstant(date);
  let formatter = displayFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('id-ID', {
      timeZone: zone,
      hourCycle: 'h23',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    displayFormatters.set(zone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} ${part('hour')}.${part('minute')} ${zoneLabel(zone)}`;
}
