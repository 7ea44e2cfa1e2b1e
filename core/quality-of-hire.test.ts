import { describe, expect, it } from 'vitest';
import type { Predikat } from './predikat.js';
import { anniversary, componentCorrelations, correlationStrength, ikmBeforeAfter, predikatOrdinal, predikatShares, retention, type CohortMember, type UnitIkmPeriod } from './quality-of-hire.js';

const TWK = [{ key: 'TWK', label: 'TWK' }];
const members = (pairs: ReadonlyArray<readonly [number | null, Predikat | null]>): CohortMember[] => pairs.map(([score, predikat]) => ({ scores: { TWK: score }, predikat }));

describe('predikat', () => {
  it('orders predikat Sangat Baik 5 down to Sangat Kurang 1', () => {
    expect((['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const).map(predikatOrdinal)).toEqual([5, 4, 3, 2, 1]);
  });

  it('counts each predikat and its share of those rated, the unrated apart', () => {
    const { lines, rated, notRated } = predikatShares({ predikats: ['baik', 'baik', 'sangat_baik', null, 'kurang', null, 'baik', 'baik'] });
    expect(rated).toBe(6);
    expect(notRated).toBe(2);
    expect(lines.map((l) => [l.predikat, l.count, l.share])).toEqual([
      ['sangat_baik', 1, 16.7],
      ['baik', 4, 66.7],
      ['butuh_perbaikan', 0, 0],
      ['kurang', 1, 16.7],
      ['sangat_kurang', 0, 0],
    ]);
    expect(predikatShares({ predikats: [] }).lines.every((l) => l.share === null)).toBe(true);
  });
});

describe('componentCorrelations', () => {
  it('ranks ties on both sides as averages (scores 300, 320, 320, 350 against Baik, Baik, Sangat Baik, Sangat Baik → 3 ÷ √18)', () => {
    // Ranks x 1, 2.5, 2.5, 4; y 1.5, 1.5, 3.5, 3.5. Deviations x −1.5 0 0 1.5; y −1 −1 1 1: covariance 3, variances 4.5 and 4.
    const [line] = componentCorrelations({ components: TWK, members: members([[300, 'baik'], [320, 'baik'], [320, 'sangat_baik'], [350, 'sangat_baik']]) });
    expect(line!.n).toBe(4);
    expect(line!.rho).toBe(0.707);
    expect(line!.strength).toBe('kuat');
    expect(line!.reading).toBe('Hubungan kuat: pegawai dengan nilai TWK lebih tinggi cenderung mendapat predikat lebih baik.');
    expect(line!.caution).toBe('Sampel kecil (n = 4, kurang dari 30): korelasi ini belum dapat diandalkan. Anggap sebagai petunjuk awal, bukan kesimpulan.');
  });

  it('reads a reversed relation (higher score, worse predikat) as such: 3 pairs, rho = −1', () => {
    const [line] = componentCorrelations({ components: TWK, members: members([[100, 'sangat_baik'], [120, 'baik'], [140, 'butuh_perbaikan']]) });
    expect(line!.rho).toBe(-1);
    expect(line!.reading).toBe('Hubungan kuat yang berlawanan: pegawai dengan nilai TWK lebih tinggi cenderung mendapat predikat lebih buruk.');
  });

  it('gives the hand-computed rho of a set with ties (x 1…5, y Butuh Perbaikan, Baik, Sangat Baik, Baik, Sangat Baik → 7 ÷ √90 = 0.738)', () => {
    // y ordinals 3, 4, 5, 4, 5 → ranks 1, 2.5, 4.5, 2.5, 4.5; deviations −2 −0.5 1.5 −0.5 1.5 (sum of squares 9);
    // x deviations −2 −1 0 1 2 (10); covariance 4 + 0.5 + 0 − 0.5 + 3 = 7 → 7 ÷ √90 = 0.7379.
    const [line] = componentCorrelations({ components: TWK, members: members([[1, 'butuh_perbaikan'], [2, 'baik'], [3, 'sangat_baik'], [4, 'baik'], [5, 'sangat_baik']]) });
    expect(line!.rho).toBe(Math.round((7 / Math.sqrt(90)) * 1000) / 1000);
    expect(line!.strength).toBe('kuat');
  });

  it('uses only members with both a score and a predikat, and shows no figure below three pairs', () => {
    const [two] = componentCorrelations({ components: TWK, members: members([[100, 'baik'], [120, 'sangat_baik'], [null, 'baik'], [130, null]]) });
    expect(two).toMatchObject({ n: 2, rho: null, strength: null });
    expect(two!.caution).toBe('Hanya 2 pegawai dengan nilai TWK dan predikat kinerja final: terlalu sedikit untuk menghitung korelasi (minimal 3).');
    const [none] = componentCorrelations({ components: TWK, members: [] });
    expect(none).toMatchObject({ n: 0, rho: null, caution: 'Belum ada pegawai dengan nilai TWK dan predikat kinerja final.' });
    expect(none!.reading).toBe('Belum dapat dinilai apakah nilai TWK meramalkan predikat kinerja.');
  });

  it('says so when every member got the same predikat (no spread, no correlation)', () => {
    const [line] = componentCorrelations({ components: TWK, members: members([[1, 'baik'], [2, 'baik'], [3, 'baik']]) });
    expect(line).toMatchObject({ n: 3, rho: null, caution: 'Nilai TWK atau predikat kinerja semua 3 pegawai sama: korelasi tidak dapat dihitung.' });
  });

  it('has no caution from 30 pairs and computes each component on its own pairs', () => {
    const cohort: CohortMember[] = Array.from({ length: 30 }, (_, i) => ({ scores: { TIU: i, TKP: -i, 'skb.praktik_kerja': i < 2 ? i : null }, predikat: i < 10 ? 'butuh_perbaikan' : i < 20 ? 'baik' : 'sangat_baik' }));
    const lines = componentCorrelations({
      components: [
        { key: 'TIU', label: 'TIU' },
        { key: 'TKP', label: 'TKP' },
        { key: 'skb.praktik_kerja', label: 'Praktik kerja' },
      ],
      members: cohort,
    });
    expect(lines.map((l) => [l.key, l.n, l.caution === null])).toEqual([
      ['TIU', 30, true],
      ['TKP', 30, true],
      ['skb.praktik_kerja', 2, false],
    ]);
    expect(lines[0]!.rho).toBeGreaterThan(0.9);
    expect(lines[1]!.rho).toBe(-lines[0]!.rho!);
  });

  it('reads |rho| by the usual bands', () => {
    expect([0, 0.09, -0.1, 0.29, 0.3, -0.49, 0.5, -1].map(correlationStrength)).toEqual(['tidak_ada', 'tidak_ada', 'lemah', 'lemah', 'sedang', 'sedang', 'kuat', 'kuat']);
  });
});

describe('retention', () => {
  it('keeps 29 February on 28 February in a common year', () => {
    expect(anniversary('2024-02-29', 1)).toBe('2025-02-28');
    expect(anniversary('2024-02-29', 4)).toBe('2028-02-29');
    expect(anniversary('2025-03-01', 2)).toBe('2027-03-01');
  });

  it('counts only those whose anniversary has come, and those still employed on it', () => {
    const lines = retention({
      asOf: '2026-06-30',
      members: [
        { appointedAt: '2024-03-01', endedAt: null }, // 2 years: retained
        { appointedAt: '2024-03-01', endedAt: '2025-12-31' }, // 1 year yes, 2 years no
        { appointedAt: '2024-07-01', endedAt: '2025-07-01' }, // ended on the first anniversary: completed it; 2 years not yet due
        { appointedAt: '2025-01-01', endedAt: '2025-06-30' }, // left within the first year
        { appointedAt: '2026-01-01', endedAt: null }, // not yet a year
      ],
    });
    expect(lines).toEqual([
      { years: 1, eligible: 4, retained: 3, rate: 75 },
      { years: 2, eligible: 2, retained: 1, rate: 50 },
    ]);
  });

  it('has no rate while nobody has reached the anniversary (the anniversary day itself counts)', () => {
    expect(retention({ asOf: '2026-01-01', members: [{ appointedAt: '2025-01-02', endedAt: null }] })[0]).toEqual({ years: 1, eligible: 0, retained: 0, rate: null });
    expect(retention({ asOf: '2026-01-02', members: [{ appointedAt: '2025-01-02', endedAt: null }] })[0]!.rate).toBe(100);
  });
});

describe('ikmBeforeAfter', () => {
  const period = (unitId: string, key: string, start: string, end: string, ikm: number | null): UnitIkmPeriod => ({ unitId, periodKey: key, periodLabel: key, start, end, ikm });
  const periods = [
    period('u1', '2024', '2024-01-01', '2024-12-31', 70.5),
    period('u1', '2025', '2025-01-01', '2025-12-31', 74),
    period('u1', '2026-T1', '2026-01-01', '2026-03-31', 80.25),
    period('u1', '2026-T2', '2026-04-01', '2026-06-30', 81.1),
    period('u1', '2026-T3', '2026-07-01', '2026-09-30', null),
    period('u2', '2026', '2026-01-01', '2026-12-31', 90),
    period('u3', '2025', '2025-01-01', '2025-12-31', 76.61),
  ];

  it('takes the latest period ended before the first member joined and the latest begun since, skipping empty periods', () => {
    const lines = ikmBeforeAfter({
      joins: [
        { unitId: 'u1', unitName: 'Dinas Kependudukan', appointedAt: '2026-02-01' },
        { unitId: 'u1', unitName: 'Dinas Kependudukan', appointedAt: '2026-01-01' },
        { unitId: 'u2', unitName: 'Badan Keuangan', appointedAt: '2026-03-01' },
        { unitId: 'u3', unitName: 'Dinas Sosial', appointedAt: '2026-01-01' },
      ],
      periods,
    });
    expect(lines.map((l) => [l.unitName, l.joined, l.joinedFrom, l.before?.periodKey ?? null, l.after?.periodKey ?? null, l.change])).toEqual([
      ['Badan Keuangan', 1, '2026-03-01', null, null, null], // the 2026 period spans the day: neither
      ['Dinas Kependudukan', 2, '2026-01-01', '2025', '2026-T2', 7.1],
      ['Dinas Sosial', 1, '2026-01-01', '2025', null, null],
    ]);
  });

  it('returns nothing for a cohort that joined no unit', () => {
    expect(ikmBeforeAfter({ joins: [], periods })).toEqual([]);
  });
});
