/**
 * The recruitment dashboard's figures (issue 7 §7): the funnel from registration to appointment per
 * round and formation, the time each stage took against the round's schedule, and the objections
 * (sanggah) with their outcomes. Counts come aggregated from the database; this file only derives
 * the shares, totals and durations, so every figure on the page and in the exports is the same.
 */
import type { ScheduleField } from './selection-schedule.js';

// ---- funnel ----------------------------------------------------------------------------------------

export const FUNNEL_STAGES = ['registered', 'eligible', 'passedSkd', 'skb', 'appointed'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_STAGE_LABELS: Readonly<Record<FunnelStage, string>> = {
  registered: 'Mendaftar',
  eligible: 'Memenuhi Syarat (MS)',
  passedSkd: 'Lulus ambang batas SKD',
  skb: 'Mengikuti SKB',
  appointed: 'Diangkat',
};

export type FunnelCounts = Readonly<Record<FunnelStage, number>>;

export const EMPTY_FUNNEL: FunnelCounts = { registered: 0, eligible: 0, passedSkd: 0, skb: 0, appointed: 0 };

export type FunnelStep = {
  stage: FunnelStage;
  label: string;
  count: number;
  /** Share of the step before, 0–100 with one decimal; null for the first step or when the step before is empty. */
  fromPrevious: number | null;
  /** Share of those registered, 0–100 with one decimal; null when nobody registered. */
  fromRegistered: number | null;
};

/** Percent with one decimal, half up; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

export type FunnelStepsOptions = { counts: FunnelCounts };

/** The five steps with their share of the step before and of those registered. */
export function funnelSteps({ counts }: FunnelStepsOptions): FunnelStep[] {
  return FUNNEL_STAGES.map((stage, i) => ({
    stage,
    label: FUNNEL_STAGE_LABELS[stage],
    count: counts[stage],
    fromPrevious: i === 0 ? null : percentOf(counts[stage], counts[FUNNEL_STAGES[i - 1]!]),
    fromRegistered: percentOf(counts[stage], counts.registered),
  }));
}

export type FunnelRowInput = { selectionId: string; formasiId: string; counts: Partial<FunnelCounts> };

export type FunnelTotalsOptions = { rows: readonly FunnelRowInput[] };

/** Adds partial counts per round (stages missing from a row count 0), rounds in order of first appearance. */
export function funnelTotals({ rows }: FunnelTotalsOptions): Array<{ selectionId: string; counts: FunnelCounts }> {
  const bySelection = new Map<string, Record<FunnelStage, number>>();
  for (const row of rows) {
    const total = bySelection.get(row.selectionId) ?? { ...EMPTY_FUNNEL };
    for (const stage of FUNNEL_STAGES) total[stage] += row.counts[stage] ?? 0;
    bySelection.set(row.selectionId, total);
  }
  return [...bySelection].map(([selectionId, counts]) => ({ selectionId, counts }));
}

/** Fills stages a source did not report with 0. */
export function completeFunnel(counts: Partial<FunnelCounts>): FunnelCounts {
  return Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, counts[stage] ?? 0])) as FunnelCounts;
}

// ---- time per stage ----------------------------------------------------------------------------------

/** Events a round records when it moves on (stage result publications and the first appointment). */
export const ROUND_EVENTS = ['administrasi', 'administrasi_pasca_sanggah', 'skd', 'akhir', 'akhir_pasca_sanggah', 'pengangkatan'] as const;
export type RoundEvent = (typeof ROUND_EVENTS)[number];

type Boundary = { schedule: ScheduleField | null; events: readonly RoundEvent[] };

type StageDefinition = { key: string; label: string; start: Boundary; end: Boundary };

/**
 * A stage runs from the moment the one before it ended to its own end. Planned bounds come from the
 * round's schedule; actual bounds from what was published (the first event listed that happened).
 * Registration is enforced by the server at its scheduled instants, so its actual bounds are its
 * planned ones.
 */
const STAGES: readonly StageDefinition[] = [
  { key: 'pendaftaran', label: 'Pendaftaran', start: { schedule: 'registrationOpens', events: [] }, end: { schedule: 'registrationCloses', events: [] } },
  { key: 'administrasi', label: 'Seleksi administrasi', start: { schedule: 'registrationCloses', events: [] }, end: { schedule: 'adminAnnouncement', events: ['administrasi'] } },
  { key: 'sanggah', label: 'Masa sanggah administrasi', start: { schedule: 'adminAnnouncement', events: ['administrasi'] }, end: { schedule: 'objectionEnd', events: ['administrasi_pasca_sanggah'] } },
  { key: 'skd', label: 'SKD', start: { schedule: 'objectionEnd', events: ['administrasi_pasca_sanggah', 'administrasi'] }, end: { schedule: null, events: ['skd'] } },
  { key: 'skb', label: 'SKB dan integrasi nilai', start: { schedule: null, events: ['skd'] }, end: { schedule: 'finalAnnouncement', events: ['akhir'] } },
  { key: 'sanggah_akhir', label: 'Sanggah hasil akhir', start: { schedule: 'finalAnnouncement', events: ['akhir'] }, end: { schedule: null, events: ['akhir_pasca_sanggah'] } },
  { key: 'pengangkatan', label: 'Pengangkatan', start: { schedule: null, events: ['akhir_pasca_sanggah'] }, end: { schedule: null, events: ['pengangkatan'] } },
];

export type StageDurationStatus = 'selesai' | 'berjalan' | 'belum';

export const STAGE_DURATION_STATUS_LABELS: Readonly<Record<StageDurationStatus, string>> = { selesai: 'Selesai', berjalan: 'Sedang berjalan', belum: 'Belum dimulai' };

export type StageDuration = {
  key: string;
  label: string;
  /** Days between the scheduled bounds (one decimal), null when the schedule does not give both. */
  plannedDays: number | null;
  /** Days the stage took (one decimal); for a running stage, the days so far. */
  actualDays: number | null;
  status: StageDurationStatus;
  /** actual − planned, one decimal; positive when late. Null unless both are known and the stage is done. */
  delayDays: number | null;
};

export type StageDurationsOptions = {
  /** The schedule as instants (core/selection-schedule toScheduleInstants). */
  schedule: Partial<Record<ScheduleField, Date>>;
  events: Partial<Record<RoundEvent, Date>>;
  now: Date;
};

const DAY_MS = 86_400_000;
const days = (from: Date, to: Date): number => Math.round(((to.getTime() - from.getTime()) / DAY_MS) * 10) / 10;

/** Registration opens and closes when scheduled: the server enforces those instants. */
const ENFORCED: ReadonlySet<ScheduleField> = new Set<ScheduleField>(['registrationOpens', 'registrationCloses']);

/** The first event listed that happened; later ones are fallbacks, used only when `fallbacks` is true. */
function actualBound(bound: Boundary, options: StageDurationsOptions, fallbacks = true): Date | null {
  for (const event of fallbacks ? bound.events : bound.events.slice(0, 1)) {
    const at = options.events[event];
    if (at) return at;
  }
  return bound.schedule && ENFORCED.has(bound.schedule) ? (options.schedule[bound.schedule] ?? null) : null;
}

/** Planned and actual days per stage, in the order of the round. */
export function stageDurations(options: StageDurationsOptions): StageDuration[] {
  return STAGES.map((stage) => {
    const plannedStart = stage.start.schedule ? options.schedule[stage.start.schedule] : undefined;
    const plannedEnd = stage.end.schedule ? options.schedule[stage.end.schedule] : undefined;
    const plannedDays = plannedStart && plannedEnd ? days(plannedStart, plannedEnd) : null;
    const end = actualBound(stage.end, options);
    // A round without a post-objection result starts SKD at the administrative result, but only
    // once SKD is over: until then the objection stage may still produce one.
    const start = actualBound(stage.start, options, end !== null);
    const started = start !== null && start.getTime() <= options.now.getTime();
    const ended = end !== null && end.getTime() <= options.now.getTime();
    const status: StageDurationStatus = started && ended ? 'selesai' : started ? 'berjalan' : 'belum';
    const actualDays = status === 'selesai' ? days(start!, end!) : status === 'berjalan' ? days(start!, options.now) : null;
    const delayDays = status === 'selesai' && plannedDays !== null && actualDays !== null ? Math.round((actualDays - plannedDays) * 10) / 10 : null;
    return { key: stage.key, label: stage.label, plannedDays, actualDays, status, delayDays };
  });
}

// ---- objections ------------------------------------------------------------------------------------

export const OBJECTION_KINDS = ['administrasi', 'hasil_akhir'] as const;
export type ObjectionKind = (typeof OBJECTION_KINDS)[number];
export const OBJECTION_KIND_LABELS: Readonly<Record<ObjectionKind, string>> = { administrasi: 'Sanggah hasil administrasi', hasil_akhir: 'Sanggah hasil akhir' };

export type ObjectionCounts = {
  kind: ObjectionKind;
  /** diajukan (waiting for an answer), diterima, ditolak. */
  pending: number;
  accepted: number;
  rejected: number;
  /** Median days from filing to answer over the answered ones; null when none answered. */
  medianDaysToAnswer: number | null;
};

export type ObjectionOutcome = ObjectionCounts & {
  label: string;
  filed: number;
  answered: number;
  /** Share of the answered ones that were accepted, 0–100 with one decimal; null when none answered. */
  acceptedShare: number | null;
};

export type ObjectionOutcomesOptions = { counts: readonly ObjectionCounts[] };

/** One line per kind (both kinds always present, in order) and a total line. */
export function objectionOutcomes({ counts }: ObjectionOutcomesOptions): { lines: ObjectionOutcome[]; total: Omit<ObjectionOutcome, 'kind' | 'medianDaysToAnswer'> } {
  const lines = OBJECTION_KINDS.map((kind) => {
    const found = counts.filter((c) => c.kind === kind);
    const pending = found.reduce((s, c) => s + c.pending, 0);
    const accepted = found.reduce((s, c) => s + c.accepted, 0);
    const rejected = found.reduce((s, c) => s + c.rejected, 0);
    // A median of medians is not a median: with more than one source per kind it is left out.
    const medianDaysToAnswer = found.length === 1 ? found[0]!.medianDaysToAnswer : null;
    const answered = accepted + rejected;
    return { kind, label: OBJECTION_KIND_LABELS[kind], pending, accepted, rejected, medianDaysToAnswer, filed: answered + pending, answered, acceptedShare: percentOf(accepted, answered) };
  });
  const sum = (key: 'pending' | 'accepted' | 'rejected' | 'filed' | 'answered') => lines.reduce((s, l) => s + l[key], 0);
  return {
    lines,
    total: { label: 'Seluruh sanggah', pending: sum('pending'), accepted: sum('accepted'), rejected: sum('rejected'), filed: sum('filed'), answered: sum('answered'), acceptedShare: percentOf(sum('accepted'), sum('answered')) },
  };
}
