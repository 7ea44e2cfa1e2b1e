import { describe, expect, it } from 'vitest';
import { SKD_PASS_RULES } from './cat-scoring.js';
import { FORMASI_KIND_RULES } from './eligibility.js';
import { formatFieldIssue } from './field-issue.js';
import {
  CPNS_PIPELINE,
  isPlainCatStage,
  isWithinWindow,
  JPT_PIPELINE,
  OBJECTION_DEFAULTS,
  objectionWindow,
  PIPELINE_PRESETS,
  PPPK_PIPELINE,
  SKD_PASS_MARKS_BY_FORMASI_KIND,
  validatePipeline,
  validateSchedule,
  type PipelineStage,
  type SelectionSchedule,
} from './pipeline.js';

const codes = (stages: readonly PipelineStage[]) => validatePipeline(stages).errors.map((e) => e.code);
const errors = (stages: readonly PipelineStage[]) => validatePipeline(stages).errors;

const cat = (key: string, weight: number, extra: Partial<PipelineStage> = {}): PipelineStage => ({
  key,
  name: key.toUpperCase(),
  kind: 'cat',
  weight,
  passRule: { type: 'none' },
  eliminates: false,
  ...extra,
});

const panel = (key: string, weight: number, extra: Partial<PipelineStage> = {}): PipelineStage => ({
  ...cat(key, weight, extra),
  kind: 'panel',
  ...extra,
});

const admin: PipelineStage = { key: 'administrasi', name: 'Administrasi', kind: 'administrasi', weight: 0, passRule: { type: 'none' }, eliminates: true };
const final: PipelineStage = { key: 'integrasi', name: 'Integrasi', kind: 'integrasi', weight: 0, passRule: { type: 'topN', multiplier: 1, keepTies: false }, eliminates: true };

const weightOf = (stages: readonly PipelineStage[]) => stages.map((stage) => [stage.key, stage.weight]);

describe('isPlainCatStage', () => {
  it('is the SKD and the PPPK competency test, not SKB (a CAT component beside work practice), a panel or the administration', () => {
    expect(CPNS_PIPELINE.filter(isPlainCatStage).map((s) => s.key)).toEqual(['skd']);
    expect(PPPK_PIPELINE.filter(isPlainCatStage).map((s) => s.key)).toEqual(['kompetensi']);
    expect(JPT_PIPELINE.filter(isPlainCatStage)).toEqual([]);
    expect(isPlainCatStage({ kind: 'cat', components: [] })).toBe(true);
  });
});

describe('presets', () => {
  it.each(Object.entries(PIPELINE_PRESETS))('the %s preset is valid', (_type, stages) => {
    expect(validatePipeline(stages)).toEqual({ valid: true, errors: [] });
  });

  it('CPNS: administrasi → SKD 40 → SKB 60 → integrasi (domain-rules §5)', () => {
    expect(weightOf(CPNS_PIPELINE)).toEqual([
      ['administrasi', 0],
      ['skd', 40],
      ['skb', 60],
      ['integrasi', 0],
    ]);
  });

  it('CPNS: up to 3 × the formation count proceed from SKD, among those who met the pass mark, ties kept (§4)', () => {
    const skd = CPNS_PIPELINE[1];
    expect(skd?.passRule).toEqual({
      type: 'topN',
      multiplier: 3,
      keepTies: true,
      among: { type: 'passMarksBySubtest', byFormasiKind: SKD_PASS_MARKS_BY_FORMASI_KIND },
    });
    expect(skd?.eliminates).toBe(true);
  });

  it('CPNS: SKB is CAT SKB 60 % and work practice 40 %', () => {
    expect(CPNS_PIPELINE[2]?.components?.map((c) => [c.key, c.kind, c.weight])).toEqual([
      ['cat_skb', 'cat', 60],
      ['praktik_kerja', 'panel', 40],
    ]);
  });

  it('keys the SKD pass marks by every formation kind that eligibility knows', () => {
    expect(Object.keys(SKD_PASS_MARKS_BY_FORMASI_KIND).sort()).toEqual(Object.keys(FORMASI_KIND_RULES).sort());
    expect(SKD_PASS_MARKS_BY_FORMASI_KIND).toBe(SKD_PASS_RULES);
  });

  it('PPPK: administrasi → kompetensi 80 → wawancara 20 → integrasi', () => {
    expect(weightOf(PPPK_PIPELINE)).toEqual([
      ['administrasi', 0],
      ['kompetensi', 80],
      ['wawancara', 20],
      ['integrasi', 0],
    ]);
    expect(PPPK_PIPELINE.map((stage) => stage.kind)).toEqual(['administrasi', 'cat', 'panel', 'integrasi']);
  });

  it('JPT: asesmen 40, makalah 20, wawancara 25, rekam jejak 15; three best proposed', () => {
    expect(weightOf(JPT_PIPELINE)).toEqual([
      ['administrasi', 0],
      ['asesmen', 40],
      ['makalah', 20],
      ['wawancara', 25],
      ['rekam_jejak', 15],
      ['integrasi', 0],
    ]);
    expect(JPT_PIPELINE.at(-1)?.passRule).toEqual({ type: 'topN', multiplier: 3, keepTies: false });
  });
});

describe('validatePipeline — weights', () => {
  it('accepts scored weights summing to exactly 100, with decimals', () => {
    expect(validatePipeline([cat('a', 33.3), cat('b', 33.3), panel('c', 33.4)]).valid).toBe(true);
    expect(validatePipeline([cat('a', 0.1), cat('b', 0.2), cat('c', 99.7)]).valid).toBe(true);
  });

  it('refuses a sum other than 100 on the stages field — PIPELINE_WEIGHT_SUM', () => {
    expect(errors([admin, cat('skd', 40), cat('skb', 50), final])).toEqual([
      { field: 'stages', code: 'PIPELINE_WEIGHT_SUM', message: 'Jumlah bobot tahap yang dinilai (CAT dan panel) harus 100; saat ini 90.' },
    ]);
    expect(codes([cat('a', 60), cat('b', 40.01)])).toEqual(['PIPELINE_WEIGHT_SUM']);
  });

  it('refuses a pipeline with no scored stage, since its weights cannot reach 100', () => {
    expect(codes([admin])).toEqual(['PIPELINE_WEIGHT_SUM']);
  });

  it('refuses a weight outside 0–100 or not a number — PIPELINE_WEIGHT_OUT_OF_RANGE, without a sum error', () => {
    expect(errors([cat('a', 120), cat('b', -20)])).toEqual([
      { field: 'stages.0.weight', code: 'PIPELINE_WEIGHT_OUT_OF_RANGE', message: 'Bobot harus angka antara 0 dan 100.' },
      { field: 'stages.1.weight', code: 'PIPELINE_WEIGHT_OUT_OF_RANGE', message: 'Bobot harus angka antara 0 dan 100.' },
    ]);
    expect(codes([cat('a', Number.NaN), cat('b', 100)])).toEqual(['PIPELINE_WEIGHT_OUT_OF_RANGE']);
  });

  it('allows a scored stage with weight 0 (a screening test) as long as the sum is 100', () => {
    expect(validatePipeline([cat('psikotes', 0, { passRule: { type: 'minScore', min: 60 }, eliminates: true }), cat('b', 100)]).valid).toBe(true);
  });

  it('refuses a weight on administrasi and integrasi — PIPELINE_WEIGHT_NOT_ZERO', () => {
    expect(errors([{ ...admin, weight: 10 }, cat('a', 90), { ...final, weight: 5 }])).toEqual([
      { field: 'stages.0.weight', code: 'PIPELINE_WEIGHT_NOT_ZERO', message: 'Tahap administrasi tidak berbobot; isi bobot 0.' },
      { field: 'stages.2.weight', code: 'PIPELINE_WEIGHT_NOT_ZERO', message: 'Tahap integrasi tidak berbobot; isi bobot 0.' },
      expect.objectContaining({ field: 'stages', code: 'PIPELINE_WEIGHT_SUM' }),
    ]);
  });

  it('formats as "field: problem"', () => {
    expect(formatFieldIssue(errors([cat('a', 100), cat('b', 120)])[0]!)).toBe('stages.1.weight: Bobot harus angka antara 0 dan 100.');
  });
});

describe('validatePipeline — structure', () => {
  it('refuses an empty pipeline — PIPELINE_EMPTY', () => {
    expect(validatePipeline([])).toEqual({
      valid: false,
      errors: [{ field: 'stages', code: 'PIPELINE_EMPTY', message: 'Tetapkan minimal satu tahap seleksi.' }],
    });
  });

  it('accepts a pipeline without administrasi or integrasi', () => {
    expect(validatePipeline([cat('a', 100)]).valid).toBe(true);
  });

  it('refuses duplicate keys — PIPELINE_KEY_DUPLICATE', () => {
    expect(errors([cat('skd', 50), cat('skd', 50)])).toEqual([
      { field: 'stages.1.key', code: 'PIPELINE_KEY_DUPLICATE', message: 'Kode tahap "skd" sudah dipakai.' },
    ]);
  });

  it.each(['', 'SKD', '1skd', 'tes lisan'])('refuses key %j — PIPELINE_KEY_INVALID', (key) => {
    expect(errors([cat(key, 100)])[0]).toMatchObject({ field: 'stages.0.key', code: 'PIPELINE_KEY_INVALID' });
  });

  it('refuses an empty name and an unknown kind', () => {
    expect(codes([cat('a', 100, { name: ' ' })])).toEqual(['PIPELINE_NAME_REQUIRED']);
    expect(errors([cat('a', 100, { kind: 'lisan' as never })])[0]).toMatchObject({ field: 'stages.0.kind', code: 'PIPELINE_STAGE_KIND_UNKNOWN' });
  });

  it('refuses administrasi anywhere but first — PIPELINE_ADMINISTRASI_NOT_FIRST', () => {
    expect(errors([cat('a', 100), admin])).toEqual([
      { field: 'stages.1.kind', code: 'PIPELINE_ADMINISTRASI_NOT_FIRST', message: 'Tahap administrasi harus menjadi tahap pertama.' },
    ]);
  });

  it('refuses integrasi anywhere but last — PIPELINE_INTEGRASI_NOT_LAST', () => {
    expect(errors([admin, final, cat('a', 100)])).toEqual([
      { field: 'stages.1.kind', code: 'PIPELINE_INTEGRASI_NOT_LAST', message: 'Tahap integrasi harus menjadi tahap terakhir.' },
    ]);
  });

  it('reports every problem at once', () => {
    expect(codes([cat('a', 50), admin, cat('a', 20)])).toEqual(['PIPELINE_ADMINISTRASI_NOT_FIRST', 'PIPELINE_KEY_DUPLICATE', 'PIPELINE_WEIGHT_SUM']);
  });
});

describe('validatePipeline — components', () => {
  const skb = (components: PipelineStage['components']) => cat('skb', 100, { components });

  it('accepts components summing to 100', () => {
    expect(validatePipeline([skb([{ key: 'cat_skb', name: 'CAT', kind: 'cat', weight: 50 }, { key: 'wawancara', name: 'Wawancara', kind: 'panel', weight: 50 }])]).valid).toBe(true);
  });

  it('refuses components not summing to 100 — PIPELINE_COMPONENT_WEIGHT_SUM', () => {
    expect(errors([skb([{ key: 'a', name: 'A', kind: 'cat', weight: 60 }, { key: 'b', name: 'B', kind: 'panel', weight: 30 }])])).toEqual([
      { field: 'stages.0.components', code: 'PIPELINE_COMPONENT_WEIGHT_SUM', message: 'Jumlah bobot komponen harus 100; saat ini 90.' },
    ]);
  });

  it('addresses component problems by index', () => {
    const found = errors([
      skb([
        { key: 'a', name: 'A', kind: 'cat', weight: 100 },
        { key: 'a', name: '', kind: 'lisan' as never, weight: 101 },
      ]),
    ]);
    expect(found.map((e) => [e.field, e.code])).toEqual([
      ['stages.0.components.1.key', 'PIPELINE_KEY_DUPLICATE'],
      ['stages.0.components.1.weight', 'PIPELINE_WEIGHT_OUT_OF_RANGE'],
      ['stages.0.components.1.name', 'PIPELINE_NAME_REQUIRED'],
      ['stages.0.components.1.kind', 'PIPELINE_COMPONENT_KIND_UNKNOWN'],
    ]);
  });

  it('refuses an empty component list and components on administrasi', () => {
    expect(codes([skb([])])).toEqual(['PIPELINE_COMPONENTS_EMPTY']);
    expect(codes([{ ...admin, components: [{ key: 'a', name: 'A', kind: 'cat', weight: 100 }] }, cat('b', 100)])).toEqual([
      'PIPELINE_COMPONENTS_NOT_ALLOWED',
    ]);
  });
});

describe('validatePipeline — pass rules', () => {
  it('accepts a minimum score between 0 and 100 and refuses others', () => {
    expect(validatePipeline([panel('a', 100, { passRule: { type: 'minScore', min: 70 }, eliminates: true })]).valid).toBe(true);
    expect(errors([panel('a', 100, { passRule: { type: 'minScore', min: 101 } })])).toEqual([
      { field: 'stages.0.passRule.min', code: 'PIPELINE_MIN_SCORE_OUT_OF_RANGE', message: 'Nilai minimal harus angka antara 0 dan 100.' },
    ]);
  });

  it('refuses a multiplier that is not a whole number ≥ 1 — PIPELINE_TOP_N_MULTIPLIER_INVALID', () => {
    for (const multiplier of [0, 2.5, -1]) {
      expect(errors([cat('a', 100, { passRule: { type: 'topN', multiplier, keepTies: true } })])[0]).toMatchObject({
        field: 'stages.0.passRule.multiplier',
        code: 'PIPELINE_TOP_N_MULTIPLIER_INVALID',
      });
    }
  });

  it('requires keepTies to be stated', () => {
    expect(codes([cat('a', 100, { passRule: { type: 'topN', multiplier: 3 } as never })])).toEqual(['PIPELINE_TOP_N_KEEP_TIES_INVALID']);
  });

  it('checks the rule a top-N is taken among, and refuses a top-N inside a top-N', () => {
    const among = { type: 'minScore', min: -1 } as const;
    expect(errors([cat('a', 100, { passRule: { type: 'topN', multiplier: 3, keepTies: true, among } })])[0]?.field).toBe(
      'stages.0.passRule.among.min',
    );
    const nested = { type: 'topN', multiplier: 1, keepTies: true } as never;
    expect(codes([cat('a', 100, { passRule: { type: 'topN', multiplier: 3, keepTies: true, among: nested } })])).toEqual(['PIPELINE_TOP_N_NESTED']);
  });

  it('accepts subtest pass marks on a CAT stage only — PIPELINE_PASS_MARKS_NOT_CAT', () => {
    const passRule = { type: 'passMarksBySubtest', byFormasiKind: SKD_PASS_MARKS_BY_FORMASI_KIND } as const;
    expect(validatePipeline([cat('skd', 100, { passRule, eliminates: true })]).valid).toBe(true);
    expect(codes([panel('wawancara', 100, { passRule })])).toEqual(['PIPELINE_PASS_MARKS_NOT_CAT']);
  });

  it('checks each pass mark and refuses an empty set of formation kinds', () => {
    const byFormasiKind = { umum: { marks: [{ label: 'TWK', subtests: [], min: -5 }] } };
    expect(errors([cat('skd', 100, { passRule: { type: 'passMarksBySubtest', byFormasiKind } })]).map((e) => e.field)).toEqual([
      'stages.0.passRule.byFormasiKind.umum.marks.0.min',
      'stages.0.passRule.byFormasiKind.umum.marks.0.subtests',
    ]);
    expect(codes([cat('skd', 100, { passRule: { type: 'passMarksBySubtest', byFormasiKind: {} } })])).toEqual(['PIPELINE_PASS_MARKS_EMPTY']);
  });

  it('refuses an unknown rule type — PIPELINE_PASS_RULE_UNKNOWN', () => {
    expect(errors([cat('a', 100, { passRule: { type: 'lotre' } as never })])).toEqual([
      { field: 'stages.0.passRule.type', code: 'PIPELINE_PASS_RULE_UNKNOWN', message: 'Aturan kelulusan tidak dikenal.' },
    ]);
  });

  it('refuses a scored rule on administrasi, which is MS/TMS — PIPELINE_PASS_RULE_NOT_ALLOWED', () => {
    expect(codes([{ ...admin, passRule: { type: 'minScore', min: 50 } }, cat('a', 100)])).toEqual(['PIPELINE_PASS_RULE_NOT_ALLOWED']);
  });

  it('refuses a scored stage that eliminates without a rule — PIPELINE_ELIMINATES_WITHOUT_RULE', () => {
    expect(errors([cat('a', 100, { eliminates: true })])).toEqual([
      { field: 'stages.0.passRule', code: 'PIPELINE_ELIMINATES_WITHOUT_RULE', message: 'Tahap yang menggugurkan peserta memerlukan aturan kelulusan.' },
    ]);
  });

  it('requires eliminates to be a boolean', () => {
    expect(codes([cat('a', 100, { eliminates: 'ya' as never })])).toEqual(['PIPELINE_ELIMINATES_INVALID']);
  });
});

describe('validateSchedule', () => {
  const full: SelectionSchedule = {
    registrationOpens: '2026-08-01T00:00:00+07:00',
    registrationCloses: '2026-08-20T23:59:59+07:00',
    adminAnnouncement: '2026-08-25T10:00:00+07:00',
    objectionStart: '2026-08-25T10:00:00+07:00',
    objectionEnd: '2026-08-28T23:59:59+07:00',
    testStart: '2026-09-10T07:00:00+07:00',
    testEnd: '2026-09-20T17:00:00+07:00',
    finalAnnouncement: '2026-10-01T10:00:00+07:00',
  };

  it('accepts a schedule in order, with equal neighbours where ≤ allows it', () => {
    expect(validateSchedule(full)).toEqual({ valid: true, errors: [] });
    expect(validateSchedule({ ...full, adminAnnouncement: full.registrationCloses, objectionStart: full.registrationCloses }).valid).toBe(true);
    expect(validateSchedule({ ...full, testStart: full.objectionEnd, testEnd: full.objectionEnd, finalAnnouncement: full.objectionEnd }).valid).toBe(true);
  });

  it('accepts Date values', () => {
    expect(validateSchedule({ registrationOpens: new Date('2026-08-01T00:00:00Z'), registrationCloses: new Date('2026-08-02T00:00:00Z') }).valid).toBe(true);
  });

  it('refuses closing at or before opening — SCHEDULE_ORDER_INVALID', () => {
    expect(validateSchedule({ ...full, registrationCloses: full.registrationOpens }).errors).toEqual([
      { field: 'registrationCloses', code: 'SCHEDULE_ORDER_INVALID', message: 'Penutupan pendaftaran harus sesudah pembukaan pendaftaran.' },
    ]);
  });

  it('refuses an objection window that ends when it starts', () => {
    expect(validateSchedule({ ...full, objectionEnd: full.objectionStart }).errors[0]).toMatchObject({
      field: 'objectionEnd',
      code: 'SCHEDULE_ORDER_INVALID',
      message: 'Akhir masa sanggah harus sesudah awal masa sanggah.',
    });
  });

  it('refuses an announcement before registration closes', () => {
    expect(validateSchedule({ ...full, adminAnnouncement: '2026-08-20T10:00:00+07:00' }).errors).toEqual([
      {
        field: 'adminAnnouncement',
        code: 'SCHEDULE_ORDER_INVALID',
        message: 'Pengumuman hasil seleksi administrasi tidak boleh sebelum penutupan pendaftaran.',
      },
    ]);
  });

  it('refuses a test that starts before the objection window ends, and a final announcement before the test ends', () => {
    const found = validateSchedule({ ...full, testStart: '2026-08-28T08:00:00+07:00', finalAnnouncement: '2026-09-15T10:00:00+07:00' }).errors;
    expect(found.map((e) => e.field)).toEqual(['testStart', 'finalAnnouncement']);
  });

  it('skips absent optional fields and compares their neighbours directly', () => {
    const minimal = { registrationOpens: full.registrationOpens, registrationCloses: full.registrationCloses, finalAnnouncement: full.finalAnnouncement };
    expect(validateSchedule(minimal).valid).toBe(true);
    expect(validateSchedule({ ...minimal, finalAnnouncement: '2026-08-10T00:00:00+07:00' }).errors).toEqual([
      { field: 'finalAnnouncement', code: 'SCHEDULE_ORDER_INVALID', message: 'Pengumuman hasil akhir tidak boleh sebelum penutupan pendaftaran.' },
    ]);
  });

  it('binds a strict link only to the two fields it joins: without an objection window, ≤ applies', () => {
    const noObjection = { registrationOpens: full.registrationOpens, registrationCloses: full.registrationCloses, testStart: full.registrationCloses, testEnd: full.testEnd };
    expect(validateSchedule(noObjection).valid).toBe(true);
    const announcementAtOpening = validateSchedule({ registrationOpens: full.registrationOpens, adminAnnouncement: full.registrationOpens } as SelectionSchedule);
    expect(announcementAtOpening.errors.map((e) => e.code)).toEqual(['SCHEDULE_FIELD_REQUIRED']);
    const announcementBeforeOpening = validateSchedule({ registrationOpens: full.registrationOpens, adminAnnouncement: '2026-07-31T00:00:00Z' } as SelectionSchedule);
    expect(announcementBeforeOpening.errors[1]).toEqual({
      field: 'adminAnnouncement',
      code: 'SCHEDULE_ORDER_INVALID',
      message: 'Pengumuman hasil seleksi administrasi tidak boleh sebelum pembukaan pendaftaran.',
    });
  });

  it('requires opening and closing — SCHEDULE_FIELD_REQUIRED', () => {
    expect(validateSchedule({} as SelectionSchedule).errors).toEqual([
      { field: 'registrationOpens', code: 'SCHEDULE_FIELD_REQUIRED', message: 'Pembukaan pendaftaran wajib diisi.' },
      { field: 'registrationCloses', code: 'SCHEDULE_FIELD_REQUIRED', message: 'Penutupan pendaftaran wajib diisi.' },
    ]);
  });

  it('requires both ends of the objection window and of the test period — SCHEDULE_PAIR_INCOMPLETE', () => {
    const { objectionEnd: _end, testStart: _start, ...rest } = full;
    expect(validateSchedule(rest).errors).toEqual([
      { field: 'objectionEnd', code: 'SCHEDULE_PAIR_INCOMPLETE', message: 'Akhir masa sanggah wajib diisi bila awal masa sanggah diisi.' },
      { field: 'testStart', code: 'SCHEDULE_PAIR_INCOMPLETE', message: 'Awal pelaksanaan ujian wajib diisi bila akhir pelaksanaan ujian diisi.' },
    ]);
  });

  it('refuses values that are not zoned instants — SCHEDULE_DATE_INVALID — and compares the rest around them', () => {
    const found = validateSchedule({ ...full, adminAnnouncement: '2026-08-25', testEnd: 'besok' }).errors;
    expect(found).toEqual([
      { field: 'adminAnnouncement', code: 'SCHEDULE_DATE_INVALID', message: 'Pengumuman hasil seleksi administrasi bukan waktu yang valid.' },
      { field: 'testEnd', code: 'SCHEDULE_DATE_INVALID', message: 'Akhir pelaksanaan ujian bukan waktu yang valid.' },
    ]);
  });
});

describe('objectionWindow (PermenPANRB 27/2021)', () => {
  it('lasts 3 days by default', () => {
    expect(OBJECTION_DEFAULTS.days).toBe(3);
    expect(objectionWindow({ announcedAt: '2026-10-09T08:00:00Z' })).toEqual({
      start: new Date('2026-10-09T08:00:00Z'),
      end: new Date('2026-10-12T08:00:00Z'),
    });
  });

  it('takes the number of days from options', () => {
    expect(objectionWindow({ announcedAt: '2026-10-09T08:00:00Z', days: 5 }).end).toEqual(new Date('2026-10-14T08:00:00Z'));
  });

  it('with a zone, runs to the end of the third local day after the announcement', () => {
    // Announced 9 October 15.00 WIB → closes 12 October 23.59.59,999 WIB.
    const window = objectionWindow({ announcedAt: '2026-10-09T08:00:00Z', zone: 'Asia/Jakarta' });
    expect(window.end.toISOString()).toBe('2026-10-12T16:59:59.999Z');
  });

  it('with a zone, counts from the local date, not the UTC date', () => {
    // 9 October 23.30 UTC is already 10 October 08.30 WIT.
    const window = objectionWindow({ announcedAt: '2026-10-09T23:30:00Z', zone: 'Asia/Jayapura' });
    expect(window.end.toISOString()).toBe('2026-10-13T14:59:59.999Z');
  });

  it('crosses a month end', () => {
    const window = objectionWindow({ announcedAt: '2026-10-30T03:00:00Z', zone: 'Asia/Makassar' });
    expect(window.end.toISOString()).toBe('2026-11-02T15:59:59.999Z');
  });

  it('refuses a number of days that is not a whole number ≥ 1 — OBJECTION_DAYS_INVALID', () => {
    for (const days of [0, -1, 1.5]) {
      expect(() => objectionWindow({ announcedAt: '2026-10-09T08:00:00Z', days })).toThrowError(
        expect.objectContaining({ code: 'OBJECTION_DAYS_INVALID', message: 'Lama masa sanggah harus bilangan bulat ≥ 1 hari.' }),
      );
    }
  });

  it('refuses an announcement time without a zone — DATE_INVALID', () => {
    expect(() => objectionWindow({ announcedAt: '2026-10-09T08:00:00' })).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});

describe('isWithinWindow', () => {
  const window = objectionWindow({ announcedAt: '2026-10-09T08:00:00Z', zone: 'Asia/Jakarta' });

  it('includes the start and the last millisecond of the end', () => {
    expect(isWithinWindow({ now: '2026-10-09T08:00:00Z', window })).toBe(true);
    expect(isWithinWindow({ now: '2026-10-12T16:59:59.999Z', window })).toBe(true);
    expect(isWithinWindow({ now: new Date('2026-10-11T00:00:00Z'), window })).toBe(true);
  });

  it('excludes a moment before the announcement and after the end', () => {
    expect(isWithinWindow({ now: '2026-10-09T07:59:59.999Z', window })).toBe(false);
    expect(isWithinWindow({ now: '2026-10-12T17:00:00Z', window })).toBe(false);
  });

  it('throws DATE_INVALID for an unreadable now', () => {
    expect(() => isWithinWindow({ now: 'sekarang', window })).toThrowError(expect.objectContaining({ code: 'DATE_INVALID' }));
  });
});
