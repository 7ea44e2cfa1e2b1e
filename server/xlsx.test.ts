import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addTableSheet, newWorkbook, readSheets, workbookBuffer, type SheetSpec } from './xlsx.js';

const UNITS: SheetSpec = { name: 'Unit', columns: [{ key: 'kode', header: 'Kode', required: true }, { key: 'nama', header: 'Nama', required: true }] };

async function workbook(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

// exceljs writes the sheets before the shared strings and the workbook part last, as some other writers do.
const instructionsFirst = () =>
  workbook((book) => {
    book.addWorksheet('Petunjuk').addRow(['Isi lembar Unit; lembar ini tidak dibaca']);
    const units = book.addWorksheet('Unit');
    units.addRow(['Kode', 'Nama']);
    units.addRow(['DISDIK', 'Dinas Pendidikan']);
  });

describe('readSheets', () => {
  it('reads the wanted sheet when the sheets come before the shared strings and the workbook part', async () => {
    const read = await readSheets(await instructionsFirst(), [UNITS]);
    expect(read).toEqual({ ok: true, sheets: new Map([['Unit', [{ row: 2, cells: { kode: 'DISDIK', nama: 'Dinas Pendidikan' } }]]]) });
  });

  it('gives the same answer to every one of many reads running at once', async () => {
    // exceljs's own unzipping lost the workbook part about once in 4,000 reads on a loaded machine.
    const buffer = await instructionsFirst();
    const reads = await Promise.all(Array.from({ length: 400 }, () => readSheets(buffer, [UNITS])));
    expect(reads.filter((read) => !read.ok)).toEqual([]);
  });

  it('stops reading a sheet at the row limit: what lies beyond is never parsed', async () => {
    const buffer = await workbook((book) => {
      const units = book.addWorksheet('Unit');
      units.addRow(['Kode', 'Nama']);
      for (let i = 0; i < 5_000; i++) units.addRow([`U${i}`, `Unit ${i}`]);
    });
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(buffer);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // Broken XML after the 5,000 rows: reading to the end would refuse the file as unreadable.
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('</sheetData>', '<row r="9999"><c r="A9999"><v>1</x></c></row></sheetData>'));
    const read = await readSheets(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), [UNITS], 100);
    expect(read).toEqual({ ok: false, issues: [{ sheet: 'Unit', row: 102, column: null, reason: expect.stringContaining('melebihi batas 100 baris') }] });
  });

  it('keeps characters of several bytes whole wherever the text is cut into pieces', async () => {
    // Several 64 KiB pieces of shared strings mixing two-, three- and four-byte characters, put into
    // the XML as bytes: JSZip garbles such a mix when it encodes a long string.
    const names = Array.from({ length: 300 }, (_, i) => `Dinas ${i} ${'é😀€ĝ'.repeat(150 + (i % 7))}`);
    const plain = await workbook((book) => {
      const units = book.addWorksheet('Unit');
      units.addRow(['Kode', 'Nama']);
      names.forEach((_, i) => units.addRow([`U${i}`, `NAMA-${i}-`]));
    });
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(plain);
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file('xl/sharedStrings.xml', Buffer.from(strings.replace(/NAMA-(\d+)-/g, (_, i: string) => names[Number(i)]!)));
    const read = await readSheets(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), [UNITS]);
    expect(read.ok && read.sheets.get('Unit')!.map((row) => row.cells.nama)).toEqual(names);
  });

  it('writes text with characters of several bytes whole, so an export reads back as it was', async () => {
    const names = Array.from({ length: 300 }, (_, i) => `Dinas ${i} ${'é😀€ĝ'.repeat(150 + (i % 7))}`);
    const book = newWorkbook();
    addTableSheet(book, 'Unit', [{ key: 'kode', header: 'Kode' }, { key: 'nama', header: 'Nama' }], names.map((nama, i) => ({ kode: `U${i}`, nama })));
    const read = await readSheets(await workbookBuffer(book), [UNITS]);
    expect(read.ok && read.sheets.get('Unit')!.map((row) => row.cells.nama)).toEqual(names);
  });

  it('reads a sheet of numbers and dates only (no shared strings at all)', async () => {
    const buffer = await workbook((book) => {
      const sheet = book.addWorksheet('Angka');
      sheet.addRow([{ richText: [{ text: 'Jumlah' }] }, { richText: [{ text: 'Tanggal' }] }]);
      sheet.addRow([12.5, new Date(Date.UTC(2025, 0, 31))]);
    });
    const spec: SheetSpec = { name: 'Angka', columns: [{ key: 'jumlah', header: 'Jumlah', required: true }, { key: 'tanggal', header: 'Tanggal', required: true }] };
    const read = await readSheets(buffer, [spec]);
    expect(read.ok && read.sheets.get('Angka')).toEqual([{ row: 2, cells: { jumlah: 12.5, tanggal: '2025-01-31' } }]);
  });

  it('names a missing sheet and refuses damaged sheet XML inside a sound ZIP', async () => {
    const missing = await readSheets(await workbook((book) => book.addWorksheet('Lain').addRow(['x'])), [UNITS]);
    expect(missing).toEqual({ ok: false, issues: [{ sheet: 'Unit', row: null, column: null, reason: expect.stringContaining('tidak ada di berkas') }] });

    const sound = await instructionsFirst();
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(sound);
    zip.file('xl/worksheets/sheet2.xml', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</x></c></row>');
    const damaged = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const read = await readSheets(damaged, [UNITS]);
    expect(read).toEqual({ ok: false, issues: [{ sheet: null, row: null, column: null, reason: expect.stringContaining('tidak dapat dibaca') }] });
  });
});
