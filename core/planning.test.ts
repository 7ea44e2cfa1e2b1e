import { describe, expect, it } from 'vitest';
import { formatQualifications, hasTwoDecimalsAtMost, isEducationLevel, parseQualifications } from './planning.js';

describe('qualifications in one spreadsheet cell', () => {
  it('reads levels with their programmes, normalising the level and the spaces', () => {
    expect(parseQualifications(' s-1 : Teknik  Informatika , Sistem Informasi ; D-III;; d iv: Akuntansi ')).toEqual([
      { level: 'S1', programmes: ['Teknik Informatika', 'Sistem Informasi'] },
      { level: 'D3', programmes: [] },
      { level: 'D4', programmes: ['Akuntansi'] },
    ]);
    expect(parseQualifications('')).toEqual([]);
  });

  it('writes what it reads', () => {
    const text = 'S1: Pendidikan Matematika, Matematika; S2';
    expect(formatQualifications(parseQualifications(text))).toBe(text);
  });

  it('knows the education levels in any common spelling', () => {
    expect(['S1', 's-2', 'D-IV', 'd iii', 'SMK', 'profesi'].every(isEducationLevel)).toBe(true);
    expect(['S4', 'SLTA', '', 'Sarjana'].some(isEducationLevel)).toBe(false);
  });

  it('accepts at most two decimals despite binary floating point', () => {
    expect([0.1, 12.5, 1200.55, 37.25, 3].every(hasTwoDecimalsAtMost)).toBe(true);
    expect([1.005, 0.001, 2.125].some(hasTwoDecimalsAtMost)).toBe(false);
  });
});
