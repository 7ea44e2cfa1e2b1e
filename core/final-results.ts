/**
 * The final result of a round (domain rules §5, §7): which scores a round's pipeline integrates
 * (its scored stages and their components, with the weights stored with the selection), the
 * published result list whose SHA-256 is announced, objections to the final result, and the
 * deadline of an optimisation offer. Integration itself is core/integration.ts, the order
 * core/ranking.ts, who proceeds to SKB core/proceed.ts, the offers core/optimisation.ts.
 */
import type { FieldIssue } from './field-issue.js';
import { validateStages, INTEGRATION_PRESET, type IntegrationPreset, type Stage } from './integration.js';
import { isWithinWindow, validatePipeline, type PipelineStage } from './pipeline.js';
import type { DecidingCriterion, RankingStatus } from './ranking.js';
import { byText } from './text-order.js';

/** One score the integration reads: a scored stage, or a component of one. */
export type ScoreLeaf = {
  /** 'skd', 'skb.cat_skb', 'skb.praktik_kerja', 'wawancara' … */
  key: string;
  stageKey: string;
  componentKey: string | null;
  kind: 'cat' | 'panel';
  /** "SKB — Praktik kerja". */
  name: string;
};

export type IntegrationPlan = {
  /** Every scored stage with weight > 0, its components in order. */
  leaves: ScoreLeaf[];
  /** The stages in pipeline order (for the weights shown with the list). */
  stages: Array<{ key: string; name: string; weight: number; components: Array<{ key: string; name: string; weight: number; kind: 'cat' | 'panel' }> }>;
  issues: FieldIssue[];
};

const SCORED = new Set(['cat', 'panel']);

/**
 * The scores a pipeline integrates. Refuses (issues) a pipeline that is not valid — in particular
 * weights of the scored stages, or of a stage's components, that do not sum to 100.
 */
export function integrationPlan(pipeline: readonly PipelineStage[]): IntegrationPlan {
  const validation = validatePipeline(pipeline);
  const stages = pipeline
    .filter((stage) => SCORED.has(stage.kind) && stage.weight > 0)
    .map((stage) => ({
      key: stage.key,
      name: stage.name,
      weight: stage.weight,
      components: (stage.components ?? []).filter((c) => c.weight > 0).map((c) => ({ key: c.key, name: c.name, weight: c.weight, kind: c.kind })),
    }));
  const leaves: ScoreLeaf[] = stages.flatMap((stage): ScoreLeaf[] => {
    const source = pipeline.find((s) => s.key === stage.key)!;
    if (stage.components.length === 0) return [{ key: stage.key, stageKey: stage.key, componentKey: null, kind: source.kind === 'panel' ? 'panel' : 'cat', name: stage.name }];
    return stage.components.map((c) => ({ key: `${stage.key}.${c.key}`, stageKey: stage.key, componentKey: c.key, kind: c.kind, name: `${stage.name} — ${c.name}` }));
  });
  const issues = [...validation.errors];
  if (validation.valid && leaves.length === 0) issues.push({ field: 'stages', code: 'PIPELINE_NOTHING_SCORED', message: 'Seleksi ini tidak memiliki tahap berbobot untuk diintegrasikan.' });
  return { leaves, stages, issues };
}

export type LeafScore = { score: number; max: number };

export type StageTreeOptions = {
  plan: IntegrationPlan;
  /** Score and scale of each leaf, by leaf key. */
  scores: ReadonlyMap<string, LeafScore> | Readonly<Record<string, LeafScore>>;
};

const read = (scores: StageTreeOptions['scores'], key: string): LeafScore | undefined => (scores instanceof Map ? scores.get(key) : (scores as Record<string, LeafScore>)[key]);

/** The plan as core/integration stages (stage → components), with the candidate's scores. */
export function stageTree({ plan, scores }: StageTreeOptions): Stage[] {
  return plan.stages.map((stage): Stage => {
    if (stage.components.length === 0) {
      const leaf = read(scores, stage.key) ?? { score: Number.NaN, max: Number.NaN };
      return { code: stage.key, weight: stage.weight, score: leaf.score, max: leaf.max };
    }
    return {
      code: stage.key,
      weight: stage.weight,
      components: stage.components.map((c) => {
        const leaf = read(scores, `${stage.key}.${c.key}`) ?? { score: Number.NaN, max: Number.NaN };
        return { code: c.key, weight: c.weight, score: leaf.score, max: leaf.max };
      }),
    };
  });
}

/** The shape of the plan with each leaf's scale, for compileIntegration; issues when a scale is missing or the weights are wrong. */
export function planShape(plan: IntegrationPlan, maxes: ReadonlyMap<string, number>, preset: IntegrationPreset = INTEGRATION_PRESET): { stages: Stage[]; issues: string[] } {
  const scores = new Map(plan.leaves.map((leaf) => [leaf.key, { score: 0, max: maxes.get(leaf.key) ?? Number.NaN }]));
  const stages = stageTree({ plan, scores });
  return { stages, issues: validateStages({ stages, preset }) };
}

// ---------------------------------------------------------------------------------------------
// The published list

/** lulus | lulus_optimalisasi | tidak_lulus | tidak_hadir | diskualifikasi, as printed. */
export const FINAL_STATUS_LABELS: Readonly<Record<RankingStatus, string>> = {
  lulus: 'Lulus',
  lulus_optimalisasi: 'Lulus (optimalisasi)',
  tidak_lulus: 'Tidak lulus',
  tidak_hadir: 'Tidak hadir',
  diskualifikasi: 'Diskualifikasi',
};

/** The kinds of published final list. */
export const FINAL_LISTS = ['akhir', 'akhir_pasca_sanggah'] as const;
export type FinalList = (typeof FINAL_LISTS)[number];

export const FINAL_LIST_LABELS: Readonly<Record<FinalList, string>> = {
  akhir: 'Hasil akhir (integrasi nilai)',
  akhir_pasca_sanggah: 'Hasil akhir pasca sanggah',
};

/**
 * One line of a published final list, as printed: nothing personal beyond the name (no NIK, no
 * birth date). Scores are decimal strings so the canonical JSON does not depend on how a language
 * prints a double. Its SHA-256 over canonicalJson(list) is announced.
 */
export type FinalResultEntry = {
  formasi: string;
  rank: number | null;
  registrationNumber: string;
  name: string;
  /** Each leaf's raw score ('400', '82.5'); null when absent or missing. */
  scores: Record<string, string | null>;
  /** The published final score ('78.123'); null when not ranked. */
  finalScore: string | null;
  status: RankingStatus;
  /** The criterion that separated the candidate from a neighbour with the same final score. */
  decidedBy: DecidingCriterion | null;
};

/** '78.123' from units at 3 decimals. */
export function formatUnits(units: number, decimals: number): string {
  if (!Number.isSafeInteger(units) || units < 0) throw new RangeError(`nilai tidak sah: ${units}`);
  if (decimals === 0) return String(units);
  const digits = String(units).padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** A raw score as printed: the shortest decimal form (82.5 → '82.5', 400 → '400'). */
export function formatScore(score: number | null | undefined): string | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  return String(score);
}

/** The list in its canonical order: formasi, then rank (unranked last), then registration number. */
export function sortEntries<T extends Pick<FinalResultEntry, 'formasi' | 'rank' | 'registrationNumber'>>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) => byText(a.formasi, b.formasi) || (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || byText(a.registrationNumber, b.registrationNumber),
  );
}

export type EntryDifference = { registrationNumber: string; name: string; field: string; published: string; recomputed: string };

const show = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

/**
 * Line-by-line differences between a published list and the same list recomputed from the raw
 * data: a candidate missing on either side, and every field that differs.
 */
export function compareEntries(published: readonly FinalResultEntry[], recomputed: readonly FinalResultEntry[]): EntryDifference[] {
  const differences: EntryDifference[] = [];
  const mine = new Map(recomputed.map((e) => [e.registrationNumber, e]));
  const theirs = new Map(published.map((e) => [e.registrationNumber, e]));
  for (const entry of sortEntries(published)) {
    const other = mine.get(entry.registrationNumber);
    if (!other) {
      differences.push({ registrationNumber: entry.registrationNumber, name: entry.name, field: 'baris', published: 'ada', recomputed: 'tidak ada' });
      continue;
    }
    const fields: Array<[string, unknown, unknown]> = [
      ['formasi', entry.formasi, other.formasi],
      ['nama', entry.name, other.name],
      ['peringkat', entry.rank, other.rank],
      ['nilai akhir', entry.finalScore, other.finalScore],
      ['status', entry.status, other.status],
      ['penentu', entry.decidedBy, other.decidedBy],
    ];
    for (const key of [...new Set([...Object.keys(entry.scores), ...Object.keys(other.scores)])].sort()) fields.push([`nilai ${key}`, entry.scores[key], other.scores[key]]);
    for (const [field, a, b] of fields) if (show(a) !== show(b)) differences.push({ registrationNumber: entry.registrationNumber, name: entry.name, field, published: show(a), recomputed: show(b) });
  }
  for (const entry of sortEntries(recomputed)) {
    if (!theirs.has(entry.registrationNumber)) differences.push({ registrationNumber: entry.registrationNumber, name: entry.name, field: 'baris', published: 'tidak ada', recomputed: 'ada' });
  }
  return differences;
}

// ---------------------------------------------------------------------------------------------
// Objections to the final result (domain rules §2: 3 days, answered within 7, about one's own
// result, an objection cannot raise a test score, only correct a mismatch).

export const FINAL_OBJECTION_DEFAULTS = { days: 3, answerDays: 7 } as const;

export const FINAL_OBJECTION_LIMITS = { reasonMin: 20, reasonMax: 2000, answerMin: 10, answerMax: 2000 } as const;

/** Besides a score leaf: the tie-break data taken from the application. */
export const DATA_ITEMS = { ipk: 'IPK/nilai rata-rata ijazah', birthDate: 'Tanggal lahir' } as const;
export type DataItem = keyof typeof DATA_ITEMS;

export type FinalObjectionRefusalCode = 'NOT_PUBLISHED' | 'WINDOW_NOT_OPEN' | 'WINDOW_CLOSED' | 'ALREADY_FILED' | 'NOT_RANKED' | 'UNKNOWN_ITEM' | 'VALUE_INVALID' | 'RAISES_SCORE' | 'NOT_A_MISMATCH';

export type FinalObjectionRefusal = { code: FinalObjectionRefusalCode; message: string; field?: string };

export type FinalObjectionCheck = {
  /** The server's clock. */
  now: Date;
  window: { opensAt: Date; closesAt: Date } | null;
  alreadyFiled: boolean;
  /** Whether the applicant is in the published list at all. */
  listed: boolean;
  item: string;
  /** What the item is: a score leaf (with its published and recorded values) or tie-break data. */
  subject:
    | { kind: 'score'; published: number | null; recorded: number | null; max: number | null }
    | { kind: 'ipk'; published: number | null }
    | { kind: 'birthDate'; published: string | null }
    | null;
  claimed: number | string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether this applicant may object at all now (window by the server clock, once, listed), before looking at what they claim. */
export function finalObjectionWindowRefusal({ now, window, alreadyFiled, listed }: Pick<FinalObjectionCheck, 'now' | 'window' | 'alreadyFiled' | 'listed'>): FinalObjectionRefusal | null {
  if (!window) return { code: 'NOT_PUBLISHED', message: 'Hasil akhir belum diumumkan; sanggah dapat diajukan setelah pengumuman.' };
  if (now.getTime() < window.opensAt.getTime()) return { code: 'WINDOW_NOT_OPEN', message: 'Masa sanggah hasil akhir belum dibuka.' };
  if (!isWithinWindow({ now, window: { start: window.opensAt, end: window.closesAt } })) return { code: 'WINDOW_CLOSED', message: 'Masa sanggah hasil akhir sudah berakhir.' };
  if (alreadyFiled) return { code: 'ALREADY_FILED', message: 'Sanggah hasil akhir hanya dapat diajukan satu kali untuk setiap pendaftaran.' };
  if (!listed) return { code: 'NOT_RANKED', message: 'Pendaftaran ini tidak termasuk dalam daftar hasil akhir.' };
  return null;
}

/**
 * Why an objection to the final result is refused, or null. A score objection must point at a
 * mismatch between the published score and the score on record (answer sheet, panel scores): it
 * can never ask for more than the record — a request above it is refused as raising the score.
 */
export function finalObjectionRefusal(check: FinalObjectionCheck): FinalObjectionRefusal | null {
  const { subject, claimed } = check;
  const general = finalObjectionWindowRefusal(check);
  if (general) return general;
  if (!subject) return { code: 'UNKNOWN_ITEM', field: 'item', message: 'Pilih nilai atau data yang tercantum pada hasil Anda.' };
  if (subject.kind === 'birthDate') {
    if (typeof claimed !== 'string' || !ISO_DATE.test(claimed)) return { code: 'VALUE_INVALID', field: 'claimedValue', message: 'Tanggal lahir ditulis sebagai TTTT-BB-HH.' };
    if (claimed === subject.published) return { code: 'NOT_A_MISMATCH', field: 'claimedValue', message: 'Tanggal lahir yang Anda ajukan sama dengan yang tercatat.' };
    return null;
  }
  if (typeof claimed !== 'number' || !Number.isFinite(claimed) || claimed < 0) return { code: 'VALUE_INVALID', field: 'claimedValue', message: 'Nilai yang diajukan harus angka ≥ 0.' };
  if (subject.kind === 'ipk') {
    if (claimed === subject.published) return { code: 'NOT_A_MISMATCH', field: 'claimedValue', message: 'IPK yang Anda ajukan sama dengan yang tercatat.' };
    return null;
  }
  if (subject.max !== null && claimed > subject.max) return { code: 'VALUE_INVALID', field: 'claimedValue', message: `Nilai yang diajukan melebihi nilai maksimal ${subject.max}.` };
  if (subject.recorded !== null && claimed > subject.recorded) {
    return {
      code: 'RAISES_SCORE',
      field: 'claimedValue',
      message: `Sanggah tidak dapat menaikkan nilai. Nilai yang tercatat pada lembar jawaban/penilaian adalah ${subject.recorded}; sanggah hanya mengoreksi ketidaksesuaian antara nilai yang diumumkan dan nilai yang tercatat.`,
    };
  }
  if (subject.published === subject.recorded) {
    return {
      code: subject.published !== null && claimed > subject.published ? 'RAISES_SCORE' : 'NOT_A_MISMATCH',
      field: 'claimedValue',
      message:
        subject.published !== null && claimed > subject.published
          ? `Sanggah tidak dapat menaikkan nilai. Nilai yang diumumkan (${subject.published}) sama dengan nilai yang tercatat; tidak ada ketidaksesuaian yang dapat dikoreksi.`
          : `Nilai yang diumumkan (${subject.published ?? '—'}) sama dengan nilai yang tercatat; tidak ada ketidaksesuaian yang dapat dikoreksi.`,
    };
  }
  if (claimed === subject.published) return { code: 'NOT_A_MISMATCH', field: 'claimedValue', message: 'Nilai yang Anda ajukan sama dengan yang diumumkan.' };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Optimisation offers

export const OFFER_DEFAULTS = { days: 3, minDays: 1, maxDays: 14 } as const;

export type OfferState = 'pending' | 'accepted' | 'declined' | 'expired';

export type OfferDecisionRefusal = { code: 'EXPIRED' | 'ALREADY_DECIDED'; message: string };

/** Whether a candidate may still accept or decline an offer, by the server's clock. */
export function offerDecisionRefusal({ now, expiresAt, status }: { now: Date; expiresAt: Date; status: OfferState }): OfferDecisionRefusal | null {
  if (status === 'expired' || (status === 'pending' && now.getTime() > expiresAt.getTime())) {
    return { code: 'EXPIRED', message: 'Batas waktu tawaran optimalisasi sudah lewat; tawaran tidak dapat diterima lagi.' };
  }
  if (status !== 'pending') return { code: 'ALREADY_DECIDED', message: `Tawaran ini sudah ${status === 'accepted' ? 'diterima' : 'ditolak'}.` };
  return null;
}
