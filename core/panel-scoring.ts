/**
 * Panel-scored components (issue 6; domain-rules §5 work practice, interview, psychological and
 * physical tests; §7 JPT assessment, written paper, interview, track record): a rubric of weighted
 * criteria scored on a scale of levels with descriptors, each assessor's total, the component
 * score from the submitted totals and the spread check that sends a candidate to moderation.
 *
 * Arithmetic is exact (core/exact.ts): an assessor's total is Σ weight × level ÷ 100 on the
 * rubric's scale, the component score is aggregated from the exact totals and rounded ONCE, half
 * up, to two decimals — that rounded value is the published component score. The spread is
 * max − min of the exact totals and is flagged only when strictly above the threshold.
 */
import { add, compare, divide, multiply, ratio, roundHalfUp, roundHalfUpUnits, toNumber, toRational, type Rational } from './exact.js';
import type { FieldIssue } from './field-issue.js';
import type { PipelineStage } from './pipeline.js';

export const RUBRIC_WEIGHT_TOTAL = 100;
/** Decimals of the published component score. */
export const PANEL_SCORE_DECIMALS = 2;

export const AGGREGATION_METHODS = ['mean', 'median', 'trimmed_mean'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

export const AGGREGATION_LABELS: Readonly<Record<AggregationMethod, string>> = {
  mean: 'Rata-rata',
  median: 'Median',
  trimmed_mean: 'Rata-rata terpangkas (nilai tertinggi dan terendah dibuang)',
};

export const PANEL_LIMITS = {
  criteriaMax: 20,
  levelsMin: 2,
  levelsMax: 11,
  levelValueMax: 100,
  assessorsMax: 15,
  keyMax: 40,
  nameMax: 150,
  textMax: 1000,
} as const;

export type ScaleLevel = { value: number; label: string; descriptor: string };
export type RubricCriterion = {
  key: string;
  name: string;
  /** Percent of the assessor's total; the criteria's weights sum to exactly 100. */
  weight: number;
  description: string;
  /** What each level means for this criterion, by level value ('1', '2', …); the scale's descriptor otherwise. */
  levelDescriptors?: Record<string, string>;
};
export type Rubric = { criteria: RubricCriterion[]; levels: ScaleLevel[] };

export type PanelSettings = {
  aggregation: AggregationMethod;
  /** Totals dropped at each end by the trimmed mean. */
  trim: number;
  /** On the scale: a spread (max − min of the assessors' totals) strictly above it is flagged. */
  spreadThreshold: number;
  /** Submitted scores a candidate needs before the component can be locked. */
  minAssessors: number;
};

const KEY = /^[a-z][a-z0-9_]*$/;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
const issue = (field: string, code: string, message: string): FieldIssue => ({ field, code, message });
const formatNumber = (value: number) => value.toLocaleString('id-ID', { maximumFractionDigits: 6 });

/** The lowest and highest level values (levels are kept ascending). */
export function scaleBounds(levels: readonly ScaleLevel[]): { min: number; max: number } {
  const values = levels.map((level) => level.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

function levelIssues(levels: readonly ScaleLevel[]): FieldIssue[] {
  if (!Array.isArray(levels) || levels.length < PANEL_LIMITS.levelsMin || levels.length > PANEL_LIMITS.levelsMax) {
    return [issue('levels', 'RUBRIC_LEVELS_COUNT', `Skala nilai harus memiliki ${PANEL_LIMITS.levelsMin}–${PANEL_LIMITS.levelsMax} tingkat.`)];
  }
  const issues: FieldIssue[] = [];
  levels.forEach((level, index) => {
    const at = `levels.${index}`;
    if (!Number.isInteger(level.value) || level.value < 0 || level.value > PANEL_LIMITS.levelValueMax) {
      issues.push(issue(`${at}.value`, 'RUBRIC_LEVEL_VALUE_INVALID', `Nilai tingkat harus bilangan bulat 0–${PANEL_LIMITS.levelValueMax}.`));
    } else if (index > 0 && isNumber(levels[index - 1]!.value) && level.value <= levels[index - 1]!.value) {
      issues.push(issue(`${at}.value`, 'RUBRIC_LEVEL_ORDER', 'Nilai tingkat harus naik dan tidak boleh sama dengan tingkat sebelumnya.'));
    }
    if (blank(level.label)) issues.push(issue(`${at}.label`, 'RUBRIC_LEVEL_LABEL_REQUIRED', 'Sebutan tingkat wajib diisi (mis. "Baik").'));
    if (blank(level.descriptor)) issues.push(issue(`${at}.descriptor`, 'RUBRIC_LEVEL_DESCRIPTOR_REQUIRED', 'Deskripsi tingkat wajib diisi agar penguji menilai dengan ukuran yang sama.'));
  });
  return issues;
}

function criterionIssues(criteria: readonly RubricCriterion[], levelValues: ReadonlySet<string>): FieldIssue[] {
  if (!Array.isArray(criteria) || criteria.length === 0 || criteria.length > PANEL_LIMITS.criteriaMax) {
    return [issue('criteria', 'RUBRIC_CRITERIA_COUNT', `Rubrik harus memiliki 1–${PANEL_LIMITS.criteriaMax} kriteria.`)];
  }
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  let sum = ratio(0);
  let weightsReadable = true;
  criteria.forEach((criterion, index) => {
    const at = `criteria.${index}`;
    if (typeof criterion.key !== 'string' || !KEY.test(criterion.key) || criterion.key.length > PANEL_LIMITS.keyMax) {
      issues.push(issue(`${at}.key`, 'RUBRIC_KEY_INVALID', 'Kode kriteria wajib diisi dengan huruf kecil, angka atau garis bawah, diawali huruf.'));
    } else if (seen.has(criterion.key)) {
      issues.push(issue(`${at}.key`, 'RUBRIC_KEY_DUPLICATE', `Kode kriteria "${criterion.key}" sudah dipakai.`));
    } else seen.add(criterion.key);
    if (blank(criterion.name)) issues.push(issue(`${at}.name`, 'RUBRIC_NAME_REQUIRED', 'Nama kriteria wajib diisi.'));
    if (!isNumber(criterion.weight) || criterion.weight <= 0 || criterion.weight > RUBRIC_WEIGHT_TOTAL) {
      issues.push(issue(`${at}.weight`, 'RUBRIC_WEIGHT_OUT_OF_RANGE', `Bobot kriteria harus lebih dari 0 dan paling besar ${RUBRIC_WEIGHT_TOTAL}.`));
      weightsReadable = false;
    } else sum = add(sum, toRational(criterion.weight));
    for (const level of Object.keys(criterion.levelDescriptors ?? {})) {
      if (!levelValues.has(level)) {
        issues.push(issue(`${at}.levelDescriptors.${level}`, 'RUBRIC_DESCRIPTOR_LEVEL_UNKNOWN', `Tingkat ${level} tidak ada pada skala nilai.`));
      }
    }
  });
  if (weightsReadable && compare(sum, ratio(RUBRIC_WEIGHT_TOTAL)) !== 0) {
    issues.push(issue('criteria', 'RUBRIC_WEIGHT_SUM', `Jumlah bobot kriteria harus ${RUBRIC_WEIGHT_TOTAL}; saat ini ${formatNumber(toNumber(sum))}.`));
  }
  return issues;
}

/** Every problem of a rubric, addressed as 'criteria.2.weight' or 'levels.0.descriptor'; empty when valid. */
export function rubricIssues(rubric: Rubric): FieldIssue[] {
  const levels = levelIssues(rubric.levels);
  const values = new Set((Array.isArray(rubric.levels) ? rubric.levels : []).map((level) => String(level.value)));
  return [...levels, ...criterionIssues(rubric.criteria, values)];
}

/** Every problem of a component's settings against its rubric's scale. */
export function settingsIssues(settings: PanelSettings, levels: readonly ScaleLevel[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!AGGREGATION_METHODS.includes(settings.aggregation)) {
    issues.push(issue('settings.aggregation', 'PANEL_AGGREGATION_UNKNOWN', 'Metode penggabungan nilai harus rata-rata, median atau rata-rata terpangkas.'));
  }
  if (!Number.isInteger(settings.minAssessors) || settings.minAssessors < 1 || settings.minAssessors > PANEL_LIMITS.assessorsMax) {
    issues.push(issue('settings.minAssessors', 'PANEL_MIN_ASSESSORS_INVALID', `Jumlah penguji minimal harus bilangan bulat 1–${PANEL_LIMITS.assessorsMax}.`));
  }
  if (settings.aggregation === 'trimmed_mean') {
    if (!Number.isInteger(settings.trim) || settings.trim < 1) {
      issues.push(issue('settings.trim', 'PANEL_TRIM_INVALID', 'Jumlah nilai yang dibuang di setiap ujung harus bilangan bulat ≥ 1.'));
    } else if (Number.isInteger(settings.minAssessors) && settings.minAssessors < 2 * settings.trim + 1) {
      issues.push(
        issue('settings.minAssessors', 'PANEL_TRIM_NEEDS_ASSESSORS', `Rata-rata terpangkas yang membuang ${settings.trim} nilai di setiap ujung memerlukan sedikitnya ${2 * settings.trim + 1} penguji.`),
      );
    }
  }
  const range = Array.isArray(levels) && levels.length > 0 && levels.every((level) => isNumber(level.value)) ? scaleBounds(levels) : null;
  if (!isNumber(settings.spreadThreshold) || settings.spreadThreshold < 0) {
    issues.push(issue('settings.spreadThreshold', 'PANEL_SPREAD_INVALID', 'Batas selisih nilai antarpenguji harus angka ≥ 0.'));
  } else if (10n ** BigInt(PANEL_SCORE_DECIMALS) % toRational(settings.spreadThreshold).den !== 0n) {
    issues.push(issue('settings.spreadThreshold', 'PANEL_SPREAD_INVALID', 'Batas selisih nilai paling banyak dua angka desimal.'));
  } else if (range && settings.spreadThreshold > range.max - range.min) {
    issues.push(issue('settings.spreadThreshold', 'PANEL_SPREAD_TOO_LARGE', `Batas selisih nilai tidak boleh melebihi rentang skala (${formatNumber(range.max - range.min)}).`));
  }
  return issues;
}

export type CriterionScores = Readonly<Record<string, number>>;

/** Problems of one assessor's scores: every criterion scored, on a level of the scale, nothing else. */
export function scoreIssues(rubric: Rubric, scores: CriterionScores): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const values = rubric.levels.map((level) => level.value);
  const known = new Set(rubric.criteria.map((criterion) => criterion.key));
  const { min, max } = scaleBounds(rubric.levels);
  for (const criterion of rubric.criteria) {
    const value = scores[criterion.key];
    const field = `scores.${criterion.key}`;
    if (value === undefined || value === null) issues.push(issue(field, 'PANEL_SCORE_MISSING', `Nilai untuk "${criterion.name}" wajib diisi.`));
    else if (!isNumber(value) || !values.includes(value)) {
      issues.push(issue(field, 'PANEL_SCORE_OUT_OF_SCALE', `Nilai "${criterion.name}" harus salah satu tingkat skala (${values.join(', ')}); rentang ${min}–${max}.`));
    }
  }
  for (const key of Object.keys(scores)) {
    if (!known.has(key)) issues.push(issue(`scores.${key}`, 'PANEL_SCORE_UNKNOWN_CRITERION', `Kriteria "${key}" tidak ada pada rubrik.`));
  }
  return issues;
}

export class PanelScoringError extends RangeError {
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((found) => `${found.field}: ${found.message}`).join('; '));
    this.name = 'PanelScoringError';
  }
}

/** One assessor's total on the scale: Σ weight × level ÷ 100, exact. Throws on scores that do not fit the rubric. */
export function assessorTotal(rubric: Rubric, scores: CriterionScores): Rational {
  const issues = scoreIssues(rubric, scores);
  if (issues.length) throw new PanelScoringError(issues);
  const sum = rubric.criteria.reduce((total, criterion) => add(total, multiply(toRational(criterion.weight), toRational(scores[criterion.key]!))), ratio(0));
  return divide(sum, ratio(RUBRIC_WEIGHT_TOTAL));
}

const byValue = (a: Rational, b: Rational) => compare(a, b);

function mean(values: readonly Rational[]): Rational {
  return divide(values.reduce(add, ratio(0)), ratio(values.length));
}

/** The fewest totals the method can combine. */
export function totalsNeeded(settings: Pick<PanelSettings, 'aggregation' | 'trim'>): number {
  return settings.aggregation === 'trimmed_mean' ? 2 * settings.trim + 1 : 1;
}

/**
 * The component score from the assessors' exact totals, before rounding: the mean; the median
 * (the mean of the two middle totals when their number is even); or the trimmed mean, which drops
 * the `trim` lowest and `trim` highest totals and averages the rest.
 */
export function aggregateTotals(totals: readonly Rational[], settings: Pick<PanelSettings, 'aggregation' | 'trim'>): Rational {
  if (totals.length === 0) throw new PanelScoringError([issue('totals', 'PANEL_NO_TOTALS', 'Belum ada nilai penguji yang dikirim.')]);
  const sorted = [...totals].sort(byValue);
  switch (settings.aggregation) {
    case 'mean':
      return mean(sorted);
    case 'median': {
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[middle]! : mean([sorted[middle - 1]!, sorted[middle]!]);
    }
    case 'trimmed_mean': {
      if (sorted.length < totalsNeeded(settings)) {
        throw new PanelScoringError([issue('totals', 'PANEL_TOO_FEW_TOTALS', `Rata-rata terpangkas memerlukan sedikitnya ${totalsNeeded(settings)} nilai penguji.`)]);
      }
      return mean(sorted.slice(settings.trim, sorted.length - settings.trim));
    }
  }
  throw new PanelScoringError([issue('settings.aggregation', 'PANEL_AGGREGATION_UNKNOWN', 'Metode penggabungan nilai tidak dikenal.')]);
}

/** max − min of the totals (0 for a single total). */
export function spreadOf(totals: readonly Rational[]): Rational {
  if (totals.length === 0) return ratio(0);
  const sorted = [...totals].sort(byValue);
  return add(sorted[sorted.length - 1]!, multiply(sorted[0]!, ratio(-1)));
}

/** Strictly above the threshold: a spread equal to it is accepted without moderation. */
export function exceedsSpread(totals: readonly Rational[], threshold: number): boolean {
  return compare(spreadOf(totals), toRational(threshold)) > 0;
}

export type ComponentScore = {
  /** The published score, rounded half up once to two decimals, on the rubric's scale. */
  score: number;
  /** The published score in hundredths (3.13 → 313). */
  units: number;
  /** The unrounded value, for audit and recomputation; never rank on it. */
  exact: Rational;
  /** max − min of the exact totals, rounded to two decimals for display. */
  spread: number;
  flagged: boolean;
};

/** The component score of one candidate from the submitted totals, and whether the spread needs moderation. */
export function componentScore(totals: readonly Rational[], settings: PanelSettings): ComponentScore {
  const exact = aggregateTotals(totals, settings);
  const units = roundHalfUpUnits(exact, PANEL_SCORE_DECIMALS);
  return {
    score: roundHalfUp(exact, PANEL_SCORE_DECIMALS),
    units: Number(units),
    exact,
    spread: roundHalfUp(spreadOf(totals), PANEL_SCORE_DECIMALS),
    flagged: exceedsSpread(totals, settings.spreadThreshold),
  };
}

/** A total shown to people (two decimals, half up); aggregation always uses the exact total. */
/**
 * A corrected component score after locking (the audited correction keeps the original): a number
 * on the component's scale with at most two decimals, as component scores are published.
 */
export function correctedScoreIssues(levels: readonly ScaleLevel[], score: unknown): FieldIssue[] {
  const { min, max } = scaleBounds(levels);
  if (typeof score !== 'number' || !Number.isFinite(score)) return [issue('score', 'SCORE_NOT_NUMBER', 'Nilai koreksi harus berupa angka.')];
  if (score < min || score > max) return [issue('score', 'SCORE_OUT_OF_SCALE', `Nilai koreksi harus antara ${min} dan ${max} (skala komponen ini).`)];
  const hundredths = score * 10 ** PANEL_SCORE_DECIMALS;
  if (Math.abs(hundredths - Math.round(hundredths)) > 1e-9) return [issue('score', 'SCORE_TOO_PRECISE', `Nilai koreksi paling banyak ${PANEL_SCORE_DECIMALS} angka desimal.`)];
  return [];
}

export const displayTotal = (total: Rational): number => roundHalfUp(total, PANEL_SCORE_DECIMALS);

/** "num/den", the exact value written in audit records so anyone can recompute the rounding. */
export const exactText = (value: Rational): string => `${value.num}/${value.den}`;

// ---------------------------------------------------------------------------------------------
// Presets: a starting rubric per kind of panel component; the panel edits it before scoring.

export const DEFAULT_LEVELS: readonly ScaleLevel[] = [
  { value: 1, label: 'Sangat kurang', descriptor: 'Tidak menunjukkan perilaku atau hasil yang diharapkan; banyak kekeliruan mendasar.' },
  { value: 2, label: 'Kurang', descriptor: 'Menunjukkan sebagian kecil yang diharapkan; perlu banyak arahan.' },
  { value: 3, label: 'Cukup', descriptor: 'Memenuhi harapan dasar jabatan dengan beberapa kekurangan.' },
  { value: 4, label: 'Baik', descriptor: 'Memenuhi seluruh harapan dengan contoh nyata yang meyakinkan.' },
  { value: 5, label: 'Sangat baik', descriptor: 'Melampaui harapan; contoh nyata yang mendalam dan dapat menjadi teladan.' },
];

export const DEFAULT_SETTINGS: PanelSettings = { aggregation: 'mean', trim: 1, spreadThreshold: 1, minAssessors: 2 };

type PresetCriterion = Omit<RubricCriterion, 'levelDescriptors'>;

const PRESET_CRITERIA: Readonly<Record<string, readonly PresetCriterion[]>> = {
  // Seed 004: an interview goes deeper than experience — values, reasoning and integrity weigh most.
  wawancara: [
    { key: 'integritas', name: 'Integritas dan nilai BerAKHLAK', weight: 30, description: 'Konsistensi sikap dan contoh nyata menjunjung kejujuran, akuntabilitas dan pelayanan.' },
    { key: 'penalaran', name: 'Penalaran dan pemecahan masalah', weight: 25, description: 'Cara menganalisis kasus jabatan dan menimbang alternatif.' },
    { key: 'penguasaan', name: 'Penguasaan bidang tugas', weight: 25, description: 'Pemahaman tugas, regulasi dan isu utama jabatan.' },
    { key: 'komunikasi', name: 'Komunikasi', weight: 20, description: 'Kejelasan, keruntutan dan kemampuan mendengar.' },
  ],
  praktik_kerja: [
    { key: 'persiapan', name: 'Persiapan dan rencana kerja', weight: 20, description: 'Rencana (mis. RPP untuk simulasi mengajar) lengkap dan sesuai tujuan.' },
    { key: 'pelaksanaan', name: 'Pelaksanaan tugas', weight: 40, description: 'Ketepatan langkah kerja dan penguasaan materi saat praktik.' },
    { key: 'hasil', name: 'Hasil kerja', weight: 25, description: 'Mutu hasil terhadap standar yang ditetapkan.' },
    { key: 'sikap', name: 'Sikap kerja', weight: 15, description: 'Ketelitian, keselamatan kerja dan interaksi dengan pihak yang dilayani.' },
  ],
  makalah: [
    { key: 'substansi', name: 'Substansi dan gagasan', weight: 40, description: 'Ketajaman analisis dan kelayakan gagasan perubahan.' },
    { key: 'sistematika', name: 'Sistematika penulisan', weight: 20, description: 'Struktur, data pendukung dan rujukan.' },
    { key: 'presentasi', name: 'Presentasi', weight: 20, description: 'Penyampaian yang jelas dalam waktu yang ditetapkan.' },
    { key: 'tanya_jawab', name: 'Penguasaan saat tanya jawab', weight: 20, description: 'Ketepatan menjawab dan mempertahankan gagasan.' },
  ],
  asesmen: [
    { key: 'manajerial', name: 'Kompetensi manajerial', weight: 50, description: 'Hasil asesmen kompetensi manajerial terhadap standar jabatan.' },
    { key: 'sosial_kultural', name: 'Kompetensi sosial kultural', weight: 20, description: 'Kepekaan dan perekat bangsa.' },
    { key: 'teknis', name: 'Kompetensi teknis', weight: 30, description: 'Penguasaan bidang jabatan yang dituju.' },
  ],
  rekam_jejak: [
    { key: 'kinerja', name: 'Capaian kinerja', weight: 40, description: 'Predikat kinerja dan capaian nyata tiga tahun terakhir.' },
    { key: 'integritas', name: 'Integritas dan disiplin', weight: 40, description: 'Keterangan atasan, rekan dan pihak terkait; tidak ada hukuman disiplin.' },
    { key: 'pengembangan', name: 'Pengembangan diri', weight: 20, description: 'Pelatihan, sertifikasi dan kontribusi di luar tugas pokok.' },
  ],
};

const GENERAL_CRITERIA: readonly PresetCriterion[] = [
  { key: 'aspek_utama', name: 'Aspek utama', weight: 60, description: 'Aspek yang paling menentukan pada komponen ini.' },
  { key: 'aspek_pendukung', name: 'Aspek pendukung', weight: 40, description: 'Aspek pelengkap pada komponen ini.' },
];

/** A starting rubric for a component key (wawancara, praktik_kerja, makalah, asesmen, rekam_jejak…). */
export function presetRubric(componentKey: string): Rubric {
  const criteria = PRESET_CRITERIA[componentKey] ?? GENERAL_CRITERIA;
  return { criteria: criteria.map((criterion) => ({ ...criterion })), levels: DEFAULT_LEVELS.map((level) => ({ ...level })) };
}

// ---------------------------------------------------------------------------------------------
// Where panel scoring happens in a pipeline, and whether a candidate's scores may be locked

export type PanelPart = {
  stageKey: string;
  stageName: string;
  stageIndex: number;
  /** null when the whole stage is one panel component. */
  componentKey: string | null;
  name: string;
  /** The stage's percent of the final score, or the component's percent of its stage. */
  weight: number;
};

/**
 * The panel-scored parts of a pipeline, in order: a stage of kind 'panel' without components is
 * one part; a panel component inside any scored stage (CPNS SKB's praktik_kerja) is one part.
 */
export function panelPartsOf(stages: readonly PipelineStage[]): PanelPart[] {
  return stages.flatMap((stage, stageIndex): PanelPart[] => {
    const base = { stageKey: stage.key, stageName: stage.name, stageIndex };
    if (stage.components && stage.components.length > 0) {
      return stage.components
        .filter((component) => component.kind === 'panel')
        .map((component) => ({ ...base, componentKey: component.key, name: component.name, weight: component.weight }));
    }
    return stage.kind === 'panel' ? [{ ...base, componentKey: null, name: stage.name, weight: stage.weight }] : [];
  });
}

export type CandidateAssignment = {
  status: 'active' | 'conflict' | 'removed';
  declared: boolean;
  /** null: not scored yet. */
  score: 'submitted' | 'reopened' | null;
};

export type CandidateState = {
  absent: boolean;
  assignments: readonly CandidateAssignment[];
  minAssessors: number;
  /** The spread of the submitted totals is above the threshold… */
  flagged: boolean;
  /** …and a moderator has confirmed the current set of scores. */
  confirmed: boolean;
};

/**
 * absent: marked absent (no score); unassigned: fewer active assessors than the minimum;
 * incomplete: an active assessor has not declared, not submitted, or is revising after a reopening;
 * flagged: the spread is above the threshold and nobody confirmed it; ready: can be locked.
 */
export type CandidateStatus = 'absent' | 'unassigned' | 'incomplete' | 'flagged' | 'ready';

export function candidateStatus(state: CandidateState): CandidateStatus {
  if (state.absent) return 'absent';
  const active = state.assignments.filter((assignment) => assignment.status === 'active');
  if (active.length < state.minAssessors) return 'unassigned';
  if (active.some((assignment) => !assignment.declared || assignment.score !== 'submitted')) return 'incomplete';
  if (state.flagged && !state.confirmed) return 'flagged';
  return 'ready';
}

export const CANDIDATE_STATUS_LABELS: Readonly<Record<CandidateStatus, string>> = {
  absent: 'Tidak hadir',
  unassigned: 'Penguji belum cukup',
  incomplete: 'Belum selesai dinilai',
  flagged: 'Perlu moderasi (selisih nilai)',
  ready: 'Siap dikunci',
};
