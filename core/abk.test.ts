import { describe, expect, it } from 'vitest';
import { ABK_DEFAULTS, calculateAbk, type AbkCalculation, type AbkOptions, type AbkResult } from './abk.js';

function value(result: AbkResult): AbkCalculation {
  if (!result.ok) throw new Error(`expected a calculation, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

const verifikasi = { name: 'Memverifikasi berkas usulan', volumePerYear: 12_000, normMinutes: 30 };

function abk(overrides: Partial<AbkOptions> = {}): AbkResult {
  return calculateAbk({ tasks: [verifikasi], bezetting: 3, retiring: 1, ...overrides });
}

describe('calculateAbk — the arithmetic (domain-rules §8)', () => {
  it('divides the workload by 75,000 effective minutes by default', () => {
    expect(ABK_DEFAULTS.effectiveMinutesPerYear).toBe(75_000);
    const result = value(abk());
    expect(result).toMatchObject({
      workloadMinutes: 360_000,
      effectiveMinutesPerYear: 75_000,
      needExact: { numerator: 24, denominator: 5 },
      need: 4.8,
      roundedNeed: 5,
      shortfall: 3,
      proposedFormasi: 3,
    });
    expect(result.tasks).toEqual([{ ...verifikasi, workloadMinutes: 360_000 }]);
  });

  it('explains each step in Indonesian', () => {
    expect(value(abk()).steps).toEqual([
      'Beban kerja "Memverifikasi berkas usulan" = 12.000 × 30 menit = 360.000 menit',
      'Kebutuhan pegawai = 360.000 menit ÷ 75.000 menit = 4,8',
      'Dibulatkan (setengah ke atas): 4,8 → 5 orang',
      'Pegawai yang tersisa = 3 (bezetting) − 1 (pensiun) = 2 orang',
      'Kekurangan pegawai = 5 − 2 = 3 orang',
      'Usulan formasi = 3 orang',
    ]);
  });

  it('sums several tasks and shows the sum', () => {
    const tasks = [verifikasi, { name: 'Menyusun laporan', volumePerYear: 12, normMinutes: 7_500 }];
    const result = value(abk({ tasks }));
    expect(result.workloadMinutes).toBe(450_000);
    expect(result.needExact).toEqual({ numerator: 6, denominator: 1 });
    expect(result.steps.slice(0, 4)).toEqual([
      'Beban kerja "Memverifikasi berkas usulan" = 12.000 × 30 menit = 360.000 menit',
      'Beban kerja "Menyusun laporan" = 12 × 7.500 menit = 90.000 menit',
      'Total beban kerja = 360.000 + 90.000 = 450.000 menit',
      'Kebutuhan pegawai = 450.000 menit ÷ 75.000 menit = 6',
    ]);
  });

  it('keeps a repeating need exact as a fraction and shows it', () => {
    const result = value(abk({ tasks: [{ name: 'Rapat', volumePerYear: 1, normMinutes: 100_000 }], bezetting: 0, retiring: 0 }));
    expect(result.needExact).toEqual({ numerator: 4, denominator: 3 });
    expect(result.steps[1]).toBe('Kebutuhan pegawai = 100.000 menit ÷ 75.000 menit = ≈ 1,3333 (tepatnya 4/3)');
    expect(result.roundedNeed).toBe(1);
  });

  it('computes decimal volumes and norm times exactly (0,1 × 3 is 0,3, not 0,30000000000000004)', () => {
    const result = value(abk({ tasks: [{ name: 'Arsip', volumePerYear: 0.1, normMinutes: 3 }], bezetting: 0, retiring: 0 }));
    expect(result.workloadMinutes).toBe(0.3);
    expect(result.needExact).toEqual({ numerator: 1, denominator: 250_000 });
    expect(result.steps[0]).toBe('Beban kerja "Arsip" = 0,1 × 3 menit = 0,3 menit');
  });

  it('takes the effective working time from settings', () => {
    const result = value(abk({ settings: { effectiveMinutesPerYear: 72_000 } }));
    expect(result.needExact).toEqual({ numerator: 5, denominator: 1 });
    expect(result.effectiveMinutesPerYear).toBe(72_000);
  });
});

describe('calculateAbk — rounding to a whole person', () => {
  const needOf = (minutes: number) => [{ name: 'Tugas', volumePerYear: 1, normMinutes: minutes }];

  it('rounds exactly .5 up by default (4,5 → 5)', () => {
    const result = value(abk({ tasks: needOf(337_500), bezetting: 0, retiring: 0 }));
    expect(result.need).toBe(4.5);
    expect(result.roundedNeed).toBe(5);
  });

  it('rounds just below .5 down (337.499 minutes → 4,49998… → 4)', () => {
    expect(value(abk({ tasks: needOf(337_499), bezetting: 0, retiring: 0 })).roundedNeed).toBe(4);
  });

  it('rounds 0,5 of a person up to 1 and 0,4 down to 0', () => {
    expect(value(abk({ tasks: needOf(37_500), bezetting: 0, retiring: 0 })).roundedNeed).toBe(1);
    expect(value(abk({ tasks: needOf(30_000), bezetting: 0, retiring: 0 })).roundedNeed).toBe(0);
  });

  it('rounds up any started person under the "up" setting', () => {
    const result = value(abk({ tasks: needOf(75_001), bezetting: 0, retiring: 0, settings: { rounding: 'up' } }));
    expect(result.roundedNeed).toBe(2);
    expect(result.steps).toContain('Dibulatkan ke atas: ≈ 1 → 2 orang');
    expect(value(abk({ tasks: needOf(150_000), bezetting: 0, retiring: 0, settings: { rounding: 'up' } })).roundedNeed).toBe(2);
  });

  it('drops any fraction under the "down" setting', () => {
    const result = value(abk({ tasks: needOf(149_999), bezetting: 0, retiring: 0, settings: { rounding: 'down' } }));
    expect(result.roundedNeed).toBe(1);
    expect(result.steps).toContain('Dibulatkan ke bawah: ≈ 2 → 1 orang');
  });
});

describe('calculateAbk — shortfall and proposed formation', () => {
  it('proposes nothing and names the surplus when staff exceed the need', () => {
    const result = value(abk({ bezetting: 8, retiring: 1 }));
    expect(result).toMatchObject({ roundedNeed: 5, shortfall: -2, proposedFormasi: 0 });
    expect(result.steps.slice(-3)).toEqual([
      'Pegawai yang tersisa = 8 (bezetting) − 1 (pensiun) = 7 orang',
      'Kekurangan pegawai = 5 − 7 = -2 orang',
      'Usulan formasi = 0 orang (terdapat kelebihan 2 pegawai)',
    ]);
  });

  it('proposes the whole need when nobody is in post', () => {
    expect(value(abk({ bezetting: 0, retiring: 0 }))).toMatchObject({ shortfall: 5, proposedFormasi: 5 });
  });

  it('proposes 1 when one person is missing and 0 when the need is exactly covered', () => {
    expect(value(abk({ bezetting: 4, retiring: 0 })).steps.at(-1)).toBe('Usulan formasi = 1 orang');
    expect(value(abk({ bezetting: 5, retiring: 0 }))).toMatchObject({ shortfall: 0, proposedFormasi: 0 });
  });

  it('counts retirements as places to fill: 5 needed, 5 in post, 2 retiring → 2 proposed', () => {
    expect(value(abk({ bezetting: 5, retiring: 2 }))).toMatchObject({ shortfall: 2, proposedFormasi: 2 });
  });

  it('lets a surplus absorb retirements before proposing anything', () => {
    expect(value(abk({ bezetting: 7, retiring: 2 }))).toMatchObject({ shortfall: 0, proposedFormasi: 0 });
    expect(value(abk({ bezetting: 7, retiring: 3 }))).toMatchObject({ shortfall: 1, proposedFormasi: 1 });
  });

  it('proposes the whole need when everyone in post retires', () => {
    expect(value(abk({ bezetting: 2, retiring: 2 }))).toMatchObject({ shortfall: 5, proposedFormasi: 5 });
  });

  it('treats a position without tasks as needing nobody', () => {
    const result = value(abk({ tasks: [], bezetting: 2, retiring: 0 }));
    expect(result).toMatchObject({ workloadMinutes: 0, need: 0, roundedNeed: 0, shortfall: -2, proposedFormasi: 0 });
    expect(result.steps[0]).toBe('Belum ada uraian tugas: total beban kerja = 0 menit');
  });

  it('accepts a task with volume 0', () => {
    const result = value(abk({ tasks: [{ ...verifikasi, volumePerYear: 0 }], bezetting: 0, retiring: 0 }));
    expect(result).toMatchObject({ workloadMinutes: 0, proposedFormasi: 0 });
  });
});

describe('calculateAbk — refusing bad input', () => {
  const errorsOf = (result: AbkResult) => (result.ok ? [] : result.errors);

  it('refuses a negative volume — ABK_VOLUME_NEGATIVE', () => {
    expect(errorsOf(abk({ tasks: [{ ...verifikasi, volumePerYear: -1 }] }))).toEqual([
      { field: 'tasks.0.volumePerYear', code: 'ABK_VOLUME_NEGATIVE', message: 'Volume kerja tidak boleh negatif.' },
    ]);
  });

  it('refuses a zero or negative norm time — ABK_NORM_NOT_POSITIVE', () => {
    for (const normMinutes of [0, -5]) {
      expect(errorsOf(abk({ tasks: [verifikasi, { ...verifikasi, normMinutes }] }))).toEqual([
        { field: 'tasks.1.normMinutes', code: 'ABK_NORM_NOT_POSITIVE', message: 'Norma waktu harus lebih dari 0 menit.' },
      ]);
    }
  });

  it('refuses values that are not finite numbers', () => {
    const tasks = [{ name: 'X', volumePerYear: Number.NaN, normMinutes: Number.POSITIVE_INFINITY }];
    expect(errorsOf(abk({ tasks })).map((e) => e.code)).toEqual(['ABK_VOLUME_INVALID', 'ABK_NORM_INVALID']);
    expect(errorsOf(abk({ tasks: [{ name: 'X', volumePerYear: '5' as never, normMinutes: 1 }] }))[0]?.code).toBe(
      'ABK_VOLUME_INVALID',
    );
  });

  it('refuses a task without a name — ABK_TASK_NAME_REQUIRED', () => {
    expect(errorsOf(abk({ tasks: [{ ...verifikasi, name: '  ' }] }))).toEqual([
      { field: 'tasks.0.name', code: 'ABK_TASK_NAME_REQUIRED', message: 'Nama tugas wajib diisi.' },
    ]);
  });

  it('refuses non-integer and negative headcounts', () => {
    expect(errorsOf(abk({ bezetting: 2.5 }))).toEqual([
      { field: 'bezetting', code: 'ABK_BEZETTING_NOT_INTEGER', message: 'Bezetting harus bilangan bulat.' },
    ]);
    expect(errorsOf(abk({ retiring: 0.5 }))).toEqual([
      { field: 'retiring', code: 'ABK_RETIRING_NOT_INTEGER', message: 'Jumlah pegawai yang pensiun harus bilangan bulat.' },
    ]);
    expect(errorsOf(abk({ bezetting: -1 }))[0]?.code).toBe('ABK_BEZETTING_NEGATIVE');
    expect(errorsOf(abk({ retiring: -1 }))[0]?.code).toBe('ABK_RETIRING_NEGATIVE');
  });

  it('refuses more retirements than staff in post — ABK_RETIRING_EXCEEDS_BEZETTING', () => {
    expect(errorsOf(abk({ bezetting: 1, retiring: 2 }))).toEqual([
      {
        field: 'retiring',
        code: 'ABK_RETIRING_EXCEEDS_BEZETTING',
        message: 'Jumlah pegawai yang pensiun tidak boleh melebihi bezetting.',
      },
    ]);
  });

  it('refuses a zero effective working time and an unknown rounding', () => {
    expect(errorsOf(abk({ settings: { effectiveMinutesPerYear: 0 } }))[0]).toMatchObject({
      field: 'settings.effectiveMinutesPerYear',
      code: 'ABK_EFFECTIVE_TIME_NOT_POSITIVE',
    });
    expect(errorsOf(abk({ settings: { rounding: 'nearest' as never } }))[0]?.code).toBe('ABK_ROUNDING_UNKNOWN');
  });

  it('reports every problem at once, addressed by field', () => {
    const tasks = [{ name: '', volumePerYear: -1, normMinutes: 0 }];
    expect(errorsOf(abk({ tasks, bezetting: 1.5 })).map((e) => e.field)).toEqual([
      'tasks.0.name',
      'tasks.0.volumePerYear',
      'tasks.0.normMinutes',
      'bezetting',
    ]);
  });

  it('refuses a workload too large to report exactly — ABK_VALUE_TOO_LARGE', () => {
    const tasks = [{ name: 'X', volumePerYear: 1e300, normMinutes: 1e10 }];
    expect(errorsOf(abk({ tasks }))[0]?.code).toBe('ABK_VALUE_TOO_LARGE');
  });
});
