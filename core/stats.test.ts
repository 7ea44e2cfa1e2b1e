import { describe, expect, it } from 'vitest';
import { histogram, itemAnalysis, percentiles, spearman, STATS_PRESET, type ItemResponse } from './stats.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('spearman', () => {
  it('gives 1 for a perfectly increasing relation and −1 for a decreasing one', () => {
    const x = range(40);
    expect(spearman({ x, y: x.map((v) => v * v), preset: STATS_PRESET }).rho).toBe(1);
    expect(spearman({ x, y: x.map((v) => -v), preset: STATS_PRESET }).rho).toBe(-1);
  });

  it('averages tied ranks: y = 5, 6, 7, 8, 7 → ranks 1, 2, 3.5, 5, 3.5 → rho = 8 ÷ √95', () => {
    // Rank deviations x: −2 −1 0 1 2; y: −2 −1 0.5 2 0.5 → covariance 8, variances 10 and 9.5.
    expect(spearman({ x: [1, 2, 3, 4, 5], y: [5, 6, 7, 8, 7], preset: STATS_PRESET }).rho).toBeCloseTo(8 / Math.sqrt(95), 12);
  });

  it('handles ties on both sides (rho = 2/3 for a hand-checked set)', () => {
    expect(spearman({ x: [10, 20, 20, 30, 40, 40, 50], y: [3, 1, 2, 2, 5, 4, 4], preset: STATS_PRESET }).rho).toBeCloseTo(2 / 3, 12);
  });

  it('adds a plain-language caution below 30 pairs and none from 30', () => {
    const small = spearman({ x: range(29), y: range(29), preset: STATS_PRESET });
    expect(small.n).toBe(29);
    expect(small.caution).toBe('Sampel kecil (n = 29, kurang dari 30): korelasi ini belum dapat diandalkan. Anggap sebagai petunjuk awal, bukan kesimpulan.');
    expect(spearman({ x: range(30), y: range(30), preset: STATS_PRESET }).caution).toBeNull();
  });

  it('returns no rho when one side has a single value or there are fewer than 2 pairs', () => {
    const constant = spearman({ x: range(40), y: new Array(40).fill(3), preset: STATS_PRESET });
    expect(constant).toEqual({ rho: null, n: 40, caution: 'Korelasi tidak dapat dihitung karena salah satu data hanya berisi satu nilai.' });
    expect(spearman({ x: [1], y: [2], preset: STATS_PRESET }).rho).toBeNull();
    expect(spearman({ x: [], y: [], preset: STATS_PRESET })).toMatchObject({ rho: null, n: 0 });
  });

  it('gives exactly the same rho whatever the order of the pairs', () => {
    const x = range(200).map((i) => (i * 37) % 23);
    const y = range(200).map((i) => (i * 11) % 17);
    const forward = spearman({ x, y, preset: STATS_PRESET }).rho;
    const backward = spearman({ x: [...x].reverse(), y: [...y].reverse(), preset: STATS_PRESET }).rho;
    expect(backward).toBe(forward);
  });

  it('refuses lists of different length and non-numbers', () => {
    expect(() => spearman({ x: [1, 2], y: [1], preset: STATS_PRESET })).toThrow(RangeError);
    expect(() => spearman({ x: [1, Number.NaN], y: [1, 2], preset: STATS_PRESET })).toThrow(RangeError);
  });
});

describe('itemAnalysis', () => {
  /** Ten takers with totals 100, 90, … 10; `correct` lists which of them (by position) got the item right. */
  function takers(correct: number[]): ItemResponse[] {
    return range(10).map((i) => ({ id: `P${String(i).padStart(2, '0')}`, total: 110 - i * 10, correct: correct.includes(i) }));
  }

  it('computes difficulty as the share correct', () => {
    expect(itemAnalysis({ responses: takers([1, 2, 3, 4, 5, 6]), preset: STATS_PRESET }).difficulty).toBe(0.6);
  });

  it('uses upper and lower groups of 27% (10 takers → 3) and gives their difference', () => {
    const result = itemAnalysis({ responses: takers([1, 2, 3, 8]), preset: STATS_PRESET });
    expect(result.upper).toEqual({ size: 3, correct: 3 });
    expect(result.lower).toEqual({ size: 3, correct: 1 });
    expect(result.discrimination).toBeCloseTo(2 / 3, 12);
  });

  it('gives a negative discrimination when weaker takers do better on the item', () => {
    expect(itemAnalysis({ responses: takers([8, 9, 10]), preset: STATS_PRESET }).discrimination).toBe(-1);
  });

  it('rounds the group size half up: 100 takers → 27, 50 → 14 (13.5)', () => {
    const many = (n: number) => range(n).map((i) => ({ id: String(i), total: i, correct: i % 2 === 0 }));
    expect(itemAnalysis({ responses: many(100), preset: STATS_PRESET }).upper.size).toBe(27);
    expect(itemAnalysis({ responses: many(50), preset: STATS_PRESET }).upper.size).toBe(14);
  });

  it('splits ties at a group boundary by id, whatever the input order', () => {
    const tied = range(10).map((i) => ({ id: `P${i}`, total: 50, correct: i <= 3 }));
    const forward = itemAnalysis({ responses: tied, preset: STATS_PRESET });
    expect(itemAnalysis({ responses: [...tied].reverse(), preset: STATS_PRESET })).toEqual(forward);
  });

  it('returns no indices for an empty item and no discrimination for a single taker', () => {
    expect(itemAnalysis({ responses: [], preset: STATS_PRESET })).toMatchObject({ n: 0, difficulty: null, discrimination: null });
    expect(itemAnalysis({ responses: [{ id: 'a', total: 1, correct: true }], preset: STATS_PRESET })).toMatchObject({ difficulty: 1, discrimination: null });
  });
});

describe('percentiles', () => {
  it('interpolates between closest ranks like PERCENTILE.INC', () => {
    expect(percentiles({ values: range(10).reverse(), ps: [0, 25, 50, 90, 100] })).toEqual([1, 3.25, 5.5, 9.1, 10]);
  });

  it('returns the value itself for a single value and null for none', () => {
    expect(percentiles({ values: [42], ps: [50] })).toEqual([42]);
    expect(percentiles({ values: [], ps: [50] })).toEqual([null]);
  });

  it('refuses a percentile outside 0–100 and non-numbers', () => {
    expect(() => percentiles({ values: [1], ps: [101] })).toThrow(RangeError);
    expect(() => percentiles({ values: [Number.NaN], ps: [50] })).toThrow(RangeError);
  });
});

describe('histogram', () => {
  it('bins SKD totals 0–550 by 50, the last bin closed at 550', () => {
    const result = histogram({ values: [0, 49, 50, 311, 499, 500, 550, -1, 551], min: 0, max: 550, binWidth: 50 });
    expect(result.bins).toHaveLength(11);
    expect(result.bins[0]).toEqual({ from: 0, to: 50, count: 2 });
    expect(result.bins[1]).toEqual({ from: 50, to: 100, count: 1 });
    expect(result.bins[6]).toEqual({ from: 300, to: 350, count: 1 });
    expect(result.bins[9]).toEqual({ from: 450, to: 500, count: 1 });
    expect(result.bins[10]).toEqual({ from: 500, to: 550, count: 2 });
    expect([result.below, result.above]).toEqual([1, 1]);
  });

  it('keeps a value on an edge in the upper bin even where doubles drift (0.3 with width 0.1)', () => {
    const result = histogram({ values: [0.3, 0.7], min: 0, max: 1, binWidth: 0.1 });
    expect(result.bins[3]).toEqual({ from: 0.3, to: 0.4, count: 1 });
    expect(result.bins[7]).toEqual({ from: 0.7, to: 0.8, count: 1 });
  });

  it('makes a shorter last bin when the width does not divide the range', () => {
    const result = histogram({ values: [100], min: 0, max: 100, binWidth: 30 });
    expect(result.bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 30, 0],
      [30, 60, 0],
      [60, 90, 0],
      [90, 100, 1],
    ]);
  });

  it('refuses a zero width, an empty range and non-numbers', () => {
    expect(() => histogram({ values: [], min: 0, max: 10, binWidth: 0 })).toThrow(RangeError);
    expect(() => histogram({ values: [], min: 5, max: 5, binWidth: 1 })).toThrow(RangeError);
    expect(() => histogram({ values: [Number.NaN], min: 0, max: 1, binWidth: 1 })).toThrow(RangeError);
  });
});
