/**
 * An audited correction of a CAT result (issue 5 §5): the panel replaces the points of one
 * participant's subtests — after an incident review, or a question annulled for a wrong key — with a
 * reason; the first result is kept beside the new one. Pure: which corrected scores are acceptable,
 * and the total and pass verdict they give under the blueprint's rules.
 */
import type { FieldIssue } from './field-issue.js';
import { evaluatePass, type CatPreset, type PassRules, type PassVerdict } from './cat-scoring.js';

export const CORRECTION_REASON_MIN = 20;
export const CORRECTION_REASON_MAX = 2000;

export type CorrectionScoresOptions = { preset: CatPreset; scores: Readonly<Record<string, unknown>> };

/** Every subtest of the preset exactly once, as a whole number from 0 to the subtest's maximum. */
export function correctionIssues({ preset, scores }: CorrectionScoresOptions): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(preset.subtests.map((subtest) => subtest.code));
  for (const code of Object.keys(scores)) {
    if (!known.has(code)) issues.push({ field: `scores.${code}`, code: 'SUBTEST_UNKNOWN', message: `Subtes ${code} tidak ada pada ujian ini.` });
  }
  for (const subtest of preset.subtests) {
    const value = scores[subtest.code];
    const field = `scores.${subtest.code}`;
    if (value === undefined) issues.push({ field, code: 'SUBTEST_MISSING', message: `Nilai ${subtest.code} wajib diisi.` });
    else if (typeof value !== 'number' || !Number.isInteger(value)) issues.push({ field, code: 'NOT_INTEGER', message: `Nilai ${subtest.code} harus bilangan bulat.` });
    else if (value < 0 || value > subtest.maxPoints) issues.push({ field, code: 'OUT_OF_RANGE', message: `Nilai ${subtest.code} harus antara 0 dan ${subtest.maxPoints}.` });
  }
  return issues;
}

export type CorrectedOutcome = { scores: Record<string, number>; total: number } & PassVerdict;

export type CorrectedResultOptions = { preset: CatPreset; scores: Readonly<Record<string, number>>; kind: string; passRules: PassRules };

/** The total and the pass verdict of corrected scores (checked first with correctionIssues). */
export function correctedResult({ preset, scores, kind, passRules }: CorrectedResultOptions): CorrectedOutcome {
  const ordered = Object.fromEntries(preset.subtests.map((subtest) => [subtest.code, scores[subtest.code]!]));
  const total = Object.values(ordered).reduce((sum, value) => sum + value, 0);
  const verdict = evaluatePass({ scores: { bySubtest: ordered, total }, kind, passRules });
  return { scores: ordered, total, ...verdict };
}
