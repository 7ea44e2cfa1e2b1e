import { eq, sql } from 'drizzle-orm';
import { objectionRefusal, type ObjectionRefusal } from '../../../core/sanggah.js';
import type { ApplicantResult, Sanggah, SanggahDetail } from '../../../core/schemas/sanggah.js';
import { formatInZone, isAgencyZone, type AgencyZone } from '../../../core/time.js';
import { requirementLabel, type Decision } from '../../../core/verification.js';
import { selectRows, type Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { loadApplyTarget } from '../applications/applications.repo.js';
import { getOwnApplication } from '../applications/applications.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { notify } from '../notifications/notifications.service.js';
import { accountNames } from '../verification/verification.repo.js';
import { acceptByObjection, applicationChecks, type ApplicationRequirementsView } from '../verification/verification.service.js';
import { findSanggah, listSanggahRows, loadSelection, lockSanggah, stageResultsOf, type SanggahListOptions, type SanggahListRow } from './sanggah.repo.js';
import { sanggah } from './sanggah.table.js';

const zoneOf = (timezone: string | undefined): AgencyZone => (timezone && isAgencyZone(timezone) ? timezone : 'Asia/Jakarta');

/** Requirement keys found TMS, in checklist order. */
function tmsKeys(view: ApplicationRequirementsView): string[] {
  const byKey = new Map(view.checks.map((c) => [c.requirementKey, c]));
  return view.requirements.filter((r) => byKey.get(r.key)?.result === 'TMS').map((r) => r.key);
}

function refusalError(refusal: ObjectionRefusal, closesAt: Date | null, zone: AgencyZone): AppError {
  switch (refusal.code) {
    case 'ALREADY_FILED':
      return new AppError('CONFLICT', refusal.message);
    case 'KEYS_NOT_TMS':
      return validationFailed({ requirementKeys: refusal.message }, refusal.message);
    case 'WINDOW_CLOSED':
      return new AppError('INVALID_STATE', closesAt ? `Masa sanggah sudah berakhir pada ${formatInZone(closesAt, zone)}; sanggah tidak dapat diajukan lagi.` : refusal.message);
    default:
      return new AppError('INVALID_STATE', refusal.message);
  }
}

export type FileSanggahInput = { accountId: string; applicationId: string; reason: string; requirementKeys: string[]; now?: Date };

/**
 * An applicant objects to the administrative result of their own application: inside the window
 * (server clock), once, pointing at requirements found TMS, without documents. The unique
 * (application, result) index makes a second objection — even one sent at the same instant — fail.
 */
export async function fileSanggah(db: Db, { accountId, applicationId, reason, requirementKeys, now = new Date() }: FileSanggahInput) {
  const own = await getOwnApplication(db, { accountId, applicationId });
  if (own.status === 'draft' || own.status === 'submitted') throw new AppError('INVALID_STATE', 'Hasil seleksi administrasi pendaftaran ini belum diumumkan; sanggah dapat diajukan setelah pengumuman.');
  const selection = await loadSelection(db, { agencyId: own.agencyId, selectionId: own.selectionId });
  const zone = zoneOf(selection?.timezone);
  try {
    return await db.transaction(async (tx) => {
      const stage = (await stageResultsOf(tx, own.selectionId)).find((s) => s.stage === 'administrasi');
      const existing = stage ? await findSanggah(tx, { applicationId, stageResultId: stage.id }) : null;
      const view = await applicationChecks(tx, { agencyId: own.agencyId, applicationId });
      const refusal = objectionRefusal({
        now,
        window: stage ? { opensAt: stage.objectionOpensAt, closesAt: stage.objectionClosesAt } : null,
        decision: view.application.status as Decision,
        tmsKeys: tmsKeys(view),
        requestedKeys: requirementKeys,
        alreadyFiled: Boolean(existing),
      });
      if (refusal) throw refusalError(refusal, stage?.objectionClosesAt ?? null, zone);
      const [row] = await tx.insert(sanggah).values({ agencyId: own.agencyId, applicationId, stageResultId: stage!.id, reason, requirementKeys, createdAt: now }).returning();
      await recordAudit(tx, {
        agencyId: own.agencyId,
        actorId: accountId,
        action: 'sanggah.file',
        targetType: 'sanggah',
        targetId: row!.id,
        after: { applicationId, registrationNumber: own.registrationNumber, requirementKeys, reason },
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'sanggah_once_key')) throw new AppError('CONFLICT', 'Sanggah hanya dapat diajukan satu kali untuk setiap pendaftaran.');
    throw error;
  }
}

function presentSanggah(row: SanggahListRow): Sanggah {
  const documents = row.requiredDocuments as Array<{ key: string; name: string }>;
  return {
    id: row.sanggah.id,
    status: row.sanggah.status as Sanggah['status'],
    reason: row.sanggah.reason,
    requirements: row.sanggah.requirementKeys.map((key) => ({ key, label: requirementLabel(key, documents) })),
    answer: row.sanggah.answer,
    answeredBy: row.sanggah.answeredBy ? { id: row.sanggah.answeredBy, name: row.answeredByName ?? '—' } : null,
    answeredAt: row.sanggah.answeredAt?.toISOString() ?? null,
    createdAt: row.sanggah.createdAt.toISOString(),
    application: { id: row.sanggah.applicationId, registrationNumber: row.registrationNumber, applicantName: row.applicantName, status: row.applicationStatus, formasi: `${row.positionName} — ${row.unitName}` },
    selection: { id: row.selectionId, name: row.selectionName },
    objectionClosesAt: row.objectionClosesAt?.toISOString() ?? null,
  };
}

export async function listSanggah(db: Db, options: SanggahListOptions) {
  const { rows, total } = await listSanggahRows(db, options);
  return { items: rows.map(presentSanggah), total };
}

export type SanggahRef = { agencyId: string; sanggahId: string };

/** One objection with the application's whole checklist, for the panel and the observers. */
export async function sanggahDetail(db: Db, { agencyId, sanggahId }: SanggahRef): Promise<Omit<SanggahDetail, 'can'>> {
  const { rows } = await listSanggahRows(db, { agencyId, sanggahId, page: 1, pageSize: 1 });
  const row = rows[0];
  if (!row) throw notFound('Sanggah');
  const view = await applicationChecks(db, { agencyId, applicationId: row.sanggah.applicationId });
  const byKey = new Map(view.checks.map((c) => [c.requirementKey, c]));
  const names = await accountNames(db, view.checks.map((c) => c.verifierId));
  return {
    sanggah: presentSanggah(row),
    checklist: view.requirements.map((r) => {
      const check = byKey.get(r.key);
      return {
        key: r.key,
        label: r.label,
        result: (check?.result as 'MS' | 'TMS' | undefined) ?? null,
        reasonLabel: check?.reasonCode ? (view.reasonLabels.get(check.reasonCode) ?? check.reasonCode) : null,
        reasonText: check?.reasonText ?? '',
        verifier: check ? (names.get(check.verifierId) ?? null) : null,
      };
    }),
  };
}

export type AnswerSanggahInput = SanggahRef & { actorId: string; accept: boolean; answer: string; now?: Date };

/**
 * The panel answers an objection once: accepted → the pointed requirements become MS and the
 * application MS when no TMS remains; rejected → with the reason. Audited in the same transaction;
 * the applicant is notified in the app.
 */
export async function answerSanggah(db: Db, { agencyId, sanggahId, actorId, accept, answer, now = new Date() }: AnswerSanggahInput) {
  await db.transaction(async (tx) => {
    const row = await lockSanggah(tx, { agencyId, sanggahId });
    if (!row) throw notFound('Sanggah');
    if (row.status !== 'diajukan') throw new AppError('CONFLICT', `Sanggah ini sudah dijawab (${row.status}).`);
    const text = answer || (accept ? 'Sanggah diterima; persyaratan yang disanggah dinyatakan memenuhi syarat.' : '');
    const consequence = accept ? await acceptByObjection(tx, { agencyId, applicationId: row.applicationId, actorId, requirementKeys: row.requirementKeys, answer: text, now }) : null;
    const status = accept ? 'diterima' : 'ditolak';
    await tx
      .update(sanggah)
      .set({ status, answer: text, answeredBy: actorId, answeredAt: now })
      .where(eq(sanggah.id, sanggahId));
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: accept ? 'sanggah.accept' : 'sanggah.reject',
      targetType: 'sanggah',
      targetId: sanggahId,
      before: { status: 'diajukan', application: consequence?.before ?? null },
      after: { status, answer: text, application: consequence?.after ?? null },
      details: { applicationId: row.applicationId, requirementKeys: row.requirementKeys },
    });
    const view = await applicationChecks(tx, { agencyId, applicationId: row.applicationId });
    await notify(tx, {
      accountId: view.application.accountId,
      title: 'Sanggah Anda telah dijawab',
      body: `Sanggah atas pendaftaran ${view.application.registrationNumber ?? ''} ${accept ? 'DITERIMA' : 'DITOLAK'}: ${text}`,
      link: `/pelamar/pendaftaran/${row.applicationId}/hasil`,
    });
  });
}

export type ApplicantResultInput = { accountId: string; applicationId: string; now?: Date };

/** The applicant's own result: nothing of the decision before the announcement; then the decision, the TMS reasons and the objection. */
export async function applicantResult(db: Db, { accountId, applicationId, now = new Date() }: ApplicantResultInput): Promise<ApplicantResult> {
  const own = await getOwnApplication(db, { accountId, applicationId });
  const [selection, target, stages] = await Promise.all([
    loadSelection(db, { agencyId: own.agencyId, selectionId: own.selectionId }),
    loadApplyTarget(db, own.formasiId),
    stageResultsOf(db, own.selectionId),
  ]);
  const base = {
    application: {
      id: own.id,
      registrationNumber: own.registrationNumber,
      selectionName: selection?.name ?? '',
      formasi: { positionName: target?.formasi.positionName ?? '', unitName: target?.formasi.unitName ?? '' },
      agencyTimezone: zoneOf(selection?.timezone),
    },
  };
  const administrative = stages.find((s) => s.stage === 'administrasi');
  const postObjection = stages.find((s) => s.stage === 'administrasi_pasca_sanggah');
  if (!administrative || (own.status !== 'ms' && own.status !== 'tms')) {
    return { ...base, published: false, administrative: null, reasons: [], objection: null, currentDecision: null, canObject: false, objectionRefusal: null, postObjection: null };
  }
  const view = await applicationChecks(db, { agencyId: own.agencyId, applicationId });
  const objection = await findSanggah(db, { applicationId, stageResultId: administrative.id });
  const byKey = new Map(view.checks.map((c) => [c.requirementKey, c]));
  const labels = new Map(view.requirements.map((r) => [r.key, r.label]));
  const current = own.status as Decision;
  const refusal = objectionRefusal({
    now,
    window: { opensAt: administrative.objectionOpensAt, closesAt: administrative.objectionClosesAt },
    decision: current,
    tmsKeys: tmsKeys(view),
    requestedKeys: [],
    alreadyFiled: Boolean(objection),
  });
  return {
    ...base,
    published: true,
    administrative: {
      // Only a TMS can be objected to, so an application with an objection was announced TMS.
      decision: objection ? 'tms' : current,
      publishedAt: administrative.publishedAt.toISOString(),
      announcementId: administrative.announcementId,
      resultHash: administrative.resultHash,
      objectionOpensAt: administrative.objectionOpensAt?.toISOString() ?? null,
      objectionClosesAt: administrative.objectionClosesAt?.toISOString() ?? null,
    },
    reasons: tmsKeys(view).map((key) => {
      const check = byKey.get(key)!;
      return { key, label: labels.get(key) ?? key, reasonLabel: check.reasonCode ? (view.reasonLabels.get(check.reasonCode) ?? check.reasonCode) : null, reasonText: check.reasonText };
    }),
    objection: objection
      ? {
          id: objection.id,
          status: objection.status as 'diajukan' | 'diterima' | 'ditolak',
          reason: objection.reason,
          requirements: objection.requirementKeys.map((key) => ({ key, label: labels.get(key) ?? key })),
          answer: objection.answer,
          createdAt: objection.createdAt.toISOString(),
          answeredAt: objection.answeredAt?.toISOString() ?? null,
        }
      : null,
    currentDecision: current,
    canObject: refusal === null,
    objectionRefusal: refusal && current === 'tms' ? refusal.message : null,
    postObjection: postObjection
      ? { decision: current, publishedAt: postObjection.publishedAt.toISOString(), announcementId: postObjection.announcementId, resultHash: postObjection.resultHash }
      : null,
  };
}

// ---- For the dashboards -------------------------------------------------------------------------

export type SanggahCountsOfRound = { selectionId: string; pending: number; accepted: number; rejected: number; medianDaysToAnswer: number | null };

/** Objections to the administrative result per round: by status, and the median days from filing to answer. */
export async function sanggahCounts(db: Db, scope: { agencyId?: string | undefined; selectionId?: string | undefined }): Promise<SanggahCountsOfRound[]> {
  const rows = await selectRows<{ selection_id: string; pending: string; accepted: string; rejected: string; median_days: number | string | null }>(
    db,
    sql`SELECT sr.selection_id,
               count(*) FILTER (WHERE s.status = 'diajukan') AS pending,
               count(*) FILTER (WHERE s.status = 'diterima') AS accepted,
               count(*) FILTER (WHERE s.status = 'ditolak') AS rejected,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.answered_at - s.created_at) / 86400) FILTER (WHERE s.answered_at IS NOT NULL) AS median_days
        FROM sanggah s JOIN stage_results sr ON sr.id = s.stage_result_id
        WHERE true
          ${scope.agencyId ? sql`AND s.agency_id = ${scope.agencyId}` : sql``}
          ${scope.selectionId ? sql`AND sr.selection_id = ${scope.selectionId}` : sql``}
        GROUP BY sr.selection_id`,
  );
  return rows.map((r) => ({
    selectionId: r.selection_id,
    pending: Number(r.pending),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    medianDaysToAnswer: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
  }));
}

/** When each stage result of the given rounds was published (administrasi, skd, akhir, …). */
export async function stageResultTimes(db: Db, { selectionIds }: { selectionIds: string[] }): Promise<Array<{ selectionId: string; stage: string; publishedAt: Date }>> {
  if (selectionIds.length === 0) return [];
  const rows = await selectRows<{ selection_id: string; stage: string; published_at: Date | string }>(
    db,
    sql`SELECT selection_id, stage, published_at FROM stage_results WHERE selection_id IN (${sql.join(selectionIds.map((id) => sql`${id}::uuid`), sql`, `)})`,
  );
  return rows.map((r) => ({ selectionId: r.selection_id, stage: r.stage, publishedAt: new Date(r.published_at) }));
}
