import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';
import { byText, lowerBound } from './text-order.js';

describe('byText', () => {
  it('orders by code units, whatever the locale: digits, then capitals, then small letters; shorter prefix first', () => {
    expect(['b', 'a', 'B', '10', '9', 'ab', 'a', 'Ä'].sort(byText)).toEqual(['10', '9', 'B', 'a', 'a', 'ab', 'b', 'Ä']);
  });

  it('gives 0 only for equal strings, and the opposite sign when the arguments swap', () => {
    expect(byText('x', 'x')).toBe(0);
    expect(byText('x', 'y')).toBe(-1);
    expect(byText('y', 'x')).toBe(1);
    expect(byText('', 'a')).toBe(-1);
  });
});

describe('lowerBound', () => {
  it('gives where a text goes in a sorted list: the first index not before it', () => {
    expect(lowerBound([], 'a')).toBe(0);
    expect(lowerBound(['b', 'd'], 'a')).toBe(0);
    expect(lowerBound(['b', 'd'], 'b')).toBe(0);
    expect(lowerBound(['b', 'd'], 'c')).toBe(1);
    expect(lowerBound(['b', 'd'], 'e')).toBe(2);
    expect(lowerBound(['a', 'b', 'b', 'b', 'c'], 'b')).toBe(1);
    // By code units, as `<`: upper case before lower case, 'Z' before 'a'.
    expect(lowerBound(['A', 'Z', 'a'], 'a')).toBe(2);
  });

  it('agrees with a scan of the list on random lists', () => {
    const random = seededRandom('lowerBound');
    for (let n = 0; n < 500; n += 1) {
      const sorted = Array.from({ length: random.below(12) }, () => 'abc'.slice(0, 1 + random.below(3)) + random.below(4)).sort(byText);
      const target = 'abc'.slice(0, 1 + random.below(3)) + random.below(5);
      const scanned = sorted.findIndex((text) => !(text < target));
      expect(lowerBound(sorted, target), `${JSON.stringify(sorted)} ${target}`).toBe(scanned === -1 ? sorted.length : scanned);
    }
  });
});
