import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAccount, createAgencyRow, createTestApp, lastEmail, loginCookie, request, type TestContext } from '../../test-support/app.js';
import { accountRoles } from '../accounts/accounts.table.js';
import { auditLog } from '../audit/audit.table.js';
import { createPositionRow, createUnitRow, multipartFile } from '../organisation/organisation.fixtures.js';
import { formasi } from '../formasi/formasi.table.js';
import { quickRound } from '../results/results.fixtures.js';
import { createEmployeeRow, employeeWorkbook, nextNip } from './employees.fixtures.js';
import { employeeOfAccount, isSupervisorOf } from './employees.service.js';
import { employees } from './employees.table.js';

let ctx: TestContext;
let agencyId: string;
let otherAgencyId: string;
let admin: string;
let unit: { id: string; code: string };
let position: { id: string; code: string };

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Kota Pegawai')).id;
  otherAgencyId = (await createAgencyRow(ctx, 'Kota Lain')).id;
  admin = (await accountWithSession(ctx, { roles: [{ role: 'admin_instansi', agencyId }] })).cookie;
  unit = await createUnitRow(db(), agencyId, { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' });
  position = await createPositionRow(db(), agencyId, { unitId: unit.id, code: 'PRANKOM', name: 'Pranata Komputer Ahli Pertama' });
}, 180_000);
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const api = (cookie: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
  request(ctx, cookie, { method, url: `/api/agencies/${agencyId}${path}`, ...(payload ? { payload } : {}) });
const auditsOf = (action: string, targetId: string) => db().select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId))).orderBy(auditLog.chain, auditLog.seq);
const rolesOf = async (accountId: string) =>
  (await db().select({ role: accountRoles.role }).from(accountRoles).where(and(eq(accountRoles.accountId, accountId), eq(accountRoles.agencyId, agencyId)))).map((r) => r.role).sort();
const body = (overrides: Record<string, unknown> = {}) => ({
  name: 'Rina Marlina, S.Kom.',
  nip: nextNip(),
  employmentType: 'pns',
  unitId: unit.id,
  positionId: position.id,
  appointedAt: '2020-12-01',
  ...overrides,
});

describe('employees', () => {
  it('creates an employee, lists and searches them, shows and corrects them, each change audited — 201/200', async () => {
    const created = await api(admin, 'POST', '/employees', body({ name: 'Budi Santoso', nip: '199001012015011999' }));
    expect(created.statusCode).toBe(201);
    const employee = created.json().employee;
    expect(employee).toMatchObject({ name: 'Budi Santoso', status: 'active', employmentType: 'pns', unitName: unit.code === 'DISKOMINFO' ? 'Dinas Komunikasi dan Informatika' : '', positionName: 'Pranata Komputer Ahli Pertama', source: 'manual' });
    expect(await auditsOf('employee.create', employee.id)).toHaveLength(1);

    const found = await api(admin, 'GET', '/employees?q=santoso');
    expect(found.json()).toMatchObject({ total: 1, items: [{ id: employee.id }] });
    expect((await api(admin, 'GET', '/employees?q=2015011999')).json().total).toBe(1);
    expect((await api(admin, 'GET', `/employees?unitId=${unit.id}&status=active&employmentType=pns`)).json().items.map((e: { id: string }) => e.id)).toContain(employee.id);

    const page = await api(admin, 'GET', `/employees/${employee.id}`);
    expect(page.json()).toMatchObject({ employee: { id: employee.id }, staff: [], recruitment: null, can: { manage: true } });

    const moved = await api(admin, 'PUT', `/employees/${employee.id}`, body({ name: 'Budi Santoso, S.T.', nip: '199001012015011999', positionId: null }));
    expect(moved.statusCode).toBe(200);
    expect(moved.json().employee).toMatchObject({ name: 'Budi Santoso, S.T.', positionId: null });
    expect((await auditsOf('employee.update', employee.id))[0]?.summary).toMatchObject({ before: { name: 'Budi Santoso' }, after: { name: 'Budi Santoso, S.T.' } });
  });

  it('starts a CPNS in probation for a year unless told otherwise, and appoints them PNS afterwards — 200', async () => {
    const cpns = (await api(admin, 'POST', '/employees', body({ employmentType: 'cpns', appointedAt: '2025-03-01' }))).json().employee;
    expect(cpns).toMatchObject({ status: 'calon', probationEndsAt: '2026-02-28' });
    const early = await api(admin, 'POST', `/employees/${cpns.id}/confirm`, { confirmedAt: '2025-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toHaveProperty('confirmedAt');
    const confirmed = await api(admin, 'POST', `/employees/${cpns.id}/confirm`, { confirmedAt: '2026-03-01' });
    expect(confirmed.json().employee).toMatchObject({ status: 'active', employmentType: 'pns', confirmedAt: '2026-03-01' });
    expect((await api(admin, 'POST', `/employees/${cpns.id}/confirm`, { confirmedAt: '2026-03-02' })).statusCode).toBe(409);
    expect(await auditsOf('employee.confirm', cpns.id)).toHaveLength(1);

    const changed = await api(admin, 'PUT', `/employees/${cpns.id}`, body({ employmentType: 'cpns', nip: cpns.nip }));
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error.fields).toHaveProperty('employmentType');
  });

  it('ends an employment with date and reason, once — 200 then 409', async () => {
    const employee = await createEmployeeRow(db(), agencyId, { unitId: unit.id, appointedAt: '2010-01-01' });
    const before = await api(admin, 'POST', `/employees/${employee.id}/end`, { endedAt: '2009-12-31', endReason: 'pensiun' });
    expect(before.statusCode).toBe(400);
    const wrongReason = await api(admin, 'POST', `/employees/${employee.id}/end`, { endedAt: '2025-01-31', endReason: 'tidak_lulus_percobaan' });
    expect(wrongReason.json().error.fields).toHaveProperty('endReason');
    const ended = await api(admin, 'POST', `/employees/${employee.id}/end`, { endedAt: '2025-01-31', endReason: 'pensiun' });
    expect(ended.json().employee).toMatchObject({ status: 'ended', endedAt: '2025-01-31', endReason: 'pensiun' });
    expect((await api(admin, 'POST', `/employees/${employee.id}/end`, { endedAt: '2025-02-28', endReason: 'pensiun' })).statusCode).toBe(409);
    expect((await api(admin, 'POST', `/employees/${employee.id}/end`, { endedAt: '2025-02-28', endReason: 'dipecat' })).statusCode).toBe(400);
  });

  it('refuses bad input naming the field — 400, nothing created', async () => {
    const count = async () => (await db().select().from(employees).where(eq(employees.agencyId, agencyId))).length;
    const before = await count();
    const foreignUnit = await createUnitRow(db(), otherAgencyId);
    const otherUnit = await createUnitRow(db(), agencyId);
    for (const [payload, field] of [
      [body({ nip: '12345' }), 'nip'],
      [body({ nip: '199013012015011001' }), 'nip'],
      [body({ nip: 19900101 }), 'nip'],
      [body({ name: 'A' }), 'name'],
      [body({ name: 'N'.repeat(121) }), 'name'],
      [body({ employmentType: 'honorer' }), 'employmentType'],
      [body({ unitId: 'bukan-uuid' }), 'unitId'],
      [body({ unitId: foreignUnit.id }), 'unitId'],
      [body({ unitId: otherUnit.id }), 'positionId'],
      [body({ appointedAt: '2025-02-30' }), 'appointedAt'],
      [body({ appointedAt: '01-03-2025' }), 'appointedAt'],
      [body({ employmentType: 'cpns', appointedAt: '2025-03-01', probationEndsAt: '2027-03-02' }), 'probationEndsAt'],
      [body({ employmentType: 'pns', probationEndsAt: '2021-12-01' }), 'probationEndsAt'],
      [{ name: 'Tanpa Unit', employmentType: 'pns', appointedAt: '2020-01-01' }, 'unitId'],
    ] as const) {
      const response = await api(admin, 'POST', '/employees', payload);
      expect({ payload, status: response.statusCode }).toEqual({ payload, status: 400 });
      expect(response.json().error.fields).toHaveProperty(field);
    }
    expect(await count()).toBe(before);
  });

  it('refuses a NIP already used in the agency — 409, and allows it in another agency', async () => {
    const nip = nextNip();
    expect((await api(admin, 'POST', '/employees', body({ nip }))).statusCode).toBe(201);
    const again = await api(admin, 'POST', '/employees', body({ nip }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toHaveProperty('nip');
    await createEmployeeRow(db(), otherAgencyId, { nip });
  });

  it("does not show or change another agency's employee through this agency's path — 404, nothing changed", async () => {
    const foreign = await createEmployeeRow(db(), otherAgencyId, { name: 'Pegawai Lain' });
    expect((await api(admin, 'GET', `/employees/${foreign.id}`)).statusCode).toBe(404);
    expect((await api(admin, 'PUT', `/employees/${foreign.id}`, body())).statusCode).toBe(404);
    expect((await api(admin, 'POST', `/employees/${foreign.id}/end`, { endedAt: '2025-01-01', endReason: 'pensiun' })).statusCode).toBe(404);
    const [row] = await db().select().from(employees).where(eq(employees.id, foreign.id));
    expect(row).toMatchObject({ name: 'Pegawai Lain', status: 'active' });
    expect((await api(admin, 'GET', '/employees?pageSize=100')).json().items.map((e: { id: string }) => e.id)).not.toContain(foreign.id);
  });
});

describe('supervisors', () => {
  it('links a supervisor, grants their account the atasan role, and lets them see their staff — 200', async () => {
    const bossAccount = await createAccount(ctx, { name: 'Kepala Bidang', roles: [{ role: 'pegawai', agencyId }] });
    const boss = await createEmployeeRow(db(), agencyId, { unitId: unit.id, name: 'Kepala Bidang', accountId: bossAccount.id });
    const staffAccount = await createAccount(ctx, { roles: [{ role: 'pegawai', agencyId }] });
    const staff = await createEmployeeRow(db(), agencyId, { unitId: unit.id, name: 'Staf Bidang', accountId: staffAccount.id });

    const linked = await api(admin, 'PUT', `/employees/${staff.id}/supervisor`, { supervisorEmployeeId: boss.id });
    expect(linked.json().employee.supervisor).toMatchObject({ id: boss.id, name: 'Kepala Bidang' });
    expect(await rolesOf(bossAccount.id)).toEqual(['atasan', 'pegawai']);
    expect(await isSupervisorOf(db(), { agencyId, supervisorEmployeeId: boss.id, employeeId: staff.id })).toBe(true);
    expect(await isSupervisorOf(db(), { agencyId, supervisorEmployeeId: staff.id, employeeId: boss.id })).toBe(false);
    expect(await isSupervisorOf(db(), { agencyId: otherAgencyId, supervisorEmployeeId: boss.id, employeeId: staff.id })).toBe(false);
    expect((await employeeOfAccount(db(), { agencyId, accountId: staffAccount.id }))?.id).toBe(staff.id);
    expect(await employeeOfAccount(db(), { agencyId: otherAgencyId, accountId: staffAccount.id })).toBeNull();

    const bossCookie = await loginCookie(ctx, bossAccount.email);
    const mine = await request(ctx, bossCookie, { method: 'GET', url: `/api/agencies/${agencyId}/my-staff` });
    expect(mine.json().items.map((e: { id: string }) => e.id)).toEqual([staff.id]);
    expect((await api(bossCookie, 'GET', `/employees/${staff.id}`)).json()).toMatchObject({ employee: { id: staff.id }, can: { manage: false } });
    expect((await api(bossCookie, 'GET', `/employees/${boss.id}`)).json().staff).toEqual([{ id: staff.id, name: 'Staf Bidang', nip: staff.nip }]);

    const staffCookie = await loginCookie(ctx, staffAccount.email);
    expect((await api(staffCookie, 'GET', `/employees/${staff.id}`)).statusCode).toBe(200);
    expect((await api(staffCookie, 'GET', `/employees/${boss.id}`)).statusCode).toBe(403);
    expect((await request(ctx, staffCookie, { method: 'GET', url: '/api/me/employee' })).json().items).toMatchObject([{ id: staff.id, agencyId }]);

    const unlinked = await api(admin, 'PUT', `/employees/${staff.id}/supervisor`, { supervisorEmployeeId: null });
    expect(unlinked.json().employee.supervisor).toBeNull();
    expect((await api(bossCookie, 'GET', `/employees/${staff.id}`)).statusCode).toBe(403);
    expect(await auditsOf('employee.supervisor', staff.id)).toHaveLength(2);
  });

  it('refuses a loop, oneself, an ended supervisor and another agency’s employee — 400, nothing changed', async () => {
    const a = await createEmployeeRow(db(), agencyId, { unitId: unit.id, name: 'A' });
    const b = await createEmployeeRow(db(), agencyId, { unitId: unit.id, name: 'B', supervisorEmployeeId: a.id });
    const c = await createEmployeeRow(db(), agencyId, { unitId: unit.id, name: 'C', supervisorEmployeeId: b.id });
    const ended = await createEmployeeRow(db(), agencyId, { unitId: unit.id, status: 'ended', endedAt: '2024-01-01', endReason: 'pensiun' });
    const foreign = await createEmployeeRow(db(), otherAgencyId);
    for (const [target, supervisor, reason] of [
      [a.id, c.id, 'melingkar'],
      [a.id, b.id, 'melingkar'],
      [a.id, a.id, 'melingkar'],
      [a.id, ended.id, 'berhenti'],
      [a.id, foreign.id, 'tidak ditemukan'],
    ] as const) {
      const response = await api(admin, 'PUT', `/employees/${target}/supervisor`, { supervisorEmployeeId: supervisor });
      expect({ supervisor, status: response.statusCode }).toEqual({ supervisor, status: 400 });
      expect(response.json().error.message).toContain(reason);
    }
    const [row] = await db().select().from(employees).where(eq(employees.id, a.id));
    expect(row!.supervisorEmployeeId).toBeNull();
    expect((await api(admin, 'PUT', `/employees/${c.id}/supervisor`, { supervisorEmployeeId: a.id })).statusCode).toBe(200);
  });
});

describe('employee accounts', () => {
  it('invites a new address with the pegawai role and links the account — 200, then refuses a second link — 409', async () => {
    const employee = await createEmployeeRow(db(), agencyId, { unitId: unit.id, name: 'Dewi Lestari' });
    const linked = await api(admin, 'POST', `/employees/${employee.id}/account`, { email: 'Dewi.Lestari@Uji.Test' });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().employee.accountEmail).toBe('dewi.lestari@uji.test');
    const { message, token } = await lastEmail(ctx, 'dewi.lestari@uji.test');
    expect(message.subject).toContain('Undangan');
    expect(token).toBeTruthy();
    expect(await rolesOf(linked.json().employee.accountId)).toEqual(['pegawai']);
    expect((await api(admin, 'POST', `/employees/${employee.id}/account`, { email: 'lain@uji.test' })).statusCode).toBe(409);
  });

  it('links an existing account (an applicant appointed elsewhere, or staff) and gives a supervisor the atasan role too', async () => {
    const applicant = await createAccount(ctx, { roles: [{ role: 'pelamar', agencyId: null }] });
    const boss = await createEmployeeRow(db(), agencyId, { unitId: unit.id });
    await createEmployeeRow(db(), agencyId, { unitId: unit.id, supervisorEmployeeId: boss.id });
    expect((await api(admin, 'POST', `/employees/${boss.id}/account`, { email: applicant.email })).statusCode).toBe(200);
    expect(await rolesOf(applicant.id)).toEqual(['atasan', 'pegawai']);

    const staffMember = await createAccount(ctx, { roles: [{ role: 'verifikator', agencyId }] });
    const other = await createEmployeeRow(db(), agencyId, { unitId: unit.id });
    expect((await api(admin, 'POST', `/employees/${other.id}/account`, { email: staffMember.email })).statusCode).toBe(200);
    expect(await rolesOf(staffMember.id)).toEqual(['pegawai', 'verifikator']);

    const third = await createEmployeeRow(db(), agencyId, { unitId: unit.id });
    const taken = await api(admin, 'POST', `/employees/${third.id}/account`, { email: staffMember.email });
    expect(taken.statusCode).toBe(409);
    const [row] = await db().select().from(employees).where(eq(employees.id, third.id));
    expect(row!.accountId).toBeNull();
    expect((await api(admin, 'POST', `/employees/${third.id}/account`, { email: 'bukan email' })).json().error.fields).toHaveProperty('email');
  });
});

describe('employees spreadsheet', () => {
  const upload = async (buffer: Buffer) => request(ctx, admin, { method: 'POST', url: `/api/agencies/${agencyId}/employees/import`, ...(await multipartFile(buffer)) });

  it('downloads a template whose example row is skipped, and imports new employees with supervisors in the file — 200', async () => {
    const template = await api(admin, 'GET', '/employees/template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Pegawai')!;
    sheet.addRow([1, '198001012005011001', 'Kepala Dinas', 'PNS', 'DISKOMINFO', '', '2005-01-01', '', '']);
    sheet.addRow([2, '199503142020121002', 'Staf Satu', 'pns', 'DISKOMINFO', 'PRANKOM', '01-12-2020', '', '198001012005011001']);
    sheet.addRow([3, '199803142025031001', 'Calon Pegawai', 'CPNS', 'DISKOMINFO', 'PRANKOM', new Date(Date.UTC(2025, 2, 1)), '', '199503142020121002']);
    sheet.addRow([4, '198705122023212004', 'Pegawai PPPK', 'PPPK', 'DISKOMINFO', '', '2023-02-01', '', '198001012005011001']);
    const imported = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(imported.statusCode).toBe(200);
    expect(imported.json().result).toEqual({ created: 4, updated: 0, supervisors: 3 });
    const rows = await db().select().from(employees).where(and(eq(employees.agencyId, agencyId), eq(employees.source, 'import')));
    const byNip = new Map(rows.map((row) => [row.nip, row]));
    expect(byNip.get('199803142025031001')).toMatchObject({ status: 'calon', appointedAt: '2025-03-01', probationEndsAt: '2026-02-28', supervisorEmployeeId: byNip.get('199503142020121002')!.id });
    expect(byNip.get('199503142020121002')).toMatchObject({ positionId: position.id, appointedAt: '2020-12-01', supervisorEmployeeId: byNip.get('198001012005011001')!.id });

    // The export is the import's format: corrected and imported again, it updates by NIP.
    const exported = await api(admin, 'GET', '/employees/export.xlsx?q=Staf Satu');
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const exportedSheet = again.getWorksheet('Pegawai')!;
    expect(exportedSheet.getRow(2).getCell(2).value).toBe('199503142020121002');
    exportedSheet.getRow(2).getCell(3).value = 'Staf Satu, S.Kom.';
    const reimported = await upload(Buffer.from(await again.xlsx.writeBuffer()));
    expect(reimported.json().result).toEqual({ created: 0, updated: 1, supervisors: 1 });
    const [updated] = await db().select().from(employees).where(and(eq(employees.agencyId, agencyId), eq(employees.nip, '199503142020121002')));
    expect(updated!.name).toBe('Staf Satu, S.Kom.');
    expect(await auditsOf('employee.import', agencyId)).toHaveLength(2);
  });

  it('refuses the whole file when one row is wrong, listing row, column and reason — 400, nothing saved', async () => {
    const before = (await db().select().from(employees).where(eq(employees.agencyId, agencyId))).length;
    const good = nextNip();
    const response = await upload(
      await employeeWorkbook([
        [1, good, 'Pegawai Baik', 'PNS', 'DISKOMINFO', '', '2015-01-01', '', ''],
        [2, '12345', 'NIP Pendek', 'PNS', 'DISKOMINFO', '', '2015-01-01', '', ''],
        [3, nextNip(), 'Unit Salah', 'PNS', 'TIDAKADA', '', '2015-01-01', '', ''],
        [4, nextNip(), 'Jabatan Salah', 'PNS', 'DISKOMINFO', 'TIDAKADA', '2015-01-01', '', ''],
        [5, nextNip(), 'Jenis Salah', 'Honorer', 'DISKOMINFO', '', '2015-01-01', '', ''],
        [6, nextNip(), 'Tanggal Salah', 'PNS', 'DISKOMINFO', '', '31-02-2015', '', ''],
        [7, good, 'NIP Ganda', 'PNS', 'DISKOMINFO', '', '2015-01-01', '', ''],
        [8, nextNip(), 'Atasan Tak Ada', 'PNS', 'DISKOMINFO', '', '2015-01-01', '', '199901012020011001'],
        [9, nextNip(), 'Percobaan PNS', 'PNS', 'DISKOMINFO', '', '2015-01-01', '2016-01-01', ''],
      ]),
    );
    expect(response.statusCode).toBe(400);
    const issues = response.json().error.issues as Array<{ row: number; column: string; reason: string }>;
    expect(issues.map((issue) => [issue.row, issue.column])).toEqual([
      [3, 'NIP'],
      [4, 'Kode Unit'],
      [5, 'Kode Jabatan'],
      [6, 'Jenis Kepegawaian'],
      [7, 'TMT Pengangkatan'],
      [8, 'NIP'],
      [10, 'Akhir Masa Percobaan'],
    ]);
    expect((await db().select().from(employees).where(eq(employees.agencyId, agencyId))).length).toBe(before);
  });

  it('refuses supervisor links that are missing or loop across the file and the saved data — 400', async () => {
    const x = nextNip();
    const y = nextNip();
    const loop = await upload(
      await employeeWorkbook([
        [1, x, 'Pegawai X', 'PNS', 'DISKOMINFO', '', '2015-01-01', '', y],
        [2, y, 'Pegawai Y', 'PNS', 'DISKOMINFO', '', '2015-01-01', '', x],
      ]),
    );
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.issues[0].reason).toContain('melingkar');
    const ended = await createEmployeeRow(db(), agencyId, { unitId: unit.id, status: 'ended', endedAt: '2024-01-01', endReason: 'pensiun' });
    const toEnded = await upload(await employeeWorkbook([[1, nextNip(), 'Pegawai Z', 'PNS', 'DISKOMINFO', '', '2015-01-01', '', ended.nip]]));
    expect(toEnded.json().error.issues[0].reason).toContain('sudah berhenti');
    expect((await db().select().from(employees).where(eq(employees.nip, x))).length).toBe(0);
  });

  it('refuses a file that is not a workbook, has no data or lacks a column — 400', async () => {
    const junk = await request(ctx, admin, { method: 'POST', url: `/api/agencies/${agencyId}/employees/import`, ...(await multipartFile(Buffer.from('bukan xlsx'))) });
    expect(junk.statusCode).toBe(400);
    const empty = await upload(await employeeWorkbook([]));
    expect(empty.json().error.message).toContain('tidak berisi data');
    const missing = await upload(await employeeWorkbook([[1, nextNip(), 'Tanpa TMT']], ['No', 'NIP', 'Nama']));
    expect(missing.json().error.issues.map((issue: { column: string }) => issue.column)).toContain('TMT Pengangkatan');
  });
});

describe('appointment from a selection', () => {
  it('appoints the final list once, CPNS in probation in their placement unit, with their recruitment on their page', async () => {
    const unplacedRound = await quickRound(ctx, agencyId, { publish: 'post' });
    const path = `/selections/${unplacedRound.selection.id}/appointments`;
    const listed = await api(admin, 'GET', path);
    expect(listed.json().items).toMatchObject([{ applicationId: unplacedRound.application.id, unitId: null, employeeId: null, rank: 1 }]);
    const unplaced = await api(admin, 'POST', path, { appointedAt: '2026-03-01' });
    expect(unplaced.statusCode).toBe(400);
    expect(unplaced.json().error.fields).toHaveProperty('placements');
    const foreignUnit = await createUnitRow(db(), otherAgencyId);
    expect((await api(admin, 'POST', path, { appointedAt: '2026-03-01', placements: [{ applicationId: unplacedRound.application.id, unitId: foreignUnit.id }] })).statusCode).toBe(400);
    expect((await api(admin, 'POST', path, { appointedAt: '2026-03-01', applicationIds: [unit.id] })).json().error.fields).toHaveProperty('applicationIds');
    expect(await db().select().from(employees).where(eq(employees.selectionId, unplacedRound.selection.id))).toEqual([]);

    const appointed = await api(admin, 'POST', path, { appointedAt: '2026-03-01', placements: [{ applicationId: unplacedRound.application.id, unitId: unit.id, positionId: position.id }] });
    expect(appointed.statusCode).toBe(200);
    expect(appointed.json()).toMatchObject({ created: 1, already: 0, moved: 0 });
    const employee = appointed.json().employees[0];
    expect(employee).toMatchObject({ status: 'calon', employmentType: 'cpns', unitId: unit.id, positionId: position.id, source: 'selection', probationEndsAt: '2027-02-28', accountId: unplacedRound.application.accountId, nip: null });
    expect(await rolesOf(unplacedRound.application.accountId)).toEqual(['pegawai']);
    expect(await auditsOf('employee.appoint', employee.id)).toHaveLength(1);

    const again = await api(admin, 'POST', path, { appointedAt: '2026-04-01' });
    expect(again.json()).toMatchObject({ created: 0, already: 1 });
    expect((await db().select().from(employees).where(eq(employees.selectionId, unplacedRound.selection.id))).length).toBe(1);
    expect((await api(admin, 'GET', path)).json().items[0].employeeId).toBe(employee.id);

    const page = (await api(admin, 'GET', `/employees/${employee.id}`)).json();
    expect(page.recruitment).toMatchObject({ selectionId: unplacedRound.selection.id, applicationId: unplacedRound.application.id, rank: 1, registrationNumber: unplacedRound.application.registrationNumber });
    expect(page.recruitment.finalScore).toBeGreaterThan(0);
  });

  it('places candidates of a formasi linked to a unit without asking, and refuses a round whose final list is not out — 409', async () => {
    const round = await quickRound(ctx, agencyId, { publish: 'post' });
    await db().update(formasi).set({ unitId: unit.id }).where(eq(formasi.id, round.formasi.id));
    const done = await api(admin, 'POST', `/selections/${round.selection.id}/appointments`, { appointedAt: '2026-03-01' });
    expect(done.json().employees[0]).toMatchObject({ unitId: unit.id, positionId: null });
    const early = await quickRound(ctx, agencyId, { publish: 'akhir' });
    expect((await api(admin, 'POST', `/selections/${early.selection.id}/appointments`, { appointedAt: '2026-03-01' })).statusCode).toBe(409);
    const foreign = await quickRound(ctx, otherAgencyId, { publish: 'post' });
    expect((await api(admin, 'POST', `/selections/${foreign.selection.id}/appointments`, { appointedAt: '2026-03-01' })).statusCode).toBe(404);
    expect((await api(admin, 'POST', `/selections/${round.selection.id}/appointments`, { appointedAt: '2026-13-01' })).json().error.fields).toHaveProperty('appointedAt');
  });
});
