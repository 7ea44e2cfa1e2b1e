// Spreadsheet import and export shared by the modules that offer them (ABK, formasi).
// Import is defensive: an upload is capped in bytes, its ZIP container is inflated once under a
// budget (so a small file that expands to gigabytes is refused), and the sheets are then parsed with
// exceljs's streaming parsers, which stop as soon as a sheet exceeds its row limit.
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import type {} from '@fastify/multipart';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ImportIssue } from '../core/schemas/organisation.js';
import { parseCalendarDate } from '../core/calendar-date.js';
import { AppError } from './errors.js';

// exceljs takes about half a second to load: loaded on the first spreadsheet, not at every start.
const require = createRequire(import.meta.url);
let excelModule: typeof ExcelJS | undefined;
const excel = (): typeof ExcelJS => (excelModule ??= loadExcel());

type ZipAppend = (data: unknown, options: { name: string; base64?: boolean }) => void;

function loadExcel(): typeof ExcelJS {
  // exceljs hands each part to JSZip as a string on Node (as bytes only in browsers), and JSZip
  // encodes a long string in pieces, turning a four-byte character (an emoji in a name or a
  // complaint) cut at a piece's edge into two U+FFFD: the parts are given as UTF-8 bytes instead.
  const { ZipWriter } = require('exceljs/lib/utils/zip-stream.js') as { ZipWriter: { prototype: { append: ZipAppend } } };
  const append = ZipWriter.prototype.append;
  ZipWriter.prototype.append = function (this: unknown, data, options) {
    append.call(this, typeof data === 'string' && !options.base64 ? Buffer.from(data, 'utf8') : data, options);
  };
  return require('exceljs') as typeof ExcelJS;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const XLSX_LIMITS = {
  /** Upload size (bytes): a 5,000-row sheet of this domain is well under 1 MB. */
  uploadBytes: 5 * 1024 * 1024,
  /** Everything inside the ZIP, once inflated. */
  inflatedBytes: 48 * 1024 * 1024,
  zipEntries: 500,
  /** Data rows per sheet. */
  rowsPerSheet: 5_000,
  /** Problems listed in one answer; counting stops there. */
  issues: 200,
} as const;

const inflate = promisify(inflateRaw);

/** The uploaded file of a multipart request (field "file"), read into memory under the size limit. */
export async function readUploadedFile(request: FastifyRequest, maxBytes: number = XLSX_LIMITS.uploadBytes): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Kirim berkas sebagai multipart/form-data dengan kolom "file".');
  }
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1_000 } });
  if (!file) throw new AppError('VALIDATION_FAILED', 'Pilih berkas XLSX yang akan diimpor.', { file: 'Berkas wajib dipilih' });
  try {
    return await file.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `Berkas melebihi batas ${Math.round(maxBytes / 1024 / 1024)} MB.`, { file: 'Berkas terlalu besar' });
    }
    throw error;
  }
}

type ZipEntry = { name: string; method: number; compressedSize: number; localOffset: number };

/** The entries of a ZIP's central directory, or a reason it is not a ZIP we accept. */
function zipEntries(buffer: Buffer): ZipEntry[] | string {
  const EOCD = 0x06054b50;
  const minimum = 22;
  if (buffer.length < minimum || buffer.readUInt32LE(0) !== 0x04034b50) return 'bukan berkas XLSX (isinya bukan arsip Office Open XML)';
  let eocd = -1;
  for (let i = buffer.length - minimum; i >= Math.max(0, buffer.length - minimum - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'berkas XLSX rusak atau tidak lengkap';
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return 'berkas XLSX terlalu besar (ZIP64 tidak didukung)';
  if (count > XLSX_LIMITS.zipEntries) return 'berkas XLSX berisi terlalu banyak bagian';
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return 'berkas XLSX rusak atau tidak lengkap';
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, method, compressedSize, localOffset });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The parts of a workbook that exceljs's readers parse: the workbook, its relations, strings, styles, sheets. */
const WORKBOOK_PART = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/;

/**
 * Unpacks an XLSX workbook whose content inflates within the budget, or says why it is refused.
 * Declared sizes can lie, so every entry is actually inflated with a hard output cap; the parts the
 * reader needs are kept.
 */
async function unpackXlsx(buffer: Buffer): Promise<Map<string, Buffer> | string> {
  const entries = zipEntries(buffer);
  if (typeof entries === 'string') return entries;
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) return 'bukan berkas XLSX (tidak berisi buku kerja Excel)';
  const parts = new Map<string, Buffer>();
  let budget: number = XLSX_LIMITS.inflatedBytes;
  for (const entry of entries) {
    const local = entry.localOffset;
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) return 'berkas XLSX rusak atau tidak lengkap';
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const end = start + entry.compressedSize;
    if (end > buffer.length) return 'berkas XLSX rusak atau tidak lengkap';
    let content = buffer.subarray(start, end);
    if (entry.method === 8) {
      try {
        content = await inflate(content, { maxOutputLength: budget + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'isi berkas XLSX terlalu besar setelah diekstrak';
        return 'berkas XLSX rusak (data terkompresi tidak valid)';
      }
    } else if (entry.method !== 0) return 'berkas XLSX memakai kompresi yang tidak didukung';
    budget -= content.length;
    if (budget < 0) return 'isi berkas XLSX terlalu besar setelah diekstrak';
    if (WORKBOOK_PART.test(entry.name)) parts.set(entry.name, content);
  }
  return parts;
}

export type CellValue = string | number | boolean | null;

export type ColumnSpec = {
  key: string;
  header: string;
  required: boolean;
  /** Other header spellings accepted. */
  aliases?: string[];
};

export type SheetSpec = { name: string; columns: ColumnSpec[] };

export type SheetRow = { row: number; cells: Record<string, CellValue> };

export type ReadSheetsResult = { ok: true; sheets: Map<string, SheetRow[]> } | { ok: false; issues: ImportIssue[] };

const headerKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A cell's value as text, number or boolean; formulas give their result, rich text its plain text. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as { richText?: Array<{ text?: string }>; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(object.richText)) return cellValue(object.richText.map((part) => part.text ?? '').join(''));
    if ('result' in object) return cellValue(object.result);
    if (typeof object.text === 'string') return cellValue(object.text);
    if (object.error !== undefined) return `#${String(object.error).replace(/^#/, '')}`;
  }
  return null;
}

/** A worksheet's name in the streaming reader (set from the workbook's sheet list). */
const sheetName = (worksheet: unknown) => String((worksheet as { name?: unknown }).name ?? '');

/**
 * exceljs's streaming reader, given the workbook's parts one by one. Its own unzipping (the
 * `unzipper` stream, with sheets parked in temporary files until the shared strings arrive) now
 * and then lost the last ZIP entry on a loaded machine (about one read in 4,000, measured), which
 * refused a good file; the parts are already inflated for the size check, so they are handed to its
 * parsers in the order they depend on each other. These methods are exceljs 4.4's own, unchanged.
 */
type PartParser = {
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncIterable<unknown>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseWorksheet(content: Iterable<string>, sheetNo: string): Iterable<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
};

/**
 * A part's XML as text in pieces: the parser collects the events of each piece before the rows are
 * read, so a sheet far over the row limit is only parsed up to the limit. Decoded once, as a byte
 * chunk would split multi-byte characters (the XML parser joins a pair of surrogates cut in two).
 */
function* textChunks(content: Buffer, size = 64 * 1024): Generator<string> {
  const text = content.toString('utf8');
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

/** The workbook's worksheets, named from the workbook's sheet list, in the order of their files. */
async function* worksheetsOf(parts: Map<string, Buffer>): AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader> {
  const options = { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' } as const;
  const parser = new (excel().stream.xlsx.WorkbookReader)(Readable.from([]), options) as unknown as PartParser;
  const streamOf = (name: string) => Readable.from(textChunks(parts.get(name)!));
  if (parts.has('xl/_rels/workbook.xml.rels')) await parser._parseRels(streamOf('xl/_rels/workbook.xml.rels'));
  await parser._parseWorkbook(streamOf('xl/workbook.xml'));
  if (parts.has('xl/sharedStrings.xml')) for await (const _ of parser._parseSharedStrings(streamOf('xl/sharedStrings.xml'))) void _;
  if (parts.has('xl/styles.xml')) await parser._parseStyles(streamOf('xl/styles.xml'));
  const sheets = [...parts.keys()]
    .map((name) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name))
    .filter((match) => match !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]));
  for (const [name, sheetNo] of sheets) {
    for (const { value } of parser._parseWorksheet(textChunks(parts.get(name!)!), sheetNo!)) yield value;
  }
}

/**
 * Reads the named sheets: the first non-empty row is the header, matched to the specs by name
 * (case, spaces and punctuation ignored); every later non-empty row becomes a SheetRow keyed by
 * column key. A column "No" whose value is "contoh" marks the template's example row, skipped.
 */
export async function readSheets(buffer: Buffer, specs: SheetSpec[], maxRows: number = XLSX_LIMITS.rowsPerSheet): Promise<ReadSheetsResult> {
  const parts = await unpackXlsx(buffer);
  if (typeof parts === 'string') return { ok: false, issues: [{ sheet: null, row: null, column: null, reason: `Berkas ditolak: ${parts}.` }] };
  try {
    return await readParsedSheets(parts, specs, maxRows);
  } catch {
    // Parse errors of damaged XML inside a well-formed ZIP.
    return { ok: false, issues: [{ sheet: null, row: null, column: null, reason: 'Berkas ditolak: berkas XLSX tidak dapat dibaca (rusak atau bukan buku kerja Excel).' }] };
  }
}

/** readSheets after the ZIP check; throws when the workbook cannot be read. */
async function readParsedSheets(parts: Map<string, Buffer>, specs: SheetSpec[], maxRows: number): Promise<ReadSheetsResult> {
  const wanted = new Map(specs.map((spec) => [headerKey(spec.name), spec]));
  const sheets = new Map<string, SheetRow[]>();
  const issues: ImportIssue[] = [];
  for await (const worksheet of worksheetsOf(parts)) {
    const spec = wanted.get(headerKey(sheetName(worksheet)));
    if (!spec || sheets.has(spec.name)) continue; // other sheets (instructions) are not read
    const rows: SheetRow[] = [];
    sheets.set(spec.name, rows);
    let columns: Map<number, ColumnSpec> | null = null;
    let exampleColumn: number | null = null;
    for await (const row of worksheet) {
      const values = (row.values as unknown[]).map(cellValue);
      if (values.every((value) => value === null)) continue;
      if (!columns) {
        const header = headerColumns(spec, values, row.number);
        if ('issues' in header) {
          issues.push(...header.issues);
          break;
        }
        columns = header.columns;
        exampleColumn = header.exampleColumn;
        continue;
      }
      if (exampleColumn !== null && String(values[exampleColumn] ?? '').trim().toLowerCase() === 'contoh') continue;
      if (rows.length >= maxRows) {
        issues.push({
          sheet: spec.name,
          row: row.number,
          column: null,
          reason: `Lembar "${spec.name}" melebihi batas ${maxRows.toLocaleString('id-ID')} baris data; bagi isinya ke beberapa berkas.`,
        });
        return { ok: false, issues };
      }
      const cells: Record<string, CellValue> = {};
      for (const [index, column] of columns) cells[column.key] = values[index] ?? null;
      rows.push({ row: row.number, cells });
    }
  }
  for (const spec of specs) {
    if (!sheets.has(spec.name)) issues.push({ sheet: spec.name, row: null, column: null, reason: `Lembar "${spec.name}" tidak ada di berkas; gunakan templat yang disediakan.` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, sheets };
}

function headerColumns(spec: SheetSpec, values: CellValue[], rowNumber: number): { columns: Map<number, ColumnSpec>; exampleColumn: number | null } | { issues: ImportIssue[] } {
  const byHeader = new Map<string, ColumnSpec>();
  for (const column of spec.columns) for (const name of [column.header, ...(column.aliases ?? [])]) byHeader.set(headerKey(name), column);
  const columns = new Map<number, ColumnSpec>();
  const seen = new Set<string>();
  const issues: ImportIssue[] = [];
  let exampleColumn: number | null = null;
  values.forEach((value, index) => {
    if (value === null) return;
    const key = headerKey(String(value));
    if (key === 'no' || key === 'nomor') {
      exampleColumn = index;
      return;
    }
    const column = byHeader.get(key);
    if (!column) return; // extra columns (notes) are allowed
    if (seen.has(column.key)) {
      issues.push({ sheet: spec.name, row: rowNumber, column: column.header, reason: `Kolom "${column.header}" muncul lebih dari sekali.` });
      return;
    }
    seen.add(column.key);
    columns.set(index, column);
  });
  for (const column of spec.columns) {
    if (column.required && !seen.has(column.key)) {
      issues.push({ sheet: spec.name, row: rowNumber, column: column.header, reason: `Kolom "${column.header}" tidak ada di baris judul.` });
    }
  }
  return issues.length > 0 ? { issues } : { columns, exampleColumn };
}

// ---- Cell conversions: each returns the value or an Indonesian reason ---------------------------

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function textCell(value: CellValue, options: { required: boolean; max: number; label: string }): Parsed<string> {
  const text = value === null ? '' : typeof value === 'number' ? String(value) : String(value).trim().replace(/\s+/g, ' ');
  if (text === '') return options.required ? { ok: false, reason: `${options.label} wajib diisi.` } : { ok: true, value: '' };
  if (typeof value === 'boolean') return { ok: false, reason: `${options.label} harus berupa teks.` };
  if (text.length > options.max) return { ok: false, reason: `${options.label} maksimal ${options.max} karakter.` };
  return { ok: true, value: text };
}

/** A number typed as a number, or as text with a comma or point before at most two decimals. */
export function numberCell(value: CellValue, options: { label: string; integer: boolean; min: number; max: number; exclusiveMin?: boolean; required?: boolean; fallback?: number }): Parsed<number> {
  if (value === null) {
    if (options.required === false && options.fallback !== undefined) return { ok: true, value: options.fallback };
    return { ok: false, reason: `${options.label} wajib diisi.` };
  }
  let number: number;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*-?\d+([.,]\d+)?\s*$/.test(value)) number = Number(value.trim().replace(',', '.'));
  else return { ok: false, reason: `${options.label} harus berupa angka (bukan "${String(value).slice(0, 40)}").` };
  if (!Number.isFinite(number)) return { ok: false, reason: `${options.label} harus berupa angka.` };
  if (options.integer && !Number.isInteger(number)) return { ok: false, reason: `${options.label} harus bilangan bulat.` };
  if (!options.integer && Math.abs(Math.round(number * 100) - number * 100) > 1e-6) {
    return { ok: false, reason: `${options.label} paling banyak dua angka di belakang koma.` };
  }
  if (options.exclusiveMin ? number <= options.min : number < options.min) {
    return { ok: false, reason: `${options.label} harus ${options.exclusiveMin ? 'lebih dari' : 'minimal'} ${options.min.toLocaleString('id-ID')}.` };
  }
  if (number > options.max) return { ok: false, reason: `${options.label} maksimal ${options.max.toLocaleString('id-ID')}.` };
  return { ok: true, value: number };
}

/** Collects problems up to the listing limit; `full` says when to stop looking. */
export class IssueList {
  readonly items: ImportIssue[] = [];
  truncated = false;
  add(issue: ImportIssue) {
    if (this.items.length >= XLSX_LIMITS.issues) this.truncated = true;
    else this.items.push(issue);
  }
  get full() {
    return this.truncated;
  }
  get empty() {
    return this.items.length === 0;
  }
}

/** The 400 answer of a refused import: nothing was saved, and why, row by row. */
export function sendImportRejected(reply: FastifyReply, issues: ImportIssue[], truncated = false) {
  const count = issues.length;
  const message =
    count === 1 && issues[0]?.row === null
      ? `${issues[0].reason} Tidak ada data yang disimpan.`
      : `Impor ditolak: ${truncated ? `lebih dari ${count}` : count} masalah ditemukan. Tidak ada data yang disimpan; perbaiki berkas lalu impor ulang.`;
  return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message, issues, truncated } });
}

/**
 * A date typed as a date cell, as text YYYY-MM-DD, or as DD-MM-YYYY / DD/MM/YYYY (the way dates
 * are written in Indonesia); returned as YYYY-MM-DD.
 */
export function dateCell(value: CellValue, options: { label: string; required: boolean }): Parsed<string | null> {
  if (value === null) return options.required ? { ok: false, reason: `${options.label} wajib diisi.` } : { ok: true, value: null };
  const text = String(value).trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  const parts = iso ? { year: iso[1], month: iso[2], day: iso[3] } : local ? { year: local[3], month: local[2], day: local[1] } : null;
  const date = parts ? `${parts.year}-${parts.month!.padStart(2, '0')}-${parts.day!.padStart(2, '0')}` : null;
  if (typeof value !== 'string' || !date || !parseCalendarDate(date)) {
    return { ok: false, reason: `${options.label} harus tanggal yang valid (format sel Tanggal, atau teks TTTT-BB-HH / HH-BB-TTTT), bukan "${text.slice(0, 40)}".` };
  }
  return { ok: true, value: date };
}

/** A sheet's columns: the key a row cell is read under, its header, whether required, its note. */
export type ColumnDefs = Record<string, { key: string; header: string; required: boolean; note: string; aliases?: readonly string[] }>;

export const specOf = (name: string, columns: ColumnDefs): SheetSpec => ({
  name,
  columns: Object.values(columns).map((column) => ({ key: column.key, header: column.header, required: column.required, aliases: [...(column.aliases ?? [])] })),
});

// ---- Writing ------------------------------------------------------------------------------------

export type SheetColumn = { header: string; key: string; width?: number; note?: string };

/** Sheet columns for writing: the "No" column first (its "Contoh" marks the template's example row). */
export const writeColumns = (columns: ColumnDefs, widths: Record<string, number> = {}): SheetColumn[] => [
  { key: 'no', header: 'No', width: 8, note: 'Nomor urut (boleh kosong). Baris bertanda "Contoh" tidak diimpor.' },
  ...Object.values(columns).map((column) => ({ key: column.key, header: column.header, note: column.note, width: widths[column.key] ?? Math.max(14, column.header.length + 4) })),
];

/** A sheet with a bold, frozen header row whose cells carry the column notes. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: SheetColumn[], rows: Array<Record<string, unknown>>) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width ?? Math.max(12, column.header.length + 4) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((column, index) => {
    if (column.note) header.getCell(index + 1).note = column.note;
  });
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

export function newWorkbook() {
  const workbook = new (excel().Workbook)();
  workbook.creator = 'Rekrutmen ASN';
  workbook.created = new Date();
  return workbook;
}

/** A workbook's XLSX bytes. */
export const workbookBuffer = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

/** Sends a workbook as a download. */
export async function sendWorkbook(reply: FastifyReply, workbook: ExcelJS.Workbook, filename: string) {
  const buffer = await workbookBuffer(workbook);
  const ascii = filename.replace(/[^A-Za-z0-9._-]+/g, '-');
  return reply
    .header('content-type', XLSX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('cache-control', 'no-store')
    .send(buffer);
}
