// A dashboard as a workbook (a sheet per section) and as a PDF (a table per section), from the same
// sections the page shows.
import PDFDocument from 'pdfkit';
import type { DashboardCell, DashboardSection, DashboardView } from '../../../core/schemas/dashboards.js';
import { addTableSheet, newWorkbook } from '../../xlsx.js';

const sheetName = (title: string, used: Set<string>) => {
  const base = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28).trim() || 'Bagian';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 26)} ${i}`;
  used.add(name.toLowerCase());
  return name;
};

export function dashboardWorkbook(view: DashboardView) {
  const workbook = newWorkbook();
  const used = new Set<string>();
  for (const s of view.sections) {
    const sheet = addTableSheet(
      workbook,
      sheetName(s.title, used),
      s.columns.map((c) => ({ key: c.key, header: c.header, width: c.kind === 'text' ? 36 : Math.max(12, c.header.length + 2) })),
      s.rows,
    );
    sheet.addRow([]);
    if (s.rows.length === 0) sheet.addRow([s.empty]);
    for (const line of [s.title, s.description, ...s.notes]) sheet.addRow([line]);
    sheet.addRow([`${view.title}. Dibuat ${view.generatedAt}.`]);
  }
  return workbook;
}

export const cellText = (value: DashboardCell | undefined, kind: 'text' | 'number' | 'percent'): string => {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return `${value.toLocaleString('id-ID', { maximumFractionDigits: 3 })}${kind === 'percent' ? '%' : ''}`;
  return value;
};

const MARGIN = 36;

export function dashboardPdf(view: DashboardView): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: view.title, Author: view.agency?.name ?? 'Rekrutmen ASN' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  doc.font('Helvetica-Bold').fontSize(15).text(view.title);
  doc.font('Helvetica').fontSize(8.5).fillColor('#333').text(`Dibuat ${new Date(view.generatedAt).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' })} WIB`);
  doc.fillColor('#000');
  for (const s of view.sections) renderSection(doc, s, width, bottom);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('Helvetica').fontSize(7).fillColor('#333').text(`${view.title} — halaman ${i + 1 - range.start} dari ${range.count}`, MARGIN, doc.page.height - MARGIN - 10, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

function renderSection(doc: PDFKit.PDFDocument, s: DashboardSection, width: number, bottom: () => number) {
  if (doc.y + 80 > bottom()) doc.addPage();
  doc.x = MARGIN;
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11.5).fillColor('#000').text(s.title, { width });
  doc.font('Helvetica').fontSize(8.5).fillColor('#333').text(s.description, { width });
  for (const note of s.notes) doc.moveDown(0.2).text(`Catatan: ${note}`, { width });
  doc.fillColor('#000').moveDown(0.4);
  if (s.rows.length === 0) {
    doc.font('Helvetica-Oblique').text(s.empty, { width });
    return;
  }
  // Text columns get three shares of the width, numbers one.
  const shares = s.columns.map((c) => (c.kind === 'text' ? 3 : 1));
  const unit = width / shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((share) => share * unit);
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 6 }))) + 6;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (!bold) header();
    }
    const top = doc.y;
    if (bold) doc.rect(MARGIN, top, width, height).fill('#e8edf3').fillColor('#000');
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 3, top + 3, { width: widths[i]! - 6, align: s.columns[i]!.kind === 'text' ? 'left' : 'right' });
      x += widths[i]!;
    });
    doc.moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).lineWidth(0.3).strokeColor('#999').stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  const header = () => row(s.columns.map((c) => c.header), true);
  header();
  for (const r of s.rows) row(s.columns.map((c) => cellText(r[c.key], c.kind)), false);
}
