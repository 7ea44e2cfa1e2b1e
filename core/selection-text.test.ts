import { describe, expect, it } from 'vitest';
import { CPNS_PIPELINE, JPT_PIPELINE } from './pipeline.js';
import { describePassRule, describeStageRule, formasiKindLabel } from './selection-text.js';

describe('describing the stages', () => {
  it('reads the CPNS SKD rule: pass marks per formation kind, then 3 × the formation count with ties kept (domain-rules §3–§4)', () => {
    const text = describePassRule(CPNS_PIPELINE[1]!.passRule);
    expect(text).toContain('Peringkat terbaik hingga 3 × jumlah formasi di antara yang memenuhi nilai ambang batas per jenis formasi');
    expect(text).toContain('Umum: TWK ≥ 65, TIU ≥ 80, TKP ≥ 166');
    expect(text).toContain('Lulusan Cumlaude: total SKD ≥ 311, TIU ≥ 85');
    expect(text).toContain('Penyandang Disabilitas: total SKD ≥ 286, TIU ≥ 60');
    expect(text.endsWith('peserta dengan nilai sama di batas ikut lolos')).toBe(true);
  });

  it('reads the administrative check as MS/TMS and marks eliminating stages', () => {
    expect(describeStageRule(CPNS_PIPELINE[0]!)).toBe('Memenuhi Syarat (MS) atau Tidak Memenuhi Syarat (TMS) per persyaratan; yang tidak lolos gugur');
    expect(describeStageRule(JPT_PIPELINE[1]!)).toBe('Tanpa nilai ambang batas');
    expect(describePassRule(JPT_PIPELINE[5]!.passRule)).toBe('Peringkat terbaik hingga 3 × jumlah formasi');
    expect(describePassRule(CPNS_PIPELINE[3]!.passRule)).toBe('Peringkat terbaik sebanyak jumlah formasi');
    expect(describePassRule({ type: 'minScore', min: 65.5 })).toBe('Nilai minimal 65,5 (skala 0–100)');
  });

  it('labels formation kinds, and shows an unknown kind by its key', () => {
    expect(formasiKindLabel('putra_putri_papua')).toBe('Putra/Putri Papua');
    expect(formasiKindLabel('toString')).toBe('toString');
    expect(formasiKindLabel('tenaga_kesehatan')).toBe('tenaga_kesehatan');
  });
});
