/**
 * A selection round's stages, in order, with their weights and pass rules; presets per selection
 * type (domain-rules §3–§7); the round's schedule; and the objection (sanggah) window.
 *
 * Weights are percent of the final score. Only scored stages (cat, panel) carry weight and they
 * sum to exactly 100; administrasi (MS/TMS) and integrasi (the final ranking) carry 0. Sums are
 * exact (rationals over the decimal digits entered), so 33.3 + 33.3 + 33.4 is 100.
 */
import { SKD_PASS_RULES, type PassRules } from './cat-scoring.js';
import { add, compare, ratio, toRational } from './exact.js';
import type { FieldIssue } from './field-issue.js';
import { SKB_PROCEED_PRESET } from './proceed.js';
import { addDays, formatCalendarDate, requireCalendarDate } from './calendar-date.js';
import { calendarDateInZone, endOfDayInZone, requireInstant, toInstant, type AgencyZone, type Instant } from './time.js';

export type StageKind = 'administrasi' | 'cat' | 'panel' | 'integrasi';

export const STAGE_KINDS: readonly StageKind[] = ['administrasi', 'cat', 'panel', 'integrasi'];

/** Minimum on the stage score scaled to 0–100. */
export type MinScoreRule = { type: 'minScore'; min: number };

/** CAT pass marks per formation kind (keys as in eligibility: umum, cumlaude, …); see evaluatePass. */
export type PassMarksRule = { type: 'passMarksBySubtest'; byFormasiKind: PassRules };

/**
 * The best `multiplier × formation count` per formation proceed, optionally only among those who
 * met `among`; with keepTies, everyone tied with the last place proceeds too (domain-rules §4).
 */
export type TopNRule = { type: 'topN'; multiplier: number; keepTies: boolean; among?: MinScoreRule | PassMarksRule };

export type PassRule = { type: 'none' } | MinScoreRule | PassMarksRule | TopNRule;

export type StageComponent = { key: string; name: string; kind: 'cat' | 'panel'; weight: number };

export type PipelineStage = {
  key: string;
  name: string;
  /** How the stage as a whole is run; a mixed stage names each component's kind. */
  kind: StageKind;
  /** Percent of the final score (0–100). */
  weight: number;
  passRule: PassRule;
  /** Whether those who fail the pass rule leave the selection. */
  eliminates: boolean;
  /** Parts of a scored stage, with weights (percent of the stage) summing to 100. */
  components?: readonly StageComponent[];
};

export type SelectionType = 'cpns' | 'pppk' | 'jpt';

/**
 * A CAT stage of its own (SKD, the PPPK competency test), not a stage with components such as SKB
 * with its CAT SKB: its result, with who proceeds, is announced on its own, its total and subtests
 * break ties, and its pass marks eliminate.
 */
export const isPlainCatStage = (stage: Pick<PipelineStage, 'kind' | 'components'>): boolean => stage.kind === 'cat' && !stage.components?.length;

export const PIPELINE_WEIGHT_TOTAL = 100;

/** Stage weights whose sum is checked; the others must be 0. */
const SCORED_KINDS: readonly StageKind[] = ['cat', 'panel'];

/** KepmenPANRB 321/2024 SKD pass marks per formation kind (the same keys as eligibility). */
export const SKD_PASS_MARKS_BY_FORMASI_KIND: PassRules = SKD_PASS_RULES;

const administrasi: PipelineStage = {
  key: 'administrasi',
  name: 'Seleksi Administrasi',
  kind: 'administrasi',
  weight: 0,
  passRule: { type: 'none' }, // MS/TMS per requirement (domain-rules §2), not a score
  eliminates: true,
};

const integrasi = (name: string, winnersPerPlace: number): PipelineStage => ({
  key: 'integrasi',
  name,
  kind: 'integrasi',
  weight: 0,
  // Ties are settled by the tie-break chain (domain-rules §5), so no tie widens the winners.
  passRule: { type: 'topN', multiplier: winnersPerPlace, keepTies: false },
  eliminates: true,
});

/**
 * CPNS: SKD 40 / SKB 60 (domain-rules §5). SKD: pass mark of the formation kind, then up to
 * 3 × the formation count, ties at the cut-off all proceed (§3, §4). SKB components: CAT SKB 60 /
 * work practice 40, the 2021 rule for regional governments (CAT ≥ 60%, one extra test ≤ 40%, not
 * an interview); each vacancy announces its own (PermenPANRB 6/2024 art. 22).
 */
export const CPNS_PIPELINE: readonly PipelineStage[] = [
  administrasi,
  {
    key: 'skd',
    name: 'Seleksi Kompetensi Dasar (SKD)',
    kind: 'cat',
    weight: 40,
    passRule: {
      type: 'topN',
      multiplier: SKB_PROCEED_PRESET.multiplier,
      keepTies: true,
      among: { type: 'passMarksBySubtest', byFormasiKind: SKD_PASS_MARKS_BY_FORMASI_KIND },
    },
    eliminates: true,
  },
  {
    key: 'skb',
    name: 'Seleksi Kompetensi Bidang (SKB)',
    kind: 'cat',
    weight: 60,
    passRule: { type: 'none' },
    eliminates: false,
    components: [
      { key: 'cat_skb', name: 'CAT SKB', kind: 'cat', weight: 60 },
      { key: 'praktik_kerja', name: 'Praktik kerja', kind: 'panel', weight: 40 },
    ],
  },
  integrasi('Integrasi nilai SKD dan SKB', 1),
];

/**
 * PPPK: administration → competency test → interview. Competency 80 / interview 20 (an editable
 * default, not a regulation): the CAT (technical, managerial, socio-cultural and interview
 * questions, max 670, §6) is the national, objective score, so it stays decisive; the panel
 * interview stays below the 30% that 2021 rules allowed an interview in central agencies' SKB
 * (§5). The CAT is one score, the raw sum of its parts as the national system ranks it, not
 * components with rounded weights (which could reorder equal totals). 2024 had no pass mark (§6):
 * the best 3 × the formation count go on to the interview, as CPNS candidates go on to SKB (§4).
 */
export const PPPK_PIPELINE: readonly PipelineStage[] = [
  administrasi,
  {
    key: 'kompetensi',
    name: 'Seleksi Kompetensi (CAT: teknis, manajerial, sosial kultural, wawancara)',
    kind: 'cat',
    weight: 80,
    passRule: { type: 'topN', multiplier: SKB_PROCEED_PRESET.multiplier, keepTies: true },
    eliminates: true,
  },
  {
    key: 'wawancara',
    name: 'Wawancara',
    kind: 'panel',
    weight: 20,
    passRule: { type: 'none' },
    eliminates: false,
  },
  integrasi('Integrasi nilai kompetensi dan wawancara', 1),
];

/**
 * JPT open selection (§7): assessment 40, written paper 20, interview 25, track record 15, an
 * editable default in which the competency assessment weighs most and the track record least.
 * The selection panel proposes the three best per post to the appointing official (PP 11/2017,
 * as regional governments announce it).
 */
export const JPT_PIPELINE: readonly PipelineStage[] = [
  administrasi,
  { key: 'asesmen', name: 'Asesmen Kompetensi', kind: 'panel', weight: 40, passRule: { type: 'none' }, eliminates: false },
  { key: 'makalah', name: 'Penulisan dan Presentasi Makalah', kind: 'panel', weight: 20, passRule: { type: 'none' }, eliminates: false },
  { key: 'wawancara', name: 'Wawancara', kind: 'panel', weight: 25, passRule: { type: 'none' }, eliminates: false },
  { key: 'rekam_jejak', name: 'Penelusuran Rekam Jejak', kind: 'panel', weight: 15, passRule: { type: 'none' }, eliminates: false },
  integrasi('Penetapan tiga nilai terbaik', 3),
];

export const PIPELINE_PRESETS: Readonly<Record<SelectionType, readonly PipelineStage[]>> = {
  cpns: CPNS_PIPELINE,
  pppk: PPPK_PIPELINE,
  jpt: JPT_PIPELINE,
};

export type PipelineValidation = { valid: boolean; errors: FieldIssue[] };

const KEY = /^[a-z][a-z0-9_]*$/;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const formatPercent = (value: number): string => value.toLocaleString('id-ID', { maximumFractionDigits: 6 });

function issue(field: string, code: string, message: string): FieldIssue {
  return { field, code, message };
}

function keyIssues(field: string, key: unknown, seen: Set<string>, what: string): FieldIssue[] {
  if (typeof key !== 'string' || !KEY.test(key)) {
    return [issue(field, 'PIPELINE_KEY_INVALID', `Kode ${what} wajib diisi dengan huruf kecil, angka atau garis bawah, diawali huruf.`)];
  }
  if (seen.has(key)) return [issue(field, 'PIPELINE_KEY_DUPLICATE', `Kode ${what} "${key}" sudah dipakai.`)];
  seen.add(key);
  return [];
}

function weightIssues(field: string, weight: unknown): FieldIssue[] {
  if (!isNumber(weight) || weight < 0 || weight > PIPELINE_WEIGHT_TOTAL) {
    return [issue(field, 'PIPELINE_WEIGHT_OUT_OF_RANGE', `Bobot harus angka antara 0 dan ${PIPELINE_WEIGHT_TOTAL}.`)];
  }
  return [];
}

/** Issues for the sum of the weights, when every weight could be read. */
function weightSumIssues(field: string, weights: readonly unknown[], code: string, what: string): FieldIssue[] {
  if (!weights.every(isNumber)) return [];
  const sum = weights.reduce((total, weight) => add(total, toRational(weight)), ratio(0));
  if (compare(sum, ratio(PIPELINE_WEIGHT_TOTAL)) === 0) return [];
  const shown = formatPercent(Number(sum.num) / Number(sum.den));
  return [issue(field, code, `Jumlah bobot ${what} harus ${PIPELINE_WEIGHT_TOTAL}; saat ini ${shown}.`)];
}

function componentIssues(stage: PipelineStage, path: string): FieldIssue[] {
  if (stage.components === undefined) return [];
  const field = `${path}.components`;
  if (!SCORED_KINDS.includes(stage.kind)) {
    return [issue(field, 'PIPELINE_COMPONENTS_NOT_ALLOWED', 'Hanya tahap CAT atau panel yang boleh memiliki komponen.')];
  }
  if (stage.components.length === 0) {
    return [issue(field, 'PIPELINE_COMPONENTS_EMPTY', 'Hapus daftar komponen atau isi minimal satu komponen.')];
  }
  const seen = new Set<string>();
  const issues = stage.components.flatMap((component, index) => {
    const at = `${field}.${index}`;
    const found = [...keyIssues(`${at}.key`, component.key, seen, 'komponen'), ...weightIssues(`${at}.weight`, component.weight)];
    if (typeof component.name !== 'string' || component.name.trim() === '') {
      found.push(issue(`${at}.name`, 'PIPELINE_NAME_REQUIRED', 'Nama komponen wajib diisi.'));
    }
    if (component.kind !== 'cat' && component.kind !== 'panel') {
      found.push(issue(`${at}.kind`, 'PIPELINE_COMPONENT_KIND_UNKNOWN', 'Jenis komponen harus cat atau panel.'));
    }
    return found;
  });
  const weights = stage.components.map((component) => component.weight);
  const weightsValid = issues.every((found) => found.code !== 'PIPELINE_WEIGHT_OUT_OF_RANGE');
  return [...issues, ...(weightsValid ? weightSumIssues(field, weights, 'PIPELINE_COMPONENT_WEIGHT_SUM', 'komponen') : [])];
}

function passMarksIssues(rule: PassMarksRule, field: string, stage: PipelineStage): FieldIssue[] {
  if (stage.kind !== 'cat') {
    return [issue(field, 'PIPELINE_PASS_MARKS_NOT_CAT', 'Nilai ambang batas per subtes hanya untuk tahap CAT.')];
  }
  const kinds = Object.entries(rule.byFormasiKind ?? {});
  if (kinds.length === 0) {
    return [issue(`${field}.byFormasiKind`, 'PIPELINE_PASS_MARKS_EMPTY', 'Tetapkan nilai ambang batas minimal untuk satu jenis formasi.')];
  }
  return kinds.flatMap(([kind, passRule]) =>
    (passRule?.marks ?? []).flatMap((mark, index) => {
      const at = `${field}.byFormasiKind.${kind}.marks.${index}`;
      const found: FieldIssue[] = [];
      if (!isNumber(mark.min) || mark.min < 0) {
        found.push(issue(`${at}.min`, 'PIPELINE_PASS_MARK_INVALID', 'Nilai ambang batas harus angka ≥ 0.'));
      }
      if (mark.subtests !== 'total' && (!Array.isArray(mark.subtests) || mark.subtests.length === 0)) {
        found.push(issue(`${at}.subtests`, 'PIPELINE_PASS_MARK_SUBTESTS_EMPTY', 'Sebutkan subtes yang dinilai atau "total".'));
      }
      return found;
    }),
  );
}

function passRuleIssues(rule: PassRule, field: string, stage: PipelineStage, nested = false): FieldIssue[] {
  switch (rule?.type) {
    case 'none':
      return [];
    case 'minScore':
      return isNumber(rule.min) && rule.min >= 0 && rule.min <= 100
        ? []
        : [issue(`${field}.min`, 'PIPELINE_MIN_SCORE_OUT_OF_RANGE', 'Nilai minimal harus angka antara 0 dan 100.')];
    case 'passMarksBySubtest':
      return passMarksIssues(rule, field, stage);
    case 'topN':
      if (nested) {
        return [issue(`${field}.type`, 'PIPELINE_TOP_N_NESTED', 'Syarat peringkat tidak boleh berisi aturan peringkat lagi.')];
      }
      return [
        ...(Number.isInteger(rule.multiplier) && rule.multiplier >= 1
          ? []
          : [issue(`${field}.multiplier`, 'PIPELINE_TOP_N_MULTIPLIER_INVALID', 'Kelipatan formasi harus bilangan bulat ≥ 1.')]),
        ...(typeof rule.keepTies === 'boolean'
          ? []
          : [issue(`${field}.keepTies`, 'PIPELINE_TOP_N_KEEP_TIES_INVALID', 'Tentukan apakah peserta dengan nilai sama di batas ikut lolos.')]),
        ...(rule.among ? passRuleIssues(rule.among, `${field}.among`, stage, true) : []),
      ];
  }
  return [issue(`${field}.type`, 'PIPELINE_PASS_RULE_UNKNOWN', 'Aturan kelulusan tidak dikenal.')];
}

function stageIssues(stage: PipelineStage, index: number, count: number, seen: Set<string>): FieldIssue[] {
  const path = `stages.${index}`;
  const issues = keyIssues(`${path}.key`, stage.key, seen, 'tahap');
  if (typeof stage.name !== 'string' || stage.name.trim() === '') {
    issues.push(issue(`${path}.name`, 'PIPELINE_NAME_REQUIRED', 'Nama tahap wajib diisi.'));
  }
  if (!STAGE_KINDS.includes(stage.kind)) {
    issues.push(issue(`${path}.kind`, 'PIPELINE_STAGE_KIND_UNKNOWN', 'Jenis tahap harus administrasi, cat, panel atau integrasi.'));
    return issues;
  }
  if (stage.kind === 'administrasi' && index !== 0) {
    issues.push(issue(`${path}.kind`, 'PIPELINE_ADMINISTRASI_NOT_FIRST', 'Tahap administrasi harus menjadi tahap pertama.'));
  }
  if (stage.kind === 'integrasi' && index !== count - 1) {
    issues.push(issue(`${path}.kind`, 'PIPELINE_INTEGRASI_NOT_LAST', 'Tahap integrasi harus menjadi tahap terakhir.'));
  }
  const scored = SCORED_KINDS.includes(stage.kind);
  if (scored) issues.push(...weightIssues(`${path}.weight`, stage.weight));
  else if (stage.weight !== 0) {
    issues.push(issue(`${path}.weight`, 'PIPELINE_WEIGHT_NOT_ZERO', `Tahap ${stage.kind} tidak berbobot; isi bobot 0.`));
  }
  if (stage.kind === 'administrasi' && stage.passRule?.type !== 'none') {
    issues.push(
      issue(`${path}.passRule`, 'PIPELINE_PASS_RULE_NOT_ALLOWED', 'Seleksi administrasi dinilai MS/TMS per syarat, tanpa aturan nilai.'),
    );
  } else {
    issues.push(...passRuleIssues(stage.passRule, `${path}.passRule`, stage));
  }
  if (typeof stage.eliminates !== 'boolean') {
    issues.push(issue(`${path}.eliminates`, 'PIPELINE_ELIMINATES_INVALID', 'Tentukan apakah tahap ini menggugurkan peserta.'));
  } else if (stage.eliminates && scored && stage.passRule?.type === 'none') {
    issues.push(
      issue(`${path}.passRule`, 'PIPELINE_ELIMINATES_WITHOUT_RULE', 'Tahap yang menggugurkan peserta memerlukan aturan kelulusan.'),
    );
  }
  issues.push(...componentIssues(stage, path));
  return issues;
}

/** Checks a selection's stages; every problem is reported, addressed as 'stages.2.weight'. */
export function validatePipeline(stages: readonly PipelineStage[]): PipelineValidation {
  if (!Array.isArray(stages) || stages.length === 0) {
    const errors = [issue('stages', 'PIPELINE_EMPTY', 'Tetapkan minimal satu tahap seleksi.')];
    return { valid: false, errors };
  }
  const seen = new Set<string>();
  const errors = stages.flatMap((stage, index) => stageIssues(stage, index, stages.length, seen));
  const scored = stages.filter((stage) => SCORED_KINDS.includes(stage.kind));
  const weightsValid = errors.every((found) => found.code !== 'PIPELINE_WEIGHT_OUT_OF_RANGE' || found.field.includes('.components.'));
  if (weightsValid) {
    errors.push(...weightSumIssues('stages', scored.map((stage) => stage.weight), 'PIPELINE_WEIGHT_SUM', 'tahap yang dinilai (CAT dan panel)'));
  }
  return { valid: errors.length === 0, errors };
}

// ---------------------------------------------------------------------------------------------
// Schedule of a round

export type SelectionSchedule = {
  registrationOpens: Instant;
  registrationCloses: Instant;
  adminAnnouncement?: Instant;
  objectionStart?: Instant;
  objectionEnd?: Instant;
  testStart?: Instant;
  testEnd?: Instant;
  finalAnnouncement?: Instant;
};

type ScheduleField = keyof SelectionSchedule;

/** In order; `strict` says the field must come strictly after the one before it. */
const SCHEDULE_ORDER: ReadonlyArray<{ field: ScheduleField; label: string; strict: boolean }> = [
  { field: 'registrationOpens', label: 'pembukaan pendaftaran', strict: false },
  { field: 'registrationCloses', label: 'penutupan pendaftaran', strict: true },
  { field: 'adminAnnouncement', label: 'pengumuman hasil seleksi administrasi', strict: false },
  { field: 'objectionStart', label: 'awal masa sanggah', strict: false },
  { field: 'objectionEnd', label: 'akhir masa sanggah', strict: true },
  { field: 'testStart', label: 'awal pelaksanaan ujian', strict: false },
  { field: 'testEnd', label: 'akhir pelaksanaan ujian', strict: false },
  { field: 'finalAnnouncement', label: 'pengumuman hasil akhir', strict: false },
];

const REQUIRED_FIELDS: readonly ScheduleField[] = ['registrationOpens', 'registrationCloses'];
const PAIRED_FIELDS: ReadonlyArray<readonly [ScheduleField, ScheduleField]> = [
  ['objectionStart', 'objectionEnd'],
  ['testStart', 'testEnd'],
];

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const labelOf = (field: ScheduleField): string => SCHEDULE_ORDER.find((entry) => entry.field === field)?.label ?? field;
const isPresent = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

function presenceIssues(schedule: SelectionSchedule): FieldIssue[] {
  const issues = REQUIRED_FIELDS.filter((field) => !isPresent(schedule[field])).map((field) =>
    issue(field, 'SCHEDULE_FIELD_REQUIRED', `${capitalize(labelOf(field))} wajib diisi.`),
  );
  for (const [start, end] of PAIRED_FIELDS) {
    const missing = isPresent(schedule[start]) && !isPresent(schedule[end]) ? end : !isPresent(schedule[start]) && isPresent(schedule[end]) ? start : null;
    if (missing) {
      const other = missing === start ? end : start;
      issues.push(
        issue(missing, 'SCHEDULE_PAIR_INCOMPLETE', `${capitalize(labelOf(missing))} wajib diisi bila ${labelOf(other)} diisi.`),
      );
    }
  }
  return issues;
}

/**
 * Checks registrationOpens < registrationCloses ≤ adminAnnouncement ≤ objectionStart <
 * objectionEnd ≤ testStart ≤ testEnd ≤ finalAnnouncement. An absent (or unreadable) optional
 * field is skipped and its neighbours are compared directly with ≤: a strict link binds only the
 * two fields it joins, so without an objection window the test may start when registration closes.
 */
export function validateSchedule(schedule: SelectionSchedule): PipelineValidation {
  const errors = presenceIssues(schedule);
  let previous: { label: string; at: Date; index: number } | null = null;
  SCHEDULE_ORDER.forEach((entry, index) => {
    const value = schedule[entry.field];
    if (!isPresent(value)) return;
    const at = toInstant(value as Instant);
    if (!at) {
      errors.push(issue(entry.field, 'SCHEDULE_DATE_INVALID', `${capitalize(entry.label)} bukan waktu yang valid.`));
      return;
    }
    if (previous) {
      const strict = entry.strict && previous.index === index - 1;
      const inOrder = strict ? at > previous.at : at >= previous.at;
      if (!inOrder) {
        const relation = strict ? 'harus sesudah' : 'tidak boleh sebelum';
        errors.push(issue(entry.field, 'SCHEDULE_ORDER_INVALID', `${capitalize(entry.label)} ${relation} ${previous.label}.`));
      }
    }
    previous = { label: entry.label, at, index };
  });
  return { valid: errors.length === 0, errors };
}

// ---------------------------------------------------------------------------------------------
// Objection (sanggah) window

// PermenPANRB 27/2021: a sanggah within 3 days of the announcement of the administrative result.
export const OBJECTION_DEFAULTS = { days: 3 } as const;

export type TimeWindow = { start: Date; end: Date };

export type ObjectionWindowOptions = {
  announcedAt: Instant;
  days?: number;
  /**
   * With a zone, the window runs to the end (23:59:59.999 local) of the `days`-th calendar day
   * after the announcement's local date: announced 9 October 15.00 WIB, 3 days → closes
   * 12 October 23.59 WIB. Without one, it lasts exactly days × 24 hours.
   */
  zone?: AgencyZone;
};

export class ObjectionWindowError extends RangeError {
  readonly code = 'OBJECTION_DAYS_INVALID';
  constructor() {
    super('Lama masa sanggah harus bilangan bulat ≥ 1 hari.');
    this.name = 'ObjectionWindowError';
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The sanggah window opening at the announcement. */
export function objectionWindow(options: ObjectionWindowOptions): TimeWindow {
  const days = options.days ?? OBJECTION_DEFAULTS.days;
  if (!Number.isInteger(days) || days < 1) throw new ObjectionWindowError();
  const start = requireInstant(options.announcedAt, 'Waktu pengumuman');
  if (!options.zone) return { start, end: new Date(start.getTime() + days * DAY_MS) };
  const announcedOn = requireCalendarDate(calendarDateInZone(start, options.zone));
  return { start, end: endOfDayInZone(formatCalendarDate(addDays(announcedOn, days)), options.zone) };
}

export type WithinWindowOptions = { now: Instant; window: TimeWindow };

/** True from the window's start to its end, both included. */
export function isWithinWindow({ now, window }: WithinWindowOptions): boolean {
  const at = requireInstant(now, 'Waktu sekarang');
  return at.getTime() >= window.start.getTime() && at.getTime() <= window.end.getTime();
}
