import { describe, expect, it } from 'vitest';
import { itemGroupSize, itemIndices, itemVerdict, reportBinWidth } from './cat-report.js';
import { itemAnalysis, STATS_PRESET, type ItemResponse } from './stats.js';

describe('reportBinWidth', () => {
  it('gives round widths with at most 15 bins: SKD 550 → 50, PPPK 670 → 50, 150 → 10, 40 → 5', () => {
    expect(reportBinWidth(550)).toBe(50);
    expect(reportBinWidth(670)).toBe(50);
    expect(reportBinWidth(150)).toBe(10);
    expect(reportBinWidth(40)).toBe(5);
    expect(reportBinWidth(0)).toBe(1);
  });
});

describe('item indices from counts', () => {
  it('agree with core itemAnalysis on the same responses (27% groups, ties split by id)', () => {
    // 37 takers; totals with ties at the group boundaries; correctness loosely follows the total.
    const responses: ItemResponse[] = Array.from({ length: 37 }, (_, i) => ({ id: `t${String(i).padStart(2, '0')}`, total: 300 + ((i * 7) % 11) * 10, correct: (i * 7) % 11 > 4 || i % 5 === 0 }));
    const expected = itemAnalysis({ responses, preset: STATS_PRESET });
    const size = itemGroupSize(responses.length);
    expect(size).toBe(expected.upper.size);
    const sorted = [...responses].sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
    const points = (group: ItemResponse[]) => group.filter((r) => r.correct).length;
    const indices = itemIndices({
      n: responses.length,
      groupSize: size,
      points: points(responses),
      upperPoints: points(sorted.slice(0, size)),
      lowerPoints: points(sorted.slice(responses.length - size)),
      maxPoints: 1,
    });
    expect(indices.difficulty).toBeCloseTo(expected.difficulty!, 12);
    expect(indices.discrimination).toBeCloseTo(expected.discrimination!, 12);
  });

  it('scales weighted items by their best option, and has no index without takers', () => {
    expect(itemIndices({ n: 10, groupSize: 3, points: 40, upperPoints: 15, lowerPoints: 6, maxPoints: 5 })).toEqual({ difficulty: 0.8, discrimination: 0.6 });
    expect(itemIndices({ n: 0, groupSize: 0, points: 0, upperPoints: 0, lowerPoints: 0, maxPoints: 1 })).toEqual({ difficulty: null, discrimination: null });
    expect(itemGroupSize(1)).toBe(0);
    expect(itemGroupSize(100)).toBe(27);
    expect(itemGroupSize(50)).toBe(14);
  });
});

describe('itemVerdict', () => {
  it('flags poor or negative discrimination and items almost nobody or everybody gets right', () => {
    expect(itemVerdict({ difficulty: 0.5, discrimination: 0.45 })).toEqual({ difficulty: 'sedang', discrimination: 'baik_sekali', review: false });
    expect(itemVerdict({ difficulty: 0.5, discrimination: 0.1 })).toMatchObject({ discrimination: 'jelek', review: true });
    expect(itemVerdict({ difficulty: 0.2, discrimination: -0.2 })).toMatchObject({ difficulty: 'sukar', discrimination: 'negatif', review: true });
    expect(itemVerdict({ difficulty: 0.97, discrimination: 0.25 })).toMatchObject({ difficulty: 'mudah', discrimination: 'cukup', review: true });
    expect(itemVerdict({ difficulty: null, discrimination: null })).toEqual({ difficulty: null, discrimination: null, review: false });
  });
});
