import { describe, expect, it } from 'vitest';
import { ABSENT, alignedWith, computeFinalRanking, diplomaLevels, PENDING, rankingIpk, SCORED, unboxed, type CatColumns, type CatOutcome, type Diploma, type PanelColumns, type FinalCandidateInput, type FinalRankingInput, type PanelOutcome } from './final-ranking.js';
import { INTEGRATION_PRESET } from './integration.js';
import { CPNS_PIPELINE, JPT_PIPELINE, type PipelineStage } from './pipeline.js';
import { RANKING_PRESET } from './ranking.js';
import { seededRandom, shuffled } from './seeded-random.js';

type Person = { id: string; skd: [number, number, number] | 'absent' | null; skb?: number | 'absent'; praktik?: number | 'absent'; passed?: boolean; formasi?: string; ipk?: number | null; birthDate?: string; disqualified?: boolean };

function cpnsInput(people: Person[], over: Partial<FinalRankingInput> = {}): FinalRankingInput {
  const candidates: FinalCandidateInput[] = people.map((p) => ({
    applicationId: p.id,
    registrationNumber: `R-${p.id}`,
    name: `Nama ${p.id}`,
    formasiId: p.formasi ?? 'F1',
    birthDate: p.birthDate ?? '1998-01-01',
    ipk: p.ipk === undefined ? 3.5 : p.ipk,
    disqualified: p.disqualified ?? false,
  }));
  const skd = new Map<string, CatOutcome>();
  const skb = new Map<string, CatOutcome>();
  const praktik = new Map<string, PanelOutcome>();
  for (const p of people) {
    if (p.skd === 'absent') skd.set(p.id, { state: 'absent' });
    else if (p.skd) {
      const [twk, tiu, tkp] = p.skd;
      skd.set(p.id, { state: 'scored', total: twk + tiu + tkp, scores: { TWK: twk, TIU: tiu, TKP: tkp }, passed: p.passed ?? (twk >= 65 && tiu >= 80 && tkp >= 166) });
    }
    if (p.skb !== undefined) skb.set(p.id, p.skb === 'absent' ? { state: 'absent' } : { state: 'scored', total: p.skb, scores: { SKB: p.skb }, passed: true });
    if (p.praktik !== undefined) praktik.set(p.id, p.praktik === 'absent' ? { state: 'absent' } : { state: 'scored', score: p.praktik, max: 100 });
  }
  return {
    pipeline: CPNS_PIPELINE,
    formations: [
      { id: 'F1', label: 'Pranata Komputer — Diskominfo', count: 1 },
      { id: 'F2', label: 'Analis Data — Bappeda', count: 1 },
    ],
    candidates,
    cat: new Map([
      ['skd', { max: 550, outcomes: skd }],
      ['skb', { max: 500, outcomes: skb }],
    ]),
    panel: new Map([['skb.praktik_kerja', praktik]]),
    panelLocked: new Map([['skb', true]]),
    integration: INTEGRATION_PRESET,
    ranking: RANKING_PRESET,
    ...over,
  };
}

const summary = (result: ReturnType<typeof computeFinalRanking>) => result.lines.map((l) => [l.applicationId, l.rank, l.status, l.finalUnits]);

describe('computeFinalRanking — CPNS from SKD to the final list', () => {
  it('keeps only those over the pass mark within 3 × the formation, integrates 40/60 and ranks', () => {
    const result = computeFinalRanking(
      cpnsInput([
        { id: 'a', skd: [100, 120, 220], skb: 400, praktik: 80 }, // 440 → 32 + 0.6(0.6·80 + 0.4·80) = 32 + 48 = 80
        { id: 'b', skd: [90, 110, 200], skb: 450, praktik: 90 }, // 400
        { id: 'c', skd: [80, 100, 190], skb: 300, praktik: 70 },
        { id: 'd', skd: [70, 90, 180], skb: 500, praktik: 100 }, // 4th by SKD: out at the 3 × cut-off
        { id: 'e', skd: [60, 150, 220] }, // TWK below 65: out
        { id: 'f', skd: 'absent' },
      ]),
    );
    expect(result.issues).toEqual([]);
    expect(summary(result)).toEqual([
      ['b', 1, 'lulus', 83091],
      ['a', 2, 'tidak_lulus', 80000],
      ['c', 3, 'tidak_lulus', 65309],
    ]);
    expect(result.eliminated.sort((x, y) => (x.applicationId < y.applicationId ? -1 : 1))).toEqual([
      { applicationId: 'd', stageKey: 'skd', reason: 'tidak_lolos' },
      { applicationId: 'e', stageKey: 'skd', reason: 'tidak_lolos' },
      { applicationId: 'f', stageKey: 'skd', reason: 'tidak_hadir' },
    ]);
    expect(result.lines[0]).toMatchObject({ scores: { skd: 400, 'skb.cat_skb': 450, 'skb.praktik_kerja': 90 }, skd: { total: 400, twk: 90, tiu: 110, tkp: 200 } });
  });

  it('lets everyone tied with the last SKD place proceed (more than 3 ×)', () => {
    const result = computeFinalRanking(
      cpnsInput([
        { id: 'a', skd: [100, 100, 200], skb: 400, praktik: 80 },
        { id: 'b', skd: [100, 100, 190], skb: 400, praktik: 80 },
        { id: 'c', skd: [100, 100, 180], skb: 400, praktik: 80 },
        { id: 'd', skd: [100, 100, 180], skb: 400, praktik: 80 },
      ]),
    );
    expect(result.lines).toHaveLength(4);
  });

  it('marks a finalist absent at SKB tidak_hadir and a disqualified one diskualifikasi, never ranked', () => {
    const result = computeFinalRanking(
      cpnsInput([
        { id: 'a', skd: [100, 120, 220], skb: 'absent', praktik: 80 },
        { id: 'b', skd: [90, 110, 200], skb: 300, praktik: 'absent' },
        { id: 'c', skd: [80, 100, 190], skb: 100, praktik: 10, disqualified: true },
      ]),
    );
    expect(summary(result)).toEqual([
      ['a', null, 'tidak_hadir', null],
      ['b', null, 'tidak_hadir', null],
      ['c', null, 'diskualifikasi', null],
    ]);
    expect(result.lines[0]!.scores).toMatchObject({ skd: 440, 'skb.cat_skb': null, 'skb.praktik_kerja': 80 });
  });

  it('breaks an equal final score by the chain (SKD total, then TKP) and names it on both lines', () => {
    const result = computeFinalRanking(
      cpnsInput([
        { id: 'b', skd: [65, 80, 130], passed: true, skb: 500, praktik: 100 }, // SKD 275 → 20 + 60 = 80.000
        { id: 'a', skd: [100, 120, 220], skb: 400, praktik: 80 }, // SKD 440 → 32 + 48 = 80.000
        { id: 'c', skd: [110, 130, 200], skb: 400, praktik: 80 }, // SKD 440, TKP 200 → 80.000
      ]),
    );
    expect(result.lines.map((l) => [l.applicationId, l.finalUnits, l.decidedByAbove, l.decidedByBelow])).toEqual([
      ['a', 80000, null, 'tkp'],
      ['c', 80000, 'tkp', 'skdTotal'],
      ['b', 80000, 'skdTotal', null],
    ]);
  });

  it('reports what forbids publishing: scores missing, panel not locked, no CAT blueprint', () => {
    const missing = computeFinalRanking(cpnsInput([{ id: 'a', skd: [100, 120, 220], skb: 400 }, { id: 'b', skd: [90, 110, 200], skb: 400, praktik: 80 }]));
    expect(missing.issues).toEqual(['1 peserta belum memiliki semua nilai yang diintegrasikan.']);
    expect(missing.lines.map((l) => [l.applicationId, l.status, l.missing])).toEqual([
      ['b', 'lulus', []],
      ['a', null, ['skb.praktik_kerja']],
    ]);
    const unlocked = computeFinalRanking(cpnsInput([{ id: 'a', skd: [100, 120, 220], skb: 400, praktik: 80 }], { panelLocked: new Map() }));
    expect(unlocked.issues).toContain('Nilai panel Seleksi Kompetensi Bidang (SKB) — Praktik kerja belum dikunci.');
    const noBlueprint = computeFinalRanking(cpnsInput([{ id: 'a', skd: [100, 120, 220] }], { cat: new Map() }));
    expect(noBlueprint.issues[0]).toContain('belum memiliki cetak biru CAT');
  });

  it('lists each formation ranked first, then unranked, then those still missing a score (by registration number), formation by formation', () => {
    const result = computeFinalRanking(
      cpnsInput([
        { id: 'f2-wait', skd: [100, 120, 220], skb: 400, formasi: 'F2' },
        { id: 'f1-wait-b', skd: [100, 120, 220], skb: 400, formasi: 'F1' },
        { id: 'f1-wait-a', skd: [100, 120, 220], skb: 400, formasi: 'F1' },
        { id: 'f2-absent', skd: [100, 120, 220], skb: 'absent', praktik: 80, formasi: 'F2' },
        { id: 'f2-first', skd: [100, 120, 220], skb: 450, praktik: 90, formasi: 'F2' },
        { id: 'f1-first', skd: [100, 120, 220], skb: 400, praktik: 80, formasi: 'F1' },
        { id: 'f1-out', skd: [100, 120, 220], skb: 300, praktik: 80, formasi: 'F1', disqualified: true },
      ]),
    );
    expect(result.lines.map((l) => [l.applicationId, l.rank, l.status])).toEqual([
      ['f1-first', 1, 'lulus'],
      ['f1-out', null, 'diskualifikasi'],
      ['f1-wait-a', null, null],
      ['f1-wait-b', null, null],
      ['f2-first', 1, 'lulus'],
      ['f2-absent', null, 'tidak_hadir'],
      ['f2-wait', null, null],
    ]);
  });

  it('refuses a candidate given twice, a formation given twice and a candidate of a formation not in the round', () => {
    expect(() => computeFinalRanking(cpnsInput([{ id: 'a', skd: [100, 120, 220] }, { id: 'a', skd: [90, 110, 200] }]))).toThrow('peserta a ganda');
    const f1 = { id: 'F1', label: 'Pranata Komputer — Diskominfo', count: 1 };
    expect(() => computeFinalRanking(cpnsInput([{ id: 'a', skd: [100, 120, 220] }], { formations: [f1, f1] }))).toThrow('formasi F1 ganda');
    expect(() => computeFinalRanking(cpnsInput([{ id: 'a', skd: [100, 120, 220], formasi: 'F9' }]))).toThrow('peserta a: formasi F9 tidak dikenal');
  });

  it('refuses a pipeline whose weights do not sum to 100 before computing anything', () => {
    const broken = CPNS_PIPELINE.map((s): PipelineStage => (s.key === 'skb' ? { ...s, weight: 50 } : s));
    const result = computeFinalRanking(cpnsInput([{ id: 'a', skd: [100, 120, 220], skb: 400, praktik: 80 }], { pipeline: broken }));
    expect(result.lines).toEqual([]);
    expect(result.issues[0]).toMatch(/^stages: Jumlah bobot .* harus 100; saat ini 90/);
  });

  it('refuses two scales for one panel component, in a map or in columns', () => {
    const input = cpnsInput([
      { id: 'a', skd: [100, 120, 220], skb: 400, praktik: 80 },
      { id: 'b', skd: [90, 110, 200], skb: 400, praktik: 80 },
    ]);
    (input.panel.get('skb.praktik_kerja') as Map<string, PanelOutcome>).set('b', { state: 'scored', score: 8, max: 10 });
    expect(computeFinalRanking(input).issues[0]).toContain('skala yang berbeda');
    expect(computeFinalRanking(asColumns(input)).issues[0]).toBe('Nilai Seleksi Kompetensi Bidang (SKB) — Praktik kerja memakai skala yang berbeda (100, 10); satu komponen harus satu skala.');
  });

  it('gives the same lines whatever the order of the input', () => {
    const people: Person[] = Array.from({ length: 30 }, (_, i) => ({ id: `p${String(i).padStart(2, '0')}`, skd: [70 + (i % 5) * 10, 85 + (i % 4) * 5, 170 + (i % 6) * 5], skb: 300 + (i % 7) * 20, praktik: 60 + (i % 9) * 4, formasi: i % 2 ? 'F1' : 'F2', ipk: 3 + (i % 3) / 10 }));
    const forward = computeFinalRanking(cpnsInput(people));
    const backward = computeFinalRanking(cpnsInput([...people].reverse()));
    expect(backward.lines).toEqual(forward.lines);
    expect(forward.lines.filter((l) => l.status === 'lulus')).toHaveLength(2);
  });
});

/** The same CAT and panel outcomes as columns aligned with `candidates` (what the server hands over), written here rather than taken from the module under test. */
function asColumns(input: FinalRankingInput): FinalRankingInput {
  const n = input.candidates.length;
  const cat = new Map<string, { max: number; columns: CatColumns }>();
  for (const [stageKey, stage] of input.cat) {
    if (!('outcomes' in stage)) throw new Error('already columns');
    const columns: CatColumns = { state: new Uint8Array(n).fill(PENDING), total: new Float64Array(n), passed: new Uint8Array(n), twk: new Float64Array(n), tiu: new Float64Array(n), tkp: new Float64Array(n) };
    input.candidates.forEach((candidate, i) => {
      const outcome = stage.outcomes.get(candidate.applicationId);
      if (outcome?.state === 'absent') columns.state[i] = ABSENT;
      if (outcome?.state !== 'scored') return;
      columns.state[i] = SCORED;
      columns.total[i] = outcome.total;
      columns.passed[i] = outcome.passed ? 1 : 0;
      columns.twk[i] = outcome.scores.TWK ?? 0;
      columns.tiu[i] = outcome.scores.TIU ?? 0;
      columns.tkp[i] = outcome.scores.TKP ?? 0;
    });
    cat.set(stageKey, { max: stage.max, columns });
  }
  const panel = new Map<string, PanelColumns>();
  for (const [key, outcomes] of input.panel) {
    const columns: PanelColumns = { state: new Uint8Array(n).fill(PENDING), score: new Float64Array(n), max: new Float64Array(n) };
    input.candidates.forEach((candidate, i) => {
      const outcome = (outcomes as ReadonlyMap<string, PanelOutcome>).get(candidate.applicationId);
      if (outcome?.state === 'absent') columns.state[i] = ABSENT;
      if (outcome?.state !== 'scored') return;
      columns.state[i] = SCORED;
      columns.score[i] = outcome.score;
      columns.max[i] = outcome.max;
    });
    panel.set(key, columns);
  }
  return { ...input, cat, panel };
}

describe('computeFinalRanking — CAT and panel outcomes in maps or in columns', () => {
  // Random rounds with every kind of outcome: absent, pending, no attempt, under the pass marks, ties.
  function randomPeople(seed: string, size: number): Person[] {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]) => items[random.below(items.length)]!;
    return Array.from({ length: size }, (_, i) => {
      const roll = random.below(20);
      const skd: Person['skd'] = roll === 0 ? 'absent' : roll === 1 ? null : [pick([60, 65, 70, 80]), pick([75, 80, 90]), pick([160, 166, 170, 180])];
      const person: Person = { id: `${seed}-${String(i).padStart(3, '0')}`, skd, formasi: pick(['F1', 'F2']), ipk: pick([3.1, 3.5, null]), birthDate: pick(['1995-02-03', '1996-07-08']), disqualified: random.below(30) === 0 };
      const skb = random.below(25);
      if (skb > 0) person.skb = skb === 1 ? 'absent' : pick([300, 350, 400]);
      const praktik = random.below(25);
      if (praktik > 0) person.praktik = praktik === 1 ? 'absent' : pick([60, 70, 80]);
      return person;
    });
  }

  it('gives the same result from both, with the candidates in any order', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const people = randomPeople(seed, 60 + seed.charCodeAt(0) % 7);
      const byMap = computeFinalRanking(cpnsInput(people));
      expect(byMap.lines.some((l) => l.status === 'lulus')).toBe(true);
      expect(computeFinalRanking(asColumns(cpnsInput(people)))).toEqual(byMap);
      expect(computeFinalRanking(asColumns(cpnsInput(shuffled(people, seededRandom(`${seed}-order`)))))).toEqual(byMap);
    }
  });

  it('refuses columns of another length than the candidates', () => {
    const input = asColumns(cpnsInput([{ id: 'a', skd: [100, 120, 220], skb: 400, praktik: 80 }, { id: 'b', skd: [90, 110, 200], skb: 400, praktik: 80 }]));
    const skd = input.cat.get('skd') as { max: number; columns: CatColumns };
    const short = { ...input, cat: new Map([...input.cat, ['skd', { max: 550, columns: { ...skd.columns, tkp: new Float64Array(1) } }]]) };
    expect(() => computeFinalRanking(short)).toThrow('kolom tkp tahap skd: 1 nilai untuk 2 peserta');
    const praktik = input.panel.get('skb.praktik_kerja') as PanelColumns;
    const shortPanel = { ...input, panel: new Map([['skb.praktik_kerja', { ...praktik, max: new Float64Array(3) }]]) };
    expect(() => computeFinalRanking(shortPanel)).toThrow('kolom max tahap skb.praktik_kerja: 3 nilai untuk 2 peserta');
  });
});

describe('alignedWith — each candidate\'s entry, walked side by side or looked up', () => {
  const candidates = (ids: string[]) => ids.map((id) => ({ applicationId: id, registrationNumber: id, name: id, formasiId: 'F1', birthDate: '1998-01-01', ipk: null, disqualified: false }));
  const lookedUp = (ids: string[], byId: Map<string, number>) => ids.map((id) => byId.get(id));

  it('gives what a look-up gives, whether the entries were added by id or not', () => {
    const ids = ['a', 'b', 'b', 'd', 'f', 'g'];
    const entries: Array<[string, number]> = [['0', 0], ['b', 2], ['c', 3], ['d', 4], ['g', 7], ['h', 8]];
    for (const order of [entries, [...entries].reverse(), [entries[1]!, entries[0]!, ...entries.slice(2)]]) {
      const byId = new Map(order);
      expect(alignedWith(candidates(ids), byId)).toEqual(lookedUp(ids, byId));
    }
    expect(alignedWith(candidates(ids), new Map(entries))).toEqual([undefined, 2, 2, 4, undefined, 7]);
  });

  it('handles no candidates and no entries', () => {
    expect(alignedWith(candidates([]), new Map([['a', 1]]))).toEqual([]);
    expect(alignedWith(candidates(['a', 'b']), new Map<string, number>())).toEqual([undefined, undefined]);
  });
});

describe('computeFinalRanking — JPT by its stage weights, three best per post', () => {
  it('integrates four panel stages and passes three per place', () => {
    const stages = ['asesmen', 'makalah', 'wawancara', 'rekam_jejak'];
    const panel = new Map(stages.map((key) => [key, new Map<string, PanelOutcome>()]));
    const ids = ['a', 'b', 'c', 'd'];
    ids.forEach((id, i) => stages.forEach((key) => panel.get(key)!.set(id, { state: 'scored', score: 90 - i * 5, max: 100 })));
    const result = computeFinalRanking({
      pipeline: JPT_PIPELINE,
      formations: [{ id: 'F1', label: 'Kepala Dinas', count: 1 }],
      candidates: ids.map((id) => ({ applicationId: id, registrationNumber: `R-${id}`, name: id, formasiId: 'F1', birthDate: '1975-01-01', ipk: null, disqualified: false })),
      cat: new Map(),
      panel,
      panelLocked: new Map(stages.map((key) => [key, true])),
      integration: INTEGRATION_PRESET,
      ranking: RANKING_PRESET,
    });
    expect(result.issues).toEqual([]);
    expect(summary(result)).toEqual([
      ['a', 1, 'lulus', 90000],
      ['b', 2, 'lulus', 85000],
      ['c', 3, 'lulus', 80000],
      ['d', 4, 'tidak_lulus', 75000],
    ]);
    expect(result.formations[0]).toMatchObject({ count: 1, places: 3 });
  });
});

describe('rankingIpk (the IPK that breaks ties)', () => {
  const s1 = diplomaLevels(['S1']);
  it('takes the best GPA among the diplomas of a level the formation asks for, whatever the case of the level', () => {
    expect(rankingIpk([{ level: 'D3', gpa: 3.9 }, { level: 's1', gpa: 3.1 }, { level: 'S1', gpa: 3.4 }], s1)).toBe(3.4);
    expect(rankingIpk([{ level: 'S1', gpa: 3.2 }, { level: 'S2', gpa: 3.8 }], diplomaLevels(['s1', 'S2']))).toBe(3.8);
  });

  it('takes the best among all diplomas when none is of such a level', () => {
    expect(rankingIpk([{ level: 'D3', gpa: 3.9 }, { level: 'S2', gpa: 3.7 }], s1)).toBe(3.9);
    expect(rankingIpk([{ gpa: 3.3 }], s1)).toBe(3.3);
  });

  it('is null without a usable GPA: no diplomas, no profile, GPA missing or not a number', () => {
    expect(rankingIpk([], s1)).toBeNull();
    expect(rankingIpk(null, s1)).toBeNull();
    expect(rankingIpk(undefined, s1)).toBeNull();
    expect(rankingIpk([{ level: 'S1', gpa: null }, { level: 'S1' }, { level: 'S1', gpa: Number.NaN }], s1)).toBeNull();
  });

  it('does not fall back to other levels when a matching diploma has no GPA', () => {
    expect(rankingIpk([{ level: 'S1', gpa: null }, { level: 'D3', gpa: 3.9 }], s1)).toBeNull();
  });

  it('gives what the rule as written gives (filter the matching diplomas, else all; the best usable GPA) for random profiles', () => {
    const byTheRule = (education: readonly Diploma[], wanted: ReadonlySet<string>) => {
      const matching = education.filter((d) => d.level && wanted.has(String(d.level).toUpperCase()));
      const gpas = (matching.length ? matching : education).map((d) => d.gpa).filter((g): g is number => typeof g === 'number' && Number.isFinite(g));
      return gpas.length ? Math.max(...gpas) : null;
    };
    const random = seededRandom('ipk');
    const pick = <T>(items: readonly T[]) => items[random.below(items.length)]!;
    for (let k = 0; k < 2000; k += 1) {
      const education: Diploma[] = Array.from({ length: random.below(4) }, () => ({ level: pick(['S1', 's1', 'D3', 'S2', '', null, undefined]), gpa: pick([2.75, 3.1, 3.5, 4, 0, null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) }));
      const wanted = diplomaLevels(pick([['S1'], ['s1', 'S2'], ['D3'], []]));
      expect(rankingIpk(education, wanted)).toBe(byTheRule(education, wanted));
    }
  });
});

describe('unboxed (a line\'s numbers as small integers where they are whole)', () => {
  it('gives back the same number, whole or not', () => {
    for (const x of [0, 1, -1, 3, 550, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 0.5, -2.25, 3.45, 1e-9, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(Object.is(unboxed(x), x)).toBe(true);
    }
    expect(Object.is(unboxed(-0), -0)).toBe(true);
    expect(Number.isNaN(unboxed(Number.NaN))).toBe(true);
    for (const x of new Float64Array([405, 145.5, -0, 0])) expect(Object.is(unboxed(x), x)).toBe(true);
  });
});
