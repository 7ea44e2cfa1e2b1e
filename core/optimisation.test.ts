import { describe, expect, it } from 'vitest';
import { nextOffers, OFFER_BASIS_LABELS, OPTIMISATION_PRESET, type OfferDecision, type OptimisationCandidate, type OptimisationFormation } from './optimisation.js';
import { RANKING_PRESET } from './ranking.js';

function formation(id: string, over: Partial<OptimisationFormation> = {}): OptimisationFormation {
  return { id, agencyId: 'PEMKAB', unitId: 'DINKES', positionId: 'PRANATA_KOMPUTER', educationId: 'S1_INFORMATIKA', kind: 'umum', unfilled: 1, ...over };
}

function candidate(registrationNumber: string, final: number, over: Partial<OptimisationCandidate> = {}): OptimisationCandidate {
  return {
    registrationNumber,
    final,
    skdTotal: 400,
    tkp: 180,
    tiu: 120,
    twk: 100,
    ipk: 3.5,
    birthDate: '1995-01-01',
    formasiId: 'F-DINKES',
    agencyId: 'PEMKAB',
    unitId: 'DINKES',
    positionId: 'PRANATA_KOMPUTER',
    educationId: 'S1_INFORMATIKA',
    kind: 'umum',
    ...over,
  };
}

function offers(formations: OptimisationFormation[], candidates: OptimisationCandidate[], decisions: OfferDecision[] = [], preset = OPTIMISATION_PRESET) {
  return nextOffers({ formations, candidates, decisions, preset, rankingPreset: RANKING_PRESET });
}

describe('nextOffers — who may be offered a place', () => {
  it('offers only candidates with the same education, even when another has a better rank', () => {
    const result = offers([formation('F1')], [candidate('A', 90, { educationId: 'S1_SISTEM_INFORMASI' }), candidate('B', 70)]);
    expect(result.offers).toEqual([{ registrationNumber: 'B', formasiId: 'F1', basis: 'same_unit' }]);
  });

  it('offers only candidates for the same position and the same agency', () => {
    const result = offers([formation('F1')], [candidate('A', 90, { positionId: 'ANALIS_DATA' }), candidate('B', 85, { agencyId: 'PEMKOT' })]);
    expect(result.offers).toEqual([]);
    expect(result.places).toEqual([{ formasiId: 'F1', unfilled: 1, accepted: 0, pending: 0, offeredNow: 0, uncovered: 1 }]);
  });

  it('offers the best-ranked candidate first', () => {
    expect(offers([formation('F1')], [candidate('A', 70), candidate('B', 80), candidate('C', 75)]).offers.map((o) => o.registrationNumber)).toEqual(['B']);
  });

  it('breaks equal final scores with the ranking chain (here TKP)', () => {
    expect(offers([formation('F1')], [candidate('A', 80, { tkp: 170 }), candidate('B', 80, { tkp: 190 })]).offers[0]!.registrationNumber).toBe('B');
  });

  it('makes one offer per unfilled place, best ranks first', () => {
    const result = offers([formation('F1', { unfilled: 2 })], [candidate('A', 70), candidate('B', 80), candidate('C', 75)]);
    expect(result.offers.map((o) => o.registrationNumber)).toEqual(['B', 'C']);
    expect(result.places[0]).toMatchObject({ offeredNow: 2, uncovered: 0 });
  });

  it('prefers a candidate of the same unit over a better one from another unit', () => {
    const result = offers([formation('F1')], [candidate('A', 90, { unitId: 'DISDIK' }), candidate('B', 70)]);
    expect(result.offers).toEqual([{ registrationNumber: 'B', formasiId: 'F1', basis: 'same_unit' }]);
  });

  it('takes a candidate from another placement unit of the same agency when its own unit has none', () => {
    const result = offers([formation('F1')], [candidate('A', 90, { unitId: 'DISDIK' })]);
    expect(result.offers).toEqual([{ registrationNumber: 'A', formasiId: 'F1', basis: 'other_unit' }]);
  });

  it('does not let another unit take a candidate whose own unit still has a place for them', () => {
    // A (DINKES) could fill either; F-DINKES must get A, F-DISDIK gets the DISDIK candidate B.
    const result = offers(
      [formation('F-A-DISDIK', { unitId: 'DISDIK' }), formation('F-B-DINKES', { unitId: 'DINKES' })],
      [candidate('A', 90, { unitId: 'DINKES' }), candidate('B', 60, { unitId: 'DISDIK' })],
    );
    expect(result.offers).toEqual([
      { registrationNumber: 'A', formasiId: 'F-B-DINKES', basis: 'same_unit' },
      { registrationNumber: 'B', formasiId: 'F-A-DISDIK', basis: 'same_unit' },
    ]);
  });

  it('gives a candidate who suits two open formations only one offer, to the lowest formation id', () => {
    const result = offers([formation('F2', { unitId: 'X' }), formation('F1', { unitId: 'Y' })], [candidate('A', 90), candidate('B', 80)]);
    expect(result.offers).toEqual([
      { registrationNumber: 'A', formasiId: 'F1', basis: 'other_unit' },
      { registrationNumber: 'B', formasiId: 'F2', basis: 'other_unit' },
    ]);
  });
});

describe('nextOffers — special formations', () => {
  it('fills an empty special formation with a general candidate', () => {
    const result = offers([formation('F-DIS', { kind: 'disabilitas' })], [candidate('A', 80)]);
    expect(result.offers).toEqual([{ registrationNumber: 'A', formasiId: 'F-DIS', basis: 'general_same_unit' }]);
    expect(OFFER_BASIS_LABELS.general_same_unit).toMatch(/formasi umum/);
  });

  it('offers a special formation to candidates of the same kind before general ones, even better-ranked general ones', () => {
    const result = offers([formation('F-CUM', { kind: 'cumlaude' })], [candidate('G', 95), candidate('C', 70, { kind: 'cumlaude', unitId: 'DISDIK' })]);
    expect(result.offers).toEqual([{ registrationNumber: 'C', formasiId: 'F-CUM', basis: 'other_unit' }]);
  });

  it('takes a general candidate from another unit when needed', () => {
    expect(offers([formation('F-DIS', { kind: 'disabilitas' })], [candidate('A', 80, { unitId: 'DISDIK' })]).offers[0]!.basis).toBe('general_other_unit');
  });

  it('leaves a special formation empty when the preset forbids general candidates', () => {
    const result = offers([formation('F-DIS', { kind: 'disabilitas' })], [candidate('A', 80)], [], { ...OPTIMISATION_PRESET, specialMayTakeGeneral: false });
    expect(result.offers).toEqual([]);
    expect(result.places[0]!.uncovered).toBe(1);
  });

  it('does not put a special-formation candidate into a general formation', () => {
    expect(offers([formation('F1')], [candidate('A', 80, { kind: 'cumlaude' })]).offers).toEqual([]);
  });
});

describe('nextOffers — stepping through decisions', () => {
  const formations = [formation('F1')];
  const pool = [candidate('A', 90), candidate('B', 80), candidate('C', 70)];

  it('offers the next candidate when the first declines', () => {
    expect(offers(formations, pool, [{ registrationNumber: 'A', formasiId: 'F1', status: 'declined' }]).offers).toEqual([
      { registrationNumber: 'B', formasiId: 'F1', basis: 'same_unit' },
    ]);
  });

  it('offers the next candidate when an offer expires', () => {
    expect(offers(formations, pool, [{ registrationNumber: 'A', formasiId: 'F1', status: 'expired' }]).offers[0]!.registrationNumber).toBe('B');
  });

  it('walks down the list as offers keep being declined or expiring', () => {
    const decisions: OfferDecision[] = [
      { registrationNumber: 'A', formasiId: 'F1', status: 'declined' },
      { registrationNumber: 'B', formasiId: 'F1', status: 'expired' },
    ];
    expect(offers(formations, pool, decisions).offers[0]!.registrationNumber).toBe('C');
  });

  it('makes no new offer while one is pending for the place', () => {
    const result = offers(formations, pool, [{ registrationNumber: 'A', formasiId: 'F1', status: 'pending' }]);
    expect(result.offers).toEqual([]);
    expect(result.places).toEqual([{ formasiId: 'F1', unfilled: 1, accepted: 0, pending: 1, offeredNow: 0, uncovered: 0 }]);
  });

  it('makes no new offer once the place is accepted', () => {
    const result = offers(formations, pool, [{ registrationNumber: 'B', formasiId: 'F1', status: 'accepted' }]);
    expect(result.offers).toEqual([]);
    expect(result.places[0]).toMatchObject({ accepted: 1, uncovered: 0 });
  });

  it('never offers a declined candidate a different formation', () => {
    const result = offers([formation('F1'), formation('F2', { unitId: 'DISDIK' })], [candidate('A', 90)], [{ registrationNumber: 'A', formasiId: 'F1', status: 'declined' }]);
    expect(result.offers).toEqual([]);
  });

  it('reports uncovered places when nobody is left', () => {
    const decisions: OfferDecision[] = pool.map((c) => ({ registrationNumber: c.registrationNumber, formasiId: 'F1', status: 'declined' }));
    const result = offers([formation('F1', { unfilled: 2 })], pool, decisions);
    expect(result.offers).toEqual([]);
    expect(result.places).toEqual([{ formasiId: 'F1', unfilled: 2, accepted: 0, pending: 0, offeredNow: 0, uncovered: 2 }]);
  });

  it('lists only formations with unfilled places', () => {
    expect(offers([formation('F1', { unfilled: 0 })], pool).places).toEqual([]);
  });
});

describe('nextOffers — determinism and refusals', () => {
  it('gives the same offers whatever the input order', () => {
    const formations = [formation('F1', { unfilled: 2 }), formation('F2', { unitId: 'DISDIK' }), formation('F3', { kind: 'disabilitas', unitId: 'DISDIK' })];
    const candidates = [
      candidate('A', 90),
      candidate('B', 85, { unitId: 'DISDIK' }),
      candidate('C', 85, { unitId: 'DISDIK', tkp: 200 }),
      candidate('D', 70, { kind: 'disabilitas' }),
      candidate('E', 60),
      candidate('F', 99, { educationId: 'D3' }),
    ];
    const decisions: OfferDecision[] = [{ registrationNumber: 'E', formasiId: 'F1', status: 'declined' }];
    const forward = offers(formations, candidates, decisions);
    const backward = offers([...formations].reverse(), [...candidates].reverse(), decisions);
    expect(backward).toEqual(forward);
    expect(forward.offers).toEqual([
      { registrationNumber: 'A', formasiId: 'F1', basis: 'same_unit' },
      { registrationNumber: 'C', formasiId: 'F2', basis: 'same_unit' },
      { registrationNumber: 'B', formasiId: 'F1', basis: 'other_unit' },
      { registrationNumber: 'D', formasiId: 'F3', basis: 'other_unit' },
    ]);
  });

  it('refuses a decision for an unknown formation and more accepted or pending offers than places', () => {
    expect(() => offers([formation('F1')], [], [{ registrationNumber: 'A', formasiId: 'F9', status: 'pending' }])).toThrow(/F9/);
    expect(() =>
      offers(
        [formation('F1')],
        [],
        [
          { registrationNumber: 'A', formasiId: 'F1', status: 'accepted' },
          { registrationNumber: 'B', formasiId: 'F1', status: 'pending' },
        ],
      ),
    ).toThrow(/melebihi kekosongan/);
  });

  it('refuses duplicate candidates and formations and a negative number of places', () => {
    expect(() => offers([formation('F1')], [candidate('A', 1), candidate('A', 2)])).toThrow(/ganda/);
    expect(() => offers([formation('F1'), formation('F1')], [])).toThrow(/ganda/);
    expect(() => offers([formation('F1', { unfilled: -1 })], [])).toThrow(RangeError);
  });
});
