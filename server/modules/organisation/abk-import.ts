// Imports units, positions and tasks from the ABK spreadsheet, all or nothing: every row is checked
// (types, bounds, duplicates, references to units and positions in the file or already saved)
// before anything is written; one bad row and nothing is saved.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { POSITION_KINDS, ORGANISATION_LIMITS, positionCodeSchema, unitCodeSchema, type AbkImportResult, type ImportIssue, type PositionKind } from '../../../core/schemas/organisation.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { IssueList, numberCell, readSheets, textCell, type CellValue, type SheetRow } from '../../xlsx.js';
import { recordAudit } from '../audit/audit.service.js';
import { ABK_IMPORT_SPECS, ABK_SHEETS, POSITION_COLUMNS, TASK_COLUMNS, UNIT_COLUMNS } from './abk-sheets.js';
import { isUniqueViolation } from './organisation.service.js';
import { positionTasks, positions, units } from './organisation.table.js';

type UnitInput = { row: number; code: string; name: string };
type PositionInput = { row: number; unitCode: string; code: string; name: string; jenis: PositionKind; bezetting: number; retiring: number };
type TaskInput = { row: number; unitCode: string; positionCode: string; name: string; outputUnit: string; volumePerYear: number; normMinutes: number };

export type AbkImportOutcome = { ok: true; result: AbkImportResult } | { ok: false; issues: ImportIssue[]; truncated: boolean };

const positionKey = (unitCode: string, positionCode: string) => `${unitCode}\u0000${positionCode}`;

/** A unit or position code cell, checked like the forms check it. */
export function codeCell(value: CellValue, kind: 'unit' | 'position'): { ok: true; value: string } | { ok: false; reason: string } {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value === null ? '' : String(value);
  const parsed = (kind === 'unit' ? unitCodeSchema() : positionCodeSchema()).safeParse(text);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `${parsed.error.issues[0]?.message ?? 'Kode tidak valid'}.` };
}

const JENIS_BY_LABEL = new Map<string, PositionKind>(POSITION_KINDS.map((kind) => [kind, kind]));

/** Checks every row of the three sheets; returns what to write, or the problems. */
function validateRows(
  sheets: Map<string, SheetRow[]>,
  saved: { units: Set<string>; positions: Set<string> },
  issues: IssueList,
): { units: UnitInput[]; positions: PositionInput[]; tasks: TaskInput[] } {
  const out = { units: [] as UnitInput[], positions: [] as PositionInput[], tasks: [] as TaskInput[] };
  const fail = (sheet: string, row: number, column: string | null, reason: string) => issues.add({ sheet, row, column, reason });

  const unitRows = new Map<string, number>();
  for (const { row, cells } of sheets.get(ABK_SHEETS.units) ?? []) {
    if (issues.full) break;
    const sheet = ABK_SHEETS.units;
    const code = codeCell(cells[UNIT_COLUMNS.code.key] ?? null, 'unit');
    const name = textCell(cells[UNIT_COLUMNS.name.key] ?? null, { required: true, max: ORGANISATION_LIMITS.nameMax, label: 'Nama unit kerja' });
    if (!code.ok) fail(sheet, row, UNIT_COLUMNS.code.header, code.reason);
    if (!name.ok) fail(sheet, row, UNIT_COLUMNS.name.header, name.reason);
    else if (name.value.length < 2) fail(sheet, row, UNIT_COLUMNS.name.header, 'Nama unit kerja minimal 2 karakter.');
    if (!code.ok) continue;
    // A row with a bad name still names its unit, so later sheets are not flooded with "not found".
    const first = unitRows.get(code.value);
    if (first !== undefined) {
      fail(sheet, row, UNIT_COLUMNS.code.header, `Kode unit "${code.value}" sudah ada di baris ${first}; satu unit satu baris.`);
      continue;
    }
    unitRows.set(code.value, row);
    if (name.ok && name.value.length >= 2) out.units.push({ row, code: code.value, name: name.value });
  }

  const knownUnit = (code: string) => unitRows.has(code) || saved.units.has(code);
  const positionRows = new Map<string, number>();
  for (const { row, cells } of sheets.get(ABK_SHEETS.positions) ?? []) {
    if (issues.full) break;
    const sheet = ABK_SHEETS.positions;
    const before = issues.items.length + Number(issues.truncated);
    const unitCode = codeCell(cells[POSITION_COLUMNS.unitCode.key] ?? null, 'unit');
    const code = codeCell(cells[POSITION_COLUMNS.code.key] ?? null, 'position');
    const name = textCell(cells[POSITION_COLUMNS.name.key] ?? null, { required: true, max: ORGANISATION_LIMITS.nameMax, label: 'Nama jabatan' });
    const jenisText = textCell(cells[POSITION_COLUMNS.jenis.key] ?? null, { required: false, max: 40, label: 'Jenis jabatan' });
    const limits = { integer: true, min: 0, max: ORGANISATION_LIMITS.headcountMax };
    const bezetting = numberCell(cells[POSITION_COLUMNS.bezetting.key] ?? null, { label: 'Bezetting', ...limits });
    const retiring = numberCell(cells[POSITION_COLUMNS.retiring.key] ?? null, { label: 'Jumlah pensiun', ...limits });
    if (!unitCode.ok) fail(sheet, row, POSITION_COLUMNS.unitCode.header, unitCode.reason);
    else if (!knownUnit(unitCode.value)) {
      fail(sheet, row, POSITION_COLUMNS.unitCode.header, `Unit kerja "${unitCode.value}" tidak ditemukan di lembar ${ABK_SHEETS.units} maupun di data instansi.`);
    }
    if (!code.ok) fail(sheet, row, POSITION_COLUMNS.code.header, code.reason);
    if (!name.ok) fail(sheet, row, POSITION_COLUMNS.name.header, name.reason);
    else if (name.value.length < 2) fail(sheet, row, POSITION_COLUMNS.name.header, 'Nama jabatan minimal 2 karakter.');
    let jenis: PositionKind = 'pelaksana';
    if (!jenisText.ok) fail(sheet, row, POSITION_COLUMNS.jenis.header, jenisText.reason);
    else if (jenisText.value) {
      const found = JENIS_BY_LABEL.get(jenisText.value.toLowerCase());
      if (found) jenis = found;
      else fail(sheet, row, POSITION_COLUMNS.jenis.header, `Jenis jabatan "${jenisText.value}" tidak dikenal; isi Struktural, Fungsional atau Pelaksana.`);
    }
    if (!bezetting.ok) fail(sheet, row, POSITION_COLUMNS.bezetting.header, bezetting.reason);
    if (!retiring.ok) fail(sheet, row, POSITION_COLUMNS.retiring.header, retiring.reason);
    if (bezetting.ok && retiring.ok && retiring.value > bezetting.value) {
      fail(sheet, row, POSITION_COLUMNS.retiring.header, `Jumlah pensiun (${retiring.value}) tidak boleh melebihi bezetting (${bezetting.value}).`);
    }
    if (!unitCode.ok || !code.ok) continue;
    const key = positionKey(unitCode.value, code.value);
    const first = positionRows.get(key);
    if (first !== undefined) {
      fail(sheet, row, POSITION_COLUMNS.code.header, `Jabatan "${code.value}" di unit "${unitCode.value}" sudah ada di baris ${first}; satu jabatan satu baris.`);
      continue;
    }
    positionRows.set(key, row);
    if (issues.items.length + Number(issues.truncated) > before || !name.ok || !bezetting.ok || !retiring.ok) continue;
    out.positions.push({ row, unitCode: unitCode.value, code: code.value, name: name.value, jenis, bezetting: bezetting.value, retiring: retiring.value });
  }

  const taskRows = new Map<string, number>();
  for (const { row, cells } of sheets.get(ABK_SHEETS.tasks) ?? []) {
    if (issues.full) break;
    const sheet = ABK_SHEETS.tasks;
    const before = issues.items.length + Number(issues.truncated);
    const unitCode = codeCell(cells[TASK_COLUMNS.unitCode.key] ?? null, 'unit');
    const positionCode = codeCell(cells[TASK_COLUMNS.positionCode.key] ?? null, 'position');
    const name = textCell(cells[TASK_COLUMNS.name.key] ?? null, { required: true, max: 300, label: 'Uraian tugas' });
    const outputUnit = textCell(cells[TASK_COLUMNS.outputUnit.key] ?? null, { required: false, max: ORGANISATION_LIMITS.outputUnitMax, label: 'Satuan hasil' });
    const volume = numberCell(cells[TASK_COLUMNS.volume.key] ?? null, { label: 'Volume per tahun', integer: false, min: 0, max: ORGANISATION_LIMITS.volumeMax });
    const norm = numberCell(cells[TASK_COLUMNS.norm.key] ?? null, { label: 'Norma waktu', integer: false, min: 0, exclusiveMin: true, max: ORGANISATION_LIMITS.normMinutesMax });
    if (!unitCode.ok) fail(sheet, row, TASK_COLUMNS.unitCode.header, unitCode.reason);
    if (!positionCode.ok) fail(sheet, row, TASK_COLUMNS.positionCode.header, positionCode.reason);
    if (unitCode.ok && positionCode.ok) {
      const key = positionKey(unitCode.value, positionCode.value);
      if (!positionRows.has(key) && !saved.positions.has(key)) {
        fail(sheet, row, TASK_COLUMNS.positionCode.header, `Jabatan "${positionCode.value}" di unit "${unitCode.value}" tidak ditemukan di lembar ${ABK_SHEETS.positions} maupun di data instansi.`);
      }
    }
    if (!name.ok) fail(sheet, row, TASK_COLUMNS.name.header, name.reason);
    else if (name.value.length < 2) fail(sheet, row, TASK_COLUMNS.name.header, 'Uraian tugas minimal 2 karakter.');
    if (!outputUnit.ok) fail(sheet, row, TASK_COLUMNS.outputUnit.header, outputUnit.reason);
    if (!volume.ok) fail(sheet, row, TASK_COLUMNS.volume.header, volume.reason);
    if (!norm.ok) fail(sheet, row, TASK_COLUMNS.norm.header, norm.reason);
    if (issues.items.length + Number(issues.truncated) > before || !unitCode.ok || !positionCode.ok || !name.ok || !outputUnit.ok || !volume.ok || !norm.ok) continue;
    const key = `${positionKey(unitCode.value, positionCode.value)}\u0000${name.value.toLowerCase()}`;
    const first = taskRows.get(key);
    if (first !== undefined) {
      fail(sheet, row, TASK_COLUMNS.name.header, `Uraian tugas ini sudah ada di baris ${first} untuk jabatan yang sama.`);
      continue;
    }
    taskRows.set(key, row);
    out.tasks.push({ row, unitCode: unitCode.value, positionCode: positionCode.value, name: name.value, outputUnit: outputUnit.value, volumePerYear: volume.value, normMinutes: norm.value });
  }
  return out;
}

const chunks = <T>(items: T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export type ImportAbkOptions = { actorId: string; agencyId: string; file: Buffer };

export async function importAbk(db: Db, options: ImportAbkOptions): Promise<AbkImportOutcome> {
  const read = await readSheets(options.file, ABK_IMPORT_SPECS);
  if (!read.ok) return { ok: false, issues: read.issues, truncated: false };

  const savedUnits = await db.select({ id: units.id, code: units.code }).from(units).where(eq(units.agencyId, options.agencyId));
  const savedPositions = await db
    .select({ id: positions.id, code: positions.code, unitCode: units.code })
    .from(positions)
    .innerJoin(units, eq(units.id, positions.unitId))
    .where(eq(positions.agencyId, options.agencyId));
  const issues = new IssueList();
  const input = validateRows(read.sheets, { units: new Set(savedUnits.map((u) => u.code)), positions: new Set(savedPositions.map((p) => positionKey(p.unitCode, p.code))) }, issues);
  if (!issues.empty) return { ok: false, issues: issues.items, truncated: issues.truncated };
  if (input.units.length + input.positions.length + input.tasks.length === 0) {
    return { ok: false, issues: [{ sheet: null, row: null, column: null, reason: 'Berkas tidak berisi data untuk diimpor (hanya judul kolom atau baris contoh).' }], truncated: false };
  }

  try {
    const result = await db.transaction(async (tx) => {
      const now = new Date();
      const unitIds = new Map(savedUnits.map((u) => [u.code, u.id]));
      const result: AbkImportResult = { units: { created: 0, updated: 0 }, positions: { created: 0, updated: 0 }, tasks: { positions: 0, written: 0 } };
      for (const batch of chunks(input.units)) {
        const written = await tx
          .insert(units)
          .values(batch.map((u) => ({ agencyId: options.agencyId, code: u.code, name: u.name })))
          .onConflictDoUpdate({ target: [units.agencyId, units.code], set: { name: sql`excluded.name`, updatedAt: now } })
          .returning({ id: units.id, code: units.code });
        for (const u of written) {
          if (unitIds.has(u.code)) result.units.updated += 1;
          else result.units.created += 1;
          unitIds.set(u.code, u.id);
        }
      }

      const positionIds = new Map(savedPositions.map((p) => [positionKey(p.unitCode, p.code), p.id]));
      for (const batch of chunks(input.positions)) {
        const written = await tx
          .insert(positions)
          .values(batch.map((p) => ({ agencyId: options.agencyId, unitId: unitIds.get(p.unitCode)!, code: p.code, name: p.name, jenis: p.jenis, bezetting: p.bezetting, retiring: p.retiring })))
          .onConflictDoUpdate({
            target: [positions.unitId, positions.code],
            set: { name: sql`excluded.name`, jenis: sql`excluded.jenis`, bezetting: sql`excluded.bezetting`, retiring: sql`excluded.retiring`, updatedAt: now },
          })
          .returning({ id: positions.id, code: positions.code, unitId: positions.unitId });
        const codeOfUnit = new Map([...unitIds].map(([code, id]) => [id, code]));
        for (const p of written) {
          const key = positionKey(codeOfUnit.get(p.unitId)!, p.code);
          if (positionIds.has(key)) result.positions.updated += 1;
          else result.positions.created += 1;
          positionIds.set(key, p.id);
        }
      }

      // The file's tasks replace the task list of each position they name.
      const replaced = [...new Set(input.tasks.map((t) => positionIds.get(positionKey(t.unitCode, t.positionCode))!))];
      for (const batch of chunks(replaced)) {
        await tx.delete(positionTasks).where(and(eq(positionTasks.agencyId, options.agencyId), inArray(positionTasks.positionId, batch)));
      }
      const order = new Map<string, number>();
      const taskValues = input.tasks.map((t) => {
        const positionId = positionIds.get(positionKey(t.unitCode, t.positionCode))!;
        const sortOrder = order.get(positionId) ?? 0;
        order.set(positionId, sortOrder + 1);
        return { agencyId: options.agencyId, positionId, name: t.name, outputUnit: t.outputUnit, volumePerYear: String(t.volumePerYear), normMinutes: String(t.normMinutes), sortOrder };
      });
      for (const batch of chunks(taskValues)) await tx.insert(positionTasks).values(batch);
      result.tasks = { positions: replaced.length, written: taskValues.length };

      await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'abk.import', targetType: 'agency', targetId: options.agencyId, after: result });
      return result;
    });
    return { ok: true, result };
  } catch (error) {
    // Another import or edit saved the same code meanwhile: nothing of this file was kept.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Data berubah ketika berkas diimpor; tidak ada yang disimpan. Coba impor ulang.');
    throw error;
  }
}
