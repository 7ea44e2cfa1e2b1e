import { describe, expect, it } from 'vitest';
import { add, compare, divide, multiply, ratio, roundHalfUp, roundHalfUpUnits, toNumber, toRational, unitsToNumber } from './exact.js';

describe('toRational', () => {
  it('reads a number through its shortest decimal form, so 0.1 is exactly 1/10', () => {
    expect(toRational(0.1)).toEqual({ num: 1n, den: 10n });
    expect(toRational(78.5)).toEqual({ num: 157n, den: 2n });
    expect(toRational(3.841)).toEqual({ num: 3841n, den: 1000n });
  });

  it('reads integers, negatives, strings and exponents', () => {
    expect(toRational(550)).toEqual({ num: 550n, den: 1n });
    expect(toRational(-2.5)).toEqual({ num: -5n, den: 2n });
    expect(toRational('0.050')).toEqual({ num: 1n, den: 20n });
    expect(toRational(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(toRational(1.5e21)).toEqual({ num: 1_500_000_000_000_000_000_000n, den: 1n });
  });

  it('refuses non-finite numbers and text that is not a decimal', () => {
    expect(() => toRational(Number.NaN)).toThrow(RangeError);
    expect(() => toRational(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => toRational('1/3')).toThrow(/desimal/);
  });
});

describe('arithmetic', () => {
  it('adds, multiplies and divides exactly, in lowest terms', () => {
    expect(add(ratio(1, 3), ratio(1, 6))).toEqual({ num: 1n, den: 2n });
    expect(multiply(ratio(2, 3), ratio(9, 4))).toEqual({ num: 3n, den: 2n });
    expect(divide(ratio(1, 9), ratio(-1, 3))).toEqual({ num: -1n, den: 3n });
    expect(add(toRational(0.1), toRational(0.2))).toEqual(toRational(0.3));
  });

  it('compares exactly where doubles cannot (0.1 + 0.2 vs 0.3)', () => {
    expect(compare(add(toRational(0.1), toRational(0.2)), toRational(0.3))).toBe(0);
    expect(compare(ratio(1, 3), toRational(0.3333333333333333))).toBe(1);
    expect(compare(ratio(-1, 2), ratio(1, 3))).toBe(-1);
  });

  it('refuses a zero denominator', () => {
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => divide(ratio(1), ratio(0))).toThrow(RangeError);
  });
});

describe('roundHalfUp', () => {
  it('rounds an exact half up: 76.605 → 76.61, 2.5 → 3', () => {
    expect(roundHalfUpUnits(toRational('76.605'), 2)).toBe(7661n);
    expect(roundHalfUp(ratio(5, 2), 0)).toBe(3);
  });

  it('rounds just below a half down: 76.6049999 → 76.60', () => {
    expect(roundHalfUp(toRational('76.6049999'), 2)).toBe(76.6);
  });

  it('rounds 1/3 to 0.333 and 2/3 to 0.667', () => {
    expect(roundHalfUp(ratio(1, 3), 3)).toBe(0.333);
    expect(roundHalfUp(ratio(2, 3), 3)).toBe(0.667);
  });

  it('rounds a negative half away from zero', () => {
    expect(roundHalfUpUnits(ratio(-5, 2), 0)).toBe(-3n);
    expect(roundHalfUp(toRational(-1.005), 2)).toBe(-1.01);
  });

  it('refuses a negative or fractional number of decimals', () => {
    expect(() => roundHalfUpUnits(ratio(1), -1)).toThrow(RangeError);
    expect(() => roundHalfUpUnits(ratio(1), 1.5)).toThrow(RangeError);
  });
});

describe('unitsToNumber and toNumber', () => {
  it('turns integer units into the double with exactly those digits', () => {
    expect(unitsToNumber(7661n, 2)).toBe(76.61);
    expect(unitsToNumber(5n, 3)).toBe(0.005);
    expect(unitsToNumber(-1234n, 3)).toBe(-1.234);
    expect(unitsToNumber(42n, 0)).toBe(42);
  });

  it('approximates a rational as a double', () => {
    expect(toNumber(ratio(1, 4))).toBe(0.25);
  });
});
