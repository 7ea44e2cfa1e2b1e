import { describe, expect, it } from 'vitest';
import { computeIkm, gradeForIkm, IKM_ELEMENTS, IKM_PRESET, ikmFromTotals, KREJCIE_MORGAN_PRESET, krejcieMorgan, sampleSufficient, validateIkmResponse, weakElements } from './ikm.js';

/** n respondents whose 9n answers add up to `total`: all 1s, then raised one step at a time in order. */
function responsesWithTotal(n: number, total: number): number[][] {
  const rows = Array.from({ length: n }, () => new Array<number>(9).fill(1));
  let extra = total - 9 * n;
  for (let pass = 0; pass < 3; pass += 1) {
    for (const row of rows) {
      for (let i = 0; i < 9 && extra > 0; i += 1, extra -= 1) row[i]! += 1;
    }
  }
  if (extra !== 0) throw new Error('total out of range');
  return rows;
}

const ikmOf = (n: number, total: number) => computeIkm({ responses: responsesWithTotal(n, total), preset: IKM_PRESET });

describe('IKM elements', () => {
  it('lists the nine elements of PermenPANRB 14/2017 in order', () => {
    expect(IKM_ELEMENTS).toEqual([
      'Persyaratan',
      'Sistem, Mekanisme, dan Prosedur',
      'Waktu Penyelesaian',
      'Biaya/Tarif',
      'Produk Spesifikasi Jenis Pelayanan',
      'Kompetensi Pelaksana',
      'Perilaku Pelaksana',
      'Penanganan Pengaduan, Saran dan Masukan',
      'Sarana dan Prasarana',
    ]);
  });
});

describe('computeIkm — hand-computed values', () => {
  it('computes 65.00 (C) from five respondents: three all-3, two all-2', () => {
    // Each element: sum 13, NRR 13/5 = 2.6, weighted 2.6/9; IKM = 25 × 9 × 2.6/9 = 65.00.
    const three = new Array(9).fill(3);
    const two = new Array(9).fill(2);
    const result = computeIkm({ responses: [three, three, three, two, two], preset: IKM_PRESET });
    expect(result.elements.every((e) => e.sum === 13 && e.nrr === 2.6 && e.convertedScore === 65 && e.grade === 'C')).toBe(true);
    expect(result.elements[0]!.weightedNrr).toBeCloseTo(2.6 / 9, 12);
    expect(result).toMatchObject({ respondents: 5, ikm: 65, ikmUnits: 6500 });
    expect(result.grade).toMatchObject({ letter: 'C', label: 'Kurang Baik' });
  });

  it('grades 64.99 as D: 38 respondents, total 889 → 25 × 889 ÷ 342 = 64.985… → 64.99', () => {
    const result = ikmOf(38, 889);
    expect([result.ikm, result.grade.letter, result.grade.label]).toEqual([64.99, 'D', 'Tidak Baik']);
  });

  it('grades 76.60 as C: 26 respondents, total 717 → 25 × 717 ÷ 234 = 76.602… → 76.60', () => {
    expect([ikmOf(26, 717).ikm, ikmOf(26, 717).grade.letter]).toEqual([76.6, 'C']);
  });

  it('grades 76.61 as B: 19 respondents, total 524 → 25 × 524 ÷ 171 = 76.608… → 76.61', () => {
    expect([ikmOf(19, 524).ikm, ikmOf(19, 524).grade.letter]).toEqual([76.61, 'B']);
  });

  it('grades 88.30 as B: 19 respondents, total 604 → 25 × 604 ÷ 171 = 88.304… → 88.30', () => {
    expect([ikmOf(19, 604).ikm, ikmOf(19, 604).grade.label]).toEqual([88.3, 'Baik']);
  });

  it('grades 88.31 as A: 24 respondents, total 763 → 25 × 763 ÷ 216 = 88.310… → 88.31', () => {
    expect([ikmOf(24, 763).ikm, ikmOf(24, 763).grade.label]).toEqual([88.31, 'Sangat Baik']);
  });

  it('rounds an exact 76.605 half up to 76.61 (B): 5,000 respondents, total 137,889', () => {
    const result = ikmOf(5000, 137_889);
    expect([result.ikm, result.ikmUnits, result.grade.letter]).toEqual([76.61, 7661, 'B']);
    // With the printed weight 0.111 instead of 1/9 the same answers would fall to C.
    expect(25 * 0.111 * (137_889 / 5000)).toBeLessThan(76.6);
  });

  it('rounds an exact 65.625 half up to 65.63: 8 respondents, total 189', () => {
    expect(ikmOf(8, 189).ikm).toBe(65.63);
  });

  it('spans 25.00 (all 1) to 100.00 (all 4)', () => {
    expect([ikmOf(3, 27).ikm, ikmOf(3, 27).grade.letter]).toEqual([25, 'D']);
    expect([ikmOf(3, 108).ikm, ikmOf(3, 108).grade.letter]).toEqual([100, 'A']);
  });

  it('gives the same result whatever the order of the respondents', () => {
    const responses = responsesWithTotal(26, 717);
    expect(computeIkm({ responses: [...responses].reverse(), preset: IKM_PRESET })).toEqual(computeIkm({ responses, preset: IKM_PRESET }));
  });

  it('computes NRR per element from its own answers', () => {
    const result = computeIkm({ responses: [[4, 1, 2, 3, 4, 4, 4, 4, 4], [2, 1, 2, 3, 4, 4, 4, 4, 4]], preset: IKM_PRESET });
    expect(result.elements.slice(0, 3).map((e) => [e.index, e.name, e.sum, e.nrr, e.convertedScore, e.grade])).toEqual([
      [1, 'Persyaratan', 6, 3, 75, 'C'],
      [2, 'Sistem, Mekanisme, dan Prosedur', 2, 1, 25, 'D'],
      [3, 'Waktu Penyelesaian', 4, 2, 50, 'D'],
    ]);
  });

  it('refuses an empty survey and names the respondent and element of a bad answer', () => {
    expect(() => computeIkm({ responses: [], preset: IKM_PRESET })).toThrow(/belum ada responden/);
    expect(() => computeIkm({ responses: [new Array(9).fill(3), [3, 3, 5, 3, 3, 3, 3, 3, 3]], preset: IKM_PRESET })).toThrow(
      'responden 2: U3 Waktu Penyelesaian: jawaban harus bilangan bulat 1–4, diterima 5',
    );
  });
});

describe('validateIkmResponse', () => {
  it('accepts nine answers from 1 to 4', () => {
    expect(validateIkmResponse({ answers: [1, 2, 3, 4, 1, 2, 3, 4, 1], preset: IKM_PRESET })).toEqual([]);
  });

  it('refuses a response without exactly nine answers', () => {
    expect(validateIkmResponse({ answers: [1, 2, 3, 4, 1, 2, 3, 4], preset: IKM_PRESET })).toEqual(['jawaban: harus tepat 9 jawaban, diterima 8']);
    expect(validateIkmResponse({ answers: new Array(10).fill(2), preset: IKM_PRESET })).toEqual(['jawaban: harus tepat 9 jawaban, diterima 10']);
  });

  it('names every element with an answer that is not an integer 1–4', () => {
    expect(validateIkmResponse({ answers: [0, 2, 3, 4, 2.5, 2, 3, Number.NaN, 4], preset: IKM_PRESET })).toEqual([
      'U1 Persyaratan: jawaban harus bilangan bulat 1–4, diterima 0',
      'U5 Produk Spesifikasi Jenis Pelayanan: jawaban harus bilangan bulat 1–4, diterima 2.5',
      'U8 Penanganan Pengaduan, Saran dan Masukan: jawaban harus bilangan bulat 1–4, diterima NaN',
    ]);
  });
});

describe('weakElements', () => {
  const result = computeIkm({
    responses: [
      [4, 2, 3, 4, 4, 4, 1, 4, 3],
      [4, 3, 3, 4, 4, 4, 2, 4, 3],
    ],
    preset: IKM_PRESET,
  });

  it('lists elements whose NRR is below the threshold, lowest first, ties in element order', () => {
    expect(weakElements({ result, nrrBelow: 3.0644 }).map((e) => [e.index, e.nrr])).toEqual([
      [7, 1.5],
      [2, 2.5],
      [3, 3],
      [9, 3],
    ]);
  });

  it('does not count an element exactly at the threshold as weak', () => {
    expect(weakElements({ result, nrrBelow: 3 }).map((e) => e.index)).toEqual([7, 2]);
  });

  it('returns nothing when every element meets the threshold', () => {
    expect(weakElements({ result, nrrBelow: 1 })).toEqual([]);
  });
});

describe('gradeForIkm — the table of PermenPANRB 14/2017 on rounded values', () => {
  const cases: [number, string][] = [
    [25, 'D'],
    [64.99, 'D'],
    [65, 'C'],
    [76.6, 'C'],
    [76.61, 'B'],
    [88.3, 'B'],
    [88.31, 'A'],
    [100, 'A'],
  ];
  for (const [ikm, letter] of cases) {
    it(`grades ${ikm.toFixed(2)} as ${letter}`, () => {
      expect(gradeForIkm({ ikm, preset: IKM_PRESET }).letter).toBe(letter);
    });
  }

  it('names each grade as the regulation does', () => {
    expect([64.99, 65, 76.61, 88.31].map((ikm) => gradeForIkm({ ikm, preset: IKM_PRESET }).label)).toEqual(['Tidak Baik', 'Kurang Baik', 'Baik', 'Sangat Baik']);
  });

  it('refuses a value that was not rounded to two decimals (76.605 lies between C and B)', () => {
    expect(() => gradeForIkm({ ikm: 76.605, preset: IKM_PRESET })).toThrow('IKM 76.605 belum dibulatkan ke 2 desimal');
  });

  it('refuses a value outside 25.00–100.00', () => {
    expect(() => gradeForIkm({ ikm: 24.99, preset: IKM_PRESET })).toThrow('IKM 24.99 di luar tabel mutu');
    expect(() => gradeForIkm({ ikm: 100.01, preset: IKM_PRESET })).toThrow(RangeError);
  });

  it('agrees with computeIkm at every attainable IKM of 19 respondents', () => {
    for (let total = 9 * 19; total <= 36 * 19; total += 1) {
      const result = ikmOf(19, total);
      expect(gradeForIkm({ ikm: result.ikm, preset: IKM_PRESET })).toBe(result.grade);
    }
  });
});

describe('ikmFromTotals — the index from sums aggregated by the database', () => {
  it('gives exactly what computeIkm gives from the answers', () => {
    const responses = [
      [4, 2, 3, 4, 4, 4, 1, 4, 3],
      [4, 3, 3, 4, 4, 4, 2, 4, 3],
      [3, 3, 2, 4, 3, 4, 2, 3, 3],
    ];
    const sums = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => responses.reduce((sum, row) => sum + row[i]!, 0));
    expect(ikmFromTotals({ respondents: 3, sums, preset: IKM_PRESET })).toEqual(computeIkm({ responses, preset: IKM_PRESET }));
  });

  it('keeps the boundary cases: 19 respondents totalling 524 → 76.61 (B)', () => {
    const sums = responsesWithTotal(19, 524).reduce((acc, row) => acc.map((s, i) => s + row[i]!), new Array<number>(9).fill(0));
    expect(ikmFromTotals({ respondents: 19, sums, preset: IKM_PRESET })).toMatchObject({ ikm: 76.61, grade: { letter: 'B' } });
  });

  it('handles a million respondents without losing precision', () => {
    const result = ikmFromTotals({ respondents: 1_000_000, sums: new Array(9).fill(3_064_400), preset: IKM_PRESET });
    expect([result.ikm, result.grade.letter, result.elements[0]!.nrr]).toEqual([76.61, 'B', 3.0644]);
  });

  it('refuses no respondents, a wrong number of sums, and sums no answers could give', () => {
    expect(() => ikmFromTotals({ respondents: 0, sums: new Array(9).fill(0), preset: IKM_PRESET })).toThrow(/belum ada responden/);
    expect(() => ikmFromTotals({ respondents: 2, sums: new Array(8).fill(6), preset: IKM_PRESET })).toThrow('IKM: harus 9 jumlah nilai unsur, diterima 8');
    expect(() => ikmFromTotals({ respondents: 2, sums: [1, 6, 6, 6, 6, 6, 6, 6, 6], preset: IKM_PRESET })).toThrow('U1: jumlah nilai 1 tidak mungkin untuk 2 responden');
    expect(() => ikmFromTotals({ respondents: 2, sums: [6, 6, 6, 6, 6, 6, 6, 6, 9], preset: IKM_PRESET })).toThrow(/U9/);
    expect(() => ikmFromTotals({ respondents: 1.5, sums: new Array(9).fill(3), preset: IKM_PRESET })).toThrow(RangeError);
  });
});

// The published table of Krejcie & Morgan (1970), population → sample; the formula reproduces every entry.
const KREJCIE_MORGAN_TABLE: [number, number][] = [
  [10, 10], [15, 14], [20, 19], [25, 24], [30, 28], [35, 32], [40, 36], [45, 40], [50, 44], [55, 48], [60, 52], [65, 56], [70, 59], [75, 63],
  [80, 66], [85, 70], [90, 73], [95, 76], [100, 80], [110, 86], [120, 92], [130, 97], [140, 103], [150, 108], [160, 113], [170, 118], [180, 123],
  [190, 127], [200, 132], [210, 136], [220, 140], [230, 144], [240, 148], [250, 152], [260, 155], [270, 159], [280, 162], [290, 165], [300, 169],
  [320, 175], [340, 181], [360, 186], [380, 191], [400, 196], [420, 201], [440, 205], [460, 210], [480, 214], [500, 217], [550, 226], [600, 234],
  [650, 242], [700, 248], [750, 254], [800, 260], [850, 265], [900, 269], [950, 274], [1_000, 278], [1_100, 285], [1_200, 291], [1_300, 297],
  [1_400, 302], [1_500, 306], [1_600, 310], [1_700, 313], [1_800, 317], [1_900, 320], [2_000, 322], [2_200, 327], [2_400, 331], [2_600, 335],
  [2_800, 338], [3_000, 341], [3_500, 346], [4_000, 351], [4_500, 354], [5_000, 357], [6_000, 361], [7_000, 364], [8_000, 367], [9_000, 368],
  [10_000, 370], [15_000, 375], [20_000, 377], [30_000, 379], [40_000, 380], [50_000, 381], [75_000, 382], [1_000_000, 384],
];

describe('krejcieMorgan and sampleSufficient', () => {
  const cases: [number, number][] = [
    [100, 80],
    [300, 169],
    [500, 217],
    [2_000, 322],
    [10_000, 370],
    [40_000, 380],
  ];
  for (const [population, sample] of cases) {
    it(`needs ${sample} respondents for a population of ${population.toLocaleString('en')}`, () => {
      expect(krejcieMorgan({ population, preset: KREJCIE_MORGAN_PRESET })).toBe(sample);
    });
  }

  it('reproduces every entry of the published Krejcie–Morgan table', () => {
    const computed = KREJCIE_MORGAN_TABLE.map(([population]) => [population, krejcieMorgan({ population, preset: KREJCIE_MORGAN_PRESET })]);
    expect(computed).toEqual(KREJCIE_MORGAN_TABLE);
  });

  it('never asks for more respondents than the population, and never fewer for a larger population', () => {
    let previous = 0;
    for (let population = 1; population <= 3_000; population += 1) {
      const sample = krejcieMorgan({ population, preset: KREJCIE_MORGAN_PRESET });
      expect(sample).toBeLessThanOrEqual(population);
      expect(sample).toBeGreaterThanOrEqual(previous);
      previous = sample;
    }
  });

  it('needs everyone in a tiny population and nobody in an empty one', () => {
    expect(krejcieMorgan({ population: 1, preset: KREJCIE_MORGAN_PRESET })).toBe(1);
    expect(krejcieMorgan({ population: 0, preset: KREJCIE_MORGAN_PRESET })).toBe(0);
  });

  it('levels off near 384 for a very large population', () => {
    expect(krejcieMorgan({ population: 1_000_000, preset: KREJCIE_MORGAN_PRESET })).toBe(384);
  });

  it('refuses a negative or fractional population', () => {
    expect(() => krejcieMorgan({ population: -1, preset: KREJCIE_MORGAN_PRESET })).toThrow(RangeError);
    expect(() => krejcieMorgan({ population: 10.5, preset: KREJCIE_MORGAN_PRESET })).toThrow(RangeError);
  });

  it('follows a configured margin of error (d = 0.1 for 500 → 81)', () => {
    expect(krejcieMorgan({ population: 500, preset: { ...KREJCIE_MORGAN_PRESET, margin: 0.1 } })).toBe(81);
  });

  it('says whether a survey has enough respondents and how many are missing', () => {
    expect(sampleSufficient({ population: 500, respondents: 217, preset: KREJCIE_MORGAN_PRESET })).toEqual({ sufficient: true, required: 217, shortfall: 0 });
    expect(sampleSufficient({ population: 500, respondents: 200, preset: KREJCIE_MORGAN_PRESET })).toEqual({ sufficient: false, required: 217, shortfall: 17 });
  });
});
