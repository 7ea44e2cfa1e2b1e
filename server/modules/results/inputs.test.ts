import { describe, expect, it } from 'vitest';
import { ABSENT, PENDING, SCORED } from '../../../core/final-ranking.js';
import { panelColumns } from './inputs.js';
import type { PanelStageScores } from './panel-source.js';

type Row = { applicationId: string; componentKey: string | null; score: number | null; absent?: boolean };
const row = (applicationId: string, componentKey: string | null, score: number | null, absent = false): Row => ({ applicationId, componentKey, score, absent });
/** The rows as a stage's components (in the order they come, each component's candidates as given). */
const stage = (stageKey: string, rows: Row[]): PanelStageScores => {
  const keys = [...new Set(rows.map((r) => r.componentKey))];
  return {
    stageKey,
    locked: true,
    components: keys.map((componentKey) => {
      const of = rows.filter((r) => r.componentKey === componentKey);
      return { componentKey, max: 100, applicationIds: of.map((r) => r.applicationId), score: Float64Array.from(of, (r) => r.score ?? Number.NaN), absent: Uint8Array.from(of, (r) => (r.absent ? 1 : 0)) };
    }),
  };
};
const view = (columns: ReturnType<typeof panelColumns>) => Object.fromEntries([...columns].map(([key, c]) => [key, Array.from(c.state, (state, i) => (state === SCORED ? c.score[i] : state === ABSENT ? 'absent' : state === PENDING ? '-' : '?'))]));

describe('panelColumns — the panel’s components aligned with the candidates', () => {
  const ids = ['a', 'c', 'e', 'g'];

  it('walks each component alongside the candidates, leaving out rows of others and telling absent and unscored apart', () => {
    const rows = [row('a', 'praktik', 80), row('b', 'praktik', 99), row('e', 'praktik', null, true), row('g', 'praktik', 70), row('c', 'wawancara', 60), row('e', 'wawancara', null), row('h', 'wawancara', 90)];
    expect(view(panelColumns(ids, stage('skb', rows)))).toEqual({ 'skb.praktik': [80, '-', 'absent', 70], 'skb.wawancara': ['-', 60, '-', '-'] });
  });

  it('gives the same columns when the rows are not in application id order, and the stage key alone for a stage without components', () => {
    const rows = [row('g', null, 70), row('a', null, 80), row('z', null, 1), row('c', null, 75), row('a', null, 81)];
    expect(view(panelColumns(ids, stage('psikotes', rows)))).toEqual({ psikotes: [81, 75, '-', 70] });
  });

  it('has nothing to align without candidates or rows', () => {
    expect(view(panelColumns([], stage('skb', [row('a', 'praktik', 80)])))).toEqual({ 'skb.praktik': [] });
    expect(panelColumns(ids, stage('skb', [])).size).toBe(0);
  });
});
