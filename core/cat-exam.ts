/**
 * Rules of a running CAT attempt that the server enforces: the clock, which answer write wins,
 * and the canonical answer sheet whose hash is published with the score.
 */
import { PPPK_PASS_RULES_2024, PPPK_PRESET, SKD_PASS_RULES, SKD_PRESET, type CatPreset, type PassRule, type PassRules } from './cat-scoring.js';

export type AttemptClockOptions = { startedAt: Date; durationSeconds: number; extraSeconds: number };

/** The end is fixed when the attempt starts (server clock); incident time added later moves it. */
export function attemptEndsAt({ startedAt, durationSeconds, extraSeconds }: AttemptClockOptions): Date {
  return new Date(startedAt.getTime() + (durationSeconds + extraSeconds) * 1000);
}

/** Whole seconds left, never negative. */
export function remainingSeconds({ now, endsAt }: { now: Date; endsAt: Date }): number {
  return Math.max(0, Math.floor((endsAt.getTime() - now.getTime()) / 1000));
}

export type AnswerWrite = { attemptId: string; questionId: string; optionId: string | null; flagged: boolean; seq: number };

/**
 * Within one batch, several writes may target the same question (a participant clicking fast, or
 * a queue replayed after a reconnect): only the highest click number is written; the others are
 * superseded and acknowledged as such. Returns [writes to apply, superseded writes].
 */
export function collapseWrites<T extends AnswerWrite>(writes: readonly T[]): [T[], T[]] {
  const latest = new Map<string, T>();
  const superseded: T[] = [];
  for (const write of writes) {
    const key = `${write.attemptId}:${write.questionId}`;
    const current = latest.get(key);
    if (!current) latest.set(key, write);
    else if (write.seq > current.seq) {
      superseded.push(current);
      latest.set(key, write);
    } else superseded.push(write);
  }
  return [[...latest.values()], superseded];
}

export type AnswerSheetEntry = { questionId: string; optionId: string | null };

/**
 * The canonical answer sheet: every question of the paper with the chosen option (null when
 * blank), sorted by question id. Its SHA-256 is stored and published with the score, so the
 * score can be recomputed from the same sheet by anyone holding it.
 */
export function canonicalAnswerSheet(attemptId: string, entries: readonly AnswerSheetEntry[]): string {
  const answers = [...entries].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0)).map((e) => [e.questionId, e.optionId ?? null]);
  // Exactly canonicalJson({ attemptId, answers }) — keys in order, strings and nulls as JSON writes
  // them — written directly: a batch of 100,000 attempts builds 11 million of these pairs.
  return `{"answers":${JSON.stringify(answers)},"attemptId":${JSON.stringify(attemptId)}}`;
}


/**
 * canonicalAnswerSheet for many attempts over one question set (a batch at the end of a session):
 * each question id is written as JSON once. `questionIds` must be sorted; an attempt's sheet is
 * given as the ascending positions of its paper's questions in that list and the option chosen for
 * each (null when blank). Returns exactly what canonicalAnswerSheet returns for the same sheet.
 */
export function canonicalAnswerSheetWriter(questionIds: readonly string[]) {
  for (let i = 1; i < questionIds.length; i++) {
    if (!(questionIds[i - 1]! < questionIds[i]!)) throw new Error('canonicalAnswerSheetWriter: questionIds must be sorted and distinct');
  }
  const opening = questionIds.map((id) => `[${JSON.stringify(id)},`);
  return (attemptId: string, positions: ArrayLike<number>, optionAt: (position: number) => string | null | undefined): string => {
    let text = '{"answers":[';
    for (let i = 0; i < positions.length; i++) {
      if (i > 0 && !(positions[i - 1]! < positions[i]!)) throw new Error('canonicalAnswerSheetWriter: positions must ascend');
      const option = optionAt(positions[i]!);
      text += (i ? ',' : '') + opening[positions[i]!]! + (option === null || option === undefined ? 'null' : JSON.stringify(option)) + ']';
    }
    return `${text}],"attemptId":${JSON.stringify(attemptId)}}`;
  };
}

export type BlueprintScoring = {
  preset: string;
  durationMinutes: number;
  sections: ReadonlyArray<{ subtest: string; count: number }>;
  passRules: Readonly<Record<string, unknown>>;
};

/**
 * The scoring preset of a blueprint: SKD and PPPK from domain-rules §3 and §6; any other CAT
 * (an SKB of the formation's field) scores its single-key questions correct 5, otherwise 0.
 */
export function presetForBlueprint(blueprint: BlueprintScoring): CatPreset {
  if (blueprint.preset === 'skd') return SKD_PRESET;
  if (blueprint.preset === 'pppk') return PPPK_PRESET;
  const counts = new Map<string, number>();
  for (const section of blueprint.sections) counts.set(section.subtest, (counts.get(section.subtest) ?? 0) + section.count);
  const subtests = [...counts].map(([code, count]) => ({
    code,
    name: code,
    type: 'single' as const,
    questionCount: count,
    correctPoints: 5,
    wrongPoints: 0,
    blankPoints: 0,
    maxPoints: count * 5,
  }));
  return { name: 'CAT', subtests, durationMinutes: blueprint.durationMinutes, blindExtraMinutes: 0, maxTotal: subtests.reduce((sum, s) => sum + s.maxPoints, 0) };
}

const NO_PASS_MARK: PassRule = { marks: [] };

/** The blueprint's pass rule for a formation kind: its own rules, else the preset's (SKD 2024 marks; PPPK 2024 none). */
export function passRuleFor(blueprint: BlueprintScoring, kind: string): PassRules {
  const own = blueprint.passRules as PassRules;
  const defaults: PassRules = blueprint.preset === 'skd' ? SKD_PASS_RULES : blueprint.preset === 'pppk' ? PPPK_PASS_RULES_2024 : {};
  const rule = own[kind] ?? defaults[kind] ?? (Object.keys(own).length ? undefined : defaults.umum) ?? NO_PASS_MARK;
  return { [kind]: rule };
}
