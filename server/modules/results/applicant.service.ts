// The applicant's own final result, their objection and offer, the result letter with its QR code,
// and the public check that QR code leads to.
import { and, eq } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { DATA_ITEMS, FINAL_LIST_LABELS, FINAL_STATUS_LABELS, finalObjectionWindowRefusal, formatUnits, type FinalList } from '../../../core/final-results.js';
import { decidedByText, type DecidingCriterion } from '../../../core/ranking.js';
import type { ApplicantFinalResult, PublicResultCheck } from '../../../core/schemas/results.js';
import { formatInZone } from '../../../core/time.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { getOwnApplication } from '../applications/applications.service.js';
import { ownFirstLine, objectionOfApplication } from './objections.service.js';
import { offerOfApplication } from './optimisation.service.js';
import { loadFormations, loadRound, stagesOf } from './results.repo.js';
import { finalRankings, finalResults, optimisationOffers } from './results.table.js';
import { latestList, zoneOf, type ResultDeps } from './results.service.js';
import { formasiLabel } from './inputs.js';
import { lineOfRow } from './views.service.js';
import { agencies } from '../agencies/agencies.table.js';
import { selections } from '../selections/selections.table.js';
import { stageResults } from '../sanggah/sanggah.table.js';

export type ApplicantResultInput = { accountId: string; applicationId: string; now?: Date };

/** The applicant's own final result: nothing before publication; then the line, the weights, the objection and the offer. */
export async function applicantFinalResult(deps: ResultDeps, { accountId, applicationId, now = new Date() }: ApplicantResultInput): Promise<ApplicantFinalResult> {
  const own = await getOwnApplication(deps.db, { accountId, applicationId });
  const round = await loadRound(deps.db, { agencyId: own.agencyId, selectionId: own.selectionId });
  const formations = await loadFormations(deps.db, own.selectionId);
  const mine = formations.find((f) => f.id === own.formasiId);
  const base = {
    application: { id: own.id, registrationNumber: own.registrationNumber, selectionName: round?.name ?? '', formasi: mine ? formasiLabel(mine) : '', agencyTimezone: zoneOf(round?.timezone) },
  };
  const latest = await latestList(deps.db, own.selectionId);
  const empty = { ...base, published: false, list: null, line: null, leaves: [], weights: [], resultHash: null, announcementId: null, publishedAt: null, objectionClosesAt: null, canObject: false, objectionRefusal: null, objection: null, items: [], offer: null, letterAvailable: false, letterCode: null };
  if (!latest) return empty;
  const { stage, ranking } = latest;
  const [row] = await deps.db.select().from(finalResults).where(and(eq(finalResults.stageResultId, stage.id), eq(finalResults.applicationId, applicationId)));
  const { first, basis: firstBasis, line: firstLine } = await ownFirstLine(deps.db, { applicationId, selectionId: own.selectionId });
  const objection = first ? await objectionOfApplication(deps.db, { agencyId: own.agencyId, applicationId, stageResultId: first.id }) : null;
  const refusal = finalObjectionWindowRefusal({
    now,
    window: first?.objectionOpensAt && first.objectionClosesAt ? { opensAt: first.objectionOpensAt, closesAt: first.objectionClosesAt } : null,
    alreadyFiled: Boolean(objection),
    listed: Boolean(firstLine),
  });
  const leafKeys = ranking.basis.leaves.map((l) => l.key);
  return {
    ...base,
    published: true,
    list: ranking.list as FinalList,
    line: row ? lineOfRow(row, ranking.basis.decimals, leafKeys) : null,
    leaves: ranking.basis.leaves.map((l) => ({ key: l.key, name: l.name, max: l.max })),
    weights: ranking.basis.stages,
    resultHash: stage.resultHash,
    announcementId: stage.announcementId,
    publishedAt: stage.publishedAt.toISOString(),
    objectionClosesAt: first?.objectionClosesAt?.toISOString() ?? null,
    canObject: refusal === null,
    objectionRefusal: refusal && firstLine && stage.stage === 'akhir' ? refusal.message : null,
    objection,
    items:
      firstLine && firstBasis
        ? [
            ...firstBasis.leaves.map((leaf) => ({ key: leaf.key, label: `Nilai ${leaf.name}`, kind: 'score' as const, published: firstLine.scores[leaf.key] ?? null })),
            { key: 'ipk', label: DATA_ITEMS.ipk, kind: 'ipk' as const, published: firstLine.ipk },
            { key: 'birthDate', label: DATA_ITEMS.birthDate, kind: 'birthDate' as const, published: firstLine.birthDate },
          ]
        : [],
    offer: await offerOfApplication(deps.db, applicationId),
    letterAvailable: Boolean(row),
    letterCode: row?.letterCode ?? null,
  };
}

export const verificationUrl = (publicUrl: string, code: string) => `${publicUrl}/verifikasi-hasil/${code}`;

/** The result letter (PDF) of the applicant's line in the latest published list, with a QR code to the public check. */
export async function resultLetter(deps: ResultDeps, { accountId, applicationId }: { accountId: string; applicationId: string }) {
  const own = await getOwnApplication(deps.db, { accountId, applicationId });
  const latest = await latestList(deps.db, own.selectionId);
  if (!latest) throw new AppError('INVALID_STATE', 'Hasil akhir belum diumumkan; surat hasil tersedia setelah pengumuman.');
  const [row] = await deps.db.select().from(finalResults).where(and(eq(finalResults.stageResultId, latest.stage.id), eq(finalResults.applicationId, applicationId)));
  if (!row) throw notFound('Hasil akhir pendaftaran ini');
  const round = (await loadRound(deps.db, { agencyId: own.agencyId, selectionId: own.selectionId }))!;
  const zone = zoneOf(round.timezone);
  const basis = latest.ranking.basis;
  const [offer] = await deps.db.select().from(optimisationOffers).where(and(eq(optimisationOffers.applicationId, applicationId), eq(optimisationOffers.status, 'accepted')));
  const offered = offer ? (await loadFormations(deps.db, own.selectionId)).find((f) => f.id === offer.formasiId) : undefined;
  const url = verificationUrl(deps.config.publicUrl, row.letterCode);
  const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 });

  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Surat hasil seleksi ${row.registrationNumber}`, Author: round.agencyName } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica').fontSize(10).fillColor('#333').text(round.agencyName.toUpperCase());
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#000').text('SURAT KETERANGAN HASIL SELEKSI');
  doc.font('Helvetica').fontSize(11).text(round.name);
  doc.fontSize(9).fillColor('#333').text(`${FINAL_LIST_LABELS[latest.ranking.list as FinalList]}, diumumkan ${formatInZone(latest.stage.publishedAt, zone)}`);
  doc.moveDown();
  const status = offer && offered ? `LULUS OPTIMALISASI — formasi ${formasiLabel(offered)}` : FINAL_STATUS_LABELS[row.status as keyof typeof FINAL_STATUS_LABELS].toUpperCase();
  const facts: Array<[string, string]> = [
    ['Nomor pendaftaran', row.registrationNumber],
    ['Nama', row.name],
    ['Formasi', row.formasiLabel],
    ...basis.leaves.map((leaf): [string, string] => [`Nilai ${leaf.name}`, row.scores[leaf.key] === null || row.scores[leaf.key] === undefined ? '-' : `${row.scores[leaf.key]} dari ${leaf.max}`]),
    ['Nilai akhir', row.finalUnits === null ? '-' : formatUnits(row.finalUnits, basis.decimals)],
    ['Peringkat', row.rank === null ? '-' : `${row.rank} pada formasi ini`],
    ['Keterangan', status],
  ];
  const decided = (row.decidedByAbove ?? row.decidedByBelow) as DecidingCriterion | null;
  if (decided) facts.push(['Urutan dengan nilai akhir sama', decidedByText(decided)]);
  doc.fillColor('#000');
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).text(label, 56, y, { width: 170 });
    doc.font('Helvetica-Bold').text(value, 236, y, { width: 300 });
    doc.moveDown(0.4);
  }
  doc.moveDown();
  doc.font('Helvetica').fontSize(9).fillColor('#333').text(`Nilai akhir = ${basis.stages.map((s) => `${s.name} ${s.weight}%`).join(' + ')}; setiap nilai diskalakan 0–100 lalu dibobot.`, 56);
  doc.moveDown(0.5).text(`Sidik jari SHA-256 daftar hasil: ${latest.stage.resultHash}`);
  doc.moveDown();
  const qrTop = doc.y;
  doc.image(qr, 56, qrTop, { width: 120 });
  doc.fontSize(9).fillColor('#000').text('Pindai kode QR ini untuk memeriksa keaslian surat di halaman verifikasi hasil, atau buka:', 190, qrTop + 10, { width: 340 });
  doc.font('Courier').fontSize(8).text(url, 190, doc.y + 4, { width: 340 });
  doc.font('Helvetica').fontSize(8).fillColor('#333').text('Surat ini sah bila data yang tampil di halaman verifikasi sama dengan isi surat.', 190, doc.y + 6, { width: 340 });
  doc.end();
  return { content: await done, fileName: `surat-hasil-${row.registrationNumber}.pdf` };
}

/**
 * The public check behind a result letter's QR code: the line as published (name, formation,
 * rank, status, score, the list's hash). A code that was never issued is refused — a forged letter.
 */
export async function publicResultCheck(db: Db, code: string): Promise<PublicResultCheck> {
  const [found] = await db
    .select({ line: finalResults, list: finalRankings.list, basis: finalRankings.basis, stage: stageResults, selectionName: selections.name, agencyName: agencies.name, timezone: agencies.timezone })
    .from(finalResults)
    .innerJoin(finalRankings, eq(finalRankings.stageResultId, finalResults.stageResultId))
    .innerJoin(stageResults, eq(stageResults.id, finalResults.stageResultId))
    .innerJoin(selections, eq(selections.id, finalResults.selectionId))
    .innerJoin(agencies, eq(agencies.id, finalResults.agencyId))
    .where(eq(finalResults.letterCode, code));
  if (!found) {
    throw new AppError('NOT_FOUND', 'Kode QR ini tidak dikenal: surat hasil dengan kode ini tidak pernah diterbitkan oleh sistem. Surat tersebut tidak sah — jangan percaya isinya.');
  }
  const stages = await stagesOf(db, found.line.selectionId);
  const current = found.list === 'akhir_pasca_sanggah' || !stages.some((s) => s.stage === 'akhir_pasca_sanggah');
  const [offer] = await db.select().from(optimisationOffers).where(and(eq(optimisationOffers.applicationId, found.line.applicationId), eq(optimisationOffers.status, 'accepted')));
  const offered = offer ? (await loadFormations(db, found.line.selectionId)).find((f) => f.id === offer.formasiId) : undefined;
  return {
    valid: true,
    current,
    agencyName: found.agencyName,
    selectionName: found.selectionName,
    list: found.list as FinalList,
    publishedAt: found.stage.publishedAt.toISOString(),
    registrationNumber: found.line.registrationNumber,
    name: found.line.name,
    formasi: found.line.formasiLabel,
    rank: found.line.rank,
    status: found.line.status as PublicResultCheck['status'],
    statusLabel: FINAL_STATUS_LABELS[found.line.status as keyof typeof FINAL_STATUS_LABELS],
    finalScore: found.line.finalUnits === null ? null : formatUnits(found.line.finalUnits, found.basis.decimals),
    optimisation: offered && found.list === 'akhir_pasca_sanggah' ? { formasi: formasiLabel(offered) } : null,
    resultHash: found.stage.resultHash,
    announcementId: found.stage.announcementId,
    agencyTimezone: found.timezone,
  };
}
