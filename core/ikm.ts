/**
 * Indeks Kepuasan Masyarakat (PermenPANRB 14/2017, domain rules §9).
 *
 * NRR per element = sum ÷ respondents; weighted NRR = NRR × 1/9 (exactly 1/9, not the 0.111 printed
 * in the regulation's example: the grade table is built on 1/9, and 0.111 moves boundary cases
 * down a grade); IKM = Σ weighted NRR × 25. That is IKM = 25 × Σsums ÷ (9 × n), computed here in
 * integers and rounded ONCE to two decimals, half up; the grade is read from the rounded value.
 */
import { add, compare, divide, multiply, ratio, roundHalfUp, roundHalfUpUnits, toRational, unitsToNumber, type Rational } from './exact.js';

export const IKM_ELEMENTS = [
  'Persyaratan',
  'Sistem, Mekanisme, dan Prosedur',
  'Waktu Penyelesaian',
  'Biaya/Tarif',
  'Produk Spesifikasi Jenis Pelayanan',
  'Kompetensi Pelaksana',
  'Perilaku Pelaksana',
  'Penanganan Pengaduan, Saran dan Masukan',
  'Sarana dan Prasarana',
] as const;

export type IkmGradeLetter = 'A' | 'B' | 'C' | 'D';

export interface IkmGrade {
  readonly letter: IkmGradeLetter;
  /** Mutu pelayanan / kinerja unit pelayanan. */
  readonly label: string;
  /** Bounds on the rounded IKM, inclusive, two decimals. */
  readonly min: number;
  readonly max: number;
}

export interface IkmPreset {
  readonly elements: readonly string[];
  readonly minAnswer: number;
  readonly maxAnswer: number;
  /** Conversion factor from the 1–4 mean to the 25–100 index. */
  readonly scale: number;
  readonly decimals: number;
  /** Best first. */
  readonly grades: readonly IkmGrade[];
}

// PermenPANRB 14/2017: nine elements answered 1–4, index × 25, grades A–D.
export const IKM_PRESET: IkmPreset = {
  elements: IKM_ELEMENTS,
  minAnswer: 1,
  maxAnswer: 4,
  scale: 25,
  decimals: 2,
  grades: [
    { letter: 'A', label: 'Sangat Baik', min: 88.31, max: 100 },
    { letter: 'B', label: 'Baik', min: 76.61, max: 88.3 },
    { letter: 'C', label: 'Kurang Baik', min: 65, max: 76.6 },
    { letter: 'D', label: 'Tidak Baik', min: 25, max: 64.99 },
  ],
};

/** One respondent's answers, in element order. */
export type IkmResponse = readonly number[];

export interface ValidateIkmResponseOptions {
  readonly answers: IkmResponse;
  readonly preset: IkmPreset;
}

/** `field: problem` messages in Indonesian naming the element (U1 … U9); empty when valid. */
export function validateIkmResponse({ answers, preset }: ValidateIkmResponseOptions): string[] {
  if (!Array.isArray(answers) || answers.length !== preset.elements.length) {
    return [`jawaban: harus tepat ${preset.elements.length} jawaban, diterima ${Array.isArray(answers) ? answers.length : 0}`];
  }
  return answers.flatMap((answer, i) =>
    Number.isInteger(answer) && answer >= preset.minAnswer && answer <= preset.maxAnswer
      ? []
      : [`U${i + 1} ${preset.elements[i]}: jawaban harus bilangan bulat ${preset.minAnswer}–${preset.maxAnswer}, diterima ${String(answer)}`],
  );
}

export interface IkmElementResult {
  /** 1-based, as U1 … U9 in the regulation. */
  readonly index: number;
  readonly name: string;
  readonly sum: number;
  /** sum ÷ respondents. */
  readonly nrr: number;
  /** nrr × 1/9 (for display; the index is computed from the sums). */
  readonly weightedNrr: number;
  /** nrr × 25, rounded half up to two decimals: the element's own converted score. */
  readonly convertedScore: number;
  readonly grade: IkmGradeLetter;
}

export interface IkmResult {
  readonly respondents: number;
  readonly elements: readonly IkmElementResult[];
  /** Rounded once, half up, to preset.decimals. */
  readonly ikm: number;
  /** The rounded IKM in hundredths (76.61 → 7661), for exact comparisons. */
  readonly ikmUnits: number;
  readonly grade: IkmGrade;
}

export interface ComputeIkmOptions {
  readonly responses: readonly IkmResponse[];
  readonly preset: IkmPreset;
}

function gradeOf(units: bigint, preset: IkmPreset): IkmGrade {
  const grade = preset.grades.find((g) => roundHalfUpUnits(toRational(g.min), preset.decimals) <= units && units <= roundHalfUpUnits(toRational(g.max), preset.decimals));
  if (!grade) throw new RangeError(`IKM ${unitsToNumber(units, preset.decimals)} di luar tabel mutu`);
  return grade;
}

/** scale × mean on 1–4, rounded once; mean = sum ÷ count. */
function convert(sum: number, count: number, preset: IkmPreset): bigint {
  return roundHalfUpUnits(multiply(toRational(preset.scale), ratio(sum, count)), preset.decimals);
}

export function computeIkm({ responses, preset }: ComputeIkmOptions): IkmResult {
  const respondents = responses.length;
  if (respondents === 0) throw new RangeError('IKM: belum ada responden');
  const k = preset.elements.length;
  const sums = new Array<number>(k).fill(0);
  responses.forEach((answers, r) => {
    const problems = validateIkmResponse({ answers, preset });
    if (problems.length > 0) throw new RangeError(`responden ${r + 1}: ${problems.join('; ')}`);
    answers.forEach((answer, i) => (sums[i]! += answer));
  });
  return ikmFromTotals({ respondents, sums, preset });
}

export interface IkmFromTotalsOptions {
  readonly respondents: number;
  /** Sum of each element's answers over the respondents, in element order (as SQL sum(u1) … sum(u9)). */
  readonly sums: readonly number[];
  readonly preset: IkmPreset;
}

/**
 * The same result as computeIkm from per-element sums, for totals aggregated by the database.
 * Refuses sums that no set of answers could produce (each between respondents × min and × max).
 */
export function ikmFromTotals({ respondents, sums, preset }: IkmFromTotalsOptions): IkmResult {
  if (!Number.isSafeInteger(respondents) || respondents < 0) throw new RangeError(`jumlah responden tidak sah: ${respondents}`);
  if (respondents === 0) throw new RangeError('IKM: belum ada responden');
  const k = preset.elements.length;
  if (sums.length !== k) throw new RangeError(`IKM: harus ${k} jumlah nilai unsur, diterima ${sums.length}`);
  sums.forEach((sum, i) => {
    if (!Number.isSafeInteger(sum) || sum < respondents * preset.minAnswer || sum > respondents * preset.maxAnswer) {
      throw new RangeError(`U${i + 1}: jumlah nilai ${sum} tidak mungkin untuk ${respondents} responden`);
    }
  });
  const total = sums.reduce((a, b) => a + b, 0);
  // IKM = scale × Σ(NRR_i × 1/k) = scale × total ÷ (k × n), exactly.
  const units = convert(total, k * respondents, preset);
  const elements = sums.map((sum, i): IkmElementResult => {
    const elementUnits = convert(sum, respondents, preset);
    return {
      index: i + 1,
      name: preset.elements[i]!,
      sum,
      nrr: sum / respondents,
      weightedNrr: sum / respondents / k,
      convertedScore: unitsToNumber(elementUnits, preset.decimals),
      grade: gradeOf(elementUnits, preset).letter,
    };
  });
  return { respondents, elements, ikm: unitsToNumber(units, preset.decimals), ikmUnits: Number(units), grade: gradeOf(units, preset) };
}

export interface GradeForIkmOptions {
  /** An IKM already rounded to preset.decimals (e.g. stored or published). */
  readonly ikm: number;
  readonly preset: IkmPreset;
}

/** The grade of a rounded IKM; refuses a value with more decimals than the table or outside it. */
export function gradeForIkm({ ikm, preset }: GradeForIkmOptions): IkmGrade {
  const value = toRational(ikm);
  const units = roundHalfUpUnits(value, preset.decimals);
  if (compare(value, ratio(units, 10n ** BigInt(preset.decimals))) !== 0) throw new RangeError(`IKM ${ikm} belum dibulatkan ke ${preset.decimals} desimal`);
  return gradeOf(units, preset);
}

export interface WeakElementsOptions {
  readonly result: IkmResult;
  /** Elements whose NRR is strictly below this (e.g. 3.0644, the lowest NRR graded B) are weak. */
  readonly nrrBelow: number;
}

/** Weak elements for the improvement plan, lowest NRR first (ties in element order). Compared exactly. */
export function weakElements({ result, nrrBelow }: WeakElementsOptions): IkmElementResult[] {
  const threshold = toRational(nrrBelow);
  const nrr = (e: IkmElementResult): Rational => ratio(e.sum, result.respondents);
  return result.elements.filter((e) => compare(nrr(e), threshold) < 0).sort((a, b) => a.sum - b.sum || a.index - b.index);
}

export interface KrejcieMorganPreset {
  readonly chiSquare: number;
  readonly proportion: number;
  readonly margin: number;
}

// Krejcie–Morgan as used with PermenPANRB 14/2017: χ² = 3.841 (1 df, 95%), P = 0.5, d = 0.05.
export const KREJCIE_MORGAN_PRESET: KrejcieMorganPreset = { chiSquare: 3.841, proportion: 0.5, margin: 0.05 };

export interface KrejcieMorganOptions {
  readonly population: number;
  readonly preset: KrejcieMorganPreset;
}

/**
 * Minimum respondents s = χ²·N·P(1−P) ÷ (d²(N−1) + χ²·P(1−P)), rounded to the nearest whole
 * respondent (half up), computed exactly: 100 → 79.507… → 80.
 */
export function krejcieMorgan({ population, preset }: KrejcieMorganOptions): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError(`populasi harus bilangan bulat ≥ 0: ${population}`);
  if (population === 0) return 0;
  const chi = toRational(preset.chiSquare);
  const p = toRational(preset.proportion);
  const pq = multiply(p, { num: p.den - p.num, den: p.den });
  const d = toRational(preset.margin);
  const spread = multiply(chi, pq);
  const numerator = multiply(spread, ratio(population));
  const denominator = add(multiply(multiply(d, d), ratio(population - 1)), spread);
  return roundHalfUp(divide(numerator, denominator), 0);
}

export interface SampleSufficientOptions {
  readonly population: number;
  readonly respondents: number;
  readonly preset: KrejcieMorganPreset;
}

export interface SampleCheck {
  readonly sufficient: boolean;
  readonly required: number;
  /** Respondents still needed; 0 when sufficient. */
  readonly shortfall: number;
}

export function sampleSufficient({ population, respondents, preset }: SampleSufficientOptions): SampleCheck {
  const required = krejcieMorgan({ population, preset });
  return { sufficient: respondents >= required, required, shortfall: Math.max(0, required - respondents) };
}
