import { and, eq, sql } from 'drizzle-orm';
import { canonicalJson } from '../../../core/canonical.js';
import { formatFieldIssue, type FieldIssue } from '../../../core/field-issue.js';
import {
  CANDIDATE_STATUS_LABELS,
  exactText,
  panelPartsOf,
  rubricIssues,
  settingsIssues,
  type CandidateStatus,
  type PanelPart,
  type PanelSettings,
  type RubricCriterion,
  type ScaleLevel,
} from '../../../core/panel-scoring.js';
import type { ComponentDetail, ComponentSummary, CreateComponentBody, PanelRound, UpdateComponentBody } from '../../../core/schemas/panel-scores.js';
import { byText } from '../../../core/text-order.js';
import { canonicalSha256 } from '../../canonical-hash.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { getSelection } from '../selections/selections.service.js';
import { accountNames } from '../verification/verification.repo.js';
import { pipelineOf, stageCandidates, type SelectionRow, type StageCandidate } from './panel-candidates.js';
import { evaluateCandidate, scaleOf, totalOf, type CandidateEvaluation } from './panel-evaluation.js';
import {
  applicationSummaries,
  assessorsOf,
  assignmentsOf,
  candidateRowsOf,
  candidateScoresOf,
  componentsOfSelection,
  componentsOfStage,
  correctedScores,
  findComponent,
  moderationsOf,
  progressOf,
  roundsOf,
  type AssignmentWithScore,
  type CandidateRow,
  type ComponentRow,
} from './panel-scores.repo.js';
import { panelCandidates, panelComponents, panelScores } from './panel-scores.table.js';

// ---------------------------------------------------------------------------------------------
// The contract read by integration and ranking (server/modules/results)

/** One panel component of a stage, its candidates as columns by application id (text order). */
export type PanelComponentScores = {
  /** null for a stage scored as a whole. */
  componentKey: string | null;
  /** The scale's maximum. */
  max: number;
  applicationIds: string[];
  /** The published component score; NaN where there is none (the component not locked, or no score). */
  score: Float64Array;
  /** 1 where the candidate was marked absent. */
  absent: Uint8Array;
};

export type PanelStageScores = {
  stageKey: string;
  /** Every panel component of the stage is locked. */
  locked: boolean;
  /** By component key. */
  components: PanelComponentScores[];
  /** From the assessors' scores only: the candidates whose score an audited correction set instead. */
  corrected?: Array<{ applicationId: string; componentKey: string | null }>;
};

export type PanelScoreRow = { applicationId: string; stageKey: string; componentKey: string | null; score: number | null; max: number; absent: boolean };

/** The same scores as one row per candidate and component, component by component: to read a few (an objection's subject). */
export function panelRows(scores: PanelStageScores): PanelScoreRow[] {
  return scores.components.flatMap((c) =>
    c.applicationIds.map((applicationId, i) => ({ applicationId, stageKey: scores.stageKey, componentKey: c.componentKey, score: Number.isNaN(c.score[i]!) ? null : c.score[i]!, max: c.max, absent: c.absent[i] === 1 })),
  );
}

/** The component's columns in application id order: as read (checked in one pass), or sorted. */
function inIdOrder(component: PanelComponentScores): PanelComponentScores {
  const ids = component.applicationIds;
  let inOrder = true;
  for (let i = 1; i < ids.length && inOrder; i += 1) inOrder = byText(ids[i - 1]!, ids[i]!) <= 0;
  if (inOrder) return component;
  const order = Array.from(ids.keys()).sort((a, b) => byText(ids[a]!, ids[b]!) || a - b);
  return { ...component, applicationIds: order.map((i) => ids[i]!), score: Float64Array.from(order, (i) => component.score[i]!), absent: Uint8Array.from(order, (i) => component.absent[i]!) };
}

/**
 * The panel scores of one stage of a round, per panel component and candidate, as columns (a
 * round has tens of thousands of candidates). `score` is the published component score (rounded
 * half up once to two decimals, on the rubric's scale) and is set only once the component is
 * locked; `max` is the scale's maximum; `absent` when the candidate was marked absent. A component
 * appears once its rubric exists; until then `locked` is false. A stage without panel components
 * gives `{ locked: true, components: [] }`. Throws 404 for an unknown round or stage.
 */
export async function panelStageScores(db: Db, options: { agencyId: string; selectionId: string; stageKey: string }): Promise<PanelStageScores> {
  const selection = await getSelection(db, options);
  const pipeline = pipelineOf(selection);
  if (!pipeline.some((stage) => stage.key === options.stageKey)) throw notFound('Tahap seleksi');
  const parts = panelPartsOf(pipeline).filter((part) => part.stageKey === options.stageKey);
  const components = await componentsOfStage(db, { selectionId: selection.id, stageKey: options.stageKey });
  const read = await candidateScoresOf(db, components.map((component) => component.id));
  let candidates: StageCandidate[] | null = null;
  let locked = true;
  const scored: PanelComponentScores[] = [];
  for (const part of parts) {
    const component = components.find((c) => c.componentKey === (part.componentKey ?? ''));
    if (!component) {
      locked = false;
      continue;
    }
    const { max } = scaleOf(component);
    const ofComponent = read.get(component.id) ?? { applicationIds: [], absent: new Uint8Array(0), score: new Float64Array(0) };
    if (component.status === 'locked') {
      // A locked score changes only by an audited correction (panel-correction.service); the latest is in force.
      const corrected = (await correctedScores(db, [component.id])).get(component.id);
      const score = Float64Array.from(ofComponent.score);
      if (corrected) ofComponent.applicationIds.forEach((id, i) => (score[i] = corrected.get(id) ?? score[i]!));
      scored.push(inIdOrder({ componentKey: part.componentKey, max, applicationIds: ofComponent.applicationIds, score, absent: ofComponent.absent }));
    } else {
      locked = false;
      const at = new Map(ofComponent.applicationIds.map((id, i) => [id, i]));
      candidates ??= (await stageCandidates(db, { selection, stageKey: options.stageKey })).candidates;
      const absent = Uint8Array.from(candidates, (candidate) => ofComponent.absent[at.get(candidate.applicationId) ?? -1] ?? 0);
      scored.push(inIdOrder({ componentKey: part.componentKey, max, applicationIds: candidates.map((c) => c.applicationId), score: new Float64Array(candidates.length).fill(Number.NaN), absent }));
    }
  }
  // By component key (a stable sort keeps parts with the same key in the pipeline's order).
  scored.sort((a, b) => (a.componentKey ?? '').localeCompare(b.componentKey ?? ''));
  return { stageKey: options.stageKey, locked, components: scored };
}

/**
 * The same scores as panelStageScores, with every locked score recomputed from the assessors'
 * submitted criterion scores (for the results' integrity check: a locked score changed straight in
 * the database does not survive it); a score changed by an audited correction keeps the correction.
 */
export async function panelStageScoresFromSheets(db: Db, options: { agencyId: string; selectionId: string; stageKey: string }): Promise<PanelStageScores> {
  const recorded = await panelStageScores(db, options);
  const locked = (await componentsOfStage(db, { selectionId: options.selectionId, stageKey: options.stageKey })).filter((component) => component.status === 'locked' && component.agencyId === options.agencyId);
  const fromSheets = new Map<string, number | null>();
  const kept: NonNullable<PanelStageScores['corrected']> = [];
  for (const component of locked) {
    const corrected = (await correctedScores(db, [component.id])).get(component.id);
    const state = await componentState(db, { agencyId: options.agencyId, componentId: component.id });
    for (const candidate of state.candidates) {
      if (corrected?.has(candidate.applicationId)) kept.push({ applicationId: candidate.applicationId, componentKey: component.componentKey || null });
      else fromSheets.set(`${component.componentKey}|${candidate.applicationId}`, candidate.evaluation.score);
    }
  }
  return {
    ...recorded,
    corrected: kept,
    components: recorded.components.map((c) => {
      const score = Float64Array.from(c.score);
      c.applicationIds.forEach((id, i) => {
        const key = `${c.componentKey ?? ''}|${id}`;
        if (!c.absent[i] && fromSheets.has(key)) score[i] = fromSheets.get(key) ?? Number.NaN;
      });
      return { ...c, score };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Rounds and their components

const componentKeyOf = (part: Pick<PanelPart, 'componentKey'>) => part.componentKey ?? '';

function summarise(selectionId: string, part: PanelPart, component: ComponentRow | undefined, progress: Map<string, { active: number; submitted: number; absent: number }>): ComponentSummary {
  return {
    id: component?.id ?? null,
    selectionId,
    stageKey: part.stageKey,
    stageName: part.stageName,
    componentKey: part.componentKey,
    name: part.name,
    weight: part.weight,
    configured: Boolean(component),
    status: component ? (component.status as 'open' | 'locked') : 'unconfigured',
    lockedAt: component?.lockedAt?.toISOString() ?? null,
    progress: (component && progress.get(component.id)) ?? { active: 0, submitted: 0, absent: 0 },
  };
}

/** Published rounds of the agency that have panel-scored parts, each part with its state. */
export async function panelRounds(db: Db, { agencyId }: { agencyId: string }): Promise<PanelRound[]> {
  const rounds = await roundsOf(db, agencyId);
  const result: PanelRound[] = [];
  for (const round of rounds) {
    const parts = panelPartsOf(pipelineOf(round));
    if (parts.length === 0) continue;
    const components = await componentsOfSelection(db, { agencyId, selectionId: round.id });
    const progress = await progressOf(db, components.map((component) => component.id));
    result.push({
      selection: { id: round.id, name: round.name, type: round.type, year: round.year, status: round.status },
      components: parts.map((part) => summarise(round.id, part, components.find((c) => c.stageKey === part.stageKey && c.componentKey === componentKeyOf(part)), progress)),
    });
  }
  return result;
}

function refuseIssues(issues: FieldIssue[], prefix = ''): void {
  if (issues.length === 0) return;
  const fields = Object.fromEntries(issues.map((found) => [`${prefix}${found.field}`, found.message]));
  throw validationFailed(fields, issues.map(formatFieldIssue).join(' '));
}

type RubricInput = { criteria: RubricCriterion[]; levels: ScaleLevel[]; settings: PanelSettings };

/** Normalises a rubric (trimmed texts, descriptors only for existing levels) and refuses it with every problem named. */
function checkedRubric(input: RubricInput): RubricInput {
  const criteria = input.criteria.map((criterion) => ({
    key: criterion.key,
    name: criterion.name.trim(),
    weight: criterion.weight,
    description: (criterion.description ?? '').trim(),
    levelDescriptors: Object.fromEntries(Object.entries(criterion.levelDescriptors ?? {}).filter(([, text]) => text.trim() !== '').map(([level, text]) => [level, text.trim()])),
  }));
  const levels = input.levels.map((level) => ({ value: level.value, label: level.label.trim(), descriptor: level.descriptor.trim() }));
  refuseIssues(rubricIssues({ criteria, levels }));
  refuseIssues(settingsIssues(input.settings, levels));
  const settings: PanelSettings = { ...input.settings, trim: input.settings.aggregation === 'trimmed_mean' ? input.settings.trim : 1 };
  return { criteria, levels, settings };
}

export type CreateComponentInput = { agencyId: string; selectionId: string; actorId: string; data: CreateComponentBody };

/** The panel sets the rubric of a panel part of the round's pipeline (once; later changes go through updateComponent). */
export async function createComponent(db: Db, { agencyId, selectionId, actorId, data }: CreateComponentInput): Promise<ComponentRow> {
  const selection = await getSelection(db, { agencyId, selectionId });
  if (selection.status !== 'published' && selection.status !== 'closed') throw new AppError('INVALID_STATE', 'Rubrik penilaian panel dibuat setelah seleksi diumumkan.');
  const part = panelPartsOf(pipelineOf(selection)).find((p) => p.stageKey === data.stageKey && p.componentKey === data.componentKey);
  if (!part) {
    throw validationFailed({ componentKey: 'Bukan komponen penilaian panel pada alur seleksi ini' }, 'Tahap atau komponen ini tidak dinilai oleh panel pada alur seleksi ini.');
  }
  const rubric = checkedRubric(data);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(panelComponents)
      .values({ agencyId, selectionId, stageKey: part.stageKey, componentKey: componentKeyOf(part), name: part.name, ...rubric, createdBy: actorId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('CONFLICT', `Rubrik ${part.name} sudah dibuat; ubah rubrik yang ada.`);
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'panel.component.create',
      targetType: 'panel_component',
      targetId: row.id,
      after: { selectionId, stageKey: part.stageKey, componentKey: part.componentKey, ...rubric },
    });
    return row;
  });
}

async function requireComponent(db: Db, ref: { agencyId: string; componentId: string; lock?: 'update' | 'share' }): Promise<ComponentRow> {
  const component = await findComponent(db, ref);
  if (!component) throw notFound('Komponen penilaian panel');
  return component;
}

export const LOCKED_MESSAGE = 'Nilai komponen ini sudah dikunci; tidak ada yang dapat diubah lagi.';

export function refuseLocked(component: ComponentRow): void {
  if (component.status === 'locked') throw new AppError('INVALID_STATE', LOCKED_MESSAGE);
}

async function scoresStarted(db: Db, componentId: string): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(panelScores).where(eq(panelScores.componentId, componentId));
  return (row?.n ?? 0) > 0;
}

export type UpdateComponentInput = { agencyId: string; componentId: string; actorId: string; data: UpdateComponentBody };

/** Changes the rubric and settings until the first score is submitted; after that every assessor scored on the same rubric, so it stays. */
export async function updateComponent(db: Db, { agencyId, componentId, actorId, data }: UpdateComponentInput): Promise<ComponentRow> {
  const rubric = checkedRubric(data);
  return db.transaction(async (tx) => {
    const before = await requireComponent(tx, { agencyId, componentId, lock: 'update' });
    refuseLocked(before);
    if (data.expectedVersion !== undefined && data.expectedVersion !== before.version) {
      throw new AppError('CONFLICT', 'Rubrik ini baru saja diubah orang lain; muat ulang halaman lalu ulangi perubahan Anda.');
    }
    const started = await scoresStarted(tx, componentId);
    const rubricChanged = canonicalJson({ criteria: before.criteria, levels: before.levels }) !== canonicalJson({ criteria: rubric.criteria, levels: rubric.levels });
    const settingsChanged = canonicalJson(before.settings) !== canonicalJson(rubric.settings);
    if (started && (rubricChanged || settingsChanged)) {
      throw new AppError('INVALID_STATE', 'Penguji sudah mengirim nilai dengan rubrik ini; rubrik dan cara penggabungan nilai tidak dapat diubah lagi.');
    }
    const [row] = await tx
      .update(panelComponents)
      .set({ ...rubric, version: before.version + 1, updatedAt: new Date() })
      .where(eq(panelComponents.id, componentId))
      .returning();
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'panel.component.update',
      targetType: 'panel_component',
      targetId: componentId,
      before: { criteria: before.criteria, levels: before.levels, settings: before.settings },
      after: rubric,
    });
    return row!;
  });
}

// ---------------------------------------------------------------------------------------------
// The component as the panel and the observers see it

type CandidateView = ComponentDetail['candidates'][number];

function presentAssignment(component: ComponentRow, assignment: AssignmentWithScore, profiles: Map<string, { kind: string; institution: string }>, hide: boolean): CandidateView['assignments'][number] {
  const profile = profiles.get(assignment.assessorId);
  const score = assignment.score;
  const hidden = hide && score !== null;
  return {
    id: assignment.id,
    assessor: { id: assignment.assessorId, name: assignment.assessorName, kind: (profile?.kind ?? 'internal') as 'internal', institution: profile?.institution ?? '' },
    status: assignment.status as 'active',
    declaredAt: assignment.declaredAt?.toISOString() ?? null,
    conflictReason: assignment.conflictReason,
    endReason: assignment.endReason,
    endedAt: assignment.endedAt?.toISOString() ?? null,
    replaces: assignment.replaces,
    score:
      score && !hidden
        ? { status: score.status as 'submitted', scores: score.scores, total: totalOf(component, score.scores), note: score.note, submittedAt: score.submittedAt.toISOString(), submissions: score.submissions }
        : null,
    scoreHidden: hidden,
  };
}

export type ComponentState = {
  component: ComponentRow;
  selection: SelectionRow;
  part: PanelPart | null;
  waiting: string | null;
  candidates: Array<StageCandidate & { row: CandidateRow | undefined; assignments: AssignmentWithScore[]; evaluation: CandidateEvaluation }>;
};

/**
 * Everything that decides a component: its candidates (those who reached the stage while open;
 * those recorded at locking once locked), their assignments, scores and evaluation.
 */
export async function componentState(db: Db, { agencyId, componentId, lock }: { agencyId: string; componentId: string; lock?: 'update' | 'share' }): Promise<ComponentState> {
  const component = await requireComponent(db, { agencyId, componentId, ...(lock ? { lock } : {}) });
  const selection = await getSelection(db, { agencyId, selectionId: component.selectionId });
  const part = panelPartsOf(pipelineOf(selection)).find((p) => p.stageKey === component.stageKey && componentKeyOf(p) === component.componentKey) ?? null;
  const rows = await candidateRowsOf(db, [componentId]);
  const rowOf = new Map(rows.map((row) => [row.applicationId, row]));
  const assignments = await assignmentsOf(db, { componentId });
  let listed: StageCandidate[];
  let waiting: string | null = null;
  if (component.status === 'locked') {
    const summaries = await applicationSummaries(db, { agencyId, ids: rows.map((row) => row.applicationId) });
    listed = [...summaries.values()].sort((a, b) => (a.registrationNumber < b.registrationNumber ? -1 : 1));
  } else {
    ({ candidates: listed, waiting } = await stageCandidates(db, { selection, stageKey: component.stageKey }));
  }
  const candidates = listed.map((candidate) => {
    const own = assignments.filter((assignment) => assignment.applicationId === candidate.applicationId);
    const row = rowOf.get(candidate.applicationId);
    return { ...candidate, row, assignments: own, evaluation: evaluateCandidate(component, own, row) };
  });
  return { component, selection, part, waiting, candidates };
}

/** What still stands in the way of locking, in words for the panel. */
export function lockIssues(state: ComponentState): string[] {
  const issues: string[] = [];
  if (state.component.status === 'locked') return ['Nilai komponen ini sudah dikunci.'];
  if (state.waiting) issues.push(state.waiting);
  else if (state.candidates.length === 0) issues.push('Belum ada peserta pada tahap ini.');
  if (!state.part) issues.push('Komponen ini tidak lagi ada pada alur seleksi.');
  const counts = new Map<CandidateStatus, number>();
  for (const candidate of state.candidates) counts.set(candidate.evaluation.status, (counts.get(candidate.evaluation.status) ?? 0) + 1);
  const blocking: CandidateStatus[] = ['unassigned', 'incomplete', 'flagged'];
  for (const status of blocking) {
    const n = counts.get(status) ?? 0;
    if (n > 0) issues.push(`${n.toLocaleString('id-ID')} peserta: ${CANDIDATE_STATUS_LABELS[status].toLowerCase()}.`);
  }
  return issues;
}

export type ComponentDetailOptions = {
  agencyId: string;
  componentId: string;
  viewerId: string;
  canManage: boolean;
  q?: string | undefined;
  status?: CandidateStatus | undefined;
  page: number;
  pageSize: number;
};

/**
 * The component for the panel and the observers: rubric, candidates with their assessors and
 * scores, spreads and flags, moderation, and whether it can be locked. A viewer who is an assessor
 * of a candidate and has not submitted their own score sees none of the others' for that candidate.
 */
export async function componentDetail(db: Db, options: ComponentDetailOptions): Promise<ComponentDetail> {
  const state = await componentState(db, options);
  const { component, selection, part } = state;
  const assessorIds = [...new Set(state.candidates.flatMap((c) => c.assignments.map((a) => a.assessorId)))];
  const profiles = new Map((await assessorsOf(db, { agencyId: options.agencyId, accountIds: assessorIds })).map((a) => [a.accountId, a]));
  const counts: Record<string, number> = { all: state.candidates.length };
  for (const candidate of state.candidates) counts[candidate.evaluation.status] = (counts[candidate.evaluation.status] ?? 0) + 1;
  const needle = options.q?.toLowerCase();
  const filtered = state.candidates.filter(
    (candidate) =>
      (!options.status || candidate.evaluation.status === options.status) &&
      (!needle || candidate.name.toLowerCase().includes(needle) || candidate.registrationNumber.toLowerCase().includes(needle)),
  );
  const pageRows = filtered.slice((options.page - 1) * options.pageSize, options.page * options.pageSize);
  const candidates: CandidateView[] = pageRows.map((candidate) => {
    const mine = candidate.assignments.filter((a) => a.assessorId === options.viewerId && a.status !== 'removed');
    const hidden = mine.length > 0 && mine.every((a) => a.score === null);
    const { evaluation } = candidate;
    const published = component.status === 'locked' && candidate.row?.score != null ? Number(candidate.row.score) : null;
    return {
      applicationId: candidate.applicationId,
      registrationNumber: candidate.registrationNumber,
      name: candidate.name,
      formasi: candidate.formasi,
      absent: candidate.row?.absent ?? false,
      absentReason: candidate.row?.absentReason ?? null,
      status: evaluation.status,
      score: hidden ? null : (published ?? evaluation.score),
      spread: hidden ? null : evaluation.spread,
      flagged: hidden ? false : evaluation.flagged,
      confirmed: evaluation.confirmed,
      hidden,
      assignments: candidate.assignments.map((assignment) => presentAssignment(component, assignment, profiles, hidden && assignment.assessorId !== options.viewerId)),
    };
  });
  const moderations = await moderationsOf(db, component.id);
  const byApplication = new Map(state.candidates.map((candidate) => [candidate.applicationId, candidate]));
  const visible = new Set(state.candidates.filter((c) => !c.assignments.some((a) => a.assessorId === options.viewerId && a.status !== 'removed' && a.score === null)).map((c) => c.applicationId));
  const names = await accountNames(db, [component.lockedBy]);
  const issues = lockIssues(state);
  const { min, max } = scaleOf(component);
  return {
    component: {
      id: component.id,
      selection: { id: selection.id, name: selection.name, type: selection.type },
      stageKey: component.stageKey,
      stageName: part?.stageName ?? component.stageKey,
      componentKey: component.componentKey || null,
      name: component.name,
      weight: part?.weight ?? 0,
      criteria: component.criteria.map((criterion) => ({ ...criterion, description: criterion.description ?? '', levelDescriptors: criterion.levelDescriptors ?? {} })),
      levels: component.levels,
      settings: component.settings,
      min,
      max,
      status: component.status as 'open' | 'locked',
      version: component.version,
      rubricEditable: component.status === 'open' && !(await scoresStarted(db, component.id)),
      lockedAt: component.lockedAt?.toISOString() ?? null,
      lockedBy: component.lockedBy ? { id: component.lockedBy, name: names.get(component.lockedBy) ?? '—' } : null,
    },
    waiting: state.waiting,
    counts,
    candidates,
    total: filtered.length,
    page: options.page,
    pageSize: options.pageSize,
    moderations: moderations.map(({ moderation, actorName }) => ({
      id: moderation.id,
      applicationId: moderation.applicationId,
      candidate: { registrationNumber: byApplication.get(moderation.applicationId)?.registrationNumber ?? '', name: byApplication.get(moderation.applicationId)?.name ?? '' },
      action: moderation.action as 'reopen' | 'confirm',
      assignmentId: moderation.assignmentId,
      reason: moderation.reason,
      spread: visible.has(moderation.applicationId) && moderation.spread !== null ? Number(moderation.spread) : null,
      actor: { id: moderation.actorId, name: actorName },
      createdAt: moderation.createdAt.toISOString(),
    })),
    lock: { allowed: options.canManage && issues.length === 0, issues },
    can: { manage: options.canManage && component.status === 'open' },
  };
}

// ---------------------------------------------------------------------------------------------
// Locking

/** Hundredths as the exact decimal text stored in numeric(7,2): 313 → "3.13". */
const unitsText = (units: number) => `${Math.floor(units / 100)}.${String(units % 100).padStart(2, '0')}`;

export type LockInput = { agencyId: string; componentId: string; actorId: string; now?: Date };

/**
 * The panel locks a component: every candidate who reached the stage is absent or fully scored
 * (enough declared assessors, all submitted, any flagged spread confirmed or resolved). In one
 * transaction each candidate's published score (rounded once) is written with its exact value, the
 * component becomes locked, and the audit record carries the list and its SHA-256. From then on
 * the database refuses any change to the component's rows.
 */
export async function lockComponent(db: Db, { agencyId, componentId, actorId, now = new Date() }: LockInput) {
  return db.transaction(async (tx) => {
    const state = await componentState(tx, { agencyId, componentId, lock: 'update' });
    refuseLocked(state.component);
    const issues = lockIssues(state);
    if (issues.length) throw new AppError('INVALID_STATE', `Nilai belum dapat dikunci: ${issues.join(' ')}`);
    const published = state.candidates.map((candidate) => ({
      applicationId: candidate.applicationId,
      registrationNumber: candidate.registrationNumber,
      absent: candidate.evaluation.status === 'absent',
      score: candidate.evaluation.status === 'absent' ? null : candidate.evaluation.score!,
      units: candidate.evaluation.status === 'absent' ? null : candidate.evaluation.units!,
      exact: candidate.evaluation.status === 'absent' ? null : exactText(candidate.evaluation.exact!),
      assessors: candidate.evaluation.totals.length,
    }));
    const listed = published.map(({ units: _units, ...row }) => row);
    for (const row of published) {
      const score = row.units === null ? null : unitsText(row.units);
      await tx
        .insert(panelCandidates)
        .values({ componentId, applicationId: row.applicationId, agencyId, score, scoreExact: row.exact })
        .onConflictDoUpdate({ target: [panelCandidates.componentId, panelCandidates.applicationId], set: { score, scoreExact: row.exact } });
    }
    const [locked] = await tx
      .update(panelComponents)
      .set({ status: 'locked', lockedAt: now, lockedBy: actorId, version: state.component.version + 1, updatedAt: now })
      .where(and(eq(panelComponents.id, componentId), eq(panelComponents.status, 'open')))
      .returning();
    const hash = canonicalSha256(listed);
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'panel.lock',
      targetType: 'panel_component',
      targetId: componentId,
      after: { selectionId: state.component.selectionId, stageKey: state.component.stageKey, componentKey: state.component.componentKey || null, scoresHash: hash, candidates: listed },
    });
    return { component: locked!, hash, candidates: published.length };
  });
}

export { requireComponent };
