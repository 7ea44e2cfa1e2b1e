// Training certificates: a PDF with a QR code to the public check, whose token is an HMAC of the
// certificate number, so a forged or altered link is refused without storing tokens.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatCalendarDateId, parseCalendarDate } from '../../../core/calendar-date.js';
import { calendarDateInZone, isAgencyZone } from '../../../core/time.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { findEnrolment } from './enrolments.service.js';
import { findProgramme, findSession } from './training.service.js';
import { trainingEnrolments } from './training.table.js';

const NUMBER = /^[A-Z0-9]{1,20}-[A-Z0-9]{1,20}-\d{4}-\d{5,}$/;

export function certificateToken(secret: string, number: string): string {
  return createHmac('sha256', secret).update(`training-certificate:${number}`).digest('base64url').slice(0, 22);
}

function tokenMatches(secret: string, number: string, token: string) {
  const expected = Buffer.from(certificateToken(secret, number));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function certificateCheckUrl(publicUrl: string, secret: string, number: string) {
  return `${publicUrl}/cek-sertifikat/${encodeURIComponent(number)}?t=${certificateToken(secret, number)}`;
}

async function certificateData(db: Db, enrolment: typeof trainingEnrolments.$inferSelect) {
  const programme = await findProgramme(db, { agencyId: enrolment.agencyId, programmeId: enrolment.programmeId });
  const session = enrolment.sessionId ? await findSession(db, { agencyId: enrolment.agencyId, sessionId: enrolment.sessionId }) : null;
  const agency = await getAgency(db, enrolment.agencyId);
  const zone = isAgencyZone(agency.timezone) ? agency.timezone : 'Asia/Jakarta';
  const dateText = (date: Date | null) => (date ? formatCalendarDateId(parseCalendarDate(calendarDateInZone(date, zone))!) : '');
  return { programme, session, agency, completedText: dateText(enrolment.completedAt) };
}

export type CertificatePdfOptions = { db: Db; publicUrl: string; secret: string; agencyId: string; enrolmentId: string };

/** The certificate of a completed enrolment (PDF, A4 landscape). */
export async function certificatePdf(options: CertificatePdfOptions): Promise<{ pdf: Buffer; number: string }> {
  const enrolment = await findEnrolment(options.db, options);
  if (enrolment.status !== 'completed' || !enrolment.certificateNumber) throw new AppError('INVALID_STATE', 'Sertifikat tersedia setelah peserta dinyatakan lulus.');
  const data = await certificateData(options.db, enrolment);
  const number = enrolment.certificateNumber;
  const url = certificateCheckUrl(options.publicUrl, options.secret, number);
  const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 });

  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 56, info: { Title: `Sertifikat ${number}`, Author: data.agency.name } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 112;
  doc.rect(28, 28, doc.page.width - 56, doc.page.height - 56).lineWidth(2).stroke('#1f4e79');
  doc.fontSize(12).fillColor('#444').text(data.agency.name.toUpperCase(), 56, 64, { width, align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(30).fillColor('#1f4e79').text('SERTIFIKAT', { width, align: 'center' });
  doc.fontSize(11).fillColor('#444').text(`Nomor ${number}`, { width, align: 'center' });
  doc.moveDown(1.2);
  doc.fontSize(12).fillColor('#000').text('diberikan kepada', { width, align: 'center' });
  doc.moveDown(0.4);
  doc.fontSize(24).text(enrolment.participantName, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(12).text('yang telah menyelesaikan dan dinyatakan LULUS', { width, align: 'center' });
  doc.moveDown(0.4);
  doc.fontSize(18).text(data.programme.name, { width, align: 'center' });
  const details = [data.session ? `Kelas ${data.session.name}` : null, data.programme.hours > 0 ? `${data.programme.hours} jam pelajaran` : null, data.completedText ? `lulus ${data.completedText}` : null].filter(Boolean);
  doc.fontSize(11).fillColor('#444').text(details.join(' · '), { width, align: 'center' });
  if (data.programme.competencies.length) doc.text(`Kompetensi: ${data.programme.competencies.join(', ')}`, { width, align: 'center' });

  const qrTop = doc.page.height - 56 - 150;
  doc.image(qr, 72, qrTop, { width: 120 });
  doc.fontSize(9).fillColor('#000').text('Pindai kode QR untuk memeriksa keaslian sertifikat ini, atau buka:', 204, qrTop + 20, { width: 420 });
  doc.fontSize(8).fillColor('#0645ad').text(url, 204, doc.y, { width: 420, link: url, underline: true });
  doc.fontSize(8).fillColor('#444').text('Sertifikat elektronik dari sistem Rekrutmen ASN; berlaku tanpa tanda tangan basah.', 204, doc.y + 6, { width: 420 });
  doc.end();
  return { pdf: await done, number };
}

export type CertificateCheckOptions = { db: Db; secret: string; number: string; token: string };

/**
 * The public check behind the QR code. A forged or altered token, or an unknown number, is
 * refused as not found; a certificate of a class reopened since is shown as no longer valid.
 */
export async function publicCertificateCheck(options: CertificateCheckOptions) {
  if (!NUMBER.test(options.number) || !tokenMatches(options.secret, options.number, options.token)) {
    throw notFound('Sertifikat dengan nomor dan kode ini');
  }
  const [enrolment] = await options.db.select().from(trainingEnrolments).where(and(eq(trainingEnrolments.certificateNumber, options.number)));
  if (!enrolment) throw notFound('Sertifikat dengan nomor dan kode ini');
  const data = await certificateData(options.db, enrolment);
  return {
    number: options.number,
    valid: enrolment.status === 'completed',
    participantName: enrolment.participantName,
    programmeName: data.programme.name,
    hours: data.programme.hours,
    sessionName: data.session?.name ?? '',
    agencyName: data.agency.name,
    completedAt: enrolment.completedAt?.toISOString() ?? null,
    issuedAt: enrolment.certificateIssuedAt?.toISOString() ?? null,
  };
}
