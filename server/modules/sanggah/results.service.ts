import { objectionWindow } from '../../../core/pipeline.js';
import {
  administrativePublicationIssues,
  postObjectionDeadline,
  postObjectionPublicationIssues,
  resultList,
  type ResultEntry,
} from '../../../core/sanggah.js';
import { formatInZone, isAgencyZone, type AgencyZone } from '../../../core/time.js';
import { administrationSettings } from '../../../core/verification.js';
import { canonicalSha256 } from '../../canonical-hash.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { accountNames } from '../verification/verification.repo.js';
import { publishGeneratedAnnouncement } from '../announcements/announcements.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmail, notify } from '../notifications/notifications.service.js';
import { decidedApplications, decisionCounts, lockAdministrativeResult } from '../verification/verification.service.js';
import { renderResultPdf } from './result-pdf.js';
import { loadSelection, objectionCounts, sanggahOfStage, selectionsWithApplications, stageResultsOf, type ResultSelection } from './sanggah.repo.js';
import { stageResults } from './sanggah.table.js';
import type { StageResult } from './stage-results.repo.js';

export type ResultDeps = { db: Db; config: Pick<Config, 'uploadDir' | 'publicUrl' | 'smtpUrl'> };

const zoneOf = (timezone: string): AgencyZone => (isAgencyZone(timezone) ? timezone : 'Asia/Jakarta');

export const resultHash = (entries: readonly ResultEntry[]) => canonicalSha256(entries);

async function requireSelection(db: Db, ref: { agencyId: string; selectionId: string }): Promise<ResultSelection> {
  const selection = await loadSelection(db, ref);
  if (!selection) throw notFound('Seleksi');
  return selection;
}

function presentStage(row: StageResult | undefined, names: Map<string, string>) {
  if (!row) return null;
  return {
    id: row.id,
    publishedAt: row.publishedAt.toISOString(),
    announcementId: row.announcementId,
    resultHash: row.resultHash,
    objectionOpensAt: row.objectionOpensAt?.toISOString() ?? null,
    objectionClosesAt: row.objectionClosesAt?.toISOString() ?? null,
    publishedBy: row.publishedBy ? (names.get(row.publishedBy) ?? null) : null,
  };
}

export type OverviewInput = { agencyId: string; selectionId: string; now?: Date };

/** Where a round's administrative result stands: decisions, publications, objections, and what may be published now. */
export async function resultOverview(db: Db, { agencyId, selectionId, now = new Date() }: OverviewInput) {
  const selection = await requireSelection(db, { agencyId, selectionId });
  const [counts, stages] = await Promise.all([decisionCounts(db, { agencyId, selectionId }), stageResultsOf(db, selectionId)]);
  const administrative = stages.find((s) => s.stage === 'administrasi');
  const postObjection = stages.find((s) => s.stage === 'administrasi_pasca_sanggah');
  const objections = administrative ? await objectionCounts(db, administrative.id) : { diajukan: 0, diterima: 0, ditolak: 0 };
  const names = await accountNames(db, stages.map((s) => s.publishedBy));
  const registrationOpen = !selection.registrationClosesAt || now.getTime() <= selection.registrationClosesAt.getTime();
  const adminIssues = administrativePublicationIssues({ registrationOpen, total: counts.total, undecided: counts.undecided, alreadyPublished: Boolean(administrative) });
  const postIssues = postObjectionPublicationIssues({
    now,
    administrativePublished: Boolean(administrative),
    closesAt: administrative?.objectionClosesAt ?? null,
    pendingObjections: objections.diajukan,
    alreadyPublished: Boolean(postObjection),
  });
  return {
    selection: { id: selection.id, name: selection.name, year: selection.year, type: selection.type, registrationClosesAt: selection.registrationClosesAt?.toISOString() ?? null },
    settings: administrationSettings(selection.settings),
    counts,
    objections,
    administrative: presentStage(administrative, names),
    postObjection: presentStage(postObjection, names),
    postObjectionDueAt: administrative?.objectionClosesAt ? postObjectionDeadline(administrative.objectionClosesAt).toISOString() : null,
    publish: {
      administrative: { allowed: adminIssues.length === 0, issues: adminIssues.map((i) => i.message) },
      postObjection: { allowed: postIssues.length === 0, issues: postIssues.map((i) => i.message) },
    },
  };
}

/** Every round of the agency that has submitted applications, with where its result stands. */
export async function resultOverviews(db: Db, { agencyId, now = new Date() }: { agencyId: string; now?: Date }) {
  const rows = await selectionsWithApplications(db, agencyId);
  return Promise.all(rows.map((row) => resultOverview(db, { agencyId, selectionId: row.id, now })));
}

const resultUrl = (publicUrl: string, applicationId: string) => `${publicUrl}/pelamar/pendaftaran/${applicationId}/hasil`;
const resultLink = (applicationId: string) => `/pelamar/pendaftaran/${applicationId}/hasil`;
const DECISION_TEXT = { ms: 'MEMENUHI SYARAT (MS)', tms: 'TIDAK MEMENUHI SYARAT (TMS)' } as const;

export type PublishInput = { agencyId: string; selectionId: string; actorId: string; note?: string; now?: Date };

function refuse(issues: Array<{ message: string }>): never {
  throw new AppError('INVALID_STATE', issues.map((i) => i.message).join(' '));
}

/**
 * Publishes a round's administrative result: once, after registration closed, when every
 * submitted application is decided. In one transaction: the result list's SHA-256, an
 * announcement with the PDF list (no NIK), the stage result with the objection window (default
 * 3 days, PermenPANRB 27/2021), a notification and an email to every applicant, the audit record.
 */
export async function publishAdministrativeResult({ db, config }: ResultDeps, { agencyId, selectionId, actorId, note = '', now = new Date() }: PublishInput) {
  return db.transaction(async (tx) => {
    await lockAdministrativeResult(tx, selectionId);
    const selection = await requireSelection(tx, { agencyId, selectionId });
    const stages = await stageResultsOf(tx, selectionId);
    const counts = await decisionCounts(tx, { agencyId, selectionId });
    const registrationOpen = !selection.registrationClosesAt || now.getTime() <= selection.registrationClosesAt.getTime();
    const issues = administrativePublicationIssues({ registrationOpen, total: counts.total, undecided: counts.undecided, alreadyPublished: stages.some((s) => s.stage === 'administrasi') });
    if (issues.length) refuse(issues);

    const applicants = await decidedApplications(tx, { agencyId, selectionId });
    const entries = resultList(applicants.map((a) => ({ registrationNumber: a.registrationNumber, name: a.name, formasi: a.formasi, decision: a.status })));
    const hash = resultHash(entries);
    const zone = zoneOf(selection.timezone);
    const { objectionDays } = administrationSettings(selection.settings);
    const window = objectionWindow({ announcedAt: now, days: objectionDays, zone });
    const windowText = `Masa sanggah: ${formatInZone(window.start, zone)} sampai ${formatInZone(window.end, zone)} (${objectionDays} hari, PermenPANRB 27/2021). Sanggah diajukan sekali, melalui akun masing-masing, tanpa mengunggah dokumen baru.`;
    const pdf = await renderResultPdf({
      agencyName: selection.agencyName,
      selectionName: selection.name,
      heading: 'HASIL SELEKSI ADMINISTRASI',
      publishedAt: now,
      zone,
      entries,
      resultHash: hash,
      notes: [windowText, 'Pelamar TMS dapat melihat alasannya pada halaman hasil pendaftaran di akun masing-masing.'],
    });
    const title = `Hasil Seleksi Administrasi — ${selection.name}`;
    const body = [
      `Hasil seleksi administrasi ${selection.name}: ${counts.ms.toLocaleString('id-ID')} pelamar Memenuhi Syarat (MS) dan ${counts.tms.toLocaleString('id-ID')} pelamar Tidak Memenuhi Syarat (TMS). Daftar lengkap terlampir.`,
      windowText,
      `Sidik jari SHA-256 daftar hasil: ${hash}`,
      ...(note ? [note] : []),
    ].join('\n\n');
    const announcement = await publishGeneratedAnnouncement(tx, {
      uploadDir: config.uploadDir,
      agencyId,
      selectionId,
      kind: 'hasil_administrasi',
      title,
      body,
      actorId,
      files: [{ title: 'Daftar hasil seleksi administrasi', fileName: 'hasil-seleksi-administrasi.pdf', content: pdf }],
    });
    const [stage] = await tx
      .insert(stageResults)
      .values({ agencyId, selectionId, stage: 'administrasi', announcementId: announcement.id, resultHash: hash, publishedAt: now, objectionOpensAt: window.start, objectionClosesAt: window.end, publishedBy: actorId })
      .returning();

    for (const applicant of applicants) {
      const decision = DECISION_TEXT[applicant.status];
      const objection = applicant.status === 'tms' ? ` Alasan TMS dapat dilihat di halaman hasil; sanggah dapat diajukan sampai ${formatInZone(window.end, zone)}.` : '';
      const text = `Hasil seleksi administrasi ${selection.name} telah diumumkan. Pendaftaran ${applicant.registrationNumber} (${applicant.formasi}): ${decision}.${objection}`;
      await notify(tx, { accountId: applicant.accountId, title: 'Hasil seleksi administrasi diumumkan', body: text, link: resultLink(applicant.id) });
      if (applicant.email) {
        await enqueueEmail(tx, { to: applicant.email, subject: `Hasil seleksi administrasi — ${selection.name}`, text: `${text}\n\nLihat rinciannya: ${resultUrl(config.publicUrl, applicant.id)}\n\nSidik jari SHA-256 daftar hasil: ${hash}` }, { smtp: Boolean(config.smtpUrl) });
      }
    }
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'result.administrasi.publish',
      targetType: 'selection',
      targetId: selectionId,
      after: { stageResultId: stage!.id, announcementId: announcement.id, resultHash: hash, applications: entries.length, ms: counts.ms, tms: counts.tms, objectionOpensAt: window.start.toISOString(), objectionClosesAt: window.end.toISOString() },
    });
    return stage!;
  });
}

/**
 * Publishes the post-objection result: after the window has closed and every objection is
 * answered; the whole list again (with the accepted objections now MS), its hash, an announcement,
 * and a notification to every applicant — objectors read their answer.
 */
export async function publishPostObjectionResult({ db, config }: ResultDeps, { agencyId, selectionId, actorId, note = '', now = new Date() }: PublishInput) {
  return db.transaction(async (tx) => {
    await lockAdministrativeResult(tx, selectionId);
    const selection = await requireSelection(tx, { agencyId, selectionId });
    const stages = await stageResultsOf(tx, selectionId);
    const administrative = stages.find((s) => s.stage === 'administrasi');
    const objections = administrative ? await sanggahOfStage(tx, administrative.id) : [];
    const issues = postObjectionPublicationIssues({
      now,
      administrativePublished: Boolean(administrative),
      closesAt: administrative?.objectionClosesAt ?? null,
      pendingObjections: objections.filter((o) => o.status === 'diajukan').length,
      alreadyPublished: stages.some((s) => s.stage === 'administrasi_pasca_sanggah'),
    });
    if (issues.length) refuse(issues);

    const applicants = await decidedApplications(tx, { agencyId, selectionId });
    const entries = resultList(applicants.map((a) => ({ registrationNumber: a.registrationNumber, name: a.name, formasi: a.formasi, decision: a.status })));
    const hash = resultHash(entries);
    const zone = zoneOf(selection.timezone);
    const accepted = objections.filter((o) => o.status === 'diterima').length;
    const rejected = objections.filter((o) => o.status === 'ditolak').length;
    const summary = `Sanggah yang masuk: ${objections.length.toLocaleString('id-ID')} (diterima ${accepted.toLocaleString('id-ID')}, ditolak ${rejected.toLocaleString('id-ID')}).`;
    const pdf = await renderResultPdf({
      agencyName: selection.agencyName,
      selectionName: selection.name,
      heading: 'HASIL SELEKSI ADMINISTRASI PASCA SANGGAH',
      publishedAt: now,
      zone,
      entries,
      resultHash: hash,
      notes: [summary, `Daftar ini menggantikan hasil seleksi administrasi yang diumumkan ${formatInZone(administrative!.publishedAt, zone)}.`],
    });
    const ms = entries.filter((e) => e.result === 'MS').length;
    const announcement = await publishGeneratedAnnouncement(tx, {
      uploadDir: config.uploadDir,
      agencyId,
      selectionId,
      kind: 'hasil_sanggah',
      title: `Hasil Seleksi Administrasi Pasca Sanggah — ${selection.name}`,
      body: [
        `Hasil seleksi administrasi pasca sanggah ${selection.name}: ${ms.toLocaleString('id-ID')} pelamar Memenuhi Syarat (MS) dan ${(entries.length - ms).toLocaleString('id-ID')} pelamar Tidak Memenuhi Syarat (TMS). ${summary}`,
        `Sidik jari SHA-256 daftar hasil: ${hash}`,
        ...(note ? [note] : []),
      ].join('\n\n'),
      actorId,
      files: [{ title: 'Daftar hasil seleksi administrasi pasca sanggah', fileName: 'hasil-administrasi-pasca-sanggah.pdf', content: pdf }],
    });
    const [stage] = await tx
      .insert(stageResults)
      .values({ agencyId, selectionId, stage: 'administrasi_pasca_sanggah', announcementId: announcement.id, resultHash: hash, publishedAt: now, publishedBy: actorId })
      .returning();

    const byApplication = new Map(objections.map((o) => [o.applicationId, o]));
    for (const applicant of applicants) {
      const objection = byApplication.get(applicant.id);
      const answer = objection ? ` Sanggah Anda ${objection.status === 'diterima' ? 'DITERIMA' : 'DITOLAK'}${objection.answer ? `: ${objection.answer}` : '.'}` : '';
      const text = `Hasil seleksi administrasi pasca sanggah ${selection.name} telah diumumkan. Pendaftaran ${applicant.registrationNumber}: ${DECISION_TEXT[applicant.status]}.${answer}`;
      await notify(tx, { accountId: applicant.accountId, title: 'Hasil pasca sanggah diumumkan', body: text, link: resultLink(applicant.id) });
      if (applicant.email) {
        await enqueueEmail(tx, { to: applicant.email, subject: `Hasil pasca sanggah — ${selection.name}`, text: `${text}\n\nLihat rinciannya: ${resultUrl(config.publicUrl, applicant.id)}` }, { smtp: Boolean(config.smtpUrl) });
      }
    }
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'result.administrasi_pasca_sanggah.publish',
      targetType: 'selection',
      targetId: selectionId,
      after: { stageResultId: stage!.id, announcementId: announcement.id, resultHash: hash, applications: entries.length, ms, tms: entries.length - ms, objections: objections.length, accepted, rejected },
    });
    return stage!;
  });
}
