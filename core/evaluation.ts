/**
 * Performance evaluation (SKP, PermenPANRB 6/2022, domain rules §10) around the predikat of
 * predikat.ts: the periods (quarterly and annual), the plan's way from draft to agreement, what may
 * be done in each state, the public's desk feedback against the agency's threshold, what blocks a
 * period's finalisation and which competency a development recommendation is for.
 */
import { formatCalendarDate, type IsoDate } from './calendar-date.js';
import { compare, ratio, roundHalfUp, toRational } from './exact.js';
import {
  BERAKHLAK,
  checkDistribution,
  type DistributionOutlook,
  ORGANISATION_RATING_LABELS,
  PREDIKAT_LABELS,
  type BerakhlakValue,
  type DistributionBounds,
  type OrganisationRating,
  type Predikat,
  type Rating,
} from './predikat.js';

// ---- periods -------------------------------------------------------------------------------------

export const PERIOD_KINDS = ['triwulan', 'tahunan'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Readonly<Record<PeriodKind, string>> = { triwulan: 'Triwulan', tahunan: 'Tahunan' };

export const PERIOD_STATUSES = ['open', 'finalised'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const PERIOD_STATUS_LABELS: Readonly<Record<PeriodStatus, string>> = { open: 'Berjalan', finalised: 'Final' };

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export interface PeriodRangeOptions {
  readonly kind: PeriodKind;
  readonly year: number;
  /** 1–4 for a quarterly period; absent for an annual one. */
  readonly quarter?: number | null;
}

export interface PeriodRange {
  readonly name: string;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
}

/** The calendar quarter or year a period covers and its name ("Triwulan II 2026", "Tahunan 2026"). */
export function periodRange({ kind, year, quarter }: PeriodRangeOptions): PeriodRange {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`tahun periode tidak valid: ${year}`);
  if (kind === 'tahunan') {
    if (quarter != null) throw new RangeError('periode tahunan tidak memiliki triwulan');
    return { name: `Tahunan ${year}`, startsOn: formatCalendarDate({ year, month: 1, day: 1 }), endsOn: formatCalendarDate({ year, month: 12, day: 31 }) };
  }
  if (kind !== 'triwulan') throw new RangeError(`jenis periode tidak dikenal: ${String(kind)}`);
  if (quarter == null || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`triwulan harus 1–4, bukan ${String(quarter)}`);
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    name: `Triwulan ${ROMAN[quarter - 1]} ${year}`,
    startsOn: formatCalendarDate({ year, month: firstMonth, day: 1 }),
    endsOn: formatCalendarDate({ year, month: lastMonth, day: lastDay }),
  };
}

// ---- the plan (rencana hasil kerja) and what each state allows --------------------------------------

export const PLAN_STATUSES = ['draft', 'submitted', 'agreed', 'returned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Readonly<Record<PlanStatus, string>> = {
  draft: 'Draf',
  submitted: 'Menunggu persetujuan atasan',
  agreed: 'Disepakati',
  returned: 'Dikembalikan untuk diperbaiki',
};

export const PLAN_MAX_ITEMS = 15;
export const PLAN_MAX_INDICATORS = 5;

/** edit/submit/realise: the employee; agree/return/rate: the supervisor; note: either. */
export type PlanAction = 'edit' | 'submit' | 'agree' | 'return' | 'realise' | 'rate' | 'note';

export interface PlanActionProblemOptions {
  readonly action: PlanAction;
  readonly planStatus: PlanStatus;
  readonly periodStatus: PeriodStatus;
}

/** Why the action cannot be done now (an Indonesian sentence), or null when it can. */
export function planActionProblem({ action, planStatus, periodStatus }: PlanActionProblemOptions): string | null {
  if (periodStatus === 'finalised') return 'Periode penilaian sudah difinalisasi; rencana, realisasi, catatan dan penilaian tidak dapat diubah lagi.';
  switch (action) {
    case 'edit':
    case 'submit':
      if (planStatus === 'submitted') return 'Rencana hasil kerja sedang menunggu persetujuan atasan.';
      if (planStatus === 'agreed') return 'Rencana hasil kerja sudah disepakati dengan atasan dan tidak dapat diubah.';
      return null;
    case 'agree':
    case 'return':
      return planStatus === 'submitted' ? null : 'Hanya rencana yang sudah diajukan pegawai yang dapat disetujui atau dikembalikan.';
    case 'realise':
      return planStatus === 'agreed' ? null : 'Realisasi diisi setelah rencana hasil kerja disepakati dengan atasan.';
    case 'rate':
      return planStatus === 'agreed' ? null : 'Penilaian diberikan setelah rencana hasil kerja disepakati.';
    case 'note':
      return null;
    default:
      throw new RangeError(`tindakan tidak dikenal: ${String(action)}`);
  }
}

// ---- public feedback at the service desk -----------------------------------------------------------

/** Desk feedback uses the IKM's four-point answer scale (PermenPANRB 14/2017), so its index reads like an IKM. */
export const DESK_SCORES = [1, 2, 3, 4] as const;
export type DeskScore = (typeof DESK_SCORES)[number];
export const DESK_SCORE_LABELS: Readonly<Record<DeskScore, string>> = { 1: 'Tidak baik', 2: 'Kurang baik', 3: 'Baik', 4: 'Sangat baik' };
/** One device rates one desk (or one named employee) at most once in this many hours. */
export const DESK_DUPLICATE_WINDOW_HOURS = 12;
export const DESK_COMMENT_MAX = 1000;

/** Defaults an agency can change per period: under index 76.61 (the IKM's lower bound of B, "Baik") with at least 10 responses. */
export const DEFAULT_PUBLIC_THRESHOLD = 76.61;
export const DEFAULT_PUBLIC_MIN_RESPONSES = 10;

export interface DeskFeedbackSummaryOptions {
  readonly responses: number;
  /** Sum of the 1–4 scores. */
  readonly sum: number;
  /** Index (25–100) under which the feedback counts as poor. */
  readonly threshold: number;
  /** Fewer responses than this say nothing yet. */
  readonly minResponses: number;
}

export interface DeskFeedbackSummary {
  readonly responses: number;
  /** Mean × 25 (as the IKM), rounded once to two decimals half up; null without responses. */
  readonly index: number | null;
  readonly enoughResponses: boolean;
  /** Enough responses and the index under the threshold: calls for development. */
  readonly belowThreshold: boolean;
}

/** The desk feedback of a unit or an employee against the agency's threshold, compared exactly. */
export function summariseDeskFeedback({ responses, sum, threshold, minResponses }: DeskFeedbackSummaryOptions): DeskFeedbackSummary {
  if (!Number.isInteger(responses) || responses < 0 || !Number.isInteger(sum)) throw new RangeError('jumlah tanggapan tidak valid');
  if (responses > 0 && (sum < responses || sum > 4 * responses)) throw new RangeError(`jumlah nilai ${sum} tidak mungkin untuk ${responses} tanggapan 1–4`);
  if (!Number.isInteger(minResponses) || minResponses < 1) throw new RangeError('minimal tanggapan harus bilangan bulat ≥ 1');
  const index = responses === 0 ? null : roundHalfUp(ratio(25 * sum, responses), 2);
  const enoughResponses = responses >= minResponses;
  const belowThreshold = enoughResponses && index !== null && compare(toRational(index), toRational(threshold)) < 0;
  return { responses, index, enoughResponses, belowThreshold };
}

// ---- finalisation ---------------------------------------------------------------------------------

export interface FinalisationPlan {
  readonly employeeName: string;
  /** null while the supervisor has not rated. */
  readonly predikat: Predikat | null;
}

export interface FinalisationProblemsOptions {
  readonly organisationRating: OrganisationRating | null;
  readonly bounds: DistributionBounds;
  readonly plans: readonly FinalisationPlan[];
}

function names(list: readonly string[], shown = 5): string {
  const head = list.slice(0, shown).join(', ');
  return list.length > shown ? `${head} dan ${list.length - shown} lainnya` : head;
}

const percent = (value: number) => `${Number(value.toFixed(1)).toLocaleString('id-ID')}%`;

/**
 * What stops a period from being finalised, each as a sentence for the administrator; empty when
 * it may be. Finalisation needs the organisation's own rating, every plan rated, and the share of
 * Baik or better within the bound that rating sets.
 */
export function finalisationProblems({ organisationRating, bounds, plans }: FinalisationProblemsOptions): string[] {
  const problems: string[] = [];
  if (plans.length === 0) problems.push('Belum ada rencana hasil kerja pegawai pada periode ini.');
  if (!organisationRating) problems.push('Predikat kinerja organisasi untuk periode ini belum diisi.');
  const unrated = plans.filter((plan) => plan.predikat === null).map((plan) => plan.employeeName);
  if (unrated.length > 0) problems.push(`${unrated.length} pegawai belum dinilai atasannya: ${names(unrated)}.`);
  if (organisationRating && unrated.length === 0 && plans.length > 0) {
    const check = checkDistribution({ organisationRating, predikats: plans.map((plan) => plan.predikat!), bounds });
    if (!check.withinBound) {
      problems.push(
        `Predikat Baik atau Sangat Baik diberikan kepada ${check.baikOrBetter} dari ${check.total} pegawai (${percent(check.share * 100)}), ` +
          `sedangkan predikat organisasi ${ORGANISATION_RATING_LABELS[organisationRating]} membatasi paling banyak ${percent(check.limit)} ` +
          `(${check.allowedBaikOrBetter} pegawai). Atasan perlu meninjau ${check.baikOrBetter - check.allowedBaikOrBetter} penilaian sebelum periode difinalisasi.`,
      );
    }
  }
  return problems;
}

// ---- development recommendations -------------------------------------------------------------------

export const RECOMMENDATION_SOURCES = ['predikat', 'public_feedback'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];
export const RECOMMENDATION_SOURCE_LABELS: Readonly<Record<RecommendationSource, string>> = {
  predikat: 'Predikat di bawah Baik',
  public_feedback: 'Umpan balik publik unit di bawah ambang',
};

export interface DevelopmentFocusOptions {
  readonly predikat: Predikat;
  readonly results: Rating;
  readonly behaviours: Readonly<Record<BerakhlakValue, Rating>>;
}

export interface DevelopmentFocus {
  readonly needed: boolean;
  /** The work results were below expectations. */
  readonly results: boolean;
  /** Core values rated below expectations, in BerAKHLAK order. */
  readonly behaviours: readonly BerakhlakValue[];
  /** A plain sentence of why development is recommended (empty when it is not). */
  readonly reason: string;
}

/** Rule (issue 7): a predikat below Baik calls for development, aimed at what was rated below expectations. */
export function developmentFocus({ predikat, results, behaviours }: DevelopmentFocusOptions): DevelopmentFocus {
  const needed = predikat === 'butuh_perbaikan' || predikat === 'kurang' || predikat === 'sangat_kurang';
  const low = BERAKHLAK.filter((value) => behaviours[value] === 'di_bawah');
  if (!needed) return { needed, results: false, behaviours: [], reason: '' };
  const parts = [results === 'di_bawah' ? 'hasil kerja di bawah ekspektasi' : null, low.length ? `perilaku ${low.join(', ')} di bawah ekspektasi` : null].filter(Boolean);
  return { needed, results: results === 'di_bawah', behaviours: low, reason: `Predikat ${PREDIKAT_LABELS[predikat]}${parts.length ? `: ${parts.join('; ')}` : ''}.` };
}

/** The competency public service training builds: what a unit with poor public feedback is proposed. */
export const PUBLIC_SERVICE_COMPETENCY = 'Pelayanan publik';

/**
 * The competency a training programme should build for each core value rated below expectations
 * (the catalogue's words: public service, ethics, national outlook, IT, public management), and
 * for work results below expectations. The supervisor may choose another from the catalogue.
 */
export const COMPETENCY_FOR_VALUE: Readonly<Record<BerakhlakValue, string>> = {
  'Berorientasi Pelayanan': PUBLIC_SERVICE_COMPETENCY,
  Akuntabel: 'Etika dan integritas',
  Kompeten: 'Manajemen publik',
  Harmonis: 'Etika dan integritas',
  Loyal: 'Wawasan kebangsaan',
  Adaptif: 'Teknologi informasi',
  Kolaboratif: 'Manajemen publik',
};
export const RESULTS_COMPETENCY = 'Manajemen publik';

/** The suggested competency: that of the first core value below expectations, else the one for results. */
export function suggestCompetency(focus: Pick<DevelopmentFocus, 'needed' | 'behaviours'>): string | null {
  if (!focus.needed) return null;
  const first = focus.behaviours[0];
  return first ? COMPETENCY_FOR_VALUE[first] : RESULTS_COMPETENCY;
}

/** The warning beside a rating (the form, before saving, and the answer after it); null when there is room. */
export function outlookMessage(outlook: DistributionOutlook, organisationRating: OrganisationRating): string | null {
  const label = ORGANISATION_RATING_LABELS[organisationRating];
  if (outlook.level === 'exceeds') {
    return (
      `Perhatian: dengan penilaian ini ${outlook.baikOrBetterAfter} dari ${outlook.total} pegawai periode ini berpredikat Baik atau Sangat Baik, ` +
      `melebihi batas ${percent(outlook.limit)} (${outlook.allowedBaikOrBetter} pegawai) untuk organisasi berpredikat ${label}. ` +
      'Periode tidak dapat difinalisasi sampai penilaian ditinjau.'
    );
  }
  if (outlook.level === 'last_place') {
    return `Penilaian ini memakai tempat terakhir untuk predikat Baik atau Sangat Baik: ${outlook.allowedBaikOrBetter} dari ${outlook.total} pegawai (batas ${percent(outlook.limit)} untuk organisasi berpredikat ${label}).`;
  }
  return null;
}
