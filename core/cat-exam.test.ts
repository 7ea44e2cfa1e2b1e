import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';
import { attemptEndsAt, canonicalAnswerSheet, canonicalAnswerSheetWriter, collapseWrites, remainingSeconds } from './cat-exam.js';

describe('attempt clock', () => {
  it('ends duration plus added time after the start', () => {
    const startedAt = new Date('2026-12-01T01:00:00Z');
    expect(attemptEndsAt({ startedAt, durationSeconds: 6000, extraSeconds: 300 }).toISOString()).toBe('2026-12-01T02:45:00.000Z');
  });
  it('counts whole seconds left and never below zero', () => {
    const endsAt = new Date('2026-12-01T02:00:00Z');
    expect(remainingSeconds({ now: new Date('2026-12-01T01:59:58.500Z'), endsAt })).toBe(1);
    expect(remainingSeconds({ now: new Date('2026-12-01T02:00:01Z'), endsAt })).toBe(0);
  });
});

describe('collapseWrites', () => {
  const w = (questionId: string, seq: number, optionId = 'a') => ({ attemptId: 'x', questionId, optionId, flagged: false, seq });
  it('keeps the highest click number per question, whatever the arrival order', () => {
    const [apply, superseded] = collapseWrites([w('q1', 3, 'c'), w('q1', 1), w('q2', 2), w('q1', 2, 'b')]);
    expect(apply.map((x) => [x.questionId, x.seq, x.optionId])).toEqual([
      ['q1', 3, 'c'],
      ['q2', 2, 'a'],
    ]);
    expect(superseded.map((x) => x.seq).sort()).toEqual([1, 2]);
  });
  it('treats the same click replayed twice as one write', () => {
    const [apply, superseded] = collapseWrites([w('q1', 5), w('q1', 5)]);
    expect(apply).toHaveLength(1);
    expect(superseded).toHaveLength(1);
  });
});

describe('canonicalAnswerSheet', () => {
  it('sorts by question id and keeps blanks as null, so the order of clicks never changes the hash input', () => {
    const a = canonicalAnswerSheet('t', [
      { questionId: 'b', optionId: 'x' },
      { questionId: 'a', optionId: null },
    ]);
    const b = canonicalAnswerSheet('t', [
      { questionId: 'a', optionId: null },
      { questionId: 'b', optionId: 'x' },
    ]);
    expect(a).toBe(b);
    expect(a).toBe('{"answers":[["a",null],["b","x"]],"attemptId":"t"}');
  });

  it('is the canonical JSON of { attemptId, answers } for any ids (quotes, backslashes, non-ASCII, blanks)', () => {
    const entries = [
      { questionId: '9f1c2d3e-0000-4000-8000-000000000001', optionId: 'q"u\\ote' },
      { questionId: '0a', optionId: null },
      { questionId: 'ü-ñ', optionId: 'pilihan é' },
      { questionId: '0b', optionId: '' },
    ];
    const sorted = [...entries].sort((x, y) => (x.questionId < y.questionId ? -1 : 1)).map((e) => [e.questionId, e.optionId]);
    expect(canonicalAnswerSheet('attempt "1"', entries)).toBe(canonicalJson({ attemptId: 'attempt "1"', answers: sorted }));
  });
});

describe('canonicalAnswerSheetWriter', () => {
  const ids = ['0a', '0b', '9f1c', 'q"uote', 'ü-ñ'];
  it('writes the same sheet as canonicalAnswerSheet for a paper that is a subset of the questions, blanks as null', () => {
    const write = canonicalAnswerSheetWriter(ids);
    const chosen: Record<number, string | null> = { 0: 'a', 2: null, 3: 'x"y', 4: 'é' };
    const positions = [0, 2, 3, 4];
    expect(write('t-1', positions, (p) => chosen[p])).toBe(canonicalAnswerSheet('t-1', positions.map((p) => ({ questionId: ids[p]!, optionId: chosen[p] ?? null }))));
    expect(write('kosong', [], () => null)).toBe(canonicalAnswerSheet('kosong', []));
  });

  it('refuses unsorted question ids and positions that do not ascend (the order is what makes the hash canonical)', () => {
    expect(() => canonicalAnswerSheetWriter(['b', 'a'])).toThrow(/sorted/);
    expect(() => canonicalAnswerSheetWriter(ids)('t', [2, 1], () => null)).toThrow(/ascend/);
  });
});

describe('presetForBlueprint and passRuleFor', async () => {
  const { presetForBlueprint, passRuleFor } = await import('./cat-exam.js');
  const skd = { preset: 'skd', durationMinutes: 100, sections: [], passRules: {} };
  it('uses the SKD preset and its 2024 pass marks per formation kind', () => {
    expect(presetForBlueprint(skd).maxTotal).toBe(550);
    expect(passRuleFor(skd, 'cumlaude').cumlaude!.marks.map((m) => m.min)).toEqual([311, 85]);
  });
  it('builds a single-key preset for an SKB from its sections (5 points each)', () => {
    const preset = presetForBlueprint({ preset: 'skb', durationMinutes: 90, sections: [{ subtest: 'SKB', count: 40 }, { subtest: 'SKB', count: 10 }], passRules: {} });
    expect(preset.subtests).toEqual([expect.objectContaining({ code: 'SKB', questionCount: 50, maxPoints: 250 })]);
    expect(passRuleFor({ preset: 'skb', durationMinutes: 90, sections: [], passRules: {} }, 'umum')).toEqual({ umum: { marks: [] } });
  });
  it("prefers the blueprint's own rule for a kind", () => {
    const own = { ...skd, passRules: { umum: { marks: [{ label: 'total', subtests: 'total', min: 300 }] } } };
    expect(passRuleFor(own, 'umum').umum!.marks[0]!.min).toBe(300);
  });
});
