// Gathers what core/final-ranking reads for a round: recorded CAT results (or, for the integrity
// check, scores recomputed from the raw answer sheets and the assessors' own scores), the panel's scores through the panel
// module's service, the decisions on record (disqualifications, accepted data corrections).
import { presetForBlueprint } from '../../../core/cat-exam.js';
import { ABSENT, columnsAt, diplomaLevels, emptyPanelColumns, rankingIpk, SCORED, subtestStages, type CatOutcome, type CatStageInput, type FinalCandidateInput, type FinalRankingInput, type PanelColumns } from '../../../core/final-ranking.js';
import { integrationPlan } from '../../../core/final-results.js';
import { INTEGRATION_PRESET } from '../../../core/integration.js';
import { RANKING_PRESET } from '../../../core/ranking.js';
import type { Database, Db } from '../../db/client.js';
import { recomputeBlueprintScores } from '../cat-exam/scoring.js';
import { panelScoresFromSheetsReader, type PanelScoresReader, type PanelStageScores } from './panel-source.js';
import { loadBlueprints, loadCandidatesWithCat, loadCatOutcomes, loadFormations, type FormasiRow, type RoundRow } from './results.repo.js';

export type Correction = { applicationId: string; item: string; value: number | string };

export type GatherOptions = {
  db: Db;
  /** Needed to recompute from raw answer sheets. */
  database?: Database;
  panelScores: PanelScoresReader;
  round: RoundRow;
  /** recorded: the stored CAT results; raw: every score recomputed from its answer sheet. */
  source: 'recorded' | 'raw';
  disqualified: ReadonlySet<string>;
  corrections: readonly Correction[];
};

export type RoundInputs = {
  input: FinalRankingInput;
  formations: Map<string, FormasiRow & { label: string }>;
  /** Stage key → blueprint id of its CAT. */
  blueprintOf: Map<string, string>;
  /** CAT results changed by an audited correction (a raw recompute keeps the corrected score): registration number and stage. */
  corrected: Array<{ registrationNumber: string; stageKey: string }>;
  /** Locked panel scores changed by an audited correction (kept by a raw recompute): registration number and score leaf. */
  panelCorrected: Array<{ registrationNumber: string; stageKey: string }>;
};

export function formasiLabel(f: Pick<FormasiRow, 'position_name' | 'unit_name' | 'kind'>): string {
  return `${f.position_name} — ${f.unit_name}${f.kind && f.kind !== 'umum' ? ` (${f.kind})` : ''}`;
}

function catOutcome(row: { status: string; total: number | null; scores: Record<string, number> | null; passed: boolean | null }): CatOutcome {
  if (row.total !== null && row.total !== undefined) return { state: 'scored', total: Number(row.total), scores: row.scores ?? {}, passed: row.passed === true };
  if (row.status === 'absent') return { state: 'absent' };
  return { state: 'pending' };
}

/**
 * Each panel leaf's outcomes as columns aligned with the candidates (`ids`, by application id).
 * Each component's candidates come by application id too (panelStageScores' order), so they are
 * walked alongside the candidates; those that are not among the candidates are left out.
 */
export function panelColumns(ids: readonly string[], scores: PanelStageScores): Map<string, PanelColumns> {
  const n = ids.length;
  const byLeaf = new Map<string, PanelColumns>();
  for (const component of scores.components) {
    const key = component.componentKey ? `${scores.stageKey}.${component.componentKey}` : scores.stageKey;
    let columns = byLeaf.get(key);
    if (!columns) byLeaf.set(key, (columns = emptyPanelColumns(n)));
    const { applicationIds, absent, score, max } = component;
    let i = 0;
    for (let r = 0; r < applicationIds.length; r += 1) {
      const id = applicationIds[r]!;
      // Back to the first candidate when the candidates are not in application id order after all.
      if (i > 0 && ids[i - 1]! >= id) i = 0;
      while (i < n && ids[i]! < id) i += 1;
      if (i === n || ids[i] !== id) continue;
      if (absent[r]) columns.state[i] = ABSENT;
      else if (!Number.isNaN(score[r]!)) {
        columns.state[i] = SCORED;
        columns.score[i] = score[r]!;
        columns.max[i] = max;
      }
      i += 1;
    }
  }
  return byLeaf;
}

export async function gatherInputs(options: GatherOptions): Promise<RoundInputs> {
  const { db, round } = options;
  const plan = integrationPlan(round.pipeline);
  const catStages = new Set(round.pipeline.filter((s) => s.kind === 'cat' || s.components?.some((c) => c.kind === 'cat')).map((s) => s.key));
  // raw: each locked score again from the assessors' criterion scores, as CAT scores from their sheets.
  const panelReader = options.source === 'raw' ? panelScoresFromSheetsReader : options.panelScores;
  const panelStageKeys = [...new Set(plan.leaves.filter((l) => l.kind === 'panel').map((l) => l.stageKey))];
  const withSubtests = subtestStages(round.pipeline);
  // The candidates (with their CAT results) and the panel's scores are read side by side: on the
  // pool each read has its own connection (a round of 50,000 candidates: about 0.3 s and 0.1 s);
  // in a transaction they take turns on its connection.
  const [{ formasiRows, blueprints, read }, panelScores] = await Promise.all([
    (async () => {
      const [formasiRows, blueprintRows] = await Promise.all([loadFormations(db, round.id), loadBlueprints(db, round.id)]);
      const blueprints = blueprintRows.filter((blueprint) => catStages.has(blueprint.stage_key));
      const read = await loadCandidatesWithCat(db, round.id, options.source === 'recorded' ? blueprints.map((b) => ({ id: b.id, subtests: withSubtests.has(b.stage_key) })) : []);
      return { formasiRows, blueprints, read };
    })(),
    Promise.all(panelStageKeys.map((stageKey) => panelReader(db, { agencyId: round.agencyId, selectionId: round.id, stageKey }))),
  ]);
  const formations = new Map(formasiRows.map((f) => [f.id, { ...f, label: formasiLabel(f) }]));
  // The candidates are read by application id, the ranking's order, and their CAT outcomes as
  // columns aligned with them: the ranking neither sorts them again nor looks each outcome up.
  // Those of a formation no longer published are left out (with their outcomes).
  const kept: number[] = [];
  for (let i = 0; i < read.ids.length; i += 1) if (formations.has(read.formasiIds[i]!)) kept.push(i);
  const allKept = kept.length === read.ids.length;

  const cat = new Map<string, CatStageInput>();
  const corrected: RoundInputs['corrected'] = [];
  const blueprintOf = new Map<string, string>();
  for (const [n, blueprint] of blueprints.entries()) {
    blueprintOf.set(blueprint.stage_key, blueprint.id);
    const max = presetForBlueprint({ preset: blueprint.preset, durationMinutes: blueprint.duration_minutes, sections: blueprint.sections, passRules: blueprint.pass_rules }).maxTotal;
    if (options.source === 'raw') {
      const outcomes = new Map<string, CatOutcome>();
      if (!options.database) throw new Error('database diperlukan untuk menghitung ulang dari lembar jawaban');
      const rows = await loadCatOutcomes(db, blueprint.id);
      const recomputed = await recomputeBlueprintScores(options.database, blueprint.id);
      for (const row of rows) {
        if (row.corrected) {
          // An audited correction (cat-results) changed this score on purpose: the sheet no longer decides it.
          corrected.push({ registrationNumber: row.registration_number ?? row.attempt_id, stageKey: blueprint.stage_key });
          outcomes.set(row.application_id, catOutcome(row));
          continue;
        }
        const score = recomputed.get(row.attempt_id);
        outcomes.set(row.application_id, score ? { state: 'scored', total: score.total, scores: score.scores, passed: score.passed } : catOutcome({ ...row, total: null }));
      }
      cat.set(blueprint.stage_key, { max, outcomes });
    } else {
      // Read as columns aligned with the candidates, in the order the ranking reads them.
      cat.set(blueprint.stage_key, { max, columns: allKept ? read.cat[n]! : columnsAt(read.cat[n]!, kept) });
    }
  }

  const keptIds = allKept ? read.ids : kept.map((i) => read.ids[i]!);
  const panel = new Map<string, PanelColumns>();
  const panelLocked = new Map<string, boolean>();
  const panelCorrected: Array<{ applicationId: string; stageKey: string }> = [];
  for (const [n, stageKey] of panelStageKeys.entries()) {
    const scores = panelScores[n]!;
    panelLocked.set(stageKey, scores.locked);
    for (const c of scores.corrected ?? []) panelCorrected.push({ applicationId: c.applicationId, stageKey: c.componentKey ? `${stageKey}.${c.componentKey}` : stageKey });
    for (const [key, columns] of panelColumns(keptIds, scores)) panel.set(key, columns);
  }

  const correctionsOf = new Map<string, Map<string, number | string>>();
  for (const c of options.corrections) {
    const items = correctionsOf.get(c.applicationId) ?? new Map<string, number | string>();
    items.set(c.item, c.value);
    correctionsOf.set(c.applicationId, items);
  }
  const wantedLevels = new Map([...formations.values()].map((f) => [f.id, diplomaLevels(f.education_levels)]));
  const finalCandidates = new Array<FinalCandidateInput>(kept.length);
  // Most rounds have no corrections or disqualifications: then no id is looked up in them.
  const anyFixed = correctionsOf.size > 0;
  const anyDisqualified = options.disqualified.size > 0;
  for (let k = 0; k < kept.length; k += 1) {
    const i = kept[k]!;
    const applicationId = read.ids[i]!;
    const formation = formations.get(read.formasiIds[i]!)!;
    const fixed = anyFixed ? correctionsOf.get(applicationId) : undefined;
    const ipk = fixed?.has('ipk') ? Number(fixed.get('ipk')) : rankingIpk(read.education[i], wantedLevels.get(formation.id)!);
    const birthDate = fixed?.has('birthDate') ? String(fixed.get('birthDate')) : (read.birthDates[i] ?? '1900-01-01');
    // The formation's own id string: equal to the row's, and compared by reference in the ranking.
    finalCandidates[k] = { applicationId, registrationNumber: read.registrationNumbers[i]!, name: read.names[i]!, formasiId: formation.id, birthDate, ipk, disqualified: anyDisqualified && options.disqualified.has(applicationId) };
  }
  const registrationNumberOf = (applicationId: string) => read.registrationNumbers[read.ids.indexOf(applicationId)] ?? applicationId;
  return {
    input: {
      pipeline: round.pipeline,
      formations: [...formations.values()].map((f) => ({ id: f.id, label: f.label, count: f.count })),
      candidates: finalCandidates,
      cat,
      panel,
      panelLocked,
      integration: INTEGRATION_PRESET,
      ranking: RANKING_PRESET,
    },
    formations,
    blueprintOf,
    corrected,
    panelCorrected: panelCorrected.map((c) => ({ registrationNumber: registrationNumberOf(c.applicationId), stageKey: c.stageKey })),
  };
}
