import { describe, expect, it } from 'vitest';
import {
  AGENCY_ZONES,
  calendarDateInZone,
  endOfDayInZone,
  formatInZone,
  intlWallClock,
  isAgencyZone,
  requireInstant,
  startOfDayInZone,
  toInstant,
  wallClock,
  zoneLabel,
  zoneOffsetMinutes,
} from './time.js';

describe('zoneLabel', () => {
  it('names the three Indonesian zones', () => {
    expect(zoneLabel('Asia/Jakarta')).toBe('WIB');
    expect(zoneLabel('Asia/Makassar')).toBe('WITA');
    expect(zoneLabel('Asia/Jayapura')).toBe('WIT');
  });
});

describe('isAgencyZone', () => {
  it('accepts only the three agency zones', () => {
    expect(isAgencyZone('Asia/Makassar')).toBe(true);
    expect(isAgencyZone('Asia/Singapore')).toBe(false);
    expect(isAgencyZone('toString')).toBe(false);
  });
});

describe('toInstant / requireInstant', () => {
  it('reads ISO strings with Z or an offset', () => {
    expect(toInstant('2026-12-01T10:00:00Z')?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(toInstant('2026-12-01T17:00:00+07:00')?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(toInstant('2026-12-01T10:00Z')?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('refuses strings without a zone, date-only strings and impossible dates', () => {
    expect(toInstant('2026-12-01T10:00:00')).toBeNull();
    expect(toInstant('2026-12-01')).toBeNull();
    expect(toInstant('2026-13-01T10:00:00Z')).toBeNull();
    expect(toInstant('kemarin')).toBeNull();
  });

  it('passes a valid Date through and refuses an invalid one', () => {
    const date = new Date('2026-01-01T00:00:00Z');
    expect(toInstant(date)).toBe(date);
    expect(toInstant(new Date(Number.NaN))).toBeNull();
  });

  it('throws DATE_INVALID with an Indonesian message', () => {
    expect(() => requireInstant('2026-12-01', 'Waktu pengumuman')).toThrowError(
      expect.objectContaining({
        code: 'DATE_INVALID',
        message: 'Waktu pengumuman tidak valid: "2026-12-01" (format ISO 8601 dengan zona waktu).',
      }),
    );
  });
});

describe('wallClock', () => {
  const zones = Object.keys(AGENCY_ZONES);
  const day = 86_400_000;
  const end = Date.UTC(2100, 0, 1);

  it('reads every zone as the time-zone database does, from 1970 to 2100: around each local midnight, each year end and at random instants', () => {
    const instants = [0, 1, end];
    for (let t = 0; t < end; t += 97 * day + 3_600_000 + 61_001) instants.push(t);
    for (let year = 1970; year < 2100; year += 1) {
      const newYear = Date.UTC(year, 0, 1);
      for (const hours of [7, 8, 9]) instants.push(newYear - hours * 3_600_000 - 1, newYear - hours * 3_600_000);
    }
    // A fixed seed (a linear congruential sequence), so a failure can be replayed.
    let seed = 20_261_206;
    for (let i = 0; i < 5_000; i += 1) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      instants.push(Math.floor((seed / 2_147_483_648) * end));
    }
    for (const zone of zones) {
      for (const t of instants) expect(wallClock(new Date(t), zone), `${zone} ${new Date(t).toISOString()}`).toEqual(intlWallClock(new Date(t), zone));
    }
  });

  it('asks the time-zone database before 1970, when Jakarta was +07:30 (1964 moved it to +07:00)', () => {
    const at = new Date('1960-06-01T00:00:00Z');
    expect(wallClock(at, 'Asia/Jakarta')).toEqual({ year: 1960, month: 6, day: 1, hour: 7, minute: 30, second: 0 });
    expect(wallClock(new Date(-1), 'Asia/Jayapura')).toEqual(intlWallClock(new Date(-1), 'Asia/Jayapura'));
  });

  it('reads other zones through the time-zone database', () => {
    expect(wallClock(new Date('2026-07-01T12:00:00Z'), 'Europe/Amsterdam')).toEqual({ year: 2026, month: 7, day: 1, hour: 14, minute: 0, second: 0 });
  });
});

describe('zoneOffsetMinutes', () => {
  it('is +7, +8 and +9 hours', () => {
    const at = '2026-07-01T00:00:00Z';
    expect(zoneOffsetMinutes(at, 'Asia/Jakarta')).toBe(420);
    expect(zoneOffsetMinutes(at, 'Asia/Makassar')).toBe(480);
    expect(zoneOffsetMinutes(at, 'Asia/Jayapura')).toBe(540);
  });
});

describe('formatInZone', () => {
  it('writes day, Indonesian month, year, hour.minute and the zone label', () => {
    const at = '2026-11-22T07:05:00Z';
    expect(formatInZone(at, 'Asia/Jakarta')).toBe('22 November 2026 14.05 WIB');
    expect(formatInZone(at, 'Asia/Makassar')).toBe('22 November 2026 15.05 WITA');
    expect(formatInZone(at, 'Asia/Jayapura')).toBe('22 November 2026 16.05 WIT');
  });

  it('moves to the next local day when UTC is still on the previous one', () => {
    expect(formatInZone(new Date('2026-11-30T17:30:00Z'), 'Asia/Jakarta')).toBe('1 Desember 2026 00.30 WIB');
  });

  it('pads hours and writes midnight as 00', () => {
    expect(formatInZone('2026-02-01T02:07:00Z', 'Asia/Jakarta')).toBe('1 Februari 2026 09.07 WIB');
    expect(formatInZone('2026-02-01T15:00:00Z', 'Asia/Jayapura')).toBe('2 Februari 2026 00.00 WIT');
  });

  it('throws DATE_INVALID for an unreadable instant', () => {
    expect(() => formatInZone('besok', 'Asia/Jakarta')).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});

describe('endOfDayInZone / startOfDayInZone', () => {
  it('gives the UTC instant of 23:59:59.999 local time', () => {
    expect(endOfDayInZone('2026-12-01', 'Asia/Jakarta').toISOString()).toBe('2026-12-01T16:59:59.999Z');
    expect(endOfDayInZone('2026-12-01', 'Asia/Makassar').toISOString()).toBe('2026-12-01T15:59:59.999Z');
    expect(endOfDayInZone('2026-12-01', 'Asia/Jayapura').toISOString()).toBe('2026-12-01T14:59:59.999Z');
  });

  it('gives the UTC instant of local midnight, on the previous UTC day', () => {
    expect(startOfDayInZone('2026-12-01', 'Asia/Jakarta').toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(startOfDayInZone('2026-01-01', 'Asia/Jayapura').toISOString()).toBe('2025-12-31T15:00:00.000Z');
  });

  it('handles 29 February and the year end', () => {
    expect(endOfDayInZone('2028-02-29', 'Asia/Jakarta').toISOString()).toBe('2028-02-29T16:59:59.999Z');
    expect(endOfDayInZone('2026-12-31', 'Asia/Jakarta').toISOString()).toBe('2026-12-31T16:59:59.999Z');
  });

  it('formats back as the last minute of that local day', () => {
    expect(formatInZone(endOfDayInZone('2026-12-01', 'Asia/Makassar'), 'Asia/Makassar')).toBe('1 Desember 2026 23.59 WITA');
  });

  it('throws DATE_INVALID for a date that does not exist', () => {
    expect(() => endOfDayInZone('2026-02-29', 'Asia/Jakarta')).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});

describe('calendarDateInZone', () => {
  it('gives the local calendar date of an instant', () => {
    expect(calendarDateInZone('2026-11-30T16:59:59.999Z', 'Asia/Jakarta')).toBe('2026-11-30');
    expect(calendarDateInZone('2026-11-30T17:00:00Z', 'Asia/Jakarta')).toBe('2026-12-01');
    expect(calendarDateInZone('2026-11-30T15:00:00Z', 'Asia/Jayapura')).toBe('2026-12-01');
  });
});
