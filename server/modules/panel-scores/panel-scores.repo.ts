import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { copyOutText, copyRowCount, uuidLiteral, type Db } from '../../db/client.js';
import { accountRoles, accounts } from '../accounts/accounts.repo.js';
import { applications } from '../applications/applications.table.js';
import { formasi } from '../formasi/formasi.table.js';
import { selections } from '../selections/selections.table.js';
import { panelAssessorProfiles, panelAssignments, panelCandidates, panelComponents, panelModerations, panelScoreCorrections, panelScores } from './panel-scores.table.js';

export type ComponentRow = typeof panelComponents.$inferSelect;
export type AssignmentRow = typeof panelAssignments.$inferSelect;
export type ScoreRow = typeof panelScores.$inferSelect;
export type CandidateRow = typeof panelCandidates.$inferSelect;
export type ModerationRow = typeof panelModerations.$inferSelect;

export async function componentsOfStage(db: Db, { selectionId, stageKey }: { selectionId: string; stageKey: string }): Promise<ComponentRow[]> {
  return db.select().from(panelComponents).where(and(eq(panelComponents.selectionId, selectionId), eq(panelComponents.stageKey, stageKey)));
}

export async function componentsOfSelection(db: Db, { agencyId, selectionId }: { agencyId: string; selectionId: string }): Promise<ComponentRow[]> {
  return db.select().from(panelComponents).where(and(eq(panelComponents.agencyId, agencyId), eq(panelComponents.selectionId, selectionId)));
}

export type ComponentRef = { agencyId: string; componentId: string };

/** The component of this agency; `lock` takes its row lock so scoring and locking do not race. */
export async function findComponent(db: Db, { agencyId, componentId, lock }: ComponentRef & { lock?: 'update' | 'share' }): Promise<ComponentRow | null> {
  const query = db.select().from(panelComponents).where(and(eq(panelComponents.id, componentId), eq(panelComponents.agencyId, agencyId)));
  const [row] = lock ? await query.for(lock) : await query;
  return row ?? null;
}

export async function candidateRowsOf(db: Db, componentIds: string[]): Promise<CandidateRow[]> {
  if (componentIds.length === 0) return [];
  return db.select().from(panelCandidates).where(inArray(panelCandidates.componentId, componentIds));
}

/** A component's candidates as columns, by application id: `absent` 1 when marked absent, `score` the locked score (NaN without one). */
export type CandidateScoreColumns = { applicationIds: string[]; absent: Uint8Array; score: Float64Array };

/**
 * What the final ranking reads of the components' candidates: who was absent and the locked score,
 * not the rest of each row; per component, by application id, the order the ranking wants.
 * Each component's candidates come as one COPY (copyOutText) and are split here into columns: a
 * round has tens of thousands, and as result rows the driver's work per row and per value was most
 * of what this read cost the server; as one text per component (string_agg), PostgreSQL's joining
 * of the values was (a round of 8,000: about 20 ms against 6 ms for the COPY, bench/README.md).
 * Columns rather than an object per candidate, which lived until the round was ranked.
 */
export async function candidateScoresOf(db: Db, componentIds: string[]): Promise<Map<string, CandidateScoreColumns>> {
  const byComponent = new Map<string, CandidateScoreColumns>();
  for (const componentId of [...componentIds].sort()) {
    const text = await copyOutText(db, `SELECT application_id, absent, score FROM panel_candidates WHERE component_id = ${uuidLiteral(componentId)} ORDER BY application_id`);
    const n = copyRowCount(text);
    const columns: CandidateScoreColumns = { applicationIds: new Array<string>(n), absent: new Uint8Array(n), score: new Float64Array(n) };
    for (let i = 0, start = 0; i < n; i += 1) {
      const end = text.indexOf('\n', start);
      // id, t or f (absent), the score or \N: ids and these values hold nothing COPY escapes.
      const tab = text.indexOf('\t', start);
      columns.applicationIds[i] = text.slice(start, tab);
      columns.absent[i] = text.charCodeAt(tab + 1) === 116 ? 1 : 0;
      columns.score[i] = text.charCodeAt(tab + 3) === 92 ? Number.NaN : Number(text.slice(tab + 3, end));
      start = end + 1;
    }
    byComponent.set(componentId, columns);
  }
  return byComponent;
}

export type CandidateRef = { agencyId: string; componentId: string; applicationId: string };

/** The candidate's row on the component, created on first use and locked for the caller's transaction. */
export async function lockCandidateRow(tx: Db, { agencyId, componentId, applicationId }: CandidateRef): Promise<CandidateRow> {
  await tx.insert(panelCandidates).values({ agencyId, componentId, applicationId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(panelCandidates)
    .where(and(eq(panelCandidates.componentId, componentId), eq(panelCandidates.applicationId, applicationId)))
    .for('update');
  return row!;
}

export type AssignmentWithScore = AssignmentRow & { assessorName: string; assessorEmail: string; score: ScoreRow | null };

export async function assignmentsOf(db: Db, { componentId, applicationId }: { componentId: string; applicationId?: string }): Promise<AssignmentWithScore[]> {
  const rows = await db
    .select({ assignment: panelAssignments, assessorName: accounts.name, assessorEmail: accounts.email, score: panelScores })
    .from(panelAssignments)
    .innerJoin(accounts, eq(accounts.id, panelAssignments.assessorId))
    .leftJoin(panelScores, eq(panelScores.assignmentId, panelAssignments.id))
    .where(and(eq(panelAssignments.componentId, componentId), applicationId ? eq(panelAssignments.applicationId, applicationId) : undefined))
    .orderBy(asc(panelAssignments.createdAt), asc(accounts.name), asc(panelAssignments.id));
  return rows.map((row) => ({ ...row.assignment, assessorName: row.assessorName, assessorEmail: row.assessorEmail, score: row.score }));
}

export async function findAssignment(db: Db, { agencyId, assignmentId, lock = false }: { agencyId: string; assignmentId: string; lock?: boolean }): Promise<AssignmentRow | null> {
  const query = db.select().from(panelAssignments).where(and(eq(panelAssignments.id, assignmentId), eq(panelAssignments.agencyId, agencyId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findScore(db: Db, assignmentId: string): Promise<ScoreRow | null> {
  const [row] = await db.select().from(panelScores).where(eq(panelScores.assignmentId, assignmentId));
  return row ?? null;
}

export async function moderationsOf(db: Db, componentId: string) {
  return db
    .select({ moderation: panelModerations, actorName: accounts.name })
    .from(panelModerations)
    .innerJoin(accounts, eq(accounts.id, panelModerations.actorId))
    .where(eq(panelModerations.componentId, componentId))
    .orderBy(asc(panelModerations.createdAt), asc(panelModerations.id));
}

/** Application ids by registration number within a round. */
export async function applicationsByRegistrationNumber(db: Db, { selectionId, numbers }: { selectionId: string; numbers: string[] }): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await db
    .select({ id: applications.id, number: applications.registrationNumber })
    .from(applications)
    .where(and(eq(applications.selectionId, selectionId), inArray(applications.registrationNumber, numbers)));
  return new Map(rows.map((row) => [row.number!, row.id]));
}

export type ApplicationSummary = { applicationId: string; registrationNumber: string; name: string; formasi: string };

/** Name, registration number and formasi of applications of this agency (never the NIK). */
export async function applicationSummaries(db: Db, { agencyId, ids }: { agencyId: string; ids: string[] }): Promise<Map<string, ApplicationSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: applications.id, number: applications.registrationNumber, name: applications.applicantName, positionName: formasi.positionName, unitName: formasi.unitName })
    .from(applications)
    .innerJoin(formasi, eq(formasi.id, applications.formasiId))
    .where(and(eq(applications.agencyId, agencyId), inArray(applications.id, ids)));
  return new Map(rows.map((row) => [row.id, { applicationId: row.id, registrationNumber: row.number ?? '', name: row.name ?? '', formasi: `${row.positionName} — ${row.unitName}` }]));
}

export type AssessorRow = { accountId: string; name: string; email: string; active: boolean; kind: string; institution: string };

/** Accounts holding the penguji role in the agency, with their panel profile (internal when none). */
export async function assessorsOf(db: Db, { agencyId, accountIds }: { agencyId: string; accountIds?: string[] }): Promise<AssessorRow[]> {
  if (accountIds && accountIds.length === 0) return [];
  const rows = await db
    .select({
      accountId: accounts.id,
      name: accounts.name,
      email: accounts.email,
      active: sql<boolean>`${accounts.passwordHash} IS NOT NULL`,
      kind: panelAssessorProfiles.kind,
      institution: panelAssessorProfiles.institution,
    })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .leftJoin(panelAssessorProfiles, and(eq(panelAssessorProfiles.accountId, accounts.id), eq(panelAssessorProfiles.agencyId, agencyId)))
    .where(and(eq(accountRoles.agencyId, agencyId), eq(accountRoles.role, 'penguji'), accountIds ? inArray(accounts.id, accountIds) : undefined))
    .orderBy(asc(accounts.name), asc(accounts.id));
  return rows.map((row) => ({ ...row, active: Boolean(row.active), kind: row.kind ?? 'internal', institution: row.institution ?? '' }));
}

/** Active assignments per assessor of an agency (their workload on open components). */
export async function workloads(db: Db, agencyId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ assessorId: panelAssignments.assessorId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(panelAssignments)
    .innerJoin(panelComponents, eq(panelComponents.id, panelAssignments.componentId))
    .where(and(eq(panelAssignments.agencyId, agencyId), eq(panelAssignments.status, 'active'), eq(panelComponents.status, 'open')))
    .groupBy(panelAssignments.assessorId);
  return new Map(rows.map((row) => [row.assessorId, row.n]));
}

/** An assessor's assignments in an agency with the component and the round they belong to. */
export async function assignmentsOfAssessor(db: Db, { agencyId, assessorId }: { agencyId: string; assessorId: string }) {
  return db
    .select({ assignment: panelAssignments, component: panelComponents, selectionName: selections.name, score: panelScores })
    .from(panelAssignments)
    .innerJoin(panelComponents, eq(panelComponents.id, panelAssignments.componentId))
    .innerJoin(selections, eq(selections.id, panelComponents.selectionId))
    .leftJoin(panelScores, eq(panelScores.assignmentId, panelAssignments.id))
    .where(and(eq(panelAssignments.agencyId, agencyId), eq(panelAssignments.assessorId, assessorId), inArray(panelAssignments.status, ['active', 'conflict'])))
    .orderBy(asc(selections.name), asc(panelComponents.stageKey), asc(panelAssignments.createdAt));
}

/** Rounds of the agency, newest first, for the panel's index. */
export async function roundsOf(db: Db, agencyId: string) {
  return db
    .select({ id: selections.id, name: selections.name, type: selections.type, year: selections.year, status: selections.status, pipeline: selections.pipeline })
    .from(selections)
    .where(and(eq(selections.agencyId, agencyId), inArray(selections.status, ['published', 'closed'])))
    .orderBy(sql`${selections.createdAt} DESC`, asc(selections.id));
}

/** Per component: assignments active, scores submitted, candidates absent. */
export async function progressOf(db: Db, componentIds: string[]) {
  if (componentIds.length === 0) return new Map<string, { active: number; submitted: number; absent: number }>();
  const assigned = await db
    .select({
      componentId: panelAssignments.componentId,
      active: sql<number>`count(*) filter (where ${panelAssignments.status} = 'active')`.mapWith(Number),
      submitted: sql<number>`count(*) filter (where ${panelAssignments.status} = 'active' and ${panelScores.status} = 'submitted')`.mapWith(Number),
    })
    .from(panelAssignments)
    .leftJoin(panelScores, eq(panelScores.assignmentId, panelAssignments.id))
    .where(inArray(panelAssignments.componentId, componentIds))
    .groupBy(panelAssignments.componentId);
  const absent = await db
    .select({ componentId: panelCandidates.componentId, n: sql<number>`count(*) filter (where ${panelCandidates.absent})`.mapWith(Number) })
    .from(panelCandidates)
    .where(inArray(panelCandidates.componentId, componentIds))
    .groupBy(panelCandidates.componentId);
  const absentBy = new Map(absent.map((row) => [row.componentId, row.n]));
  return new Map(
    componentIds.map((id) => {
      const row = assigned.find((a) => a.componentId === id);
      return [id, { active: row?.active ?? 0, submitted: row?.submitted ?? 0, absent: absentBy.get(id) ?? 0 }];
    }),
  );
}

export type CorrectionRow = typeof panelScoreCorrections.$inferSelect;

/** Every correction of the given components, oldest first (the last one per candidate is in force). */
export async function correctionsOf(db: Db, componentIds: readonly string[]): Promise<CorrectionRow[]> {
  if (!componentIds.length) return [];
  return db
    .select()
    .from(panelScoreCorrections)
    .where(inArray(panelScoreCorrections.componentId, [...componentIds]))
    .orderBy(asc(panelScoreCorrections.createdAt), asc(panelScoreCorrections.id));
}

/** Component id → application id → the corrected score in force. */
export async function correctedScores(db: Db, componentIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const byComponent = new Map<string, Map<string, number>>();
  for (const row of await correctionsOf(db, componentIds)) {
    const scores = byComponent.get(row.componentId) ?? new Map<string, number>();
    scores.set(row.applicationId, Number(row.score));
    byComponent.set(row.componentId, scores);
  }
  return byComponent;
}

