import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { maskName } from '../../../core/registration.js';
import { formatInZone, isAgencyZone } from '../../../core/time.js';
import { canonicalSha256 } from '../../canonical-hash.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { blobPath, getFile } from '../files/files.service.js';
import { loadApplyTarget } from './applications.repo.js';
import { getOwnApplication } from './applications.service.js';
import { applicationDocuments, applications } from './applications.table.js';

/** The QR's secret: an HMAC of the registration number, so a forged or altered link is refused without storing tokens. */
export function registrationToken(secret: string, registrationNumber: string): string {
  return createHmac('sha256', secret).update(`registration:${registrationNumber}`).digest('base64url').slice(0, 22);
}

function tokenMatches(secret: string, registrationNumber: string, token: string) {
  const expected = Buffer.from(registrationToken(secret, registrationNumber));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function checkUrl(publicUrl: string, secret: string, registrationNumber: string) {
  return `${publicUrl}/cek-pendaftaran/${encodeURIComponent(registrationNumber)}?t=${registrationToken(secret, registrationNumber)}`;
}

type CardData = Awaited<ReturnType<typeof cardData>>;

async function cardData(db: Db, application: typeof applications.$inferSelect) {
  const target = await loadApplyTarget(db, application.formasiId);
  if (!target || !application.registrationNumber || !application.submittedAt) throw new AppError('INVALID_STATE', 'Kartu pendaftaran tersedia setelah pendaftaran dikirim.');
  const documents = await db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, application.id));
  const names = new Map(target.selection.requiredDocuments.map((d) => [d.key, d.name]));
  const listed = documents
    .map((d) => ({ key: d.requirementKey, name: names.get(d.requirementKey) ?? d.requirementKey, sha256: d.sha256, fileId: d.fileId }))
    .sort((a, b) => a.key.localeCompare(b.key));
  // One fingerprint for the whole submission: the same on the card and on the public page.
  const fingerprint = canonicalSha256({ registrationNumber: application.registrationNumber, documents: listed.map(({ key, sha256 }) => ({ key, sha256 })) });
  const zone = isAgencyZone(target.agency.timezone) ? target.agency.timezone : 'Asia/Jakarta';
  return { application, target, documents: listed, fingerprint, zone, submittedAt: formatInZone(application.submittedAt, zone) };
}

export type CardOptions = { db: Db; uploadDir: string; publicUrl: string; secret: string; accountId: string; applicationId: string };

/** The registration card (PDF): number, formation, photo, a QR code to the public confirmation page, and the document fingerprints. */
export async function registrationCardPdf(options: CardOptions): Promise<Buffer> {
  const application = await getOwnApplication(options.db, options);
  const data = await cardData(options.db, application);
  const url = checkUrl(options.publicUrl, options.secret, application.registrationNumber!);
  const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
  const photoDoc = data.documents.find((d) => d.key.includes('foto') && !d.key.includes('swa'));
  let photo: Buffer | null = null;
  if (photoDoc) {
    const file = await getFile(options.db, photoDoc.fileId);
    if (file.mime === 'image/jpeg' || file.mime === 'image/png') photo = await readFile(blobPath(options.uploadDir, file.sha256));
  }
  return renderCard(data, qr, photo, url);
}

function renderCard(data: CardData, qr: Buffer, photo: Buffer | null, url: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Kartu Pendaftaran ${data.application.registrationNumber}`, Author: data.target.agency.name } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const snapshot = (data.application.profileSnapshot ?? {}) as { name?: string; birthPlace?: string; birthDate?: string };

  doc.fontSize(10).fillColor('#444').text(data.target.agency.name.toUpperCase());
  doc.fontSize(18).fillColor('#000').text('KARTU PENDAFTARAN', { continued: false });
  doc.fontSize(11).text(`${data.target.selection.name} (${data.target.selection.type.toUpperCase()} ${data.target.selection.year})`);
  if (photo) doc.image(photo, 430, 48, { fit: [110, 140] });
  doc.moveDown();
  doc.fontSize(10).fillColor('#444').text('Nomor pendaftaran');
  doc.fontSize(20).fillColor('#000').text(data.application.registrationNumber!);
  doc.moveDown(0.5);
  const row = (label: string, value: string) => {
    doc.fontSize(10).fillColor('#444').text(label);
    doc.fontSize(12).fillColor('#000').text(value);
    doc.moveDown(0.3);
  };
  row('Nama (sesuai ijazah)', snapshot.name ?? data.application.applicantName ?? '');
  row('Formasi', `${data.target.formasi.positionName} — ${data.target.formasi.unitName}`);
  row('Jenis formasi', data.target.formasi.kind);
  row('Dikirim pada', data.submittedAt);
  doc.moveDown();
  const qrTop = doc.y;
  doc.image(qr, 48, qrTop, { width: 130 });
  doc.fontSize(9).text('Pindai kode QR untuk memastikan pendaftaran ini tercatat di sistem, atau buka:', 190, qrTop, { width: 350 });
  doc.fontSize(8).fillColor('#0645ad').text(url, { width: 350, link: url, underline: true });
  doc.x = 48;
  doc.y = qrTop + 145;
  doc.fillColor('#000').fontSize(11).text('Sidik jari dokumen (SHA-256)');
  doc.fontSize(8);
  for (const d of data.documents) doc.text(`${d.name}: ${d.sha256}`);
  doc.moveDown(0.5);
  doc.fontSize(9).text(`Sidik jari pendaftaran: ${data.fingerprint}`);
  doc.moveDown();
  doc.fontSize(8).fillColor('#444').text('Kartu ini dibuat oleh sistem Rekrutmen ASN. Data pribadi pada halaman publik disamarkan.');
  doc.end();
  return done;
}

export type PublicCheckOptions = { db: Db; secret: string; registrationNumber: string; token: string };

/** The public confirmation behind the QR code: masked data only; a forged or altered token is refused as not found. */
export async function publicRegistrationCheck(options: PublicCheckOptions) {
  if (!tokenMatches(options.secret, options.registrationNumber, options.token)) throw notFound('Pendaftaran');
  const [application] = await options.db
    .select()
    .from(applications)
    .where(and(eq(applications.registrationNumber, options.registrationNumber)));
  if (!application || application.status === 'draft') throw notFound('Pendaftaran');
  const data = await cardData(options.db, application);
  return {
    registrationNumber: application.registrationNumber!,
    nameMasked: maskName(application.applicantName ?? ''),
    agencyName: data.target.agency.name,
    selectionName: data.target.selection.name,
    formasi: `${data.target.formasi.positionName} — ${data.target.formasi.unitName}`,
    submittedAt: application.submittedAt!.toISOString(),
    submittedAtText: data.submittedAt,
    documents: data.documents.map((d) => ({ name: d.name, sha256: d.sha256 })),
    fingerprint: data.fingerprint,
  };
}
