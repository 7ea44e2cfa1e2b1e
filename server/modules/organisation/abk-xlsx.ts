// The ABK template to download and the agency's analysis as a workbook.
import type ExcelJS from 'exceljs';
import { POSITION_KIND_LABELS, type AbkSettings, type PositionKind } from '../../../core/schemas/organisation.js';
import { XLSX_LIMITS, addTableSheet, newWorkbook } from '../../xlsx.js';
import { ABK_SHEETS, POSITION_COLUMNS, TASK_COLUMNS, UNIT_COLUMNS, writeColumns } from './abk-sheets.js';
import { abkTotals, type AbkLineWithSteps } from './organisation.service.js';

const number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

function instructions(workbook: ExcelJS.Workbook, settings: AbkSettings) {
  const sheet = workbook.addWorksheet('Petunjuk');
  sheet.columns = [{ width: 110 }];
  const lines = [
    'Templat impor Analisis Beban Kerja (ABK) — Rekrutmen ASN',
    '',
    'Isi tiga lembar: "Unit Kerja", "Jabatan" dan "Uraian Tugas". Baris pertama tiap lembar adalah judul kolom: jangan diubah.',
    'Baris yang kolom "No"-nya berisi "Contoh" hanya contoh dan tidak diimpor; boleh dihapus atau dibiarkan.',
    '',
    'Unit Kerja: satu baris per unit (OPD). Kode unit yang sudah ada di aplikasi akan diperbarui namanya.',
    'Jabatan: satu baris per jabatan; "Kode Unit" harus ada di lembar Unit Kerja atau sudah tersimpan di aplikasi.',
    '   Bezetting = pegawai yang kini menduduki jabatan; Pensiun = yang pensiun dalam periode perencanaan (tidak melebihi bezetting).',
    'Uraian Tugas: satu baris per tugas jabatan; "Volume per Tahun" × "Norma Waktu (menit)" = beban kerja tugas itu.',
    '   Jabatan yang disebut di lembar ini: daftar tugasnya DIGANTI seluruhnya oleh baris di berkas ini.',
    '',
    'Rumus ABK: kebutuhan pegawai = Σ(volume × norma waktu) ÷ waktu kerja efektif setahun.',
    `   Waktu kerja efektif instansi saat ini: ${number.format(settings.effectiveMinutesPerYear)} menit (${number.format(settings.effectiveHoursPerYear)} jam) per tahun.`,
    '   Kebutuhan dibulatkan ke orang terdekat (setengah ke atas); kekurangan = kebutuhan − (bezetting − pensiun); usulan formasi = kekurangan bila positif.',
    '',
    `Semua atau tidak sama sekali: bila ada satu baris yang salah, tidak ada data yang disimpan dan aplikasi menampilkan daftar baris, kolom dan alasannya.`,
    `Batas: ${XLSX_LIMITS.rowsPerSheet.toLocaleString('id-ID')} baris data per lembar, ukuran berkas ${XLSX_LIMITS.uploadBytes / 1024 / 1024} MB.`,
    'Angka desimal boleh memakai koma atau titik (mis. 12,5), paling banyak dua angka di belakang koma.',
  ];
  for (const line of lines) sheet.addRow([line]);
  sheet.getRow(1).font = { bold: true, size: 14 };
}

const unitColumns = writeColumns(UNIT_COLUMNS, { unitName: 40 });
const positionColumns = writeColumns(POSITION_COLUMNS, { positionName: 40, jenis: 16 });
const taskColumns = writeColumns(TASK_COLUMNS, { taskName: 50, outputUnit: 16 });

function italicizeExample(sheet: ExcelJS.Worksheet) {
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF595959' } };
}

/** The empty template: instructions, and each sheet's headers with one example row. */
export function abkTemplate(settings: AbkSettings) {
  const workbook = newWorkbook();
  instructions(workbook, settings);
  italicizeExample(addTableSheet(workbook, ABK_SHEETS.units, unitColumns, [{ no: 'Contoh', unitCode: 'DISDIK', unitName: 'Dinas Pendidikan' }]));
  italicizeExample(
    addTableSheet(workbook, ABK_SHEETS.positions, positionColumns, [
      { no: 'Contoh', unitCode: 'DISDIK', positionCode: 'ANKEU', positionName: 'Analis Keuangan', jenis: 'Pelaksana', bezetting: 2, retiring: 1 },
    ]),
  );
  italicizeExample(
    addTableSheet(workbook, ABK_SHEETS.tasks, taskColumns, [
      { no: 'Contoh', unitCode: 'DISDIK', positionCode: 'ANKEU', taskName: 'Menyusun laporan realisasi anggaran', outputUnit: 'laporan', volumePerYear: 120, normMinutes: 300 },
    ]),
  );
  return workbook;
}

const jenisLabel = (jenis: string) => POSITION_KIND_LABELS[jenis as PositionKind] ?? jenis;

/** The analysis: one line per position with its arithmetic, then the data sheets (importable again). */
export function abkExport(options: { agencyName: string; settings: AbkSettings; lines: AbkLineWithSteps[] }) {
  const { settings, lines } = options;
  const workbook = newWorkbook();
  const totals = abkTotals(lines);
  const analysis = addTableSheet(
    workbook,
    'Analisis ABK',
    [
      { key: 'no', header: 'No', width: 6 },
      { key: 'unitCode', header: 'Kode Unit' },
      { key: 'unitName', header: 'Unit Kerja', width: 32 },
      { key: 'positionCode', header: 'Kode Jabatan' },
      { key: 'positionName', header: 'Nama Jabatan', width: 32 },
      { key: 'jenis', header: 'Jenis Jabatan' },
      { key: 'workload', header: 'Total Beban Kerja (menit)', width: 22 },
      { key: 'effective', header: 'Waktu Kerja Efektif (menit)', width: 24 },
      { key: 'needExact', header: 'Kebutuhan (pecahan tepat)', width: 22 },
      { key: 'need', header: 'Kebutuhan', width: 12 },
      { key: 'roundedNeed', header: 'Kebutuhan Dibulatkan', width: 20 },
      { key: 'bezetting', header: 'Bezetting' },
      { key: 'retiring', header: 'Pensiun' },
      { key: 'shortfall', header: 'Kekurangan (+) / Kelebihan (−)', width: 28 },
      { key: 'proposed', header: 'Usulan Formasi', width: 16 },
      { key: 'note', header: 'Catatan', width: 40 },
    ],
    lines.map((line, index) => ({
      no: index + 1,
      unitCode: line.position.unitCode,
      unitName: line.position.unitName,
      positionCode: line.position.code,
      positionName: line.position.name,
      jenis: jenisLabel(line.position.jenis),
      workload: line.workloadMinutes,
      effective: settings.effectiveMinutesPerYear,
      needExact: line.needExact ? `${line.needExact.numerator}/${line.needExact.denominator}` : null,
      need: line.need === null ? null : Math.round(line.need * 10_000) / 10_000,
      roundedNeed: line.roundedNeed,
      bezetting: line.position.bezetting,
      retiring: line.position.retiring,
      shortfall: line.shortfall,
      proposed: line.proposedFormasi,
      note: line.problems.map((problem) => problem.message).join(' ') || (line.position.taskCount === 0 ? 'Belum ada uraian tugas.' : ''),
    })),
  );
  const totalRow = analysis.addRow({
    positionName: `Jumlah (${totals.positions} jabatan)`,
    roundedNeed: totals.roundedNeed,
    bezetting: totals.bezetting,
    retiring: totals.retiring,
    proposed: totals.proposedFormasi,
    note: totals.surplus > 0 ? `Kelebihan pegawai pada jabatan lain: ${totals.surplus} orang (tidak mengurangi usulan).` : '',
  });
  totalRow.font = { bold: true };
  analysis.addRow([]);
  analysis.addRow([`Instansi: ${options.agencyName}. Waktu kerja efektif ${number.format(settings.effectiveMinutesPerYear)} menit per tahun; pembulatan setengah ke atas.`]);

  const steps = workbook.addWorksheet('Perhitungan');
  steps.columns = [{ width: 40 }, { width: 120 }];
  steps.getRow(1).values = ['Jabatan', 'Langkah perhitungan'];
  steps.getRow(1).font = { bold: true };
  for (const line of lines) {
    const label = `${line.position.unitCode} / ${line.position.code} — ${line.position.name}`;
    const lineSteps = line.steps.length > 0 ? line.steps : line.problems.map((problem) => `Tidak dapat dihitung: ${problem.message}`);
    lineSteps.forEach((step, index) => steps.addRow([index === 0 ? label : '', step]));
    steps.addRow([]);
  }

  const seenUnits = new Map<string, string>();
  for (const line of lines) seenUnits.set(line.position.unitCode, line.position.unitName);
  addTableSheet(workbook, ABK_SHEETS.units, unitColumns, [...seenUnits].map(([unitCode, unitName], index) => ({ no: index + 1, unitCode, unitName })));
  addTableSheet(
    workbook,
    ABK_SHEETS.positions,
    positionColumns,
    lines.map((line, index) => ({
      no: index + 1,
      unitCode: line.position.unitCode,
      positionCode: line.position.code,
      positionName: line.position.name,
      jenis: jenisLabel(line.position.jenis),
      bezetting: line.position.bezetting,
      retiring: line.position.retiring,
    })),
  );
  let taskNo = 0;
  addTableSheet(
    workbook,
    ABK_SHEETS.tasks,
    [...taskColumns, { key: 'workload', header: 'Beban Kerja (menit)', width: 20, note: 'Volume × norma waktu; tidak dibaca saat impor.' }],
    lines.flatMap((line) =>
      line.tasks.map((task) => ({
        no: ++taskNo,
        unitCode: line.position.unitCode,
        positionCode: line.position.code,
        taskName: task.name,
        outputUnit: task.outputUnit,
        volumePerYear: task.volumePerYear,
        normMinutes: task.normMinutes,
        workload: Math.round(task.volumePerYear * task.normMinutes * 100) / 100,
      })),
    ),
  );
  return workbook;
}
