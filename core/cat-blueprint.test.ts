import { describe, expect, it } from 'vitest';
import { PRESETS, catStages, sectionMaxPoints, validateBlueprint, type BlueprintDefinition } from './cat-blueprint.js';
import { SKD_PASS_RULES } from './cat-scoring.js';
import { CPNS_PIPELINE, JPT_PIPELINE, PPPK_PIPELINE } from './pipeline.js';

const bank = '00000000-0000-4000-8000-000000000001';
const fromPreset = (preset: keyof typeof PRESETS): BlueprintDefinition => {
  const defaults = PRESETS[preset].defaults;
  return { preset, ...defaults, sections: defaults.sections.map((s) => ({ ...s, bankIds: [bank] })) };
};
const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('blueprint presets', () => {
  it('SKD: 30/35/45 questions, 100 minutes, 30 more for blind participants, the 2024 pass marks', () => {
    const skd = PRESETS.skd.defaults;
    expect(skd.sections).toEqual([
      { subtest: 'TWK', count: 30 },
      { subtest: 'TIU', count: 35 },
      { subtest: 'TKP', count: 45 },
    ]);
    expect(skd.durationMinutes + skd.extraMinutes.tunanetra!).toBe(130);
    expect(skd.passRules).toBe(SKD_PASS_RULES);
    expect(skd.sections.reduce((sum, s) => sum + sectionMaxPoints(s), 0)).toBe(550);
  });

  it('PPPK: 90/25/20/10 questions, 150 + 15 minutes, max 670, no pass mark in 2024 for every formation kind', () => {
    const pppk = PRESETS.pppk.defaults;
    expect(pppk.sections.map((s) => s.count)).toEqual([90, 25, 20, 10]);
    expect(pppk.durationMinutes + pppk.extraMinutes.tunanetra!).toBe(165);
    expect(pppk.sections.reduce((sum, s) => sum + sectionMaxPoints(s), 0)).toBe(670);
    expect(pppk.passRules.umum).toEqual({ marks: [] });
    expect(pppk.passRules.disabilitas).toEqual({ marks: [] });
  });

  it('every preset validates as given for its selection type', () => {
    expect(validateBlueprint({ ...fromPreset('skd'), selectionType: 'cpns' })).toEqual([]);
    expect(validateBlueprint({ ...fromPreset('pppk'), selectionType: 'pppk' })).toEqual([]);
    expect(validateBlueprint({ ...fromPreset('skb'), selectionType: 'cpns' })).toEqual([]);
  });
});

describe('validateBlueprint', () => {
  it('refuses an SKD blueprint in a PPPK round, and one without TKP', () => {
    expect(fields(validateBlueprint({ ...fromPreset('skd'), selectionType: 'pppk' }))).toEqual(['preset']);
    const noTkp = fromPreset('skd');
    noTkp.sections = noTkp.sections.filter((s) => s.subtest !== 'TKP');
    // TKP's pass mark names a subtest that is now missing, too.
    expect(fields(validateBlueprint({ ...noTkp, selectionType: 'cpns' }))).toEqual(['sections', 'passRules.umum.marks.2.subtests', 'passRules.umum.marks.2.min']);
  });

  it('keeps SKB and custom blueprints to single-key subtests (their scoring is correct 5, otherwise 0)', () => {
    const skb = fromPreset('skb');
    skb.sections.push({ subtest: 'TKP', count: 10, bankIds: [bank] });
    expect(fields(validateBlueprint({ ...skb, selectionType: 'cpns' }))).toEqual(['sections.1.subtest']);
  });

  it('refuses bad counts, repeated sections, missing banks, bad durations and needs', () => {
    const blueprint = fromPreset('skb');
    blueprint.sections = [
      { subtest: 'SKB', topic: 'Keperawatan', count: 0, bankIds: [] },
      { subtest: 'SKB', topic: 'keperawatan ', count: 10, bankIds: [bank, bank] },
    ];
    blueprint.durationMinutes = 2;
    blueprint.extraMinutes = { tunanetra: 500, 'Tuna Netra': 10 };
    expect(fields(validateBlueprint({ ...blueprint, selectionType: 'cpns' }))).toEqual([
      'sections.0.count',
      'sections.0.bankIds',
      'sections.1.topic',
      'sections.1.bankIds',
      'durationMinutes',
      'extraMinutes.tunanetra',
      'extraMinutes.Tuna Netra',
    ]);
  });

  it('refuses pass marks of unknown formation kinds or above what the paper can give', () => {
    const blueprint = fromPreset('skd');
    blueprint.passRules = { ...SKD_PASS_RULES, umum: { marks: [{ label: 'TWK', subtests: ['TWK'], min: 151 }] }, rahasia: { marks: [] } };
    expect(fields(validateBlueprint({ ...blueprint, selectionType: 'cpns' }))).toEqual(['passRules.umum.marks.0.min', 'passRules.rahasia']);
  });
});

describe('catStages', () => {
  it('names the CAT stages of each pipeline preset (SKD, SKB with its CAT component, PPPK competency), none for JPT', () => {
    expect(catStages(CPNS_PIPELINE).map((s) => s.key)).toEqual(['skd', 'skb']);
    expect(catStages(PPPK_PIPELINE).map((s) => s.key)).toEqual(['kompetensi']);
    expect(catStages(JPT_PIPELINE)).toEqual([]);
  });
});
