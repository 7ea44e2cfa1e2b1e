// Test factories for units, positions, tasks and ABK spreadsheets.
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { positionTasks, positions, units } from './organisation.table.js';

let counter = 0;
const next = () => `${Date.now().toString(36)}${++counter}`;

export async function createUnitRow(db: Db, agencyId: string, values: { code?: string; name?: string } = {}) {
  const [row] = await db.insert(units).values({ agencyId, code: values.code ?? `U${next()}`, name: values.name ?? 'Unit Uji' }).returning();
  return row!;
}

export type PositionSpec = { unitId?: string; code?: string; name?: string; bezetting?: number; retiring?: number; tasks?: Array<{ name?: string; volumePerYear: number; normMinutes: number }> };

/** A position (in a new unit unless one is given) with its tasks. */
export async function createPositionRow(db: Db, agencyId: string, spec: PositionSpec = {}) {
  const unitId = spec.unitId ?? (await createUnitRow(db, agencyId)).id;
  const [row] = await db
    .insert(positions)
    .values({ agencyId, unitId, code: spec.code ?? `J${next()}`, name: spec.name ?? 'Jabatan Uji', bezetting: spec.bezetting ?? 0, retiring: spec.retiring ?? 0 })
    .returning();
  for (const [index, task] of (spec.tasks ?? []).entries()) {
    await db.insert(positionTasks).values({
      agencyId,
      positionId: row!.id,
      name: task.name ?? `Tugas ${index + 1}`,
      volumePerYear: String(task.volumePerYear),
      normMinutes: String(task.normMinutes),
      sortOrder: index,
    });
  }
  return row!;
}

export async function createTaskRow(db: Db, agencyId: string, positionId: string) {
  const [row] = await db.insert(positionTasks).values({ agencyId, positionId, name: `Tugas ${next()}`, volumePerYear: '10', normMinutes: '60' }).returning();
  return row!;
}

export type SheetData = Record<string, unknown[][]>;

/** An XLSX workbook with the given sheets (first row: headers). */
export async function workbookBuffer(sheets: SheetData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const ABK_HEADERS = {
  units: ['No', 'Kode Unit', 'Nama Unit Kerja'],
  positions: ['No', 'Kode Unit', 'Kode Jabatan', 'Nama Jabatan', 'Jenis Jabatan', 'Bezetting', 'Pensiun'],
  tasks: ['No', 'Kode Unit', 'Kode Jabatan', 'Uraian Tugas', 'Satuan Hasil', 'Volume per Tahun', 'Norma Waktu (menit)'],
};

/** An ABK workbook from data rows (headers added). */
export function abkWorkbook(data: { units?: unknown[][]; positions?: unknown[][]; tasks?: unknown[][] }) {
  return workbookBuffer({
    'Unit Kerja': [ABK_HEADERS.units, ...(data.units ?? [])],
    Jabatan: [ABK_HEADERS.positions, ...(data.positions ?? [])],
    'Uraian Tugas': [ABK_HEADERS.tasks, ...(data.tasks ?? [])],
  });
}

/** A multipart/form-data body with one file in the field "file", for app.inject. */
export async function multipartFile(content: Buffer, name = 'abk.xlsx', type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type }), name);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': response.headers.get('content-type')! } };
}

/** A minimal ZIP (deflated entries), to build files that are ZIPs but not workbooks, or bombs. */
export function zip(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
const column = (index: number) => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/**
 * A minimal XLSX written directly (inline strings, no styles): fast enough to build a file of
 * 100,000 rows in a test, and a real workbook that Excel and exceljs both open.
 */
export function rawXlsx(sheets: Record<string, unknown[][]>): Buffer {
  const names = Object.keys(sheets);
  const sheetXml = (rows: unknown[][]) =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">` +
          row
            .map((value, c) =>
              typeof value === 'number'
                ? `<c r="${column(c)}${r + 1}"><v>${value}</v></c>`
                : `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${xml(String(value ?? ''))}</t></is></c>`,
            )
            .join('') +
          '</row>',
      )
      .join('') +
    '</sheetData></worksheet>';
  return zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
          names.map((name, i) => `<sheet name="${xml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
          '</sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
          '</Relationships>',
      ),
    },
    ...names.map((name, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(sheetXml(sheets[name]!)) })),
  ]);
}
