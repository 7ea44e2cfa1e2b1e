import { describe, expect, it } from 'vitest';
import { PaperPoolError, buildPaper, checkPaperPools, type PaperQuestion, type PaperSection } from './cat-paper.js';

/** `n` questions named `<prefix>-1…n`, each with options A–E. */
function pool(prefix: string, n: number, options = ['A', 'B', 'C', 'D', 'E']): PaperQuestion[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${String(i + 1).padStart(3, '0')}`, optionIds: options }));
}

const skd: PaperSection[] = [
  { subtest: 'TWK', count: 30, pool: pool('twk', 60) },
  { subtest: 'TIU', count: 35, pool: pool('tiu', 70) },
  { subtest: 'TKP', count: 45, pool: pool('tkp', 90) },
];

describe('buildPaper — counts and order', () => {
  it('draws the blueprint count per section: 110 questions for the SKD, in TWK, TIU, TKP blocks, positions 1–110', () => {
    const paper = buildPaper({ sections: skd, seed: 'peserta-1' });
    expect(paper).toHaveLength(110);
    expect(paper.map((i) => i.position)).toEqual(Array.from({ length: 110 }, (_, i) => i + 1));
    expect(paper.slice(0, 30).every((i) => i.subtest === 'TWK' && i.questionId.startsWith('twk-'))).toBe(true);
    expect(paper.slice(30, 65).every((i) => i.subtest === 'TIU' && i.questionId.startsWith('tiu-'))).toBe(true);
    expect(paper.slice(65).every((i) => i.subtest === 'TKP' && i.questionId.startsWith('tkp-'))).toBe(true);
  });

  it('never repeats a question, even when two sections draw from overlapping pools', () => {
    const shared = pool('twk', 40);
    const sections: PaperSection[] = [
      { subtest: 'TWK', count: 25, pool: shared },
      { subtest: 'TWK', topic: 'pilar', count: 10, pool: shared.slice(0, 15) },
    ];
    for (let s = 0; s < 50; s++) {
      const paper = buildPaper({ sections, seed: `s${s}` });
      expect(paper).toHaveLength(35);
      expect(new Set(paper.map((i) => i.questionId)).size).toBe(35);
      // The topic section drew 10 from its 15; the general one filled the rest from the whole pool.
      expect(paper.filter((i) => Number(i.questionId.slice(4)) <= 15).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('a section with topic draws first, so sections in either blueprint order fill from nested pools', () => {
    const general = pool('tiu', 20);
    const sections: PaperSection[] = [
      { subtest: 'TIU', count: 15, pool: general },
      { subtest: 'TIU', topic: 'numerik', count: 5, pool: general.slice(0, 5) },
    ];
    expect(checkPaperPools(sections)).toEqual([]);
    for (let s = 0; s < 30; s++) expect(new Set(buildPaper({ sections, seed: `n${s}` }).map((i) => i.questionId)).size).toBe(20);
  });

  it('keeps every option of a question, each exactly once, in a shuffled order', () => {
    const paper = buildPaper({ sections: skd, seed: 'opsi' });
    for (const item of paper) expect([...item.optionOrder].sort()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(paper.some((i) => i.optionOrder.join('') !== 'ABCDE')).toBe(true);
  });

  it('takes a count of 0 as an empty section', () => {
    const paper = buildPaper({ sections: [{ subtest: 'TWK', count: 0, pool: [] }, { subtest: 'TIU', count: 2, pool: pool('tiu', 2) }], seed: 'x' });
    expect(paper.map((i) => i.subtest)).toEqual(['TIU', 'TIU']);
  });
});

describe('buildPaper — determinism', () => {
  it('gives the same paper for the same seed, whatever order the pool arrives in', () => {
    const a = buildPaper({ sections: skd, seed: 'peserta-7' });
    const reversed = skd.map((s) => ({ ...s, pool: [...s.pool].reverse() }));
    expect(buildPaper({ sections: reversed, seed: 'peserta-7' })).toEqual(a);
  });

  it('gives different papers for different seeds', () => {
    const a = buildPaper({ sections: skd, seed: 'peserta-1' });
    const b = buildPaper({ sections: skd, seed: 'peserta-2' });
    expect(a.map((i) => i.questionId)).not.toEqual(b.map((i) => i.questionId));
    expect(a.map((i) => i.optionOrder.join(''))).not.toEqual(b.map((i) => i.optionOrder.join('')));
  });
});

describe('buildPaper — distribution', () => {
  it('picks each question of a pool about equally often and puts each option first about equally often', () => {
    const sections: PaperSection[] = [{ subtest: 'TWK', count: 5, pool: pool('q', 20, ['A', 'B', 'C', 'D']) }];
    const picks = new Map<string, number>();
    const first = new Map<string, number>();
    const runs = 4000;
    for (let s = 0; s < runs; s++) {
      for (const item of buildPaper({ sections, seed: `d${s}` })) {
        picks.set(item.questionId, (picks.get(item.questionId) ?? 0) + 1);
        first.set(item.optionOrder[0]!, (first.get(item.optionOrder[0]!) ?? 0) + 1);
      }
    }
    // Each question is expected in 5/20 of the papers (1,000 of 4,000); ±15% is > 5 standard deviations.
    expect(picks.size).toBe(20);
    for (const n of picks.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
    // 20,000 items, each option first in a quarter of them (5,000).
    for (const n of first.values()) expect(Math.abs(n - 5000)).toBeLessThan(350);
  });

  it('puts a question at each place of its block about equally often', () => {
    const sections: PaperSection[] = [{ subtest: 'TIU', count: 4, pool: pool('q', 4) }];
    const firstPlace = new Map<string, number>();
    for (let s = 0; s < 4000; s++) {
      const id = buildPaper({ sections, seed: `p${s}` })[0]!.questionId;
      firstPlace.set(id, (firstPlace.get(id) ?? 0) + 1);
    }
    expect(firstPlace.size).toBe(4);
    for (const n of firstPlace.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
});

describe('checkPaperPools', () => {
  it('names the section whose pool is too small, counting only questions with at least two options', () => {
    const sections: PaperSection[] = [
      { subtest: 'TWK', count: 3, pool: pool('twk', 3) },
      { subtest: 'TIU', topic: 'verbal', count: 3, pool: [...pool('tiu', 2), { id: 'tiu-x', optionIds: ['A'] }] },
    ];
    const issues = checkPaperPools(sections);
    expect(issues).toEqual([{ field: 'sections.1.count', code: 'pool_too_small', message: expect.stringContaining('TIU (verbal) hanya memiliki 2 soal') }]);
    expect(() => buildPaper({ sections, seed: 'x' })).toThrow(PaperPoolError);
  });

  it('counts a question listed twice in a pool once', () => {
    const twice = [...pool('twk', 2), ...pool('twk', 2)];
    expect(checkPaperPools([{ subtest: 'TWK', count: 3, pool: twice }])).toHaveLength(1);
  });

  it('refuses a pool that overlapping sections could exhaust, and a negative count', () => {
    const shared = pool('twk', 10);
    expect(checkPaperPools([{ subtest: 'TWK', count: 6, pool: shared }, { subtest: 'TWK', count: 5, pool: shared }])).toHaveLength(1);
    expect(checkPaperPools([{ subtest: 'TWK', count: -1, pool: shared }])[0]).toMatchObject({ code: 'count_invalid' });
  });
});
