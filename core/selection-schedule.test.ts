import { describe, expect, it } from 'vitest';
import {
  registrationState,
  registrationWindow,
  scheduleInstant,
  selectionTimeline,
  toScheduleInstants,
  validateLocalSchedule,
  type LocalSchedule,
} from './selection-schedule.js';

const full: LocalSchedule = {
  registrationOpens: '2026-08-01',
  registrationCloses: '2026-08-20',
  adminAnnouncement: '2026-08-25',
  objectionStart: '2026-08-25',
  objectionEnd: '2026-08-28',
  testStart: '2026-09-10',
  testEnd: '2026-09-20',
  finalAnnouncement: '2026-10-01',
};

describe('scheduleInstant', () => {
  it('opens a period at 00:00 local time and ends it at 23:59:59.999 local time', () => {
    expect(scheduleInstant({ field: 'registrationOpens', date: '2026-12-01', zone: 'Asia/Jakarta' }).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(scheduleInstant({ field: 'registrationCloses', date: '2026-12-01', zone: 'Asia/Jayapura' }).toISOString()).toBe('2026-12-01T14:59:59.999Z');
    expect(scheduleInstant({ field: 'objectionEnd', date: '2026-12-01', zone: 'Asia/Makassar' }).toISOString()).toBe('2026-12-01T15:59:59.999Z');
    expect(scheduleInstant({ field: 'finalAnnouncement', date: '2026-12-01', zone: 'Asia/Makassar' }).toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('derives the registration window, or nulls while a date is missing', () => {
    expect(registrationWindow({ schedule: full, zone: 'Asia/Jakarta' })).toEqual({
      opensAt: new Date('2026-07-31T17:00:00.000Z'),
      closesAt: new Date('2026-08-20T16:59:59.999Z'),
    });
    expect(registrationWindow({ schedule: { registrationOpens: '2026-08-01' }, zone: 'Asia/Jakarta' })).toEqual({ opensAt: new Date('2026-07-31T17:00:00.000Z'), closesAt: null });
    expect(Object.keys(toScheduleInstants({ schedule: { testStart: '2026-09-10', testEnd: 'bukan tanggal' }, zone: 'Asia/Jakarta' }))).toEqual(['testStart']);
  });
});

describe('validateLocalSchedule', () => {
  it('accepts a complete schedule in order, one-day registration and an objection window opening on announcement day', () => {
    expect(validateLocalSchedule({ schedule: full, zone: 'Asia/Jakarta', complete: true })).toEqual({ valid: true, errors: [] });
    expect(validateLocalSchedule({ schedule: { registrationOpens: '2026-08-01', registrationCloses: '2026-08-01' }, zone: 'Asia/Jakarta', complete: true }).valid).toBe(true);
  });

  it('refuses the next step on the day a period ends: that day lasts until 23:59', () => {
    expect(validateLocalSchedule({ schedule: { ...full, adminAnnouncement: '2026-08-20', objectionStart: '2026-08-20' }, zone: 'Asia/Jakarta', complete: true }).errors[0]).toEqual({
      field: 'adminAnnouncement',
      code: 'SCHEDULE_ORDER_INVALID',
      message: 'Pengumuman hasil seleksi administrasi tidak boleh sebelum penutupan pendaftaran.',
    });
    expect(validateLocalSchedule({ schedule: { ...full, testStart: '2026-08-28' }, zone: 'Asia/Jakarta', complete: true }).errors.map((e) => e.field)).toEqual(['testStart']);
  });

  it('lets a draft leave dates out but still refuses dates out of order', () => {
    const partial = { registrationOpens: '2026-08-01', testStart: '2026-09-10' };
    expect(validateLocalSchedule({ schedule: partial, zone: 'Asia/Jakarta', complete: false })).toEqual({ valid: true, errors: [] });
    expect(validateLocalSchedule({ schedule: partial, zone: 'Asia/Jakarta', complete: true }).errors.map((e) => e.code)).toEqual(['SCHEDULE_FIELD_REQUIRED', 'SCHEDULE_PAIR_INCOMPLETE']);
    expect(validateLocalSchedule({ schedule: { registrationOpens: '2026-08-10', testStart: '2026-08-01' }, zone: 'Asia/Jakarta', complete: false }).errors.map((e) => e.code)).toEqual(['SCHEDULE_ORDER_INVALID']);
  });

  it('reports a date that is not on the calendar', () => {
    expect(validateLocalSchedule({ schedule: { registrationOpens: '2026-02-30' }, zone: 'Asia/Jakarta', complete: false }).errors).toEqual([
      { field: 'registrationOpens', code: 'SCHEDULE_DATE_INVALID', message: 'Pembukaan pendaftaran bukan tanggal yang valid (format YYYY-MM-DD).' },
    ]);
  });
});

describe('selectionTimeline', () => {
  it('lists the periods that have dates, each from the start of its first day to the end of its last', () => {
    const timeline = selectionTimeline({ schedule: { registrationOpens: '2026-08-01', registrationCloses: '2026-08-20', finalAnnouncement: '2026-10-01' }, zone: 'Asia/Jakarta' });
    expect(timeline).toEqual([
      { key: 'pendaftaran', label: 'Pendaftaran', startDate: '2026-08-01', endDate: '2026-08-20', startsAt: new Date('2026-07-31T17:00:00.000Z'), endsAt: new Date('2026-08-20T16:59:59.999Z') },
      { key: 'pengumuman_akhir', label: 'Pengumuman hasil akhir', startDate: '2026-10-01', endDate: '2026-10-01', startsAt: new Date('2026-09-30T17:00:00.000Z'), endsAt: new Date('2026-10-01T16:59:59.999Z') },
    ]);
    expect(selectionTimeline({ schedule: full, zone: 'Asia/Jakarta' }).map((entry) => entry.key)).toEqual(['pendaftaran', 'pengumuman_administrasi', 'sanggah', 'ujian', 'pengumuman_akhir']);
  });
});

describe('registrationState', () => {
  const opensAt = new Date('2026-08-01T00:00:00Z');
  const closesAt = new Date('2026-08-20T16:59:59.999Z');
  it.each([
    ['2026-07-31T23:59:59.999Z', 'upcoming'],
    ['2026-08-01T00:00:00.000Z', 'open'],
    ['2026-08-20T16:59:59.999Z', 'open'],
    ['2026-08-20T17:00:00.000Z', 'closed'],
  ])('at %s registration is %s', (now, state) => {
    expect(registrationState({ opensAt, closesAt, now: new Date(now) })).toBe(state);
  });
  it('is unscheduled without both instants', () => {
    expect(registrationState({ opensAt, closesAt: null, now: new Date() })).toBe('unscheduled');
  });
});
