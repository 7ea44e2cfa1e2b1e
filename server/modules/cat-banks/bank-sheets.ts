// The question sheet of a bank's spreadsheet: the same columns in the template, the import and the
// export, so an exported bank can be imported into another bank as it is.
import type ExcelJS from 'exceljs';
import { CAT_SUBTESTS, QUESTION_LIMITS, QUESTION_STATUS_LABELS, optionLabel, type QuestionStatus } from '../../../core/cat-bank.js';
import { BANK_IMPORT_LIMITS } from '../../../core/schemas/cat-banks.js';
import { addTableSheet, newWorkbook, type SheetColumn, type SheetSpec } from '../../xlsx.js';
import type { QuestionRow } from './cat-banks.presenter.js';

export const QUESTION_SHEET = 'Soal';

export const OPTION_LETTERS = Array.from({ length: QUESTION_LIMITS.optionsMax }, (_, index) => optionLabel(index));

const subtestNote = CAT_SUBTESTS.map((subtest) =>
  subtest.type === 'single' ? `${subtest.code} (satu kunci)` : `${subtest.code} (bobot ${subtest.minOptionPoints}–${subtest.maxOptionPoints})`,
).join(', ');

type Column = { key: string; header: string; required: boolean; note: string; aliases?: string[]; width?: number };

export const QUESTION_COLUMNS: Column[] = [
  { key: 'subtest', header: 'Subtes', required: true, note: `Kode subtes: ${subtestNote}.`, width: 16 },
  { key: 'topic', header: 'Topik', required: false, note: `Topik atau materi (boleh kosong), maksimal ${QUESTION_LIMITS.topicMax} karakter.`, width: 20 },
  { key: 'stem', header: 'Teks Soal', required: true, note: `Pertanyaan, ${QUESTION_LIMITS.stemMin}–${QUESTION_LIMITS.stemMax.toLocaleString('id-ID')} karakter.`, aliases: ['Soal', 'Pertanyaan'], width: 60 },
  ...OPTION_LETTERS.map((letter, index) => ({
    key: `option${letter}`,
    header: `Pilihan ${letter}`,
    required: index < QUESTION_LIMITS.optionsMin,
    note: `Teks pilihan ${letter}.${index < QUESTION_LIMITS.optionsMin ? ' Wajib.' : ' Boleh kosong bila soal memiliki lebih sedikit pilihan.'}`,
    width: 28,
  })),
  { key: 'key', header: 'Kunci', required: false, note: 'Huruf pilihan yang benar (A–F) untuk subtes satu kunci; kosongkan untuk subtes berbobot.', aliases: ['Kunci Jawaban'], width: 8 },
  ...OPTION_LETTERS.map((letter) => ({
    key: `points${letter}`,
    header: `Bobot ${letter}`,
    required: false,
    note: `Bobot pilihan ${letter} untuk subtes berbobot (TKP 1–5; manajerial, sosial kultural, wawancara 1–4); kosongkan untuk subtes satu kunci.`,
    width: 9,
  })),
];

export const QUESTION_SPEC: SheetSpec = {
  name: QUESTION_SHEET,
  columns: QUESTION_COLUMNS.map((column) => ({ key: column.key, header: column.header, required: column.required, aliases: column.aliases ?? [] })),
};

/** Header of a column key, for row problems: "Pilihan C", "Bobot A". */
export const headerOf = (key: string) => QUESTION_COLUMNS.find((column) => column.key === key)?.header ?? key;

const writeColumns: SheetColumn[] = [
  { key: 'no', header: 'No', width: 8, note: 'Nomor urut (boleh kosong). Baris bertanda "Contoh" tidak diimpor.' },
  ...QUESTION_COLUMNS.map((column) => ({ key: column.key, header: column.header, note: column.note, width: column.width ?? 14 })),
];

function instructions(workbook: ExcelJS.Workbook) {
  const sheet = workbook.addWorksheet('Petunjuk');
  sheet.columns = [{ width: 110 }];
  const lines = [
    'Templat impor bank soal CAT — Rekrutmen ASN',
    '',
    'Isi lembar "Soal": satu baris per soal. Baris pertama adalah judul kolom: jangan diubah.',
    'Baris yang kolom "No"-nya berisi "Contoh" hanya contoh dan tidak diimpor.',
    '',
    `Subtes: ${subtestNote}.`,
    'Subtes satu kunci: isi "Kunci" dengan huruf pilihan yang benar dan kosongkan kolom "Bobot".',
    'Subtes berbobot: isi "Bobot" setiap pilihan yang terisi (bilangan bulat dalam rentang subtesnya) dan kosongkan "Kunci".',
    `Setiap soal memiliki ${QUESTION_LIMITS.optionsMin}–${QUESTION_LIMITS.optionsMax} pilihan, diisi berurutan mulai pilihan A tanpa lompatan.`,
    '',
    'Semua soal hasil impor berstatus Draf: setiap soal perlu ditelaah oleh orang lain (bukan pengimpor) lalu diaktifkan sebelum dapat dipakai ujian.',
    'Gambar tidak ikut diimpor: tambahkan gambar soal atau pilihan di aplikasi setelah impor.',
    'Soal yang sama (subtes, topik, teks soal dan pilihan) tidak boleh muncul dua kali, di berkas maupun di bank soal.',
    '',
    'Semua atau tidak sama sekali: bila ada satu baris yang salah, tidak ada soal yang disimpan dan aplikasi menampilkan daftar baris, kolom dan alasannya.',
    `Batas: ${BANK_IMPORT_LIMITS.rows.toLocaleString('id-ID')} soal per berkas, ukuran berkas ${BANK_IMPORT_LIMITS.bytes / 1024 / 1024} MB.`,
    'Berkas ini RAHASIA: berisi soal dan kunci jawaban. Simpan dan kirim hanya kepada pengelola bank soal.',
  ];
  for (const line of lines) sheet.addRow([line]);
  sheet.getRow(1).font = { bold: true, size: 14 };
}

/** The empty template with two example rows (one single-key, one weighted). */
export function bankTemplate() {
  const workbook = newWorkbook();
  instructions(workbook);
  const sheet = addTableSheet(workbook, QUESTION_SHEET, writeColumns, [
    {
      no: 'Contoh',
      subtest: 'TWK',
      topic: 'Pancasila',
      stem: 'Sila yang menjadi dasar musyawarah untuk mufakat adalah sila ke …',
      optionA: 'Pertama',
      optionB: 'Kedua',
      optionC: 'Ketiga',
      optionD: 'Keempat',
      optionE: 'Kelima',
      key: 'D',
    },
    {
      no: 'Contoh',
      subtest: 'TKP',
      topic: 'Pelayanan publik',
      stem: 'Seorang warga mengeluh antrean terlalu lama. Sikap Anda …',
      optionA: 'Meminta warga menunggu giliran',
      optionB: 'Menjelaskan alur layanan dan perkiraan waktu tunggu',
      optionC: 'Membantu mencari solusi agar layanan lebih cepat',
      optionD: 'Melaporkan kepada atasan',
      optionE: 'Mengabaikan keluhan tersebut',
      pointsA: 2,
      pointsB: 4,
      pointsC: 5,
      pointsD: 3,
      pointsE: 1,
    },
  ]);
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF595959' } };
  sheet.getRow(3).font = { italic: true, color: { argb: 'FF595959' } };
  return workbook;
}

/** A bank's questions as a workbook that imports again (status, id and image columns are not read). */
export function bankExport(options: { bankName: string; rows: readonly QuestionRow[] }) {
  const workbook = newWorkbook();
  instructions(workbook);
  const columns: SheetColumn[] = [
    ...writeColumns,
    { key: 'status', header: 'Status', width: 16, note: 'Status di bank asal; tidak dibaca saat impor (hasil impor selalu Draf).' },
    { key: 'images', header: 'Gambar', width: 14, note: 'Bagian soal yang bergambar; gambar tidak ikut diekspor.' },
    { key: 'id', header: 'ID Soal', width: 38, note: 'Tidak dibaca saat impor.' },
  ];
  addTableSheet(
    workbook,
    QUESTION_SHEET,
    columns,
    options.rows.map((row, index) => {
      const cells: Record<string, unknown> = { no: index + 1, subtest: row.subtest, topic: row.topic, stem: row.stem, status: QUESTION_STATUS_LABELS[row.status as QuestionStatus] ?? row.status, id: row.id };
      row.options.forEach((option, optionIndex) => {
        const letter = OPTION_LETTERS[optionIndex]!;
        cells[`option${letter}`] = option.text;
        if (typeof option.points === 'number') cells[`points${letter}`] = option.points;
        if (option.id === row.keyOptionId) cells.key = letter;
      });
      const images = [row.imageFileId ? 'soal' : null, ...row.options.map((option, optionIndex) => (option.imageFileId ? OPTION_LETTERS[optionIndex] : null))].filter(Boolean);
      cells.images = images.join(', ');
      return cells;
    }),
  );
  workbook.title = options.bankName;
  return workbook;
}
