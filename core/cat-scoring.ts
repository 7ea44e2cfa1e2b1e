/**
 * Scoring a CAT attempt (SKD for CPNS, competency selection for PPPK) and judging it against the
 * pass marks of the applicant's formation kind. Every number is preset data: the caller passes the
 * preset stored with the selection, so a new regulation is a data change, not a code change.
 */

export type QuestionType = 'single' | 'weighted';

/** One correct option; points come from the subtest rule (e.g. TWK: correct 5, wrong or blank 0). */
export interface SingleQuestion {
  readonly id: string;
  readonly subtest: string;
  readonly type: 'single';
  readonly key: string;
}

/** Every option carries points (e.g. TKP 1–5); a blank answer gets the subtest's blank points. */
export interface WeightedQuestion {
  readonly id: string;
  readonly subtest: string;
  readonly type: 'weighted';
  readonly optionPoints: Readonly<Record<string, number>>;
}

export type CatQuestion = SingleQuestion | WeightedQuestion;

/** questionId → chosen optionId; a missing, null or empty answer is blank. */
export type AnswerSheet =
  | ReadonlyMap<string, string | null | undefined>
  | Readonly<Record<string, string | null | undefined>>;

interface SubtestRuleBase {
  readonly code: string;
  readonly name: string;
  readonly questionCount: number;
  readonly maxPoints: number;
  readonly blankPoints: number;
}

export interface SingleSubtestRule extends SubtestRuleBase {
  readonly type: 'single';
  readonly correctPoints: number;
  readonly wrongPoints: number;
}

export interface WeightedSubtestRule extends SubtestRuleBase {
  readonly type: 'weighted';
  readonly minOptionPoints: number;
  readonly maxOptionPoints: number;
}

export type SubtestRule = SingleSubtestRule | WeightedSubtestRule;

export interface CatPreset {
  readonly name: string;
  readonly subtests: readonly SubtestRule[];
  readonly durationMinutes: number;
  /** Added for blind applicants (SKD: in disability formations). */
  readonly blindExtraMinutes: number;
  readonly maxTotal: number;
}

// SKD CPNS (domain rules §3): 110 questions, 100 minutes (130 for blind applicants), max 550.
export const SKD_PRESET: CatPreset = {
  name: 'SKD CPNS',
  subtests: [
    { code: 'TWK', name: 'Tes Wawasan Kebangsaan', type: 'single', questionCount: 30, correctPoints: 5, wrongPoints: 0, blankPoints: 0, maxPoints: 150 },
    { code: 'TIU', name: 'Tes Intelegensia Umum', type: 'single', questionCount: 35, correctPoints: 5, wrongPoints: 0, blankPoints: 0, maxPoints: 175 },
    { code: 'TKP', name: 'Tes Karakteristik Pribadi', type: 'weighted', questionCount: 45, minOptionPoints: 1, maxOptionPoints: 5, blankPoints: 0, maxPoints: 225 },
  ],
  durationMinutes: 100,
  blindExtraMinutes: 30,
  maxTotal: 550,
};

// PPPK competency selection 2024 (domain rules §6): max 670, 150 minutes (+15 for blind applicants).
export const PPPK_PRESET: CatPreset = {
  name: 'Seleksi Kompetensi PPPK',
  subtests: [
    { code: 'TEKNIS', name: 'Kompetensi Teknis', type: 'single', questionCount: 90, correctPoints: 5, wrongPoints: 0, blankPoints: 0, maxPoints: 450 },
    { code: 'MANAJERIAL', name: 'Kompetensi Manajerial', type: 'weighted', questionCount: 25, minOptionPoints: 1, maxOptionPoints: 4, blankPoints: 0, maxPoints: 100 },
    { code: 'SOSIAL_KULTURAL', name: 'Kompetensi Sosial Kultural', type: 'weighted', questionCount: 20, minOptionPoints: 1, maxOptionPoints: 4, blankPoints: 0, maxPoints: 80 },
    { code: 'WAWANCARA', name: 'Wawancara', type: 'weighted', questionCount: 10, minOptionPoints: 1, maxOptionPoints: 4, blankPoints: 0, maxPoints: 40 },
  ],
  durationMinutes: 150,
  blindExtraMinutes: 15,
  maxTotal: 670,
};

export interface SubtestScore {
  readonly code: string;
  readonly points: number;
  /** The most this question set allows (sum of each question's best option). */
  readonly maxPoints: number;
  readonly questions: number;
  readonly answered: number;
  readonly blank: number;
  /** Single-key questions only; 0 for weighted subtests. */
  readonly correct: number;
  readonly wrong: number;
}

/** What pass rules read: points per subtest code and the total. */
export interface CatScores {
  readonly bySubtest: Readonly<Record<string, number>>;
  readonly total: number;
}

export interface AttemptScore extends CatScores {
  /** In the preset's subtest order. */
  readonly subtests: readonly SubtestScore[];
  readonly maxTotal: number;
  /** Weighted questions answered with an option that has no points; scored as blank. Sorted. */
  readonly invalidAnswers: readonly string[];
  /** Answers to question ids not in the set; ignored. Sorted. */
  readonly unknownQuestionIds: readonly string[];
}

export interface ScoreAttemptOptions {
  readonly questions: readonly CatQuestion[];
  readonly answers: AnswerSheet;
  readonly preset: CatPreset;
}

/** A missing, null or empty answer is blank (undefined). */
function chosenOption(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

function answerFor(answers: AnswerSheet, questionId: string): string | undefined {
  return chosenOption(answers instanceof Map ? answers.get(questionId) : (answers as Readonly<Record<string, string | null | undefined>>)[questionId]);
}

function answeredIds(answers: AnswerSheet): string[] {
  const ids = answers instanceof Map ? [...answers.keys()] : Object.keys(answers);
  return ids.filter((id) => answerFor(answers, id) !== undefined);
}

function ruleFor(preset: CatPreset, question: CatQuestion): SubtestRule {
  const rule = preset.subtests.find((subtest) => subtest.code === question.subtest);
  if (!rule) throw new Error(`soal ${question.id}: subtes ${question.subtest} tidak ada dalam preset ${preset.name}`);
  if (rule.type !== question.type) throw new Error(`soal ${question.id}: jenis soal ${question.type} tidak sesuai subtes ${rule.code} (${rule.type})`);
  return rule;
}

// Questions are immutable values and a batch scores the same question for thousands of attempts.
const bestOptionOf = new WeakMap<WeightedQuestion, number>();

function bestOption(question: WeightedQuestion): number {
  let best = bestOptionOf.get(question);
  if (best === undefined) {
    best = Math.max(...Object.values(question.optionPoints));
    bestOptionOf.set(question, best);
  }
  return best;
}

/**
 * The points of one question: a single-key question gets the rule's correct, wrong or blank
 * points; a weighted question the chosen option's points, or blank points for no answer or an
 * option without points. `answer` is already normalised (undefined for blank).
 */
function questionPoints(question: CatQuestion, rule: SubtestRule, answer: string | undefined): number {
  if (question.type === 'single' && rule.type === 'single') {
    return answer === undefined ? rule.blankPoints : answer === question.key ? rule.correctPoints : rule.wrongPoints;
  }
  if (question.type === 'weighted') return answer !== undefined && Object.hasOwn(question.optionPoints, answer) ? question.optionPoints[answer]! : rule.blankPoints;
  return 0;
}

export function scoreAttempt({ questions, answers, preset }: ScoreAttemptOptions): AttemptScore {
  const tallies = new Map(
    preset.subtests.map((rule) => [rule.code, { code: rule.code, points: 0, maxPoints: 0, questions: 0, answered: 0, blank: 0, correct: 0, wrong: 0 }]),
  );
  const invalidAnswers: string[] = [];
  const known = new Set<string>();
  for (const question of questions) {
    const rule = ruleFor(preset, question);
    const tally = tallies.get(rule.code)!;
    const answer = answerFor(answers, question.id);
    known.add(question.id);
    tally.questions += 1;
    tally.points += questionPoints(question, rule, answer);
    if (question.type === 'single' && rule.type === 'single') {
      tally.maxPoints += rule.correctPoints;
      if (answer === undefined) tally.blank += 1;
      else {
        tally.answered += 1;
        if (answer === question.key) tally.correct += 1;
        else tally.wrong += 1;
      }
    } else if (question.type === 'weighted') {
      tally.maxPoints += bestOption(question);
      if (answer !== undefined && Object.hasOwn(question.optionPoints, answer)) tally.answered += 1;
      else {
        if (answer !== undefined) invalidAnswers.push(question.id);
        tally.blank += 1;
      }
    }
  }
  const subtests = [...tallies.values()];
  const bySubtest = Object.fromEntries(subtests.map((subtest) => [subtest.code, subtest.points]));
  return {
    subtests,
    bySubtest,
    total: subtests.reduce((sum, subtest) => sum + subtest.points, 0),
    maxTotal: subtests.reduce((sum, subtest) => sum + subtest.maxPoints, 0),
    invalidAnswers: invalidAnswers.sort(),
    unknownQuestionIds: answeredIds(answers).filter((id) => !known.has(id)).sort(),
  };
}

/** Options per position: the chosen option of the question at a position, or nothing. */
export type OptionAt = (position: number) => string | null | undefined;

/**
 * The scoring of `scoreAttempt` compiled once for a question set that many attempts share (a
 * blueprint's banks): each attempt's paper is a list of positions in `questions` and its answers
 * are read per position, so a batch neither builds maps of question ids nor looks rules up per
 * question. Same points and total as `scoreAttempt` for the same paper and answers (tested as a
 * property); a question whose subtest or type does not fit the preset is refused when a paper
 * holds it, as `scoreAttempt` refuses it.
 */
export function compileAttemptScorer(questions: readonly CatQuestion[], preset: CatPreset): (positions: ArrayLike<number>, optionAt: OptionAt) => CatScores {
  const codes = preset.subtests.map((rule) => rule.code);
  const ruleIndex = new Int32Array(questions.length).fill(-1);
  const refusals = new Map<number, Error>();
  questions.forEach((question, position) => {
    try {
      ruleIndex[position] = preset.subtests.indexOf(ruleFor(preset, question));
    } catch (error) {
      refusals.set(position, error as Error);
    }
  });
  return (positions, optionAt) => {
    const points = new Array<number>(codes.length).fill(0);
    for (let i = 0; i < positions.length; i++) {
      const position = positions[i]!;
      const index = ruleIndex[position]!;
      if (index < 0) throw refusals.get(position) ?? new Error(`posisi soal ${position} tidak ada`);
      points[index] = points[index]! + questionPoints(questions[position]!, preset.subtests[index]!, chosenOption(optionAt(position)));
    }
    const bySubtest: Record<string, number> = {};
    let total = 0;
    codes.forEach((code, index) => {
      bySubtest[code] = points[index]!;
      total += points[index]!;
    });
    return { bySubtest, total };
  };
}

export interface ValidateQuestionSetOptions {
  readonly questions: readonly CatQuestion[];
  readonly preset: CatPreset;
}

/**
 * Checks a question set against its preset before an exam is published: counts per subtest, keys
 * present, option points inside the subtest's range, and each subtest's maximum as announced.
 * Returns `field: problem` messages (empty when the set is sound).
 */
export function validateQuestionSet({ questions, preset }: ValidateQuestionSetOptions): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const counts = new Map<string, { questions: number; max: number }>(preset.subtests.map((rule) => [rule.code, { questions: 0, max: 0 }]));
  questions.forEach((question, index) => {
    const field = `questions[${index}]`;
    if (seen.has(question.id)) problems.push(`${field}.id: soal ${question.id} ganda`);
    seen.add(question.id);
    const rule = preset.subtests.find((subtest) => subtest.code === question.subtest);
    if (!rule) return void problems.push(`${field}.subtest: subtes ${question.subtest} tidak ada dalam preset`);
    if (rule.type !== question.type) return void problems.push(`${field}.type: subtes ${rule.code} memakai soal ${rule.type}`);
    const count = counts.get(rule.code)!;
    count.questions += 1;
    if (question.type === 'single' && rule.type === 'single') {
      if (!question.key) problems.push(`${field}.key: kunci jawaban kosong`);
      count.max += rule.correctPoints;
      return;
    }
    if (question.type !== 'weighted' || rule.type !== 'weighted') return;
    const points = Object.entries(question.optionPoints);
    if (points.length === 0) return void problems.push(`${field}.optionPoints: tidak ada pilihan jawaban`);
    for (const [option, value] of points) {
      if (!Number.isInteger(value) || value < rule.minOptionPoints || value > rule.maxOptionPoints) {
        problems.push(`${field}.optionPoints.${option}: nilai ${value} di luar ${rule.minOptionPoints}–${rule.maxOptionPoints}`);
      }
    }
    count.max += bestOption(question);
  });
  for (const rule of preset.subtests) {
    const count = counts.get(rule.code)!;
    if (count.questions !== rule.questionCount) problems.push(`${rule.code}: ${count.questions} soal, seharusnya ${rule.questionCount}`);
    if (count.max !== rule.maxPoints) problems.push(`${rule.code}: nilai maksimal ${count.max}, seharusnya ${rule.maxPoints}`);
  }
  return problems;
}

export interface AttemptDurationOptions {
  readonly preset: CatPreset;
  readonly blind: boolean;
}

/** Minutes allowed for an attempt: SKD 100 (130 for blind applicants), PPPK 150 (165). */
export function attemptDurationMinutes({ preset, blind }: AttemptDurationOptions): number {
  return preset.durationMinutes + (blind ? preset.blindExtraMinutes : 0);
}

/** A minimum on one subtest, on a sum of subtests, or on the total. */
export interface PassMark {
  /** Named in the reason shown to the applicant, e.g. "TWK" or "Manajerial + Sosial Kultural". */
  readonly label: string;
  readonly subtests: readonly string[] | 'total';
  readonly min: number;
}

export interface PassRule {
  /** All must be met; an empty list means no pass mark (best rank wins, e.g. PPPK 2024). */
  readonly marks: readonly PassMark[];
}

/** Formation kind → its pass rule. */
export type PassRules = Readonly<Record<string, PassRule>>;

export type SkdFormationKind = 'umum' | 'cumlaude' | 'diaspora' | 'disabilitas' | 'putra_putri_papua' | 'daerah_tertinggal';

const skdTotalAndTiu = (total: number, tiu: number): PassRule => ({
  marks: [
    { label: 'total SKD', subtests: 'total', min: total },
    { label: 'TIU', subtests: ['TIU'], min: tiu },
  ],
});

// KepmenPANRB 321/2024 (same marks in 2021 and 2023).
export const SKD_PASS_RULES: Readonly<Record<SkdFormationKind, PassRule>> = {
  umum: {
    marks: [
      { label: 'TWK', subtests: ['TWK'], min: 65 },
      { label: 'TIU', subtests: ['TIU'], min: 80 },
      { label: 'TKP', subtests: ['TKP'], min: 166 },
    ],
  },
  cumlaude: skdTotalAndTiu(311, 85),
  diaspora: skdTotalAndTiu(311, 85),
  disabilitas: skdTotalAndTiu(286, 60),
  putra_putri_papua: skdTotalAndTiu(286, 60),
  daerah_tertinggal: skdTotalAndTiu(286, 60),
};

// PPPK 2024: no pass mark, best rank wins (domain rules §6).
export const PPPK_PASS_RULES_2024: PassRules = { umum: { marks: [] } };

const pppkWithMarks = (managerialSocioCultural: number): PassRules => ({
  umum: {
    marks: [
      { label: 'Manajerial + Sosial Kultural', subtests: ['MANAJERIAL', 'SOSIAL_KULTURAL'], min: managerialSocioCultural },
      { label: 'Wawancara', subtests: ['WAWANCARA'], min: 24 },
    ],
  },
});

// PPPK 2021/2023 variants (domain rules §6 gives 130 and 117 for managerial + socio-cultural and
// interview ≥ 24 without saying which round used which; pick per selection).
export const PPPK_PASS_RULES_130: PassRules = pppkWithMarks(130);
export const PPPK_PASS_RULES_117: PassRules = pppkWithMarks(117);

export interface EvaluatePassOptions {
  readonly scores: CatScores;
  readonly kind: string;
  readonly passRules: PassRules;
}

export interface PassVerdict {
  readonly passed: boolean;
  /** One Indonesian sentence per mark not met, in the rule's order; empty when passed. */
  readonly reasons: readonly string[];
}

function markValue(scores: CatScores, mark: PassMark): number {
  if (mark.subtests === 'total') return scores.total;
  return mark.subtests.reduce((sum, code) => {
    const points = scores.bySubtest[code];
    if (points === undefined) throw new Error(`ambang batas ${mark.label}: nilai subtes ${code} tidak ada`);
    return sum + points;
  }, 0);
}

export function evaluatePass({ scores, kind, passRules }: EvaluatePassOptions): PassVerdict {
  const rule = passRules[kind];
  if (!rule) throw new Error(`tidak ada nilai ambang batas untuk jenis formasi ${kind}`);
  const reasons = rule.marks.flatMap((mark) => {
    const value = markValue(scores, mark);
    return value >= mark.min ? [] : [`Nilai ${mark.label} ${value} di bawah nilai ambang batas ${mark.min}.`];
  });
  return { passed: reasons.length === 0, reasons };
}
