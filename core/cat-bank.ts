/**
 * Rules of CAT question banks: which subtests exist and how their questions are scored (taken from
 * the scoring presets, so a bank question always fits the preset that will score it), what makes a
 * question well-formed, the review workflow with its four-eyes rule, and the key that finds the
 * same question twice.
 */
import { PPPK_PRESET, SKD_PRESET, type CatPreset } from './cat-scoring.js';
import type { FieldIssue } from './field-issue.js';

export type CatQuestionType = 'single' | 'weighted';

export type CatSubtest = {
  readonly code: string;
  readonly name: string;
  readonly type: CatQuestionType;
  /** Weighted subtests: the range every option's points must lie in (TKP 1–5, PPPK 1–4). */
  readonly minOptionPoints?: number;
  readonly maxOptionPoints?: number;
  /** Points of a correct answer (single-key subtests). */
  readonly correctPoints?: number;
};

function subtestsOf(preset: CatPreset): CatSubtest[] {
  return preset.subtests.map((rule) =>
    rule.type === 'single'
      ? { code: rule.code, name: rule.name, type: 'single', correctPoints: rule.correctPoints }
      : { code: rule.code, name: rule.name, type: 'weighted', minOptionPoints: rule.minOptionPoints, maxOptionPoints: rule.maxOptionPoints },
  );
}

/**
 * Every subtest a bank question may belong to: SKD (domain rules §3), PPPK competency (§6), and
 * the CAT SKB of a formation's field, single-key, correct 5 / otherwise 0 (the scoring a CAT that
 * is neither SKD nor PPPK gets, core/cat-exam presetForBlueprint).
 */
export const CAT_SUBTESTS: readonly CatSubtest[] = [
  ...subtestsOf(SKD_PRESET),
  ...subtestsOf(PPPK_PRESET),
  { code: 'SKB', name: 'Kompetensi Bidang (CAT SKB)', type: 'single', correctPoints: 5 },
];

export const CAT_SUBTEST_CODES = CAT_SUBTESTS.map((subtest) => subtest.code) as [string, ...string[]];

export function catSubtest(code: string): CatSubtest | undefined {
  return CAT_SUBTESTS.find((subtest) => subtest.code === code);
}

export const QUESTION_LIMITS = {
  topicMax: 100,
  stemMin: 5,
  stemMax: 5_000,
  optionsMin: 2,
  optionsMax: 6,
  optionTextMax: 1_000,
} as const;

export const QUESTION_STATUSES = ['draft', 'reviewed', 'active', 'retired'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  draft: 'Draf',
  reviewed: 'Sudah ditelaah',
  active: 'Aktif',
  retired: 'Dipensiunkan',
};

/** A, B, C… as the options are shown to authors (participants see them shuffled). */
export const optionLabel = (index: number) => String.fromCharCode(65 + index);

export type QuestionOptionInput = { readonly text: string; readonly hasImage?: boolean; readonly points?: number | null | undefined };

export type QuestionInput = {
  readonly subtest: string;
  readonly stem: string;
  readonly hasImage?: boolean;
  readonly options: readonly QuestionOptionInput[];
  /** Single-key questions: the index of the correct option. */
  readonly keyIndex?: number | null | undefined;
};

const normalise = (text: string) => text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Checks a question against its subtest: a single-key question names one of its options as the
 * key and gives no points; a weighted question gives every option integer points inside the
 * subtest's range and has no key. Returns `field: problem` issues (empty when sound).
 */
export function validateQuestion(question: QuestionInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, code: string, message: string) => issues.push({ field, code, message });
  const subtest = catSubtest(question.subtest);
  if (!subtest) {
    add('subtest', 'subtest_unknown', `Subtes "${question.subtest}" tidak dikenal.`);
    return issues;
  }
  if (question.stem.trim().length < QUESTION_LIMITS.stemMin && !question.hasImage) {
    add('stem', 'stem_short', `Teks soal minimal ${QUESTION_LIMITS.stemMin} karakter.`);
  }
  const { options } = question;
  if (options.length < QUESTION_LIMITS.optionsMin || options.length > QUESTION_LIMITS.optionsMax) {
    add('options', 'options_count', `Soal harus memiliki ${QUESTION_LIMITS.optionsMin}–${QUESTION_LIMITS.optionsMax} pilihan jawaban (sekarang ${options.length}).`);
  }
  const seen = new Map<string, number>();
  options.forEach((option, index) => {
    const label = optionLabel(index);
    const text = normalise(option.text);
    if (!text && !option.hasImage) add(`options.${index}.text`, 'option_empty', `Pilihan ${label} kosong: isi teks atau gambarnya.`);
    if (text) {
      const first = seen.get(text);
      if (first !== undefined) add(`options.${index}.text`, 'option_duplicate', `Pilihan ${label} sama dengan pilihan ${optionLabel(first)}.`);
      else seen.set(text, index);
    }
    const points = option.points;
    if (subtest.type === 'single') {
      if (points !== undefined && points !== null) add(`options.${index}.points`, 'points_not_allowed', `Soal ${subtest.code} memakai satu kunci jawaban; pilihan ${label} tidak boleh diberi bobot.`);
      return;
    }
    const min = subtest.minOptionPoints!;
    const max = subtest.maxOptionPoints!;
    if (points === undefined || points === null) add(`options.${index}.points`, 'points_missing', `Bobot pilihan ${label} wajib diisi (${min}–${max}).`);
    else if (!Number.isInteger(points) || points < min || points > max) {
      add(`options.${index}.points`, 'points_range', `Bobot pilihan ${label} harus bilangan bulat ${min}–${max} untuk subtes ${subtest.code} (sekarang ${points}).`);
    }
  });
  if (subtest.type === 'single') {
    const key = question.keyIndex;
    if (key === undefined || key === null) add('keyIndex', 'key_missing', 'Pilih kunci jawaban.');
    else if (!Number.isInteger(key) || key < 0 || key >= options.length) add('keyIndex', 'key_unknown', 'Kunci jawaban harus salah satu pilihan soal ini.');
  } else if (question.keyIndex !== undefined && question.keyIndex !== null) {
    add('keyIndex', 'key_not_allowed', `Soal ${subtest.code} dinilai dengan bobot tiap pilihan, bukan satu kunci jawaban.`);
  }
  return issues;
}

/**
 * What makes two questions "the same" for duplicate checks (an import row repeated, or a question
 * already in the bank): subtest, topic, stem and option texts, ignoring case and spacing.
 */
export function questionDuplicateKey(question: { subtest: string; topic: string; stem: string; options: readonly { text: string }[] }): string {
  return JSON.stringify([question.subtest, normalise(question.topic), normalise(question.stem), question.options.map((option) => normalise(option.text))]);
}

export type StatusChangeOptions = {
  readonly from: QuestionStatus;
  readonly to: QuestionStatus;
  readonly actorId: string;
  /** Who wrote the current content (creator or last editor); null when unknown. */
  readonly authorIds: readonly (string | null)[];
};

/**
 * The review workflow: draft → reviewed (by someone who did not write the question) → active;
 * a reviewed question may be sent back to draft; any question but a retired one may be retired,
 * and a retired one reopened as a draft. Returns the reason a change is refused, or null.
 */
export function statusChangeProblem({ from, to, actorId, authorIds }: StatusChangeOptions): string | null {
  if (from === to) return `Soal sudah berstatus ${QUESTION_STATUS_LABELS[to]}.`;
  const allowed: Record<QuestionStatus, readonly QuestionStatus[]> = {
    draft: ['reviewed', 'retired'],
    reviewed: ['active', 'draft', 'retired'],
    active: ['retired'],
    retired: ['draft'],
  };
  if (!allowed[from].includes(to)) {
    if (to === 'active') return 'Soal harus ditelaah terlebih dahulu sebelum diaktifkan.';
    return `Status soal tidak dapat diubah dari ${QUESTION_STATUS_LABELS[from]} menjadi ${QUESTION_STATUS_LABELS[to]}.`;
  }
  if (to === 'reviewed' && authorIds.includes(actorId)) {
    return 'Soal harus ditelaah oleh orang lain, bukan penulis atau pengubah terakhirnya (prinsip empat mata).';
  }
  return null;
}
