import { describe, expect, it } from 'vitest';
import {
  attemptDurationMinutes,
  compileAttemptScorer,
  evaluatePass,
  PPPK_PASS_RULES_117,
  PPPK_PASS_RULES_130,
  PPPK_PASS_RULES_2024,
  PPPK_PRESET,
  scoreAttempt,
  SKD_PASS_RULES,
  SKD_PRESET,
  validateQuestionSet,
  type CatQuestion,
  type CatPreset,
  type CatScores,
} from './cat-scoring.js';
import { seededRandom } from './seeded-random.js';

/** A full question set for a preset: single questions keyed 'A'; weighted options A = best … lowest. */
function questionSet(preset: CatPreset): CatQuestion[] {
  return preset.subtests.flatMap((rule) =>
    Array.from({ length: rule.questionCount }, (_, i): CatQuestion => {
      const id = `${rule.code}-${i + 1}`;
      if (rule.type === 'single') return { id, subtest: rule.code, type: 'single', key: 'A' };
      const optionPoints: Record<string, number> = {};
      for (let p = rule.maxOptionPoints, letter = 65; p >= rule.minOptionPoints; p -= 1, letter += 1) optionPoints[String.fromCharCode(letter)] = p;
      return { id, subtest: rule.code, type: 'weighted', optionPoints };
    }),
  );
}

/** Answers the first `n` questions of a subtest with `option`. */
function answer(sheet: Record<string, string>, subtest: string, n: number, option: string): Record<string, string> {
  for (let i = 1; i <= n; i += 1) sheet[`${subtest}-${i}`] = option;
  return sheet;
}

const skdQuestions = questionSet(SKD_PRESET);
const pppkQuestions = questionSet(PPPK_PRESET);

function skd(twk: number, tiu: number, tkp: number): CatScores {
  return { bySubtest: { TWK: twk, TIU: tiu, TKP: tkp }, total: twk + tiu + tkp };
}

describe('SKD and PPPK presets', () => {
  it('match the regulation: SKD 110 questions, max 550, 100 minutes', () => {
    expect(SKD_PRESET.subtests.map((s) => [s.code, s.questionCount, s.maxPoints])).toEqual([
      ['TWK', 30, 150],
      ['TIU', 35, 175],
      ['TKP', 45, 225],
    ]);
    expect(SKD_PRESET.subtests.reduce((n, s) => n + s.questionCount, 0)).toBe(110);
    expect(SKD_PRESET.maxTotal).toBe(550);
  });

  it('match PPPK 2024: technical 450, managerial + socio-cultural 180, interview 40, max 670', () => {
    const max = Object.fromEntries(PPPK_PRESET.subtests.map((s) => [s.code, s.maxPoints]));
    expect(max).toEqual({ TEKNIS: 450, MANAJERIAL: 100, SOSIAL_KULTURAL: 80, WAWANCARA: 40 });
    expect(max.MANAJERIAL! + max.SOSIAL_KULTURAL!).toBe(180);
    expect(PPPK_PRESET.maxTotal).toBe(670);
  });

  it('gives 100 minutes for SKD and 130 for a blind applicant', () => {
    expect(attemptDurationMinutes({ preset: SKD_PRESET, blind: false })).toBe(100);
    expect(attemptDurationMinutes({ preset: SKD_PRESET, blind: true })).toBe(130);
  });

  it('gives 150 minutes for PPPK and 165 for a blind applicant', () => {
    expect(attemptDurationMinutes({ preset: PPPK_PRESET, blind: false })).toBe(150);
    expect(attemptDurationMinutes({ preset: PPPK_PRESET, blind: true })).toBe(165);
  });
});

describe('scoreAttempt', () => {
  it('scores a perfect SKD sheet 150 + 175 + 225 = 550', () => {
    const sheet = answer(answer(answer({}, 'TWK', 30, 'A'), 'TIU', 35, 'A'), 'TKP', 45, 'A');
    const score = scoreAttempt({ questions: skdQuestions, answers: sheet, preset: SKD_PRESET });
    expect(score.bySubtest).toEqual({ TWK: 150, TIU: 175, TKP: 225 });
    expect(score.total).toBe(550);
    expect(score.maxTotal).toBe(550);
  });

  it('scores an empty SKD sheet 0 with every question blank', () => {
    const score = scoreAttempt({ questions: skdQuestions, answers: {}, preset: SKD_PRESET });
    expect(score.total).toBe(0);
    expect(score.subtests.map((s) => [s.code, s.blank, s.answered])).toEqual([
      ['TWK', 30, 0],
      ['TIU', 35, 0],
      ['TKP', 45, 0],
    ]);
  });

  it('gives 5 per correct TWK/TIU answer and 0 for wrong or blank', () => {
    const sheet = answer(answer({}, 'TWK', 20, 'A'), 'TIU', 10, 'B');
    sheet['TWK-21'] = 'C';
    const score = scoreAttempt({ questions: skdQuestions, answers: sheet, preset: SKD_PRESET });
    const twk = score.subtests[0]!;
    expect(twk).toMatchObject({ code: 'TWK', points: 100, correct: 20, wrong: 1, blank: 9, answered: 21 });
    expect(score.subtests[1]).toMatchObject({ code: 'TIU', points: 0, correct: 0, wrong: 10, blank: 25 });
  });

  it('gives TKP the chosen option’s points (1–5) and 0 for blank', () => {
    const sheet = answer({}, 'TKP', 10, 'E'); // 1 point each
    sheet['TKP-11'] = 'C'; // 3 points
    const score = scoreAttempt({ questions: skdQuestions, answers: sheet, preset: SKD_PRESET });
    expect(score.bySubtest.TKP).toBe(13);
    expect(score.subtests[2]).toMatchObject({ answered: 11, blank: 34, correct: 0, wrong: 0 });
  });

  it('accepts a Map as the answer sheet and treats null and empty answers as blank', () => {
    const answers = new Map<string, string | null>([
      ['TWK-1', 'A'],
      ['TWK-2', null],
      ['TWK-3', ''],
      ['TKP-1', 'B'],
    ]);
    const score = scoreAttempt({ questions: skdQuestions, answers, preset: SKD_PRESET });
    expect(score.bySubtest).toEqual({ TWK: 5, TIU: 0, TKP: 4 });
    expect(score.subtests[0]).toMatchObject({ answered: 1, blank: 29 });
  });

  it('scores an unknown TKP option as blank and lists it as invalid', () => {
    const score = scoreAttempt({ questions: skdQuestions, answers: { 'TKP-2': 'Z', 'TKP-1': 'toString' }, preset: SKD_PRESET });
    expect(score.bySubtest.TKP).toBe(0);
    expect(score.invalidAnswers).toEqual(['TKP-1', 'TKP-2']);
  });

  it('ignores answers to questions outside the set and lists them sorted', () => {
    const score = scoreAttempt({ questions: skdQuestions, answers: { 'X-2': 'A', 'X-1': 'A', 'TWK-1': 'A' }, preset: SKD_PRESET });
    expect(score.total).toBe(5);
    expect(score.unknownQuestionIds).toEqual(['X-1', 'X-2']);
  });

  it('gives the same score whatever the order of the questions', () => {
    const sheet = answer(answer(answer({}, 'TWK', 13, 'A'), 'TIU', 17, 'A'), 'TKP', 45, 'B');
    const forward = scoreAttempt({ questions: skdQuestions, answers: sheet, preset: SKD_PRESET });
    const backward = scoreAttempt({ questions: [...skdQuestions].reverse(), answers: sheet, preset: SKD_PRESET });
    expect(backward).toEqual(forward);
  });

  it('applies wrong-answer points when a preset sets them (negative marking)', () => {
    const preset: CatPreset = {
      ...SKD_PRESET,
      subtests: SKD_PRESET.subtests.map((s) => (s.code === 'TWK' && s.type === 'single' ? { ...s, wrongPoints: -1 } : s)),
    };
    const score = scoreAttempt({ questions: skdQuestions, answers: { 'TWK-1': 'A', 'TWK-2': 'B' }, preset });
    expect(score.bySubtest.TWK).toBe(4);
  });

  it('scores PPPK: technical 5/0 and managerial, socio-cultural, interview 1–4', () => {
    const sheet = answer(answer(answer(answer({}, 'TEKNIS', 90, 'A'), 'MANAJERIAL', 25, 'A'), 'SOSIAL_KULTURAL', 20, 'B'), 'WAWANCARA', 10, 'D');
    const score = scoreAttempt({ questions: pppkQuestions, answers: sheet, preset: PPPK_PRESET });
    expect(score.bySubtest).toEqual({ TEKNIS: 450, MANAJERIAL: 100, SOSIAL_KULTURAL: 60, WAWANCARA: 10 });
    expect(score.total).toBe(620);
    expect(score.maxTotal).toBe(670);
  });

  it('refuses a question whose subtest is not in the preset', () => {
    const questions: CatQuestion[] = [{ id: 'q1', subtest: 'TPA', type: 'single', key: 'A' }];
    expect(() => scoreAttempt({ questions, answers: {}, preset: SKD_PRESET })).toThrow(/subtes TPA/);
  });

  it('refuses a question whose type differs from its subtest', () => {
    const questions: CatQuestion[] = [{ id: 'q1', subtest: 'TKP', type: 'single', key: 'A' }];
    expect(() => scoreAttempt({ questions, answers: {}, preset: SKD_PRESET })).toThrow(/jenis soal/);
  });
});

describe('compileAttemptScorer', () => {
  const options = ['A', 'B', 'C', 'D', 'E', 'Z', '', null, undefined];

  for (const [name, preset, questions] of [
    ['SKD', SKD_PRESET, skdQuestions],
    ['PPPK', PPPK_PRESET, pppkQuestions],
    ['SKD with negative marking and blank points', { ...SKD_PRESET, subtests: SKD_PRESET.subtests.map((s) => ({ ...s, blankPoints: 1, ...(s.type === 'single' ? { wrongPoints: -1 } : {}) })) }, skdQuestions],
  ] as const) {
    it(`gives the points and total of scoreAttempt on 500 random ${name} papers`, () => {
      const random = seededRandom(name).next;
      const score = compileAttemptScorer(questions, preset);
      for (let run = 0; run < 500; run++) {
        // A paper: a random subset of the set's positions (ascending), answers anywhere, some outside the paper.
        const positions = questions.map((_, n) => n).filter(() => random() < 0.8);
        const chosen = questions.map(() => options[Math.floor(random() * options.length)]);
        const sheet = new Map(questions.map((q, n) => [q.id, chosen[n]]));
        const expected = scoreAttempt({ questions: positions.map((n) => questions[n]!), answers: sheet, preset });
        expect(score(positions, (n) => chosen[n])).toEqual({ bySubtest: expected.bySubtest, total: expected.total });
      }
    });
  }

  it('scores an empty paper 0 in every subtest of the preset', () => {
    expect(compileAttemptScorer(skdQuestions, SKD_PRESET)([], () => 'A')).toEqual(skd(0, 0, 0));
  });

  it('refuses a paper holding a question whose subtest or type does not fit the preset, and only then', () => {
    const questions: CatQuestion[] = [
      { id: 'q1', subtest: 'TWK', type: 'single', key: 'A' },
      { id: 'q2', subtest: 'TPA', type: 'single', key: 'A' },
      { id: 'q3', subtest: 'TKP', type: 'single', key: 'A' },
    ];
    const score = compileAttemptScorer(questions, SKD_PRESET);
    expect(score([0], () => 'A').bySubtest.TWK).toBe(5);
    expect(() => score([0, 1], () => 'A')).toThrow(/subtes TPA/);
    expect(() => score([2], () => 'A')).toThrow(/jenis soal/);
  });
});

describe('validateQuestionSet', () => {
  it('accepts the full SKD and PPPK sets', () => {
    expect(validateQuestionSet({ questions: skdQuestions, preset: SKD_PRESET })).toEqual([]);
    expect(validateQuestionSet({ questions: pppkQuestions, preset: PPPK_PRESET })).toEqual([]);
  });

  it('reports a missing question, a duplicate id and a wrong maximum', () => {
    const questions = skdQuestions.filter((q) => q.id !== 'TWK-30' && q.id !== 'TIU-1');
    questions.push({ ...skdQuestions[0]! });
    const problems = validateQuestionSet({ questions, preset: SKD_PRESET });
    expect(problems).toContain('questions[108].id: soal TWK-1 ganda');
    expect(problems).toContain('TIU: 34 soal, seharusnya 35');
    expect(problems).toContain('TIU: nilai maksimal 170, seharusnya 175');
  });

  it('reports TKP option points outside 1–5 and an empty key', () => {
    const questions = skdQuestions.map((q): CatQuestion => {
      if (q.id === 'TKP-1') return { ...q, type: 'weighted', optionPoints: { A: 6, B: 0 } };
      if (q.id === 'TWK-1') return { ...q, type: 'single', key: '' };
      return q;
    });
    const problems = validateQuestionSet({ questions, preset: SKD_PRESET });
    expect(problems).toContain('questions[0].key: kunci jawaban kosong');
    expect(problems).toContain('questions[65].optionPoints.A: nilai 6 di luar 1–5');
    expect(problems).toContain('questions[65].optionPoints.B: nilai 0 di luar 1–5');
  });

  it('reports an unknown subtest and a type mismatch', () => {
    const problems = validateQuestionSet({
      questions: [
        { id: 'a', subtest: 'TPA', type: 'single', key: 'A' },
        { id: 'b', subtest: 'TKP', type: 'single', key: 'A' },
      ],
      preset: SKD_PRESET,
    });
    expect(problems.slice(0, 2)).toEqual(['questions[0].subtest: subtes TPA tidak ada dalam preset', 'questions[1].type: subtes TKP memakai soal weighted']);
  });
});

describe('evaluatePass — SKD general formation (KepmenPANRB 321/2024)', () => {
  const rules = SKD_PASS_RULES;
  it('passes a candidate exactly at TWK 65, TIU 80, TKP 166', () => {
    expect(evaluatePass({ scores: skd(65, 80, 166), kind: 'umum', passRules: rules })).toEqual({ passed: true, reasons: [] });
  });

  it('fails TWK 60 naming TWK even with a high total', () => {
    expect(evaluatePass({ scores: skd(60, 175, 225), kind: 'umum', passRules: rules })).toEqual({
      passed: false,
      reasons: ['Nilai TWK 60 di bawah nilai ambang batas 65.'],
    });
  });

  it('fails TIU 75 and TKP 165 naming both, in rule order', () => {
    expect(evaluatePass({ scores: skd(100, 75, 165), kind: 'umum', passRules: rules }).reasons).toEqual([
      'Nilai TIU 75 di bawah nilai ambang batas 80.',
      'Nilai TKP 165 di bawah nilai ambang batas 166.',
    ]);
  });
});

describe('evaluatePass — cumlaude and diaspora', () => {
  it('passes a cumlaude candidate with total exactly 311 and TIU 85', () => {
    expect(evaluatePass({ scores: skd(50, 85, 176), kind: 'cumlaude', passRules: SKD_PASS_RULES }).passed).toBe(true);
  });

  it('passes a cumlaude candidate whose TWK is below the general mark', () => {
    expect(evaluatePass({ scores: skd(40, 100, 180), kind: 'cumlaude', passRules: SKD_PASS_RULES }).passed).toBe(true);
  });

  it('fails a diaspora candidate with total 310 naming the total', () => {
    expect(evaluatePass({ scores: skd(50, 85, 175), kind: 'diaspora', passRules: SKD_PASS_RULES }).reasons).toEqual([
      'Nilai total SKD 310 di bawah nilai ambang batas 311.',
    ]);
  });

  it('fails a cumlaude candidate with TIU 80 although the total is 400', () => {
    expect(evaluatePass({ scores: skd(100, 80, 220), kind: 'cumlaude', passRules: SKD_PASS_RULES }).reasons).toEqual([
      'Nilai TIU 80 di bawah nilai ambang batas 85.',
    ]);
  });
});

describe('evaluatePass — disability, Papuan and disadvantaged-region formations', () => {
  for (const kind of ['disabilitas', 'putra_putri_papua', 'daerah_tertinggal'] as const) {
    it(`passes a ${kind} candidate with total exactly 286 and TIU 60`, () => {
      expect(evaluatePass({ scores: skd(60, 60, 166), kind, passRules: SKD_PASS_RULES }).passed).toBe(true);
    });
    it(`fails a ${kind} candidate with total 285 and TIU 55 naming both`, () => {
      expect(evaluatePass({ scores: skd(60, 55, 170), kind, passRules: SKD_PASS_RULES }).reasons).toEqual([
        'Nilai total SKD 285 di bawah nilai ambang batas 286.',
        'Nilai TIU 55 di bawah nilai ambang batas 60.',
      ]);
    });
  }
});

describe('evaluatePass — PPPK', () => {
  const scores = (m: number, s: number, w: number): CatScores => ({
    bySubtest: { TEKNIS: 200, MANAJERIAL: m, SOSIAL_KULTURAL: s, WAWANCARA: w },
    total: 200 + m + s + w,
  });

  it('passes everyone in 2024 because there is no pass mark', () => {
    expect(evaluatePass({ scores: scores(25, 20, 10), kind: 'umum', passRules: PPPK_PASS_RULES_2024 })).toEqual({ passed: true, reasons: [] });
  });

  it('passes managerial + socio-cultural exactly 130 and interview 24 under the 130 variant', () => {
    expect(evaluatePass({ scores: scores(75, 55, 24), kind: 'umum', passRules: PPPK_PASS_RULES_130 }).passed).toBe(true);
  });

  it('fails 129 under the 130 variant but passes it under the 117 variant', () => {
    expect(evaluatePass({ scores: scores(75, 54, 24), kind: 'umum', passRules: PPPK_PASS_RULES_130 }).reasons).toEqual([
      'Nilai Manajerial + Sosial Kultural 129 di bawah nilai ambang batas 130.',
    ]);
    expect(evaluatePass({ scores: scores(75, 54, 24), kind: 'umum', passRules: PPPK_PASS_RULES_117 }).passed).toBe(true);
  });

  it('fails interview 23 naming Wawancara', () => {
    expect(evaluatePass({ scores: scores(80, 60, 23), kind: 'umum', passRules: PPPK_PASS_RULES_117 }).reasons).toEqual([
      'Nilai Wawancara 23 di bawah nilai ambang batas 24.',
    ]);
  });
});

describe('evaluatePass — configuration errors', () => {
  it('refuses an unknown formation kind', () => {
    expect(() => evaluatePass({ scores: skd(100, 100, 200), kind: 'pppk', passRules: SKD_PASS_RULES })).toThrow(/jenis formasi pppk/);
  });

  it('refuses a mark on a subtest the scores do not have', () => {
    expect(() => evaluatePass({ scores: skd(100, 100, 200), kind: 'umum', passRules: PPPK_PASS_RULES_130 })).toThrow(/MANAJERIAL/);
  });

  it('works on the output of scoreAttempt directly', () => {
    const sheet = answer(answer(answer({}, 'TWK', 13, 'A'), 'TIU', 16, 'A'), 'TKP', 45, 'B');
    const score = scoreAttempt({ questions: skdQuestions, answers: sheet, preset: SKD_PRESET });
    expect(score.bySubtest).toEqual({ TWK: 65, TIU: 80, TKP: 180 });
    expect(evaluatePass({ scores: score, kind: 'umum', passRules: SKD_PASS_RULES }).passed).toBe(true);
  });
});
