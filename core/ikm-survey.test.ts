import { describe, expect, it } from 'vitest';
import { IKM_ELEMENTS } from './ikm.js';
import {
  answersInOrder,
  comparePeriods,
  IKM_QUESTIONS,
  ikmTrend,
  parsePeriodKey,
  periodKey,
  periodLabel,
  periodProblem,
  periodRange,
  planOverdue,
  type IkmPeriod,
} from './ikm-survey.js';

describe('questionnaire', () => {
  it('asks one question per element, in the regulation order, each with four answers worst to best', () => {
    expect(IKM_QUESTIONS.map((q) => [q.index, q.element])).toEqual(IKM_ELEMENTS.map((element, i) => [i + 1, element]));
    expect(IKM_QUESTIONS.every((q) => q.options.length === 4 && q.question.endsWith('?'))).toBe(true);
    expect(IKM_QUESTIONS[3]!.options).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
  });

  it('reads the answers u1 … u9 in element order', () => {
    expect(answersInOrder({ u9: 1, u1: 4, u2: 3, u3: 2, u4: 1, u5: 2, u6: 3, u7: 4, u8: 4 })).toEqual([4, 3, 2, 1, 2, 3, 4, 4, 1]);
  });
});

describe('periods', () => {
  const year: IkmPeriod = { year: 2026, kind: 'tahunan', number: 1 };
  const s2: IkmPeriod = { year: 2026, kind: 'semester', number: 2 };
  const t1: IkmPeriod = { year: 2026, kind: 'triwulan', number: 1 };
  const t4: IkmPeriod = { year: 2025, kind: 'triwulan', number: 4 };

  it('labels, keys and dates each kind of period', () => {
    expect([year, s2, t1, t4].map((p) => [periodKey(p), periodLabel(p), periodRange(p)])).toEqual([
      ['2026', 'Tahun 2026', { start: '2026-01-01', end: '2026-12-31' }],
      ['2026-S2', 'Semester II 2026', { start: '2026-07-01', end: '2026-12-31' }],
      ['2026-T1', 'Triwulan I 2026', { start: '2026-01-01', end: '2026-03-31' }],
      ['2025-T4', 'Triwulan IV 2025', { start: '2025-10-01', end: '2025-12-31' }],
    ]);
  });

  it('parses its own keys back, and nothing else', () => {
    for (const p of [year, s2, t1, t4]) expect(parsePeriodKey(periodKey(p))).toEqual(p);
    expect(['2026-S3', '2026-T5', '2026-X1', '26', '2016', '2026-S', ' 2026', '2026-T0'].map(parsePeriodKey)).toEqual(new Array(8).fill(null));
  });

  it('names what is wrong with a period', () => {
    expect(periodProblem({ year: 2016, kind: 'tahunan', number: 1 })).toBe('Tahun harus 2017–2100');
    expect(periodProblem({ year: 2026, kind: 'tahunan', number: 2 })).toBe('Periode tahunan hanya bernomor 1');
    expect(periodProblem({ year: 2026, kind: 'semester', number: 3 })).toBe('Nomor semester harus 1–2');
    expect(periodProblem({ year: 2026, kind: 'triwulan', number: 0 })).toBe('Nomor triwulan harus 1–4');
    expect(periodProblem({ year: 2026.5, kind: 'triwulan', number: 1 })).toBe('Tahun harus 2017–2100');
    expect(periodProblem(t1)).toBeNull();
  });

  it('orders periods by start, the longer one first when they start together', () => {
    expect([t1, s2, t4, year].sort(comparePeriods).map(periodKey)).toEqual(['2025-T4', '2026', '2026-T1', '2026-S2']);
  });
});

describe('ikmTrend', () => {
  it('orders the periods and gives each its change from the previous period with an index', () => {
    const trend = ikmTrend({
      points: [
        { period: { year: 2026, kind: 'triwulan', number: 2 }, ikm: 76.61 },
        { period: { year: 2025, kind: 'triwulan', number: 4 }, ikm: 80.2 },
        { period: { year: 2026, kind: 'triwulan', number: 1 }, ikm: null },
        { period: { year: 2026, kind: 'triwulan', number: 3 }, ikm: 76.6 },
      ],
    });
    expect(trend.map((t) => [t.key, t.label, t.ikm, t.change])).toEqual([
      ['2025-T4', 'Triwulan IV 2025', 80.2, null],
      ['2026-T1', 'Triwulan I 2026', null, null],
      ['2026-T2', 'Triwulan II 2026', 76.61, -3.59],
      ['2026-T3', 'Triwulan III 2026', 76.6, -0.01],
    ]);
  });

  it('is empty for no periods', () => {
    expect(ikmTrend({ points: [] })).toEqual([]);
  });
});

describe('planOverdue', () => {
  it('is overdue from the day after the due date until the plan is done', () => {
    expect(planOverdue({ status: 'planned', dueDate: '2026-03-31', today: '2026-03-31' })).toBe(false);
    expect(planOverdue({ status: 'in_progress', dueDate: '2026-03-31', today: '2026-04-01' })).toBe(true);
    expect(planOverdue({ status: 'done', dueDate: '2026-03-31', today: '2026-06-01' })).toBe(false);
  });
});
