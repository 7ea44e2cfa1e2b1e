// The three sheets of the ABK spreadsheet: the same columns in the template, the import and the
// export, so an exported file can be corrected and imported again.
import { specOf, type SheetSpec } from '../../xlsx.js';

export { writeColumns } from '../../xlsx.js';

export const ABK_SHEETS = { units: 'Unit Kerja', positions: 'Jabatan', tasks: 'Uraian Tugas' } as const;

export const UNIT_COLUMNS = {
  code: { key: 'unitCode', header: 'Kode Unit', required: true, note: 'Kode unik unit kerja di instansi, mis. DISDIK atau 1.01. Huruf, angka, titik, garis miring, tanda hubung.' },
  name: { key: 'unitName', header: 'Nama Unit Kerja', required: true, note: 'Nama lengkap unit kerja (OPD), 2–200 karakter.' },
} as const;

export const POSITION_COLUMNS = {
  unitCode: { key: 'unitCode', header: 'Kode Unit', required: true, note: 'Kode unit kerja tempat jabatan berada: ada di lembar Unit Kerja atau sudah tersimpan di aplikasi.' },
  code: { key: 'positionCode', header: 'Kode Jabatan', required: true, note: 'Kode jabatan, unik di dalam unit kerjanya.' },
  name: { key: 'positionName', header: 'Nama Jabatan', required: true, note: 'Nama jabatan, 2–200 karakter.' },
  jenis: { key: 'jenis', header: 'Jenis Jabatan', required: false, note: 'Struktural, Fungsional atau Pelaksana (kosong = Pelaksana).' },
  bezetting: { key: 'bezetting', header: 'Bezetting', required: true, note: 'Jumlah pegawai yang kini menduduki jabatan (bilangan bulat ≥ 0).' },
  retiring: { key: 'retiring', header: 'Pensiun', required: true, note: 'Pegawai yang pensiun dalam periode perencanaan (bilangan bulat, tidak melebihi bezetting).', aliases: ['Akan Pensiun', 'Jumlah Pensiun'] },
} as const;

export const TASK_COLUMNS = {
  unitCode: { key: 'unitCode', header: 'Kode Unit', required: true, note: 'Kode unit kerja jabatan ini.' },
  positionCode: { key: 'positionCode', header: 'Kode Jabatan', required: true, note: 'Kode jabatan: ada di lembar Jabatan atau sudah tersimpan di aplikasi.' },
  name: { key: 'taskName', header: 'Uraian Tugas', required: true, note: 'Uraian tugas, 2–300 karakter; tidak boleh berulang untuk jabatan yang sama.' },
  outputUnit: { key: 'outputUnit', header: 'Satuan Hasil', required: false, note: 'Satuan hasil kerja, mis. dokumen, laporan, berkas (boleh kosong).' },
  volume: { key: 'volumePerYear', header: 'Volume per Tahun', required: true, note: 'Jumlah hasil kerja setahun (angka ≥ 0, paling banyak 2 desimal).', aliases: ['Volume Kerja', 'Volume'] },
  norm: { key: 'normMinutes', header: 'Norma Waktu (menit)', required: true, note: 'Waktu penyelesaian satu hasil kerja, dalam menit (> 0, paling banyak 2 desimal).', aliases: ['Norma Waktu', 'Norma Waktu Menit'] },
} as const;

export const ABK_IMPORT_SPECS: SheetSpec[] = [
  specOf(ABK_SHEETS.units, UNIT_COLUMNS),
  specOf(ABK_SHEETS.positions, POSITION_COLUMNS),
  specOf(ABK_SHEETS.tasks, TASK_COLUMNS),
];
