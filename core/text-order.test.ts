import { describe, expect, it } from 'vitest';
import { byText } from './text-order.js';

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
