// Test factories for employees and their spreadsheets.
import type { Db } from '../../db/client.js';
import { createUnitRow, workbookBuffer } from '../organisation/organisation.fixtures.js';
import { employees } from './employees.table.js';

let counter = 0;

/** A valid NIP, different on each call (birth 1990-01-01, TMT 2015-01, man, serial from the counter). */
export function nextNip(): string {
  counter += 1;
  const serial = String((counter % 999) + 1).padStart(3, '0');
  const day = String((Math.floor(counter / 999) % 28) + 1).padStart(2, '0');
  return `199001${day}2015011${serial}`;
}

export type EmployeeSpec = Partial<Omit<typeof employees.$inferInsert, 'agencyId'>>;

/** An active PNS in a new unit unless given otherwise. */
export async function createEmployeeRow(db: Db, agencyId: string, spec: EmployeeSpec = {}) {
  const unitId = spec.unitId ?? (await createUnitRow(db, agencyId)).id;
  const [row] = await db
    .insert(employees)
    .values({ name: 'Pegawai Uji', nip: nextNip(), employmentType: 'pns', status: 'active', appointedAt: '2015-01-01', source: 'manual', ...spec, unitId, agencyId })
    .returning();
  return row!;
}

export const EMPLOYEE_HEADERS = ['No', 'NIP', 'Nama', 'Jenis Kepegawaian', 'Kode Unit', 'Kode Jabatan', 'TMT Pengangkatan', 'Akhir Masa Percobaan', 'NIP Atasan'];

/** An employees workbook from data rows (headers added). */
export const employeeWorkbook = (rows: unknown[][], headers: unknown[] = EMPLOYEE_HEADERS) => workbookBuffer({ Pegawai: [headers, ...rows] });
