/**
 * Quality of hire (issue 7 §8): did a round produce good public servants? Per round's cohort (the
 * employees appointed from it): their later predikat, retention after one and two years, the IKM of
 * the units they joined before and after they joined, and — per selection component — how well its
 * scores predict the later predikat (Spearman's rank correlation, core/stats.ts).
 */
import { compareCalendarDates, daysInMonth, formatCalendarDate, requireCalendarDate, type IsoDate } from './calendar-date.js';
import { PREDIKAT_LABELS, PREDIKATS, type Predikat } from './predikat.js';
import { percentOf } from './recruitment-funnel.js';
import { spearman, STATS_PRESET, type StatsPreset } from './stats.js';

// ---- predikat --------------------------------------------------------------------------------------

/** Ordinal value of a predikat for rank correlation: Sangat Baik 5 … Sangat Kurang 1 (PREDIKATS is best first). */
export function predikatOrdinal(predikat: Predikat): number {
  return PREDIKATS.length - PREDIKATS.indexOf(predikat);
}

export type PredikatShare = { predikat: Predikat; label: string; count: number; share: number | null };

export type PredikatSharesOptions = { predikats: ReadonlyArray<Predikat | null> };

/** Count and share (of those rated) per predikat, best first; employees without a final predikat are counted apart. */
export function predikatShares({ predikats }: PredikatSharesOptions): { lines: PredikatShare[]; rated: number; notRated: number } {
  const rated = predikats.filter((p): p is Predikat => p !== null);
  return {
    lines: PREDIKATS.map((predikat) => {
      const count = rated.filter((p) => p === predikat).length;
      return { predikat, label: PREDIKAT_LABELS[predikat], count, share: percentOf(count, rated.length) };
    }),
    rated: rated.length,
    notRated: predikats.length - rated.length,
  };
}

// ---- rank correlation per selection component ---------------------------------------------------------

/** With fewer pairs than this no correlation is shown: two points always lie on a line (rho = ±1). */
export const MIN_CORRELATION_PAIRS = 3;

export type CorrelationStrength = 'tidak_ada' | 'lemah' | 'sedang' | 'kuat';

export const CORRELATION_STRENGTH_LABELS: Readonly<Record<CorrelationStrength, string>> = {
  tidak_ada: 'hampir tidak ada hubungan',
  lemah: 'hubungan lemah',
  sedang: 'hubungan sedang',
  kuat: 'hubungan kuat',
};

/** Common reading of |rho| (a convention, not a test of significance): < 0.1, < 0.3, < 0.5, ≥ 0.5. */
export function correlationStrength(rho: number): CorrelationStrength {
  const size = Math.abs(rho);
  return size < 0.1 ? 'tidak_ada' : size < 0.3 ? 'lemah' : size < 0.5 ? 'sedang' : 'kuat';
}

export type CohortMember = {
  /** Raw score per component key (TWK, TIU, TKP, each SKB component); null or missing when the member has none. */
  scores: Readonly<Record<string, number | null | undefined>>;
  predikat: Predikat | null;
};

export type ComponentCorrelation = {
  key: string;
  label: string;
  /** Pairs with both a score and a predikat. */
  n: number;
  /** Rounded to three decimals; null when fewer than MIN_CORRELATION_PAIRS pairs or one side has a single value. */
  rho: number | null;
  strength: CorrelationStrength | null;
  /** One plain-language Indonesian sentence on what the figure says. */
  reading: string;
  /** Plain-language caution (small sample, too few pairs, no spread), or null. */
  caution: string | null;
};

export type ComponentCorrelationsOptions = {
  components: ReadonlyArray<{ key: string; label: string }>;
  members: readonly CohortMember[];
  preset?: StatsPreset;
};

function readingOf(label: string, rho: number | null): string {
  if (rho === null) return `Belum dapat dinilai apakah nilai ${label} meramalkan predikat kinerja.`;
  const strength = CORRELATION_STRENGTH_LABELS[correlationStrength(rho)];
  if (correlationStrength(rho) === 'tidak_ada') return `Nilai ${label} ${strength} dengan predikat kinerja kemudian.`;
  return rho > 0
    ? `${strength.charAt(0).toUpperCase()}${strength.slice(1)}: pegawai dengan nilai ${label} lebih tinggi cenderung mendapat predikat lebih baik.`
    : `${strength.charAt(0).toUpperCase()}${strength.slice(1)} yang berlawanan: pegawai dengan nilai ${label} lebih tinggi cenderung mendapat predikat lebih buruk.`;
}

/**
 * Spearman's rho (ties as average ranks) between each component's score and the later predikat,
 * over the members who have both. Below the preset's small-sample size (30) a caution says the
 * figure is only a first hint; below three pairs there is no figure at all.
 */
export function componentCorrelations({ components, members, preset = STATS_PRESET }: ComponentCorrelationsOptions): ComponentCorrelation[] {
  return components.map(({ key, label }) => {
    const pairs = members.flatMap((m) => {
      const score = m.scores[key];
      return typeof score === 'number' && Number.isFinite(score) && m.predikat !== null ? [[score, predikatOrdinal(m.predikat)] as const] : [];
    });
    const n = pairs.length;
    if (n < MIN_CORRELATION_PAIRS) {
      const caution =
        n === 0
          ? `Belum ada pegawai dengan nilai ${label} dan predikat kinerja final.`
          : `Hanya ${n} pegawai dengan nilai ${label} dan predikat kinerja final: terlalu sedikit untuk menghitung korelasi (minimal ${MIN_CORRELATION_PAIRS}).`;
      return { key, label, n, rho: null, strength: null, reading: readingOf(label, null), caution };
    }
    const result = spearman({ x: pairs.map((p) => p[0]), y: pairs.map((p) => p[1]), preset });
    if (result.rho === null) {
      return { key, label, n, rho: null, strength: null, reading: readingOf(label, null), caution: `Nilai ${label} atau predikat kinerja semua ${n} pegawai sama: korelasi tidak dapat dihitung.` };
    }
    const rho = Math.round(result.rho * 1000) / 1000;
    return { key, label, n, rho, strength: correlationStrength(rho), reading: readingOf(label, rho), caution: result.caution };
  });
}

// ---- retention ---------------------------------------------------------------------------------------

export type Tenure = { appointedAt: IsoDate; endedAt: IsoDate | null };

export type RetentionLine = {
  years: number;
  /** Members whose anniversary has come by the reference date. */
  eligible: number;
  /** Of those, still employed on their anniversary. */
  retained: number;
  /** 0–100 with one decimal; null when nobody is eligible yet. */
  rate: number | null;
};

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function anniversary(date: IsoDate, years: number): IsoDate {
  const d = requireCalendarDate(date, 'Tanggal');
  const year = d.year + years;
  return formatCalendarDate({ year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) });
}

export type RetentionOptions = { members: readonly Tenure[]; asOf: IsoDate; years?: readonly number[] };

/**
 * Retention after one and two years: among the members whose anniversary is on or before `asOf`,
 * those whose employment had not ended before that anniversary (ending on the anniversary itself
 * still completes the year).
 */
export function retention({ members, asOf, years = [1, 2] }: RetentionOptions): RetentionLine[] {
  const today = requireCalendarDate(asOf, 'Tanggal acuan');
  return years.map((y) => {
    let eligible = 0;
    let retained = 0;
    for (const member of members) {
      const due = requireCalendarDate(anniversary(member.appointedAt, y));
      if (compareCalendarDates(due, today) > 0) continue;
      eligible += 1;
      if (member.endedAt === null || compareCalendarDates(requireCalendarDate(member.endedAt, 'Tanggal berhenti'), due) >= 0) retained += 1;
    }
    return { years: y, eligible, retained, rate: percentOf(retained, eligible) };
  });
}

// ---- IKM of the units joined, before and after ---------------------------------------------------------

export type UnitIkmPeriod = { unitId: string; periodKey: string; periodLabel: string; start: IsoDate; end: IsoDate; ikm: number | null };

export type UnitJoin = { unitId: string; unitName: string; appointedAt: IsoDate };

export type IkmBeforeAfterLine = {
  unitId: string;
  unitName: string;
  /** Members of the cohort who joined the unit. */
  joined: number;
  /** The earliest day a member joined: periods are placed relative to it. */
  joinedFrom: IsoDate;
  before: { periodKey: string; periodLabel: string; ikm: number } | null;
  after: { periodKey: string; periodLabel: string; ikm: number } | null;
  /** after − before, two decimals; null unless both are known. */
  change: number | null;
};

export type IkmBeforeAfterOptions = { joins: readonly UnitJoin[]; periods: readonly UnitIkmPeriod[] };

/**
 * Per unit the cohort joined: the IKM of the latest period that ended before the first member
 * joined, and of the latest period that started on or after that day. A period that spans the day
 * is neither (it mixes both). Periods without respondents are skipped. Units by name.
 */
export function ikmBeforeAfter({ joins, periods }: IkmBeforeAfterOptions): IkmBeforeAfterLine[] {
  const byUnit = new Map<string, { joined: number; from: IsoDate; name: string }>();
  for (const join of joins) {
    const seen = byUnit.get(join.unitId);
    byUnit.set(join.unitId, { joined: (seen?.joined ?? 0) + 1, from: seen && seen.from < join.appointedAt ? seen.from : join.appointedAt, name: seen?.name ?? join.unitName });
  }
  const latest = (list: UnitIkmPeriod[]) => list.sort((a, b) => (a.end < b.end ? 1 : a.end > b.end ? -1 : a.start < b.start ? 1 : a.start > b.start ? -1 : 0))[0] ?? null;
  const view = (p: UnitIkmPeriod | null) => (p && p.ikm !== null ? { periodKey: p.periodKey, periodLabel: p.periodLabel, ikm: p.ikm } : null);
  return [...byUnit]
    .map(([unitId, { joined, from, name }]) => {
      const own = periods.filter((p) => p.unitId === unitId && p.ikm !== null);
      const before = view(latest(own.filter((p) => p.end < from)));
      const after = view(latest(own.filter((p) => p.start >= from)));
      const change = before && after ? Math.round(after.ikm * 100 - before.ikm * 100) / 100 : null;
      return { unitId, unitName: name, joined, joinedFrom: from, before, after, change };
    })
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'id') || (a.unitId < b.unitId ? -1 : 1));
}
