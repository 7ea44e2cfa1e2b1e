import { describe, expect, it } from 'vitest';
import {
  compareEntries,
  finalObjectionRefusal,
  formatScore,
  formatUnits,
  integrationPlan,
  offerDecisionRefusal,
  planShape,
  sortEntries,
  stageTree,
  type FinalObjectionCheck,
  type FinalResultEntry,
} from './final-results.js';
import { INTEGRATION_PRESET, integrateStages } from './integration.js';
import { CPNS_PIPELINE, JPT_PIPELINE, PPPK_PIPELINE, type PipelineStage } from './pipeline.js';

describe('integrationPlan — what a pipeline integrates', () => {
  it('reads the CPNS preset: SKD, then SKB as CAT SKB and work practice', () => {
    const plan = integrationPlan(CPNS_PIPELINE);
    expect(plan.issues).toEqual([]);
    expect(plan.leaves.map((l) => [l.key, l.kind, l.componentKey])).toEqual([
      ['skd', 'cat', null],
      ['skb.cat_skb', 'cat', 'cat_skb'],
      ['skb.praktik_kerja', 'panel', 'praktik_kerja'],
    ]);
    expect(plan.stages.map((s) => [s.key, s.weight])).toEqual([
      ['skd', 40],
      ['skb', 60],
    ]);
  });

  it('reads the PPPK and JPT presets by their weights', () => {
    expect(integrationPlan(PPPK_PIPELINE).leaves.map((l) => [l.key, l.kind])).toEqual([
      ['kompetensi', 'cat'],
      ['wawancara', 'panel'],
    ]);
    expect(integrationPlan(JPT_PIPELINE).stages.map((s) => s.weight)).toEqual([40, 20, 25, 15]);
  });

  it('refuses stage weights that do not sum to 100, naming the field', () => {
    const broken = CPNS_PIPELINE.map((s): PipelineStage => (s.key === 'skd' ? { ...s, weight: 30 } : s));
    expect(integrationPlan(broken).issues).toEqual([expect.objectContaining({ field: 'stages', code: 'PIPELINE_WEIGHT_SUM' })]);
  });

  it('refuses component weights that do not sum to 100', () => {
    const broken = CPNS_PIPELINE.map((s): PipelineStage => (s.key === 'skb' ? { ...s, components: [{ key: 'cat_skb', name: 'CAT SKB', kind: 'cat', weight: 70 }, { key: 'praktik_kerja', name: 'Praktik', kind: 'panel', weight: 40 }] } : s));
    expect(integrationPlan(broken).issues.map((i) => i.code)).toContain('PIPELINE_COMPONENT_WEIGHT_SUM');
  });

  it('builds the stage tree integrateStages reads, and the worked CPNS example gives 77.6', () => {
    const plan = integrationPlan(CPNS_PIPELINE);
    const scores = new Map([
      ['skd', { score: 440, max: 550 }],
      ['skb.cat_skb', { score: 350, max: 500 }],
      ['skb.praktik_kerja', { score: 85, max: 100 }],
    ]);
    expect(integrateStages({ stages: stageTree({ plan, scores }), preset: INTEGRATION_PRESET }).score).toBe(77.6);
    expect(planShape(plan, new Map([['skd', 550], ['skb.cat_skb', 500], ['skb.praktik_kerja', 100]])).issues).toEqual([]);
    expect(planShape(plan, new Map([['skd', 550]])).issues.length).toBeGreaterThan(0);
  });
});

describe('formatting of the published list', () => {
  it('prints units at 3 decimals and raw scores in their shortest form', () => {
    expect(formatUnits(78123, 3)).toBe('78.123');
    expect(formatUnits(5, 3)).toBe('0.005');
    expect(formatUnits(100000, 3)).toBe('100.000');
    expect(formatUnits(42, 0)).toBe('42');
    expect(() => formatUnits(-1, 3)).toThrow(RangeError);
    expect([formatScore(82.5), formatScore(400), formatScore(null), formatScore(Number.NaN)]).toEqual(['82.5', '400', null, null]);
  });

  it('sorts by formasi, then rank with unranked last, then registration number', () => {
    const e = (formasi: string, rank: number | null, registrationNumber: string) => ({ formasi, rank, registrationNumber });
    expect(sortEntries([e('B', 1, 'x'), e('A', null, 'b'), e('A', 2, 'c'), e('A', null, 'a'), e('A', 1, 'z')])).toEqual([e('A', 1, 'z'), e('A', 2, 'c'), e('A', null, 'a'), e('A', null, 'b'), e('B', 1, 'x')]);
  });
});

describe('compareEntries — the recompute report', () => {
  const entry = (over: Partial<FinalResultEntry> = {}): FinalResultEntry => ({
    formasi: 'Pranata Komputer — Diskominfo',
    rank: 1,
    registrationNumber: 'R1',
    name: 'Ani',
    scores: { skd: '400', 'skb.cat_skb': '350' },
    finalScore: '77.600',
    status: 'lulus',
    decidedBy: null,
    ...over,
  });

  it('reports nothing when the lists agree', () => {
    expect(compareEntries([entry(), entry({ registrationNumber: 'R2', rank: 2, status: 'tidak_lulus' })], [entry({ registrationNumber: 'R2', rank: 2, status: 'tidak_lulus' }), entry()])).toEqual([]);
  });

  it('names every differing field of a line, and lines missing on either side', () => {
    const differences = compareEntries(
      [entry({ finalScore: '80.000', scores: { skd: '450', 'skb.cat_skb': '350' } }), entry({ registrationNumber: 'R9', name: 'Budi' })],
      [entry(), entry({ registrationNumber: 'R3', name: 'Citra' })],
    );
    expect(differences).toEqual([
      { registrationNumber: 'R1', name: 'Ani', field: 'nilai akhir', published: '80.000', recomputed: '77.600' },
      { registrationNumber: 'R1', name: 'Ani', field: 'nilai skd', published: '450', recomputed: '400' },
      { registrationNumber: 'R9', name: 'Budi', field: 'baris', published: 'ada', recomputed: 'tidak ada' },
      { registrationNumber: 'R3', name: 'Citra', field: 'baris', published: 'tidak ada', recomputed: 'ada' },
    ]);
  });
});

describe('finalObjectionRefusal — an objection corrects a mismatch and never raises a score', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const window = { opensAt: new Date('2026-12-01T00:00:00Z'), closesAt: new Date('2026-12-04T16:59:59Z') };
  const check = (over: Partial<FinalObjectionCheck> = {}): FinalObjectionCheck => ({
    now,
    window,
    alreadyFiled: false,
    listed: true,
    item: 'skd',
    subject: { kind: 'score', published: 380, recorded: 400, max: 550 },
    claimed: 400,
    ...over,
  });

  it('files a score objection where the published score differs from the record, up to the record', () => {
    expect(finalObjectionRefusal(check())).toBeNull();
    expect(finalObjectionRefusal(check({ claimed: 390 }))).toBeNull();
  });

  it('refuses a request above the recorded score as raising the score', () => {
    expect(finalObjectionRefusal(check({ claimed: 410 }))).toMatchObject({ code: 'RAISES_SCORE', field: 'claimedValue', message: expect.stringContaining('tidak dapat menaikkan nilai') });
  });

  it('refuses a request for more when the published score equals the record (nothing to correct)', () => {
    expect(finalObjectionRefusal(check({ subject: { kind: 'score', published: 400, recorded: 400, max: 550 }, claimed: 450 }))?.code).toBe('RAISES_SCORE');
    expect(finalObjectionRefusal(check({ subject: { kind: 'score', published: 400, recorded: 400, max: 550 }, claimed: 390 }))?.code).toBe('NOT_A_MISMATCH');
  });

  it('refuses a claim equal to the published value, above the maximum, or not a number', () => {
    expect(finalObjectionRefusal(check({ subject: { kind: 'score', published: 380, recorded: 400, max: 550 }, claimed: 380 }))?.code).toBe('NOT_A_MISMATCH');
    expect(finalObjectionRefusal(check({ claimed: 551 }))?.code).toBe('VALUE_INVALID');
    expect(finalObjectionRefusal(check({ claimed: '400' }))?.code).toBe('VALUE_INVALID');
    expect(finalObjectionRefusal(check({ claimed: -1 }))?.code).toBe('VALUE_INVALID');
  });

  it('accepts corrections of tie-break data (IPK, birth date) that differ from the record', () => {
    expect(finalObjectionRefusal(check({ item: 'ipk', subject: { kind: 'ipk', published: 3.2 }, claimed: 3.45 }))).toBeNull();
    expect(finalObjectionRefusal(check({ item: 'ipk', subject: { kind: 'ipk', published: 3.2 }, claimed: 3.2 }))?.code).toBe('NOT_A_MISMATCH');
    expect(finalObjectionRefusal(check({ item: 'birthDate', subject: { kind: 'birthDate', published: '1998-03-14' }, claimed: '1997-03-14' }))).toBeNull();
    expect(finalObjectionRefusal(check({ item: 'birthDate', subject: { kind: 'birthDate', published: '1998-03-14' }, claimed: '14-03-1997' }))?.code).toBe('VALUE_INVALID');
  });

  it('refuses outside the window by the server clock, twice, unknown items and unlisted applications', () => {
    expect(finalObjectionRefusal(check({ window: null }))?.code).toBe('NOT_PUBLISHED');
    expect(finalObjectionRefusal(check({ now: new Date('2026-11-30T00:00:00Z') }))?.code).toBe('WINDOW_NOT_OPEN');
    expect(finalObjectionRefusal(check({ now: new Date('2026-12-04T17:00:00Z') }))?.code).toBe('WINDOW_CLOSED');
    expect(finalObjectionRefusal(check({ now: window.closesAt }))).toBeNull();
    expect(finalObjectionRefusal(check({ alreadyFiled: true }))?.code).toBe('ALREADY_FILED');
    expect(finalObjectionRefusal(check({ listed: false }))?.code).toBe('NOT_RANKED');
    expect(finalObjectionRefusal(check({ subject: null }))?.code).toBe('UNKNOWN_ITEM');
  });
});

describe('offerDecisionRefusal — the offer deadline by the server clock', () => {
  const expiresAt = new Date('2026-12-10T16:59:59.999Z');
  it('lets a pending offer be decided up to its deadline, not a millisecond after', () => {
    expect(offerDecisionRefusal({ now: expiresAt, expiresAt, status: 'pending' })).toBeNull();
    expect(offerDecisionRefusal({ now: new Date(expiresAt.getTime() + 1), expiresAt, status: 'pending' })?.code).toBe('EXPIRED');
  });
  it('refuses an expired or already decided offer', () => {
    expect(offerDecisionRefusal({ now: new Date(0), expiresAt, status: 'expired' })?.code).toBe('EXPIRED');
    expect(offerDecisionRefusal({ now: new Date(0), expiresAt, status: 'accepted' })).toMatchObject({ code: 'ALREADY_DECIDED', message: expect.stringContaining('diterima') });
    expect(offerDecisionRefusal({ now: new Date(0), expiresAt, status: 'declined' })?.message).toContain('ditolak');
  });
});
