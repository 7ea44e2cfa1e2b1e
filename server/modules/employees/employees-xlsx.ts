// The employees spreadsheet: the same columns in the template, the import and the export (which adds
// read-only columns the import ignores), so an exported file can be corrected and imported again.
import type ExcelJS from 'exceljs';
import { EMPLOYEE_SOURCE_LABELS, EMPLOYEE_STATUS_LABELS, EMPLOYMENT_TYPE_LABELS, END_REASON_LABELS } from '../../../core/employees.js';
import { XLSX_LIMITS, addTableSheet, newWorkbook, specOf, writeColumns, type SheetSpec } from '../../xlsx.js';
import type { EmployeePresented } from './employees.service.js';

export const EMPLOYEE_SHEET = 'Pegawai';

export const EMPLOYEE_COLUMNS = {
  nip: { key: 'nip', header: 'NIP', required: true, note: 'NIP (CPNS/PNS) atau NI PPPK, 18 angka. Tulis sebagai teks agar angka nol di depan dan digit terakhir tidak hilang. NIP yang sudah tersimpan: datanya diperbarui.' },
  name: { key: 'name', header: 'Nama', required: true, note: 'Nama lengkap dengan gelar, 2–120 karakter.' },
  type: { key: 'employmentType', header: 'Jenis Kepegawaian', required: true, note: 'CPNS, PNS atau PPPK. CPNS berstatus masa percobaan.' },
  unitCode: { key: 'unitCode', header: 'Kode Unit', required: true, note: 'Kode unit kerja yang sudah tersimpan di aplikasi (menu Unit kerja / ABK).' },
  positionCode: { key: 'positionCode', header: 'Kode Jabatan', required: false, note: 'Kode jabatan di unit kerja tersebut (boleh kosong).' },
  appointedAt: { key: 'appointedAt', header: 'TMT Pengangkatan', required: true, note: 'Tanggal mulai berlaku pengangkatan (TMT CPNS/PNS/PPPK): sel tanggal, atau teks 2025-03-01 / 01-03-2025.', aliases: ['TMT'] },
  probationEndsAt: { key: 'probationEndsAt', header: 'Akhir Masa Percobaan', required: false, note: 'Khusus CPNS; kosong = satu tahun sejak TMT.' },
  supervisorNip: { key: 'supervisorNip', header: 'NIP Atasan', required: false, note: 'NIP atasan langsung: ada di berkas ini atau sudah tersimpan. Kosong = tanpa atasan (atasan yang tersimpan dilepas).' },
} as const;

export const EMPLOYEE_IMPORT_SPECS: SheetSpec[] = [specOf(EMPLOYEE_SHEET, EMPLOYEE_COLUMNS)];

const columns = writeColumns(EMPLOYEE_COLUMNS, { nip: 22, name: 36, unitCode: 16, positionCode: 16, appointedAt: 18, probationEndsAt: 20, supervisorNip: 22 });

function instructions(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet('Petunjuk');
  sheet.columns = [{ width: 110 }];
  const lines = [
    'Templat impor data pegawai — Rekrutmen ASN',
    '',
    'Isi lembar "Pegawai": satu baris per pegawai. Baris pertama adalah judul kolom: jangan diubah.',
    'Baris yang kolom "No"-nya berisi "Contoh" hanya contoh dan tidak diimpor.',
    '',
    'NIP menjadi kunci: NIP yang sudah tersimpan diperbarui datanya, NIP baru ditambahkan.',
    'Unit kerja dan jabatan harus sudah ada di aplikasi (impor ABK atau menu Unit kerja lebih dahulu).',
    'NIP Atasan menunjuk pegawai lain di berkas ini atau yang sudah tersimpan; hubungan atasan tidak boleh melingkar.',
    'CPNS berstatus masa percobaan; setelah lulus, angkat menjadi PNS dari halaman pegawai (bukan lewat impor).',
    '',
    'Semua atau tidak sama sekali: bila ada satu baris yang salah, tidak ada data yang disimpan dan aplikasi menampilkan daftar baris, kolom dan alasannya.',
    `Batas: ${XLSX_LIMITS.rowsPerSheet.toLocaleString('id-ID')} baris data, ukuran berkas ${XLSX_LIMITS.uploadBytes / 1024 / 1024} MB.`,
  ];
  for (const line of lines) sheet.addRow([line]);
  sheet.getRow(1).font = { bold: true, size: 14 };
}

/** NIP cells are written as text so the 18 digits survive spreadsheet programs. */
function textNipColumns(sheet: ExcelJS.Worksheet) {
  for (const key of ['nip', 'supervisorNip']) sheet.getColumn(key).numFmt = '@';
}

export function employeeTemplate() {
  const workbook = newWorkbook();
  instructions(workbook);
  const sheet = addTableSheet(workbook, EMPLOYEE_SHEET, columns, [
    {
      no: 'Contoh',
      nip: '199503142020121001',
      name: 'Rina Marlina, S.Kom.',
      employmentType: 'PNS',
      unitCode: 'DISKOMINFO',
      positionCode: 'PRANKOM',
      appointedAt: '2020-12-01',
      probationEndsAt: '',
      supervisorNip: '197801012005011002',
    },
  ]);
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF595959' } };
  textNipColumns(sheet);
  return workbook;
}

export type ExportRow = EmployeePresented & { unitCode: string | null; positionCode: string | null };

/** The agency's employees, importable again, with their status and end of employment beside. */
export function employeeExport(rows: ExportRow[]) {
  const workbook = newWorkbook();
  const sheet = addTableSheet(
    workbook,
    EMPLOYEE_SHEET,
    [
      ...columns,
      { key: 'unitName', header: 'Unit Kerja', width: 32 },
      { key: 'positionName', header: 'Jabatan', width: 32 },
      { key: 'status', header: 'Status', width: 22 },
      { key: 'confirmedAt', header: 'TMT PNS', width: 14 },
      { key: 'endedAt', header: 'Tanggal Berhenti', width: 16 },
      { key: 'endReason', header: 'Alasan Berhenti', width: 26 },
      { key: 'source', header: 'Sumber Data', width: 16 },
      { key: 'accountEmail', header: 'Email Akun', width: 30 },
    ],
    rows.map((row, index) => ({
      no: index + 1,
      nip: row.nip ?? '',
      name: row.name,
      employmentType: EMPLOYMENT_TYPE_LABELS[row.employmentType],
      unitCode: row.unitCode ?? '',
      positionCode: row.positionCode ?? '',
      appointedAt: row.appointedAt,
      probationEndsAt: row.probationEndsAt ?? '',
      supervisorNip: row.supervisor?.nip ?? '',
      unitName: row.unitName ?? '',
      positionName: row.positionName ?? '',
      status: EMPLOYEE_STATUS_LABELS[row.status],
      confirmedAt: row.confirmedAt ?? '',
      endedAt: row.endedAt ?? '',
      endReason: row.endReason ? END_REASON_LABELS[row.endReason] : '',
      source: EMPLOYEE_SOURCE_LABELS[row.source],
      accountEmail: row.accountEmail ?? '',
    })),
  );
  textNipColumns(sheet);
  return workbook;
}
