// Imports existing employees from the spreadsheet, all or nothing: every row is checked (NIP, dates,
// unit and position, supervisor in the file or saved, no supervisor loop, status rules) before
// anything is written; one bad row and nothing is saved. The NIP is the key: a saved NIP is updated.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { checkEmploymentDates, checkNip, defaultProbationEnd, EMPLOYMENT_TYPES, initialStatus, type EmploymentType } from '../../../core/employees.js';
import type { EmployeeImportResult } from '../../../core/schemas/employees.js';
import type { ImportIssue } from '../../../core/schemas/organisation.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { IssueList, dateCell, readSheets, textCell, type CellValue, type SheetRow } from '../../xlsx.js';
import { recordAudit } from '../audit/audit.service.js';
import { codeCell } from '../organisation/abk-import.js';
import { isUniqueViolation, organisationIndex, type OrganisationIndex } from '../organisation/organisation.service.js';
import { grantAgencyRole } from '../staff/staff.service.js';
import { EMPLOYEE_COLUMNS as C, EMPLOYEE_IMPORT_SPECS, EMPLOYEE_SHEET } from './employees-xlsx.js';
import { employees } from './employees.table.js';

type Saved = { id: string; nip: string; status: string; appointedAt: string; endedAt: string | null; supervisorEmployeeId: string | null };
type RowInput = {
  row: number;
  nip: string;
  name: string;
  employmentType: EmploymentType;
  unitId: string;
  positionId: string | null;
  appointedAt: string;
  probationEndsAt: string | null;
  supervisorNip: string | null;
};

export type EmployeeImportOutcome = { ok: true; result: EmployeeImportResult } | { ok: false; issues: ImportIssue[]; truncated: boolean };

const TYPE_BY_LABEL = new Map<string, EmploymentType>(EMPLOYMENT_TYPES.map((type) => [type, type]));

/** A NIP cell: typed as text, or as a number that kept its 18 digits. */
function nipText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : '';
  return String(value).replace(/[\s.]/g, '');
}

function validateRows(rows: SheetRow[], saved: Map<string, Saved>, organisation: OrganisationIndex, issues: IssueList): RowInput[] {
  const out: RowInput[] = [];
  const fail = (row: number, column: string, reason: string) => issues.add({ sheet: EMPLOYEE_SHEET, row, column, reason });
  const unitByCode = new Map(organisation.units.map((unit) => [unit.code, unit]));
  const positionByKey = new Map(organisation.positions.map((position) => [`${position.unitCode}\u0000${position.code}`, position]));
  const firstRow = new Map<string, number>();

  for (const { row, cells } of rows) {
    if (issues.full) break;
    const before = issues.items.length + Number(issues.truncated);
    const name = textCell(cells[C.name.key] ?? null, { required: true, max: 120, label: 'Nama' });
    if (!name.ok) fail(row, C.name.header, name.reason);
    else if (name.value.length < 2) fail(row, C.name.header, 'Nama minimal 2 karakter.');

    const typeText = textCell(cells[C.type.key] ?? null, { required: true, max: 10, label: 'Jenis kepegawaian' });
    const type = typeText.ok ? TYPE_BY_LABEL.get(typeText.value.toLowerCase()) : undefined;
    if (!typeText.ok) fail(row, C.type.header, typeText.reason);
    else if (!type) fail(row, C.type.header, `Jenis kepegawaian "${typeText.value}" tidak dikenal; isi CPNS, PNS atau PPPK.`);

    const nip = nipText(cells[C.nip.key] ?? null);
    if (!nip) fail(row, C.nip.header, 'NIP wajib diisi (18 angka, ditulis sebagai teks).');
    else if (type) {
      const check = checkNip(nip, type);
      if (!check.ok) fail(row, C.nip.header, `${check.message}.`);
    }
    if (nip) {
      const first = firstRow.get(nip);
      if (first !== undefined) fail(row, C.nip.header, `NIP ${nip} sudah ada di baris ${first}; satu pegawai satu baris.`);
      else firstRow.set(nip, row);
    }

    const unitCode = codeCell(cells[C.unitCode.key] ?? null, 'unit');
    const unit = unitCode.ok ? unitByCode.get(unitCode.value) : undefined;
    if (!unitCode.ok) fail(row, C.unitCode.header, unitCode.reason);
    else if (!unit) fail(row, C.unitCode.header, `Unit kerja "${unitCode.value}" tidak ditemukan di data instansi.`);
    let positionId: string | null = null;
    if ((cells[C.positionCode.key] ?? null) !== null) {
      const positionCode = codeCell(cells[C.positionCode.key] ?? null, 'position');
      if (!positionCode.ok) fail(row, C.positionCode.header, positionCode.reason);
      else if (unit) {
        const position = positionByKey.get(`${unit.code}\u0000${positionCode.value}`);
        if (!position) fail(row, C.positionCode.header, `Jabatan "${positionCode.value}" tidak ditemukan di unit "${unit.code}".`);
        else positionId = position.id;
      }
    }

    const appointedAt = dateCell(cells[C.appointedAt.key] ?? null, { label: 'TMT pengangkatan', required: true });
    const probationEndsAt = dateCell(cells[C.probationEndsAt.key] ?? null, { label: 'Akhir masa percobaan', required: false });
    if (!appointedAt.ok) fail(row, C.appointedAt.header, appointedAt.reason);
    if (!probationEndsAt.ok) fail(row, C.probationEndsAt.header, probationEndsAt.reason);
    if (type && appointedAt.ok && appointedAt.value && probationEndsAt.ok) {
      const problem = checkEmploymentDates({ type, appointedAt: appointedAt.value, probationEndsAt: probationEndsAt.value });
      if (problem) fail(row, C.probationEndsAt.header, `${problem.message}.`);
    }

    const existing = nip ? saved.get(nip) : undefined;
    if (existing && type) {
      if (existing.status === 'calon' && type !== 'cpns') fail(row, C.type.header, 'Pegawai ini masih CPNS dalam masa percobaan; angkat menjadi PNS dari halaman pegawai, bukan lewat impor.');
      if (existing.status !== 'calon' && type === 'cpns') fail(row, C.type.header, 'Pegawai yang sudah diangkat atau berhenti tidak dapat diubah menjadi CPNS.');
    }
    if (existing?.endedAt && appointedAt.ok && appointedAt.value && appointedAt.value > existing.endedAt) {
      fail(row, C.appointedAt.header, `TMT pengangkatan tidak boleh setelah tanggal berhenti (${existing.endedAt}).`);
    }

    const supervisorNip = nipText(cells[C.supervisorNip.key] ?? null) || null;
    if (supervisorNip !== null) {
      if (!/^\d{18}$/.test(supervisorNip)) fail(row, C.supervisorNip.header, 'NIP atasan harus 18 angka.');
      else if (supervisorNip === nip) fail(row, C.supervisorNip.header, 'Pegawai tidak dapat menjadi atasan dirinya sendiri.');
    }

    if (issues.items.length + Number(issues.truncated) > before || !name.ok || !type || !unit || !appointedAt.ok || !appointedAt.value || !probationEndsAt.ok) continue;
    out.push({ row, nip, name: name.value, employmentType: type, unitId: unit.id, positionId, appointedAt: appointedAt.value, probationEndsAt: probationEndsAt.value, supervisorNip });
  }
  return out;
}

/** Supervisors must exist (in the file or saved, not ended) and the resulting links must not loop. */
function checkSupervisors(input: RowInput[], saved: Map<string, Saved>, savedNipById: Map<string, string>, issues: IssueList) {
  const inFile = new Map(input.map((row) => [row.nip, row]));
  const supervisorOf = (nip: string): string | null => {
    const row = inFile.get(nip);
    if (row) return row.supervisorNip;
    const existing = saved.get(nip);
    return existing?.supervisorEmployeeId ? (savedNipById.get(existing.supervisorEmployeeId) ?? null) : null;
  };
  for (const row of input) {
    if (issues.full || row.supervisorNip === null) continue;
    const column = C.supervisorNip.header;
    const supervisor = saved.get(row.supervisorNip);
    if (!inFile.has(row.supervisorNip) && !supervisor) {
      issues.add({ sheet: EMPLOYEE_SHEET, row: row.row, column, reason: `Atasan dengan NIP ${row.supervisorNip} tidak ada di berkas ini maupun di data instansi.` });
      continue;
    }
    if (supervisor?.status === 'ended') {
      issues.add({ sheet: EMPLOYEE_SHEET, row: row.row, column, reason: `Pegawai dengan NIP ${row.supervisorNip} sudah berhenti dan tidak dapat menjadi atasan.` });
      continue;
    }
    const seen = new Set<string>([row.nip]);
    let current: string | null = row.supervisorNip;
    while (current !== null && seen.size <= inFile.size + saved.size + 1) {
      if (seen.has(current)) {
        issues.add({ sheet: EMPLOYEE_SHEET, row: row.row, column, reason: `Hubungan atasan melingkar: NIP ${row.supervisorNip} (langsung atau tidak langsung) adalah bawahan pegawai ini.` });
        break;
      }
      seen.add(current);
      current = supervisorOf(current);
    }
  }
}

const chunks = <T>(items: T[], size = 500): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

export type ImportEmployeesOptions = { actorId: string; agencyId: string; file: Buffer };

export async function importEmployees(db: Db, options: ImportEmployeesOptions): Promise<EmployeeImportOutcome> {
  const read = await readSheets(options.file, EMPLOYEE_IMPORT_SPECS);
  if (!read.ok) return { ok: false, issues: read.issues, truncated: false };

  const savedRows = await db
    .select({ id: employees.id, nip: employees.nip, status: employees.status, appointedAt: employees.appointedAt, endedAt: employees.endedAt, supervisorEmployeeId: employees.supervisorEmployeeId })
    .from(employees)
    .where(and(eq(employees.agencyId, options.agencyId), isNotNull(employees.nip)));
  const saved = new Map(savedRows.map((row) => [row.nip!, { ...row, nip: row.nip! }]));
  const savedNipById = new Map(savedRows.map((row) => [row.id, row.nip!]));
  const issues = new IssueList();
  const input = validateRows(read.sheets.get(EMPLOYEE_SHEET) ?? [], saved, await organisationIndex(db, options.agencyId), issues);
  if (issues.empty) checkSupervisors(input, saved, savedNipById, issues);
  if (!issues.empty) return { ok: false, issues: issues.items, truncated: issues.truncated };
  if (input.length === 0) {
    return { ok: false, issues: [{ sheet: null, row: null, column: null, reason: 'Berkas tidak berisi data pegawai untuk diimpor (hanya judul kolom atau baris contoh).' }], truncated: false };
  }

  try {
    const result = await db.transaction(async (tx) => {
      const now = new Date();
      const ids = new Map(savedRows.map((row) => [row.nip!, row.id]));
      const result: EmployeeImportResult = { created: 0, updated: 0, supervisors: 0 };
      for (const batch of chunks(input)) {
        const written = await tx
          .insert(employees)
          .values(
            batch.map((row) => ({
              agencyId: options.agencyId,
              nip: row.nip,
              name: row.name,
              employmentType: row.employmentType,
              status: initialStatus(row.employmentType),
              unitId: row.unitId,
              positionId: row.positionId,
              appointedAt: row.appointedAt,
              probationEndsAt: row.employmentType === 'cpns' ? (row.probationEndsAt ?? defaultProbationEnd(row.appointedAt)) : null,
              source: 'import',
            })),
          )
          .onConflictDoUpdate({
            target: [employees.agencyId, employees.nip],
            targetWhere: sql`nip is not null`,
            // The status stays: probation ends through its own action, an ended employment stays ended.
            set: {
              name: sql`excluded.name`,
              employmentType: sql`excluded.employment_type`,
              unitId: sql`excluded.unit_id`,
              positionId: sql`excluded.position_id`,
              appointedAt: sql`excluded.appointed_at`,
              probationEndsAt: sql`case when ${employees.status} = 'calon' then excluded.probation_ends_at else ${employees.probationEndsAt} end`,
              updatedAt: now,
            },
          })
          .returning({ id: employees.id, nip: employees.nip });
        for (const row of written) {
          if (ids.has(row.nip!)) result.updated += 1;
          else result.created += 1;
          ids.set(row.nip!, row.id);
        }
      }

      const links = input.map((row) => ({ id: ids.get(row.nip)!, supervisorId: row.supervisorNip ? ids.get(row.supervisorNip)! : null }));
      for (const batch of chunks(links)) {
        const values = sql.join(
          batch.map((link) => sql`(${link.id}::uuid, ${link.supervisorId}::uuid)`),
          sql`, `,
        );
        await tx.execute(sql`update employees set supervisor_employee_id = v.supervisor_id from (values ${values}) as v(id, supervisor_id) where employees.id = v.id`);
      }
      result.supervisors = links.filter((link) => link.supervisorId !== null).length;

      const supervisorIds = [...new Set(links.map((link) => link.supervisorId).filter((id): id is string => id !== null))];
      for (const batch of chunks(supervisorIds)) {
        const accounts = await tx.select({ accountId: employees.accountId }).from(employees).where(and(inArray(employees.id, batch), isNotNull(employees.accountId)));
        for (const { accountId } of accounts) await grantAgencyRole(tx, { accountId: accountId!, agencyId: options.agencyId, role: 'atasan' });
      }

      await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'employee.import', targetType: 'agency', targetId: options.agencyId, after: result });
      return result;
    });
    return { ok: true, result };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Data pegawai berubah ketika berkas diimpor; tidak ada yang disimpan. Coba impor ulang.');
    throw error;
  }
}
