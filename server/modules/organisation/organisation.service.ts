import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { ABK_DEFAULTS, calculateAbk, type AbkCalculation } from '../../../core/abk.js';
import type { FieldIssue } from '../../../core/field-issue.js';
import type { AbkLine, AbkSettings, AbkTotals, PositionBody, TaskBody, UnitBody } from '../../../core/schemas/organisation.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { getAgency, setAbkEffectiveMinutes } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { positionTasks, positions, units } from './organisation.table.js';

type UnitRow = typeof units.$inferSelect;
type PositionRow = typeof positions.$inferSelect;
type TaskRow = typeof positionTasks.$inferSelect;

/** A unique index refused the row (code already used). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return (e.cause?.code ?? e.code) === '23505';
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const pageOf = (options: { page: number; pageSize: number }) => ({ limit: options.pageSize, offset: (options.page - 1) * options.pageSize });

// ---- Units -----------------------------------------------------------------------------------------

const positionCount = sql<number>`(select count(*) from ${positions} where ${positions.unitId} = ${units.id})`.mapWith(Number);

export function presentUnit(row: UnitRow & { positionCount: number }) {
  return { id: row.id, code: row.code, name: row.name, positionCount: row.positionCount, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export type ListUnitsOptions = { agencyId: string; q?: string | undefined; page: number; pageSize: number };

export async function listUnits(db: Db, options: ListUnitsOptions) {
  const where = and(eq(units.agencyId, options.agencyId), options.q ? or(ilike(units.code, like(options.q)), ilike(units.name, like(options.q))) : undefined);
  const [total] = await db.select({ n: count() }).from(units).where(where);
  const rows = await db
    .select({ unit: units, positionCount })
    .from(units)
    .where(where)
    .orderBy(asc(units.code), asc(units.id))
    .limit(pageOf(options).limit)
    .offset(pageOf(options).offset);
  return { items: rows.map((row) => presentUnit({ ...row.unit, positionCount: row.positionCount })), total: total?.n ?? 0 };
}

async function findUnit(db: Db, agencyId: string, unitId: string, lock = false) {
  const query = db.select().from(units).where(and(eq(units.agencyId, agencyId), eq(units.id, unitId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Unit kerja');
  return row;
}

export type GetUnitOptions = { agencyId: string; unitId: string };

/** One unit of the agency (404 for another agency's). */
export async function getUnit(db: Db, options: GetUnitOptions) {
  return unitView(db, options.agencyId, options.unitId);
}

async function unitView(db: Db, agencyId: string, unitId: string) {
  const [row] = await db.select({ unit: units, positionCount }).from(units).where(and(eq(units.agencyId, agencyId), eq(units.id, unitId)));
  if (!row) throw notFound('Unit kerja');
  return presentUnit({ ...row.unit, positionCount: row.positionCount });
}

const unitCodeTaken = (code: string) => new AppError('CONFLICT', `Kode unit "${code}" sudah dipakai unit lain di instansi ini.`, { code: 'Kode sudah dipakai' });

export type CreateUnitOptions = { actorId: string; agencyId: string; data: UnitBody };

export async function createUnit(db: Db, options: CreateUnitOptions) {
  await getAgency(db, options.agencyId);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(units).values({ agencyId: options.agencyId, ...options.data }).onConflictDoNothing().returning();
    if (!row) throw unitCodeTaken(options.data.code);
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'unit.create', targetType: 'unit', targetId: row.id, after: options.data });
    return row.id;
  });
  return unitView(db, options.agencyId, id);
}

export type UpdateUnitOptions = CreateUnitOptions & { unitId: string };

export async function updateUnit(db: Db, options: UpdateUnitOptions) {
  try {
    await db.transaction(async (tx) => {
      const before = await findUnit(tx, options.agencyId, options.unitId, true);
      await tx.update(units).set({ ...options.data, updatedAt: new Date() }).where(eq(units.id, before.id));
      await recordAudit(tx, {
        agencyId: options.agencyId,
        actorId: options.actorId,
        action: 'unit.update',
        targetType: 'unit',
        targetId: before.id,
        before: { code: before.code, name: before.name },
        after: options.data,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw unitCodeTaken(options.data.code);
    throw error;
  }
  return unitView(db, options.agencyId, options.unitId);
}

export type DeleteUnitOptions = { actorId: string; agencyId: string; unitId: string };

/** A row of another module (an IKM survey, an aspiration) still points at the unit: restrict or foreign-key violation. */
function isStillReferenced(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return ['23001', '23503'].includes(e.cause?.code ?? e.code ?? '');
}

/** Refused while the unit has positions: deleting them with it would silently lose their ABK data. */
export async function deleteUnit(db: Db, options: DeleteUnitOptions) {
  try {
    await deleteUnitRow(db, options);
  } catch (error) {
    if (isStillReferenced(error)) throw new AppError('CONFLICT', 'Unit kerja ini masih dipakai oleh data lain (survei IKM atau pengaduan yang diteruskan kepadanya), sehingga tidak dapat dihapus.');
    throw error;
  }
}

async function deleteUnitRow(db: Db, options: DeleteUnitOptions) {
  await db.transaction(async (tx) => {
    const before = await findUnit(tx, options.agencyId, options.unitId, true);
    const [held] = await tx.select({ n: count() }).from(positions).where(eq(positions.unitId, before.id));
    if (held && held.n > 0) {
      throw new AppError('CONFLICT', `Unit kerja "${before.name}" masih memiliki ${held.n} jabatan; hapus atau pindahkan jabatannya terlebih dahulu.`);
    }
    await tx.delete(units).where(eq(units.id, before.id));
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'unit.delete', targetType: 'unit', targetId: before.id, before: { code: before.code, name: before.name } });
  });
}

// ---- Positions -------------------------------------------------------------------------------------

const taskCount = sql<number>`(select count(*) from ${positionTasks} where ${positionTasks.positionId} = ${positions.id})`.mapWith(Number);
const positionColumns = { position: positions, unitCode: units.code, unitName: units.name, taskCount };

type PositionView = { position: PositionRow; unitCode: string; unitName: string; taskCount: number };

export function presentPosition(row: PositionView) {
  const p = row.position;
  return {
    id: p.id,
    unitId: p.unitId,
    unitCode: row.unitCode,
    unitName: row.unitName,
    code: p.code,
    name: p.name,
    jenis: p.jenis,
    bezetting: p.bezetting,
    retiring: p.retiring,
    taskCount: row.taskCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type PositionPresented = ReturnType<typeof presentPosition>;

export type PositionFilter = { agencyId: string; unitId?: string | undefined; q?: string | undefined };

function positionWhere(filter: PositionFilter): SQL | undefined {
  return and(
    eq(positions.agencyId, filter.agencyId),
    filter.unitId ? eq(positions.unitId, filter.unitId) : undefined,
    filter.q ? or(ilike(positions.code, like(filter.q)), ilike(positions.name, like(filter.q)), ilike(units.name, like(filter.q))) : undefined,
  );
}

function positionQuery(db: Db) {
  return db.select(positionColumns).from(positions).innerJoin(units, eq(units.id, positions.unitId)).$dynamic();
}

export type ListPositionsOptions = PositionFilter & { page: number; pageSize: number };

export async function listPositions(db: Db, options: ListPositionsOptions) {
  const where = positionWhere(options);
  const [total] = await db.select({ n: count() }).from(positions).innerJoin(units, eq(units.id, positions.unitId)).where(where);
  const rows = await positionQuery(db)
    .where(where)
    .orderBy(asc(units.code), asc(positions.code), asc(positions.id))
    .limit(pageOf(options).limit)
    .offset(pageOf(options).offset);
  return { items: rows.map(presentPosition), total: total?.n ?? 0 };
}

export type GetPositionOptions = { agencyId: string; positionId: string };

export async function getPosition(db: Db, options: GetPositionOptions) {
  const [row] = await positionQuery(db).where(and(eq(positions.agencyId, options.agencyId), eq(positions.id, options.positionId)));
  if (!row) throw notFound('Jabatan');
  return presentPosition(row);
}

async function findPosition(db: Db, agencyId: string, positionId: string, lock = false) {
  const query = db.select().from(positions).where(and(eq(positions.agencyId, agencyId), eq(positions.id, positionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Jabatan');
  return row;
}

const positionCodeTaken = (code: string) =>
  new AppError('CONFLICT', `Kode jabatan "${code}" sudah dipakai jabatan lain di unit kerja ini.`, { code: 'Kode sudah dipakai di unit ini' });

const positionAudit = (p: Pick<PositionRow, 'unitId' | 'code' | 'name' | 'jenis' | 'bezetting' | 'retiring'>) => ({
  unitId: p.unitId,
  code: p.code,
  name: p.name,
  jenis: p.jenis,
  bezetting: p.bezetting,
  retiring: p.retiring,
});

export type CreatePositionOptions = { actorId: string; agencyId: string; data: PositionBody };

export async function createPosition(db: Db, options: CreatePositionOptions) {
  const id = await db.transaction(async (tx) => {
    await findUnit(tx, options.agencyId, options.data.unitId);
    const [row] = await tx.insert(positions).values({ agencyId: options.agencyId, ...options.data }).onConflictDoNothing().returning();
    if (!row) throw positionCodeTaken(options.data.code);
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'position.create', targetType: 'position', targetId: row.id, after: positionAudit(row) });
    return row.id;
  });
  return getPosition(db, { agencyId: options.agencyId, positionId: id });
}

export type UpdatePositionOptions = CreatePositionOptions & { positionId: string };

export async function updatePosition(db: Db, options: UpdatePositionOptions) {
  try {
    await db.transaction(async (tx) => {
      const before = await findPosition(tx, options.agencyId, options.positionId, true);
      await findUnit(tx, options.agencyId, options.data.unitId);
      const [after] = await tx.update(positions).set({ ...options.data, updatedAt: new Date() }).where(eq(positions.id, before.id)).returning();
      await recordAudit(tx, {
        agencyId: options.agencyId,
        actorId: options.actorId,
        action: 'position.update',
        targetType: 'position',
        targetId: before.id,
        before: positionAudit(before),
        after: positionAudit(after!),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw positionCodeTaken(options.data.code);
    throw error;
  }
  return getPosition(db, { agencyId: options.agencyId, positionId: options.positionId });
}

export type DeletePositionOptions = { actorId: string; agencyId: string; positionId: string };

/** Deletes a position and its tasks; formasi made from it keep their copied names. */
export async function deletePosition(db: Db, options: DeletePositionOptions) {
  await db.transaction(async (tx) => {
    const before = await findPosition(tx, options.agencyId, options.positionId, true);
    const [tasks] = await tx.select({ n: count() }).from(positionTasks).where(eq(positionTasks.positionId, before.id));
    await tx.delete(positions).where(eq(positions.id, before.id));
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'position.delete',
      targetType: 'position',
      targetId: before.id,
      before: { ...positionAudit(before), tasks: tasks?.n ?? 0 },
    });
  });
}

// ---- Tasks -----------------------------------------------------------------------------------------

export function presentTask(row: TaskRow) {
  return {
    id: row.id,
    positionId: row.positionId,
    name: row.name,
    outputUnit: row.outputUnit,
    volumePerYear: Number(row.volumePerYear),
    normMinutes: Number(row.normMinutes),
    sortOrder: row.sortOrder,
  };
}

export type ListTasksOptions = { agencyId: string; positionId: string; q?: string | undefined; page: number; pageSize: number };

export async function listTasks(db: Db, options: ListTasksOptions) {
  await findPosition(db, options.agencyId, options.positionId);
  const where = and(
    eq(positionTasks.agencyId, options.agencyId),
    eq(positionTasks.positionId, options.positionId),
    options.q ? or(ilike(positionTasks.name, like(options.q)), ilike(positionTasks.outputUnit, like(options.q))) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(positionTasks).where(where);
  const rows = await db
    .select()
    .from(positionTasks)
    .where(where)
    .orderBy(asc(positionTasks.sortOrder), asc(positionTasks.id))
    .limit(pageOf(options).limit)
    .offset(pageOf(options).offset);
  return { items: rows.map(presentTask), total: total?.n ?? 0 };
}

const taskValues = (data: TaskBody) => ({
  name: data.name,
  outputUnit: data.outputUnit,
  volumePerYear: String(data.volumePerYear),
  normMinutes: String(data.normMinutes),
});
const taskAudit = (t: Pick<TaskRow, 'name' | 'outputUnit' | 'volumePerYear' | 'normMinutes'>) => ({
  name: t.name,
  outputUnit: t.outputUnit,
  volumePerYear: Number(t.volumePerYear),
  normMinutes: Number(t.normMinutes),
});

export type CreateTaskOptions = { actorId: string; agencyId: string; positionId: string; data: TaskBody };

export async function createTask(db: Db, options: CreateTaskOptions) {
  return db.transaction(async (tx) => {
    // Locking the position orders concurrent additions, so each gets the next sort order.
    const position = await findPosition(tx, options.agencyId, options.positionId, true);
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${positionTasks.sortOrder}), -1)`.mapWith(Number) }).from(positionTasks).where(eq(positionTasks.positionId, position.id));
    const [row] = await tx
      .insert(positionTasks)
      .values({ agencyId: options.agencyId, positionId: position.id, ...taskValues(options.data), sortOrder: options.data.sortOrder ?? (last?.n ?? -1) + 1 })
      .returning();
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'task.create', targetType: 'position', targetId: position.id, after: { taskId: row!.id, ...taskAudit(row!) } });
    return presentTask(row!);
  });
}

export type UpdateTaskOptions = CreateTaskOptions & { taskId: string };

async function findTask(db: Db, options: { agencyId: string; positionId: string; taskId: string }) {
  const [row] = await db
    .select()
    .from(positionTasks)
    .where(and(eq(positionTasks.agencyId, options.agencyId), eq(positionTasks.positionId, options.positionId), eq(positionTasks.id, options.taskId)))
    .for('update');
  if (!row) throw notFound('Uraian tugas');
  return row;
}

export async function updateTask(db: Db, options: UpdateTaskOptions) {
  return db.transaction(async (tx) => {
    const before = await findTask(tx, options);
    const [row] = await tx
      .update(positionTasks)
      .set({ ...taskValues(options.data), ...(options.data.sortOrder === undefined ? {} : { sortOrder: options.data.sortOrder }) })
      .where(eq(positionTasks.id, before.id))
      .returning();
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'task.update',
      targetType: 'position',
      targetId: options.positionId,
      before: { taskId: before.id, ...taskAudit(before) },
      after: { taskId: before.id, ...taskAudit(row!) },
    });
    return presentTask(row!);
  });
}

export type DeleteTaskOptions = { actorId: string; agencyId: string; positionId: string; taskId: string };

export async function deleteTask(db: Db, options: DeleteTaskOptions) {
  await db.transaction(async (tx) => {
    const before = await findTask(tx, options);
    await tx.delete(positionTasks).where(eq(positionTasks.id, before.id));
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'task.delete', targetType: 'position', targetId: options.positionId, before: { taskId: before.id, ...taskAudit(before) } });
  });
}

// ---- ABK settings and analysis ---------------------------------------------------------------------

export async function getAbkSettings(db: Db, agencyId: string): Promise<AbkSettings> {
  const agency = await getAgency(db, agencyId);
  return settingsOf(agency.abkEffectiveMinutes);
}

const settingsOf = (minutes: number): AbkSettings => ({ effectiveMinutesPerYear: minutes, effectiveHoursPerYear: minutes / 60, rounding: ABK_DEFAULTS.rounding });

export type UpdateAbkSettingsOptions = { actorId: string; agencyId: string; effectiveMinutesPerYear: number };

export async function updateAbkSettings(db: Db, options: UpdateAbkSettingsOptions): Promise<AbkSettings> {
  const agency = await setAbkEffectiveMinutes(db, { actorId: options.actorId, agencyId: options.agencyId, minutes: options.effectiveMinutesPerYear });
  return settingsOf(agency.abkEffectiveMinutes);
}

export type AbkOutcome = { calculation: AbkCalculation | null; problems: FieldIssue[] };

/** core/abk on a position's stored numbers. */
export function calculatePosition(options: { position: Pick<PositionRow, 'bezetting' | 'retiring'>; tasks: TaskRow[]; settings: AbkSettings }): AbkOutcome {
  const result = calculateAbk({
    tasks: options.tasks.map((task) => ({ name: task.name, volumePerYear: Number(task.volumePerYear), normMinutes: Number(task.normMinutes) })),
    bezetting: options.position.bezetting,
    retiring: options.position.retiring,
    settings: { effectiveMinutesPerYear: options.settings.effectiveMinutesPerYear, rounding: options.settings.rounding },
  });
  return result.ok ? { calculation: result.value, problems: [] } : { calculation: null, problems: result.errors };
}

export type AnalysePositionOptions = { agencyId: string; positionId: string };

export async function analysePosition(db: Db, options: AnalysePositionOptions) {
  const settings = await getAbkSettings(db, options.agencyId);
  const [row] = await positionQuery(db).where(and(eq(positions.agencyId, options.agencyId), eq(positions.id, options.positionId)));
  if (!row) throw notFound('Jabatan');
  const tasks = await db.select().from(positionTasks).where(eq(positionTasks.positionId, row.position.id)).orderBy(asc(positionTasks.sortOrder), asc(positionTasks.id));
  const outcome = calculatePosition({ position: row.position, tasks, settings });
  return { settings, position: presentPosition(row), tasks: tasks.map(presentTask), ...outcome };
}

export type AbkLineWithSteps = AbkLine & { steps: string[]; tasks: ReturnType<typeof presentTask>[] };

/** Every matching position with its analysis (an agency has hundreds to a few thousand positions). */
export async function abkLines(db: Db, filter: PositionFilter): Promise<{ settings: AbkSettings; lines: AbkLineWithSteps[] }> {
  const settings = await getAbkSettings(db, filter.agencyId);
  const rows = await positionQuery(db).where(positionWhere(filter)).orderBy(asc(units.code), asc(positions.code), asc(positions.id));
  const ids = rows.map((row) => row.position.id);
  const tasks = ids.length
    ? await db.select().from(positionTasks).where(and(eq(positionTasks.agencyId, filter.agencyId), inArray(positionTasks.positionId, ids))).orderBy(asc(positionTasks.sortOrder), asc(positionTasks.id))
    : [];
  const byPosition = new Map<string, TaskRow[]>();
  for (const task of tasks) byPosition.set(task.positionId, [...(byPosition.get(task.positionId) ?? []), task]);
  const lines = rows.map((row) => {
    const own = byPosition.get(row.position.id) ?? [];
    const { calculation, problems } = calculatePosition({ position: row.position, tasks: own, settings });
    return {
      position: presentPosition(row),
      workloadMinutes: calculation?.workloadMinutes ?? null,
      need: calculation?.need ?? null,
      needExact: calculation?.needExact ?? null,
      roundedNeed: calculation?.roundedNeed ?? null,
      shortfall: calculation?.shortfall ?? null,
      proposedFormasi: calculation?.proposedFormasi ?? null,
      problems,
      steps: calculation?.steps ?? [],
      tasks: own.map(presentTask),
    };
  });
  return { settings, lines };
}

export function abkTotals(lines: AbkLine[]): AbkTotals {
  const totals: AbkTotals = { positions: lines.length, withProblems: 0, roundedNeed: 0, bezetting: 0, retiring: 0, proposedFormasi: 0, surplus: 0 };
  for (const line of lines) {
    totals.bezetting += line.position.bezetting;
    totals.retiring += line.position.retiring;
    if (line.problems.length > 0 || line.roundedNeed === null || line.shortfall === null || line.proposedFormasi === null) {
      totals.withProblems += 1;
      continue;
    }
    totals.roundedNeed += line.roundedNeed;
    totals.proposedFormasi += line.proposedFormasi;
    if (line.shortfall < 0) totals.surplus += -line.shortfall;
  }
  return totals;
}

export type AnalyseAgencyOptions = PositionFilter & { page: number; pageSize: number };

/** The agency's analysis: totals over every matching position, and one page of lines. */
export async function analyseAgency(db: Db, options: AnalyseAgencyOptions) {
  const { settings, lines } = await abkLines(db, options);
  const start = (options.page - 1) * options.pageSize;
  const items = lines.slice(start, start + options.pageSize).map(({ steps: _steps, tasks: _tasks, ...line }) => line);
  return { settings, totals: abkTotals(lines), items, total: lines.length, page: options.page, pageSize: options.pageSize };
}

// ---- Look-ups for other modules (formasi import/export, IKM, aspirations, dashboards) ---------------

export type UnitRef = { id: string; agencyId: string; code: string; name: string };

/** Units by id, or every unit of an agency, for modules that show unit names beside their own rows. */
export async function unitRefs(db: Db, options: { agencyId?: string | undefined; unitIds?: readonly string[] | undefined }): Promise<UnitRef[]> {
  if (options.unitIds && options.unitIds.length === 0) return [];
  return db
    .select({ id: units.id, agencyId: units.agencyId, code: units.code, name: units.name })
    .from(units)
    .where(and(options.agencyId ? eq(units.agencyId, options.agencyId) : undefined, options.unitIds ? inArray(units.id, [...options.unitIds]) : undefined))
    .orderBy(asc(units.code), asc(units.id));
}

export type OrganisationIndex = {
  units: Array<{ id: string; code: string; name: string }>;
  positions: Array<{ id: string; code: string; name: string; unitId: string; unitCode: string; unitName: string }>;
};

/** Every unit and position of the agency with their codes, to resolve spreadsheet rows. */
export async function organisationIndex(db: Db, agencyId: string): Promise<OrganisationIndex> {
  const unitRows = await db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(eq(units.agencyId, agencyId));
  const positionRows = await db
    .select({ id: positions.id, code: positions.code, name: positions.name, unitId: positions.unitId, unitCode: units.code, unitName: units.name })
    .from(positions)
    .innerJoin(units, eq(units.id, positions.unitId))
    .where(eq(positions.agencyId, agencyId));
  return { units: unitRows, positions: positionRows };
}
