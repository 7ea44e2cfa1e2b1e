import { describe, expect, it } from 'vitest';
import { CAT_SUBTESTS, catSubtest, questionDuplicateKey, statusChangeProblem, validateQuestion } from './cat-bank.js';

const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('CAT subtests', () => {
  it('take their question types and point ranges from the scoring presets (TKP 1–5, PPPK 1–4)', () => {
    expect(catSubtest('TWK')).toMatchObject({ type: 'single', correctPoints: 5 });
    expect(catSubtest('TKP')).toMatchObject({ type: 'weighted', minOptionPoints: 1, maxOptionPoints: 5 });
    expect(catSubtest('MANAJERIAL')).toMatchObject({ type: 'weighted', minOptionPoints: 1, maxOptionPoints: 4 });
    expect(catSubtest('SOSIAL_KULTURAL')).toMatchObject({ type: 'weighted', minOptionPoints: 1, maxOptionPoints: 4 });
    expect(catSubtest('WAWANCARA')).toMatchObject({ type: 'weighted', minOptionPoints: 1, maxOptionPoints: 4 });
    expect(catSubtest('SKB')).toMatchObject({ type: 'single' });
    expect(new Set(CAT_SUBTESTS.map((s) => s.code)).size).toBe(CAT_SUBTESTS.length);
  });
});

describe('validateQuestion', () => {
  const options = [{ text: 'Pancasila' }, { text: 'UUD 1945' }, { text: 'Bhinneka Tunggal Ika' }, { text: 'NKRI' }];

  it('accepts a single-key question whose key is one of its options', () => {
    expect(validateQuestion({ subtest: 'TWK', stem: 'Dasar negara Indonesia adalah …', options, keyIndex: 0 })).toEqual([]);
  });

  it('refuses a single-key question without a key, with a key outside its options, or with option points', () => {
    expect(fields(validateQuestion({ subtest: 'TWK', stem: 'Dasar negara adalah …', options }))).toEqual(['keyIndex']);
    expect(fields(validateQuestion({ subtest: 'TWK', stem: 'Dasar negara adalah …', options, keyIndex: 4 }))).toEqual(['keyIndex']);
    expect(fields(validateQuestion({ subtest: 'TIU', stem: 'Dasar negara adalah …', options: [{ text: 'a', points: 5 }, { text: 'b' }], keyIndex: 0 }))).toEqual([
      'options.0.points',
    ]);
  });

  it('accepts TKP points 1–5 and refuses 0, 6, fractions, a missing point and a key', () => {
    const tkp = (points: Array<number | undefined>, keyIndex?: number) =>
      validateQuestion({ subtest: 'TKP', stem: 'Rekan kerja Anda meminta bantuan …', options: points.map((p, i) => ({ text: `Pilihan ${i}`, points: p })), keyIndex });
    expect(tkp([1, 2, 3, 4, 5])).toEqual([]);
    expect(fields(tkp([0, 2, 3, 4, 6]))).toEqual(['options.0.points', 'options.4.points']);
    expect(fields(tkp([1.5, 2, 3, 4, 5]))).toEqual(['options.0.points']);
    expect(fields(tkp([1, undefined, 3, 4, 5]))).toEqual(['options.1.points']);
    expect(fields(tkp([1, 2, 3, 4, 5], 0))).toEqual(['keyIndex']);
  });

  it('holds PPPK managerial, socio-cultural and interview points to 1–4', () => {
    for (const subtest of ['MANAJERIAL', 'SOSIAL_KULTURAL', 'WAWANCARA']) {
      const base = { subtest, stem: 'Sebagai pegawai Anda …' };
      expect(validateQuestion({ ...base, options: [1, 2, 3, 4].map((p) => ({ text: `P${p}`, points: p })) })).toEqual([]);
      expect(fields(validateQuestion({ ...base, options: [1, 2, 3, 5].map((p) => ({ text: `P${p}`, points: p })) }))).toEqual(['options.3.points']);
    }
  });

  it('refuses an unknown subtest, too few options, empty or repeated options and a short stem', () => {
    expect(fields(validateQuestion({ subtest: 'PSIKOTES', stem: 'Soal', options, keyIndex: 0 }))).toEqual(['subtest']);
    expect(fields(validateQuestion({ subtest: 'TWK', stem: 'Soal panjang', options: [{ text: 'a' }], keyIndex: 0 }))).toEqual(['options']);
    expect(fields(validateQuestion({ subtest: 'TWK', stem: 'Soal panjang', options: [{ text: 'Sama' }, { text: ' sama ' }, { text: '' }], keyIndex: 0 }))).toEqual([
      'options.1.text',
      'options.2.text',
    ]);
    expect(fields(validateQuestion({ subtest: 'TWK', stem: 'ab', options, keyIndex: 0 }))).toEqual(['stem']);
    // An option or stem that is only an image is fine.
    expect(validateQuestion({ subtest: 'TIU', stem: '', hasImage: true, options: [{ text: '', hasImage: true }, { text: 'B' }], keyIndex: 1 })).toEqual([]);
  });
});

describe('questionDuplicateKey', () => {
  it('finds the same question whatever its case and spacing, and tells different topics apart', () => {
    const a = { subtest: 'TWK', topic: 'Pancasila', stem: 'Dasar  negara adalah', options: [{ text: 'A' }, { text: 'B' }] };
    expect(questionDuplicateKey(a)).toBe(questionDuplicateKey({ ...a, topic: ' pancasila', stem: 'dasar negara ADALAH ' }));
    expect(questionDuplicateKey(a)).not.toBe(questionDuplicateKey({ ...a, topic: 'UUD' }));
    expect(questionDuplicateKey(a)).not.toBe(questionDuplicateKey({ ...a, options: [{ text: 'B' }, { text: 'A' }] }));
  });
});

describe('statusChangeProblem (review workflow)', () => {
  const base = { actorId: 'penelaah', authorIds: ['penulis', null] };
  it('lets someone other than the author review, then anyone activate and retire', () => {
    expect(statusChangeProblem({ ...base, from: 'draft', to: 'reviewed' })).toBeNull();
    expect(statusChangeProblem({ ...base, from: 'reviewed', to: 'active' })).toBeNull();
    expect(statusChangeProblem({ ...base, from: 'active', to: 'retired' })).toBeNull();
    expect(statusChangeProblem({ ...base, from: 'retired', to: 'draft' })).toBeNull();
    expect(statusChangeProblem({ ...base, from: 'reviewed', to: 'draft' })).toBeNull();
  });
  it('refuses a review by the author or the last editor (four eyes)', () => {
    expect(statusChangeProblem({ from: 'draft', to: 'reviewed', actorId: 'penulis', authorIds: ['penulis', 'lain'] })).toMatch(/empat mata/);
    expect(statusChangeProblem({ from: 'draft', to: 'reviewed', actorId: 'lain', authorIds: ['penulis', 'lain'] })).toMatch(/empat mata/);
  });
  it('refuses to activate a draft or to skip back from active to draft', () => {
    expect(statusChangeProblem({ ...base, from: 'draft', to: 'active' })).toMatch(/ditelaah terlebih dahulu/);
    expect(statusChangeProblem({ ...base, from: 'active', to: 'draft' })).toMatch(/tidak dapat diubah/);
    expect(statusChangeProblem({ ...base, from: 'active', to: 'active' })).toMatch(/sudah berstatus/);
  });
});
