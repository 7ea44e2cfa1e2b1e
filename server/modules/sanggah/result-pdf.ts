import PDFDocument from 'pdfkit';
import type { ResultEntry } from '../../../core/sanggah.js';
import { formatInZone, type AgencyZone } from '../../../core/time.js';

export type ResultPdfOptions = {
  agencyName: string;
  selectionName: string;
  /** "HASIL SELEKSI ADMINISTRASI" or "… PASCA SANGGAH". */
  heading: string;
  publishedAt: Date;
  zone: AgencyZone;
  entries: readonly ResultEntry[];
  /** SHA-256 over the canonical JSON of `entries`. */
  resultHash: string;
  /** Lines printed under the heading (objection window, legal basis). */
  notes: readonly string[];
};

const MARGIN = 40;
const FOOTER_SPACE = 46;

export type ListPdfColumn = { title: string; width: number };

export type ListPdfOptions = Pick<ResultPdfOptions, 'agencyName' | 'selectionName' | 'heading' | 'publishedAt' | 'zone' | 'resultHash' | 'notes'> & {
  /** One line of counts under the heading. */
  summary: string;
  /** How the hash is computed, so anyone can recompute it. */
  hashNote: string;
  columns: readonly ListPdfColumn[];
  rows: ReadonlyArray<readonly string[]>;
  empty: string;
};

/**
 * A published list as a PDF table with the list's SHA-256 under the heading and on every page,
 * so a printed copy can be matched to its announcement.
 */
export function renderListPdf(options: ListPdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `${options.heading} — ${options.selectionName}`, Author: options.agencyName } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const columns = options.columns;

  doc.font('Helvetica').fontSize(10).fillColor('#333').text(options.agencyName.toUpperCase());
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#000').text(`PENGUMUMAN ${options.heading}`);
  doc.font('Helvetica').fontSize(11).text(options.selectionName);
  doc.fontSize(9).fillColor('#333').text(`Diumumkan ${formatInZone(options.publishedAt, options.zone)}`);
  doc.moveDown(0.5);
  doc.fillColor('#000').fontSize(10).text(options.summary);
  for (const note of options.notes) doc.moveDown(0.3).text(note);
  doc.moveDown(0.3);
  doc.fontSize(8).fillColor('#333').text(options.hashNote);
  doc.font('Courier').fontSize(8).fillColor('#000').text(options.resultHash);
  doc.font('Helvetica').moveDown(0.8);

  const tableWidth = columns.reduce((sum, c) => sum + c.width, 0);
  const bottom = () => doc.page.height - MARGIN - FOOTER_SPACE;
  const row = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]!.width - 6 }));
    const height = Math.max(...heights) + 6;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (!bold) header();
    }
    const top = doc.y;
    let x = MARGIN;
    if (bold) doc.rect(MARGIN, top, tableWidth, height).fill('#e8edf3').fillColor('#000');
    cells.forEach((cell, i) => {
      doc.text(cell, x + 3, top + 3, { width: columns[i]!.width - 6 });
      x += columns[i]!.width;
    });
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + tableWidth, top + height).lineWidth(0.3).strokeColor('#999').stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  const header = () => row(columns.map((c) => c.title), true);

  header();
  for (const cells of options.rows) row(cells, false);
  if (options.rows.length === 0) doc.text(options.empty);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - 24;
    doc.font('Helvetica').fontSize(7).fillColor('#333');
    doc.text(`SHA-256 daftar hasil: ${options.resultHash}`, MARGIN, y, { width: tableWidth, lineBreak: false });
    doc.text(`Halaman ${i + 1 - range.start} dari ${range.count}`, MARGIN, y + 10, { width: tableWidth, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

/**
 * The administrative result list: registration number, name, formation and MS/TMS for every
 * application — never a NIK.
 */
export function renderResultPdf(options: ResultPdfOptions): Promise<Buffer> {
  const ms = options.entries.filter((e) => e.result === 'MS').length;
  return renderListPdf({
    ...options,
    summary: `Jumlah pelamar: ${options.entries.length.toLocaleString('id-ID')} — Memenuhi Syarat (MS): ${ms.toLocaleString('id-ID')}, Tidak Memenuhi Syarat (TMS): ${(options.entries.length - ms).toLocaleString('id-ID')}.`,
    hashNote:
      'Sidik jari SHA-256 dihitung atas JSON kanonik daftar ini (kunci diurutkan: formasi, name, registrationNumber, result; urut nomor pendaftaran), sehingga siapa pun dapat menghitung ulang dan mencocokkannya.',
    columns: [
      { title: 'No.', width: 34 },
      { title: 'Nomor pendaftaran', width: 128 },
      { title: 'Nama', width: 136 },
      { title: 'Formasi', width: 170 },
      { title: 'Hasil', width: 47 },
    ],
    rows: options.entries.map((entry, index) => [(index + 1).toLocaleString('id-ID'), entry.registrationNumber, entry.name, entry.formasi, entry.result]),
    empty: 'Tidak ada pendaftar.',
  });
}
