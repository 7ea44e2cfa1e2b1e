import { describe, expect, it } from 'vitest';
import {
  COMPETENCY_FOR_VALUE,
  developmentFocus,
  finalisationProblems,
  outlookMessage,
  periodRange,
  planActionProblem,
  PLAN_STATUSES,
  suggestCompetency,
  summariseDeskFeedback,
  type PlanAction,
  type PlanStatus,
} from './evaluation.js';
import { BERAKHLAK, distributionOutlook, DISTRIBUTION_BOUNDS, type BerakhlakValue, type Predikat, type Rating } from './predikat.js';

describe('periodRange', () => {
  it('names and dates the four quarters, with the right last day of each', () => {
    expect([1, 2, 3, 4].map((quarter) => periodRange({ kind: 'triwulan', year: 2026, quarter }))).toEqual([
      { name: 'Triwulan I 2026', startsOn: '2026-01-01', endsOn: '2026-03-31' },
      { name: 'Triwulan II 2026', startsOn: '2026-04-01', endsOn: '2026-06-30' },
      { name: 'Triwulan III 2026', startsOn: '2026-07-01', endsOn: '2026-09-30' },
      { name: 'Triwulan IV 2026', startsOn: '2026-10-01', endsOn: '2026-12-31' },
    ]);
  });

  it('covers the whole year for an annual period', () => {
    expect(periodRange({ kind: 'tahunan', year: 2028 })).toEqual({ name: 'Tahunan 2028', startsOn: '2028-01-01', endsOn: '2028-12-31' });
  });

  it('refuses a quarter outside 1–4, a quarter on an annual period, a missing quarter and an odd year', () => {
    for (const quarter of [0, 5, 1.5, null]) expect(() => periodRange({ kind: 'triwulan', year: 2026, quarter })).toThrow(RangeError);
    expect(() => periodRange({ kind: 'tahunan', year: 2026, quarter: 2 })).toThrow(/tahunan/);
    expect(() => periodRange({ kind: 'tahunan', year: 1899 })).toThrow(RangeError);
    expect(() => periodRange({ kind: 'bulanan' as 'tahunan', year: 2026 })).toThrow(RangeError);
  });
});

describe('planActionProblem — what each state of a plan allows', () => {
  const allowed: Record<PlanAction, PlanStatus[]> = {
    edit: ['draft', 'returned'],
    submit: ['draft', 'returned'],
    agree: ['submitted'],
    return: ['submitted'],
    realise: ['agreed'],
    rate: ['agreed'],
    note: ['draft', 'submitted', 'agreed', 'returned'],
  };
  for (const [action, statuses] of Object.entries(allowed) as [PlanAction, PlanStatus[]][]) {
    for (const planStatus of PLAN_STATUSES) {
      const ok = statuses.includes(planStatus);
      it(`${ok ? 'allows' : 'refuses'} ${action} on a ${planStatus} plan of an open period`, () => {
        const problem = planActionProblem({ action, planStatus, periodStatus: 'open' });
        if (ok) expect(problem).toBeNull();
        else expect(problem).toMatch(/\w/);
      });
    }
  }

  it('refuses every action once the period is finalised', () => {
    for (const action of Object.keys(allowed) as PlanAction[]) {
      for (const planStatus of PLAN_STATUSES) expect(planActionProblem({ action, planStatus, periodStatus: 'finalised' })).toMatch(/sudah difinalisasi/);
    }
  });

  it('says why an agreed plan cannot be edited and why a draft cannot be rated', () => {
    expect(planActionProblem({ action: 'edit', planStatus: 'agreed', periodStatus: 'open' })).toMatch(/sudah disepakati/);
    expect(planActionProblem({ action: 'rate', planStatus: 'draft', periodStatus: 'open' })).toMatch(/setelah rencana hasil kerja disepakati/);
  });
});

describe('summariseDeskFeedback — the public desk ratings against the agency threshold', () => {
  const summary = (responses: number, sum: number, threshold = 76.61, minResponses = 10) => summariseDeskFeedback({ responses, sum, threshold, minResponses });

  it('computes the index as mean × 25, rounded once to two decimals half up', () => {
    expect(summary(3, 10).index).toBe(83.33); // 3.3333… × 25 = 83.3333
    expect(summary(8, 25).index).toBe(78.13); // 3.125 × 25 = 78.125 → 78.13
    expect(summary(4, 16).index).toBe(100);
    expect(summary(5, 5).index).toBe(25);
  });

  it('is below the threshold at 76.60 and not at 76.61 (the IKM boundary between C and B)', () => {
    // 383 ÷ 125 = 3.064 → 76.60; 3.0644 → 76.61.
    expect(summary(125, 383)).toMatchObject({ index: 76.6, belowThreshold: true });
    expect(summary(2500, 7661)).toMatchObject({ index: 76.61, belowThreshold: false });
  });

  it('says nothing before the minimum number of responses', () => {
    expect(summary(9, 9)).toEqual({ responses: 9, index: 25, enoughResponses: false, belowThreshold: false });
    expect(summary(10, 10)).toMatchObject({ enoughResponses: true, belowThreshold: true });
    expect(summary(0, 0)).toEqual({ responses: 0, index: null, enoughResponses: false, belowThreshold: false });
  });

  it('uses the agency’s own threshold and minimum', () => {
    expect(summary(4, 12, 80, 1)).toMatchObject({ index: 75, belowThreshold: true });
    expect(summary(4, 12, 75, 1)).toMatchObject({ index: 75, belowThreshold: false });
  });

  it('refuses impossible sums and a bad minimum', () => {
    expect(() => summary(3, 2)).toThrow(RangeError);
    expect(() => summary(3, 13)).toThrow(RangeError);
    expect(() => summary(-1, 0)).toThrow(RangeError);
    expect(() => summary(3, 9, 76.61, 0)).toThrow(RangeError);
  });
});

describe('finalisationProblems', () => {
  const plans = (list: Array<[string, Predikat | null]>) => list.map(([employeeName, predikat]) => ({ employeeName, predikat }));
  const rated = (counts: Partial<Record<Predikat, number>>) =>
    plans(Object.entries(counts).flatMap(([predikat, n]) => Array.from({ length: n }, (_, i) => [`${predikat} ${i + 1}`, predikat as Predikat] as [string, Predikat])));

  it('lets a fully rated period within the bound be finalised', () => {
    expect(finalisationProblems({ organisationRating: 'baik', bounds: DISTRIBUTION_BOUNDS, plans: rated({ sangat_baik: 1, baik: 6, butuh_perbaikan: 3 }) })).toEqual([]);
  });

  it('blocks a period whose share of Baik or better breaks the bound, with the numbers', () => {
    const problems = finalisationProblems({ organisationRating: 'baik', bounds: DISTRIBUTION_BOUNDS, plans: rated({ baik: 8, kurang: 2 }) });
    expect(problems).toEqual([
      'Predikat Baik atau Sangat Baik diberikan kepada 8 dari 10 pegawai (80%), sedangkan predikat organisasi Baik membatasi paling banyak 70% (7 pegawai). Atasan perlu meninjau 1 penilaian sebelum periode difinalisasi.',
    ]);
  });

  it('names the employees not rated yet (five, then how many more)', () => {
    const list = plans([['Ani', 'baik'], ['Budi', null], ['Citra', null], ['Dedi', null], ['Eka', null], ['Fajar', null], ['Gita', null]]);
    expect(finalisationProblems({ organisationRating: 'baik', bounds: DISTRIBUTION_BOUNDS, plans: list })).toEqual([
      '6 pegawai belum dinilai atasannya: Budi, Citra, Dedi, Eka, Fajar dan 1 lainnya.',
    ]);
  });

  it('needs the organisation rating and at least one plan', () => {
    expect(finalisationProblems({ organisationRating: null, bounds: DISTRIBUTION_BOUNDS, plans: [] })).toEqual([
      'Belum ada rencana hasil kerja pegawai pada periode ini.',
      'Predikat kinerja organisasi untuk periode ini belum diisi.',
    ]);
  });
});

describe('developmentFocus', () => {
  const behaviours = (over: Partial<Record<BerakhlakValue, Rating>> = {}) => ({ ...(Object.fromEntries(BERAKHLAK.map((v) => [v, 'sesuai'])) as Record<BerakhlakValue, Rating>), ...over });

  it('is not needed for Baik or Sangat Baik', () => {
    expect(developmentFocus({ predikat: 'baik', results: 'sesuai', behaviours: behaviours({ Loyal: 'di_bawah' }) })).toEqual({ needed: false, results: false, behaviours: [], reason: '' });
    expect(developmentFocus({ predikat: 'sangat_baik', results: 'di_atas', behaviours: behaviours() }).needed).toBe(false);
  });

  it('points at results below expectations (Butuh Perbaikan)', () => {
    expect(developmentFocus({ predikat: 'butuh_perbaikan', results: 'di_bawah', behaviours: behaviours() })).toEqual({
      needed: true,
      results: true,
      behaviours: [],
      reason: 'Predikat Butuh Perbaikan: hasil kerja di bawah ekspektasi.',
    });
  });

  it('points at the core values rated below expectations, in BerAKHLAK order (Kurang)', () => {
    const focus = developmentFocus({ predikat: 'kurang', results: 'sesuai', behaviours: behaviours({ Kolaboratif: 'di_bawah', 'Berorientasi Pelayanan': 'di_bawah' }) });
    expect(focus).toMatchObject({ needed: true, results: false, behaviours: ['Berorientasi Pelayanan', 'Kolaboratif'] });
    expect(focus.reason).toBe('Predikat Kurang/Misconduct: perilaku Berorientasi Pelayanan, Kolaboratif di bawah ekspektasi.');
  });

  it('names both for Sangat Kurang', () => {
    expect(developmentFocus({ predikat: 'sangat_kurang', results: 'di_bawah', behaviours: behaviours({ Akuntabel: 'di_bawah' }) }).reason).toBe(
      'Predikat Sangat Kurang: hasil kerja di bawah ekspektasi; perilaku Akuntabel di bawah ekspektasi.',
    );
  });
});

describe('suggestCompetency', () => {
  it('suggests the competency of the first core value below expectations', () => {
    expect(suggestCompetency({ needed: true, behaviours: ['Berorientasi Pelayanan', 'Adaptif'] })).toBe('Pelayanan publik');
    expect(suggestCompetency({ needed: true, behaviours: ['Adaptif'] })).toBe('Teknologi informasi');
  });

  it('suggests public management for results below expectations, and nothing when development is not needed', () => {
    expect(suggestCompetency({ needed: true, behaviours: [] })).toBe('Manajemen publik');
    expect(suggestCompetency({ needed: false, behaviours: ['Loyal'] })).toBeNull();
  });

  it('maps every core value', () => {
    for (const value of BERAKHLAK) expect(COMPETENCY_FOR_VALUE[value]).toMatch(/\w/);
  });
});

describe('outlookMessage', () => {
  const outlook = (good: number, next: Predikat) => distributionOutlook({ organisationRating: 'baik', bounds: DISTRIBUTION_BOUNDS, others: new Array<Predikat>(good).fill('baik'), expectedTotal: 10, next });

  it('warns before the bound is exceeded, with the numbers', () => {
    expect(outlookMessage(outlook(7, 'baik'), 'baik')).toBe(
      'Perhatian: dengan penilaian ini 8 dari 10 pegawai periode ini berpredikat Baik atau Sangat Baik, melebihi batas 70% (7 pegawai) untuk organisasi berpredikat Baik. Periode tidak dapat difinalisasi sampai penilaian ditinjau.',
    );
  });

  it('says when the last place is taken, and nothing while there is room', () => {
    expect(outlookMessage(outlook(6, 'sangat_baik'), 'baik')).toBe('Penilaian ini memakai tempat terakhir untuk predikat Baik atau Sangat Baik: 7 dari 10 pegawai (batas 70% untuk organisasi berpredikat Baik).');
    expect(outlookMessage(outlook(2, 'baik'), 'baik')).toBeNull();
    expect(outlookMessage(outlook(7, 'kurang'), 'baik')).toBeNull();
  });
});
