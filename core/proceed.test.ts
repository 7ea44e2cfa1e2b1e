import { describe, expect, it } from 'vitest';
import { proceedingByColumns, SKB_PROCEED_PRESET, selectForSkb, type ProceedCandidate, type ProceedOutcome, type SkdTieBreak } from './proceed.js';
import { seededRandom } from './seeded-random.js';

/** A candidate with TWK, TIU, TKP; the total is their sum as on a real SKD sheet. */
function cand(id: string, twk: number, tiu: number, tkp: number, formasiId = 'F1', metPassMark = true): ProceedCandidate {
  return { id, formasiId, metPassMark, skd: { total: twk + tiu + tkp, TWK: twk, TIU: tiu, TKP: tkp } };
}

const one = [{ id: 'F1', count: 1 }];

function byId(outcomes: readonly ProceedOutcome[]): Record<string, ProceedOutcome> {
  return Object.fromEntries(outcomes.map((o) => [o.id, o]));
}

describe('selectForSkb — quota', () => {
  it('sends the best 3 of 5 passing candidates for one place, ranked by SKD total', () => {
    const result = selectForSkb({
      formations: one,
      candidates: [cand('a', 100, 100, 200), cand('b', 100, 100, 190), cand('c', 100, 100, 180), cand('d', 100, 100, 170), cand('e', 100, 100, 210)],
      preset: SKB_PROCEED_PRESET,
    });
    expect(result.candidates.map((o) => [o.id, o.rank, o.proceeds])).toEqual([
      ['e', 1, true],
      ['a', 2, true],
      ['b', 3, true],
      ['c', 4, false],
      ['d', 5, false],
    ]);
    expect(result.formations).toEqual([{ formasiId: 'F1', quota: 3, ranked: 5, proceeding: 3, cutoffTotal: 390 }]);
  });

  it('never ranks a candidate below the pass mark, however high the total', () => {
    const result = selectForSkb({
      formations: one,
      candidates: [cand('top', 150, 175, 160, 'F1', false), cand('a', 70, 85, 170)],
      preset: SKB_PROCEED_PRESET,
    });
    expect(byId(result.candidates).top).toEqual({ id: 'top', formasiId: 'F1', rank: null, proceeds: false, beyondQuota: false, decidedBy: null });
    expect(byId(result.candidates).a).toMatchObject({ rank: 1, proceeds: true });
  });

  it('sends everyone who passed when fewer than the quota passed', () => {
    const result = selectForSkb({ formations: [{ id: 'F1', count: 2 }], candidates: [cand('a', 70, 85, 170), cand('b', 80, 85, 170)], preset: SKB_PROCEED_PRESET });
    expect(result.candidates.every((o) => o.proceeds && o.decidedBy === null)).toBe(true);
  });

  it('scales the quota with the formation count: 2 places → 6', () => {
    const candidates = Array.from({ length: 8 }, (_, i) => cand(`c${i}`, 100, 100, 170 + i));
    const result = selectForSkb({ formations: [{ id: 'F1', count: 2 }], candidates, preset: SKB_PROCEED_PRESET });
    expect(result.candidates.filter((o) => o.proceeds).map((o) => o.id)).toEqual(['c7', 'c6', 'c5', 'c4', 'c3', 'c2']);
  });

  it('uses a configured multiplier of 2', () => {
    const candidates = [cand('a', 100, 100, 200), cand('b', 100, 100, 190), cand('c', 100, 100, 180)];
    const result = selectForSkb({ formations: one, candidates, preset: { ...SKB_PROCEED_PRESET, multiplier: 2 } });
    expect(result.candidates.map((o) => o.proceeds)).toEqual([true, true, false]);
  });

  it('sends nobody to a formation with no places', () => {
    const result = selectForSkb({ formations: [{ id: 'F1', count: 0 }], candidates: [cand('a', 100, 100, 200)], preset: SKB_PROCEED_PRESET });
    expect(result.candidates[0]).toMatchObject({ rank: 1, proceeds: false, decidedBy: null });
    expect(result.formations[0]).toMatchObject({ quota: 0, proceeding: 0, cutoffTotal: null });
  });
});

describe('selectForSkb — ties at the cut-off', () => {
  it('breaks a tie on total at the cut-off by TKP and says so on both sides', () => {
    const result = byId(
      selectForSkb({
        formations: one,
        candidates: [cand('a', 100, 100, 200), cand('b', 100, 100, 190), cand('in', 100, 110, 170), cand('out', 100, 120, 160)],
        preset: SKB_PROCEED_PRESET,
      }).candidates,
    );
    expect(result.in).toMatchObject({ rank: 3, proceeds: true, decidedBy: 'TKP', beyondQuota: false });
    expect(result.out).toMatchObject({ rank: 4, proceeds: false, decidedBy: 'TKP' });
    expect(result.a!.decidedBy).toBeNull();
    expect(result.b!.decidedBy).toBeNull();
  });

  it('breaks a tie on total and TKP by TIU', () => {
    const result = byId(
      selectForSkb({
        formations: one,
        candidates: [cand('a', 100, 100, 200), cand('b', 100, 100, 190), cand('in', 90, 110, 170), cand('out', 100, 100, 170)],
        preset: SKB_PROCEED_PRESET,
      }).candidates,
    );
    expect(result.in).toMatchObject({ rank: 3, proceeds: true, decidedBy: 'TIU' });
    expect(result.out).toMatchObject({ rank: 4, proceeds: false, decidedBy: 'TIU' });
  });

  it('names for each candidate the criterion against the nearest one across the cut', () => {
    // Five share the total 380 for three places: TKP separates in1/in2 from the rest, TIU in3 from out1.
    const result = byId(
      selectForSkb({
        formations: one,
        candidates: [cand('in1', 100, 100, 180), cand('in2', 100, 110, 170), cand('in3', 100, 120, 160), cand('out1', 110, 110, 160), cand('out2', 120, 110, 150)],
        preset: SKB_PROCEED_PRESET,
      }).candidates,
    );
    expect([result.in1, result.in2, result.in3, result.out1, result.out2].map((o) => [o!.proceeds, o!.decidedBy])).toEqual([
      [true, 'TKP'],
      [true, 'TKP'],
      [true, 'TIU'],
      [false, 'TIU'],
      [false, 'TKP'],
    ]);
  });

  it('sends all candidates still tied with the last place, so more than 3 × can proceed', () => {
    const result = selectForSkb({
      formations: one,
      candidates: [cand('a', 100, 100, 200), cand('b', 100, 100, 190), cand('c', 100, 100, 180), cand('d', 100, 100, 180), cand('e', 100, 100, 170)],
      preset: SKB_PROCEED_PRESET,
    });
    expect(result.candidates.map((o) => [o.id, o.rank, o.proceeds, o.beyondQuota])).toEqual([
      ['a', 1, true, false],
      ['b', 2, true, false],
      ['c', 3, true, false],
      ['d', 3, true, true],
      ['e', 5, false, false],
    ]);
    expect(result.formations[0]).toMatchObject({ quota: 3, proceeding: 4 });
  });

  it('cannot reach TWK as a decider on real sheets, since equal total, TKP and TIU force equal TWK', () => {
    const result = selectForSkb({
      formations: one,
      candidates: [cand('a', 100, 100, 200), cand('b', 100, 100, 190), cand('c', 90, 110, 180), cand('d', 90, 110, 180)],
      preset: SKB_PROCEED_PRESET,
    });
    expect(result.candidates.map((o) => o.proceeds)).toEqual([true, true, true, true]);
  });

  it('lets TWK decide when the order is configured with TWK first', () => {
    const result = byId(
      selectForSkb({
        formations: one,
        candidates: [cand('a', 100, 100, 200), cand('b', 100, 100, 190), cand('in', 110, 100, 170), cand('out', 100, 100, 180)],
        preset: { ...SKB_PROCEED_PRESET, tieBreakOrder: ['TWK', 'TIU', 'TKP'] },
      }).candidates,
    );
    expect(result.in).toMatchObject({ proceeds: true, decidedBy: 'TWK' });
    expect(result.out).toMatchObject({ proceeds: false, decidedBy: 'TWK' });
  });

  it('leaves decidedBy empty when the cut falls between different totals', () => {
    const result = selectForSkb({
      formations: one,
      candidates: [cand('a', 100, 100, 200), cand('b', 100, 100, 190), cand('c', 100, 100, 180), cand('d', 100, 100, 179)],
      preset: SKB_PROCEED_PRESET,
    });
    expect(result.candidates.map((o) => o.decidedBy)).toEqual([null, null, null, null]);
  });
});

describe('selectForSkb — formations and determinism', () => {
  it('ranks each formation separately', () => {
    const result = selectForSkb({
      formations: [{ id: 'F2', count: 1 }, { id: 'F1', count: 1 }],
      candidates: [cand('x', 100, 100, 200, 'F2'), cand('a', 100, 100, 170, 'F1'), cand('y', 100, 100, 170, 'F2')],
      preset: SKB_PROCEED_PRESET,
    });
    expect(result.candidates.map((o) => [o.formasiId, o.id, o.rank])).toEqual([
      ['F1', 'a', 1],
      ['F2', 'x', 1],
      ['F2', 'y', 2],
    ]);
  });

  it('gives the same result whatever the input order', () => {
    const candidates = Array.from({ length: 40 }, (_, i) => cand(`c${String(i).padStart(2, '0')}`, 60 + (i % 5) * 10, 80 + (i % 3) * 5, 160 + (i % 7) * 5, i % 2 ? 'F1' : 'F2', i % 11 !== 0));
    const formations = [{ id: 'F1', count: 2 }, { id: 'F2', count: 3 }];
    const forward = selectForSkb({ formations, candidates, preset: SKB_PROCEED_PRESET });
    const backward = selectForSkb({ formations: [...formations].reverse(), candidates: [...candidates].reverse(), preset: SKB_PROCEED_PRESET });
    expect(backward).toEqual(forward);
  });

  it('refuses a candidate of an unknown formation, duplicates and a bad count', () => {
    expect(() => selectForSkb({ formations: one, candidates: [cand('a', 1, 1, 1, 'F9')], preset: SKB_PROCEED_PRESET })).toThrow(/F9/);
    expect(() => selectForSkb({ formations: one, candidates: [cand('a', 1, 1, 1), cand('a', 2, 2, 2)], preset: SKB_PROCEED_PRESET })).toThrow(/ganda/);
    expect(() => selectForSkb({ formations: [...one, ...one], candidates: [], preset: SKB_PROCEED_PRESET })).toThrow(/ganda/);
    expect(() => selectForSkb({ formations: [{ id: 'F1', count: 1.5 }], candidates: [], preset: SKB_PROCEED_PRESET })).toThrow(RangeError);
    expect(() => selectForSkb({ formations: one, candidates: [], preset: { ...SKB_PROCEED_PRESET, multiplier: 0 } })).toThrow(RangeError);
  });
});

describe('proceedingByColumns — the same rule on columns', () => {
  const ORDERS: SkdTieBreak[][] = [['TKP', 'TIU', 'TWK'], ['TWK', 'TIU', 'TKP'], ['TIU'], []];

  it('lets the same candidates proceed as selectForSkb, on random rounds full of ties', () => {
    for (let round = 0; round < 300; round += 1) {
      const random = seededRandom(`proceed-${round}`);
      const pick = <T>(items: readonly T[]) => items[random.below(items.length)]!;
      const formations = Array.from({ length: 1 + random.below(4) }, (_, f) => ({ id: `F${f}`, count: random.below(4) }));
      const preset = { multiplier: pick([1, 2, 3, 1.5]), tieBreakOrder: pick(ORDERS) };
      const size = random.below(40);
      // Scores from few values, so that totals and tie-breaks are often equal; -1: no SKD score (not in the competition).
      const people = Array.from({ length: size }, (_, i) => ({
        id: `p${String(i).padStart(2, '0')}`,
        formation: random.below(12) === 0 ? -1 : random.below(formations.length),
        met: random.below(6) > 0,
        twk: pick([65, 70]),
        tiu: pick([80, 85]),
        tkp: pick([166, 170]),
      }));
      const reference = selectForSkb({
        formations,
        candidates: people.filter((p) => p.formation >= 0).map((p) => ({ id: p.id, formasiId: formations[p.formation]!.id, metPassMark: p.met, skd: { total: p.twk + p.tiu + p.tkp, TWK: p.twk, TIU: p.tiu, TKP: p.tkp } })),
        preset,
      });
      const proceeds = proceedingByColumns({
        counts: formations.map((f) => f.count),
        formation: Int32Array.from(people, (p) => p.formation),
        metPassMark: Uint8Array.from(people, (p) => (p.met ? 1 : 0)),
        total: Float64Array.from(people, (p) => p.twk + p.tiu + p.tkp),
        twk: Float64Array.from(people, (p) => p.twk),
        tiu: Float64Array.from(people, (p) => p.tiu),
        tkp: Float64Array.from(people, (p) => p.tkp),
        preset,
      });
      const expected = reference.candidates.filter((o) => o.proceeds).map((o) => o.id).sort();
      expect(people.filter((_, i) => proceeds[i] === 1).map((p) => p.id).sort(), `putaran ${round}`).toEqual(expected);
    }
  });

  it('refuses a multiplier that is not positive, a count that is not a whole number, an unknown formation, columns of another length', () => {
    const columns = { formation: Int32Array.of(0), metPassMark: Uint8Array.of(1), total: Float64Array.of(300), twk: Float64Array.of(80), tiu: Float64Array.of(90), tkp: Float64Array.of(130) };
    expect(() => proceedingByColumns({ ...columns, counts: [1], preset: { ...SKB_PROCEED_PRESET, multiplier: 0 } })).toThrow(/pengali/);
    expect(() => proceedingByColumns({ ...columns, counts: [1.5], preset: SKB_PROCEED_PRESET })).toThrow(/jumlah kebutuhan/);
    expect(() => proceedingByColumns({ ...columns, counts: [], preset: SKB_PROCEED_PRESET })).toThrow(/tidak dikenal/);
    expect(() => proceedingByColumns({ ...columns, tkp: new Float64Array(2), counts: [1], preset: SKB_PROCEED_PRESET })).toThrow(/kolom tkp: 2 nilai untuk 1 peserta/);
    expect(proceedingByColumns({ ...columns, counts: [0], preset: SKB_PROCEED_PRESET })).toEqual(Uint8Array.of(0));
  });
});
