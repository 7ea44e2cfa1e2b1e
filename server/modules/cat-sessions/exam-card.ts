import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { maskName } from '../../../core/registration.js';
import type { PublicExamCard } from '../../../core/schemas/cat-sessions.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { agencies } from '../agencies/agencies.table.js';
import { catAttempts, catBlueprints, catRooms, catSessions, catVenues } from '../cat/cat.table.js';
import { blobPath } from '../files/files.service.js';
import { selections } from '../selections/selections.table.js';
import { applicantPhotos, participantsByApplication } from './cat-sessions.repo.js';
import { startText } from './cat-sessions.service.js';

/** The QR's secret: an HMAC of the attempt id, so a forged or altered link is refused without storing tokens. */
export function examCardToken(secret: string, attemptId: string): string {
  return createHmac('sha256', secret).update(`cat-card:${attemptId}`).digest('base64url').slice(0, 22);
}

function tokenMatches(secret: string, attemptId: string, token: string) {
  const expected = Buffer.from(examCardToken(secret, attemptId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function examCardUrl(publicUrl: string, secret: string, attemptId: string) {
  return `${publicUrl}/cek-kartu-ujian/${attemptId}?t=${examCardToken(secret, attemptId)}`;
}

/** An attempt with its seat, session, room, venue, blueprint, round and agency; null without a seat. */
async function seatedAttempt(db: Db, where: ReturnType<typeof and>) {
  const [row] = await db
    .select({
      attempt: catAttempts,
      session: catSessions,
      roomName: catRooms.name,
      venueName: catVenues.name,
      venueAddress: catVenues.address,
      blueprintName: catBlueprints.name,
      selectionName: selections.name,
      agencyName: agencies.name,
      timezone: agencies.timezone,
    })
    .from(catAttempts)
    .innerJoin(catSessions, eq(catSessions.id, catAttempts.sessionId))
    .innerJoin(catRooms, eq(catRooms.id, catSessions.roomId))
    .innerJoin(catVenues, eq(catVenues.id, catRooms.venueId))
    .innerJoin(catBlueprints, eq(catBlueprints.id, catAttempts.blueprintId))
    .innerJoin(selections, eq(selections.id, catAttempts.selectionId))
    .innerJoin(agencies, eq(agencies.id, catAttempts.agencyId))
    .where(where);
  if (!row || row.attempt.seat === null) return null;
  const participant = (await participantsByApplication(db, [row.attempt.applicationId])).get(row.attempt.applicationId);
  return { ...row, seat: row.attempt.seat, participant, startsAtText: startText(row.session.startsAt, row.timezone) };
}

export type ExamCardOptions = { db: Db; uploadDir: string; publicUrl: string; secret: string; accountId: string; attemptId: string };

/** The applicant's exam card (PDF): number, name, photo, session, venue, room, seat, start time, and a QR to the public check. */
export async function examCardPdf(options: ExamCardOptions): Promise<Buffer> {
  const [own] = await options.db
    .select({ id: catAttempts.id, sessionId: catAttempts.sessionId })
    .from(catAttempts)
    .where(and(eq(catAttempts.id, options.attemptId), eq(catAttempts.accountId, options.accountId)));
  if (!own) throw notFound('Ujian');
  const data = own.sessionId ? await seatedAttempt(options.db, eq(catAttempts.id, own.id)) : null;
  if (!data) throw new AppError('INVALID_STATE', 'Kartu ujian tersedia setelah panitia membagi jadwal dan kursi ujian.');
  const url = examCardUrl(options.publicUrl, options.secret, own.id);
  const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  const photoFile = (await applicantPhotos(options.db, [data.attempt.applicationId])).get(data.attempt.applicationId);
  const photo = photoFile ? await readFile(blobPath(options.uploadDir, photoFile.sha256)).catch(() => null) : null;
  return renderCard({ data, qr, photo, url });
}

type CardData = NonNullable<Awaited<ReturnType<typeof seatedAttempt>>>;

function renderCard({ data, qr, photo, url }: { data: CardData; qr: Buffer; photo: Buffer | null; url: string }): Promise<Buffer> {
  const number = data.participant?.registrationNumber ?? '';
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Kartu Peserta Ujian ${number}`, Author: data.agencyName } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fontSize(10).fillColor('#444').text(data.agencyName.toUpperCase(), { width: 360 });
  doc.fontSize(18).fillColor('#000').text('KARTU PESERTA UJIAN CAT', { width: 360 });
  doc.fontSize(11).text(`${data.selectionName} — ${data.blueprintName}`, { width: 360 });
  if (photo) {
    try {
      doc.image(photo, 430, 48, { fit: [110, 140] });
    } catch {
      // An unreadable image leaves the photo frame empty rather than failing the card.
    }
  }
  doc.rect(430, 48, 110, 140).strokeColor('#888').stroke();
  doc.moveDown();
  const row = (label: string, value: string, size = 12) => {
    doc.fontSize(10).fillColor('#444').text(label, { width: 360 });
    doc.fontSize(size).fillColor('#000').text(value, { width: 360 });
    doc.moveDown(0.3);
  };
  row('Nomor pendaftaran', number, 20);
  row('Nama', data.participant?.name ?? '');
  row('Formasi', data.participant?.formasi ?? '');
  row('Lokasi ujian', [data.venueName, data.venueAddress].filter(Boolean).join(', '));
  row('Ruang', data.roomName);
  row('Nomor kursi', String(data.seat), 20);
  row('Sesi', data.session.name);
  row('Waktu mulai', data.startsAtText, 14);
  row('Lama ujian', `${Math.round(data.attempt.durationSeconds / 60)} menit`);
  doc.moveDown(0.5);
  const qrTop = doc.y;
  doc.image(qr, 48, qrTop, { width: 130 });
  doc.fontSize(9).text('Pindai kode QR untuk memastikan jadwal dan kursi ini tercatat di sistem, atau buka:', 190, qrTop, { width: 350 });
  doc.fontSize(8).fillColor('#0645ad').text(url, { width: 350, link: url, underline: true });
  doc.x = 48;
  doc.y = qrTop + 145;
  doc.fillColor('#000').fontSize(11).text('Ketentuan');
  doc.fontSize(9);
  for (const line of [
    'Bawa kartu ini dan KTP asli; datang paling lambat 60 menit sebelum waktu mulai.',
    'Pengawas mencocokkan wajah Anda dengan pas foto pendaftaran sebelum ujian.',
    'PIN sesi diumumkan pengawas di ruang ujian; jangan memberikannya kepada siapa pun.',
    'Waktu ujian dihitung oleh server; nilai tampil langsung setelah ujian selesai.',
  ]) {
    doc.text(`• ${line}`);
  }
  doc.moveDown();
  doc.fontSize(8).fillColor('#444').text('Kartu ini dibuat oleh sistem Rekrutmen ASN. Bila jadwal berubah, halaman pada kode QR menampilkan jadwal terbaru.');
  doc.end();
  return done;
}

export type PublicExamCardOptions = { db: Db; secret: string; attemptId: string; token: string };

/** The public check behind the card's QR code: the current session and seat, with a masked name; a forged token is not found. */
export async function publicExamCard({ db, secret, attemptId, token }: PublicExamCardOptions): Promise<PublicExamCard> {
  if (!tokenMatches(secret, attemptId, token)) throw notFound('Kartu ujian');
  const data = await seatedAttempt(db, eq(catAttempts.id, attemptId));
  if (!data) throw notFound('Kartu ujian');
  return {
    registrationNumber: data.participant?.registrationNumber ?? '',
    nameMasked: maskName(data.participant?.name ?? ''),
    agencyName: data.agencyName,
    selectionName: data.selectionName,
    blueprintName: data.blueprintName,
    sessionName: data.session.name,
    venueName: data.venueName,
    roomName: data.roomName,
    seat: data.seat,
    startsAt: data.session.startsAt.toISOString(),
    startsAtText: data.startsAtText,
  };
}
