/**
 * Eligibility at application submission: age on the registration closing date, education
 * against the formation's qualifications, and the extra claims a special formation requires.
 * Every refusal names its rule, carries a stable code and an Indonesian message.
 */
import {
  compareCalendarDates,
  formatCalendarDateId,
  parseCalendarDate,
  requireCalendarDate,
  type CalendarDate,
  type IsoDate,
} from './calendar-date.js';
import type { FieldIssue } from './field-issue.js';

/** Known claim keys; a selection may define more. */
export type ClaimKey = 'cumlaude' | 'disability' | 'papuan' | 'diaspora' | 'disadvantagedRegion' | (string & {});

export type FormasiKind =
  | 'umum'
  | 'cumlaude'
  | 'disabilitas'
  | 'putra_putri_papua'
  | 'diaspora'
  | 'daerah_tertinggal'
  | (string & {});

/** What a formation kind asks of an applicant beyond the general requirements. */
export type FormasiKindRule = {
  label: string;
  requiredClaims: readonly ClaimKey[];
  /** The GPA of the diploma used to apply must be strictly above this value. */
  gpaAbove?: number;
};

export const CLAIM_LABELS: Readonly<Record<string, string>> = {
  cumlaude: 'pernyataan lulus dengan predikat cumlaude (dengan pujian)',
  disability: 'pernyataan sebagai penyandang disabilitas',
  papuan: 'pernyataan sebagai putra/putri Papua',
  diaspora: 'pernyataan sebagai diaspora',
  disadvantagedRegion: 'pernyataan sebagai putra/putri daerah tertinggal',
};

export const FORMASI_KIND_RULES: Readonly<Record<string, FormasiKindRule>> = {
  umum: { label: 'Umum', requiredClaims: [] },
  // 3,50: the SN-Dikti threshold for "dengan pujian" at S1/D4 (IPK > 3,50); an S2 formation or a
  // vacancy announcement asking more sets its own value.
  cumlaude: { label: 'Lulusan Cumlaude', requiredClaims: ['cumlaude'], gpaAbove: 3.5 },
  disabilitas: { label: 'Penyandang Disabilitas', requiredClaims: ['disability'] },
  putra_putri_papua: { label: 'Putra/Putri Papua', requiredClaims: ['papuan'] },
  diaspora: { label: 'Diaspora', requiredClaims: ['diaspora'] },
  daerah_tertinggal: { label: 'Putra/Putri Daerah Tertinggal', requiredClaims: ['disadvantagedRegion'] },
};

export type EligibilityRules = {
  minAge: number;
  /** Maximum age for a formation that sets none. */
  maxAge: number;
  /** The highest maximum any formation may set. */
  maxAgeCeiling: number;
  kinds: Readonly<Record<string, FormasiKindRule>>;
};

// PP 11/2017 art. 23: 18 to 35 on the closing date; up to 40 for listed positions (Keppres 17/2019).
export const ELIGIBILITY_DEFAULTS: EligibilityRules = {
  minAge: 18,
  maxAge: 35,
  maxAgeCeiling: 40,
  kinds: FORMASI_KIND_RULES,
};

/** 'SMA', 'SMK', 'D3', 'D4', 'S1', 'S2', 'S3'… compared after normalizeEducationLevel. */
export type EducationQualification = {
  level: string;
  /** Accepted study programmes; empty means any programme at this level. */
  programmes: readonly string[];
};

export type ApplicantEducation = { level: string; programme: string; gpa?: number };

export type FormasiRequirements = {
  kind: FormasiKind;
  /** The formation's own maximum age, up to the rules' ceiling. */
  maxAge?: number;
  qualifications: readonly EducationQualification[];
};

export type EligibilityApplicant = {
  birthDate: IsoDate;
  /** Every diploma the applicant declares; one matching diploma is enough. */
  education: readonly ApplicantEducation[];
  claims?: Readonly<Partial<Record<ClaimKey, boolean>>>;
};

export type EligibilityOptions = {
  applicant: EligibilityApplicant;
  formasi: FormasiRequirements;
  /** The last day of registration, as the agency entered it. */
  registrationCloses: IsoDate;
  rules?: Partial<EligibilityRules>;
};

export type EligibilityRule = 'age' | 'education' | 'formasiKind';
export type EligibilityFailure = { rule: EligibilityRule; code: string; message: string };
export type EligibilityResult = { eligible: boolean; failures: EligibilityFailure[] };

/**
 * Age in completed years on `date`. Someone born on 29 February completes a year on 1 March in a
 * common year (the day after 28 February): no Indonesian rule says otherwise, and this never
 * makes anyone older than the calendar does. Negative when the birth date is after `date`.
 */
export function ageOnDate(birthDate: IsoDate, date: IsoDate): number {
  const birth = requireCalendarDate(birthDate, 'Tanggal lahir');
  const on = requireCalendarDate(date, 'Tanggal');
  return completedYears(birth, on);
}

function completedYears(birth: CalendarDate, on: CalendarDate): number {
  const years = on.year - birth.year;
  const birthdayReached = compareCalendarDates({ ...on, year: 0 }, { ...birth, year: 0 }) >= 0;
  return birthdayReached ? years : years - 1;
}

/** 'S-1' → 'S1', 'd iii' → 'D3', 'D-IV' → 'D4'. */
export function normalizeEducationLevel(level: string): string {
  const compact = level.toUpperCase().replace(/[\s.\-_]/g, '');
  const roman: Record<string, string> = { DI: 'D1', DII: 'D2', DIII: 'D3', DIV: 'D4' };
  return roman[compact] ?? compact;
}

/** Case- and space-insensitive: '  Teknik  Informatika' and 'teknik informatika' are equal. */
export function normalizeProgramme(programme: string): string {
  return programme.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Own entries only, so a kind or claim named 'toString' is not found on Object.prototype. */
function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function fail(rule: EligibilityRule, code: string, message: string): EligibilityFailure {
  return { rule, code, message };
}

function effectiveMaxAge(formasi: FormasiRequirements, rules: EligibilityRules): number {
  // A formation's maximum above the ceiling is a configuration error (validateFormasiRequirements
  // reports it); here the ceiling still holds so no applicant is admitted by it.
  return Math.min(formasi.maxAge ?? rules.maxAge, rules.maxAgeCeiling);
}

// PP 11/2017 art. 23: age on the day registration closes, in completed years, within [min, max].
function checkAge(options: EligibilityOptions, rules: EligibilityRules): EligibilityFailure[] {
  const birth = parseCalendarDate(options.applicant.birthDate);
  if (!birth) return [fail('age', 'BIRTH_DATE_INVALID', 'Tanggal lahir bukan tanggal yang valid.')];
  const closes = requireCalendarDate(options.registrationCloses, 'Tanggal penutupan pendaftaran');
  const age = completedYears(birth, closes);
  const on = `Usia pada tanggal penutupan pendaftaran (${formatCalendarDateId(closes)}) adalah ${age} tahun`;
  if (age < rules.minAge) {
    return [fail('age', 'AGE_BELOW_MINIMUM', `${on}; usia minimal ${rules.minAge} tahun.`)];
  }
  const maxAge = effectiveMaxAge(options.formasi, rules);
  if (age > maxAge) {
    return [fail('age', 'AGE_ABOVE_MAXIMUM', `${on}; usia maksimal untuk formasi ini ${maxAge} tahun.`)];
  }
  return [];
}

function matchesQualification(education: ApplicantEducation, qualification: EducationQualification): boolean {
  if (normalizeEducationLevel(education.level) !== normalizeEducationLevel(qualification.level)) return false;
  if (qualification.programmes.length === 0) return true;
  const programme = normalizeProgramme(education.programme);
  return qualification.programmes.some((accepted) => normalizeProgramme(accepted) === programme);
}

/** The applicant's diplomas that satisfy at least one of the formation's qualifications. */
function matchingEducation(options: EligibilityOptions): ApplicantEducation[] {
  return options.applicant.education.filter((education) =>
    options.formasi.qualifications.some((qualification) => matchesQualification(education, qualification)),
  );
}

function checkEducation(options: EligibilityOptions): EligibilityFailure[] {
  const { qualifications } = options.formasi;
  const declared = options.applicant.education;
  if (qualifications.length === 0) {
    return [
      fail(
        'education',
        'FORMASI_QUALIFICATION_MISSING',
        'Formasi ini belum menetapkan kualifikasi pendidikan; hubungi panitia seleksi.',
      ),
    ];
  }
  if (declared.length === 0) return [fail('education', 'EDUCATION_NOT_PROVIDED', 'Data pendidikan belum diisi.')];
  if (matchingEducation(options).length > 0) return [];

  const declaredLevels = new Set(declared.map((education) => normalizeEducationLevel(education.level)));
  const sameLevel = qualifications.filter((q) => declaredLevels.has(normalizeEducationLevel(q.level)));
  if (sameLevel.length === 0) {
    const levels = [...new Set(qualifications.map((q) => q.level))].join(', ');
    return [
      fail(
        'education',
        'EDUCATION_LEVEL_MISMATCH',
        `Jenjang pendidikan tidak sesuai dengan kualifikasi formasi (dibutuhkan: ${levels}).`,
      ),
    ];
  }
  const wanted = sameLevel.map((q) => `${q.level}: ${q.programmes.join(', ')}`).join('; ');
  return [
    fail(
      'education',
      'EDUCATION_PROGRAMME_MISMATCH',
      `Program studi tidak sesuai dengan kualifikasi formasi (dibutuhkan ${wanted}).`,
    ),
  ];
}

/** 'disadvantagedRegion' → 'DISADVANTAGED_REGION'. */
function upperSnake(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

const formatGpa = (gpa: number): string =>
  gpa.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// Cumlaude formations: GPA of the diploma used to apply must exceed the threshold.
function checkGpa(options: EligibilityOptions, kind: FormasiKindRule, gpaAbove: number): EligibilityFailure[] {
  const matching = matchingEducation(options);
  if (matching.length === 0) return []; // the education failure already explains the refusal
  const gpas = matching.map((education) => education.gpa).filter((gpa): gpa is number => typeof gpa === 'number');
  if (gpas.length === 0) {
    return [fail('formasiKind', 'GPA_MISSING', `Formasi ${kind.label} mensyaratkan IPK; IPK belum diisi.`)];
  }
  const best = Math.max(...gpas);
  if (best > gpaAbove) return [];
  return [
    fail(
      'formasiKind',
      'GPA_NOT_ABOVE_THRESHOLD',
      `IPK ${formatGpa(best)} tidak memenuhi syarat formasi ${kind.label} (harus lebih dari ${formatGpa(gpaAbove)}).`,
    ),
  ];
}

function checkFormasiKind(options: EligibilityOptions, rules: EligibilityRules): EligibilityFailure[] {
  const kind = lookup(rules.kinds, options.formasi.kind);
  if (!kind) {
    return [
      fail(
        'formasiKind',
        'FORMASI_KIND_UNKNOWN',
        `Jenis formasi "${options.formasi.kind}" tidak dikenal; hubungi panitia seleksi.`,
      ),
    ];
  }
  const claims = options.applicant.claims ?? {};
  const missing = kind.requiredClaims
    .filter((claim) => lookup(claims, claim) !== true)
    .map((claim) =>
      fail(
        'formasiKind',
        `CLAIM_${upperSnake(claim)}_REQUIRED`,
        `Formasi ${kind.label} mensyaratkan ${lookup(CLAIM_LABELS, claim) ?? `pernyataan "${claim}"`}.`,
      ),
    );
  const gpa = kind.gpaAbove === undefined ? [] : checkGpa(options, kind, kind.gpaAbove);
  return [...missing, ...gpa];
}

/** Checks an application at submission; every failure is reported, not only the first. */
export function checkEligibility(options: EligibilityOptions): EligibilityResult {
  const rules: EligibilityRules = { ...ELIGIBILITY_DEFAULTS, ...options.rules };
  const failures = [
    ...checkAge(options, rules),
    ...checkEducation(options),
    ...checkFormasiKind(options, rules),
  ];
  return { eligible: failures.length === 0, failures };
}

export type FormasiRequirementsCheckOptions = { formasi: FormasiRequirements; rules?: Partial<EligibilityRules> };

/** Checks a formation's requirements when an administrator saves them. */
export function validateFormasiRequirements(options: FormasiRequirementsCheckOptions): FieldIssue[] {
  const rules: EligibilityRules = { ...ELIGIBILITY_DEFAULTS, ...options.rules };
  const { formasi } = options;
  const issues: FieldIssue[] = [];
  if (formasi.maxAge !== undefined) {
    const valid =
      Number.isInteger(formasi.maxAge) && formasi.maxAge >= rules.minAge && formasi.maxAge <= rules.maxAgeCeiling;
    if (!valid) {
      issues.push({
        field: 'formasi.maxAge',
        code: 'FORMASI_MAX_AGE_OUT_OF_RANGE',
        // PP 11/2017 art. 23; Keppres 17/2019
        message: `Usia maksimal harus bilangan bulat antara ${rules.minAge} dan ${rules.maxAgeCeiling} tahun.`,
      });
    }
  }
  if (!lookup(rules.kinds, formasi.kind)) {
    issues.push({ field: 'formasi.kind', code: 'FORMASI_KIND_UNKNOWN', message: `Jenis formasi "${formasi.kind}" tidak dikenal.` });
  }
  if (formasi.qualifications.length === 0) {
    issues.push({
      field: 'formasi.qualifications',
      code: 'FORMASI_QUALIFICATION_MISSING',
      message: 'Tetapkan minimal satu kualifikasi pendidikan.',
    });
  }
  formasi.qualifications.forEach((qualification, index) => {
    if (normalizeEducationLevel(qualification.level) === '') {
      issues.push({
        field: `formasi.qualifications.${index}.level`,
        code: 'EDUCATION_LEVEL_REQUIRED',
        message: 'Jenjang pendidikan wajib diisi.',
      });
    }
  });
  return issues;
}
