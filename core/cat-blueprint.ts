/**
 * Test blueprints: how a CAT paper is made for a stage of a selection round (questions per subtest
 * and topic, the banks they come from, duration, extra time for named needs, pass rules per
 * formation kind). Presets carry the defaults of domain rules §3 (SKD) and §6 (PPPK) and a CAT SKB
 * of the formation's field; every number stays editable data of the round.
 */
import { catSubtest, CAT_SUBTESTS } from './cat-bank.js';
import { PPPK_PASS_RULES_117, PPPK_PASS_RULES_130, PPPK_PASS_RULES_2024, PPPK_PRESET, SKD_PASS_RULES, SKD_PRESET, type PassRules } from './cat-scoring.js';
import { FORMASI_KIND_RULES } from './eligibility.js';
import type { FieldIssue } from './field-issue.js';
import type { PipelineStage, SelectionType } from './pipeline.js';

export const BLUEPRINT_PRESETS = ['skd', 'pppk', 'skb', 'custom'] as const;
export type BlueprintPreset = (typeof BLUEPRINT_PRESETS)[number];

export type BlueprintSection = { subtest: string; topic?: string | undefined; count: number; bankIds: string[] };

export type BlueprintDefinition = {
  preset: BlueprintPreset;
  durationMinutes: number;
  extraMinutes: Record<string, number>;
  sections: BlueprintSection[];
  passRules: PassRules;
};

export type PresetInfo = {
  preset: BlueprintPreset;
  label: string;
  description: string;
  /** The selection types this preset fits. */
  selectionTypes: readonly SelectionType[];
  /** Subtests its sections may use; `fixed` presets must cover every one of them. */
  subtests: readonly string[];
  fixed: boolean;
  defaults: Omit<BlueprintDefinition, 'preset' | 'sections'> & { sections: Array<{ subtest: string; topic?: string; count: number }> };
  /** Named pass-rule variants the editor offers (PPPK: 2024 without marks, 2021/2023 with). */
  passRuleVariants: ReadonlyArray<{ key: string; label: string; passRules: PassRules }>;
};

const SINGLE_KEY_SUBTESTS = CAT_SUBTESTS.filter((subtest) => subtest.type === 'single').map((subtest) => subtest.code);

/** Named needs that add time, with their labels (a round may name others). */
export const NEED_LABELS: Readonly<Record<string, string>> = { tunanetra: 'Tunanetra' };

export const BLUEPRINT_LIMITS = {
  nameMax: 120,
  sectionsMax: 40,
  sectionCountMax: 500,
  totalQuestionsMax: 1_000,
  banksPerSectionMax: 20,
  durationMin: 5,
  durationMax: 600,
  extraMax: 240,
  needsMax: 10,
  marksMax: 10,
} as const;

/** The pass rules of every formation kind, each with the same marks (PPPK and SKB name one rule for all). */
const sameForEveryKind = (rules: PassRules): PassRules => {
  const rule = rules.umum ?? { marks: [] };
  return Object.fromEntries(Object.keys(FORMASI_KIND_RULES).map((kind) => [kind, rule]));
};

export const PRESETS: Readonly<Record<BlueprintPreset, PresetInfo>> = {
  skd: {
    preset: 'skd',
    label: 'SKD CPNS',
    description: 'TWK 30, TIU 35, TKP 45 soal dalam 100 menit (130 menit untuk peserta tunanetra); nilai ambang batas KepmenPANRB 321/2024 per jenis formasi.',
    selectionTypes: ['cpns'],
    subtests: SKD_PRESET.subtests.map((rule) => rule.code),
    fixed: true,
    defaults: {
      durationMinutes: SKD_PRESET.durationMinutes,
      extraMinutes: { tunanetra: SKD_PRESET.blindExtraMinutes },
      sections: SKD_PRESET.subtests.map((rule) => ({ subtest: rule.code, count: rule.questionCount })),
      passRules: SKD_PASS_RULES,
    },
    passRuleVariants: [{ key: 'skd_2024', label: 'Nilai ambang batas SKD 2024 (KepmenPANRB 321/2024)', passRules: SKD_PASS_RULES }],
  },
  pppk: {
    preset: 'pppk',
    label: 'Seleksi Kompetensi PPPK',
    description: 'Teknis 90, manajerial 25, sosial kultural 20, wawancara 10 soal dalam 150 menit (165 menit untuk peserta tunanetra).',
    selectionTypes: ['pppk'],
    subtests: PPPK_PRESET.subtests.map((rule) => rule.code),
    fixed: true,
    defaults: {
      durationMinutes: PPPK_PRESET.durationMinutes,
      extraMinutes: { tunanetra: PPPK_PRESET.blindExtraMinutes },
      sections: PPPK_PRESET.subtests.map((rule) => ({ subtest: rule.code, count: rule.questionCount })),
      passRules: sameForEveryKind(PPPK_PASS_RULES_2024),
    },
    passRuleVariants: [
      { key: 'pppk_2024', label: '2024: tanpa nilai ambang batas (peringkat terbaik)', passRules: sameForEveryKind(PPPK_PASS_RULES_2024) },
      { key: 'pppk_130', label: 'Manajerial + sosial kultural ≥ 130, wawancara ≥ 24', passRules: sameForEveryKind(PPPK_PASS_RULES_130) },
      { key: 'pppk_117', label: 'Manajerial + sosial kultural ≥ 117, wawancara ≥ 24', passRules: sameForEveryKind(PPPK_PASS_RULES_117) },
    ],
  },
  skb: {
    preset: 'skb',
    label: 'CAT SKB bidang formasi',
    // 100 questions in 90 minutes is what field tests are commonly announced with; each vacancy
    // announcement sets its own (PermenPANRB 6/2024 art. 22), so both are edited per round.
    description: 'Soal kompetensi bidang sesuai jabatan formasi (satu kunci jawaban, benar 5, salah atau kosong 0); jumlah soal dan waktu sesuai pengumuman.',
    selectionTypes: ['cpns'],
    subtests: ['SKB'],
    fixed: false,
    defaults: { durationMinutes: 90, extraMinutes: { tunanetra: 30 }, sections: [{ subtest: 'SKB', count: 100 }], passRules: {} },
    passRuleVariants: [],
  },
  custom: {
    preset: 'custom',
    label: 'Khusus',
    description: 'Susunan bebas dari subtes satu kunci jawaban (benar 5, salah atau kosong 0).',
    selectionTypes: ['cpns', 'pppk', 'jpt'],
    subtests: SINGLE_KEY_SUBTESTS,
    fixed: false,
    defaults: { durationMinutes: 60, extraMinutes: {}, sections: [], passRules: {} },
    passRuleVariants: [],
  },
};

/** The stages of a round that are run on CAT: a cat stage, or a stage with a CAT component (SKB). */
export function catStages(pipeline: readonly PipelineStage[]): Array<{ key: string; name: string }> {
  return pipeline
    .filter((stage) => stage.kind === 'cat' || (stage.components ?? []).some((component) => component.kind === 'cat'))
    .map((stage) => ({ key: stage.key, name: stage.name }));
}

/** The most points a section can give: single-key count × correct points; weighted count × best option. */
export function sectionMaxPoints(section: { subtest: string; count: number }): number {
  const subtest = catSubtest(section.subtest);
  if (!subtest) return 0;
  return section.count * (subtest.type === 'single' ? (subtest.correctPoints ?? 0) : (subtest.maxOptionPoints ?? 0));
}

export type ValidateBlueprintOptions = BlueprintDefinition & { selectionType: SelectionType };

const sectionName = (section: { subtest: string; topic?: string | undefined }) => (section.topic ? `${section.subtest} (${section.topic})` : section.subtest);

/** Checks a blueprint against its preset: subtests, counts, banks named, duration, needs and pass marks. */
export function validateBlueprint(options: ValidateBlueprintOptions): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, code: string, message: string) => issues.push({ field, code, message });
  const info = PRESETS[options.preset];
  if (!info.selectionTypes.includes(options.selectionType)) {
    add('preset', 'preset_selection_type', `Preset ${info.label} tidak dapat dipakai pada seleksi ${options.selectionType.toUpperCase()}.`);
  }

  const { sections } = options;
  if (sections.length === 0) add('sections', 'sections_empty', 'Tambahkan paling sedikit satu bagian soal.');
  if (sections.length > BLUEPRINT_LIMITS.sectionsMax) add('sections', 'sections_many', `Paling banyak ${BLUEPRINT_LIMITS.sectionsMax} bagian soal.`);
  const seen = new Map<string, number>();
  let total = 0;
  sections.forEach((section, index) => {
    const field = `sections.${index}`;
    const subtest = catSubtest(section.subtest);
    if (!subtest) add(`${field}.subtest`, 'subtest_unknown', `Subtes "${section.subtest}" tidak dikenal.`);
    else if (!info.subtests.includes(section.subtest)) {
      add(`${field}.subtest`, 'subtest_not_in_preset', `Subtes ${section.subtest} tidak termasuk preset ${info.label} (boleh: ${info.subtests.join(', ')}).`);
    }
    const key = `${section.subtest}\u0000${(section.topic ?? '').trim().toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) add(`${field}.topic`, 'section_duplicate', `Bagian ${sectionName(section)} sudah ada di bagian ${first + 1}.`);
    else seen.set(key, index);
    if (!Number.isInteger(section.count) || section.count < 1 || section.count > BLUEPRINT_LIMITS.sectionCountMax) {
      add(`${field}.count`, 'count_invalid', `Jumlah soal ${sectionName(section)} harus bilangan bulat 1–${BLUEPRINT_LIMITS.sectionCountMax}.`);
    } else total += section.count;
    if (section.bankIds.length === 0) add(`${field}.bankIds`, 'banks_empty', `Pilih bank soal untuk bagian ${sectionName(section)}.`);
    if (new Set(section.bankIds).size !== section.bankIds.length) add(`${field}.bankIds`, 'banks_duplicate', `Bank soal bagian ${sectionName(section)} disebut lebih dari sekali.`);
  });
  if (total > BLUEPRINT_LIMITS.totalQuestionsMax) add('sections', 'total_many', `Jumlah seluruh soal ${total} melebihi batas ${BLUEPRINT_LIMITS.totalQuestionsMax}.`);
  if (info.fixed) {
    for (const code of info.subtests) {
      if (!sections.some((section) => section.subtest === code)) add('sections', 'subtest_missing', `Preset ${info.label} membutuhkan bagian soal ${code}.`);
    }
  }

  const duration = options.durationMinutes;
  if (!Number.isInteger(duration) || duration < BLUEPRINT_LIMITS.durationMin || duration > BLUEPRINT_LIMITS.durationMax) {
    add('durationMinutes', 'duration_invalid', `Durasi harus bilangan bulat ${BLUEPRINT_LIMITS.durationMin}–${BLUEPRINT_LIMITS.durationMax} menit.`);
  }
  const needs = Object.entries(options.extraMinutes);
  if (needs.length > BLUEPRINT_LIMITS.needsMax) add('extraMinutes', 'needs_many', `Paling banyak ${BLUEPRINT_LIMITS.needsMax} kebutuhan khusus.`);
  for (const [need, minutes] of needs) {
    if (!/^[a-z][a-z_]{1,39}$/.test(need)) add(`extraMinutes.${need}`, 'need_invalid', `Nama kebutuhan "${need}" hanya huruf kecil dan garis bawah.`);
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > BLUEPRINT_LIMITS.extraMax) {
      add(`extraMinutes.${need}`, 'extra_invalid', `Tambahan waktu ${NEED_LABELS[need] ?? need} harus bilangan bulat 0–${BLUEPRINT_LIMITS.extraMax} menit.`);
    }
  }

  // Pass marks may name only the blueprint's subtests, and must be reachable.
  const maxBySubtest = new Map<string, number>();
  for (const section of sections) maxBySubtest.set(section.subtest, (maxBySubtest.get(section.subtest) ?? 0) + sectionMaxPoints(section));
  const maxTotal = [...maxBySubtest.values()].reduce((sum, value) => sum + value, 0);
  for (const [kind, rule] of Object.entries(options.passRules)) {
    const field = `passRules.${kind}`;
    if (!Object.hasOwn(FORMASI_KIND_RULES, kind)) add(field, 'kind_unknown', `Jenis formasi "${kind}" tidak dikenal.`);
    if (rule.marks.length > BLUEPRINT_LIMITS.marksMax) add(`${field}.marks`, 'marks_many', `Paling banyak ${BLUEPRINT_LIMITS.marksMax} nilai ambang batas per jenis formasi.`);
    rule.marks.forEach((mark, index) => {
      const markField = `${field}.marks.${index}`;
      let reachable = maxTotal;
      if (mark.subtests !== 'total') {
        if (mark.subtests.length === 0) add(`${markField}.subtests`, 'mark_subtests_empty', `Ambang batas ${mark.label}: pilih subtesnya.`);
        const unknown = mark.subtests.filter((code) => !maxBySubtest.has(code));
        if (unknown.length) add(`${markField}.subtests`, 'mark_subtest_unknown', `Ambang batas ${mark.label} menyebut subtes yang tidak ada di cetak biru: ${unknown.join(', ')}.`);
        reachable = mark.subtests.reduce((sum, code) => sum + (maxBySubtest.get(code) ?? 0), 0);
      }
      if (!Number.isInteger(mark.min) || mark.min < 0) add(`${markField}.min`, 'mark_min_invalid', `Ambang batas ${mark.label} harus bilangan bulat ≥ 0.`);
      else if (mark.min > reachable) add(`${markField}.min`, 'mark_unreachable', `Ambang batas ${mark.label} (${mark.min}) melebihi nilai maksimal yang dapat dicapai (${reachable}).`);
    });
  }
  return issues;
}

/** "TWK (Pancasila)" or "TIU", as sections are named in messages. */
export { sectionName };
