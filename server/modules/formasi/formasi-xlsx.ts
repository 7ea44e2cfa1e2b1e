// Formasi of a selection as a spreadsheet: template, export, and an all-or-nothing import that
// adds new formasi and updates those with the same position, placement unit and kind.
import { and, eq } from 'drizzle-orm';
import { ELIGIBILITY_DEFAULTS, FORMASI_KIND_RULES } from '../../../core/eligibility.js';
import { EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS, FORMASI_LIMITS, FORMASI_STATUS_LABELS, formatQualifications, isEducationLevel, parseQualifications, type FormasiImportResult, type FormasiStatus } from '../../../core/schemas/formasi.js';
import type { ImportIssue } from '../../../core/schemas/organisation.js';
import type { Db } from '../../db/client.js';
import { IssueList, XLSX_LIMITS, addTableSheet, newWorkbook, numberCell, readSheets, textCell, type CellValue, type SheetColumn, type SheetSpec } from '../../xlsx.js';
import { getAgency } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { portalChanged } from '../public/portal.service.js';
import type { AbkLineWithSteps, OrganisationIndex } from '../organisation/organisation.service.js';
import { organisationIndex } from '../organisation/organisation.service.js';
import { lockSelectionForFormasi, type SelectionForFormasi } from './formasi.repo.js';
import { checkRequirements, formasiAuditView, formasiColumns, formasiKindLabel, requireWritable, type FormasiColumns } from './formasi.service.js';
import { formasi } from './formasi.table.js';

export const FORMASI_SHEET = 'Formasi';

const COLUMNS = {
  unitCode: { key: 'unitCode', header: 'Kode Unit', required: true, note: 'Kode unit kerja jabatan (lihat lembar Daftar Jabatan).' },
  positionCode: { key: 'positionCode', header: 'Kode Jabatan', required: true, note: 'Kode jabatan di unit itu (lihat lembar Daftar Jabatan).' },
  placementCode: { key: 'placementCode', header: 'Kode Unit Penempatan', required: false, note: 'Kode unit tempat penempatan; kosong = unit jabatan.' },
  count: { key: 'count', header: 'Jumlah', required: true, note: `Jumlah formasi: bilangan bulat 1–${FORMASI_LIMITS.countMax.toLocaleString('id-ID')}.` },
  kind: { key: 'kind', header: 'Jenis Formasi', required: false, note: 'Umum, Lulusan Cumlaude, Penyandang Disabilitas, Putra/Putri Papua, Diaspora, Putra/Putri Daerah Tertinggal (kosong = Umum).' },
  education: { key: 'education', header: 'Pendidikan', required: true, note: 'Jenjang dan program studi, mis. "S1: Akuntansi, Manajemen; D3: Akuntansi". Jenjang tanpa program studi = semua program studi.' },
  minAge: { key: 'minAge', header: 'Usia Minimal', required: false, note: `Kosong = ${ELIGIBILITY_DEFAULTS.minAge} tahun.` },
  maxAge: { key: 'maxAge', header: 'Usia Maksimal', required: false, note: `Kosong = ${ELIGIBILITY_DEFAULTS.maxAge} tahun; paling tinggi ${ELIGIBILITY_DEFAULTS.maxAgeCeiling} tahun untuk jabatan tertentu.` },
  extra: { key: 'extra', header: 'Syarat Tambahan', required: false, note: `Persyaratan lain (paling banyak ${FORMASI_LIMITS.extraMax.toLocaleString('id-ID')} karakter).` },
} as const;

const SPEC: SheetSpec = { name: FORMASI_SHEET, columns: Object.values(COLUMNS).map(({ key, header, required }) => ({ key, header, required })) };

const headerKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const KINDS = new Map<string, string>();
for (const [key, rule] of Object.entries(FORMASI_KIND_RULES)) {
  KINDS.set(headerKey(key), key);
  KINDS.set(headerKey(rule.label), key);
}

type RowInput = { row: number; columns: FormasiColumns };

function parseRow(row: number, cells: Record<string, CellValue>, org: { positions: Map<string, OrganisationIndex['positions'][number]>; units: Map<string, OrganisationIndex['units'][number]> }, agencyName: string, issues: IssueList): FormasiColumns | null {
  const fail = (column: string, reason: string) => issues.add({ sheet: FORMASI_SHEET, row, column, reason });
  const before = issues.items.length + Number(issues.truncated);
  const unitCode = textCell(cells.unitCode ?? null, { required: true, max: 40, label: 'Kode unit' });
  const positionCode = textCell(cells.positionCode ?? null, { required: true, max: 40, label: 'Kode jabatan' });
  const placementCode = textCell(cells.placementCode ?? null, { required: false, max: 40, label: 'Kode unit penempatan' });
  const count = numberCell(cells.count ?? null, { label: 'Jumlah formasi', integer: true, min: 1, max: FORMASI_LIMITS.countMax });
  const kindText = textCell(cells.kind ?? null, { required: false, max: 60, label: 'Jenis formasi' });
  const education = textCell(cells.education ?? null, { required: true, max: 4_000, label: 'Pendidikan' });
  const minAge = numberCell(cells.minAge ?? null, { label: 'Usia minimal', integer: true, min: 0, max: 100, required: false, fallback: ELIGIBILITY_DEFAULTS.minAge });
  const maxAge = numberCell(cells.maxAge ?? null, { label: 'Usia maksimal', integer: true, min: 0, max: 100, required: false, fallback: ELIGIBILITY_DEFAULTS.maxAge });
  const extra = textCell(cells.extra ?? null, { required: false, max: FORMASI_LIMITS.extraMax, label: 'Syarat tambahan' });

  let position: OrganisationIndex['positions'][number] | undefined;
  if (!unitCode.ok) fail(COLUMNS.unitCode.header, unitCode.reason);
  if (!positionCode.ok) fail(COLUMNS.positionCode.header, positionCode.reason);
  if (unitCode.ok && positionCode.ok) {
    position = org.positions.get(`${unitCode.value}\u0000${positionCode.value}`);
    if (!position) fail(COLUMNS.positionCode.header, `Jabatan "${positionCode.value}" di unit "${unitCode.value}" tidak ditemukan di data ABK instansi.`);
  }
  let placement: { id: string; name: string } | undefined;
  if (!placementCode.ok) fail(COLUMNS.placementCode.header, placementCode.reason);
  else if (placementCode.value) {
    placement = org.units.get(placementCode.value);
    if (!placement) fail(COLUMNS.placementCode.header, `Unit kerja "${placementCode.value}" tidak ditemukan di data instansi.`);
  } else if (position) placement = { id: position.unitId, name: position.unitName };
  if (!count.ok) fail(COLUMNS.count.header, count.reason);
  let kind = 'umum';
  if (!kindText.ok) fail(COLUMNS.kind.header, kindText.reason);
  else if (kindText.value) {
    const found = KINDS.get(headerKey(kindText.value));
    if (found) kind = found;
    else fail(COLUMNS.kind.header, `Jenis formasi "${kindText.value}" tidak dikenal.`);
  }
  let qualifications: Array<{ level: string; programmes: string[] }> = [];
  if (!education.ok) fail(COLUMNS.education.header, education.reason);
  else {
    qualifications = parseQualifications(education.value);
    const badLevel = qualifications.find((q) => !isEducationLevel(q.level));
    const badProgramme = qualifications.flatMap((q) => q.programmes).find((p) => p.length < 2 || p.length > FORMASI_LIMITS.programmeMax);
    if (qualifications.length === 0) fail(COLUMNS.education.header, 'Pendidikan wajib diisi.');
    else if (badLevel) fail(COLUMNS.education.header, `Jenjang "${badLevel.level}" tidak dikenal; gunakan salah satu dari ${EDUCATION_LEVELS.join(', ')}.`);
    else if (badProgramme !== undefined) fail(COLUMNS.education.header, `Nama program studi "${badProgramme.slice(0, 40)}" harus 2–${FORMASI_LIMITS.programmeMax} karakter.`);
    else if (qualifications.length > FORMASI_LIMITS.qualificationsMax || qualifications.some((q) => q.programmes.length > FORMASI_LIMITS.programmesMax)) {
      fail(COLUMNS.education.header, `Paling banyak ${FORMASI_LIMITS.qualificationsMax} jenjang dan ${FORMASI_LIMITS.programmesMax} program studi per jenjang.`);
    }
  }
  if (!minAge.ok) fail(COLUMNS.minAge.header, minAge.reason);
  if (!maxAge.ok) fail(COLUMNS.maxAge.header, maxAge.reason);
  if (!extra.ok) fail(COLUMNS.extra.header, extra.reason);
  if (issues.items.length + Number(issues.truncated) > before || !position || !placement || !count.ok || !minAge.ok || !maxAge.ok || !extra.ok) return null;

  const checked = checkRequirements({ qualifications, kind, minAge: minAge.value, maxAge: maxAge.value, extraRequirements: extra.value });
  if (!checked.ok) {
    const columnOf = (field: string) => (field.startsWith('qualifications') ? COLUMNS.education.header : field === 'kind' ? COLUMNS.kind.header : field === 'minAge' ? COLUMNS.minAge.header : COLUMNS.maxAge.header);
    for (const issue of checked.issues) fail(columnOf(issue.field), issue.message);
    return null;
  }
  return formasiColumns({ requirements: checked.value, position: { id: position.id, name: position.name }, unit: placement, agencyName, count: count.value });
}

const keyOf = (c: Pick<FormasiColumns, 'positionId' | 'unitId' | 'kind'>) => `${c.positionId}\u0000${c.unitId}\u0000${c.kind}`;

export type FormasiImportOutcome = { ok: true; result: FormasiImportResult } | { ok: false; issues: ImportIssue[]; truncated: boolean };

export type ImportFormasiOptions = { actorId: string; agencyId: string; selectionId: string; file: Buffer };

export async function importFormasi(db: Db, options: ImportFormasiOptions): Promise<FormasiImportOutcome> {
  const selection = await lockSelectionForFormasi(db, options, { lock: false });
  requireWritable(selection);
  const read = await readSheets(options.file, [SPEC]);
  if (!read.ok) return { ok: false, issues: read.issues, truncated: false };
  const agency = await getAgency(db, options.agencyId);
  const index = await organisationIndex(db, options.agencyId);
  const org = {
    positions: new Map(index.positions.map((p) => [`${p.unitCode}\u0000${p.code}`, p])),
    units: new Map(index.units.map((u) => [u.code, u])),
  };
  const issues = new IssueList();
  const rows: RowInput[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of read.sheets.get(FORMASI_SHEET) ?? []) {
    if (issues.full) break;
    const columns = parseRow(row, cells, org, agency.name, issues);
    if (!columns) continue;
    const first = seen.get(keyOf(columns));
    if (first !== undefined) {
      issues.add({ sheet: FORMASI_SHEET, row, column: COLUMNS.positionCode.header, reason: `Formasi jabatan, unit penempatan dan jenis yang sama sudah ada di baris ${first}.` });
      continue;
    }
    seen.set(keyOf(columns), row);
    rows.push({ row, columns });
  }
  if (!issues.empty) return { ok: false, issues: issues.items, truncated: issues.truncated };
  if (rows.length === 0) return { ok: false, issues: [{ sheet: null, row: null, column: null, reason: 'Berkas tidak berisi formasi untuk diimpor (hanya judul kolom atau baris contoh).' }], truncated: false };

  const result = await db.transaction(async (tx) => {
    const locked = await lockSelectionForFormasi(tx, options, { lock: true });
    requireWritable(locked);
    const existing = await tx.select().from(formasi).where(and(eq(formasi.agencyId, options.agencyId), eq(formasi.selectionId, options.selectionId)));
    const byKey = new Map(existing.filter((row) => row.positionId && row.unitId).map((row) => [keyOf({ positionId: row.positionId!, unitId: row.unitId!, kind: row.kind }), row]));
    const published = locked.status === 'published';
    const now = new Date();
    const outcome: FormasiImportResult = { created: 0, updated: 0 };
    for (const { columns } of rows) {
      const before = byKey.get(keyOf(columns));
      if (before) {
        const [after] = await tx.update(formasi).set({ ...columns, updatedAt: now }).where(eq(formasi.id, before.id)).returning();
        outcome.updated += 1;
        if (before.status === 'published') {
          await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'formasi.correct', targetType: 'formasi', targetId: before.id, before: formasiAuditView(before), after: formasiAuditView(after!), details: { selectionId: options.selectionId, via: 'import' } });
        }
      } else {
        await tx.insert(formasi).values({ agencyId: options.agencyId, selectionId: options.selectionId, ...columns, status: published ? 'published' : 'draft', publishedAt: published ? now : null });
        outcome.created += 1;
      }
    }
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'formasi.import', targetType: 'selection', targetId: options.selectionId, after: outcome, details: { rows: rows.length, published } });
    return { outcome, published };
  });
  if (result.published) portalChanged(db);
  return { ok: true, result: result.outcome };
}

const writeColumns = (widths: Record<string, number>): SheetColumn[] => [
  { key: 'no', header: 'No', width: 8, note: 'Nomor urut (boleh kosong). Baris bertanda "Contoh" tidak diimpor.' },
  ...Object.values(COLUMNS).map((column) => ({ key: column.key, header: column.header, note: column.note, width: widths[column.key] ?? Math.max(14, column.header.length + 4) })),
];
const WIDTHS = { education: 50, extra: 40, kind: 22 };

function positionsSheet(workbook: ReturnType<typeof newWorkbook>, lines: AbkLineWithSteps[]) {
  addTableSheet(
    workbook,
    'Daftar Jabatan',
    [
      { key: 'unitCode', header: 'Kode Unit' },
      { key: 'unitName', header: 'Unit Kerja', width: 32 },
      { key: 'positionCode', header: 'Kode Jabatan' },
      { key: 'positionName', header: 'Nama Jabatan', width: 32 },
      { key: 'proposed', header: 'Usulan Formasi (ABK)', width: 20 },
    ],
    lines.map((line) => ({ unitCode: line.position.unitCode, unitName: line.position.unitName, positionCode: line.position.code, positionName: line.position.name, proposed: line.proposedFormasi })),
  );
}

/** The template: instructions, the Formasi sheet with an example row, and the agency's positions for reference. */
export function formasiTemplate(options: { selection: SelectionForFormasi; lines: AbkLineWithSteps[] }) {
  const workbook = newWorkbook();
  const help = workbook.addWorksheet('Petunjuk');
  help.columns = [{ width: 110 }];
  const kinds = Object.entries(FORMASI_KIND_RULES).map(([key, rule]) => `${rule.label} (${key})`).join(', ');
  for (const line of [
    `Templat impor formasi — ${options.selection.name}`,
    '',
    'Isi lembar "Formasi": satu baris per formasi. Baris pertama adalah judul kolom: jangan diubah.',
    'Baris yang kolom "No"-nya berisi "Contoh" tidak diimpor. Kode unit dan kode jabatan ada di lembar "Daftar Jabatan".',
    'Formasi dengan jabatan, unit penempatan dan jenis yang sama dengan formasi yang sudah ada akan DIPERBARUI; selebihnya ditambahkan.',
    'Formasi yang sudah diumumkan tetap boleh diperbarui; setiap perubahan dicatat di jejak audit beserta nilai sebelum dan sesudahnya.',
    '',
    `Jenis formasi: ${kinds}.`,
    `Jenjang pendidikan: ${EDUCATION_LEVELS.map((level) => `${level} (${EDUCATION_LEVEL_LABELS[level]})`).join(', ')}.`,
    'Pendidikan ditulis "JENJANG: program studi, program studi; JENJANG: …", mis. "S1: Akuntansi, Manajemen; D3: Akuntansi".',
    `Usia: minimal ${ELIGIBILITY_DEFAULTS.minAge}, maksimal ${ELIGIBILITY_DEFAULTS.maxAge} tahun bila kosong; usia maksimal paling tinggi ${ELIGIBILITY_DEFAULTS.maxAgeCeiling} tahun.`,
    '',
    'Semua atau tidak sama sekali: bila ada satu baris yang salah, tidak ada formasi yang disimpan dan aplikasi menampilkan daftar baris, kolom dan alasannya.',
    `Batas: ${XLSX_LIMITS.rowsPerSheet.toLocaleString('id-ID')} baris, ukuran berkas ${XLSX_LIMITS.uploadBytes / 1024 / 1024} MB.`,
  ]) {
    help.addRow([line]);
  }
  help.getRow(1).font = { bold: true, size: 14 };
  const example = options.lines.find((line) => (line.proposedFormasi ?? 0) > 0) ?? options.lines[0];
  const sheet = addTableSheet(workbook, FORMASI_SHEET, writeColumns(WIDTHS), [
    {
      no: 'Contoh',
      unitCode: example?.position.unitCode ?? 'DISDIK',
      positionCode: example?.position.code ?? 'GURU-MTK',
      placementCode: '',
      count: example?.proposedFormasi || 1,
      kind: 'Umum',
      education: 'S1: Pendidikan Matematika, Matematika',
      minAge: ELIGIBILITY_DEFAULTS.minAge,
      maxAge: ELIGIBILITY_DEFAULTS.maxAge,
      extra: 'Memiliki sertifikat pendidik',
    },
  ]);
  sheet.getRow(2).font = { italic: true, color: { argb: 'FF595959' } };
  positionsSheet(workbook, options.lines);
  return workbook;
}

/** Every formasi of the selection in the import's columns (so the file can be corrected and imported again). */
export async function formasiExport(db: Db, options: { agencyId: string; selection: SelectionForFormasi; rows: Array<typeof formasi.$inferSelect> }) {
  const index = await organisationIndex(db, options.agencyId);
  const positionById = new Map(index.positions.map((p) => [p.id, p]));
  const unitById = new Map(index.units.map((u) => [u.id, u]));
  const workbook = newWorkbook();
  const columns = writeColumns(WIDTHS);
  columns.splice(3, 0, { key: 'positionName', header: 'Nama Jabatan', width: 32, note: 'Tidak dibaca saat impor.' });
  columns.splice(5, 0, { key: 'placementName', header: 'Unit Penempatan', width: 32, note: 'Tidak dibaca saat impor.' });
  columns.push({ key: 'status', header: 'Status', width: 12 }, { key: 'abk', header: 'Sumber ABK', width: 36 });
  addTableSheet(
    workbook,
    FORMASI_SHEET,
    columns,
    options.rows.map((row, index) => {
      const position = row.positionId ? positionById.get(row.positionId) : undefined;
      const source = row.abkSource as { roundedNeed?: number; proposedFormasi?: number; shortfall?: number } | null;
      return {
        no: index + 1,
        unitCode: position?.unitCode ?? '',
        positionCode: position?.code ?? '',
        positionName: row.positionName,
        placementCode: row.unitId ? (unitById.get(row.unitId)?.code ?? '') : '',
        placementName: row.unitName,
        count: row.count,
        kind: formasiKindLabel(row.kind),
        education: formatQualifications(row.qualifications),
        minAge: row.minAge,
        maxAge: row.maxAge,
        extra: row.extraRequirements,
        status: FORMASI_STATUS_LABELS[row.status as FormasiStatus] ?? row.status,
        abk: source && typeof source.roundedNeed === 'number' ? `Kebutuhan ${source.roundedNeed}, kekurangan ${source.shortfall}, usulan ${source.proposedFormasi}` : '',
      };
    }),
  );
  const total = options.rows.reduce((sum, row) => sum + row.count, 0);
  // The summary lives on its own sheet so the Formasi sheet stays importable as it is.
  const summary = workbook.addWorksheet('Ringkasan');
  summary.columns = [{ width: 30 }, { width: 60 }];
  summary.addRow(['Seleksi', options.selection.name]);
  summary.addRow(['Jumlah formasi', options.rows.length]);
  summary.addRow(['Jumlah kebutuhan (orang)', total]);
  summary.addRow(['Diunduh', new Date().toISOString()]);
  return workbook;
}
