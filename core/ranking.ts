/**
 * Ranking per formation after integration (domain rules §5): final score, then SKD total, TKP, TIU,
 * TWK, then IPK (or the diploma average), then the older applicant, then the registration number
 * so that the order is total and never depends on input order. Absent and disqualified candidates
 * are never ranked into a place.
 *
 * Built for millions of candidates (4,000,000 in a few seconds): every candidate (an object, or
 * one position of the caller's columns) is read once, in input order, into typed columns carved
 * from one buffer; final score and formation are ordered by two linear-time counting sorts; only
 * candidates sharing both (rare with 3-decimal scores) are sorted with a comparator, which reads
 * the typed columns and allocates nothing. The result is columnar too (RankingTable) rather than
 * millions of objects.
 */
import { byText } from './text-order.js';

export type TieBreakCriterion = 'skdTotal' | 'tkp' | 'tiu' | 'twk' | 'ipk' | 'birthDate';
/** What separated two neighbours with the same published final score. */
export type DecidingCriterion = TieBreakCriterion | 'registrationNumber';

export interface RankingPreset {
  /** Applied in order after the final score; the registration number always comes last. */
  readonly tieBreakChain: readonly TieBreakCriterion[];
}

// Domain rules §5: SKD total, then TKP, TIU, TWK, then IPK, then the older applicant.
export const RANKING_PRESET: RankingPreset = { tieBreakChain: ['skdTotal', 'tkp', 'tiu', 'twk', 'ipk', 'birthDate'] };

/** Labels for "ditentukan oleh …" in the UI. */
export const CRITERION_LABELS: Readonly<Record<DecidingCriterion, string>> = {
  skdTotal: 'nilai total SKD',
  tkp: 'nilai TKP',
  tiu: 'nilai TIU',
  twk: 'nilai TWK',
  ipk: 'IPK/nilai rata-rata ijazah',
  birthDate: 'usia (yang lebih tua didahulukan)',
  registrationNumber: 'nomor pendaftaran',
};

export function decidedByText(criterion: DecidingCriterion): string {
  return `ditentukan oleh ${CRITERION_LABELS[criterion]}`;
}

export interface RankingKey {
  readonly registrationNumber: string;
  /** The published (rounded) final score, the same value that is announced. */
  readonly final: number;
  readonly skdTotal: number;
  readonly tkp: number;
  readonly tiu: number;
  readonly twk: number;
  /** IPK or diploma average on one scale within a formation; null ranks below every value. */
  readonly ipk: number | null;
  /** YYYY-MM-DD; the earlier date (older applicant) ranks first. */
  readonly birthDate: string;
}

export interface RankingCandidate extends RankingKey {
  readonly formasiId: string;
  readonly absent?: boolean;
  readonly disqualified?: boolean;
  /** Accepted a place offered in optimisation (see optimisation.ts). */
  readonly placedByOptimisation?: boolean;
}

export interface RankingFormation {
  readonly id: string;
  readonly count: number;
}

export type RankingStatus = 'lulus' | 'lulus_optimalisasi' | 'tidak_lulus' | 'tidak_hadir' | 'diskualifikasi';

export interface RankedCandidate {
  /** Position of the candidate in the input array, to join the result back without a lookup (the one field that follows input order). */
  readonly index: number;
  readonly registrationNumber: string;
  readonly formasiId: string;
  /** 1, 2, 3 … within the formation (the order is total, so ranks are never shared); null if unranked. */
  readonly rank: number | null;
  readonly status: RankingStatus;
  /** decidedByAbove when set, else decidedByBelow. */
  readonly decidedBy: DecidingCriterion | null;
  /** The criterion that put the candidate after the one ranked just above, when their final scores are equal. */
  readonly decidedByAbove: DecidingCriterion | null;
  /** The criterion that put the candidate before the one ranked just below, when their final scores are equal. */
  readonly decidedByBelow: DecidingCriterion | null;
}

/**
 * The candidates as columns, one value per candidate in each (what rankFormations reads of each
 * candidate object): for a caller that holds its candidates in columns already, so that no object
 * per candidate is made just to be read once.
 */
export interface RankingColumns {
  readonly registrationNumber: readonly string[];
  readonly formasiId: readonly string[];
  readonly final: ArrayLike<number>;
  readonly skdTotal: ArrayLike<number>;
  readonly tkp: ArrayLike<number>;
  readonly tiu: ArrayLike<number>;
  readonly twk: ArrayLike<number>;
  /** null ranks below every value. */
  readonly ipk: ReadonlyArray<number | null>;
  readonly birthDate: readonly string[];
  /** Non-zero: absent, disqualified, placed by optimisation (as the candidate's flags). */
  readonly absent: ArrayLike<number>;
  readonly disqualified: ArrayLike<number>;
  readonly placedByOptimisation?: ArrayLike<number>;
}

export interface RankingOptions {
  readonly formations: readonly RankingFormation[];
  /** Objects, or the same keys as columns. */
  readonly candidates: readonly RankingCandidate[] | RankingColumns;
  readonly preset: RankingPreset;
}

const DIGIT_0 = 48;

/** 'YYYY-MM-DD' → YYYYMMDD without allocating; NaN when malformed. */
function dateNumber(text: string): number {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  let value = 0;
  for (let i = 0; i < 10; i += 1) {
    if (i === 4 || i === 7) continue;
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  const month = Math.floor(value / 100) % 100;
  const day = value % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? value : Number.NaN;
}

/** A criterion's value as a number where higher ranks first: a missing IPK below every IPK, the older applicant (earlier date) first. */
function criterionNumber(criterion: TieBreakCriterion, value: number | string | null | undefined): number {
  if (criterion === 'ipk') return value === null || value === undefined ? Number.NEGATIVE_INFINITY : (value as number);
  if (criterion === 'birthDate') return -dateNumber(value as string);
  return value as number;
}

function criterionValue(candidate: RankingKey, criterion: TieBreakCriterion): number {
  return criterionNumber(criterion, candidate[criterion]);
}

function invalidCandidate(registrationNumber: string, index: number, problem: string): never {
  throw new Error(`peserta[${index}] ${registrationNumber}: ${problem}`);
}

// Checked for every candidate of a round: no closure made per call.
function checkKeyAt(keys: RankingColumns, index: number): void {
  const registrationNumber = keys.registrationNumber[index]!;
  if (typeof registrationNumber !== 'string' || registrationNumber === '') invalidCandidate(registrationNumber, index, 'nomor pendaftaran kosong');
  if (!Number.isFinite(keys.final[index])) invalidCandidate(registrationNumber, index, 'final bukan angka');
  if (!Number.isFinite(keys.skdTotal[index])) invalidCandidate(registrationNumber, index, 'skdTotal bukan angka');
  if (!Number.isFinite(keys.tkp[index])) invalidCandidate(registrationNumber, index, 'tkp bukan angka');
  if (!Number.isFinite(keys.tiu[index])) invalidCandidate(registrationNumber, index, 'tiu bukan angka');
  if (!Number.isFinite(keys.twk[index])) invalidCandidate(registrationNumber, index, 'twk bukan angka');
  const ipk = keys.ipk[index];
  if (ipk !== null && ipk !== undefined && !Number.isFinite(ipk)) invalidCandidate(registrationNumber, index, 'ipk bukan angka');
  if (Number.isNaN(dateNumber(keys.birthDate[index]!))) invalidCandidate(registrationNumber, index, `tanggal lahir ${keys.birthDate[index]} bukan YYYY-MM-DD`);
}

const KNOWN_CRITERIA: readonly TieBreakCriterion[] = ['skdTotal', 'tkp', 'tiu', 'twk', 'ipk', 'birthDate'];

function checkPreset(preset: RankingPreset): void {
  for (const criterion of preset.tieBreakChain) {
    if (!KNOWN_CRITERIA.includes(criterion)) throw new RangeError(`kriteria penentu tidak dikenal: ${String(criterion)}`);
  }
  if (preset.tieBreakChain.length > 100) throw new RangeError('rantai penentu terlalu panjang');
}

export interface RankingComparatorOptions {
  readonly preset: RankingPreset;
}

/**
 * The same order as rankFormations, on objects: negative when `a` ranks before `b`. For small lists
 * (optimisation offers); rankFormations does not use it.
 */
export function createRankingComparator({ preset }: RankingComparatorOptions): (a: RankingKey, b: RankingKey) => number {
  checkPreset(preset);
  const chain = preset.tieBreakChain;
  return (a, b) => {
    if (a.final !== b.final) return a.final > b.final ? -1 : 1;
    for (const criterion of chain) {
      const x = criterionValue(a, criterion);
      const y = criterionValue(b, criterion);
      if (x !== y) return x > y ? -1 : 1;
    }
    return byText(a.registrationNumber, b.registrationNumber);
  };
}

const ABSENT = 1;
const DISQUALIFIED = 2;
const PLACED_BY_OPTIMISATION = 4;

/**
 * Carves typed arrays out of one ArrayBuffer. Each typed array is external memory, and growth of
 * external memory triggers full garbage collections over the caller's millions of objects; one
 * buffer for all scratch columns costs one such trigger instead of a dozen.
 */
class Arena {
  private readonly buffer: ArrayBuffer;
  private offset = 0;

  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  float64(length: number): Float64Array {
    return new Float64Array(this.buffer, this.take(length * 8, 8), length);
  }

  int32(length: number): Int32Array {
    return new Int32Array(this.buffer, this.take(length * 4, 4), length);
  }

  uint8(length: number): Uint8Array {
    return new Uint8Array(this.buffer, this.take(length, 1), length);
  }

  private take(bytes: number, alignment: number): number {
    const start = Math.ceil(this.offset / alignment) * alignment;
    if (start + bytes > this.buffer.byteLength) throw new RangeError('arena ranking kehabisan ruang');
    this.offset = start + bytes;
    return start;
  }
}

/** Bytes the scratch arena needs for n candidates, a chain of `depth` criteria and `formations` formations. */
function arenaBytes(n: number, depth: number, formations: number): number {
  // formation, final, chain, flags, ranked+unranked, distinct finals, final ordinal, two sorted copies, counting starts, run marks.
  return n * (4 + 8 + 8 * depth + 1 + 4 + 8 + 4 + 8 + 4 + 1) + 4 * (formations + 2) + 8 * 32; // + alignment slack
}

interface Columns {
  readonly formation: Int32Array;
  readonly final: Float64Array;
  readonly chain: readonly Float64Array[];
  readonly registration: readonly string[];
  /** ABSENT | DISQUALIFIED | PLACED_BY_OPTIMISATION bits. */
  readonly flags: Uint8Array;
}

/** The keys of candidate objects as columns, the values as they are (checked as the objects' would be). */
function columnsOfObjects(candidates: readonly RankingCandidate[]): RankingColumns {
  const pick = <T>(read: (candidate: RankingCandidate) => T): T[] => candidates.map(read);
  return {
    registrationNumber: pick((c) => c.registrationNumber),
    formasiId: pick((c) => c.formasiId),
    final: pick((c) => c.final),
    skdTotal: pick((c) => c.skdTotal),
    tkp: pick((c) => c.tkp),
    tiu: pick((c) => c.tiu),
    twk: pick((c) => c.twk),
    ipk: pick((c) => c.ipk),
    birthDate: pick((c) => c.birthDate),
    absent: pick((c) => (c.absent ? 1 : 0)),
    disqualified: pick((c) => (c.disqualified ? 1 : 0)),
    placedByOptimisation: pick((c) => (c.placedByOptimisation ? 1 : 0)),
  };
}

/** Each criterion as a number where higher ranks first, for every candidate. */
function fillCriterion(out: Float64Array, keys: RankingColumns, criterion: TieBreakCriterion): void {
  const source = keys[criterion];
  for (let i = 0; i < out.length; i += 1) out[i] = criterionNumber(criterion, source[i]) + 0;
}

/** Reads every candidate's keys once, in input order, into typed columns; nothing after this reads the input. */
function buildColumns(arena: Arena, formations: readonly RankingFormation[], keys: RankingColumns, preset: RankingPreset): Columns {
  const formationIndex = new Map(formations.map((f, i) => [f.id, i]));
  const n = keys.registrationNumber.length;
  for (const [name, column] of Object.entries(keys) as Array<[string, ArrayLike<unknown> | undefined]>) {
    if (column && column.length !== n) throw new RangeError(`kolom ${name}: ${column.length} nilai untuk ${n} peserta`);
  }
  const criteria = preset.tieBreakChain;
  const formation = arena.int32(n);
  const final = arena.float64(n);
  const chain = criteria.map(() => arena.float64(n));
  const flags = arena.uint8(n);
  const placed = keys.placedByOptimisation;
  for (let i = 0; i < n; i += 1) {
    checkKeyAt(keys, i);
    const f = formationIndex.get(keys.formasiId[i]!);
    if (f === undefined) throw new Error(`peserta ${keys.registrationNumber[i]}: formasi ${keys.formasiId[i]} tidak dikenal`);
    formation[i] = f;
    final[i] = keys.final[i]! + 0; // -0 → 0, so the native sort and !== agree
    flags[i] = (keys.absent[i] ? ABSENT : 0) | (keys.disqualified[i] ? DISQUALIFIED : 0) | (placed?.[i] ? PLACED_BY_OPTIMISATION : 0);
  }
  for (let k = 0; k < criteria.length; k += 1) fillCriterion(chain[k]!, keys, criteria[k]!);
  return { formation, final, chain, registration: keys.registrationNumber, flags };
}

function splitByAttendance(arena: Arena, flags: Uint8Array): { ranked: Int32Array; unranked: Int32Array } {
  const excluded = ABSENT | DISQUALIFIED;
  let rankedCount = 0;
  for (let i = 0; i < flags.length; i += 1) if ((flags[i]! & excluded) === 0) rankedCount += 1;
  const ranked = arena.int32(rankedCount);
  const unranked = arena.int32(flags.length - rankedCount);
  for (let i = 0, r = 0, u = 0; i < flags.length; i += 1) {
    if ((flags[i]! & excluded) === 0) ranked[r++] = i;
    else unranked[u++] = i;
  }
  return { ranked, unranked };
}

/** For each candidate, the position of its final score among the distinct finals, best = 0. */
function finalOrdinals(arena: Arena, final: Float64Array, ranked: Int32Array): { ordinal: Int32Array; distinct: number } {
  const values = arena.float64(ranked.length);
  for (let i = 0; i < ranked.length; i += 1) values[i] = final[ranked[i]!]!;
  values.sort();
  let distinct = 0;
  for (let i = 0; i < values.length; i += 1) if (distinct === 0 || values[i] !== values[distinct - 1]) values[distinct++] = values[i]!;
  const ordinal = arena.int32(final.length);
  for (let i = 0; i < ranked.length; i += 1) {
    const candidate = ranked[i]!;
    const value = final[candidate]!;
    let low = 0;
    let high = distinct - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (values[middle]! < value) low = middle + 1;
      else high = middle;
    }
    ordinal[candidate] = distinct - 1 - low;
  }
  return { ordinal, distinct };
}

/** Stable counting sort of candidate indices by a small integer key; also returns where each key's block starts. */
function countingSort(arena: Arena, indices: Int32Array, key: Int32Array, buckets: number): { sorted: Int32Array; starts: Int32Array } {
  const starts = arena.int32(buckets + 1);
  for (let i = 0; i < indices.length; i += 1) starts[key[indices[i]!]! + 1]! += 1;
  for (let b = 0; b < buckets; b += 1) starts[b + 1]! += starts[b]!;
  const sorted = arena.int32(indices.length);
  for (let i = 0; i < indices.length; i += 1) {
    const candidate = indices[i]!;
    sorted[starts[key[candidate]!]!++] = candidate;
  }
  // Each start has moved to the next block's start; shift back.
  starts.copyWithin(1, 0, buckets);
  starts[0] = 0;
  return { sorted, starts };
}

interface SortedRanking {
  /** Candidate indices: formation by formation, best first. */
  readonly order: Int32Array;
  /** order[formationStarts[f] … formationStarts[f + 1]) is formation f. */
  readonly formationStarts: Int32Array;
  /** 1 where the candidate has the same formation and final score as the one before it. */
  readonly sameFinalAsPrevious: Uint8Array;
}

/**
 * Orders the ranked candidates: formation, final score descending, the tie-break chain, the
 * registration number. Only runs sharing formation and final score meet the comparator.
 */
function sortRanked(arena: Arena, columns: Columns, ranked: Int32Array, formationCount: number): SortedRanking {
  const { formation, final, chain, registration } = columns;
  const { ordinal, distinct } = finalOrdinals(arena, final, ranked);
  const byFinal = countingSort(arena, ranked, ordinal, distinct).sorted;
  const { sorted: order, starts: formationStarts } = countingSort(arena, byFinal, formation, formationCount);
  const depth = chain.length;
  let duplicate = -1;
  const compareTied = (a: number, b: number): number => {
    for (let k = 0; k < depth; k += 1) {
      const column = chain[k]!;
      const p = column[a]!;
      const q = column[b]!;
      if (p !== q) return p > q ? -1 : 1;
    }
    const r = registration[a]!;
    const s = registration[b]!;
    if (r === s && a !== b) duplicate = a;
    return r < s ? -1 : r > s ? 1 : 0;
  };
  const sameFinalAsPrevious = arena.uint8(order.length);
  for (let f = 0; f < formationCount; f += 1) {
    const end = formationStarts[f + 1]!;
    for (let start = formationStarts[f]!; start < end; ) {
      let stop = start + 1;
      const head = ordinal[order[start]!]!;
      while (stop < end && ordinal[order[stop]!] === head) sameFinalAsPrevious[stop++] = 1;
      if (stop - start > 1) order.subarray(start, stop).sort(compareTied);
      start = stop;
    }
  }
  if (duplicate >= 0) throw new Error(`nomor pendaftaran ${registration[duplicate]} ganda dalam satu formasi`);
  return { order, formationStarts, sameFinalAsPrevious };
}

/** Index in the chain (or chain length for the registration number) separating neighbours already known to share the final score. */
function separatingCode(columns: Columns, a: number, b: number): number {
  for (let k = 0; k < columns.chain.length; k += 1) if (columns.chain[k]![a] !== columns.chain[k]![b]) return k;
  return columns.chain.length;
}

/** Status codes of RankingTable.status, by index. */
export const RANKING_STATUSES: readonly RankingStatus[] = ['lulus', 'lulus_optimalisasi', 'tidak_lulus', 'tidak_hadir', 'diskualifikasi'];
const LULUS = 0;
const LULUS_OPTIMALISASI = 1;
const TIDAK_LULUS = 2;
const TIDAK_HADIR = 3;
const DISKUALIFIKASI = 4;

/**
 * The ranking as columns, one entry per output position, so millions of results cost a few typed
 * arrays instead of millions of objects. Output order: formations by id; in each, the ranked
 * candidates best first, then absent and disqualified ones by registration number.
 */
export class RankingTable {
  /** The criteria that decidedByAbove/decidedByBelow codes index: the preset's chain, then the registration number. */
  readonly criteria: readonly DecidingCriterion[];

  // Keeps a reference to the candidates' columns so row() can name them without copying millions of strings.

  constructor(
    private readonly keys: Pick<RankingColumns, 'registrationNumber' | 'formasiId'>,
    preset: RankingPreset,
    /** Input index of the candidate at each output position. */
    readonly order: Int32Array,
    /** Rank within the formation, 0 when unranked. */
    readonly rank: Int32Array,
    /** Index into RANKING_STATUSES. */
    readonly status: Uint8Array,
    /** Index into `criteria`, −1 when the final scores differ or there is no neighbour. */
    readonly decidedByAbove: Int8Array,
    readonly decidedByBelow: Int8Array,
  ) {
    this.criteria = [...preset.tieBreakChain, 'registrationNumber'];
  }

  get length(): number {
    return this.order.length;
  }

  row(position: number): RankedCandidate {
    const index = this.order[position];
    if (index === undefined) throw new RangeError(`posisi ${position} di luar hasil`);
    const above = this.criterion(this.decidedByAbove[position]!);
    const below = this.criterion(this.decidedByBelow[position]!);
    return {
      index,
      registrationNumber: this.keys.registrationNumber[index]!,
      formasiId: this.keys.formasiId[index]!,
      rank: this.rank[position]! || null,
      status: RANKING_STATUSES[this.status[position]!]!,
      decidedBy: above ?? below,
      decidedByAbove: above,
      decidedByBelow: below,
    };
  }

  /** Every row as an object; convenient for small selections and tests. */
  rows(): RankedCandidate[] {
    return Array.from({ length: this.length }, (_, position) => this.row(position));
  }

  private criterion(code: number): DecidingCriterion | null {
    return code < 0 ? null : this.criteria[code]!;
  }
}

function sortedFormations(given: readonly RankingFormation[]): RankingFormation[] {
  const formations = [...given].sort((a, b) => byText(a.id, b.id));
  formations.forEach((f, i) => {
    if (i > 0 && formations[i - 1]!.id === f.id) throw new Error(`formasi ${f.id} ganda`);
    if (!Number.isInteger(f.count) || f.count < 0) throw new RangeError(`formasi ${f.id}: jumlah kebutuhan tidak sah (${f.count})`);
  });
  return formations;
}

function isColumns(candidates: RankingOptions['candidates']): candidates is RankingColumns {
  return !Array.isArray(candidates);
}

export function rankFormations({ formations: given, candidates, preset }: RankingOptions): RankingTable {
  checkPreset(preset);
  const formations = sortedFormations(given);
  const keys = isColumns(candidates) ? candidates : columnsOfObjects(candidates);
  const n = keys.registrationNumber.length;
  const arena = new Arena(arenaBytes(n, preset.tieBreakChain.length, formations.length));
  const columns = buildColumns(arena, formations, keys, preset);
  const split = splitByAttendance(arena, columns.flags);
  const ranked = sortRanked(arena, columns, split.ranked, formations.length);
  const unranked = split.unranked.sort((a, b) => columns.formation[a]! - columns.formation[b]! || byText(columns.registration[a]!, columns.registration[b]!));

  const order = new Int32Array(n);
  const rank = new Int32Array(n);
  const status = new Uint8Array(n);
  const above = new Int8Array(n).fill(-1);
  const below = new Int8Array(n).fill(-1);
  let position = 0;
  let nextUnranked = 0;
  for (let f = 0; f < formations.length; f += 1) {
    const count = formations[f]!.count;
    const first = ranked.formationStarts[f]!;
    const end = ranked.formationStarts[f + 1]!;
    for (let r = first; r < end; r += 1, position += 1) {
      const i = ranked.order[r]!;
      const place = r - first + 1;
      order[position] = i;
      rank[position] = place;
      status[position] = place <= count ? LULUS : columns.flags[i]! & PLACED_BY_OPTIMISATION ? LULUS_OPTIMALISASI : TIDAK_LULUS;
      if (ranked.sameFinalAsPrevious[r]) {
        const code = separatingCode(columns, ranked.order[r - 1]!, i);
        above[position] = code;
        below[position - 1] = code;
      }
    }
    for (; nextUnranked < unranked.length && columns.formation[unranked[nextUnranked]!] === f; nextUnranked += 1, position += 1) {
      const i = unranked[nextUnranked]!;
      order[position] = i;
      status[position] = columns.flags[i]! & DISQUALIFIED ? DISKUALIFIKASI : TIDAK_HADIR;
    }
  }
  return new RankingTable(keys, preset, order, rank, status, above, below);
}
