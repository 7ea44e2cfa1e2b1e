import { describe, expect, it } from 'vitest';
import {
  createRankingComparator,
  decidedByText,
  rankFormations,
  RANKING_PRESET,
  RANKING_STATUSES,
  type DecidingCriterion,
  type RankedCandidate,
  type RankingCandidate,
  type RankingColumns,
  type RankingFormation,
  type TieBreakCriterion,
} from './ranking.js';

function cand(registrationNumber: string, over: Partial<RankingCandidate> = {}): RankingCandidate {
  return { registrationNumber, formasiId: 'F1', final: 80, skdTotal: 400, tkp: 180, tiu: 120, twk: 100, ipk: 3.5, birthDate: '1995-06-15', ...over };
}

const one: RankingFormation[] = [{ id: 'F1', count: 1 }];

function rows(candidates: RankingCandidate[], formations = one, preset = RANKING_PRESET): RankedCandidate[] {
  return rankFormations({ formations, candidates, preset }).rows();
}

function summary(result: RankedCandidate[]): [string, number | null, string, DecidingCriterion | null][] {
  return result.map((r) => [r.registrationNumber, r.rank, r.status, r.decidedBy]);
}

describe('rankFormations — order and status', () => {
  it('ranks by final score and passes the best within the formation count', () => {
    const result = rows([cand('A', { final: 70.5 }), cand('B', { final: 90.25 }), cand('C', { final: 80 })], [{ id: 'F1', count: 2 }]);
    expect(summary(result)).toEqual([
      ['B', 1, 'lulus', null],
      ['C', 2, 'lulus', null],
      ['A', 3, 'tidak_lulus', null],
    ]);
  });

  it('returns the input index of each row so the caller can join without a lookup', () => {
    const result = rows([cand('A', { final: 70 }), cand('B', { final: 90 })]);
    expect(result.map((r) => r.index)).toEqual([1, 0]);
  });

  it('never ranks an absent or disqualified candidate into a place, however high the score', () => {
    const result = rows([cand('A', { final: 99, disqualified: true }), cand('B', { final: 95, absent: true }), cand('C', { final: 60 })]);
    expect(summary(result)).toEqual([
      ['C', 1, 'lulus', null],
      ['A', null, 'diskualifikasi', null],
      ['B', null, 'tidak_hadir', null],
    ]);
  });

  it('marks disqualification over absence when both are set', () => {
    expect(rows([cand('A', { absent: true, disqualified: true })])[0]!.status).toBe('diskualifikasi');
  });

  it('marks a candidate placed by optimisation as lulus_optimalisasi, and lulus when already within the count', () => {
    const result = rows([cand('A', { final: 90, placedByOptimisation: true }), cand('B', { final: 80, placedByOptimisation: true }), cand('C', { final: 70 })]);
    expect(result.map((r) => r.status)).toEqual(['lulus', 'lulus_optimalisasi', 'tidak_lulus']);
  });

  it('passes nobody in a formation with count 0', () => {
    expect(rows([cand('A')], [{ id: 'F1', count: 0 }])[0]).toMatchObject({ rank: 1, status: 'tidak_lulus' });
  });

  it('ranks each formation separately, formations in id order', () => {
    const result = rows(
      [cand('A', { formasiId: 'F2', final: 50 }), cand('B', { formasiId: 'F1', final: 40 }), cand('C', { formasiId: 'F2', final: 60 }), cand('D', { formasiId: 'F3', absent: true })],
      [{ id: 'F3', count: 1 }, { id: 'F2', count: 1 }, { id: 'F1', count: 1 }],
    );
    expect(result.map((r) => [r.formasiId, r.registrationNumber, r.rank, r.status])).toEqual([
      ['F1', 'B', 1, 'lulus'],
      ['F2', 'C', 1, 'lulus'],
      ['F2', 'A', 2, 'tidak_lulus'],
      ['F3', 'D', null, 'tidak_hadir'],
    ]);
  });

  it('returns an empty table for no candidates', () => {
    expect(rankFormations({ formations: one, candidates: [], preset: RANKING_PRESET }).length).toBe(0);
  });
});

describe('rankFormations — the tie-break chain after the final score', () => {
  const cases: [TieBreakCriterion | 'registrationNumber', Partial<RankingCandidate>, Partial<RankingCandidate>][] = [
    ['skdTotal', { skdTotal: 401 }, { skdTotal: 400 }],
    ['tkp', { tkp: 181, tiu: 119 }, { tkp: 180, tiu: 120 }],
    ['tiu', { tiu: 121, twk: 99 }, { tiu: 120, twk: 100 }],
    ['twk', { twk: 101, ipk: 3.0 }, { twk: 100, ipk: 3.9 }],
    ['ipk', { ipk: 3.51, birthDate: '2000-01-01' }, { ipk: 3.5, birthDate: '1990-01-01' }],
    ['birthDate', { birthDate: '1995-06-14' }, { birthDate: '1995-06-15' }],
    ['registrationNumber', {}, {}],
  ];
  for (const [criterion, winner, loser] of cases) {
    it(`separates equal final scores by ${criterion} and names it on both sides`, () => {
      // The loser is listed first and has the later registration number unless that is the criterion.
      const result = rows([cand('R2', loser), cand('R1', winner)]);
      expect(summary(result)).toEqual([
        ['R1', 1, 'lulus', criterion],
        ['R2', 2, 'tidak_lulus', criterion],
      ]);
      expect(result[0]).toMatchObject({ decidedByAbove: null, decidedByBelow: criterion });
      expect(result[1]).toMatchObject({ decidedByAbove: criterion, decidedByBelow: null });
    });
  }

  it('ranks a missing IPK below any IPK', () => {
    expect(rows([cand('A', { ipk: null }), cand('B', { ipk: 2.0 })]).map((r) => [r.registrationNumber, r.decidedBy])).toEqual([
      ['B', 'ipk'],
      ['A', 'ipk'],
    ]);
  });

  it('ranks the older applicant first (earlier birth date), across years', () => {
    expect(rows([cand('A', { birthDate: '1999-01-01' }), cand('B', { birthDate: '1998-12-31' })]).map((r) => r.registrationNumber)).toEqual(['B', 'A']);
  });

  it('treats 0 and -0 as the same final score', () => {
    expect(rows([cand('A', { final: -0, tkp: 10 }), cand('B', { final: 0, tkp: 20 })]).map((r) => [r.registrationNumber, r.decidedBy])).toEqual([
      ['B', 'tkp'],
      ['A', 'tkp'],
    ]);
  });

  it('names the neighbour above first in decidedBy and keeps both sides', () => {
    const result = rows([cand('A', { final: 80, tkp: 190 }), cand('B', { final: 80, tkp: 180 }), cand('C', { final: 80, tkp: 180, tiu: 100 })]);
    expect(result.map((r) => [r.registrationNumber, r.decidedByAbove, r.decidedByBelow, r.decidedBy])).toEqual([
      ['A', null, 'tkp', 'tkp'],
      ['B', 'tkp', 'tiu', 'tkp'],
      ['C', 'tiu', null, 'tiu'],
    ]);
  });

  it('follows a configured chain (IPK before the SKD subtests)', () => {
    const preset = { tieBreakChain: ['ipk', 'skdTotal'] as TieBreakCriterion[] };
    const result = rows([cand('A', { ipk: 3.0, skdTotal: 500 }), cand('B', { ipk: 3.9, skdTotal: 300 })], one, preset);
    expect(result.map((r) => [r.registrationNumber, r.decidedBy])).toEqual([
      ['B', 'ipk'],
      ['A', 'ipk'],
    ]);
  });

  it('gives the UI its sentence', () => {
    expect(decidedByText('tkp')).toBe('ditentukan oleh nilai TKP');
    expect(decidedByText('birthDate')).toBe('ditentukan oleh usia (yang lebih tua didahulukan)');
  });
});

describe('rankFormations — refusals', () => {
  it('refuses a malformed birth date, a non-finite score and an unknown formation', () => {
    expect(() => rows([cand('A', { birthDate: '15-06-1995' })])).toThrow(/tanggal lahir/);
    expect(() => rows([cand('A', { birthDate: '1995-13-01' })])).toThrow(/tanggal lahir/);
    expect(() => rows([cand('A', { final: Number.NaN })])).toThrow(/final bukan angka/);
    expect(() => rows([cand('A', { ipk: Number.POSITIVE_INFINITY })])).toThrow(/ipk/);
    expect(() => rows([cand('A', { formasiId: 'F9' })])).toThrow(/F9/);
    expect(() => rows([cand('')])).toThrow(/nomor pendaftaran kosong/);
  });

  it('refuses the same registration number twice in a formation', () => {
    expect(() => rows([cand('A'), cand('A')])).toThrow(/ganda/);
  });

  it('refuses an unknown criterion in the chain', () => {
    expect(() => rows([cand('A')], one, { tieBreakChain: ['usia' as TieBreakCriterion] })).toThrow(/usia/);
    expect(() => createRankingComparator({ preset: { tieBreakChain: ['usia' as TieBreakCriterion] } })).toThrow(/usia/);
  });

  it('refuses duplicate formations and a bad count', () => {
    expect(() => rows([], [...one, ...one])).toThrow(/ganda/);
    expect(() => rows([], [{ id: 'F1', count: -1 }])).toThrow(RangeError);
  });

  it('refuses a row position outside the table', () => {
    expect(() => rankFormations({ formations: one, candidates: [cand('A')], preset: RANKING_PRESET }).row(1)).toThrow(RangeError);
  });
});

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Candidates with narrow score ranges, so every link of the chain gets exercised. */
function randomCandidates(count: number, formations: number, seed: number): RankingCandidate[] {
  const next = random(seed);
  const pick = (n: number): number => Math.floor(next() * n);
  return Array.from({ length: count }, (_, i) => ({
    registrationNumber: `R${String(i).padStart(7, '0')}${pick(10)}`,
    formasiId: `F${pick(formations)}`,
    final: 70 + pick(40) / 8,
    skdTotal: 380 + pick(4),
    tkp: 170 + pick(3),
    tiu: 110 + pick(3),
    twk: 90 + pick(3),
    ipk: next() < 0.05 ? null : 3 + pick(4) / 4,
    birthDate: `199${pick(3)}-0${1 + pick(2)}-1${pick(2)}`,
    absent: next() < 0.03,
    disqualified: next() < 0.01,
    placedByOptimisation: next() < 0.02,
  }));
}

describe('rankFormations — 200,000 random candidates', () => {
  const formationCount = 50;
  const formations = Array.from({ length: formationCount }, (_, i) => ({ id: `F${i}`, count: 1 + (i % 7) }));
  const candidates = randomCandidates(200_000, formationCount, 2024);
  const table = rankFormations({ formations, candidates, preset: RANKING_PRESET });
  const compare = createRankingComparator({ preset: RANKING_PRESET });

  it('lists every candidate exactly once', () => {
    const seen = new Uint8Array(candidates.length);
    for (const index of table.order) seen[index]! += 1;
    expect(table.length).toBe(candidates.length);
    expect(seen.every((count) => count === 1)).toBe(true);
  });

  it('orders every ranked neighbour pair strictly, so the order is a valid total order', () => {
    let violations = 0;
    let tiedPairs = 0;
    for (let p = 1; p < table.length; p += 1) {
      if (table.rank[p] === 0 || table.rank[p - 1] === 0) continue;
      const a = candidates[table.order[p - 1]!]!;
      const b = candidates[table.order[p]!]!;
      if (a.formasiId !== b.formasiId) continue;
      if (compare(a, b) >= 0 || compare(b, a) <= 0) violations += 1;
      if (a.final === b.final) tiedPairs += 1;
    }
    expect(violations).toBe(0);
    expect(tiedPairs).toBeGreaterThan(100_000); // the chain really was exercised
  });

  it('numbers ranks 1…k per formation, ranked before unranked, formations in id order', () => {
    const ids = [...formations].map((f) => f.id).sort();
    let formationAt = 0;
    let expectedRank = 1;
    let inUnranked = false;
    const problems: string[] = [];
    for (let p = 0; p < table.length; p += 1) {
      const candidate = candidates[table.order[p]!]!;
      while (candidate.formasiId !== ids[formationAt]) {
        formationAt += 1;
        expectedRank = 1;
        inUnranked = false;
      }
      if (table.rank[p] === 0) inUnranked = true;
      else if (inUnranked || table.rank[p] !== expectedRank++) problems.push(`posisi ${p}`);
    }
    expect(problems).toEqual([]);
    expect(formationAt).toBe(ids.length - 1);
  });

  it('gives statuses that agree with rank, count and flags', () => {
    const counts = new Map(formations.map((f) => [f.id, f.count]));
    for (let p = 0; p < table.length; p += 1) {
      const c = candidates[table.order[p]!]!;
      const status = RANKING_STATUSES[table.status[p]!];
      const rank = table.rank[p]!;
      const expected = c.disqualified ? 'diskualifikasi' : c.absent ? 'tidak_hadir' : rank <= counts.get(c.formasiId)! ? 'lulus' : c.placedByOptimisation ? 'lulus_optimalisasi' : 'tidak_lulus';
      if (status !== expected) throw new Error(`posisi ${p}: ${status} ≠ ${expected}`);
    }
  });

  it('names as decidedByAbove the first criterion where a tied neighbour differs', () => {
    const chain: DecidingCriterion[] = [...RANKING_PRESET.tieBreakChain, 'registrationNumber'];
    const value = (c: RankingCandidate, k: DecidingCriterion): unknown => c[k];
    for (let p = 1; p < table.length; p += 1) {
      if (table.rank[p]! <= 1) continue;
      const a = candidates[table.order[p - 1]!]!;
      const b = candidates[table.order[p]!]!;
      const expected = a.final !== b.final ? -1 : chain.findIndex((k) => value(a, k) !== value(b, k));
      if (table.decidedByAbove[p] !== expected || table.decidedByBelow[p - 1] !== expected) throw new Error(`posisi ${p}: ${table.decidedByAbove[p]} ≠ ${expected}`);
    }
  });

  it('matches a plain sort with the object comparator on a 5,000-candidate sample', () => {
    const sample = candidates.slice(0, 5_000).map((c) => ({ ...c, formasiId: 'F0', absent: false, disqualified: false }));
    const expected = [...sample].sort(compare).map((c) => c.registrationNumber);
    const actual = rankFormations({ formations: [{ id: 'F0', count: 10 }], candidates: sample, preset: RANKING_PRESET })
      .rows()
      .map((r) => r.registrationNumber);
    expect(actual).toEqual(expected);
  });

  it('gives the same ranking whatever the input order', () => {
    const sample = candidates.slice(0, 20_000);
    const shuffled = [...sample];
    const next = random(7);
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const strip = (rows: RankedCandidate[]) => rows.map(({ index: _index, ...rest }) => rest);
    const forward = strip(rankFormations({ formations, candidates: sample, preset: RANKING_PRESET }).rows());
    const backward = strip(rankFormations({ formations: [...formations].reverse(), candidates: shuffled, preset: RANKING_PRESET }).rows());
    expect(backward).toEqual(forward);
  });

  it('gives the same table from the keys as typed columns as from the objects', () => {
    const sample = candidates.slice(0, 50_000);
    const floats = (read: (c: RankingCandidate) => number) => Float64Array.from(sample, read);
    const flags = (read: (c: RankingCandidate) => boolean | undefined) => Uint8Array.from(sample, (c) => (read(c) ? 1 : 0));
    const columns: RankingColumns = {
      registrationNumber: sample.map((c) => c.registrationNumber),
      formasiId: sample.map((c) => c.formasiId),
      final: floats((c) => c.final),
      skdTotal: floats((c) => c.skdTotal),
      tkp: floats((c) => c.tkp),
      tiu: floats((c) => c.tiu),
      twk: floats((c) => c.twk),
      ipk: sample.map((c) => c.ipk),
      birthDate: sample.map((c) => c.birthDate),
      absent: flags((c) => c.absent),
      disqualified: flags((c) => c.disqualified),
      placedByOptimisation: flags((c) => c.placedByOptimisation),
    };
    const fromObjects = rankFormations({ formations, candidates: sample, preset: RANKING_PRESET });
    const fromColumns = rankFormations({ formations, candidates: columns, preset: RANKING_PRESET });
    for (const part of ['order', 'rank', 'status', 'decidedByAbove', 'decidedByBelow'] as const) expect(fromColumns[part]).toEqual(fromObjects[part]);
    expect(fromColumns.rows()).toEqual(fromObjects.rows());
    // Without the optional column, nobody counts as placed by optimisation.
    const { placedByOptimisation: _placed, ...withoutPlaced } = columns;
    const plain = rankFormations({ formations, candidates: sample.map((c) => ({ ...c, placedByOptimisation: false })), preset: RANKING_PRESET });
    expect(rankFormations({ formations, candidates: withoutPlaced, preset: RANKING_PRESET }).status).toEqual(plain.status);
  });
});

describe('rankFormations — keys as columns', () => {
  const columnsOf = (candidates: RankingCandidate[]): RankingColumns => ({
    registrationNumber: candidates.map((c) => c.registrationNumber),
    formasiId: candidates.map((c) => c.formasiId),
    final: Float64Array.from(candidates, (c) => c.final),
    skdTotal: Float64Array.from(candidates, (c) => c.skdTotal),
    tkp: Float64Array.from(candidates, (c) => c.tkp),
    tiu: Float64Array.from(candidates, (c) => c.tiu),
    twk: Float64Array.from(candidates, (c) => c.twk),
    ipk: candidates.map((c) => c.ipk),
    birthDate: candidates.map((c) => c.birthDate),
    absent: new Uint8Array(candidates.length),
    disqualified: new Uint8Array(candidates.length),
  });
  const rank = (columns: RankingColumns) => rankFormations({ formations: one, candidates: columns, preset: RANKING_PRESET });

  it('refuses a column of another length', () => {
    const columns = columnsOf([cand('A'), cand('B')]);
    expect(() => rank({ ...columns, tkp: new Float64Array([180]) })).toThrow(/kolom tkp: 1 nilai untuk 2 peserta/);
    expect(() => rank({ ...columns, ipk: [3.5] })).toThrow(/kolom ipk/);
    expect(() => rank({ ...columns, placedByOptimisation: new Uint8Array(3) })).toThrow(/kolom placedByOptimisation/);
  });

  it('refuses what the objects would be refused for, with the same message', () => {
    for (const over of [{ final: Number.NaN }, { twk: Number.POSITIVE_INFINITY }, { ipk: Number.NaN }, { birthDate: '1995-02-30x' }, { formasiId: 'F9' }, { registrationNumber: '' }]) {
      const candidates = [cand('A'), cand('B', over)];
      let expected = '';
      try {
        rows(candidates);
      } catch (error) {
        expected = (error as Error).message;
      }
      expect(expected).not.toBe('');
      expect(() => rank(columnsOf(candidates))).toThrow(expected);
    }
  });
});
