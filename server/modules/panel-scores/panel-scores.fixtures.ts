// Rounds whose candidates reached a panel stage, configured components and assignments as rows,
// for the role matrix and for tests that are not about how they came to be.
import { JPT_PIPELINE } from '../../../core/pipeline.js';
import { DEFAULT_SETTINGS, presetRubric, type PanelSettings } from '../../../core/panel-scoring.js';
import { createAccount, type TestContext } from '../../test-support/app.js';
import { createFormasiRow, createSelectionRow } from '../../test-support/factories.js';
import { applications } from '../applications/applications.table.js';
import { publishedStage } from '../sanggah/sanggah.fixtures.js';
import { panelAssignments, panelComponents, panelScores } from './panel-scores.table.js';

let counter = 0;

export type RoundCandidate = { id: string; name: string; registrationNumber: string };

/**
 * A published JPT round (administrasi → asesmen → makalah → wawancara → rekam jejak) whose
 * administrative result is announced, with `candidates` MS applications for one post.
 */
export async function jptRound(ctx: TestContext, agencyId: string, options: { candidates?: number; announced?: boolean } = {}) {
  const n = ++counter;
  const selection = await createSelectionRow(ctx, agencyId, {
    type: 'jpt',
    year: 2026,
    name: `Seleksi Terbuka JPT Pratama Uji ${n}`,
    pipeline: structuredClone([...JPT_PIPELINE]),
    registrationClosesAt: new Date(Date.now() - 10 * 24 * 3600_000),
  });
  const formasi = await createFormasiRow(ctx, selection, { positionName: 'Kepala Dinas Pendidikan', unitName: 'Dinas Pendidikan', count: 1 });
  const candidates: RoundCandidate[] = [];
  for (let i = 0; i < (options.candidates ?? 3); i++) {
    const account = await createAccount(ctx, { roles: [{ role: 'pelamar', agencyId: null }], name: `Calon JPT ${n}-${i + 1}` });
    const registrationNumber = `JPT-UJI-${agencyId.slice(0, 8)}-${n}-${String(i + 1).padStart(3, '0')}`;
    const [row] = await ctx.database.db
      .insert(applications)
      .values({
        agencyId,
        selectionId: selection.id,
        formasiId: formasi.id,
        accountId: account.id,
        selectionType: 'jpt',
        selectionYear: 2026,
        status: 'ms',
        registrationNumber,
        applicantName: `Calon JPT ${String.fromCharCode(65 + i)} ${n}`,
        submittedAt: new Date(Date.now() - 20 * 24 * 3600_000),
        decidedAt: new Date(Date.now() - 15 * 24 * 3600_000),
      })
      .returning();
    candidates.push({ id: row!.id, name: row!.applicantName!, registrationNumber });
  }
  if (options.announced !== false) await publishedStage(ctx, selection, -24 * 3600_000);
  return { selection, formasi, candidates };
}

export type ComponentFixture = { agencyId: string; selectionId: string; stageKey?: string; settings?: Partial<PanelSettings> };

/** A configured component (the preset rubric of its stage: 1–5 scale). */
export async function componentRow(ctx: TestContext, { agencyId, selectionId, stageKey = 'wawancara', settings = {} }: ComponentFixture) {
  const rubric = presetRubric(stageKey);
  const [row] = await ctx.database.db
    .insert(panelComponents)
    .values({ agencyId, selectionId, stageKey, componentKey: '', name: stageKey, ...rubric, settings: { ...DEFAULT_SETTINGS, ...settings } })
    .returning();
  return row!;
}

/** An assessor assigned to a candidate; `declared` has declared no conflict already. */
export async function assignmentRow(ctx: TestContext, { component, applicationId, assessorId, declared = true }: { component: { id: string; agencyId: string }; applicationId: string; assessorId: string; declared?: boolean }) {
  const [row] = await ctx.database.db
    .insert(panelAssignments)
    .values({ agencyId: component.agencyId, componentId: component.id, applicationId, assessorId, declaredAt: declared ? new Date() : null })
    .returning();
  return row!;
}

/** A JPT round with a configured interview and one assignment for `assessorId`. */
export async function assignedCandidate(ctx: TestContext, agencyId: string, assessorId: string, options: { declared?: boolean } = {}) {
  const round = await jptRound(ctx, agencyId, { candidates: 2 });
  const component = await componentRow(ctx, { agencyId, selectionId: round.selection.id });
  const assignment = await assignmentRow(ctx, { component, applicationId: round.candidates[0]!.id, assessorId, declared: options.declared ?? true });
  return { ...round, component, assignment };
}

/** A submitted score on an assignment (as the assessor would have sent it). */
export async function scoreRow(ctx: TestContext, assignment: { id: string; agencyId: string; componentId: string; applicationId: string; assessorId: string }, scores: Record<string, number>) {
  await ctx.database.db.insert(panelScores).values({
    assignmentId: assignment.id,
    agencyId: assignment.agencyId,
    componentId: assignment.componentId,
    applicationId: assignment.applicationId,
    assessorId: assignment.assessorId,
    scores,
    submittedAt: new Date(),
  });
}

/** Every criterion of a preset rubric at one level. */
export const levelsAt = (stageKey: string, level: number) => Object.fromEntries(presetRubric(stageKey).criteria.map((c) => [c.key, level]));
