import { integrateStages, INTEGRATION_PRESET } from '../../../core/integration.js';
import { PIPELINE_PRESETS, type PipelineStage, type SelectionType } from '../../../core/pipeline.js';
import { panelPartsOf } from '../../../core/panel-scoring.js';
import type { Db } from '../../db/client.js';
import { listBlueprints } from '../cat-blueprints/cat-blueprints.service.js';
import { skdOutcome } from '../cat-exam/skd-result.service.js';
import { stageResultsOf } from '../sanggah/sanggah.repo.js';
import type { getSelection } from '../selections/selections.service.js';
import { decidedApplications } from '../verification/verification.service.js';
import { applicationsByRegistrationNumber, candidateRowsOf, componentsOfStage } from './panel-scores.repo.js';

export type SelectionRow = Awaited<ReturnType<typeof getSelection>>;

export type StageCandidate = { applicationId: string; registrationNumber: string; name: string; formasi: string };

/** Who reached a stage, or why nobody can be named yet (the previous stage's result is not out). */
export type StageCandidates = { candidates: StageCandidate[]; waiting: string | null };

/** The round's pipeline as stored, or its type's preset for a round stored before pipelines were. */
export function pipelineOf(selection: Pick<SelectionRow, 'pipeline' | 'type'>): PipelineStage[] {
  const stored = selection.pipeline as PipelineStage[];
  if (Array.isArray(stored) && stored.length > 0) return stored;
  return [...(PIPELINE_PRESETS[selection.type as SelectionType] ?? [])];
}

const byNumber = (a: StageCandidate, b: StageCandidate) => (a.registrationNumber < b.registrationNumber ? -1 : a.registrationNumber > b.registrationNumber ? 1 : 0);

/** MS applications once the administrative result is announced (domain-rules §2). */
async function afterAdministration(db: Db, selection: SelectionRow): Promise<StageCandidates> {
  const published = (await stageResultsOf(db, selection.id)).some((stage) => stage.stage === 'administrasi');
  if (!published) return { candidates: [], waiting: 'Hasil seleksi administrasi belum diumumkan; peserta tahap ini adalah pelamar yang dinyatakan MS.' };
  const decided = await decidedApplications(db, { agencyId: selection.agencyId, selectionId: selection.id });
  const candidates = decided.filter((row) => row.status === 'ms').map((row) => ({ applicationId: row.id, registrationNumber: row.registrationNumber, name: row.name, formasi: row.formasi }));
  return { candidates, waiting: null };
}

/** Those who proceed from a CAT stage by its announced result (SKD: pass mark, 3 × the formation, ties; domain-rules §4). */
async function afterCat(db: Db, selection: SelectionRow, stage: PipelineStage): Promise<StageCandidates> {
  const published = (await stageResultsOf(db, selection.id)).some((row) => row.stage === stage.key);
  if (!published) return { candidates: [], waiting: `Hasil tahap ${stage.name} belum diumumkan; peserta tahap ini adalah yang dinyatakan lanjut.` };
  const blueprint = (await listBlueprints(db, { agencyId: selection.agencyId, selectionId: selection.id })).find((row) => row.stageKey === stage.key);
  if (!blueprint) return { candidates: [], waiting: `Tahap ${stage.name} tidak memiliki cetak biru CAT.` };
  const outcome = await skdOutcome(db, { agencyId: selection.agencyId, selectionId: selection.id, blueprintId: blueprint.id });
  const proceeding = outcome.entries.filter((entry) => entry.keterangan === 'P');
  const ids = await applicationsByRegistrationNumber(db, { selectionId: selection.id, numbers: proceeding.map((entry) => entry.registrationNumber) });
  const candidates = proceeding.map((entry) => ({ applicationId: ids.get(entry.registrationNumber)!, registrationNumber: entry.registrationNumber, name: entry.name, formasi: entry.formasi }));
  return { candidates: candidates.filter((c) => c.applicationId).sort(byNumber), waiting: null };
}

/**
 * Those who reached a panel stage from the panel stage before it: its candidates minus those
 * absent there; when that stage eliminates by a minimum score, only after all its components are
 * locked, those whose stage score on 0–100 (core/integration) reaches the minimum.
 */
async function afterPanel(db: Db, selection: SelectionRow, pipeline: PipelineStage[], index: number): Promise<StageCandidates> {
  const stage = pipeline[index]!;
  const before = await candidatesAt(db, selection, pipeline, index);
  if (before.waiting) return before;
  const parts = panelPartsOf(pipeline).filter((part) => part.stageKey === stage.key);
  const components = await componentsOfStage(db, { selectionId: selection.id, stageKey: stage.key });
  const rows = await candidateRowsOf(db, components.map((component) => component.id));
  const absent = new Set(rows.filter((row) => row.absent).map((row) => row.applicationId));
  const present = before.candidates.filter((candidate) => !absent.has(candidate.applicationId));
  if (!stage.eliminates || stage.passRule.type === 'none') return { candidates: present, waiting: null };
  if (stage.passRule.type !== 'minScore') {
    return { candidates: [], waiting: `Peserta yang lanjut dari ${stage.name} ditetapkan dengan peringkat; tetapkan hasilnya pada integrasi nilai.` };
  }
  const locked = parts.every((part) => components.some((c) => c.componentKey === (part.componentKey ?? '') && c.status === 'locked'));
  if (!locked) return { candidates: [], waiting: `Nilai ${stage.name} belum dikunci; peserta yang mencapai nilai minimal baru dapat ditetapkan setelahnya.` };
  const min = stage.passRule.min;
  const passing = present.filter((candidate) => {
    const scored = parts.map((part) => {
      const component = components.find((c) => c.componentKey === (part.componentKey ?? ''))!;
      const row = rows.find((r) => r.componentId === component.id && r.applicationId === candidate.applicationId);
      return { code: part.componentKey ?? stage.key, weight: parts.length === 1 ? 100 : part.weight, score: Number(row?.score ?? 0), max: Math.max(...component.levels.map((level) => level.value)) };
    });
    const result = integrateStages({ stages: scored, preset: INTEGRATION_PRESET });
    return result.score >= min;
  });
  return { candidates: passing, waiting: null };
}

/** The candidates who reach pipeline[index]: decided by the stage before it. */
async function candidatesAt(db: Db, selection: SelectionRow, pipeline: PipelineStage[], index: number): Promise<StageCandidates> {
  const previous = pipeline[index - 1];
  if (!previous || previous.kind === 'administrasi') return afterAdministration(db, selection);
  if (previous.kind === 'panel') return afterPanel(db, selection, pipeline, index - 1);
  if (previous.kind === 'cat') return afterCat(db, selection, previous);
  return { candidates: [], waiting: `Tahap ${previous.name} tidak dapat mendahului penilaian panel.` };
}

export type StageCandidatesOptions = { selection: SelectionRow; stageKey: string };

/** The candidates of a stage of the round's pipeline (sorted by registration number). */
export async function stageCandidates(db: Db, { selection, stageKey }: StageCandidatesOptions): Promise<StageCandidates> {
  const pipeline = pipelineOf(selection);
  const index = pipeline.findIndex((stage) => stage.key === stageKey);
  if (index < 0) return { candidates: [], waiting: `Tahap ${stageKey} tidak ada pada alur seleksi.` };
  const found = await candidatesAt(db, selection, pipeline, index);
  return { candidates: [...found.candidates].sort(byNumber), waiting: found.waiting };
}
