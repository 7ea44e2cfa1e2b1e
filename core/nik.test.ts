import { describe, expect, it } from 'vitest';
import { checkNikAgainstProfile, maskEmail, maskNik, maskPhone, NIK_DEFAULTS, parseNik } from './nik.js';

const ref = { referenceDate: '2026-06-01' };

/** Builds a NIK from its parts so each test shows only what it is about. */
function nik({ region = '327301', ddmmyy = '170895', serial = '0001' } = {}): string {
  return region + ddmmyy + serial;
}

describe('parseNik — reading a valid NIK', () => {
  it('splits region codes, birth date, sex and serial of a man', () => {
    expect(parseNik('3273011708950001', ref)).toEqual({
      ok: true,
      value: {
        provinceCode: '32',
        regencyCode: '73',
        districtCode: '01',
        birthDate: '1995-08-17',
        sex: 'L',
        serial: '0001',
      },
    });
  });

  it('reads a day of 41–71 as a woman born on day − 40', () => {
    const result = parseNik(nik({ ddmmyy: '570895' }), ref);
    expect(result).toMatchObject({ ok: true, value: { birthDate: '1995-08-17', sex: 'P' } });
  });

  it('reads day 41 as the 1st and day 71 as the 31st for a woman', () => {
    expect(parseNik(nik({ ddmmyy: '410100' }), ref)).toMatchObject({ value: { birthDate: '2000-01-01', sex: 'P' } });
    expect(parseNik(nik({ ddmmyy: '710100' }), ref)).toMatchObject({ value: { birthDate: '2000-01-31', sex: 'P' } });
  });

  it('reads day 01 and day 31 as a man', () => {
    expect(parseNik(nik({ ddmmyy: '010100' }), ref)).toMatchObject({ value: { birthDate: '2000-01-01', sex: 'L' } });
    expect(parseNik(nik({ ddmmyy: '311200' }), ref)).toMatchObject({ value: { birthDate: '2000-12-31', sex: 'L' } });
  });

  it('accepts serial 9999 and serial 0001', () => {
    expect(parseNik(nik({ serial: '9999' }), ref)).toMatchObject({ ok: true, value: { serial: '9999' } });
    expect(parseNik(nik({ serial: '0001' }), ref)).toMatchObject({ ok: true });
  });
});

describe('parseNik — century of the two-digit year', () => {
  it.each([
    ['05', '2005'],
    ['26', '2026'],
    ['30', '1930'],
    ['99', '1999'],
    ['00', '2000'],
  ])('with reference 2026-06-01, YY %s is %s', (yy, year) => {
    expect(parseNik(nik({ ddmmyy: `0101${yy}` }), ref)).toMatchObject({ value: { birthDate: `${year}-01-01` } });
  });

  it('puts a birth date later in the reference year into the previous century', () => {
    expect(parseNik(nik({ ddmmyy: '020626' }), ref)).toMatchObject({ value: { birthDate: '1926-06-02' } });
  });

  it('keeps a birth date on the reference date itself in the current century', () => {
    expect(parseNik(nik({ ddmmyy: '010626' }), ref)).toMatchObject({ value: { birthDate: '2026-06-01' } });
  });

  it('follows the reference date it is given, not the clock', () => {
    expect(parseNik(nik({ ddmmyy: '010130' }), { referenceDate: '2031-01-01' })).toMatchObject({
      value: { birthDate: '2030-01-01' },
    });
  });

  it('throws DATE_INVALID when the reference date is not a date', () => {
    expect(() => parseNik(nik(), { referenceDate: '2026-13-01' })).toThrowError(
      expect.objectContaining({ code: 'DATE_INVALID' }),
    );
  });
});

describe('parseNik — refusing malformed input', () => {
  it.each([
    ['', 'NIK_REQUIRED'],
    ['3273 0117 0895 0001', 'NIK_CONTAINS_SPACES'],
    [' 3273011708950001', 'NIK_CONTAINS_SPACES'],
    ['3273011708950001\n', 'NIK_CONTAINS_SPACES'],
    ['32730117O8950001', 'NIK_NOT_NUMERIC'],
    ['3273-0117-0895-0001', 'NIK_NOT_NUMERIC'],
    ['３２７３０１１７０８９５０００１', 'NIK_NOT_NUMERIC'],
    ['327301170895001', 'NIK_WRONG_LENGTH'],
    ['32730117089500011', 'NIK_WRONG_LENGTH'],
  ])('%j → %s', (input, code) => {
    const result = parseNik(input, ref);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? '' : result.message).toMatch(/NIK/);
  });

  it('tells how many digits were entered', () => {
    expect(parseNik('12345', ref)).toMatchObject({ message: 'NIK harus 16 digit; yang diisi 5 digit.' });
  });
});

describe('parseNik — region codes', () => {
  it.each(['11', '19', '21', '31', '36', '51', '53', '61', '65', '71', '76', '81', '82', '91', '92', '93', '94', '95', '96', '97'])(
    'accepts province %s',
    (province) => {
      expect(parseNik(nik({ region: `${province}0101` }), ref)).toMatchObject({ ok: true });
    },
  );

  it.each(['00', '10', '20', '22', '30', '37', '50', '54', '60', '66', '70', '77', '80', '83', '90', '98', '99'])(
    'refuses province %s',
    (province) => {
      expect(parseNik(nik({ region: `${province}0101` }), ref)).toMatchObject({
        ok: false,
        code: 'NIK_PROVINCE_UNKNOWN',
        message: `Kode provinsi ${province} pada NIK (digit 1–2) tidak dikenal.`,
      });
    },
  );

  it('takes the list of province codes from options', () => {
    const options = { ...ref, provinceCodes: ['32'] };
    expect(parseNik(nik({ region: '327301' }), options)).toMatchObject({ ok: true });
    expect(parseNik(nik({ region: '337301' }), options)).toMatchObject({ code: 'NIK_PROVINCE_UNKNOWN' });
  });

  it('exports the default list with all 38 provinces and the extra 97', () => {
    expect(NIK_DEFAULTS.provinceCodes).toHaveLength(39);
  });

  it('refuses regency 00', () => {
    expect(parseNik(nik({ region: '320001' }), ref)).toMatchObject({ ok: false, code: 'NIK_REGENCY_ZERO' });
  });

  it('refuses district 00', () => {
    expect(parseNik(nik({ region: '327300' }), ref)).toMatchObject({ ok: false, code: 'NIK_DISTRICT_ZERO' });
  });
});

describe('parseNik — birth date digits', () => {
  it.each([
    ['000195', 'day 00'],
    ['320195', 'day 32'],
    ['400195', 'day 40'],
    ['720195', 'day 72 (woman, 32nd)'],
    ['990195', 'day 99'],
    ['170095', 'month 00'],
    ['171395', 'month 13'],
    ['310495', '31 April'],
    ['300295', '30 February'],
    ['290223', '29 February 2023'],
    ['690223', '29 February 2023 for a woman'],
  ])('refuses %s (%s)', (ddmmyy) => {
    expect(parseNik(nik({ ddmmyy }), ref)).toMatchObject({ ok: false, code: 'NIK_BIRTH_DATE_INVALID' });
  });

  it('accepts 29 February of a leap year, for a man and for a woman', () => {
    expect(parseNik(nik({ ddmmyy: '290204' }), ref)).toMatchObject({ value: { birthDate: '2004-02-29', sex: 'L' } });
    expect(parseNik(nik({ ddmmyy: '690296' }), ref)).toMatchObject({ value: { birthDate: '1996-02-29', sex: 'P' } });
  });

  it('accepts 29 February 2000 but refuses it when YY 00 resolves to 1900 (not a leap year)', () => {
    expect(parseNik(nik({ ddmmyy: '290200' }), ref)).toMatchObject({ value: { birthDate: '2000-02-29' } });
    expect(parseNik(nik({ ddmmyy: '290200' }), { referenceDate: '1999-12-31' })).toMatchObject({
      code: 'NIK_BIRTH_DATE_INVALID',
    });
  });
});

describe('parseNik — serial', () => {
  it('refuses serial 0000', () => {
    expect(parseNik(nik({ serial: '0000' }), ref)).toMatchObject({
      ok: false,
      code: 'NIK_SERIAL_ZERO',
      message: 'Nomor urut pada NIK (digit 13–16) tidak boleh 0000.',
    });
  });
});

describe('checkNikAgainstProfile', () => {
  const base = { nik: '3273015708950001', birthDate: '1995-08-17', sex: 'P' as const, referenceDate: '2026-06-01' };

  it('is consistent when birth date and sex agree with the NIK', () => {
    const check = checkNikAgainstProfile(base);
    expect(check).toMatchObject({ consistent: true, issues: [] });
    expect(check.derived).toMatchObject({ birthDate: '1995-08-17', sex: 'P' });
  });

  it('reports a birth date that disagrees — NIK_BIRTH_DATE_MISMATCH', () => {
    expect(checkNikAgainstProfile({ ...base, birthDate: '1995-08-18' }).issues).toEqual([
      {
        field: 'birthDate',
        code: 'NIK_BIRTH_DATE_MISMATCH',
        message: 'Tanggal lahir yang diisi (18-08-1995) tidak sesuai dengan tanggal lahir pada NIK (17-08-95).',
      },
    ]);
  });

  it('reports a different year with the same day and month as a mismatch', () => {
    expect(checkNikAgainstProfile({ ...base, birthDate: '1996-08-17' }).issues[0]?.code).toBe('NIK_BIRTH_DATE_MISMATCH');
  });

  it('trusts the century of the entered date, since the NIK has only two year digits', () => {
    const check = checkNikAgainstProfile({ ...base, nik: '3273015708300001', birthDate: '2030-08-17' });
    expect(check.consistent).toBe(true);
  });

  it('reports a sex that disagrees — NIK_SEX_MISMATCH', () => {
    expect(checkNikAgainstProfile({ ...base, sex: 'L' }).issues).toEqual([
      {
        field: 'sex',
        code: 'NIK_SEX_MISMATCH',
        message: 'Jenis kelamin yang diisi (Laki-laki) tidak sesuai dengan NIK (Perempuan).',
      },
    ]);
  });

  it('reports both mismatches together', () => {
    const check = checkNikAgainstProfile({ ...base, sex: 'L', birthDate: '1990-01-01' });
    expect(check.consistent).toBe(false);
    expect(check.issues.map((i) => i.code)).toEqual(['NIK_BIRTH_DATE_MISMATCH', 'NIK_SEX_MISMATCH']);
  });

  it('reports an unreadable NIK on the nik field and compares nothing else', () => {
    const check = checkNikAgainstProfile({ ...base, nik: '123' });
    expect(check).toEqual({
      consistent: false,
      issues: [{ field: 'nik', code: 'NIK_WRONG_LENGTH', message: 'NIK harus 16 digit; yang diisi 3 digit.' }],
    });
  });

  it('reports an entered birth date that is not a date — BIRTH_DATE_INVALID', () => {
    expect(checkNikAgainstProfile({ ...base, birthDate: '1995-02-30' }).issues).toEqual([
      { field: 'birthDate', code: 'BIRTH_DATE_INVALID', message: 'Tanggal lahir bukan tanggal yang valid.' },
    ]);
  });

  it('reports an entered sex other than L or P — SEX_INVALID', () => {
    const check = checkNikAgainstProfile({ ...base, sex: 'X' as never });
    expect(check.issues).toEqual([expect.objectContaining({ field: 'sex', code: 'SEX_INVALID' })]);
  });
});

describe('maskNik', () => {
  it('shows the first 4 and last 4 digits', () => {
    expect(maskNik('3273010101950001')).toBe('3273********0001');
  });

  it('stars a value too short to have a hidden middle', () => {
    expect(maskNik('12345678')).toBe('********');
    expect(maskNik('')).toBe('');
  });

  it('masks a malformed value by the same rule', () => {
    expect(maskNik('123456789')).toBe('1234*6789');
  });

  it('takes the visible counts from options', () => {
    expect(maskNik('3273010101950001', { visibleStart: 2, visibleEnd: 0 })).toBe('32**************');
  });
});

describe('maskPhone', () => {
  it('shows the first 4 and last 3 characters', () => {
    expect(maskPhone('081234567890')).toBe('0812*****890');
  });

  it('drops separators before masking', () => {
    expect(maskPhone('+62 812-3456-7890')).toBe('+628*******890');
    expect(maskPhone('(0274) 555.123')).toBe('0274***123');
  });

  it('stars a short number whole', () => {
    expect(maskPhone('1234567')).toBe('*******');
  });
});

describe('maskEmail', () => {
  it('shows the first letter of the local part and the whole domain', () => {
    expect(maskEmail('budi.santoso@gmail.com')).toBe('b***********@gmail.com');
  });

  it('stars a one-letter local part', () => {
    expect(maskEmail('a@bkpsdm.go.id')).toBe('*@bkpsdm.go.id');
  });

  it('uses the last @ as the separator', () => {
    expect(maskEmail('"a@b"@example.id')).toBe('"****@example.id');
  });

  it('stars a value without @ whole', () => {
    expect(maskEmail('bukan-email')).toBe('***********');
  });
});
