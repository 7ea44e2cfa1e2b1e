import { describe, expect, it } from 'vitest';
import {
  allowedBaikOrBetter,
  BERAKHLAK,
  checkDistribution,
  determinePredikat,
  distributionOutlook,
  DISTRIBUTION_BOUNDS,
  isBaikOrBetter,
  medianRating,
  ORGANISATION_RATINGS,
  PREDIKATS,
  RATINGS,
  resolveResultsRating,
  needsDevelopment,
  PREDIKAT_LABELS,
  PREDIKAT_MATRIX,
  resolveBehaviourRating,
  suggestBehaviourRating,
  type BerakhlakValue,
  type OrganisationRating,
  type Predikat,
  type Rating,
} from './predikat.js';

function allRated(rating: Rating, overrides: Partial<Record<BerakhlakValue, Rating>> = {}): Record<BerakhlakValue, Rating> {
  return { ...(Object.fromEntries(BERAKHLAK.map((v) => [v, rating])) as Record<BerakhlakValue, Rating>), ...overrides };
}

function staff(counts: Partial<Record<Predikat, number>>): Predikat[] {
  return Object.entries(counts).flatMap(([predikat, n]) => new Array<Predikat>(n).fill(predikat as Predikat));
}

describe('determinePredikat — the PermenPANRB 6/2022 matrix', () => {
  const table: [Rating, Rating, string][] = [
    ['di_atas', 'di_atas', 'Sangat Baik'],
    ['di_atas', 'sesuai', 'Baik'],
    ['di_atas', 'di_bawah', 'Kurang/Misconduct'],
    ['sesuai', 'di_atas', 'Baik'],
    ['sesuai', 'sesuai', 'Baik'],
    ['sesuai', 'di_bawah', 'Kurang/Misconduct'],
    ['di_bawah', 'di_atas', 'Butuh Perbaikan'],
    ['di_bawah', 'sesuai', 'Butuh Perbaikan'],
    ['di_bawah', 'di_bawah', 'Sangat Kurang'],
  ];
  for (const [results, behaviour, label] of table) {
    it(`rates results ${results} with behaviour ${behaviour} as ${label}`, () => {
      expect(PREDIKAT_LABELS[determinePredikat({ results, behaviour, matrix: PREDIKAT_MATRIX })]).toBe(label);
    });
  }

  it('refuses an unknown rating', () => {
    expect(() => determinePredikat({ results: 'luar_biasa' as Rating, behaviour: 'sesuai', matrix: PREDIKAT_MATRIX })).toThrow(RangeError);
    expect(() => determinePredikat({ results: 'sesuai', behaviour: '' as Rating, matrix: PREDIKAT_MATRIX })).toThrow(RangeError);
  });

  it('defines all nine cells, each a known predikat, and every predikat is reachable', () => {
    const cells = RATINGS.flatMap((results) => RATINGS.map((behaviour) => determinePredikat({ results, behaviour, matrix: PREDIKAT_MATRIX })));
    expect(cells).toHaveLength(9);
    for (const cell of cells) expect(PREDIKATS).toContain(cell);
    expect(new Set(cells)).toEqual(new Set(PREDIKATS));
  });

  it('never rates better when results or behaviour get worse (the matrix is monotone)', () => {
    const rank = (p: Predikat) => PREDIKATS.indexOf(p); // 0 is best
    const order = ['di_bawah', 'sesuai', 'di_atas'] as const;
    for (let r = 1; r < 3; r += 1) {
      for (const behaviour of RATINGS) {
        const better = determinePredikat({ results: order[r]!, behaviour, matrix: PREDIKAT_MATRIX });
        const worse = determinePredikat({ results: order[r - 1]!, behaviour, matrix: PREDIKAT_MATRIX });
        expect(rank(worse)).toBeGreaterThanOrEqual(rank(better));
      }
    }
    // Behaviour below expectations is misconduct (Kurang) unless results are below too.
    for (const results of ['di_atas', 'sesuai'] as const) expect(determinePredikat({ results, behaviour: 'di_bawah', matrix: PREDIKAT_MATRIX })).toBe('kurang');
  });

  it('follows an edited matrix', () => {
    const matrix = { ...PREDIKAT_MATRIX, sesuai: { ...PREDIKAT_MATRIX.sesuai, di_atas: 'sangat_baik' as const } };
    expect(determinePredikat({ results: 'sesuai', behaviour: 'di_atas', matrix })).toBe('sangat_baik');
  });
});

describe('medianRating and the results rating', () => {
  it('takes the middle of an odd count', () => {
    expect(medianRating({ ratings: ['di_atas'] })).toBe('di_atas');
    expect(medianRating({ ratings: ['di_bawah', 'di_atas', 'di_atas'] })).toBe('di_atas');
    expect(medianRating({ ratings: ['di_bawah', 'di_bawah', 'di_atas'] })).toBe('di_bawah');
  });

  it('needs a clear majority with an even count: two middle ratings that differ give sesuai', () => {
    expect(medianRating({ ratings: ['di_atas', 'di_atas'] })).toBe('di_atas');
    expect(medianRating({ ratings: ['di_atas', 'sesuai'] })).toBe('sesuai');
    expect(medianRating({ ratings: ['di_bawah', 'di_atas'] })).toBe('sesuai');
    expect(medianRating({ ratings: ['di_bawah', 'di_bawah', 'sesuai', 'di_atas'] })).toBe('sesuai');
    expect(medianRating({ ratings: ['di_bawah', 'di_bawah', 'di_bawah', 'di_atas'] })).toBe('di_bawah');
  });

  it('refuses an empty set and an unknown rating', () => {
    expect(() => medianRating({ ratings: [], what: 'penilaian hasil kerja' })).toThrow(/penilaian hasil kerja: belum ada/);
    expect(() => medianRating({ ratings: ['sesuai', 'hebat' as Rating] })).toThrow(RangeError);
  });

  it('keeps the supervisor’s overall results rating and asks for a note when it departs from the median of the planned results', () => {
    expect(resolveResultsRating({ itemRatings: ['sesuai', 'di_atas', 'di_atas'], supervisorRating: 'di_atas' })).toEqual({ rating: 'di_atas', suggested: 'di_atas', needsNote: false });
    expect(resolveResultsRating({ itemRatings: ['di_bawah', 'di_bawah', 'sesuai'], supervisorRating: 'sesuai' })).toEqual({ rating: 'sesuai', suggested: 'di_bawah', needsNote: true });
    expect(() => resolveResultsRating({ itemRatings: [], supervisorRating: 'sesuai' })).toThrow(RangeError);
  });
});

describe('needsDevelopment', () => {
  it('is true below Baik and false for Baik and Sangat Baik', () => {
    expect((['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as Predikat[]).map(needsDevelopment)).toEqual([false, false, true, true, true]);
  });
});

describe('BerAKHLAK behaviour', () => {
  it('lists the seven core values in order', () => {
    expect(BERAKHLAK).toEqual(['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif']);
  });

  it('suggests the rating all seven share', () => {
    expect(suggestBehaviourRating({ ratings: allRated('sesuai') })).toBe('sesuai');
    expect(suggestBehaviourRating({ ratings: allRated('di_bawah') })).toBe('di_bawah');
  });

  it('suggests di_atas when four of seven are above expectations, not when three are', () => {
    const four = allRated('sesuai', { Akuntabel: 'di_atas', Kompeten: 'di_atas', Loyal: 'di_atas', Adaptif: 'di_atas' });
    const three = allRated('sesuai', { Akuntabel: 'di_atas', Kompeten: 'di_atas', Loyal: 'di_atas' });
    expect(suggestBehaviourRating({ ratings: four })).toBe('di_atas');
    expect(suggestBehaviourRating({ ratings: three })).toBe('sesuai');
  });

  it('suggests sesuai for three above, one meets, three below (the median)', () => {
    const mixed = allRated('di_atas', { Harmonis: 'sesuai', Loyal: 'di_bawah', Adaptif: 'di_bawah', Kolaboratif: 'di_bawah' });
    expect(suggestBehaviourRating({ ratings: mixed })).toBe('sesuai');
  });

  it('refuses a missing core value, naming it', () => {
    const missing = { ...allRated('sesuai') } as Partial<Record<BerakhlakValue, Rating>>;
    delete missing.Kolaboratif;
    expect(() => suggestBehaviourRating({ ratings: missing as Record<BerakhlakValue, Rating> })).toThrow(/Kolaboratif/);
  });

  it('keeps the supervisor’s overall rating and asks for a note only when it departs from the suggestion', () => {
    expect(resolveBehaviourRating({ ratings: allRated('sesuai'), supervisorRating: 'sesuai' })).toEqual({ rating: 'sesuai', suggested: 'sesuai', needsNote: false });
    expect(resolveBehaviourRating({ ratings: allRated('sesuai'), supervisorRating: 'di_atas' })).toEqual({ rating: 'di_atas', suggested: 'sesuai', needsNote: true });
  });

  it('refuses an unknown supervisor rating', () => {
    expect(() => resolveBehaviourRating({ ratings: allRated('sesuai'), supervisorRating: 'hebat' as Rating })).toThrow(RangeError);
  });
});

describe('checkDistribution — the organisation’s rating bounds Baik or better', () => {
  const check = (organisationRating: OrganisationRating, predikats: Predikat[]) => checkDistribution({ organisationRating, predikats, bounds: DISTRIBUTION_BOUNDS });

  it('allows exactly 70% Baik or better in an organisation rated Baik', () => {
    const result = check('baik', staff({ sangat_baik: 2, baik: 5, butuh_perbaikan: 3 }));
    expect(result).toMatchObject({ withinBound: true, share: 0.7, baikOrBetter: 7, total: 10, limit: 70, allowedBaikOrBetter: 7 });
  });

  it('flags 80% Baik or better in an organisation rated Baik', () => {
    expect(check('baik', staff({ baik: 8, kurang: 2 }))).toMatchObject({ withinBound: false, share: 0.8 });
  });

  it('warns before the next Baik would break the bound, but not for a lower predikat', () => {
    const result = check('baik', staff({ baik: 7, butuh_perbaikan: 3 }));
    expect(result.wouldExceedWith('baik')).toBe(true); // 8 of 11 = 72.7%
    expect(result.wouldExceedWith('sangat_baik')).toBe(true);
    expect(result.wouldExceedWith('butuh_perbaikan')).toBe(false); // 7 of 11 = 63.6%
  });

  it('allows a Baik once the organisation has enough staff below Baik', () => {
    expect(check('baik', staff({ baik: 6, butuh_perbaikan: 4 })).wouldExceedWith('baik')).toBe(false); // 7 of 11
  });

  it('rounds the allowed count down (7 staff, 70% → 4)', () => {
    expect(check('baik', staff({ butuh_perbaikan: 7 })).allowedBaikOrBetter).toBe(4);
  });

  it('puts no bound on an organisation rated Istimewa', () => {
    expect(check('istimewa', staff({ sangat_baik: 10 })).withinBound).toBe(true);
  });

  it('bounds Butuh Perbaikan at 40% and Kurang and Sangat Kurang at 30%', () => {
    expect(check('butuh_perbaikan', staff({ baik: 4, butuh_perbaikan: 6 })).withinBound).toBe(true);
    expect(check('butuh_perbaikan', staff({ baik: 5, butuh_perbaikan: 5 })).withinBound).toBe(false);
    expect(check('kurang', staff({ baik: 3, kurang: 7 })).withinBound).toBe(true);
    expect(check('sangat_kurang', staff({ baik: 4, sangat_kurang: 6 })).withinBound).toBe(false);
  });

  it('is within bound with nobody rated yet, and warns that a first Baik alone would be 100%', () => {
    const result = check('baik', []);
    expect(result).toMatchObject({ withinBound: true, share: 0, total: 0, allowedBaikOrBetter: 0 });
    expect(result.wouldExceedWith('baik')).toBe(true);
  });

  it('compares a decimal bound exactly (33.3%: 333 of 1000 fits, 334 does not)', () => {
    const bounds = { ...DISTRIBUTION_BOUNDS, baik: { maxBaikOrBetterPercent: 33.3 } };
    expect(checkDistribution({ organisationRating: 'baik', predikats: staff({ baik: 333, kurang: 667 }), bounds }).withinBound).toBe(true);
    expect(checkDistribution({ organisationRating: 'baik', predikats: staff({ baik: 334, kurang: 666 }), bounds }).withinBound).toBe(false);
  });

  it('uses an edited bound table', () => {
    const bounds = { ...DISTRIBUTION_BOUNDS, baik: { maxBaikOrBetterPercent: 80 } };
    expect(checkDistribution({ organisationRating: 'baik', predikats: staff({ baik: 8, kurang: 2 }), bounds }).withinBound).toBe(true);
  });

  it('refuses an unknown organisation rating', () => {
    expect(() => check('cemerlang' as OrganisationRating, [])).toThrow(RangeError);
  });

  it('counts only Sangat Baik and Baik against the bound', () => {
    expect(PREDIKATS.filter(isBaikOrBetter)).toEqual(['sangat_baik', 'baik']);
    expect(check('baik', staff({ butuh_perbaikan: 4, kurang: 3, sangat_kurang: 3 }))).toMatchObject({ withinBound: true, baikOrBetter: 0 });
  });

  it('agrees with count × 100 ≤ bound × total for every organisation rating, every total up to 40 and every count', () => {
    for (const rating of ORGANISATION_RATINGS) {
      const limit = DISTRIBUTION_BOUNDS[rating].maxBaikOrBetterPercent;
      for (let total = 0; total <= 40; total += 1) {
        for (let good = 0; good <= total; good += 1) {
          const result = check(rating, staff({ baik: good, butuh_perbaikan: total - good }));
          expect({ rating, total, good, within: result.withinBound }).toEqual({ rating, total, good, within: good * 100 <= limit * total });
          expect(result.allowedBaikOrBetter).toBe(Math.floor((limit * total) / 100));
        }
      }
    }
  });
});

describe('distributionOutlook — the warning before the bound is exceeded', () => {
  const outlook = (others: Predikat[], expectedTotal: number, next: Predikat, organisationRating: OrganisationRating = 'baik') =>
    distributionOutlook({ organisationRating, bounds: DISTRIBUTION_BOUNDS, others, expectedTotal, next });

  it('judges against the whole period: the first Baik of ten is within the bound', () => {
    expect(outlook([], 10, 'baik')).toEqual({ level: 'within', baikOrBetterAfter: 1, allowedBaikOrBetter: 7, total: 10, limit: 70 });
  });

  it('says when a rating takes the last Baik-or-better place (the 7th of 10)', () => {
    expect(outlook(staff({ baik: 6 }), 10, 'sangat_baik')).toMatchObject({ level: 'last_place', baikOrBetterAfter: 7, allowedBaikOrBetter: 7 });
  });

  it('warns that the 8th Baik of 10 exceeds the bound, however few are rated yet', () => {
    expect(outlook(staff({ baik: 7 }), 10, 'baik')).toMatchObject({ level: 'exceeds', baikOrBetterAfter: 8 });
  });

  it('never warns for a predikat below Baik, even when the period is already over the bound', () => {
    for (const next of ['butuh_perbaikan', 'kurang', 'sangat_kurang'] as const) {
      expect(outlook(staff({ baik: 6 }), 10, next).level).toBe('within');
    }
    expect(outlook(staff({ baik: 9 }), 10, 'kurang').level).toBe('exceeds');
  });

  it('counts the total as at least those rated plus this one', () => {
    expect(outlook(staff({ baik: 2, kurang: 1 }), 0, 'baik')).toMatchObject({ total: 4, allowedBaikOrBetter: 2, level: 'exceeds' });
  });

  it('agrees with checkDistribution on the full period for every position of the next rating', () => {
    for (let total = 1; total <= 20; total += 1) {
      for (let good = 0; good < total; good += 1) {
        const others = staff({ baik: good, kurang: total - 1 - good });
        const result = outlook(others, total, 'baik');
        const whole = checkDistribution({ organisationRating: 'baik', predikats: [...others, 'baik'], bounds: DISTRIBUTION_BOUNDS });
        expect({ total, good, exceeds: result.level === 'exceeds' }).toEqual({ total, good, exceeds: !whole.withinBound });
        if (result.level === 'last_place') expect(whole.baikOrBetter).toBe(whole.allowedBaikOrBetter);
      }
    }
  });

  it('puts no warning on an organisation rated Istimewa and refuses a bad total or rating', () => {
    expect(outlook(staff({ sangat_baik: 9 }), 10, 'sangat_baik', 'istimewa').level).toBe('last_place');
    expect(() => outlook([], -1, 'baik')).toThrow(RangeError);
    expect(() => outlook([], 1.5, 'baik')).toThrow(RangeError);
    expect(() => outlook([], 3, 'baik', 'cemerlang' as OrganisationRating)).toThrow(RangeError);
  });
});

describe('allowedBaikOrBetter', () => {
  it('rounds the bound share of the total down, exactly', () => {
    expect(allowedBaikOrBetter({ organisationRating: 'baik', bounds: DISTRIBUTION_BOUNDS, total: 10 })).toBe(7);
    expect(allowedBaikOrBetter({ organisationRating: 'baik', bounds: DISTRIBUTION_BOUNDS, total: 9 })).toBe(6); // 6.3
    expect(allowedBaikOrBetter({ organisationRating: 'kurang', bounds: DISTRIBUTION_BOUNDS, total: 10 })).toBe(3);
    expect(allowedBaikOrBetter({ organisationRating: 'istimewa', bounds: DISTRIBUTION_BOUNDS, total: 13 })).toBe(13);
    expect(allowedBaikOrBetter({ organisationRating: 'baik', bounds: DISTRIBUTION_BOUNDS, total: 0 })).toBe(0);
  });

  it('refuses a negative or fractional total', () => {
    expect(() => allowedBaikOrBetter({ organisationRating: 'baik', bounds: DISTRIBUTION_BOUNDS, total: -1 })).toThrow(RangeError);
    expect(() => allowedBaikOrBetter({ organisationRating: 'baik', bounds: DISTRIBUTION_BOUNDS, total: 2.5 })).toThrow(RangeError);
  });
});
