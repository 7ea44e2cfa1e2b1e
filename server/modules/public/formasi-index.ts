/**
 * The public portal's formation search as an in-memory inverted index over the published formasi
 * of published rounds (a read model of PostgreSQL, rebuilt when the data changes: portal.service).
 *
 * Why not one SQL query per search: on 250,000 formasi a first page with filters cost 7–33 ms at the
 * median and up to 1.6 s (an ordered index scan with LIMIT walks the whole table when correlated
 * filters, e.g. "radiografer" + PROFESI, match nothing), and the exact count another 16 ms; measured
 * in bench/README.md. Here a search intersects sorted lists of row numbers, or, for the frequent
 * words and values, bitsets of all rows (an AND of 32-bit words and a popcount: about 8,000 words
 * per filter at 250,000 rows), so a search costs well under a millisecond with an exact total.
 *
 * Semantics: every word of the text filter must start a word of the formation's search text
 * (position, unit, programmes, agency: the formasi module's search_text), as PostgreSQL's
 * to_tsquery('simple', 'word:*') would match; the placement-unit and programme filters must also
 * match as substrings of the unit name and of the normalised programmes.
 */
import { normalizeEducationLevel, normalizeProgramme } from '../../../core/eligibility.js';
import type { FormasiSearchItem } from '../../../core/schemas/selections.js';
import { lowerBound } from '../../../core/text-order.js';

export type IndexedAgency = { id: string; code: string; name: string; region: string; timezone: string };

export type IndexedSelection = {
  id: string;
  agencyId: string;
  name: string;
  type: 'cpns' | 'pppk' | 'jpt';
  year: number;
  opensAt: Date | null;
  closesAt: Date | null;
};

export type IndexedFormasi = {
  id: string;
  selectionId: string;
  agencyId: string;
  positionName: string;
  unitName: string;
  count: number;
  kind: string;
  educationLevels: string[];
  /** The qualifications as stored (JSON text, [{ level, programmes }]); read only for the rows shown. */
  qualificationsJson: string;
  /** As stored in formasi.programmes: core/eligibility normalizeProgramme. */
  programmeKeys: string[];
  /** Only read while the index is built. */
  searchText: string;
};

export type FormasiIndexInput = { agencies: IndexedAgency[]; selections: IndexedSelection[]; formasi: IndexedFormasi[] };

export type FormasiIndexQuery = {
  q?: string | undefined;
  level?: string | undefined;
  programme?: string | undefined;
  unit?: string | undefined;
  kind?: string | undefined;
  agencyId?: string | undefined;
  selectionId?: string | undefined;
  type?: string | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
  now: Date;
};

/** A search result as the API presents it (core/schemas/selections formasiSearchItem). */
export type FormasiHit = FormasiSearchItem;

/** Rows matching one value: the sorted row numbers, and a bitset over all rows when the list is long. */
type Posting = { length: number; rows: Int32Array | null; bits: Uint32Array | null };

const EMPTY: Posting = { length: 0, rows: new Int32Array(0), bits: null };
const MAX_TEXT_WORDS = 24;
const PLAIN_WORDS = /^[a-z0-9 ]*$/;
const MAX_PRESENTED = 50_000;

/** Lower-case words, as the formasi module writes search_text. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Smallest index ≥ from whose value is ≥ target (galloping, then binary search). */
function gallop(list: Int32Array, from: number, target: number): number {
  let bound = 1;
  while (from + bound < list.length && list[from + bound]! < target) bound *= 2;
  let lo = from + (bound >>> 1);
  let hi = Math.min(from + bound + 1, list.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const has = (bits: Uint32Array, row: number) => ((bits[row >>> 5]! >>> (row & 31)) & 1) === 1;

type Prepared = {
  size: number;
  dense: number;
  selections: IndexedSelection[];
  agencies: Map<string, IndexedAgency>;
  selectionIndex: Map<string, number>;
  selectionCounts: Map<string, { formasi: number; places: number }>;
  rows: IndexedFormasi[];
  rowSelection: Int32Array;
  selectionStart: Int32Array;
  selectionEnd: Int32Array;
  words: Map<string, number[]>;
  levels: Map<string, number[]>;
  kinds: Map<string, number[]>;
  byAgency: Map<string, number[]>;
};

export type FormasiIndexOptions = {
  /** Lists at least this long also get a bitset (default: 1/64 of the rows, at least 256). */
  denseAt?: number;
};

const ROWS_PER_STEP = 5000;

/** The heavy part of building, in steps of ROWS_PER_STEP rows, so a caller can let requests run between them. */
function* prepare(input: FormasiIndexInput, options: FormasiIndexOptions): Generator<void, Prepared> {
  const agencies = new Map(input.agencies.map((agency) => [agency.id, agency]));
  const selections = input.selections.filter((selection) => agencies.has(selection.agencyId));
  const selectionIndex = new Map(selections.map((selection, index) => [selection.id, index]));
  const closes = selections.map((selection) => selection.closesAt?.getTime() ?? Number.MAX_SAFE_INTEGER);
  // Display order: rounds closing soonest first, then by position, unit and id within a round.
  // Names repeat a lot, so each distinct name is ranked once and rows compare numbers.
  const rank = (names: Iterable<string>) => {
    const sorted = [...new Set(names)].map((name) => [name.toLowerCase(), name] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return new Map(sorted.map(([, name], index) => [name, index]));
  };
  const kept = input.formasi.filter((row) => selectionIndex.has(row.selectionId));
  const positionRank = rank(kept.map((row) => row.positionName));
  const unitRank = rank(kept.map((row) => row.unitName));
  const keyed = kept.map((row) => {
    const selection = selectionIndex.get(row.selectionId)!;
    return { row, selection, closes: closes[selection]!, position: positionRank.get(row.positionName)!, unit: unitRank.get(row.unitName)! };
  });
  yield;
  keyed.sort((a, b) => a.closes - b.closes || a.selection - b.selection || a.position - b.position || a.unit - b.unit || (a.row.id < b.row.id ? -1 : 1));
  yield;
  const rows = keyed.map((entry) => entry.row);
  const size = rows.length;
  const rowSelection = Int32Array.from(keyed, (entry) => entry.selection);
  const selectionStart = new Int32Array(selections.length);
  const selectionEnd = new Int32Array(selections.length);
  for (let row = size - 1; row >= 0; row--) selectionStart[rowSelection[row]!] = row;
  for (let row = 0; row < size; row++) selectionEnd[rowSelection[row]!] = row + 1;

  const words = new Map<string, number[]>();
  const levels = new Map<string, number[]>();
  const kinds = new Map<string, number[]>();
  const byAgency = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, row: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [row]);
    else if (list[list.length - 1] !== row) list.push(row);
  };
  const selectionCounts = new Map(selections.map((selection) => [selection.id, { formasi: 0, places: 0 }]));
  for (let index = 0; index < size; index++) {
    const row = rows[index]!;
    // search_text is normally already lower-case words separated by spaces (formasi module).
    for (const word of PLAIN_WORDS.test(row.searchText) ? row.searchText.split(' ') : searchWords(row.searchText)) if (word) push(words, word, index);
    for (const level of row.educationLevels) push(levels, normalizeEducationLevel(level), index);
    push(kinds, row.kind, index);
    push(byAgency, row.agencyId, index);
    const counts = selectionCounts.get(row.selectionId)!;
    counts.formasi += 1;
    counts.places += row.count;
    row.searchText = '';
    if (index % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
  }
  const dense = options.denseAt ?? Math.max(256, size >>> 6);
  return { size, dense, selections, agencies, selectionIndex, selectionCounts, rows, rowSelection, selectionStart, selectionEnd, words, levels, kinds, byAgency };
}

export class FormasiSearchIndex {
  readonly size: number;
  readonly selections: IndexedSelection[];
  readonly agencies: Map<string, IndexedAgency>;
  /** Published formasi and places per round. */
  readonly selectionCounts: Map<string, { formasi: number; places: number }>;
  private readonly rows: IndexedFormasi[];
  private readonly rowSelection: Int32Array;
  /** Rows of a round are contiguous: [start, end). */
  private readonly selectionStart: Int32Array;
  private readonly selectionEnd: Int32Array;
  private readonly selectionIndex: Map<string, number>;
  private readonly words: Map<string, Posting>;
  private readonly vocabulary: string[];
  private readonly levels: Map<string, Posting>;
  private readonly kinds: Map<string, Posting>;
  private readonly byAgency: Map<string, Posting>;
  private readonly dense: number;
  private readonly scratch: Uint32Array;
  private readonly prefixCache = new Map<string, Posting>();
  private readonly totalCache = new Map<string, number>();
  private readonly allowedCache = new Map<string, { mask: Uint8Array; any: boolean; from: number; until: number }>();
  /** Display programmes per distinct qualifications text (interned by the loader, so few). */
  private readonly programmesCache = new Map<string, string[]>();
  private readonly presented: Array<FormasiHit | undefined> = [];
  private presentedCount = 0;
  private readonly presentedSelections: Array<Pick<FormasiHit, 'agency' | 'selection'> | undefined> = [];

  private constructor(prepared: Prepared) {
    this.size = prepared.size;
    this.dense = prepared.dense;
    this.selections = prepared.selections;
    this.agencies = prepared.agencies;
    this.selectionIndex = prepared.selectionIndex;
    this.selectionCounts = prepared.selectionCounts;
    this.rows = prepared.rows;
    this.rowSelection = prepared.rowSelection;
    this.selectionStart = prepared.selectionStart;
    this.selectionEnd = prepared.selectionEnd;
    this.scratch = new Uint32Array((prepared.size >>> 5) + 1);
    const postings = (map: Map<string, number[]>) => new Map([...map].map(([key, list]) => [key, this.posting(Int32Array.from(list))]));
    this.words = postings(prepared.words);
    this.vocabulary = [...prepared.words.keys()].sort();
    this.levels = postings(prepared.levels);
    this.kinds = postings(prepared.kinds);
    this.byAgency = postings(prepared.byAgency);
  }

  /** Builds the index in one go (tests, small data). */
  static fromRows(input: FormasiIndexInput, options: FormasiIndexOptions = {}): FormasiSearchIndex {
    const steps = prepare(input, options);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return new FormasiSearchIndex(step.value);
  }

  /** Builds the index, awaiting `pause` between steps so the server keeps answering requests meanwhile. */
  static async build(input: FormasiIndexInput, pause: () => Promise<void>, options: FormasiIndexOptions = {}): Promise<FormasiSearchIndex> {
    const steps = prepare(input, options);
    let step = steps.next();
    while (!step.done) {
      await pause();
      step = steps.next();
    }
    return new FormasiSearchIndex(step.value);
  }

  private posting(rows: Int32Array): Posting {
    if (rows.length < this.dense) return { length: rows.length, rows, bits: null };
    const bits = new Uint32Array(this.scratch.length);
    for (const row of rows) bits[row >>> 5]! |= 1 << (row & 31);
    return { length: rows.length, rows, bits };
  }

  /** Rows with a word starting with the prefix; unions are kept for later searches. */
  private prefixPosting(prefix: string): Posting {
    const cached = this.prefixCache.get(prefix);
    if (cached) return cached;
    const members: Posting[] = [];
    for (let i = lowerBound(this.vocabulary, prefix); i < this.vocabulary.length && this.vocabulary[i]!.startsWith(prefix); i++) {
      members.push(this.words.get(this.vocabulary[i]!)!);
    }
    let result: Posting;
    if (members.length === 0) result = EMPTY;
    else if (members.length === 1) result = members[0]!;
    else if (members.reduce((sum, member) => sum + member.length, 0) < this.dense) {
      const merged = Int32Array.from(members.flatMap((member) => [...member.rows!]));
      merged.sort();
      let unique = 0;
      for (let i = 0; i < merged.length; i++) if (i === 0 || merged[i] !== merged[i - 1]) merged[unique++] = merged[i]!;
      result = { length: unique, rows: merged.slice(0, unique), bits: null };
    } else {
      const bits = new Uint32Array(this.scratch.length);
      for (const member of members) {
        if (member.bits) for (let w = 0; w < bits.length; w++) bits[w]! |= member.bits[w]!;
        else for (const row of member.rows!) bits[row >>> 5]! |= 1 << (row & 31);
      }
      let length = 0;
      for (let w = 0; w < bits.length; w++) length += popcount(bits[w]!);
      result = { length, rows: null, bits };
    }
    if (this.prefixCache.size >= 2000) this.prefixCache.delete(this.prefixCache.keys().next().value!);
    this.prefixCache.set(prefix, result);
    return result;
  }

  /**
   * Which rounds a query may return rows from: type, year, and (unless one round is asked for)
   * registration not yet closed. Kept per filter until the next registration deadline passes.
   */
  private allowedSelections(query: FormasiIndexQuery): { mask: Uint8Array; any: boolean } {
    const now = query.now.getTime();
    const key = `${query.type ?? ''}|${query.year ?? ''}|${query.selectionId ?? ''}`;
    const cached = this.allowedCache.get(key);
    if (cached && now >= cached.from && now < cached.until) return cached;
    const only = query.selectionId === undefined ? -1 : (this.selectionIndex.get(query.selectionId) ?? -2);
    let until = Number.POSITIVE_INFINITY;
    const mask = Uint8Array.from(this.selections, (selection, index) => {
      const closes = selection.closesAt?.getTime() ?? Number.NEGATIVE_INFINITY;
      if (closes >= now) until = Math.min(until, closes);
      return (only === -1 ? closes > now : index === only) && (!query.type || selection.type === query.type) && (!query.year || selection.year === query.year) ? 1 : 0;
    });
    const entry = { mask, any: mask.includes(1), from: now, until };
    if (this.allowedCache.size >= 1000) this.allowedCache.clear();
    this.allowedCache.set(key, entry);
    return entry;
  }

  /** The page of matches in display order and the exact number of matches. */
  search(query: FormasiIndexQuery): { items: FormasiHit[]; total: number } {
    const textWords = [...new Set([...searchWords(query.q ?? ''), ...searchWords(query.unit ?? ''), ...searchWords(query.programme ?? '')])].slice(0, MAX_TEXT_WORDS);
    const filters: Posting[] = textWords.map((word) => this.prefixPosting(word));
    if (query.level) filters.push(this.levels.get(normalizeEducationLevel(query.level)) ?? EMPTY);
    if (query.kind) filters.push(this.kinds.get(query.kind) ?? EMPTY);
    if (query.agencyId) filters.push(this.byAgency.get(query.agencyId) ?? EMPTY);
    const { mask: allowed, any } = this.allowedSelections(query);
    if (filters.some((filter) => filter.length === 0) || !any) return { items: [], total: 0 };

    const unitKey = query.unit ? query.unit.normalize('NFKC').toLowerCase().trim() : '';
    const programmeKey = query.programme ? normalizeProgramme(query.programme) : '';
    const keep = (row: number) => {
      if (allowed[this.rowSelection[row]!] === 0) return false;
      const formasi = this.rows[row]!;
      if (unitKey && !formasi.unitName.toLowerCase().includes(unitKey)) return false;
      return !programmeKey || formasi.programmeKeys.some((programme) => programme.includes(programmeKey));
    };
    const offset = (query.page - 1) * query.pageSize;
    const end = offset + query.pageSize;
    const key = JSON.stringify([textWords, query.level, query.kind, query.agencyId, query.selectionId, query.type, query.year, unitKey, programmeKey]);
    const knownTotal = this.totalCache.get(key);
    const items: FormasiHit[] = [];
    let total = 0;
    const take = (row: number) => {
      if (total >= offset && total < end) items.push(this.hit(row));
      total += 1;
    };

    const sparse = filters.filter((filter) => filter.rows !== null && filter.bits === null).sort((a, b) => a.length - b.length);
    if (sparse.length > 0) {
      // Walk the shortest list; test the others by bit or by a moving cursor.
      const [driver, ...rest] = sparse;
      const dense = filters.filter((filter) => filter.bits !== null);
      const cursors = new Int32Array(rest.length);
      const rows = driver!.rows!;
      walk: for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        for (const filter of dense) if (!has(filter.bits!, row)) continue walk;
        for (let j = 0; j < rest.length; j++) {
          const list = rest[j]!.rows!;
          const at = gallop(list, cursors[j]!, row);
          cursors[j] = at;
          if (at >= list.length) break walk;
          if (list[at] !== row) continue walk;
        }
        if (!keep(row)) continue;
        take(row);
        if (knownTotal !== undefined && total >= end) break;
      }
    } else {
      // Only frequent values: AND their bitsets, drop the rounds not allowed, count the bits.
      const bits = this.scratch;
      if (filters.length === 0) bits.fill(0xffffffff);
      else {
        bits.set(filters[0]!.bits!);
        for (const filter of filters.slice(1)) for (let w = 0; w < bits.length; w++) bits[w]! &= filter.bits![w]!;
      }
      this.clearRows(bits, this.size, bits.length * 32);
      this.selections.forEach((_selection, index) => {
        if (allowed[index] === 0) this.clearRows(bits, this.selectionStart[index]!, this.selectionEnd[index]!);
      });
      const filtered = unitKey !== '' || programmeKey !== '';
      for (let w = 0; w < bits.length; w++) {
        let word = bits[w]!;
        if (word === 0) continue;
        if (!filtered) {
          const count = popcount(word);
          if (total + count <= offset || total >= end) {
            if (knownTotal !== undefined && total >= end) break;
            total += count;
            continue;
          }
        }
        while (word !== 0) {
          const lowest = word & -word;
          const row = w * 32 + 31 - Math.clz32(lowest);
          word ^= lowest;
          if (filtered && !keep(row)) continue;
          take(row);
        }
        if (knownTotal !== undefined && total >= end) break;
      }
    }
    if (knownTotal !== undefined) return { items, total: knownTotal };
    if (this.totalCache.size >= 20_000) this.totalCache.delete(this.totalCache.keys().next().value!);
    this.totalCache.set(key, total);
    return { items, total };
  }

  private clearRows(bits: Uint32Array, start: number, end: number) {
    for (let row = start; row < end && row < bits.length * 32; ) {
      if ((row & 31) === 0 && row + 32 <= end) {
        bits[row >>> 5] = 0;
        row += 32;
      } else {
        bits[row >>> 5]! &= ~(1 << (row & 31));
        row += 1;
      }
    }
  }

  /**
   * The row as a search result, made once and kept: a first page of a broad search shows the same
   * rows again and again, and a search then allocates little beyond its answer.
   */
  private hit(index: number): FormasiHit {
    const known = this.presented[index];
    if (known) return known;
    const row = this.rows[index]!;
    const selectionIndex = this.rowSelection[index]!;
    let selection = this.presentedSelections[selectionIndex];
    if (!selection) {
      const round = this.selections[selectionIndex]!;
      const agency = this.agencies.get(round.agencyId)!;
      selection = {
        agency: { id: agency.id, name: agency.name, timezone: agency.timezone },
        selection: {
          id: round.id,
          name: round.name,
          type: round.type,
          year: round.year,
          registrationOpensAt: round.opensAt?.toISOString() ?? null,
          registrationClosesAt: round.closesAt?.toISOString() ?? null,
        },
      };
      this.presentedSelections[selectionIndex] = selection;
    }
    let programmes = this.programmesCache.get(row.qualificationsJson);
    if (!programmes) {
      const qualifications = JSON.parse(row.qualificationsJson) as Array<{ programmes?: string[] }>;
      programmes = [...new Set(qualifications.flatMap((q) => q.programmes ?? []))];
      this.programmesCache.set(row.qualificationsJson, programmes);
    }
    const hit: FormasiHit = {
      id: row.id,
      positionName: row.positionName,
      unitName: row.unitName,
      count: row.count,
      kind: row.kind,
      educationLevels: row.educationLevels,
      programmes,
      agency: selection.agency,
      selection: selection.selection,
    };
    // Bounded, so a crawler paging through everything does not double the index's memory.
    if (this.presentedCount < MAX_PRESENTED) {
      this.presented[index] = hit;
      this.presentedCount += 1;
    }
    return hit;
  }

  /** Published rounds whose registration is open or still to open, soonest deadline first among the open ones. */
  openSelections(options: { now: Date; type?: string | undefined; year?: number | undefined; agencyId?: string | undefined }) {
    const now = options.now.getTime();
    return this.selections
      .filter(
        (selection) =>
          selection.closesAt !== null &&
          selection.closesAt.getTime() > now &&
          (!options.type || selection.type === options.type) &&
          (!options.year || selection.year === options.year) &&
          (!options.agencyId || selection.agencyId === options.agencyId),
      )
      .sort((a, b) => {
        const aOpen = (a.opensAt?.getTime() ?? 0) <= now;
        const bOpen = (b.opensAt?.getTime() ?? 0) <= now;
        if (aOpen !== bOpen) return aOpen ? -1 : 1;
        const at = aOpen ? a.closesAt!.getTime() - b.closesAt!.getTime() : (a.opensAt?.getTime() ?? 0) - (b.opensAt?.getTime() ?? 0);
        return at || (a.id < b.id ? -1 : 1);
      })
      .map((selection) => ({ selection, agency: this.agencies.get(selection.agencyId)!, counts: this.selectionCounts.get(selection.id)! }));
  }
}
