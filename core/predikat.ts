/**
 * SKP performance rating (PermenPANRB 6/2022, domain rules §10): work results and behaviour are
 * each rated against expectations; the pair gives the predikat through a matrix; the
 * organisation's own rating bounds how many of its staff may be rated Baik or better.
 */
import { compare, multiply, ratio, toRational } from './exact.js';

export const RATINGS = ['di_atas', 'sesuai', 'di_bawah'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  di_atas: 'Di Atas Ekspektasi',
  sesuai: 'Sesuai Ekspektasi',
  di_bawah: 'Di Bawah Ekspektasi',
};

/** Best first. */
export const PREDIKATS = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type Predikat = (typeof PREDIKATS)[number];

export const PREDIKAT_LABELS: Readonly<Record<Predikat, string>> = {
  sangat_baik: 'Sangat Baik',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang/Misconduct',
  sangat_kurang: 'Sangat Kurang',
};

/** results → behaviour → predikat. */
export type PredikatMatrix = Readonly<Record<Rating, Readonly<Record<Rating, Predikat>>>>;

// PermenPANRB 6/2022 (matrix as in domain rules §10, from several public implementations; verify
// against the regulation's appendix). Behaviour below expectations means Kurang (misconduct)
// unless results are below too.
export const PREDIKAT_MATRIX: PredikatMatrix = {
  di_atas: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'sangat_baik' },
  sesuai: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'baik' },
  di_bawah: { di_bawah: 'sangat_kurang', sesuai: 'butuh_perbaikan', di_atas: 'butuh_perbaikan' },
};

export interface DeterminePredikatOptions {
  readonly results: Rating;
  readonly behaviour: Rating;
  readonly matrix: PredikatMatrix;
}

export function determinePredikat({ results, behaviour, matrix }: DeterminePredikatOptions): Predikat {
  const predikat = matrix[results]?.[behaviour];
  if (!predikat) throw new RangeError(`penilaian tidak dikenal: hasil kerja ${results}, perilaku ${behaviour}`);
  return predikat;
}

/** Predikat below Baik call for a development plan (coaching, training). */
export function needsDevelopment(predikat: Predikat): boolean {
  return predikat === 'butuh_perbaikan' || predikat === 'kurang' || predikat === 'sangat_kurang';
}

/** Core values ASN BerAKHLAK, the behaviour part of the evaluation. */
export const BERAKHLAK = ['Berorientasi Pelayanan', 'Akuntabel', 'Kompeten', 'Harmonis', 'Loyal', 'Adaptif', 'Kolaboratif'] as const;

export type BerakhlakValue = (typeof BERAKHLAK)[number];

/** Ratings from below to above expectations. */
export const RATING_ORDER: readonly Rating[] = ['di_bawah', 'sesuai', 'di_atas'];

function rankOf(rating: Rating, what: string): number {
  const rank = RATING_ORDER.indexOf(rating);
  if (rank < 0) throw new RangeError(`${what}: penilaian belum diisi atau tidak dikenal`);
  return rank;
}

export interface MedianRatingOptions {
  readonly ratings: readonly Rating[];
  /** Names the ratings in an error ("penilaian perilaku"). */
  readonly what?: string;
}

/**
 * The middle rating of a set. With an even count and two different middle ratings the answer is
 * "sesuai": moving off expectations takes a clear majority (two of four above is not enough).
 */
export function medianRating({ ratings, what = 'penilaian' }: MedianRatingOptions): Rating {
  if (ratings.length === 0) throw new RangeError(`${what}: belum ada yang dinilai`);
  const ranks = ratings.map((rating) => rankOf(rating, what)).sort((a, b) => a - b);
  const low = ranks[Math.floor((ranks.length - 1) / 2)]!;
  const high = ranks[Math.ceil((ranks.length - 1) / 2)]!;
  return low === high ? RATING_ORDER[low]! : 'sesuai';
}

export interface SuggestBehaviourRatingOptions {
  /** One rating per core value. */
  readonly ratings: Readonly<Record<BerakhlakValue, Rating>>;
}

/**
 * The behaviour rating the system suggests: the median of the seven core-value ratings (the 4th
 * of 7 in order below < meets < above). Order-free and needs a clear majority to move off
 * "sesuai" — e.g. four "di_atas" suggest "di_atas", three do not.
 */
export function suggestBehaviourRating({ ratings }: SuggestBehaviourRatingOptions): Rating {
  for (const value of BERAKHLAK) rankOf(ratings[value], value);
  return medianRating({ ratings: BERAKHLAK.map((value) => ratings[value]), what: 'penilaian perilaku' });
}

export interface SupervisorRating {
  readonly rating: Rating;
  readonly suggested: Rating;
  /** The supervisor departed from the suggestion; the form asks for a short reason. */
  readonly needsNote: boolean;
}

function resolveAgainst(suggested: Rating, supervisorRating: Rating): SupervisorRating {
  if (!RATING_ORDER.includes(supervisorRating)) throw new RangeError(`penilaian atasan tidak dikenal: ${supervisorRating}`);
  return { rating: supervisorRating, suggested, needsNote: supervisorRating !== suggested };
}

export interface ResolveBehaviourRatingOptions {
  readonly ratings: Readonly<Record<BerakhlakValue, Rating>>;
  /** The supervisor's overall rating: the official one. */
  readonly supervisorRating: Rating;
}

/**
 * Rule: the supervisor rates behaviour overall, informed by the seven core values (peer and public
 * feedback inform them too, never replace them). The median is only a suggestion shown beside the
 * choice; a different choice stands but needs a note.
 */
export function resolveBehaviourRating({ ratings, supervisorRating }: ResolveBehaviourRatingOptions): SupervisorRating {
  return resolveAgainst(suggestBehaviourRating({ ratings }), supervisorRating);
}

export interface ResolveResultsRatingOptions {
  /** The supervisor's rating of each planned work result (rencana hasil kerja), in any order. */
  readonly itemRatings: readonly Rating[];
  /** The supervisor's overall rating of the results: the official one. */
  readonly supervisorRating: Rating;
}

/**
 * Rule: the work results are rated overall by the supervisor, informed by the rating of each
 * planned result against its indicators and targets. The median of those is the suggestion; a
 * different overall rating stands but needs a note (as for behaviour).
 */
export function resolveResultsRating({ itemRatings, supervisorRating }: ResolveResultsRatingOptions): SupervisorRating {
  return resolveAgainst(medianRating({ ratings: itemRatings, what: 'penilaian hasil kerja' }), supervisorRating);
}

/** The organisation's own performance rating (predikat kinerja organisasi), best first. */
export const ORGANISATION_RATINGS = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type OrganisationRating = (typeof ORGANISATION_RATINGS)[number];

export const ORGANISATION_RATING_LABELS: Readonly<Record<OrganisationRating, string>> = {
  istimewa: 'Istimewa',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang',
  sangat_kurang: 'Sangat Kurang',
};

export interface DistributionBound {
  /** Most staff, in percent, that may be rated Baik or Sangat Baik. */
  readonly maxBaikOrBetterPercent: number;
}

export type DistributionBounds = Readonly<Record<OrganisationRating, DistributionBound>>;

/**
 * Editable defaults. Baik → 70% is domain rules §10. The others are derived from the distribution
 * pattern of PermenPANRB 6/2022 as quoted by public guides: Istimewa caps only Sangat Baik (70%),
 * so no cap here; Butuh Perbaikan needs ≥ 60% rated Butuh Perbaikan → ≤ 40%; Kurang needs ≥ 60%
 * Kurang and ≥ 10% Butuh Perbaikan → ≤ 30%; Sangat Kurang needs ≥ 60% Sangat Kurang and ≥ 10% Kurang
 * or Butuh Perbaikan → ≤ 30%. The pattern's other parts (minimum shares, caps on Sangat Baik alone)
 * are not checked by this bound.
 */
export const DISTRIBUTION_BOUNDS: DistributionBounds = {
  istimewa: { maxBaikOrBetterPercent: 100 },
  baik: { maxBaikOrBetterPercent: 70 },
  butuh_perbaikan: { maxBaikOrBetterPercent: 40 },
  kurang: { maxBaikOrBetterPercent: 30 },
  sangat_kurang: { maxBaikOrBetterPercent: 30 },
};

export interface CheckDistributionOptions {
  readonly organisationRating: OrganisationRating;
  readonly predikats: readonly Predikat[];
  readonly bounds: DistributionBounds;
}

export interface DistributionCheck {
  readonly withinBound: boolean;
  /** Share of staff rated Baik or better, 0–1 (0 when there is nobody). */
  readonly share: number;
  readonly baikOrBetter: number;
  readonly total: number;
  /** The bound, in percent. */
  readonly limit: number;
  /** Most staff that may be Baik or better at the current total (rounded down). */
  readonly allowedBaikOrBetter: number;
  /** Would one more staff member with this predikat break the bound? For a warning before saving. */
  readonly wouldExceedWith: (next: Predikat) => boolean;
}

export const isBaikOrBetter = (predikat: Predikat): boolean => predikat === 'baik' || predikat === 'sangat_baik';

function boundOf(bounds: DistributionBounds, organisationRating: OrganisationRating) {
  const bound = bounds[organisationRating];
  if (!bound) throw new RangeError(`predikat organisasi tidak dikenal: ${organisationRating}`);
  const limit = toRational(bound.maxBaikOrBetterPercent);
  return {
    percent: bound.maxBaikOrBetterPercent,
    fits: (count: number, total: number): boolean => compare(ratio(count * 100), multiply(limit, ratio(total))) <= 0,
    allowed: (total: number): number => {
      const allowed = multiply(limit, ratio(total, 100));
      return Number(allowed.num / allowed.den);
    },
  };
}

/**
 * The share of staff rated Baik or better against the bound for the organisation's rating,
 * compared exactly (count × 100 ≤ limit × total). The server warns with wouldExceedWith while
 * ratings are entered and blocks finalisation when withinBound is false.
 */
export function checkDistribution({ organisationRating, predikats, bounds }: CheckDistributionOptions): DistributionCheck {
  const bound = boundOf(bounds, organisationRating);
  const baikOrBetter = predikats.filter(isBaikOrBetter).length;
  const total = predikats.length;
  return {
    withinBound: bound.fits(baikOrBetter, total),
    share: total === 0 ? 0 : baikOrBetter / total,
    baikOrBetter,
    total,
    limit: bound.percent,
    allowedBaikOrBetter: bound.allowed(total),
    wouldExceedWith: (next) => !bound.fits(baikOrBetter + (isBaikOrBetter(next) ? 1 : 0), total + 1),
  };
}

export interface AllowedBaikOrBetterOptions {
  readonly organisationRating: OrganisationRating;
  readonly bounds: DistributionBounds;
  readonly total: number;
}

/** Most staff of `total` that may be Baik or better under the organisation's rating (rounded down, exact). */
export function allowedBaikOrBetter({ organisationRating, bounds, total }: AllowedBaikOrBetterOptions): number {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`jumlah pegawai tidak valid: ${total}`);
  return boundOf(bounds, organisationRating).allowed(total);
}

export interface DistributionOutlookOptions {
  readonly organisationRating: OrganisationRating;
  readonly bounds: DistributionBounds;
  /** The predikat already given to the period's other staff (not the one being rated). */
  readonly others: readonly Predikat[];
  /** Staff the period will rate in all (its plans); counted as at least others + 1. */
  readonly expectedTotal: number;
  /** The predikat about to be given. */
  readonly next: Predikat;
}

export type DistributionOutlookLevel = 'within' | 'last_place' | 'exceeds';

export interface DistributionOutlook {
  /**
   * within: room remains; last_place: this rating takes the last place for Baik or better;
   * exceeds: with it the period holds more Baik-or-better than its total allows, so finalisation
   * will be refused until a rating changes.
   */
  readonly level: DistributionOutlookLevel;
  readonly baikOrBetterAfter: number;
  /** Most staff that may be Baik or better once the expected total is rated. */
  readonly allowedBaikOrBetter: number;
  readonly total: number;
  readonly limit: number;
}

/**
 * The warning shown while a supervisor rates, before the bound is exceeded. Judged against the
 * period's whole staff (every plan will be rated before finalisation), not against those rated so
 * far: the count of Baik or better only grows as ratings come in, so a count above what the full
 * total allows can only be cured by changing a rating.
 */
export function distributionOutlook({ organisationRating, bounds, others, expectedTotal, next }: DistributionOutlookOptions): DistributionOutlook {
  const bound = boundOf(bounds, organisationRating);
  if (!Number.isInteger(expectedTotal) || expectedTotal < 0) throw new RangeError(`jumlah pegawai tidak valid: ${expectedTotal}`);
  const total = Math.max(expectedTotal, others.length + 1);
  const baikOrBetterAfter = others.filter(isBaikOrBetter).length + (isBaikOrBetter(next) ? 1 : 0);
  const allowedBaikOrBetter = bound.allowed(total);
  const level: DistributionOutlookLevel = !bound.fits(baikOrBetterAfter, total)
    ? 'exceeds'
    : isBaikOrBetter(next) && baikOrBetterAfter === allowedBaikOrBetter
      ? 'last_place'
      : 'within';
  return { level, baikOrBetterAfter, allowedBaikOrBetter, total, limit: bound.percent };
}
