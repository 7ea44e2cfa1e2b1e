import { describe, expect, it } from 'vitest';
import {
  ageOnDate,
  checkEligibility,
  ELIGIBILITY_DEFAULTS,
  normalizeEducationLevel,
  normalizeProgramme,
  validateFormasiRequirements,
  type EligibilityApplicant,
  type EligibilityOptions,
  type FormasiRequirements,
} from './eligibility.js';

const CLOSES = '2026-12-01';

const s1Informatika: FormasiRequirements = {
  kind: 'umum',
  qualifications: [{ level: 'S1', programmes: ['Teknik Informatika', 'Sistem Informasi'] }],
};

const applicant: EligibilityApplicant = {
  birthDate: '1998-05-10',
  education: [{ level: 'S1', programme: 'Teknik Informatika', gpa: 3.4 }],
};

function check(overrides: {
  applicant?: Partial<EligibilityApplicant>;
  formasi?: Partial<FormasiRequirements>;
  registrationCloses?: string;
  rules?: EligibilityOptions['rules'];
} = {}) {
  return checkEligibility({
    applicant: { ...applicant, ...overrides.applicant },
    formasi: { ...s1Informatika, ...overrides.formasi },
    registrationCloses: overrides.registrationCloses ?? CLOSES,
    rules: overrides.rules,
  });
}

const codes = (result: ReturnType<typeof check>) => result.failures.map((f) => f.code);

describe('ageOnDate', () => {
  it('counts completed years', () => {
    expect(ageOnDate('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOnDate('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOnDate('1990-06-15', '2026-12-31')).toBe(36);
  });

  it('is 0 on the day of birth and negative before it', () => {
    expect(ageOnDate('2026-12-01', '2026-12-01')).toBe(0);
    expect(ageOnDate('2026-12-02', '2026-12-01')).toBe(-1);
  });

  it('lets someone born on 29 February complete a year on 1 March of a common year', () => {
    expect(ageOnDate('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOnDate('2004-02-29', '2025-03-01')).toBe(21);
  });

  it('lets someone born on 29 February complete a year on 29 February of a leap year', () => {
    expect(ageOnDate('2004-02-29', '2028-02-28')).toBe(23);
    expect(ageOnDate('2004-02-29', '2028-02-29')).toBe(24);
  });

  it('throws DATE_INVALID for a date that does not exist', () => {
    expect(() => ageOnDate('2003-02-29', CLOSES)).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
    expect(() => ageOnDate('1990-01-01', '2026-31-12')).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});

describe('checkEligibility — age on the registration closing date (PP 11/2017 art. 23)', () => {
  it('is eligible with every requirement met', () => {
    expect(check()).toEqual({ eligible: true, failures: [] });
  });

  it('admits someone who turns 18 on the closing date', () => {
    expect(check({ applicant: { birthDate: '2008-12-01' } }).eligible).toBe(true);
  });

  it('refuses someone who turns 18 the day after the closing date — AGE_BELOW_MINIMUM', () => {
    expect(check({ applicant: { birthDate: '2008-12-02' } }).failures).toEqual([
      {
        rule: 'age',
        code: 'AGE_BELOW_MINIMUM',
        message: 'Usia pada tanggal penutupan pendaftaran (1 Desember 2026) adalah 17 tahun; usia minimal 18 tahun.',
      },
    ]);
  });

  it('admits someone who turns 35 on the closing date', () => {
    expect(check({ applicant: { birthDate: '1991-12-01' } }).eligible).toBe(true);
  });

  it('admits someone whose 36th birthday is the day after the closing date', () => {
    expect(check({ applicant: { birthDate: '1990-12-02' } }).eligible).toBe(true);
  });

  it('refuses someone whose 36th birthday is the closing date — AGE_ABOVE_MAXIMUM', () => {
    expect(check({ applicant: { birthDate: '1990-12-01' } }).failures).toEqual([
      {
        rule: 'age',
        code: 'AGE_ABOVE_MAXIMUM',
        message: 'Usia pada tanggal penutupan pendaftaran (1 Desember 2026) adalah 36 tahun; usia maksimal untuk formasi ini 35 tahun.',
      },
    ]);
  });

  it('applies a formation maximum of 40: 40 years old is eligible, 41 is not', () => {
    expect(check({ formasi: { maxAge: 40 }, applicant: { birthDate: '1985-12-02' } }).eligible).toBe(true);
    expect(check({ formasi: { maxAge: 40 }, applicant: { birthDate: '1986-12-01' } }).eligible).toBe(true);
    expect(codes(check({ formasi: { maxAge: 40 }, applicant: { birthDate: '1985-12-01' } }))).toEqual(['AGE_ABOVE_MAXIMUM']);
  });

  it('never admits beyond the ceiling, even if a formation sets a higher maximum', () => {
    const result = check({ formasi: { maxAge: 45 }, applicant: { birthDate: '1984-06-01' } });
    expect(result.failures[0]?.message).toMatch(/maksimal untuk formasi ini 40 tahun/);
  });

  it('applies a formation maximum lower than the default', () => {
    expect(codes(check({ formasi: { maxAge: 30 }, applicant: { birthDate: '1995-11-30' } }))).toEqual(['AGE_ABOVE_MAXIMUM']);
  });

  it('takes the age limits from the rules passed in', () => {
    const rules = { minAge: 20, maxAge: 30 };
    expect(codes(check({ rules, applicant: { birthDate: '2007-01-01' } }))).toEqual(['AGE_BELOW_MINIMUM']);
    expect(codes(check({ rules, applicant: { birthDate: '1995-01-01' } }))).toEqual(['AGE_ABOVE_MAXIMUM']);
  });

  describe('29 February birthdays', () => {
    it('is still 17 on 28 February of a common year and 18 on 1 March', () => {
      const born = { birthDate: '2008-02-29' };
      expect(codes(check({ applicant: born, registrationCloses: '2026-02-28' }))).toEqual(['AGE_BELOW_MINIMUM']);
      expect(check({ applicant: born, registrationCloses: '2026-03-01' }).eligible).toBe(true);
    });

    it('turns 36 on 29 February of a leap year', () => {
      const born = { birthDate: '1992-02-29' };
      expect(check({ applicant: born, registrationCloses: '2028-02-28' }).eligible).toBe(true);
      expect(codes(check({ applicant: born, registrationCloses: '2028-02-29' }))).toEqual(['AGE_ABOVE_MAXIMUM']);
    });

    it('is still 37 on 28 February of a common year under a maximum of 37, and 38 on 1 March', () => {
      const born = { birthDate: '1988-02-29' };
      expect(check({ formasi: { maxAge: 37 }, applicant: born, registrationCloses: '2026-02-28' }).eligible).toBe(true);
      expect(codes(check({ formasi: { maxAge: 37 }, applicant: born, registrationCloses: '2026-03-01' }))).toEqual([
        'AGE_ABOVE_MAXIMUM',
      ]);
    });
  });

  it('refuses a birth date that is not a date — BIRTH_DATE_INVALID', () => {
    expect(check({ applicant: { birthDate: '1990-02-30' } }).failures).toEqual([
      { rule: 'age', code: 'BIRTH_DATE_INVALID', message: 'Tanggal lahir bukan tanggal yang valid.' },
    ]);
  });

  it('throws DATE_INVALID when the closing date itself is not a date', () => {
    expect(() => check({ registrationCloses: '2026-11-31' })).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});

describe('checkEligibility — education', () => {
  it('matches level and programme ignoring case and spaces', () => {
    const education = [{ level: ' s1 ', programme: '  teknik   INFORMATIKA ' }];
    expect(check({ applicant: { education } }).eligible).toBe(true);
  });

  it('matches written variants of a level (S-1, D-III, D IV)', () => {
    expect(check({ applicant: { education: [{ level: 'S-1', programme: 'Sistem Informasi' }] } }).eligible).toBe(true);
    const d3 = { qualifications: [{ level: 'D3', programmes: [] }] };
    expect(check({ formasi: d3, applicant: { education: [{ level: 'D-III', programme: 'Akuntansi' }] } }).eligible).toBe(true);
  });

  it('accepts any programme at a level whose programme list is empty', () => {
    const formasi = { qualifications: [{ level: 'SMA', programmes: [] }] };
    expect(check({ formasi, applicant: { education: [{ level: 'SMA', programme: 'IPS' }] } }).eligible).toBe(true);
  });

  it('accepts one of several qualifications and one of several diplomas', () => {
    const formasi = {
      qualifications: [
        { level: 'D4', programmes: ['Manajemen Informatika'] },
        { level: 'S1', programmes: ['Sistem Informasi'] },
      ],
    };
    const education = [
      { level: 'SMK', programme: 'Rekayasa Perangkat Lunak' },
      { level: 'S1', programme: 'Sistem Informasi' },
    ];
    expect(check({ formasi, applicant: { education } }).eligible).toBe(true);
  });

  it('refuses a higher degree in place of the level asked — EDUCATION_LEVEL_MISMATCH', () => {
    expect(check({ applicant: { education: [{ level: 'S2', programme: 'Teknik Informatika' }] } }).failures).toEqual([
      {
        rule: 'education',
        code: 'EDUCATION_LEVEL_MISMATCH',
        message: 'Jenjang pendidikan tidak sesuai dengan kualifikasi formasi (dibutuhkan: S1).',
      },
    ]);
  });

  it('refuses the right level with another programme — EDUCATION_PROGRAMME_MISMATCH', () => {
    expect(check({ applicant: { education: [{ level: 'S1', programme: 'Ilmu Hukum' }] } }).failures).toEqual([
      {
        rule: 'education',
        code: 'EDUCATION_PROGRAMME_MISMATCH',
        message: 'Program studi tidak sesuai dengan kualifikasi formasi (dibutuhkan S1: Teknik Informatika, Sistem Informasi).',
      },
    ]);
  });

  it('does not match a programme that only contains an accepted one', () => {
    const education = [{ level: 'S1', programme: 'Pendidikan Teknik Informatika' }];
    expect(codes(check({ applicant: { education } }))).toEqual(['EDUCATION_PROGRAMME_MISMATCH']);
  });

  it('refuses an applicant with no diploma declared — EDUCATION_NOT_PROVIDED', () => {
    expect(codes(check({ applicant: { education: [] } }))).toEqual(['EDUCATION_NOT_PROVIDED']);
  });

  it('refuses when the formation lists no qualification — FORMASI_QUALIFICATION_MISSING', () => {
    expect(check({ formasi: { qualifications: [] } }).failures).toEqual([
      expect.objectContaining({ rule: 'education', code: 'FORMASI_QUALIFICATION_MISSING' }),
    ]);
  });
});

describe('checkEligibility — special formation kinds', () => {
  it('asks nothing extra of a general formation', () => {
    expect(check({ formasi: { kind: 'umum' } }).eligible).toBe(true);
  });

  describe('cumlaude', () => {
    const cumlaude = { kind: 'cumlaude' };
    const withGpa = (gpa: number | undefined, claimed = true) => ({
      education: [{ level: 'S1', programme: 'Teknik Informatika', gpa }],
      claims: { cumlaude: claimed },
    });

    it('admits a claimed cumlaude with GPA above 3,50', () => {
      expect(check({ formasi: cumlaude, applicant: withGpa(3.51) }).eligible).toBe(true);
    });

    it('refuses GPA exactly 3,50 — GPA_NOT_ABOVE_THRESHOLD', () => {
      expect(check({ formasi: cumlaude, applicant: withGpa(3.5) }).failures).toEqual([
        {
          rule: 'formasiKind',
          code: 'GPA_NOT_ABOVE_THRESHOLD',
          message: 'IPK 3,50 tidak memenuhi syarat formasi Lulusan Cumlaude (harus lebih dari 3,50).',
        },
      ]);
    });

    it('refuses without the cumlaude claim — CLAIM_CUMLAUDE_REQUIRED', () => {
      expect(check({ formasi: cumlaude, applicant: withGpa(3.9, false) }).failures).toEqual([
        {
          rule: 'formasiKind',
          code: 'CLAIM_CUMLAUDE_REQUIRED',
          message: 'Formasi Lulusan Cumlaude mensyaratkan pernyataan lulus dengan predikat cumlaude (dengan pujian).',
        },
      ]);
    });

    it('refuses without a GPA — GPA_MISSING', () => {
      expect(codes(check({ formasi: cumlaude, applicant: withGpa(undefined) }))).toEqual(['GPA_MISSING']);
    });

    it('judges the GPA of the diploma that matches the formation, not another one', () => {
      const applicantWithTwo = {
        claims: { cumlaude: true },
        education: [
          { level: 'D3', programme: 'Manajemen Informatika', gpa: 3.95 },
          { level: 'S1', programme: 'Teknik Informatika', gpa: 3.2 },
        ],
      };
      expect(codes(check({ formasi: cumlaude, applicant: applicantWithTwo }))).toEqual(['GPA_NOT_ABOVE_THRESHOLD']);
    });

    it('takes the GPA threshold from the rules passed in', () => {
      const kinds = { ...ELIGIBILITY_DEFAULTS.kinds, cumlaude: { label: 'Cumlaude S2', requiredClaims: ['cumlaude'], gpaAbove: 3.75 } };
      expect(codes(check({ formasi: cumlaude, applicant: withGpa(3.7), rules: { kinds } }))).toEqual(['GPA_NOT_ABOVE_THRESHOLD']);
      expect(check({ formasi: cumlaude, applicant: withGpa(3.76), rules: { kinds } }).eligible).toBe(true);
    });

    it('reports only the education failure when no diploma matches', () => {
      const applicantElsewhere = { claims: { cumlaude: true }, education: [{ level: 'S1', programme: 'Ilmu Hukum', gpa: 3.9 }] };
      expect(codes(check({ formasi: cumlaude, applicant: applicantElsewhere }))).toEqual(['EDUCATION_PROGRAMME_MISMATCH']);
    });
  });

  it.each([
    ['disabilitas', 'disability', 'CLAIM_DISABILITY_REQUIRED'],
    ['putra_putri_papua', 'papuan', 'CLAIM_PAPUAN_REQUIRED'],
    ['diaspora', 'diaspora', 'CLAIM_DIASPORA_REQUIRED'],
    ['daerah_tertinggal', 'disadvantagedRegion', 'CLAIM_DISADVANTAGED_REGION_REQUIRED'],
  ])('a %s formation needs the %s claim (%s)', (kind, claim, code) => {
    expect(check({ formasi: { kind } }).failures).toEqual([expect.objectContaining({ rule: 'formasiKind', code })]);
    expect(check({ formasi: { kind }, applicant: { claims: { [claim]: false } } }).eligible).toBe(false);
    expect(check({ formasi: { kind }, applicant: { claims: { [claim]: true } } }).eligible).toBe(true);
  });

  it('names the claim in the message', () => {
    expect(check({ formasi: { kind: 'disabilitas' } }).failures[0]?.message).toBe(
      'Formasi Penyandang Disabilitas mensyaratkan pernyataan sebagai penyandang disabilitas.',
    );
  });

  it('refuses an unknown kind — FORMASI_KIND_UNKNOWN', () => {
    expect(check({ formasi: { kind: 'atlet' } }).failures).toEqual([
      {
        rule: 'formasiKind',
        code: 'FORMASI_KIND_UNKNOWN',
        message: 'Jenis formasi "atlet" tidak dikenal; hubungi panitia seleksi.',
      },
    ]);
  });

  it('does not mistake a property of every object for a kind or a claim', () => {
    expect(codes(check({ formasi: { kind: 'toString' } }))).toEqual(['FORMASI_KIND_UNKNOWN']);
    const kinds = { ...ELIGIBILITY_DEFAULTS.kinds, khusus: { label: 'Khusus', requiredClaims: ['constructor'] } };
    expect(check({ formasi: { kind: 'khusus' }, rules: { kinds } }).failures[0]?.message).toBe(
      'Formasi Khusus mensyaratkan pernyataan "constructor".',
    );
  });

  it('accepts a kind added by the selection, with its own claim', () => {
    const kinds = { ...ELIGIBILITY_DEFAULTS.kinds, atlet: { label: 'Atlet Berprestasi', requiredClaims: ['athleteMedal'] } };
    expect(check({ formasi: { kind: 'atlet' }, rules: { kinds } }).failures).toEqual([
      {
        rule: 'formasiKind',
        code: 'CLAIM_ATHLETE_MEDAL_REQUIRED',
        message: 'Formasi Atlet Berprestasi mensyaratkan pernyataan "athleteMedal".',
      },
    ]);
    expect(check({ formasi: { kind: 'atlet' }, rules: { kinds }, applicant: { claims: { athleteMedal: true } } }).eligible).toBe(
      true,
    );
  });
});

describe('checkEligibility — several failures', () => {
  it('reports every failed rule in order age, education, formation kind', () => {
    const result = check({
      formasi: { kind: 'disabilitas' },
      applicant: { birthDate: '1980-01-01', education: [{ level: 'SMA', programme: 'IPA' }] },
    });
    expect(result.eligible).toBe(false);
    expect(result.failures.map((f) => [f.rule, f.code])).toEqual([
      ['age', 'AGE_ABOVE_MAXIMUM'],
      ['education', 'EDUCATION_LEVEL_MISMATCH'],
      ['formasiKind', 'CLAIM_DISABILITY_REQUIRED'],
    ]);
  });
});

describe('normalizers', () => {
  it.each([
    ['S-1', 'S1'],
    ['s 2', 'S2'],
    ['D.III', 'D3'],
    ['d iv', 'D4'],
    ['DI', 'D1'],
    ['smk', 'SMK'],
  ])('level %j → %j', (input, output) => {
    expect(normalizeEducationLevel(input)).toBe(output);
  });

  it('folds case, all whitespace and full-width letters in programmes', () => {
    expect(normalizeProgramme(' Ilmu\tAdministrasi  Negara ')).toBe('ilmuadministrasinegara');
    expect(normalizeProgramme('ＨＵＫＵＭ')).toBe('hukum');
  });
});

describe('validateFormasiRequirements', () => {
  it('accepts a complete formation', () => {
    expect(validateFormasiRequirements({ formasi: { ...s1Informatika, maxAge: 40 } })).toEqual([]);
  });

  it('refuses a maximum age above the ceiling or below the minimum — FORMASI_MAX_AGE_OUT_OF_RANGE', () => {
    for (const maxAge of [41, 17, 35.5]) {
      expect(validateFormasiRequirements({ formasi: { ...s1Informatika, maxAge } })).toEqual([
        {
          field: 'formasi.maxAge',
          code: 'FORMASI_MAX_AGE_OUT_OF_RANGE',
          message: 'Usia maksimal harus bilangan bulat antara 18 dan 40 tahun.',
        },
      ]);
    }
  });

  it('reports an unknown kind, a missing qualification list and an empty level', () => {
    expect(validateFormasiRequirements({ formasi: { kind: 'x', qualifications: [] } }).map((i) => i.field)).toEqual([
      'formasi.kind',
      'formasi.qualifications',
    ]);
    const emptyLevel = { kind: 'umum', qualifications: [{ level: ' - ', programmes: [] }] };
    expect(validateFormasiRequirements({ formasi: emptyLevel })).toEqual([
      { field: 'formasi.qualifications.0.level', code: 'EDUCATION_LEVEL_REQUIRED', message: 'Jenjang pendidikan wajib diisi.' },
    ]);
  });
});
