/**
 * NIK (Nomor Induk Kependudukan): 16 digits = province(2) + regency/city(2) + district(2) +
 * DDMMYY of birth (women: day + 40) + serial(4, from 0001).
 * Source: Dukcapil explanations of the 16-digit NIK (domain-rules §1).
 */
import {
  compareCalendarDates,
  formatCalendarDate,
  isValidCalendarDate,
  parseCalendarDate,
  requireCalendarDate,
  type CalendarDate,
  type IsoDate,
} from './calendar-date.js';
import type { FieldIssue } from './field-issue.js';

export type Sex = 'L' | 'P';

export const SEX_LABELS: Record<Sex, string> = { L: 'Laki-laki', P: 'Perempuan' };

/**
 * Province codes of the Ministry of Home Affairs (Kemendagri), the codes Dukcapil writes into a
 * NIK, including the Papuan provinces created in 2022. A NIK keeps the code it was issued with,
 * so a resident of a new province may still carry 91 (Papua) or 92 (Papua Barat).
 */
export const NIK_PROVINCES: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
  // Not a Kemendagri province code in the sources found (BPS's statistical coding uses 97 for
  // Papua Pegunungan). Accepted because refusing a real applicant's NIK costs more than
  // accepting an unassigned code; remove it from the preset once Dukcapil confirms.
  '97': 'Papua (kode 97)',
};

export type NikOptions = {
  /** The date against which a two-digit birth year is resolved, usually today in the agency's zone. */
  referenceDate: IsoDate;
  /** Province codes accepted in the first two digits. */
  provinceCodes?: readonly string[];
};

export const NIK_DEFAULTS = {
  provinceCodes: Object.keys(NIK_PROVINCES),
  /** Dukcapil: women's birth day is written as day + 40 (41–71). */
  femaleDayOffset: 40,
} as const;

export type NikParts = {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: IsoDate;
  sex: Sex;
  serial: string;
};

export type NikRefusalCode =
  | 'NIK_REQUIRED'
  | 'NIK_CONTAINS_SPACES'
  | 'NIK_NOT_NUMERIC'
  | 'NIK_WRONG_LENGTH'
  | 'NIK_PROVINCE_UNKNOWN'
  | 'NIK_REGENCY_ZERO'
  | 'NIK_DISTRICT_ZERO'
  | 'NIK_BIRTH_DATE_INVALID'
  | 'NIK_SERIAL_ZERO';

export type NikRefusal = { ok: false; code: NikRefusalCode; message: string };
export type NikParseResult = { ok: true; value: NikParts } | NikRefusal;

const NIK_LENGTH = 16;

function refuse(code: NikRefusalCode, message: string): NikRefusal {
  return { ok: false, code, message };
}

/**
 * Two digits of year carry no century: the most recent year that does not put the birth date
 * after the reference date wins (reference 2026-06-01: 05 → 2005, 30 → 1930, 26-07-… → 1926).
 */
function resolveBirthDate(day: number, month: number, yy: number, reference: CalendarDate): CalendarDate {
  const candidate = { year: Math.floor(reference.year / 100) * 100 + yy, month, day };
  if (compareCalendarDates(candidate, reference) > 0) candidate.year -= 100;
  return candidate;
}

function checkFormat(nik: string): NikRefusal | null {
  if (nik.length === 0) return refuse('NIK_REQUIRED', 'NIK wajib diisi.');
  if (/\s/.test(nik)) return refuse('NIK_CONTAINS_SPACES', 'NIK tidak boleh mengandung spasi.');
  if (/\D/.test(nik)) return refuse('NIK_NOT_NUMERIC', 'NIK hanya boleh berisi angka 0–9.');
  if (nik.length !== NIK_LENGTH) {
    return refuse('NIK_WRONG_LENGTH', `NIK harus ${NIK_LENGTH} digit; yang diisi ${nik.length} digit.`);
  }
  return null;
}

function checkRegion(nik: string, provinceCodes: readonly string[]): NikRefusal | null {
  const province = nik.slice(0, 2);
  if (!provinceCodes.includes(province)) {
    return refuse('NIK_PROVINCE_UNKNOWN', `Kode provinsi ${province} pada NIK (digit 1–2) tidak dikenal.`);
  }
  if (nik.slice(2, 4) === '00') {
    return refuse('NIK_REGENCY_ZERO', 'Kode kabupaten/kota pada NIK (digit 3–4) tidak boleh 00.');
  }
  if (nik.slice(4, 6) === '00') {
    return refuse('NIK_DISTRICT_ZERO', 'Kode kecamatan pada NIK (digit 5–6) tidak boleh 00.');
  }
  return null;
}

/** Reads and checks a NIK; refusals carry a stable code and an Indonesian message. */
export function parseNik(nik: string, options: NikOptions): NikParseResult {
  const reference = requireCalendarDate(options.referenceDate, 'Tanggal acuan');
  const provinceCodes = options.provinceCodes ?? NIK_DEFAULTS.provinceCodes;

  const refusal = checkFormat(nik) ?? checkRegion(nik, provinceCodes);
  if (refusal) return refusal;

  const rawDay = Number(nik.slice(6, 8));
  const sex: Sex = rawDay > NIK_DEFAULTS.femaleDayOffset ? 'P' : 'L';
  const day = sex === 'P' ? rawDay - NIK_DEFAULTS.femaleDayOffset : rawDay;
  const birth = resolveBirthDate(day, Number(nik.slice(8, 10)), Number(nik.slice(10, 12)), reference);
  if (!isValidCalendarDate(birth)) {
    return refuse(
      'NIK_BIRTH_DATE_INVALID',
      'Tanggal lahir pada NIK (digit 7–12, DDMMYY; perempuan: tanggal + 40) bukan tanggal yang valid.',
    );
  }

  const serial = nik.slice(12);
  if (serial === '0000') return refuse('NIK_SERIAL_ZERO', 'Nomor urut pada NIK (digit 13–16) tidak boleh 0000.');

  return {
    ok: true,
    value: {
      provinceCode: nik.slice(0, 2),
      regencyCode: nik.slice(2, 4),
      districtCode: nik.slice(4, 6),
      birthDate: formatCalendarDate(birth),
      sex,
      serial,
    },
  };
}

export type NikProfileOptions = NikOptions & {
  nik: string;
  /** Birth date the applicant entered. */
  birthDate: IsoDate;
  /** Sex the applicant entered. */
  sex: Sex;
};

export type NikProfileCheck = {
  /** True when the NIK is valid and agrees with the entered birth date and sex. */
  consistent: boolean;
  issues: FieldIssue[];
  /** What the NIK says, when it could be read. */
  derived?: NikParts;
};

function ddmmyyyy({ year, month, day }: CalendarDate): string {
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}

function checkBirthDate(entered: IsoDate, derived: NikParts): FieldIssue | null {
  const date = parseCalendarDate(entered);
  if (!date) {
    return { field: 'birthDate', code: 'BIRTH_DATE_INVALID', message: 'Tanggal lahir bukan tanggal yang valid.' };
  }
  const fromNik = requireCalendarDate(derived.birthDate);
  // The NIK holds only two year digits, so the century of the entered date is trusted.
  const agrees = date.day === fromNik.day && date.month === fromNik.month && date.year % 100 === fromNik.year % 100;
  if (agrees) return null;
  const nikDigits = `${String(fromNik.day).padStart(2, '0')}-${String(fromNik.month).padStart(2, '0')}-${String(fromNik.year % 100).padStart(2, '0')}`;
  return {
    field: 'birthDate',
    code: 'NIK_BIRTH_DATE_MISMATCH',
    message: `Tanggal lahir yang diisi (${ddmmyyyy(date)}) tidak sesuai dengan tanggal lahir pada NIK (${nikDigits}).`,
  };
}

function checkSex(entered: Sex, derived: NikParts): FieldIssue | null {
  if (entered !== 'L' && entered !== 'P') {
    return { field: 'sex', code: 'SEX_INVALID', message: 'Jenis kelamin harus L (laki-laki) atau P (perempuan).' };
  }
  if (entered === derived.sex) return null;
  return {
    field: 'sex',
    code: 'NIK_SEX_MISMATCH',
    message: `Jenis kelamin yang diisi (${SEX_LABELS[entered]}) tidak sesuai dengan NIK (${SEX_LABELS[derived.sex]}).`,
  };
}

/** Checks that the birth date and sex an applicant entered agree with their NIK (domain-rules §1). */
export function checkNikAgainstProfile(options: NikProfileOptions): NikProfileCheck {
  const parsed = parseNik(options.nik, options);
  if (!parsed.ok) {
    return { consistent: false, issues: [{ field: 'nik', code: parsed.code, message: parsed.message }] };
  }
  const issues = [checkBirthDate(options.birthDate, parsed.value), checkSex(options.sex, parsed.value)].filter(
    (issue): issue is FieldIssue => issue !== null,
  );
  return { consistent: issues.length === 0, issues, derived: parsed.value };
}

export type MaskOptions = { visibleStart?: number; visibleEnd?: number };

export const MASK_DEFAULTS = {
  nik: { visibleStart: 4, visibleEnd: 4 },
  phone: { visibleStart: 4, visibleEnd: 3 },
  emailLocalVisible: 1,
} as const;

/** Keeps the ends visible and stars the middle; a value too short to have a middle is starred whole. */
function maskMiddle(value: string, visibleStart: number, visibleEnd: number): string {
  if (value.length <= visibleStart + visibleEnd) return '*'.repeat(value.length);
  const hidden = value.length - visibleStart - visibleEnd;
  return value.slice(0, visibleStart) + '*'.repeat(hidden) + value.slice(value.length - visibleEnd);
}

/** '3273010101950001' → '3273********0001'. */
export function maskNik(nik: string, options: MaskOptions = {}): string {
  const { visibleStart = MASK_DEFAULTS.nik.visibleStart, visibleEnd = MASK_DEFAULTS.nik.visibleEnd } = options;
  return maskMiddle(nik, visibleStart, visibleEnd);
}

/** '0812-3456-7890' → '0812*****890'; separators (spaces, dashes, dots, brackets) are dropped first. */
export function maskPhone(phone: string, options: MaskOptions = {}): string {
  const { visibleStart = MASK_DEFAULTS.phone.visibleStart, visibleEnd = MASK_DEFAULTS.phone.visibleEnd } = options;
  return maskMiddle(phone.replace(/[\s\-.()]/g, ''), visibleStart, visibleEnd);
}

/** 'budi.santoso@gmail.com' → 'b***********@gmail.com'; the domain stays readable. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return '*'.repeat(email.length);
  const local = email.slice(0, at);
  return maskMiddle(local, MASK_DEFAULTS.emailLocalVisible, 0) + email.slice(at);
}
