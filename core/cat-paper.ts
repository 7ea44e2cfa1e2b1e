/**
 * A participant's CAT paper, made at allocation (issue 5 §4: the start of a session is the load
 * spike, so nothing is drawn then). For each blueprint section, `count` questions are drawn from the
 * section's pool of active questions; questions are shuffled within each subtest block (subtests
 * stay in the blueprint's order, as on the national SKD: TWK, TIU, TKP) and each question's
 * options are shuffled. Pure and seeded: the same sections and seed always give the same paper,
 * whatever order the pool arrives in, so a paper can be rebuilt and checked later.
 */
import type { FieldIssue } from './field-issue.js';
import { seededRandom, shuffled, type SeededRandom } from './seeded-random.js';
import { byText } from './text-order.js';

export type PaperQuestion = { readonly id: string; readonly optionIds: readonly string[] };

export type PaperSection = {
  readonly subtest: string;
  readonly topic?: string | undefined;
  readonly count: number;
  /** The active questions this section may draw from. */
  readonly pool: readonly PaperQuestion[];
};

export type PaperItem = {
  readonly questionId: string;
  /** 1-based place in the paper. */
  readonly position: number;
  readonly subtest: string;
  /** The question's option ids in the order this participant sees them. */
  readonly optionOrder: readonly string[];
};

export type BuildPaperOptions = { readonly sections: readonly PaperSection[]; readonly seed: string };

export class PaperPoolError extends Error {
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

const byId = (a: PaperQuestion, b: PaperQuestion) => byText(a.id, b.id);

function sectionLabel(section: PaperSection): string {
  return section.topic ? `${section.subtest} (${section.topic})` : section.subtest;
}

/** Sections with a topic draw first: their pools usually sit inside a same-subtest section without one. */
function drawOrder(sections: readonly PaperSection[]): number[] {
  return sections.map((_, i) => i).sort((a, b) => Number(!sections[a]!.topic) - Number(!sections[b]!.topic) || a - b);
}

const usableOf = (pool: readonly PaperQuestion[]) => uniquePool(pool).filter((q) => q.optionIds.length >= 2);

/**
 * Whether every section can be filled whatever the draw: a paper never repeats a question, so a
 * section counts on its pool minus the most that sections drawn before it could take from it
 * (exact when pools are nested or apart, cautious when they partly overlap). A question needs at
 * least two options to be a choice.
 */
export function checkPaperPools(sections: readonly PaperSection[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pools = sections.map((s) => new Set(usableOf(s.pool).map((q) => q.id)));
  const earlier: number[] = [];
  for (const index of drawOrder(sections)) {
    const section = sections[index]!;
    if (!Number.isInteger(section.count) || section.count < 0) {
      issues.push({ field: `sections.${index}.count`, code: 'count_invalid', message: `Jumlah soal ${sectionLabel(section)} tidak valid.` });
      continue;
    }
    const pool = pools[index]!;
    let available = pool.size;
    for (const e of earlier) {
      let shared = 0;
      for (const id of pools[e]!) if (pool.has(id)) shared += 1;
      available -= Math.min(sections[e]!.count, shared);
    }
    if (available < section.count) {
      issues.push({
        field: `sections.${index}.count`,
        code: 'pool_too_small',
        message: `Bank soal ${sectionLabel(section)} hanya memiliki ${Math.max(available, 0)} soal aktif yang dapat dipakai, dibutuhkan ${section.count}.`,
      });
    }
    earlier.push(index);
  }
  return issues;
}

function uniquePool(pool: readonly PaperQuestion[]): PaperQuestion[] {
  const seen = new Set<string>();
  return [...pool].sort(byId).filter((q) => (seen.has(q.id) ? false : (seen.add(q.id), true)));
}

function draw(pool: readonly PaperQuestion[], count: number, random: SeededRandom): PaperQuestion[] {
  // Partial Fisher–Yates: the first `count` places of a uniformly shuffled copy.
  const items = [...pool];
  for (let i = 0; i < count; i++) {
    const j = i + random.below(items.length - i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items.slice(0, count);
}

type Prepared = { order: number[]; usable: PaperQuestion[][] };

// The same sections serve every participant of an allocation: check and sort their pools once.
const prepared = new WeakMap<readonly PaperSection[], Prepared>();

function prepare(sections: readonly PaperSection[]): Prepared {
  let ready = prepared.get(sections);
  if (!ready) {
    const issues = checkPaperPools(sections);
    if (issues.length) throw new PaperPoolError(issues);
    ready = { order: drawOrder(sections), usable: sections.map((section) => usableOf(section.pool)) };
    prepared.set(sections, ready);
  }
  return ready;
}

/** Builds one participant's paper; throws PaperPoolError when a section's pool is too small. */
export function buildPaper({ sections, seed }: BuildPaperOptions): PaperItem[] {
  const { order, usable } = prepare(sections);
  const random = seededRandom(`paper:${seed}`);
  const taken = new Set<string>();
  const picked = new Map<number, PaperQuestion[]>();
  for (const index of order) {
    const pool = taken.size ? usable[index]!.filter((q) => !taken.has(q.id)) : usable[index]!;
    const chosen = draw(pool, sections[index]!.count, random);
    for (const q of chosen) taken.add(q.id);
    picked.set(index, chosen);
  }
  // Sections of one subtest form one block, in the order the subtest first appears in the blueprint.
  const blocks = new Map<string, PaperQuestion[]>();
  sections.forEach((section, index) => blocks.set(section.subtest, [...(blocks.get(section.subtest) ?? []), ...picked.get(index)!]));
  const items: PaperItem[] = [];
  for (const [subtest, questions] of blocks) {
    for (const question of shuffled(questions, random)) {
      items.push({ questionId: question.id, position: items.length + 1, subtest, optionOrder: shuffled(question.optionIds, random) });
    }
  }
  return items;
}
