import PDFDocument from 'pdfkit';
import type ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { addTableSheet, newWorkbook } from '../../xlsx.js';
import { agencyZone, sessionView } from './cat-sessions.repo.js';
import { sessionParticipants, startText } from './cat-sessions.service.js';

/** The attendance list a proctor prints for a session: seat, registration number, name, formation, signature. */
export type ProctorListOptions = { agencyId: string; sessionId: string };

async function listData(db: Db, { agencyId, sessionId }: ProctorListOptions) {
  const [session, agency, seated] = await Promise.all([sessionView(db, { agencyId, sessionId }), agencyZone(db, agencyId), sessionParticipants(db, { sessionId })]);
  return {
    session,
    agency,
    startsAtText: startText(new Date(session.startsAt), agency.timezone),
    rows: seated.map(({ attempt, participant }) => ({
      seat: attempt.seat ?? 0,
      registrationNumber: participant?.registrationNumber ?? '',
      name: participant?.name ?? '',
      formasi: participant?.formasi ?? '',
      need: attempt.need ?? '',
    })),
  };
}

/** A filename part from a session name: letters, digits and dashes. */
export const fileSlug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'sesi';

export async function proctorListPdf(db: Db, options: ProctorListOptions): Promise<{ pdf: Buffer; name: string }> {
  const data = await listData(db, options);
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `Daftar Hadir ${data.session.name}`, Author: data.agency.name } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const header = () => {
    doc.fontSize(9).fillColor('#444').text(data.agency.name.toUpperCase());
    doc.fontSize(15).fillColor('#000').text('DAFTAR HADIR PESERTA UJIAN CAT');
    doc.fontSize(10).text(`${data.session.selectionName} — ${data.session.blueprintName}`);
    doc.text(`Sesi: ${data.session.name}   Mulai: ${data.startsAtText}`);
    doc.text(`Lokasi: ${data.session.venueName}   Ruang: ${data.session.roomName}   Kursi: ${data.session.capacity}   Peserta: ${data.rows.length}`);
    doc.moveDown(0.6);
  };
  const columns = [
    { label: 'Kursi', width: 40 },
    { label: 'No. Pendaftaran', width: 110 },
    { label: 'Nama', width: 150 },
    { label: 'Formasi', width: 130 },
    { label: 'Tanda tangan', width: 85 },
  ];
  const left = 40;
  const rowHeight = 30;
  const drawRow = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    cells.forEach((cell, i) => {
      const width = columns[i]!.width;
      doc.rect(x, y, width, rowHeight).strokeColor('#999').stroke();
      doc.fillColor('#000').text(cell, x + 3, y + 4, { width: width - 6, height: rowHeight - 6, ellipsis: true });
      x += width;
    });
    doc.x = left;
    doc.y = y + rowHeight;
  };
  header();
  drawRow(columns.map((c) => c.label), true);
  for (const row of data.rows) {
    if (doc.y + rowHeight > doc.page.height - 90) {
      doc.addPage();
      header();
      drawRow(columns.map((c) => c.label), true);
    }
    drawRow([String(row.seat), row.registrationNumber, row.name + (row.need ? ` (${row.need})` : ''), row.formasi, ''], false);
  }
  doc.moveDown(2);
  doc.font('Helvetica').fontSize(10).text('Pengawas ruang,', left);
  doc.moveDown(3);
  doc.text('(.............................................)', left);
  doc.end();
  return { pdf: await done, name: `daftar-hadir-${fileSlug(data.session.name)}.pdf` };
}

export async function proctorListWorkbook(db: Db, options: ProctorListOptions): Promise<{ workbook: ExcelJS.Workbook; name: string }> {
  const data = await listData(db, options);
  const workbook = newWorkbook();
  const sheet = addTableSheet(
    workbook,
    'Daftar hadir',
    [
      { header: 'Kursi', key: 'seat', width: 8 },
      { header: 'No. Pendaftaran', key: 'registrationNumber', width: 26 },
      { header: 'Nama', key: 'name', width: 32 },
      { header: 'Formasi', key: 'formasi', width: 48 },
      { header: 'Kebutuhan khusus', key: 'need', width: 18 },
      { header: 'Tanda tangan', key: 'signature', width: 22 },
    ],
    data.rows.map((row) => ({ ...row, signature: '' })),
  );
  sheet.headerFooter.oddHeader = `${data.session.name} — ${data.session.venueName}, ${data.session.roomName} — ${data.startsAtText}`;
  return { workbook, name: `daftar-hadir-${fileSlug(data.session.name)}.xlsx` };
}
