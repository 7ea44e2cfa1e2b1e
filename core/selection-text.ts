/**
 * How a selection's stages read to a person: the same words on the agency's editor and on the
 * public portal, so what an applicant is told is exactly what the round's data says.
 */
import type { PassMark, PassRules } from './cat-scoring.js';
import { FORMASI_KIND_RULES } from './eligibility.js';
import type { PassRule, PipelineStage, SelectionType, StageKind } from './pipeline.js';

export const SELECTION_TYPE_LABELS: Readonly<Record<SelectionType, string>> = {
  cpns: 'CPNS',
  pppk: 'PPPK',
  jpt: 'Seleksi Terbuka JPT',
};

export const SELECTION_TYPE_DESCRIPTIONS: Readonly<Record<SelectionType, string>> = {
  cpns: 'Calon Pegawai Negeri Sipil: administrasi → SKD → SKB → integrasi nilai (40% SKD, 60% SKB).',
  pppk: 'Pegawai Pemerintah dengan Perjanjian Kerja: administrasi → seleksi kompetensi → wawancara.',
  jpt: 'Seleksi terbuka Jabatan Pimpinan Tinggi: administrasi → asesmen → makalah → wawancara → rekam jejak.',
};

export const STAGE_KIND_LABELS: Readonly<Record<StageKind, string>> = {
  administrasi: 'Seleksi administrasi (MS/TMS)',
  cat: 'Ujian CAT',
  panel: 'Penilaian oleh panel',
  integrasi: 'Integrasi nilai akhir',
};

export function formasiKindLabel(kind: string): string {
  return Object.hasOwn(FORMASI_KIND_RULES, kind) ? FORMASI_KIND_RULES[kind]!.label : kind;
}

const number = (value: number) => value.toLocaleString('id-ID', { maximumFractionDigits: 2 });

function describeMark(mark: PassMark): string {
  return `${mark.label} ≥ ${number(mark.min)}`;
}

function describePassMarks(byFormasiKind: PassRules): string {
  const kinds = Object.entries(byFormasiKind).map(([kind, rule]) => {
    const marks = rule.marks.length > 0 ? rule.marks.map(describeMark).join(', ') : 'tanpa nilai ambang batas';
    return `${formasiKindLabel(kind)}: ${marks}`;
  });
  return `nilai ambang batas per jenis formasi (${kinds.join('; ')})`;
}

/** "peringkat terbaik hingga 3 × jumlah formasi, …" in plain Indonesian. */
export function describePassRule(rule: PassRule): string {
  switch (rule.type) {
    case 'none':
      return 'Tanpa nilai ambang batas';
    case 'minScore':
      return `Nilai minimal ${number(rule.min)} (skala 0–100)`;
    case 'passMarksBySubtest': {
      const text = describePassMarks(rule.byFormasiKind);
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case 'topN': {
      const count = rule.multiplier === 1 ? 'sebanyak jumlah formasi' : `hingga ${number(rule.multiplier)} × jumlah formasi`;
      const among = rule.among ? ` di antara yang memenuhi ${rule.among.type === 'minScore' ? `nilai minimal ${number(rule.among.min)}` : describePassMarks(rule.among.byFormasiKind)}` : '';
      const ties = rule.keepTies ? '; peserta dengan nilai sama di batas ikut lolos' : '';
      return `Peringkat terbaik ${count}${among}${ties}`;
    }
  }
}

/** The rule of a stage as a sentence; the administrative check is MS/TMS per requirement (domain-rules §2). */
export function describeStageRule(stage: Pick<PipelineStage, 'kind' | 'passRule' | 'eliminates'>): string {
  const rule = stage.kind === 'administrasi' ? 'Memenuhi Syarat (MS) atau Tidak Memenuhi Syarat (TMS) per persyaratan' : describePassRule(stage.passRule);
  return stage.eliminates ? `${rule}; yang tidak lolos gugur` : rule;
}

export type DocumentFormat = 'pdf' | 'jpg' | 'png';

export const DOCUMENT_FORMAT_LABELS: Readonly<Record<DocumentFormat, string>> = { pdf: 'PDF', jpg: 'JPG', png: 'PNG' };
