import { describe, expect, it } from 'vitest';
import { correctedResult, correctionIssues } from './cat-correction.js';
import { SKD_PASS_RULES, SKD_PRESET } from './cat-scoring.js';

describe('correctionIssues', () => {
  it('accepts every SKD subtest as a whole number within its maximum, including 0 and the maximum', () => {
    expect(correctionIssues({ preset: SKD_PRESET, scores: { TWK: 0, TIU: 175, TKP: 225 } })).toEqual([]);
  });

  it('names a missing, an unknown, a fractional, a textual and an out-of-range subtest', () => {
    const issues = correctionIssues({ preset: SKD_PRESET, scores: { TWK: 150.5, TIU: '100', TKP: 226, TBI: 10 } });
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['scores.TBI', 'SUBTEST_UNKNOWN'],
      ['scores.TWK', 'NOT_INTEGER'],
      ['scores.TIU', 'NOT_INTEGER'],
      ['scores.TKP', 'OUT_OF_RANGE'],
    ]);
    expect(correctionIssues({ preset: SKD_PRESET, scores: { TWK: 100, TKP: -1 } }).map((i) => [i.field, i.code])).toEqual([
      ['scores.TIU', 'SUBTEST_MISSING'],
      ['scores.TKP', 'OUT_OF_RANGE'],
    ]);
  });
});

describe('correctedResult', () => {
  it('totals the subtests in the preset order and passes exactly at the pass marks', () => {
    const outcome = correctedResult({ preset: SKD_PRESET, scores: { TKP: 166, TWK: 65, TIU: 80 }, kind: 'umum', passRules: SKD_PASS_RULES });
    expect(outcome).toEqual({ scores: { TWK: 65, TIU: 80, TKP: 166 }, total: 311, passed: true, reasons: [] });
  });

  it('fails one point under a pass mark, naming it', () => {
    const outcome = correctedResult({ preset: SKD_PRESET, scores: { TWK: 64, TIU: 80, TKP: 166 }, kind: 'umum', passRules: SKD_PASS_RULES });
    expect(outcome.passed).toBe(false);
    expect(outcome.reasons).toHaveLength(1);
    expect(outcome.reasons[0]).toContain('64');
  });
});
