import { and, asc, count, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { closesSupervisorLoop, defaultProbationEnd, initialStatus, type EmployeeSource, type EmploymentType, type EndReason } from '../../../core/employees.js';
import type { EmployeeBody, EmployeeListQuery, EndEmploymentBody } from '../../../core/schemas/employees.js';
import type { Config } from '../../config.js';
import { containsPattern, selectRows, type Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { accounts } from '../accounts/accounts.table.js';
import { findAccountByEmail } from '../accounts/accounts.repo.js';
import { applicationsByIds } from '../applications/applications.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { getFormasi } from '../formasi/formasi.service.js';
import { notify } from '../notifications/notifications.service.js';
import { getPosition, getUnit, isUniqueViolation } from '../organisation/organisation.service.js';
import { positions, units } from '../organisation/organisation.table.js';
import { appointedCandidates } from '../results/results.service.js';
import { getSelection } from '../selections/selections.service.js';
import { grantAgencyRole, inviteStaff, isAgencyStaff } from '../staff/staff.service.js';
import { employees } from './employees.table.js';

type EmployeeRow = typeof employees.$inferSelect;

const supervisors = alias(employees, 'supervisors');

/** An employee with the names a page shows (unit, position, account email, supervisor). */
function employeeQuery(db: Db) {
  return db
    .select({
      employee: employees,
      unitName: units.name,
      positionName: positions.name,
      accountEmail: accounts.email,
      supervisorName: supervisors.name,
      supervisorNip: supervisors.nip,
    })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .leftJoin(positions, eq(positions.id, employees.positionId))
    .leftJoin(accounts, eq(accounts.id, employees.accountId))
    .leftJoin(supervisors, eq(supervisors.id, employees.supervisorEmployeeId))
    .$dynamic();
}

type EmployeeView = { employee: EmployeeRow; unitName: string | null; positionName: string | null; accountEmail: string | null; supervisorName: string | null; supervisorNip: string | null };

export function presentEmployee(row: EmployeeView) {
  const e = row.employee;
  return {
    id: e.id,
    agencyId: e.agencyId,
    accountId: e.accountId,
    accountEmail: row.accountEmail,
    nip: e.nip,
    name: e.name,
    employmentType: e.employmentType as EmploymentType,
    status: e.status as 'calon' | 'active' | 'ended',
    unitId: e.unitId,
    unitName: row.unitName,
    positionId: e.positionId,
    positionName: row.positionName,
    appointedAt: e.appointedAt,
    probationEndsAt: e.probationEndsAt,
    confirmedAt: e.confirmedAt,
    endedAt: e.endedAt,
    endReason: e.endReason as EndReason | null,
    supervisor: e.supervisorEmployeeId ? { id: e.supervisorEmployeeId, name: row.supervisorName ?? '', nip: row.supervisorNip } : null,
    source: e.source as EmployeeSource,
    selectionId: e.selectionId,
    applicationId: e.applicationId,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}
export type EmployeePresented = ReturnType<typeof presentEmployee>;

const auditView = (e: Pick<EmployeeRow, 'nip' | 'name' | 'employmentType' | 'status' | 'unitId' | 'positionId' | 'appointedAt' | 'probationEndsAt' | 'supervisorEmployeeId' | 'accountId'>) => ({
  nip: e.nip,
  name: e.name,
  employmentType: e.employmentType,
  status: e.status,
  unitId: e.unitId,
  positionId: e.positionId,
  appointedAt: e.appointedAt,
  probationEndsAt: e.probationEndsAt,
  supervisorEmployeeId: e.supervisorEmployeeId,
  accountId: e.accountId,
});

// ---- Reading ---------------------------------------------------------------------------------------

export type ListEmployeesOptions = { agencyId: string } & Partial<Omit<EmployeeListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

function listWhere(options: ListEmployeesOptions): SQL | undefined {
  return and(
    eq(employees.agencyId, options.agencyId),
    options.q ? or(ilike(employees.name, containsPattern(options.q)), ilike(employees.nip, containsPattern(options.q))) : undefined,
    options.unitId ? eq(employees.unitId, options.unitId) : undefined,
    options.status ? eq(employees.status, options.status) : undefined,
    options.employmentType ? eq(employees.employmentType, options.employmentType) : undefined,
    options.supervisorEmployeeId ? eq(employees.supervisorEmployeeId, options.supervisorEmployeeId) : undefined,
  );
}

/** One page of the agency's employees, by name, with filters. */
export async function listEmployees(db: Db, options: ListEmployeesOptions) {
  const where = listWhere(options);
  const [total] = await db.select({ n: count() }).from(employees).where(where);
  const rows = await employeeQuery(db)
    .where(where)
    .orderBy(asc(employees.name), asc(employees.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { items: rows.map(presentEmployee), total: total?.n ?? 0 };
}

/** Every matching employee (the export), by unit and name. */
export async function allEmployees(db: Db, options: Omit<ListEmployeesOptions, 'page' | 'pageSize'>) {
  const rows = await employeeQuery(db)
    .where(listWhere({ ...options, page: 1, pageSize: 1 }))
    .orderBy(asc(units.name), asc(employees.name), asc(employees.id));
  return rows.map(presentEmployee);
}

export type FindEmployeeOptions = { agencyId: string; employeeId: string };

/** One employee of the agency; 404 for another agency's. */
export async function findEmployee(db: Db, options: FindEmployeeOptions): Promise<EmployeePresented> {
  const [row] = await employeeQuery(db).where(and(eq(employees.agencyId, options.agencyId), eq(employees.id, options.employeeId)));
  if (!row) throw notFound('Pegawai');
  return presentEmployee(row);
}

/** The employee record of an account in an agency, or null (for the pegawai's own pages). */
export async function employeeOfAccount(db: Db, options: { agencyId: string; accountId: string }): Promise<EmployeePresented | null> {
  const [row] = await employeeQuery(db).where(and(eq(employees.agencyId, options.agencyId), eq(employees.accountId, options.accountId)));
  return row ? presentEmployee(row) : null;
}

/** Every employee record of an account, across agencies. */
export async function employeesOfAccount(db: Db, accountId: string): Promise<EmployeePresented[]> {
  const rows = await employeeQuery(db).where(eq(employees.accountId, accountId)).orderBy(asc(employees.appointedAt));
  return rows.map(presentEmployee);
}

/** Whether `supervisorEmployeeId` is the direct supervisor of `employeeId` and still employed. */
export async function isSupervisorOf(db: Db, options: { agencyId: string; supervisorEmployeeId: string; employeeId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: employees.id })
    .from(employees)
    .innerJoin(supervisors, eq(supervisors.id, employees.supervisorEmployeeId))
    .where(
      and(
        eq(employees.agencyId, options.agencyId),
        eq(employees.id, options.employeeId),
        eq(employees.supervisorEmployeeId, options.supervisorEmployeeId),
        ne(supervisors.status, 'ended'),
      ),
    );
  return Boolean(row);
}

/** The employees an account supervises directly in an agency (the atasan's "staf saya"). */
export async function staffOfAccount(db: Db, options: { agencyId: string; accountId: string; includeEnded?: boolean }) {
  const rows = await employeeQuery(db)
    .where(
      and(
        eq(employees.agencyId, options.agencyId),
        eq(supervisors.accountId, options.accountId),
        ne(supervisors.status, 'ended'),
        options.includeEnded ? undefined : ne(employees.status, 'ended'),
      ),
    )
    .orderBy(asc(employees.name), asc(employees.id));
  return rows.map(presentEmployee);
}

/** Who may see an employee besides the administrators: the employee and their supervisor. */
export async function relationOf(db: Db, options: { agencyId: string; employeeId: string; accountId: string }) {
  const [row] = await db
    .select({ accountId: employees.accountId, supervisorAccountId: supervisors.accountId, supervisorStatus: supervisors.status })
    .from(employees)
    .leftJoin(supervisors, eq(supervisors.id, employees.supervisorEmployeeId))
    .where(and(eq(employees.agencyId, options.agencyId), eq(employees.id, options.employeeId)));
  if (!row) return { self: false, supervisor: false };
  return { self: row.accountId === options.accountId, supervisor: row.supervisorAccountId === options.accountId && row.supervisorStatus !== 'ended' };
}

/** How an employee appointed from a selection was recruited. */
async function recruitmentOf(db: Db, employee: EmployeePresented) {
  if (!employee.applicationId || !employee.selectionId) return null;
  const [application] = await applicationsByIds(db, [employee.applicationId]);
  if (!application) return null;
  const selection = await getSelection(db, { agencyId: employee.agencyId, selectionId: application.selectionId });
  const formasi = await getFormasi(db, { agencyId: employee.agencyId, selectionId: application.selectionId, formasiId: application.formasiId }).catch(() => null);
  const appointed = (await appointedCandidates(db, { agencyId: employee.agencyId, selectionId: application.selectionId })).find((c) => c.applicationId === application.id);
  return {
    selectionId: selection.id,
    selectionName: selection.name,
    selectionType: selection.type,
    selectionYear: selection.year,
    applicationId: application.id,
    registrationNumber: application.registrationNumber,
    formasiId: appointed?.formasiId ?? application.formasiId,
    formasiName: appointed ? `${appointed.positionName} — ${appointed.unitName}` : formasi ? `${formasi.positionName} — ${formasi.unitName}` : 'Formasi tidak ditemukan',
    finalScore: appointed?.finalScore ?? null,
    rank: appointed?.rank ?? null,
  };
}

export type EmployeeDetailOptions = FindEmployeeOptions & { canManage: boolean };

/** The employee's page: their data, their direct staff and how they were recruited. */
export async function employeeDetail(db: Db, options: EmployeeDetailOptions) {
  const employee = await findEmployee(db, options);
  const staff = await db
    .select({ id: employees.id, name: employees.name, nip: employees.nip })
    .from(employees)
    .where(and(eq(employees.agencyId, options.agencyId), eq(employees.supervisorEmployeeId, employee.id), ne(employees.status, 'ended')))
    .orderBy(asc(employees.name));
  return { employee, staff, recruitment: await recruitmentOf(db, employee), can: { manage: options.canManage } };
}

// ---- Writing ---------------------------------------------------------------------------------------

async function lockEmployee(tx: Db, options: FindEmployeeOptions) {
  const [row] = await tx.select().from(employees).where(and(eq(employees.agencyId, options.agencyId), eq(employees.id, options.employeeId))).for('update');
  if (!row) throw notFound('Pegawai');
  return row;
}

const nipTaken = (nip: string) => new AppError('CONFLICT', `NIP ${nip} sudah dipakai pegawai lain di instansi ini.`, { nip: 'NIP sudah dipakai' });

/** The unit and position exist in the agency and the position belongs to the unit. */
async function checkPlacement(db: Db, options: { agencyId: string; unitId: string; positionId: string | null }) {
  const unit = await getUnit(db, { agencyId: options.agencyId, unitId: options.unitId }).catch(() => null);
  if (!unit) throw new AppError('VALIDATION_FAILED', 'Unit kerja tidak ditemukan di instansi ini.', { unitId: 'Unit kerja tidak ditemukan' });
  if (options.positionId) {
    const position = await getPosition(db, { agencyId: options.agencyId, positionId: options.positionId }).catch(() => null);
    if (!position) throw new AppError('VALIDATION_FAILED', 'Jabatan tidak ditemukan di instansi ini.', { positionId: 'Jabatan tidak ditemukan' });
    if (position.unitId !== options.unitId) throw new AppError('VALIDATION_FAILED', 'Jabatan ini bukan jabatan di unit kerja yang dipilih.', { positionId: 'Jabatan bukan di unit kerja ini' });
  }
}

const probationEnd = (data: Pick<EmployeeBody, 'employmentType' | 'appointedAt' | 'probationEndsAt'>) =>
  data.employmentType === 'cpns' ? (data.probationEndsAt ?? defaultProbationEnd(data.appointedAt)) : null;

export type CreateEmployeeOptions = { actorId: string; agencyId: string; data: EmployeeBody };

export async function createEmployee(db: Db, options: CreateEmployeeOptions) {
  await checkPlacement(db, { agencyId: options.agencyId, ...options.data });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(employees)
      .values({
        agencyId: options.agencyId,
        nip: options.data.nip,
        name: options.data.name,
        employmentType: options.data.employmentType,
        status: initialStatus(options.data.employmentType),
        unitId: options.data.unitId,
        positionId: options.data.positionId,
        appointedAt: options.data.appointedAt,
        probationEndsAt: probationEnd(options.data),
        source: 'manual',
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw nipTaken(options.data.nip ?? '');
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'employee.create', targetType: 'employee', targetId: row.id, after: auditView(row) });
    return row.id;
  });
  return findEmployee(db, { agencyId: options.agencyId, employeeId: id });
}

export type UpdateEmployeeOptions = CreateEmployeeOptions & { employeeId: string };

/** Corrects an employee's data; a CPNS stays in probation, a confirmed or ended employment keeps its status. */
export async function updateEmployee(db: Db, options: UpdateEmployeeOptions) {
  await checkPlacement(db, { agencyId: options.agencyId, ...options.data });
  try {
    await db.transaction(async (tx) => {
      const before = await lockEmployee(tx, options);
      if (before.status !== 'calon' && options.data.employmentType === 'cpns') {
        throw new AppError('VALIDATION_FAILED', 'Pegawai yang sudah diangkat atau berhenti tidak dapat diubah menjadi CPNS.', { employmentType: 'Tidak dapat diubah menjadi CPNS' });
      }
      if (before.status === 'calon' && options.data.employmentType !== 'cpns') {
        throw new AppError('VALIDATION_FAILED', 'CPNS menjadi PNS melalui tombol "Angkat menjadi PNS" setelah masa percobaan.', { employmentType: 'Gunakan pengangkatan PNS' });
      }
      if (before.endedAt && before.endedAt < options.data.appointedAt) {
        throw new AppError('VALIDATION_FAILED', 'TMT pengangkatan tidak boleh setelah tanggal berhenti.', { appointedAt: 'Setelah tanggal berhenti' });
      }
      const [after] = await tx
        .update(employees)
        .set({
          nip: options.data.nip,
          name: options.data.name,
          employmentType: options.data.employmentType,
          unitId: options.data.unitId,
          positionId: options.data.positionId,
          appointedAt: options.data.appointedAt,
          probationEndsAt: before.status === 'calon' ? probationEnd(options.data) : before.probationEndsAt,
          updatedAt: new Date(),
        })
        .where(eq(employees.id, before.id))
        .returning();
      await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'employee.update', targetType: 'employee', targetId: before.id, before: auditView(before), after: auditView(after!) });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nipTaken(options.data.nip ?? '');
    throw error;
  }
  return findEmployee(db, options);
}

export type ConfirmEmployeeOptions = FindEmployeeOptions & { actorId: string; confirmedAt: string };

/** A CPNS who completed probation is appointed PNS (status active). */
export async function confirmEmployee(db: Db, options: ConfirmEmployeeOptions) {
  await db.transaction(async (tx) => {
    const before = await lockEmployee(tx, options);
    if (before.status !== 'calon') throw new AppError('INVALID_STATE', 'Hanya CPNS dalam masa percobaan yang dapat diangkat menjadi PNS.');
    if (options.confirmedAt <= before.appointedAt) {
      throw new AppError('VALIDATION_FAILED', 'TMT PNS harus setelah TMT CPNS.', { confirmedAt: 'Harus setelah TMT CPNS' });
    }
    const [after] = await tx
      .update(employees)
      .set({ status: 'active', employmentType: 'pns', confirmedAt: options.confirmedAt, updatedAt: new Date() })
      .where(eq(employees.id, before.id))
      .returning();
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'employee.confirm',
      targetType: 'employee',
      targetId: before.id,
      before: auditView(before),
      after: { ...auditView(after!), confirmedAt: options.confirmedAt },
    });
  });
  return findEmployee(db, options);
}

export type EndEmploymentOptions = FindEmployeeOptions & { actorId: string; data: EndEmploymentBody };

/** Ends an employment with its date and reason; the record stays for retention figures. */
export async function endEmployment(db: Db, options: EndEmploymentOptions) {
  await db.transaction(async (tx) => {
    const before = await lockEmployee(tx, options);
    if (before.status === 'ended') throw new AppError('INVALID_STATE', 'Kepegawaian ini sudah berakhir.');
    if (options.data.endedAt < before.appointedAt) {
      throw new AppError('VALIDATION_FAILED', 'Tanggal berhenti tidak boleh sebelum TMT pengangkatan.', { endedAt: 'Sebelum TMT pengangkatan' });
    }
    if (options.data.endReason === 'tidak_lulus_percobaan' && before.status !== 'calon') {
      throw new AppError('VALIDATION_FAILED', 'Alasan ini hanya untuk CPNS dalam masa percobaan.', { endReason: 'Hanya untuk CPNS' });
    }
    await tx.update(employees).set({ status: 'ended', endedAt: options.data.endedAt, endReason: options.data.endReason, updatedAt: new Date() }).where(eq(employees.id, before.id));
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'employee.end',
      targetType: 'employee',
      targetId: before.id,
      before: { status: before.status },
      after: { status: 'ended', ...options.data },
    });
  });
  return findEmployee(db, options);
}

/** The chain of supervisors above an employee (their supervisor, theirs, …), at most 200 deep. */
async function chainAbove(tx: Db, employeeId: string): Promise<string[]> {
  const rows = await selectRows<{ id: string }>(
    tx,
    sql`
      with recursive chain(id, depth) as (
        select supervisor_employee_id, 1 from employees where id = ${employeeId}
        union all
        select e.supervisor_employee_id, chain.depth + 1 from chain join employees e on e.id = chain.id
        where chain.depth < 200
      )
      select id from chain where id is not null
    `,
  );
  return rows.map((row) => row.id);
}

export type SetSupervisorOptions = FindEmployeeOptions & { actorId: string; supervisorEmployeeId: string | null };

/** Links (or unlinks) an employee's supervisor: same agency, still employed, no loop; the supervisor's account gets the atasan role. */
export async function setSupervisor(db: Db, options: SetSupervisorOptions) {
  await db.transaction(async (tx) => {
    const before = await lockEmployee(tx, options);
    if (options.supervisorEmployeeId) {
      const [supervisor] = await tx.select().from(employees).where(and(eq(employees.agencyId, options.agencyId), eq(employees.id, options.supervisorEmployeeId)));
      if (!supervisor) throw new AppError('VALIDATION_FAILED', 'Atasan tidak ditemukan di instansi ini.', { supervisorEmployeeId: 'Atasan tidak ditemukan' });
      if (supervisor.status === 'ended') throw new AppError('VALIDATION_FAILED', 'Pegawai yang sudah berhenti tidak dapat menjadi atasan.', { supervisorEmployeeId: 'Sudah berhenti' });
      if (closesSupervisorLoop({ employeeId: before.id, supervisorId: supervisor.id, chainAbove: await chainAbove(tx, supervisor.id) })) {
        throw new AppError('VALIDATION_FAILED', 'Atasan ini (langsung atau tidak langsung) adalah bawahan pegawai tersebut; hubungan atasan tidak boleh melingkar.', {
          supervisorEmployeeId: 'Hubungan atasan melingkar',
        });
      }
      if (supervisor.accountId && (await grantAgencyRole(tx, { accountId: supervisor.accountId, agencyId: options.agencyId, role: 'atasan' }))) {
        await notify(tx, { accountId: supervisor.accountId, title: 'Peran Atasan', body: `Anda tercatat sebagai atasan ${before.name}.`, link: '/dasbor' });
      }
    }
    await tx.update(employees).set({ supervisorEmployeeId: options.supervisorEmployeeId, updatedAt: new Date() }).where(eq(employees.id, before.id));
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'employee.supervisor',
      targetType: 'employee',
      targetId: before.id,
      before: { supervisorEmployeeId: before.supervisorEmployeeId },
      after: { supervisorEmployeeId: options.supervisorEmployeeId },
    });
  });
  return findEmployee(db, options);
}

export type LinkAccountOptions = FindEmployeeOptions & { db: Db; config: Config; actorId: string; actorName: string; email: string };

/**
 * Gives an employee an account with the pegawai role: an existing account (an applicant's, a staff
 * member's) is linked; a new address gets an invitation to set a password. A supervisor's account
 * gets the atasan role too.
 */
export async function linkEmployeeAccount(options: LinkAccountOptions) {
  const email = options.email.trim().toLowerCase();
  try {
    await options.db.transaction(async (tx) => {
      const before = await lockEmployee(tx, options);
      if (before.accountId) throw new AppError('CONFLICT', 'Pegawai ini sudah memiliki akun.', { email: 'Sudah memiliki akun' });
      const existing = await findAccountByEmail(tx, email);
      let accountId: string;
      if (existing && (await isAgencyStaff(tx, { accountId: existing.id, agencyId: options.agencyId }))) {
        await grantAgencyRole(tx, { accountId: existing.id, agencyId: options.agencyId, role: 'pegawai' });
        await notify(tx, { accountId: existing.id, title: 'Data kepegawaian', body: `Akun Anda terhubung dengan data pegawai ${before.name}.`, link: '/pegawai' });
        accountId = existing.id;
      } else {
        const staff = await inviteStaff({ db: tx, config: options.config }, { actorId: options.actorId, actorName: options.actorName, agencyId: options.agencyId, email, name: before.name, roles: ['pegawai'] });
        accountId = staff.accountId;
      }
      const [supervises] = await tx.select({ n: count() }).from(employees).where(and(eq(employees.supervisorEmployeeId, before.id), ne(employees.status, 'ended')));
      if ((supervises?.n ?? 0) > 0) await grantAgencyRole(tx, { accountId, agencyId: options.agencyId, role: 'atasan' });
      await tx.update(employees).set({ accountId, updatedAt: new Date() }).where(eq(employees.id, before.id));
      await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'employee.account', targetType: 'employee', targetId: before.id, after: { accountId, email } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Akun ini sudah terhubung dengan pegawai lain di instansi ini.', { email: 'Sudah dipakai pegawai lain' });
    throw error;
  }
  return findEmployee(options.db, options);
}

// ---- For other modules -----------------------------------------------------------------------------

/** How many employees a selection round produced. */
export async function countEmployeesOfSelection(db: Db, options: { agencyId: string; selectionId: string }): Promise<number> {
  const [row] = await db.select({ n: count() }).from(employees).where(and(eq(employees.agencyId, options.agencyId), eq(employees.selectionId, options.selectionId)));
  return row?.n ?? 0;
}

/** Employees by id in one agency (missing ids are left out). */
export async function employeesByIds(db: Db, options: { agencyId: string; ids: string[] }): Promise<EmployeePresented[]> {
  if (options.ids.length === 0) return [];
  const rows = await employeeQuery(db).where(and(eq(employees.agencyId, options.agencyId), inArray(employees.id, options.ids)));
  return rows.map(presentEmployee);
}

// ---- For the dashboards -------------------------------------------------------------------------

export type CohortMember = { employeeId: string; selectionId: string; applicationId: string | null; unitId: string | null; unitName: string | null; appointedAt: string; endedAt: string | null };

/** The employees appointed from the given rounds (their cohorts), with unit and employment dates. */
export async function cohortsOfSelections(db: Db, { agencyId, selectionIds }: { agencyId?: string | undefined; selectionIds: string[] }): Promise<CohortMember[]> {
  if (selectionIds.length === 0) return [];
  const rows = await db
    .select({ employeeId: employees.id, selectionId: employees.selectionId, applicationId: employees.applicationId, unitId: employees.unitId, unitName: units.name, appointedAt: employees.appointedAt, endedAt: employees.endedAt })
    .from(employees)
    .leftJoin(units, eq(units.id, employees.unitId))
    .where(and(agencyId ? eq(employees.agencyId, agencyId) : undefined, inArray(employees.selectionId, selectionIds)))
    .orderBy(asc(employees.appointedAt), asc(employees.id));
  return rows.map((r) => ({ ...r, selectionId: r.selectionId! }));
}
