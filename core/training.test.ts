import { describe, expect, it } from 'vitest';
import {
  ASN_FEEDBACK_QUESTIONS,
  REACTION_QUESTIONS,
  candidateEnrolmentProblem,
  checkSurveyAnswers,
  completionRate,
  evaluateCompletion,
  isValidScore,
  learningGain,
  summariseSurvey,
} from './training.js';

describe('evaluateCompletion', () => {
  const rule = { minAttendancePercent: 90, minPostTest: 70 };

  it('completes at exactly the attendance and post-test thresholds', () => {
    expect(evaluateCompletion({ rule, meetings: 10, present: 9, postTest: 70 })).toEqual({ completed: true, attendancePercent: 90, reasons: [] });
    expect(evaluateCompletion({ rule, meetings: 10, present: 10, postTest: 100 }).completed).toBe(true);
  });

  it('compares attendance exactly: 8 of 9 meetings (88.89%) is below 90%, 9 of 10 is not', () => {
    const result = evaluateCompletion({ rule, meetings: 9, present: 8, postTest: 95 });
    expect(result.completed).toBe(false);
    expect(result.attendancePercent).toBe(88.89);
    expect(result.reasons[0]).toContain('8 dari 9 pertemuan');
    // 2 of 3 is 66.666…% — below a 66.67% rule, above a 66.66% rule.
    expect(evaluateCompletion({ rule: { minAttendancePercent: 66.67, minPostTest: null }, meetings: 3, present: 2, postTest: null }).completed).toBe(false);
    expect(evaluateCompletion({ rule: { minAttendancePercent: 66.66, minPostTest: null }, meetings: 3, present: 2, postTest: null }).completed).toBe(true);
  });

  it('fails a post-test a hundredth below the threshold, and a missing post-test', () => {
    expect(evaluateCompletion({ rule, meetings: 4, present: 4, postTest: 69.99 })).toMatchObject({ completed: false, reasons: ['Nilai post-test 69,99 di bawah syarat 70.'] });
    expect(evaluateCompletion({ rule, meetings: 4, present: 4, postTest: null }).reasons).toEqual(['Nilai post-test belum diisi.']);
  });

  it('gives every reason at once', () => {
    expect(evaluateCompletion({ rule, meetings: 4, present: 1, postTest: 10 }).reasons).toHaveLength(2);
  });

  it('ignores the post-test when the programme does not require one, and allows a 0% attendance rule', () => {
    expect(evaluateCompletion({ rule: { minAttendancePercent: 75, minPostTest: null }, meetings: 4, present: 3, postTest: null }).completed).toBe(true);
    expect(evaluateCompletion({ rule: { minAttendancePercent: 0, minPostTest: null }, meetings: 4, present: 0, postTest: null }).completed).toBe(true);
  });

  it('does not complete a class without meetings, and refuses impossible counts', () => {
    expect(evaluateCompletion({ rule, meetings: 0, present: 0, postTest: 90 })).toMatchObject({ completed: false, attendancePercent: null, reasons: ['Kelas belum memiliki pertemuan.'] });
    expect(() => evaluateCompletion({ rule, meetings: 3, present: 4, postTest: 90 })).toThrow(RangeError);
    expect(() => evaluateCompletion({ rule, meetings: 3, present: -1, postTest: 90 })).toThrow(RangeError);
    expect(() => evaluateCompletion({ rule, meetings: 2.5, present: 1, postTest: 90 })).toThrow(RangeError);
  });
});

describe('learningGain', () => {
  it('averages post − pre over participants with both scores only', () => {
    expect(
      learningGain([
        { preTest: 50, postTest: 80 },
        { preTest: 60.5, postTest: 70 },
        { preTest: 40, postTest: null },
        { preTest: null, postTest: 90 },
      ]),
    ).toEqual({ n: 2, meanPre: 55.25, meanPost: 75, meanGain: 19.75 });
  });

  it('rounds the exact mean gain half up, not the difference of rounded means', () => {
    // gains 10.01, 10.01, 10.02 → 30.04 / 3 = 10.0133… → 10.01
    expect(learningGain([{ preTest: 0, postTest: 10.01 }, { preTest: 0, postTest: 10.01 }, { preTest: 0, postTest: 10.02 }]).meanGain).toBe(10.01);
    // gains 0.01 and 0.02 → 0.015 → 0.02 (half up)
    expect(learningGain([{ preTest: 50, postTest: 50.01 }, { preTest: 50, postTest: 50.02 }]).meanGain).toBe(0.02);
    // mean pre 33.334 (33.33) and mean post 33.338 (33.34): the exact gain 0.004 is 0, not 33.34 − 33.33
    const pre = [33.33, 33.33, 33.33, 33.33, 33.35];
    const post = [33.33, 33.33, 33.35, 33.35, 33.33];
    expect(learningGain(pre.map((p, i) => ({ preTest: p, postTest: post[i]! })))).toEqual({ n: 5, meanPre: 33.33, meanPost: 33.34, meanGain: 0 });
  });

  it('reports a negative gain when scores fell, and nothing without pairs', () => {
    expect(learningGain([{ preTest: 80, postTest: 70 }]).meanGain).toBe(-10);
    expect(learningGain([])).toEqual({ n: 0, meanPre: null, meanPost: null, meanGain: null });
  });
});

describe('completionRate', () => {
  it('is completed over those whose class closed', () => {
    expect(completionRate({ completed: 2, notCompleted: 1 })).toEqual({ finished: 3, completed: 2, rate: 66.67 });
    expect(completionRate({ completed: 0, notCompleted: 0 }).rate).toBeNull();
    expect(completionRate({ completed: 5, notCompleted: 0 }).rate).toBe(100);
  });
});

describe('scores', () => {
  it.each([
    [0, true],
    [100, true],
    [72.5, true],
    [72.25, true],
    [72.255, false],
    [-0.01, false],
    [100.01, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%s valid: %s', (value, valid) => expect(isValidScore(value)).toBe(valid));
});

describe('surveys', () => {
  const full = Object.fromEntries(REACTION_QUESTIONS.map((q) => [q.key, 4]));

  it('accepts every question answered 1–5', () => {
    expect(checkSurveyAnswers(REACTION_QUESTIONS, full)).toEqual({});
    expect(checkSurveyAnswers(REACTION_QUESTIONS, { ...full, overall: 1, relevance: 5 })).toEqual({});
  });

  it('names a missing answer, one outside 1–5, a fraction, text, and an unknown question', () => {
    const { relevance: _missing, ...rest } = full;
    expect(checkSurveyAnswers(REACTION_QUESTIONS, rest)).toEqual({ relevance: 'Pertanyaan ini wajib dijawab' });
    expect(Object.keys(checkSurveyAnswers(REACTION_QUESTIONS, { ...full, trainer: 0, method: 6, facility: 3.5, overall: '4' }))).toEqual(['trainer', 'method', 'facility', 'overall']);
    expect(checkSurveyAnswers(REACTION_QUESTIONS, { ...full, bonus: 5 })).toEqual({ bonus: 'Pertanyaan tidak dikenal' });
  });

  it('summarises means per question, counts per scale point and the mean of means', () => {
    const questions = ASN_FEEDBACK_QUESTIONS.basic_training;
    const summary = summariseSurvey(questions, [
      { preparation: 5, values: 4, organisation: 3, mentoring: 2 },
      { preparation: 4, values: 4, organisation: 2, mentoring: 2 },
      { preparation: 4, values: 5, organisation: 2, mentoring: 1 },
    ]);
    expect(summary.respondents).toBe(3);
    expect(summary.questions.map((q) => q.mean)).toEqual([4.33, 4.33, 2.33, 1.67]);
    expect(summary.questions[0]!.counts).toEqual([0, 0, 0, 2, 1]);
    // (13/3 + 13/3 + 7/3 + 5/3) / 4 = 38/12 = 3.1666…
    expect(summary.overall).toBe(3.17);
    expect(summariseSurvey(questions, [])).toMatchObject({ respondents: 0, overall: null });
  });
});

describe('candidateEnrolmentProblem', () => {
  const now = new Date('2026-05-10T03:00:00Z');
  const ok = { applicationStatus: 'ms', selectionStatus: 'published', finalAnnouncementAt: new Date('2026-06-01T00:00:00Z'), now };

  it('allows an eligible candidate of a running round before its final announcement', () => {
    expect(candidateEnrolmentProblem(ok)).toBeNull();
    expect(candidateEnrolmentProblem({ ...ok, finalAnnouncementAt: null })).toBeNull();
  });

  it('refuses a candidate not MS, a round not running, and from the final announcement on', () => {
    for (const status of ['draft', 'submitted', 'tms']) expect(candidateEnrolmentProblem({ ...ok, applicationStatus: status })).toContain('Memenuhi Syarat');
    for (const status of ['draft', 'closed', 'cancelled']) expect(candidateEnrolmentProblem({ ...ok, selectionStatus: status })).toContain('tidak sedang berjalan');
    expect(candidateEnrolmentProblem({ ...ok, finalAnnouncementAt: now })).toContain('sebelum tahap akhir');
    expect(candidateEnrolmentProblem({ ...ok, finalAnnouncementAt: new Date(now.getTime() + 1) })).toBeNull();
  });
});
