import { describe, expect, it } from 'vitest';
import { completeFunnel, funnelSteps, funnelTotals, objectionOutcomes, percentOf, stageDurations } from './recruitment-funnel.js';

describe('percentOf', () => {
  it('gives a percent with one decimal, half up, and null for an empty whole', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('funnelSteps', () => {
  it('gives each step its share of the step before and of those registered', () => {
    const steps = funnelSteps({ counts: { registered: 200, eligible: 150, passedSkd: 60, skb: 30, appointed: 10 } });
    expect(steps.map((s) => [s.stage, s.count, s.fromPrevious, s.fromRegistered])).toEqual([
      ['registered', 200, null, 100],
      ['eligible', 150, 75, 75],
      ['passedSkd', 60, 40, 30],
      ['skb', 30, 50, 15],
      ['appointed', 10, 33.3, 5],
    ]);
    expect(steps.map((s) => s.label)).toEqual(['Mendaftar', 'Memenuhi Syarat (MS)', 'Lulus ambang batas SKD', 'Mengikuti SKB', 'Diangkat']);
  });

  it('leaves shares empty where the step before has nobody (a round still in registration)', () => {
    const steps = funnelSteps({ counts: { registered: 0, eligible: 0, passedSkd: 0, skb: 0, appointed: 0 } });
    expect(steps.every((s) => s.fromPrevious === null && s.fromRegistered === null)).toBe(true);
    const midway = funnelSteps({ counts: { registered: 4, eligible: 3, passedSkd: 0, skb: 0, appointed: 0 } });
    expect(midway.map((s) => s.fromPrevious)).toEqual([null, 75, 0, null, null]);
  });
});

describe('funnelTotals', () => {
  it('adds the formations of each round, stages missing from a source counting 0', () => {
    const totals = funnelTotals({
      rows: [
        { selectionId: 'a', formasiId: 'f1', counts: { registered: 10, eligible: 8 } },
        { selectionId: 'b', formasiId: 'f3', counts: { registered: 5 } },
        { selectionId: 'a', formasiId: 'f2', counts: { registered: 4, eligible: 2, passedSkd: 1, appointed: 1 } },
      ],
    });
    expect(totals).toEqual([
      { selectionId: 'a', counts: { registered: 14, eligible: 10, passedSkd: 1, skb: 0, appointed: 1 } },
      { selectionId: 'b', counts: { registered: 5, eligible: 0, passedSkd: 0, skb: 0, appointed: 0 } },
    ]);
  });

  it('completes a partial count with zeros', () => {
    expect(completeFunnel({ skb: 2 })).toEqual({ registered: 0, eligible: 0, passedSkd: 0, skb: 2, appointed: 0 });
  });
});

describe('stageDurations', () => {
  const at = (iso: string) => new Date(iso);
  const schedule = {
    registrationOpens: at('2026-03-01T00:00:00Z'),
    registrationCloses: at('2026-03-15T00:00:00Z'),
    adminAnnouncement: at('2026-03-20T00:00:00Z'),
    objectionStart: at('2026-03-20T00:00:00Z'),
    objectionEnd: at('2026-03-23T00:00:00Z'),
    finalAnnouncement: at('2026-05-01T00:00:00Z'),
  };

  it('compares each finished stage with its schedule (late is positive)', () => {
    const lines = stageDurations({
      schedule,
      events: {
        administrasi: at('2026-03-22T00:00:00Z'),
        administrasi_pasca_sanggah: at('2026-03-28T12:00:00Z'),
        skd: at('2026-04-10T00:00:00Z'),
        akhir: at('2026-04-30T00:00:00Z'),
        akhir_pasca_sanggah: at('2026-05-10T00:00:00Z'),
        pengangkatan: at('2026-06-01T00:00:00Z'),
      },
      now: at('2026-07-01T00:00:00Z'),
    });
    expect(lines.map((l) => [l.key, l.plannedDays, l.actualDays, l.status, l.delayDays])).toEqual([
      ['pendaftaran', 14, 14, 'selesai', 0],
      ['administrasi', 5, 7, 'selesai', 2],
      ['sanggah', 3, 6.5, 'selesai', 3.5],
      ['skd', null, 12.5, 'selesai', null],
      ['skb', null, 20, 'selesai', null],
      ['sanggah_akhir', null, 10, 'selesai', null],
      ['pengangkatan', null, 22, 'selesai', null],
    ]);
  });

  it('counts a running stage up to now and leaves later stages not started', () => {
    const lines = stageDurations({ schedule, events: { administrasi: at('2026-03-20T00:00:00Z') }, now: at('2026-03-21T06:00:00Z') });
    expect(lines.map((l) => [l.key, l.actualDays, l.status])).toEqual([
      ['pendaftaran', 14, 'selesai'],
      ['administrasi', 5, 'selesai'],
      ['sanggah', 1.3, 'berjalan'],
      ['skd', null, 'belum'],
      ['skb', null, 'belum'],
      ['sanggah_akhir', null, 'belum'],
      ['pengangkatan', null, 'belum'],
    ]);
    expect(lines[2]!.delayDays).toBeNull();
  });

  it('starts SKD at the administrative result when no post-objection result was needed', () => {
    const lines = stageDurations({ schedule, events: { administrasi: at('2026-03-20T00:00:00Z'), skd: at('2026-03-30T00:00:00Z') }, now: at('2026-04-01T00:00:00Z') });
    expect(lines.find((l) => l.key === 'skd')).toMatchObject({ actualDays: 10, status: 'selesai' });
    expect(lines.find((l) => l.key === 'sanggah')).toMatchObject({ status: 'berjalan' });
  });

  it('knows nothing before registration opens and nothing planned without a schedule', () => {
    const before = stageDurations({ schedule, events: {}, now: at('2026-02-01T00:00:00Z') });
    expect(before.every((l) => l.status === 'belum' && l.actualDays === null)).toBe(true);
    const unplanned = stageDurations({ schedule: {}, events: {}, now: at('2026-02-01T00:00:00Z') });
    expect(unplanned.every((l) => l.plannedDays === null)).toBe(true);
  });
});

describe('objectionOutcomes', () => {
  it('gives filed, answered and the accepted share per kind and in total', () => {
    const { lines, total } = objectionOutcomes({
      counts: [
        { kind: 'administrasi', pending: 1, accepted: 1, rejected: 3, medianDaysToAnswer: 2.5 },
        { kind: 'hasil_akhir', pending: 0, accepted: 0, rejected: 2, medianDaysToAnswer: 4 },
      ],
    });
    expect(lines).toEqual([
      { kind: 'administrasi', label: 'Sanggah hasil administrasi', pending: 1, accepted: 1, rejected: 3, medianDaysToAnswer: 2.5, filed: 5, answered: 4, acceptedShare: 25 },
      { kind: 'hasil_akhir', label: 'Sanggah hasil akhir', pending: 0, accepted: 0, rejected: 2, medianDaysToAnswer: 4, filed: 2, answered: 2, acceptedShare: 0 },
    ]);
    expect(total).toEqual({ label: 'Seluruh sanggah', pending: 1, accepted: 1, rejected: 5, filed: 7, answered: 6, acceptedShare: 16.7 });
  });

  it('shows both kinds even when none were filed, with no share', () => {
    const { lines, total } = objectionOutcomes({ counts: [] });
    expect(lines.map((l) => [l.kind, l.filed, l.acceptedShare, l.medianDaysToAnswer])).toEqual([
      ['administrasi', 0, null, null],
      ['hasil_akhir', 0, null, null],
    ]);
    expect(total.acceptedShare).toBeNull();
  });

  it('adds several rounds of one kind but gives no median of medians', () => {
    const { lines } = objectionOutcomes({
      counts: [
        { kind: 'administrasi', pending: 0, accepted: 1, rejected: 0, medianDaysToAnswer: 1 },
        { kind: 'administrasi', pending: 2, accepted: 0, rejected: 1, medianDaysToAnswer: 3 },
      ],
    });
    expect(lines[0]).toMatchObject({ filed: 4, answered: 2, acceptedShare: 50, medianDaysToAnswer: null });
  });
});
