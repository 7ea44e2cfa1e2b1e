/**
 * Employees (pegawai) after recruitment: employment types and statuses, the NIP, the CPNS probation
 * period and the reasons an employment ends. Pure; shared by the server and the web app.
 *
 * NIP (PP 11/2017, BKN): 18 digits = birth date YYYYMMDD + TMT CPNS YYYYMM + sex (1 man, 2 woman)
 * + serial 001–999. A PPPK's NI PPPK is 18 digits beginning with the birth date too, but its middle
 * part is not a month, so only the birth date and the length are checked for PPPK.
 */
import { addDays, formatCalendarDate, isValidCalendarDate, parseCalendarDate, type IsoDate } from './calendar-date.js';

export const EMPLOYMENT_TYPES = ['cpns', 'pns', 'pppk'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];
export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = { cpns: 'CPNS', pns: 'PNS', pppk: 'PPPK' };

/** calon: a CPNS in probation; active; ended (retired, resigned, dismissed, moved, died). */
export const EMPLOYEE_STATUSES = ['calon', 'active', 'ended'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];
export const EMPLOYEE_STATUS_LABELS: Record<EmployeeStatus, string> = { calon: 'Masa percobaan (CPNS)', active: 'Aktif', ended: 'Berhenti' };

export const EMPLOYEE_SOURCES = ['selection', 'import', 'manual'] as const;
export type EmployeeSource = (typeof EMPLOYEE_SOURCES)[number];
export const EMPLOYEE_SOURCE_LABELS: Record<EmployeeSource, string> = { selection: 'Hasil seleksi', import: 'Impor data', manual: 'Input manual' };

export const END_REASONS = ['pensiun', 'mengundurkan_diri', 'diberhentikan', 'pindah_instansi', 'meninggal', 'kontrak_berakhir', 'tidak_lulus_percobaan'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS: Record<EndReason, string> = {
  pensiun: 'Pensiun',
  mengundurkan_diri: 'Mengundurkan diri',
  diberhentikan: 'Diberhentikan',
  pindah_instansi: 'Pindah ke instansi lain',
  meninggal: 'Meninggal dunia',
  kontrak_berakhir: 'Perjanjian kerja PPPK berakhir',
  tidak_lulus_percobaan: 'Tidak lulus masa percobaan CPNS',
};

/** Probation of a CPNS: one year from the TMT (PP 11/2017 art. 34), at most two. */
export const PROBATION_MONTHS = 12;
export const PROBATION_MAX_MONTHS = 24;

/** The status an employee starts in: a CPNS is in probation, PNS and PPPK are active. */
export const initialStatus = (type: EmploymentType): EmployeeStatus => (type === 'cpns' ? 'calon' : 'active');

/** The same day `months` later (the last day of the month when it has no such day). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new RangeError(`Tanggal tidak valid: ${date}`);
  const index = parsed.year * 12 + (parsed.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  let day = parsed.day;
  while (!isValidCalendarDate({ year, month, day })) day -= 1;
  return formatCalendarDate({ year, month, day });
}

/** The day probation ends: the day before the TMT's anniversary (a year of service). */
export function defaultProbationEnd(appointedAt: IsoDate): IsoDate {
  const anniversary = parseCalendarDate(addMonths(appointedAt, PROBATION_MONTHS))!;
  return formatCalendarDate(addDays(anniversary, -1));
}

export type DatesProblem = { field: 'probationEndsAt' | 'endedAt'; message: string };

/** Checks the dates of an employment against each other; null when they agree. */
export function checkEmploymentDates(options: { type: EmploymentType; appointedAt: IsoDate; probationEndsAt: IsoDate | null; endedAt?: IsoDate | null }): DatesProblem | null {
  const { appointedAt, probationEndsAt, endedAt } = options;
  if (options.type === 'cpns' && probationEndsAt !== null) {
    if (probationEndsAt <= appointedAt) return { field: 'probationEndsAt', message: 'Akhir masa percobaan harus setelah TMT pengangkatan' };
    if (probationEndsAt > addMonths(appointedAt, PROBATION_MAX_MONTHS)) return { field: 'probationEndsAt', message: 'Masa percobaan CPNS paling lama 2 tahun' };
  }
  if (options.type !== 'cpns' && probationEndsAt !== null) return { field: 'probationEndsAt', message: 'Masa percobaan hanya untuk CPNS' };
  if (endedAt && endedAt < appointedAt) return { field: 'endedAt', message: 'Tanggal berhenti tidak boleh sebelum TMT pengangkatan' };
  return null;
}

export type NipCheck = { ok: true; birthDate: IsoDate; sex: 'L' | 'P' | null } | { ok: false; message: string };

/** Checks an 18-digit NIP (CPNS/PNS) or NI PPPK: length, birth date, and for NIP the TMT month and sex digit. */
export function checkNip(nip: string, type: EmploymentType): NipCheck {
  if (!/^\d{18}$/.test(nip)) return { ok: false, message: 'NIP harus 18 angka' };
  const birth = { year: Number(nip.slice(0, 4)), month: Number(nip.slice(4, 6)), day: Number(nip.slice(6, 8)) };
  if (!isValidCalendarDate(birth) || birth.year < 1900) return { ok: false, message: 'NIP: 8 angka pertama harus tanggal lahir yang valid (TTTTBBHH)' };
  if (type === 'pppk') return { ok: true, birthDate: formatCalendarDate(birth), sex: null };
  const tmtYear = Number(nip.slice(8, 12));
  const tmtMonth = Number(nip.slice(12, 14));
  if (tmtMonth < 1 || tmtMonth > 12 || tmtYear < birth.year + 15) return { ok: false, message: 'NIP: angka ke-9 sampai ke-14 harus tahun dan bulan TMT CPNS yang valid' };
  const sex = nip[14];
  if (sex !== '1' && sex !== '2') return { ok: false, message: 'NIP: angka ke-15 harus 1 (laki-laki) atau 2 (perempuan)' };
  if (nip.slice(15) === '000') return { ok: false, message: 'NIP: tiga angka terakhir (nomor urut) tidak boleh 000' };
  return { ok: true, birthDate: formatCalendarDate(birth), sex: sex === '1' ? 'L' : 'P' };
}

/**
 * Whether making `supervisorId` the supervisor of `employeeId` closes a loop: `chainAbove` is the
 * supervisor's own chain upwards (supervisor, their supervisor, …).
 */
export function closesSupervisorLoop(options: { employeeId: string; supervisorId: string; chainAbove: readonly string[] }): boolean {
  return options.supervisorId === options.employeeId || options.chainAbove.includes(options.employeeId);
}
