/**
 * The public satisfaction survey (survei kepuasan masyarakat, PermenPANRB 14/2017) around the
 * index of core/ikm.ts: the questionnaire in Indonesian, the respondent profile, survey periods,
 * the trend over periods and the improvement plans of weak elements. Pure; shared with the web.
 */
import { addDays, formatCalendarDate, type IsoDate } from './calendar-date.js';
import { IKM_ELEMENTS } from './ikm.js';

export interface IkmQuestion {
  /** 1-based, U1 … U9. */
  readonly index: number;
  readonly element: string;
  readonly question: string;
  /** Labels of the answers 1 (worst) … 4 (best). */
  readonly options: readonly [string, string, string, string];
}

// The questions and answer scales of the regulation's sample questionnaire.
const QUESTION_TEXTS: ReadonlyArray<Pick<IkmQuestion, 'question' | 'options'>> = [
  {
    question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    options: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  {
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    options: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  {
    question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    options: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  {
    question: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    options: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  {
    question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    options: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    question: 'Bagaimana pendapat Saudara tentang kualitas penanganan pengaduan, saran dan masukan di unit ini?',
    options: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  {
    question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana pelayanan?',
    options: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
];

export const IKM_QUESTIONS: readonly IkmQuestion[] = QUESTION_TEXTS.map((q, i) => ({ ...q, index: i + 1, element: IKM_ELEMENTS[i]! }));

/** Answer keys as sent by the form: u1 … u9. */
export const IKM_ANSWER_KEYS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type IkmAnswerKey = (typeof IKM_ANSWER_KEYS)[number];
export type IkmAnswers = Readonly<Record<IkmAnswerKey, number>>;

export function answersInOrder(answers: IkmAnswers): number[] {
  return IKM_ANSWER_KEYS.map((key) => answers[key]);
}

// ---- respondent profile -----------------------------------------------------------------------------

export const IKM_AGE_GROUPS = ['lt20', '20_29', '30_39', '40_49', '50_59', '60plus'] as const;
export type IkmAgeGroup = (typeof IKM_AGE_GROUPS)[number];
export const IKM_AGE_GROUP_LABELS: Readonly<Record<IkmAgeGroup, string>> = {
  lt20: 'Di bawah 20 tahun',
  '20_29': '20–29 tahun',
  '30_39': '30–39 tahun',
  '40_49': '40–49 tahun',
  '50_59': '50–59 tahun',
  '60plus': '60 tahun ke atas',
};

export const IKM_SEXES = ['L', 'P'] as const;
export type IkmSex = (typeof IKM_SEXES)[number];
export const IKM_SEX_LABELS: Readonly<Record<IkmSex, string>> = { L: 'Laki-laki', P: 'Perempuan' };

export const IKM_EDUCATIONS = ['sd', 'smp', 'sma', 'diploma', 's1', 's2', 's3'] as const;
export type IkmEducation = (typeof IKM_EDUCATIONS)[number];
export const IKM_EDUCATION_LABELS: Readonly<Record<IkmEducation, string>> = {
  sd: 'SD atau tidak bersekolah',
  smp: 'SMP sederajat',
  sma: 'SMA/SMK sederajat',
  diploma: 'Diploma (D1–D3)',
  s1: 'Sarjana (D4/S1)',
  s2: 'Magister (S2)',
  s3: 'Doktor (S3)',
};

export const IKM_OCCUPATIONS = ['pns', 'tni_polri', 'swasta', 'wiraswasta', 'pelajar', 'lainnya'] as const;
export type IkmOccupation = (typeof IKM_OCCUPATIONS)[number];
export const IKM_OCCUPATION_LABELS: Readonly<Record<IkmOccupation, string>> = {
  pns: 'PNS/PPPK',
  tni_polri: 'TNI/Polri',
  swasta: 'Pegawai swasta',
  wiraswasta: 'Wiraswasta/usahawan',
  pelajar: 'Pelajar/mahasiswa',
  lainnya: 'Lainnya (termasuk tidak bekerja)',
};

export const IKM_PROFILE_FIELDS = {
  ageGroup: { label: 'Kelompok umur', values: IKM_AGE_GROUPS, labels: IKM_AGE_GROUP_LABELS },
  sex: { label: 'Jenis kelamin', values: IKM_SEXES, labels: IKM_SEX_LABELS },
  education: { label: 'Pendidikan terakhir', values: IKM_EDUCATIONS, labels: IKM_EDUCATION_LABELS },
  occupation: { label: 'Pekerjaan utama', values: IKM_OCCUPATIONS, labels: IKM_OCCUPATION_LABELS },
} as const;
export type IkmProfileField = keyof typeof IKM_PROFILE_FIELDS;

export const IKM_SUGGESTION_MAX = 1000;

// ---- periods --------------------------------------------------------------------------------------

/** A survey runs per year, half-year or quarter (the regulation asks for at least one a year). */
export const IKM_PERIOD_KINDS = ['tahunan', 'semester', 'triwulan'] as const;
export type IkmPeriodKind = (typeof IKM_PERIOD_KINDS)[number];
export const IKM_PERIOD_KIND_LABELS: Readonly<Record<IkmPeriodKind, string>> = { tahunan: 'Tahunan', semester: 'Semester', triwulan: 'Triwulan' };
const PARTS: Readonly<Record<IkmPeriodKind, number>> = { tahunan: 1, semester: 2, triwulan: 4 };
const ROMAN = ['I', 'II', 'III', 'IV'];

export const IKM_YEAR_MIN = 2017;
export const IKM_YEAR_MAX = 2100;

export interface IkmPeriod {
  readonly year: number;
  readonly kind: IkmPeriodKind;
  /** 1 for a year; 1–2 for a half-year; 1–4 for a quarter. */
  readonly number: number;
}

/** Indonesian problem with a period, or null. */
export function periodProblem(period: IkmPeriod): string | null {
  if (!Number.isInteger(period.year) || period.year < IKM_YEAR_MIN || period.year > IKM_YEAR_MAX) return `Tahun harus ${IKM_YEAR_MIN}–${IKM_YEAR_MAX}`;
  if (!IKM_PERIOD_KINDS.includes(period.kind)) return 'Jenis periode harus tahunan, semester atau triwulan';
  const parts = PARTS[period.kind];
  if (!Number.isInteger(period.number) || period.number < 1 || period.number > parts) {
    return parts === 1 ? 'Periode tahunan hanya bernomor 1' : `Nomor ${IKM_PERIOD_KIND_LABELS[period.kind].toLowerCase()} harus 1–${parts}`;
  }
  return null;
}

/** "2026", "2026-S1", "2026-T3": one key per period, sortable within a kind. */
export function periodKey(period: IkmPeriod): string {
  return period.kind === 'tahunan' ? String(period.year) : `${period.year}-${period.kind === 'semester' ? 'S' : 'T'}${period.number}`;
}

export function parsePeriodKey(key: string): IkmPeriod | null {
  const match = /^(\d{4})(?:-([ST])([1-4]))?$/.exec(key);
  if (!match) return null;
  const period: IkmPeriod = { year: Number(match[1]), kind: match[2] === undefined ? 'tahunan' : match[2] === 'S' ? 'semester' : 'triwulan', number: match[3] ? Number(match[3]) : 1 };
  return periodProblem(period) === null ? period : null;
}

/** "Tahun 2026", "Semester I 2026", "Triwulan III 2026". */
export function periodLabel(period: IkmPeriod): string {
  return period.kind === 'tahunan' ? `Tahun ${period.year}` : `${IKM_PERIOD_KIND_LABELS[period.kind]} ${ROMAN[period.number - 1]} ${period.year}`;
}

/** First and last calendar day of the period. */
export function periodRange(period: IkmPeriod): { start: IsoDate; end: IsoDate } {
  const months = 12 / PARTS[period.kind];
  const startMonth = (period.number - 1) * months + 1;
  const start = { year: period.year, month: startMonth, day: 1 };
  const next = startMonth + months > 12 ? { year: period.year + 1, month: 1, day: 1 } : { year: period.year, month: startMonth + months, day: 1 };
  return { start: formatCalendarDate(start), end: formatCalendarDate(addDays(next, -1)) };
}

/** Orders periods by their start, then the longer period first (a year before its first quarter). */
export function comparePeriods(a: IkmPeriod, b: IkmPeriod): number {
  const startA = periodRange(a).start;
  const startB = periodRange(b).start;
  if (startA !== startB) return startA < startB ? -1 : 1;
  return PARTS[a.kind] - PARTS[b.kind];
}

// ---- trend ----------------------------------------------------------------------------------------

export interface TrendPoint {
  readonly period: IkmPeriod;
  /** Null when the period has no respondents yet. */
  readonly ikm: number | null;
}

export interface TrendEntry extends TrendPoint {
  readonly key: string;
  readonly label: string;
  /** Change from the previous period with an index (two decimals), null for the first such period. */
  readonly change: number | null;
}

export interface IkmTrendOptions {
  readonly points: readonly TrendPoint[];
}

/** The unit's periods in order, each with its change from the previous period that has an IKM. */
export function ikmTrend({ points }: IkmTrendOptions): TrendEntry[] {
  const sorted = [...points].sort((a, b) => comparePeriods(a.period, b.period));
  let previous: number | null = null;
  return sorted.map((point) => {
    // In hundredths, so 76.61 − 76.6 is 0.01 and not 0.010000000000005116.
    const change = point.ikm === null || previous === null ? null : Math.round(point.ikm * 100 - previous * 100) / 100;
    if (point.ikm !== null) previous = point.ikm;
    return { ...point, key: periodKey(point.period), label: periodLabel(point.period), change };
  });
}

// ---- surveys and improvement plans ---------------------------------------------------------------------

export const IKM_SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type IkmSurveyStatus = (typeof IKM_SURVEY_STATUSES)[number];
export const IKM_SURVEY_STATUS_LABELS: Readonly<Record<IkmSurveyStatus, string>> = { draft: 'Draf', open: 'Dibuka', closed: 'Ditutup' };

/** What a survey in this status may become next. */
export const IKM_SURVEY_TRANSITIONS: Readonly<Record<IkmSurveyStatus, readonly IkmSurveyStatus[]>> = {
  draft: ['open'],
  open: ['closed'],
  closed: ['open'],
};

/**
 * An element is weak when its NRR is below this: 3.0644 is the lowest mean graded B (Baik), so a
 * weak element is one graded C or D on its own.
 */
export const IKM_WEAK_NRR_BELOW = 3.0644;

export const IKM_PLAN_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type IkmPlanStatus = (typeof IKM_PLAN_STATUSES)[number];
export const IKM_PLAN_STATUS_LABELS: Readonly<Record<IkmPlanStatus, string>> = { planned: 'Direncanakan', in_progress: 'Sedang dikerjakan', done: 'Selesai' };

export interface PlanOverdueOptions {
  readonly status: IkmPlanStatus;
  /** Last day (in the agency's zone) on which the plan is due. */
  readonly dueDate: IsoDate;
  /** Today in the agency's zone. */
  readonly today: IsoDate;
}

/** A plan is overdue from the day after its due date until it is done. */
export function planOverdue({ status, dueDate, today }: PlanOverdueOptions): boolean {
  return status !== 'done' && today > dueDate;
}
