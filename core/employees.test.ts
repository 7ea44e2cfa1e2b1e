import { describe, expect, it } from 'vitest';
import { addMonths, checkEmploymentDates, checkNip, closesSupervisorLoop, defaultProbationEnd, initialStatus } from './employees.js';

describe('checkNip', () => {
  it('accepts a well-formed NIP and reads birth date and sex', () => {
    expect(checkNip('199503142020121001', 'cpns')).toEqual({ ok: true, birthDate: '1995-03-14', sex: 'L' });
    expect(checkNip('199811302021032002', 'pns')).toEqual({ ok: true, birthDate: '1998-11-30', sex: 'P' });
  });

  it.each([
    ['19950314202012100', 'NIP harus 18 angka'],
    ['1995031420201210011', 'NIP harus 18 angka'],
    ['19950314202012100A', 'NIP harus 18 angka'],
    [' 99503142020121001', 'NIP harus 18 angka'],
    ['199502302020121001', 'tanggal lahir'],
    ['199513012020121001', 'tanggal lahir'],
    ['189901012020121001', 'tanggal lahir'],
    ['199503142020131001', 'TMT'],
    ['199503142020001001', 'TMT'],
    ['199503142005011001', 'TMT'],
    ['199503142020123001', 'angka ke-15'],
    ['199503142020120001', 'angka ke-15'],
    ['199503142020121000', 'nomor urut'],
  ])('refuses %s (%s)', (nip, message) => {
    const result = checkNip(nip, 'pns');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('accepts a leap-day birth date only in a leap year', () => {
    expect(checkNip('200002292021011001', 'cpns').ok).toBe(true);
    expect(checkNip('200102292021011001', 'cpns').ok).toBe(false);
  });

  it('checks only the length and the birth date of an NI PPPK', () => {
    expect(checkNip('198705122023212004', 'pppk')).toEqual({ ok: true, birthDate: '1987-05-12', sex: null });
    expect(checkNip('198713122023212004', 'pppk').ok).toBe(false);
    expect(checkNip('19870512202321200', 'pppk').ok).toBe(false);
  });
});

describe('probation', () => {
  it('starts a CPNS in probation and PNS/PPPK active', () => {
    expect(initialStatus('cpns')).toBe('calon');
    expect(initialStatus('pns')).toBe('active');
    expect(initialStatus('pppk')).toBe('active');
  });

  it('ends probation the day before the TMT anniversary, month ends and leap days included', () => {
    expect(defaultProbationEnd('2025-03-01')).toBe('2026-02-28');
    expect(defaultProbationEnd('2025-01-01')).toBe('2025-12-31');
    expect(defaultProbationEnd('2024-02-29')).toBe('2025-02-27');
    expect(defaultProbationEnd('2023-03-01')).toBe('2024-02-29');
  });

  it('adds months keeping the day or the month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
    expect(addMonths('2025-05-10', 24)).toBe('2027-05-10');
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
  });

  it('checks the dates of an employment against each other', () => {
    const cpns = { type: 'cpns' as const, appointedAt: '2025-03-01' };
    expect(checkEmploymentDates({ ...cpns, probationEndsAt: '2026-02-28' })).toBeNull();
    expect(checkEmploymentDates({ ...cpns, probationEndsAt: null })).toBeNull();
    expect(checkEmploymentDates({ ...cpns, probationEndsAt: '2025-03-01' })?.field).toBe('probationEndsAt');
    expect(checkEmploymentDates({ ...cpns, probationEndsAt: '2027-03-01' })).toBeNull();
    expect(checkEmploymentDates({ ...cpns, probationEndsAt: '2027-03-02' })?.message).toContain('2 tahun');
    expect(checkEmploymentDates({ type: 'pns', appointedAt: '2025-03-01', probationEndsAt: '2026-02-28' })?.message).toContain('hanya untuk CPNS');
    expect(checkEmploymentDates({ ...cpns, probationEndsAt: null, endedAt: '2025-02-28' })?.field).toBe('endedAt');
    expect(checkEmploymentDates({ ...cpns, probationEndsAt: null, endedAt: '2025-03-01' })).toBeNull();
  });
});

describe('closesSupervisorLoop', () => {
  it('refuses oneself as supervisor', () => {
    expect(closesSupervisorLoop({ employeeId: 'a', supervisorId: 'a', chainAbove: [] })).toBe(true);
  });
  it('refuses a supervisor who reports (directly or not) to the employee', () => {
    expect(closesSupervisorLoop({ employeeId: 'a', supervisorId: 'b', chainAbove: ['c', 'a'] })).toBe(true);
    expect(closesSupervisorLoop({ employeeId: 'a', supervisorId: 'b', chainAbove: ['a'] })).toBe(true);
  });
  it('allows a supervisor outside the employee’s own reports', () => {
    expect(closesSupervisorLoop({ employeeId: 'a', supervisorId: 'b', chainAbove: ['c', 'd'] })).toBe(false);
    expect(closesSupervisorLoop({ employeeId: 'a', supervisorId: 'b', chainAbove: [] })).toBe(false);
  });
});
