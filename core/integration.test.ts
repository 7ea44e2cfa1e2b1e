import { describe, expect, it } from 'vitest';
import { compileIntegration, CPNS_INTEGRATION_PRESET, cpnsFinalScore, INTEGRATION_PRESET, IntegrationError, integrateStages, validateStages, type Stage } from './integration.js';

const cat = (score: number, weight = 100, max = 100): Stage => ({ code: 'CAT', weight, score, max });

describe('cpnsFinalScore — 40% SKD + 60% SKB, each on 0–100', () => {
  it('gives 100 for SKD 550 and SKB 100', () => {
    expect(cpnsFinalScore({ skdTotal: 550, skbComponents: [cat(100)], preset: CPNS_INTEGRATION_PRESET }).score).toBe(100);
  });

  it('scales SKD by 550: SKD 385 → 70 → 28 points, SKB 80 → 48 points, final 76', () => {
    const result = cpnsFinalScore({ skdTotal: 385, skbComponents: [cat(80)], preset: CPNS_INTEGRATION_PRESET });
    expect(result.score).toBe(76);
    expect(result.units).toBe(76000);
    expect(result.stages.map((s) => [s.code, s.scaled, s.contribution])).toEqual([
      ['SKD', 70, 28],
      ['SKB', 80, 48],
    ]);
  });

  it('rounds a repeating value once at the end: SKD 400, SKB 80 → 77.0909… → 77.091', () => {
    const result = cpnsFinalScore({ skdTotal: 400, skbComponents: [cat(80)], preset: CPNS_INTEGRATION_PRESET });
    expect(result.score).toBe(77.091);
    expect(result.units).toBe(77091);
    expect(result.exact).toEqual({ num: 848n, den: 11n });
    expect(result.stages[0]).toMatchObject({ scaled: 72.727, contribution: 29.091 });
  });

  it('rounds an exact half up: SKD 385 and SKB 80.0025 → 76.0015 → 76.002', () => {
    expect(cpnsFinalScore({ skdTotal: 385, skbComponents: [cat(80.0025)], preset: CPNS_INTEGRATION_PRESET }).score).toBe(76.002);
  });

  it('builds SKB from weighted components each scaled to 0–100 (CAT 60% of 500, practice 40% of 100)', () => {
    const result = cpnsFinalScore({
      skdTotal: 440,
      skbComponents: [
        { code: 'CAT_SKB', weight: 60, score: 350, max: 500 },
        { code: 'PRAKTIK', weight: 40, score: 85, max: 100 },
      ],
      preset: CPNS_INTEGRATION_PRESET,
    });
    // SKD 440/550 = 80 → 32; SKB 0.6 × 70 + 0.4 × 85 = 76 → 45.6; final 77.6.
    expect(result.score).toBe(77.6);
    expect(result.stages[1]).toMatchObject({ code: 'SKB', scaled: 76, contribution: 45.6 });
    expect(result.stages[1]!.components!.map((c) => [c.code, c.scaled, c.contribution])).toEqual([
      ['CAT_SKB', 70, 42],
      ['PRAKTIK', 85, 34],
    ]);
  });

  it('uses the configured weights (e.g. 50/50)', () => {
    const preset = { ...CPNS_INTEGRATION_PRESET, skdWeight: 50, skbWeight: 50 };
    expect(cpnsFinalScore({ skdTotal: 275, skbComponents: [cat(70)], preset }).score).toBe(60);
  });
});

describe('integrateStages — the rounding rule', () => {
  it('rounds half up where a double would round down: exact 1.0005 → 1.001', () => {
    expect((1.0005).toFixed(3)).toBe('1.000'); // what toFixed on the double gives
    expect(integrateStages({ stages: [cat(1.0005)], preset: INTEGRATION_PRESET }).score).toBe(1.001);
  });

  it('rounds 1/3 down and 2/3 up at three decimals', () => {
    expect(integrateStages({ stages: [cat(1, 100, 300)], preset: INTEGRATION_PRESET }).score).toBe(0.333);
    expect(integrateStages({ stages: [cat(2, 100, 300)], preset: INTEGRATION_PRESET }).score).toBe(0.667);
  });

  it('publishes equal scores for exact values that differ below the last decimal, so ranking falls to the tie-break', () => {
    const a = cpnsFinalScore({ skdTotal: 400, skbComponents: [cat(80)], preset: CPNS_INTEGRATION_PRESET }); // 77.090909…
    const b = cpnsFinalScore({ skdTotal: 400, skbComponents: [cat(80.0005)], preset: CPNS_INTEGRATION_PRESET }); // 77.091209…
    expect(a.exact).not.toEqual(b.exact);
    expect([a.score, a.units]).toEqual([b.score, b.units]);
  });

  it('honours a preset with two decimals', () => {
    expect(integrateStages({ stages: [cat(2, 100, 3)], preset: { ...INTEGRATION_PRESET, decimals: 2 } })).toMatchObject({ score: 66.67, units: 6667, decimals: 2 });
  });

  it('accepts weights 33.3 + 33.3 + 33.4 as exactly 100', () => {
    const stages: Stage[] = [
      { code: 'A', weight: 33.3, score: 90, max: 100 },
      { code: 'B', weight: 33.3, score: 60, max: 100 },
      { code: 'C', weight: 33.4, score: 30, max: 100 },
    ];
    // 29.97 + 19.98 + 10.02 = 59.97 exactly.
    expect(integrateStages({ stages, preset: INTEGRATION_PRESET }).score).toBe(59.97);
  });

  it('gives the same exact value whatever the order of the stages', () => {
    const stages: Stage[] = [
      { code: 'A', weight: 20, score: 7, max: 9 },
      { code: 'B', weight: 30, score: 11, max: 13 },
      { code: 'C', weight: 50, score: 5, max: 7 },
    ];
    const forward = integrateStages({ stages, preset: INTEGRATION_PRESET });
    const backward = integrateStages({ stages: [...stages].reverse(), preset: INTEGRATION_PRESET });
    expect(backward.exact).toEqual(forward.exact);
    expect(backward.units).toBe(forward.units);
  });

  it('publishes 0 for zero scores', () => {
    expect(cpnsFinalScore({ skdTotal: 0, skbComponents: [cat(0)], preset: CPNS_INTEGRATION_PRESET }).score).toBe(0);
  });
});

describe('validateStages', () => {
  it('accepts a valid pipeline', () => {
    expect(validateStages({ stages: [cat(50, 40), cat(60, 60, 200)].map((s, i) => ({ ...s, code: `S${i}` })), preset: INTEGRATION_PRESET })).toEqual([]);
  });

  it('reports weights that do not sum to 100', () => {
    expect(validateStages({ stages: [{ ...cat(1, 40), code: 'A' }, { ...cat(1, 50), code: 'B' }], preset: INTEGRATION_PRESET })).toEqual([
      'stages: jumlah bobot 90, seharusnya 100',
    ]);
  });

  it('reports a score above its maximum, a zero maximum, a negative score and a negative weight', () => {
    const issues = validateStages({
      stages: [
        { code: 'A', weight: 50, score: 101, max: 100 },
        { code: 'B', weight: 50, score: 1, max: 0 },
        { code: 'C', weight: -10, score: -1, max: 10 },
      ],
      preset: INTEGRATION_PRESET,
    });
    expect(issues).toEqual([
      'stages[0].score: nilai 101 melebihi maksimal 100',
      'stages[1].max: nilai maksimal harus > 0',
      'stages[1].score: nilai 1 melebihi maksimal 0',
      'stages[2].weight: bobot harus angka ≥ 0',
      'stages[2].score: nilai harus angka ≥ 0',
    ]);
  });

  it('names the path of a problem inside SKB and refuses duplicate codes and empty components', () => {
    const issues = validateStages({
      stages: [
        { code: 'SKD', weight: 40, score: 300, max: 550 },
        { code: 'SKB', weight: 60, components: [{ code: 'CAT', weight: 60, score: 1, max: 1 }, { code: 'CAT', weight: 30, score: Number.NaN, max: 1 }] },
        { code: 'X', weight: 0, components: [] },
      ],
      preset: INTEGRATION_PRESET,
    });
    expect(issues).toEqual([
      'stages[1].components[1].code: kode CAT ganda',
      'stages[1].components[1].score: nilai harus angka ≥ 0',
      'stages[1].components: jumlah bobot 90, seharusnya 100',
      'stages[2].components: tidak ada tahap',
    ]);
  });

  it('makes integrateStages throw an IntegrationError carrying every issue', () => {
    try {
      integrateStages({ stages: [{ ...cat(1, 90), code: 'A' }], preset: INTEGRATION_PRESET });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IntegrationError);
      expect((error as IntegrationError).issues).toEqual(['stages: jumlah bobot 90, seharusnya 100']);
    }
  });
});

describe('compileIntegration — the fast path gives the exact path’s units', () => {
  const cpns: Stage[] = [
    { code: 'SKD', weight: 40, score: 0, max: 550 },
    {
      code: 'SKB',
      weight: 60,
      components: [
        { code: 'CAT_SKB', weight: 60, score: 0, max: 500 },
        { code: 'PRAKTIK', weight: 40, score: 0, max: 100 },
      ],
    },
  ];

  function withScores(stages: readonly Stage[], scores: number[]): Stage[] {
    let i = 0;
    const fill = (list: readonly Stage[]): Stage[] => list.map((s) => ('components' in s ? { ...s, components: fill(s.components) } : { ...s, score: scores[i++]! }));
    return fill(stages);
  }

  it('lists the leaves depth first with their scales', () => {
    expect(compileIntegration({ stages: cpns, preset: CPNS_INTEGRATION_PRESET }).leaves).toEqual([
      { path: ['SKD'], max: 550 },
      { path: ['SKB', 'CAT_SKB'], max: 500 },
      { path: ['SKB', 'PRAKTIK'], max: 100 },
    ]);
  });

  it('matches integrateStages on the worked examples, including an exact half', () => {
    const compiled = compileIntegration({ stages: cpns, preset: CPNS_INTEGRATION_PRESET });
    expect(compiled.fast).toBe(true);
    expect(compiled.units([440, 350, 85])).toBe(77600);
    expect(compiled.units([400, 400, 80])).toBe(integrateStages({ stages: withScores(cpns, [400, 400, 80]), preset: CPNS_INTEGRATION_PRESET }).units);
    // 33.3/33.3/33.4 with decimals: exact 59.97.
    const thirds: Stage[] = [
      { code: 'A', weight: 33.3, score: 0, max: 100 },
      { code: 'B', weight: 33.3, score: 0, max: 100 },
      { code: 'C', weight: 33.4, score: 0, max: 100 },
    ];
    expect(compileIntegration({ stages: thirds, preset: INTEGRATION_PRESET }).units([90, 60, 30])).toBe(59970);
    // 1.0005 rounds half up to 1.001 (a double would give 1.000).
    expect(compileIntegration({ stages: [cat(0)], preset: INTEGRATION_PRESET, scoreDecimals: 4 }).units([1.0005])).toBe(1001);
  });

  it('agrees with integrateStages on 4,000 random candidates, integer and decimal scores', () => {
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const compiled = compileIntegration({ stages: cpns, preset: CPNS_INTEGRATION_PRESET });
    for (let i = 0; i < 4_000; i += 1) {
      const scores = [Math.floor(next() * 551), Math.floor(next() * 101) * 5, Math.round(next() * 10_000) / 100];
      const exact = integrateStages({ stages: withScores(cpns, scores), preset: CPNS_INTEGRATION_PRESET }).units;
      expect(compiled.units(scores)).toBe(exact);
    }
  });

  it('answers NaN (use the exact path) for too many decimals or a score outside the scale', () => {
    const compiled = compileIntegration({ stages: cpns, preset: CPNS_INTEGRATION_PRESET });
    expect(compiled.units([400, 400, 82.3333])).toBeNaN();
    expect(compiled.units([600, 400, 80])).toBeNaN();
    expect(compiled.units([-1, 400, 80])).toBeNaN();
    expect(compiled.units([400, 400])).toBeNaN();
  });

  it('refuses a pipeline whose weights do not sum to 100', () => {
    expect(() => compileIntegration({ stages: [{ ...cat(0, 90), code: 'A' }], preset: INTEGRATION_PRESET })).toThrow(IntegrationError);
  });

  it('falls back when the denominators are too large for safe integers', () => {
    const odd: Stage[] = [
      { code: 'A', weight: 50, score: 0, max: 999_983 },
      { code: 'B', weight: 50, score: 0, max: 999_979 },
    ];
    const compiled = compileIntegration({ stages: odd, preset: INTEGRATION_PRESET, scoreDecimals: 4 });
    expect(compiled.fast).toBe(false);
    expect(compiled.units([1, 1])).toBeNaN();
  });
});
