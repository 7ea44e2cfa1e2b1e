/**
 * Who proceeds from SKD to SKB (domain rules §4): per formation, among those who met the SKD pass
 * mark, ranked by SKD total; up to multiplier × formation count proceed. Ties at the cut-off are
 * broken by TKP, then TIU, then TWK; candidates still tied with the last place all proceed, so a
 * formation can send more than multiplier × count.
 */
import { byText } from './text-order.js';

export type SkdTieBreak = 'TKP' | 'TIU' | 'TWK';

export interface ProceedPreset {
  readonly multiplier: number;
  readonly tieBreakOrder: readonly SkdTieBreak[];
}

// Domain rules §4: up to 3 × the formation count; ties at the cut-off by TKP, then TIU, then TWK.
export const SKB_PROCEED_PRESET: ProceedPreset = { multiplier: 3, tieBreakOrder: ['TKP', 'TIU', 'TWK'] };

export interface ProceedFormation {
  readonly id: string;
  /** Places to fill in this formation. */
  readonly count: number;
}

export interface ProceedCandidate {
  readonly id: string;
  readonly formasiId: string;
  /** Met the pass mark of the formation's kind (see evaluatePass); others are never ranked. */
  readonly metPassMark: boolean;
  readonly skd: { readonly total: number; readonly TWK: number; readonly TIU: number; readonly TKP: number };
}

export interface ProceedOptions {
  readonly formations: readonly ProceedFormation[];
  readonly candidates: readonly ProceedCandidate[];
  readonly preset: ProceedPreset;
}

export interface ProceedOutcome {
  readonly id: string;
  readonly formasiId: string;
  /** Competition rank ("1, 2, 2, 4") among those who met the pass mark; null for the rest. */
  readonly rank: number | null;
  readonly proceeds: boolean;
  /** Proceeds only because fully tied with the last place inside the quota. */
  readonly beyondQuota: boolean;
  /**
   * For candidates with the cut-off SKD total when the cut fell inside that total: the criterion
   * that put them in (against the best one left out) or out (against the last one in).
   */
  readonly decidedBy: SkdTieBreak | null;
}

export interface ProceedFormationSummary {
  readonly formasiId: string;
  readonly quota: number;
  readonly ranked: number;
  readonly proceeding: number;
  /** Lowest SKD total that proceeds; null when nobody proceeds. */
  readonly cutoffTotal: number | null;
}

export interface ProceedResult {
  /** Per formation (by id), best first; those below the pass mark last, by id. */
  readonly candidates: readonly ProceedOutcome[];
  readonly formations: readonly ProceedFormationSummary[];
}

function firstDifference(a: ProceedCandidate, b: ProceedCandidate, order: readonly SkdTieBreak[]): SkdTieBreak | null {
  return order.find((key) => a.skd[key] !== b.skd[key]) ?? null;
}

/** Negative when `a` ranks before `b`; 0 when tied on total and every tie-break. */
function compareScores(a: ProceedCandidate, b: ProceedCandidate, order: readonly SkdTieBreak[]): number {
  if (a.skd.total !== b.skd.total) return b.skd.total - a.skd.total;
  const key = firstDifference(a, b, order);
  return key === null ? 0 : b.skd[key] - a.skd[key];
}

/**
 * How many of a formation's ranked candidates (best first) proceed: up to the quota, and everyone
 * tied with the last place inside it (`tiedWithNext(k)`: the k-th and the next are tied on the
 * total and every tie-break). The one statement of the cut for both forms below.
 */
function proceedingCount(quota: number, ranked: number, tiedWithNext: (k: number) => boolean): number {
  let proceeding = Math.min(quota, ranked);
  while (proceeding > 0 && proceeding < ranked && tiedWithNext(proceeding - 1)) proceeding += 1;
  return proceeding;
}

function rankFormation(formation: ProceedFormation, pool: ProceedCandidate[], preset: ProceedPreset): { outcomes: ProceedOutcome[]; summary: ProceedFormationSummary } {
  const order = preset.tieBreakOrder;
  const quota = Math.floor(preset.multiplier * formation.count);
  const ranked = pool.filter((c) => c.metPassMark).sort((a, b) => compareScores(a, b, order) || byText(a.id, b.id));
  const proceeding = proceedingCount(quota, ranked.length, (k) => compareScores(ranked[k]!, ranked[k + 1]!, order) === 0);

  const lastIn = ranked[proceeding - 1];
  const firstOut = ranked[proceeding];
  const cutInsideTotal = lastIn !== undefined && firstOut !== undefined && lastIn.skd.total === firstOut.skd.total;

  let rank = 0;
  const outcomes = ranked.map((candidate, index): ProceedOutcome => {
    if (index === 0 || compareScores(ranked[index - 1]!, candidate, order) !== 0) rank = index + 1;
    const proceeds = index < proceeding;
    let decidedBy: SkdTieBreak | null = null;
    if (cutInsideTotal && candidate.skd.total === lastIn.skd.total) {
      decidedBy = proceeds ? firstDifference(candidate, firstOut, order) : firstDifference(lastIn, candidate, order);
    }
    return { id: candidate.id, formasiId: formation.id, rank, proceeds, beyondQuota: proceeds && index >= quota, decidedBy };
  });
  const unranked = pool
    .filter((c) => !c.metPassMark)
    .sort((a, b) => byText(a.id, b.id))
    .map((c): ProceedOutcome => ({ id: c.id, formasiId: formation.id, rank: null, proceeds: false, beyondQuota: false, decidedBy: null }));

  return {
    outcomes: [...outcomes, ...unranked],
    summary: { formasiId: formation.id, quota, ranked: ranked.length, proceeding, cutoffTotal: lastIn?.skd.total ?? null },
  };
}

export function selectForSkb({ formations, candidates, preset }: ProceedOptions): ProceedResult {
  if (!(preset.multiplier > 0)) throw new RangeError(`pengali formasi harus positif: ${preset.multiplier}`);
  const pools = new Map<string, ProceedCandidate[]>();
  for (const formation of formations) {
    if (pools.has(formation.id)) throw new Error(`formasi ${formation.id} ganda`);
    if (!Number.isInteger(formation.count) || formation.count < 0) throw new RangeError(`formasi ${formation.id}: jumlah kebutuhan tidak sah (${formation.count})`);
    pools.set(formation.id, []);
  }
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) throw new Error(`peserta ${candidate.id} ganda`);
    seen.add(candidate.id);
    const pool = pools.get(candidate.formasiId);
    if (!pool) throw new Error(`peserta ${candidate.id}: formasi ${candidate.formasiId} tidak dikenal`);
    pool.push(candidate);
  }
  const results = [...formations].sort((a, b) => byText(a.id, b.id)).map((formation) => rankFormation(formation, pools.get(formation.id)!, preset));
  return { candidates: results.flatMap((r) => r.outcomes), formations: results.map((r) => r.summary) };
}

/**
 * Who proceeds by selectForSkb's rule, for a round's candidates given as columns rather than an
 * object each (final-ranking reads a round of tens of thousands this way): `formation[i]` is
 * candidate i's index in `counts` (−1: not in the competition, as a candidate without an SKD
 * score), `metPassMark[i]` 1 when i met the pass mark, and `total`, `twk`, `tiu`, `tkp` its SKD
 * scores. 1 for each candidate who proceeds. Candidates tied on the total and every tie-break
 * proceed or stay out together, so no further order (selectForSkb's ids) is needed to say who
 * proceeds; a differential test holds this to selectForSkb.
 */
export function proceedingByColumns(options: {
  counts: ArrayLike<number>;
  formation: Int32Array;
  metPassMark: Uint8Array;
  total: Float64Array;
  twk: Float64Array;
  tiu: Float64Array;
  tkp: Float64Array;
  preset: ProceedPreset;
}): Uint8Array {
  const { counts, formation, metPassMark, total, preset } = options;
  if (!(preset.multiplier > 0)) throw new RangeError(`pengali formasi harus positif: ${preset.multiplier}`);
  const n = formation.length;
  for (const name of ['metPassMark', 'total', 'twk', 'tiu', 'tkp'] as const) {
    if (options[name].length !== n) throw new RangeError(`kolom ${name}: ${options[name].length} nilai untuk ${n} peserta`);
  }
  const formations = counts.length;
  for (let f = 0; f < formations; f += 1) {
    if (!Number.isInteger(counts[f]) || counts[f]! < 0) throw new RangeError(`formasi ke-${f}: jumlah kebutuhan tidak sah (${counts[f]})`);
  }
  // The ranked (met the pass mark) by formation: counting sort of their indices.
  const starts = new Int32Array(formations + 1);
  for (let i = 0; i < n; i += 1) {
    const f = formation[i]!;
    if (f >= formations) throw new RangeError(`peserta ke-${i}: formasi ke-${f} tidak dikenal`);
    if (f >= 0 && metPassMark[i] === 1) starts[f + 1]! += 1;
  }
  for (let f = 0; f < formations; f += 1) starts[f + 1]! += starts[f]!;
  const ranked = new Int32Array(starts[formations]!);
  const fill = starts.slice(0, formations);
  for (let i = 0; i < n; i += 1) {
    const f = formation[i]!;
    if (f >= 0 && metPassMark[i] === 1) ranked[fill[f]!++] = i;
  }
  const keys = preset.tieBreakOrder.map((key) => (key === 'TKP' ? options.tkp : key === 'TIU' ? options.tiu : options.twk));
  // Negative when a ranks before b; 0 when tied on the total and every tie-break.
  const compare = (a: number, b: number): number => {
    if (total[a] !== total[b]) return total[b]! - total[a]!;
    for (const key of keys) if (key[a] !== key[b]) return key[b]! - key[a]!;
    return 0;
  };
  const proceeds = new Uint8Array(n);
  for (let f = 0; f < formations; f += 1) {
    const pool = ranked.subarray(starts[f]!, starts[f + 1]!);
    pool.sort(compare);
    const proceeding = proceedingCount(Math.floor(preset.multiplier * counts[f]!), pool.length, (k) => compare(pool[k]!, pool[k + 1]!) === 0);
    for (let k = 0; k < proceeding; k += 1) proceeds[pool[k]!] = 1;
  }
  return proceeds;
}
