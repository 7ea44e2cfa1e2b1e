import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth so key order never changes the text', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
  it('writes dates as ISO strings and drops undefined members', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.678Z'), gone: undefined, n: null })).toBe('{"at":"2026-01-02T03:04:05.678Z","n":null}');
  });
  it('escapes strings the JSON way', () => {
    expect(canonicalJson({ s: 'a"b\n' })).toBe('{"s":"a\\"b\\n"}');
  });
  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});
