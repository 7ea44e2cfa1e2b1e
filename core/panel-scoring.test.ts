import { describe, expect, it } from 'vitest';
import { ratio, toRational, type Rational } from './exact.js';
import {
  DEFAULT_LEVELS,
  DEFAULT_SETTINGS,
  aggregateTotals,
  assessorTotal,
  candidateStatus,
  componentScore,
  correctedScoreIssues,
  exceedsSpread,
  exactText,
  panelPartsOf,
  presetRubric,
  rubricIssues,
  scaleBounds,
  scoreIssues,
  settingsIssues,
  spreadOf,
  PanelScoringError,
  type CandidateAssignment,
  type CandidateState,
  type PanelSettings,
  type Rubric,
} from './panel-scoring.js';
import { PIPELINE_PRESETS } from './pipeline.js';

const levels = DEFAULT_LEVELS.map((level) => ({ ...level }));
const rubric = (weights: number[]): Rubric => ({
  criteria: weights.map((weight, index) => ({ key: `k${index}`, name: `Kriteria ${index + 1}`, weight, description: '' })),
  levels,
});
const r = (value: number | string): Rational => toRational(value);
const codes = (issues: Array<{ code: string }>) => issues.map((found) => found.code);
const settings = (over: Partial<PanelSettings> = {}): PanelSettings => ({ ...DEFAULT_SETTINGS, ...over });

describe('rubric validation', () => {
  it('accepts every preset rubric', () => {
    for (const key of ['wawancara', 'praktik_kerja', 'makalah', 'asesmen', 'rekam_jejak', 'psikotes']) {
      expect(rubricIssues(presetRubric(key))).toEqual([]);
    }
  });

  it('accepts weights whose exact sum is 100 even when binary floating point would not (33.3 + 33.3 + 33.4)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(rubricIssues(rubric([33.3, 33.3, 33.4]))).toEqual([]);
    expect(rubricIssues(rubric([10.1, 20.2, 69.7]))).toEqual([]);
  });

  it('refuses weights summing to 99.99 or 100.01, naming the sum', () => {
    const under = rubricIssues(rubric([33.33, 33.33, 33.33]));
    expect(under).toEqual([{ field: 'criteria', code: 'RUBRIC_WEIGHT_SUM', message: 'Jumlah bobot kriteria harus 100; saat ini 99,99.' }]);
    expect(codes(rubricIssues(rubric([50, 50.01])))).toEqual(['RUBRIC_WEIGHT_SUM']);
  });

  it('refuses zero, negative, over-100 and non-numeric weights without adding a misleading sum issue', () => {
    expect(codes(rubricIssues(rubric([0, 100])))).toEqual(['RUBRIC_WEIGHT_OUT_OF_RANGE']);
    expect(codes(rubricIssues(rubric([-10, 110])))).toEqual(['RUBRIC_WEIGHT_OUT_OF_RANGE', 'RUBRIC_WEIGHT_OUT_OF_RANGE']);
    expect(codes(rubricIssues(rubric([Number.NaN, 100])))).toEqual(['RUBRIC_WEIGHT_OUT_OF_RANGE']);
  });

  it('refuses duplicate or malformed criterion keys and blank names', () => {
    const bad: Rubric = {
      levels,
      criteria: [
        { key: 'sama', name: 'A', weight: 50, description: '' },
        { key: 'sama', name: ' ', weight: 25, description: '' },
        { key: '1salah', name: 'C', weight: 25, description: '' },
      ],
    };
    expect(rubricIssues(bad).map((found) => `${found.field} ${found.code}`)).toEqual([
      'criteria.1.key RUBRIC_KEY_DUPLICATE',
      'criteria.1.name RUBRIC_NAME_REQUIRED',
      'criteria.2.key RUBRIC_KEY_INVALID',
    ]);
  });

  it('refuses an empty rubric and too many criteria', () => {
    expect(codes(rubricIssues({ levels, criteria: [] }))).toEqual(['RUBRIC_CRITERIA_COUNT']);
    const many = Array.from({ length: 21 }, () => 100 / 21);
    expect(codes(rubricIssues(rubric(many)))).toContain('RUBRIC_CRITERIA_COUNT');
  });

  it('refuses a scale with one level, unordered or repeated values, fractions, and missing labels or descriptors', () => {
    expect(codes(rubricIssues({ ...rubric([100]), levels: [levels[0]!] }))).toEqual(['RUBRIC_LEVELS_COUNT']);
    const scale = [
      { value: 1, label: 'Kurang', descriptor: 'a' },
      { value: 1, label: 'Cukup', descriptor: 'b' },
      { value: 2.5, label: '', descriptor: '' },
      { value: 0, label: 'Nol', descriptor: 'c' },
    ];
    expect(rubricIssues({ ...rubric([100]), levels: scale }).map((found) => `${found.field} ${found.code}`)).toEqual([
      'levels.1.value RUBRIC_LEVEL_ORDER',
      'levels.2.value RUBRIC_LEVEL_VALUE_INVALID',
      'levels.2.label RUBRIC_LEVEL_LABEL_REQUIRED',
      'levels.2.descriptor RUBRIC_LEVEL_DESCRIPTOR_REQUIRED',
      'levels.3.value RUBRIC_LEVEL_ORDER',
    ]);
  });

  it('refuses a criterion descriptor for a level the scale does not have', () => {
    const withDescriptors = rubric([100]);
    withDescriptors.criteria[0]!.levelDescriptors = { '1': 'buruk', '9': 'tidak ada' };
    expect(rubricIssues(withDescriptors)).toEqual([
      { field: 'criteria.0.levelDescriptors.9', code: 'RUBRIC_DESCRIPTOR_LEVEL_UNKNOWN', message: 'Tingkat 9 tidak ada pada skala nilai.' },
    ]);
  });
});

describe('settings validation', () => {
  it('accepts the defaults on the 1–5 scale', () => {
    expect(settingsIssues(DEFAULT_SETTINGS, levels)).toEqual([]);
  });

  it('needs 2 × trim + 1 assessors for the trimmed mean', () => {
    expect(codes(settingsIssues(settings({ aggregation: 'trimmed_mean', trim: 1, minAssessors: 2 }), levels))).toEqual(['PANEL_TRIM_NEEDS_ASSESSORS']);
    expect(settingsIssues(settings({ aggregation: 'trimmed_mean', trim: 1, minAssessors: 3 }), levels)).toEqual([]);
    expect(codes(settingsIssues(settings({ aggregation: 'trimmed_mean', trim: 0, minAssessors: 3 }), levels))).toEqual(['PANEL_TRIM_INVALID']);
  });

  it('ignores trim for the mean and the median', () => {
    expect(settingsIssues(settings({ aggregation: 'median', trim: 0, minAssessors: 1 }), levels)).toEqual([]);
  });

  it('keeps the spread threshold within the scale range, non-negative, with at most two decimals', () => {
    expect(settingsIssues(settings({ spreadThreshold: 4 }), levels)).toEqual([]);
    expect(codes(settingsIssues(settings({ spreadThreshold: 4.01 }), levels))).toEqual(['PANEL_SPREAD_TOO_LARGE']);
    expect(codes(settingsIssues(settings({ spreadThreshold: -0.5 }), levels))).toEqual(['PANEL_SPREAD_INVALID']);
    expect(codes(settingsIssues(settings({ spreadThreshold: 0.125 }), levels))).toEqual(['PANEL_SPREAD_INVALID']);
    expect(settingsIssues(settings({ spreadThreshold: 0.75 }), levels)).toEqual([]);
  });

  it('refuses an unknown method and out-of-range assessor counts', () => {
    expect(codes(settingsIssues(settings({ aggregation: 'mode' as never }), levels))).toEqual(['PANEL_AGGREGATION_UNKNOWN']);
    expect(codes(settingsIssues(settings({ minAssessors: 0 }), levels))).toEqual(['PANEL_MIN_ASSESSORS_INVALID']);
    expect(codes(settingsIssues(settings({ minAssessors: 16 }), levels))).toEqual(['PANEL_MIN_ASSESSORS_INVALID']);
    expect(codes(settingsIssues(settings({ minAssessors: 2.5 }), levels))).toEqual(['PANEL_MIN_ASSESSORS_INVALID']);
  });
});

describe('assessor total', () => {
  it('is Σ weight × level ÷ 100 on the scale, exact', () => {
    // 30×4 + 25×3 + 25×5 + 20×2 = 360 → 3.6
    expect(exactText(assessorTotal(presetRubric('wawancara'), { integritas: 4, penalaran: 3, penguasaan: 5, komunikasi: 2 }))).toBe('18/5');
  });

  it('keeps thirds exact: weights 33.3/33.3/33.4 with levels 5/4/4 give 4.333 exactly', () => {
    expect(assessorTotal(rubric([33.3, 33.3, 33.4]), { k0: 5, k1: 4, k2: 4 })).toEqual(toRational('4.333'));
  });

  it('is the top of the scale when every criterion gets the top level, and the bottom for the bottom level', () => {
    const all = (value: number) => Object.fromEntries(presetRubric('makalah').criteria.map((c) => [c.key, value]));
    expect(assessorTotal(presetRubric('makalah'), all(5))).toEqual(ratio(5));
    expect(assessorTotal(presetRubric('makalah'), all(1))).toEqual(ratio(1));
  });

  it('refuses a score outside the scale, between levels, missing, or for an unknown criterion', () => {
    const base = rubric([50, 50]);
    expect(scoreIssues(base, { k0: 6, k1: 3 })).toEqual([
      { field: 'scores.k0', code: 'PANEL_SCORE_OUT_OF_SCALE', message: 'Nilai "Kriteria 1" harus salah satu tingkat skala (1, 2, 3, 4, 5); rentang 1–5.' },
    ]);
    expect(codes(scoreIssues(base, { k0: 0, k1: 3 }))).toEqual(['PANEL_SCORE_OUT_OF_SCALE']);
    expect(codes(scoreIssues(base, { k0: 3.5, k1: 3 }))).toEqual(['PANEL_SCORE_OUT_OF_SCALE']);
    expect(codes(scoreIssues(base, { k0: 3 }))).toEqual(['PANEL_SCORE_MISSING']);
    expect(codes(scoreIssues(base, { k0: 3, k1: 3, k9: 1 }))).toEqual(['PANEL_SCORE_UNKNOWN_CRITERION']);
    expect(() => assessorTotal(base, { k0: 6, k1: 3 })).toThrow(PanelScoringError);
  });

  it('accepts a scale that does not start at 1', () => {
    const scale = [
      { value: 0, label: 'Tidak tampak', descriptor: 'a' },
      { value: 2, label: 'Tampak', descriptor: 'b' },
      { value: 4, label: 'Menonjol', descriptor: 'c' },
    ];
    expect(scaleBounds(scale)).toEqual({ min: 0, max: 4 });
    expect(scoreIssues({ ...rubric([100]), levels: scale }, { k0: 0 })).toEqual([]);
    expect(codes(scoreIssues({ ...rubric([100]), levels: scale }, { k0: 1 }))).toEqual(['PANEL_SCORE_OUT_OF_SCALE']);
  });
});

describe('aggregation', () => {
  const totals = (...values: Array<number | string>) => values.map(r);

  it('mean of the exact totals', () => {
    expect(aggregateTotals(totals(3.6, 4.2, 3.9), { aggregation: 'mean', trim: 1 })).toEqual(r('3.9'));
    expect(exactText(aggregateTotals(totals(4, 4, 5), { aggregation: 'mean', trim: 1 }))).toBe('13/3');
  });

  it('median: the middle total for an odd count, the mean of the two middle ones for an even count, whatever the input order', () => {
    expect(aggregateTotals(totals(5, 1, 3), { aggregation: 'median', trim: 1 })).toEqual(r(3));
    expect(aggregateTotals(totals(4.2, 1, 3.6, 5), { aggregation: 'median', trim: 1 })).toEqual(r('3.9'));
    expect(aggregateTotals(totals(2.5), { aggregation: 'median', trim: 1 })).toEqual(r('2.5'));
  });

  it('trimmed mean drops trim totals at each end, and refuses too few totals', () => {
    expect(aggregateTotals(totals(1, 4, 4.5, 5, 3), { aggregation: 'trimmed_mean', trim: 1 })).toEqual(aggregateTotals(totals(3, 4, 4.5), { aggregation: 'mean', trim: 1 }));
    expect(exactText(aggregateTotals(totals(1, 4, 4.5, 5, 3), { aggregation: 'trimmed_mean', trim: 1 }))).toBe('23/6');
    expect(aggregateTotals(totals(1, 2, 3, 4, 5), { aggregation: 'trimmed_mean', trim: 2 })).toEqual(r(3));
    expect(() => aggregateTotals(totals(1, 2), { aggregation: 'trimmed_mean', trim: 1 })).toThrow('sedikitnya 3');
  });

  it('refuses to aggregate nothing', () => {
    expect(() => aggregateTotals([], { aggregation: 'mean', trim: 1 })).toThrow(PanelScoringError);
  });
});

describe('component score: rounded once, half up, to two decimals', () => {
  const score = (values: Array<number | string>, over: Partial<PanelSettings> = {}) => componentScore(values.map(r), settings(over));

  it('rounds an exact half up: (3.125 + 3.125) ÷ 2 = 3.125 → 3.13', () => {
    expect(score([3.125, 3.125])).toMatchObject({ score: 3.13, units: 313 });
  });

  it('rounds just below a half down: 3.12499… → 3.12', () => {
    // (3.1249 + 3.125) ÷ 2 = 3.12495
    expect(score(['3.1249', '3.125'])).toMatchObject({ score: 3.12, units: 312 });
  });

  it('rounds thirds once from the exact mean (13/3 → 4.33), never from rounded totals', () => {
    expect(score([4, 4, 5])).toMatchObject({ score: 4.33, units: 433 });
    // 1.005 is exact here and rounds up; the binary double nearest 1.005 is below it and would round down.
    expect(score(['1.005', '1.005', '1.005'])).toMatchObject({ score: 1.01, units: 101 });
    expect(Math.round(1.005 * 100) / 100).toBe(1);
  });

  it('keeps the exact value for audit', () => {
    expect(exactText(score([4, 4, 5]).exact)).toBe('13/3');
  });

  it('uses the configured method: median and trimmed mean give other scores than the mean on the same totals', () => {
    const values = [1, 4, 4.5, 5, 3];
    expect(score(values).score).toBe(3.5);
    expect(score(values, { aggregation: 'median' }).score).toBe(4);
    expect(score(values, { aggregation: 'trimmed_mean', trim: 1, minAssessors: 3 }).score).toBe(3.83);
  });

  it('gives a single assessor’s total as the score', () => {
    expect(score([3.65], { minAssessors: 1 })).toMatchObject({ score: 3.65, spread: 0, flagged: false });
  });
});

describe('spread check', () => {
  it('is max − min of the exact totals', () => {
    expect(spreadOf([r(3.2), r(4.7), r(4)])).toEqual(r('1.5'));
    expect(spreadOf([r(2)])).toEqual(r(0));
    expect(spreadOf([])).toEqual(r(0));
  });

  it('flags only a spread strictly above the threshold: equal passes, one hundredth more is flagged', () => {
    expect(exceedsSpread([r(3), r(4)], 1)).toBe(false);
    expect(exceedsSpread([r(3), r('4.01')], 1)).toBe(true);
    expect(exceedsSpread([r('2.99'), r(4)], 1)).toBe(true);
    expect(exceedsSpread([r('3.005'), r('4.005')], 1)).toBe(false);
    expect(exceedsSpread([r('3.0049'), r('4.005')], 1)).toBe(true);
  });

  it('is not fooled by binary fractions: 0.3 − 0.1 is exactly 0.2', () => {
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(exceedsSpread([r(0.1), r(0.3)], 0.2)).toBe(false);
  });

  it('threshold 0 flags any disagreement and never agreement', () => {
    expect(exceedsSpread([r(4), r(4), r(4)], 0)).toBe(false);
    expect(exceedsSpread([r(4), r('4.01')], 0)).toBe(true);
  });

  it('componentScore reports the rounded spread and the flag together', () => {
    expect(componentScore([r('2.5'), r('4.25')], settings({ spreadThreshold: 1.5 }))).toMatchObject({ spread: 1.75, flagged: true, score: 3.38 });
  });
});

describe('panel parts of a pipeline', () => {
  it('finds CPNS SKB praktik_kerja, the PPPK interview and the four JPT stages', () => {
    const keys = (type: 'cpns' | 'pppk' | 'jpt') => panelPartsOf(PIPELINE_PRESETS[type]).map((part) => `${part.stageKey}/${part.componentKey ?? '-'}`);
    expect(keys('cpns')).toEqual(['skb/praktik_kerja']);
    expect(keys('pppk')).toEqual(['wawancara/-']);
    expect(keys('jpt')).toEqual(['asesmen/-', 'makalah/-', 'wawancara/-', 'rekam_jejak/-']);
    expect(panelPartsOf(PIPELINE_PRESETS.cpns)[0]).toMatchObject({ stageIndex: 2, name: 'Praktik kerja', weight: 40 });
  });
});

describe('candidate status before locking', () => {
  const active = (over: Partial<CandidateAssignment> = {}): CandidateAssignment => ({ status: 'active', declared: true, score: 'submitted', ...over });
  const state = (over: Partial<CandidateState> = {}): CandidateState => ({ absent: false, assignments: [active(), active()], minAssessors: 2, flagged: false, confirmed: false, ...over });

  it('is ready when the minimum of active assessors declared and submitted without a flag', () => {
    expect(candidateStatus(state())).toBe('ready');
  });

  it('is absent whatever the assignments say', () => {
    expect(candidateStatus(state({ absent: true, assignments: [] }))).toBe('absent');
  });

  it('does not count assessors who declared a conflict or were removed', () => {
    expect(candidateStatus(state({ assignments: [active(), active({ status: 'conflict' })] }))).toBe('unassigned');
    expect(candidateStatus(state({ assignments: [active(), active({ status: 'removed' }), active()] }))).toBe('ready');
  });

  it('is incomplete while an active assessor has not declared, not scored, or is revising a reopened score', () => {
    expect(candidateStatus(state({ assignments: [active(), active({ declared: false, score: null })] }))).toBe('incomplete');
    expect(candidateStatus(state({ assignments: [active(), active({ score: null })] }))).toBe('incomplete');
    expect(candidateStatus(state({ assignments: [active(), active({ score: 'reopened' })] }))).toBe('incomplete');
  });

  it('stays flagged until a moderator confirms the current scores', () => {
    expect(candidateStatus(state({ flagged: true }))).toBe('flagged');
    expect(candidateStatus(state({ flagged: true, confirmed: true }))).toBe('ready');
  });
});

describe('a corrected score after locking', () => {
  it('accepts a score on the 1–5 scale with up to two decimals, including both ends', () => {
    for (const score of [1, 3.5, 4.25, 5]) expect(correctedScoreIssues(DEFAULT_LEVELS, score)).toEqual([]);
  });

  it('refuses a score outside the scale, with three decimals, or not a number', () => {
    expect(correctedScoreIssues(DEFAULT_LEVELS, 5.01)[0]).toMatchObject({ field: 'score', code: 'SCORE_OUT_OF_SCALE' });
    expect(correctedScoreIssues(DEFAULT_LEVELS, 0)[0]).toMatchObject({ code: 'SCORE_OUT_OF_SCALE' });
    expect(correctedScoreIssues(DEFAULT_LEVELS, 3.125)[0]).toMatchObject({ code: 'SCORE_TOO_PRECISE' });
    expect(correctedScoreIssues(DEFAULT_LEVELS, '4')[0]).toMatchObject({ code: 'SCORE_NOT_NUMBER' });
    expect(correctedScoreIssues(DEFAULT_LEVELS, Number.NaN)[0]).toMatchObject({ code: 'SCORE_NOT_NUMBER' });
  });
});
