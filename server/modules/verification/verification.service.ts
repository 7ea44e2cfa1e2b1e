import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { applyAcceptance } from '../../../core/sanggah.js';
import {
  administrationSettings,
  checkInputIssues,
  confirmRefusal,
  decisionFromChecks,
  evaluateDecision,
  pendingConfirmations,
  requirementsFor,
  type CheckInput,
  type CheckState,
  type Decision,
  type Requirement,
} from '../../../core/verification.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { applicationDocuments, applications } from '../applications/applications.table.js';
import { recordAudit } from '../audit/audit.service.js';
import { formasi } from '../formasi/formasi.table.js';
import { findStageResult } from '../sanggah/stage-results.repo.js';
import { ensureReasons } from './reasons.service.js';
import {
  accountNames,
  applicationFiles,
  applicationSummaries,
  checksOf,
  checksWithNames,
  isAgencyVerifier,
  loadApplication,
  progressFigures,
  queueFilters,
  type LoadedApplication,
  type ProgressOptions,
} from './verification.repo.js';
import { verificationChecks } from './verification.table.js';

export type VerificationCheckRow = typeof verificationChecks.$inferSelect;

type ApplicationRow = LoadedApplication['application'];

const DECISION_LABEL: Record<Decision, string> = { ms: 'MS', tms: 'TMS' };

async function requireApplication(db: Db, options: { agencyId: string; applicationId: string; lock?: boolean }): Promise<LoadedApplication> {
  const loaded = await loadApplication(db, options);
  // Another agency's application answers exactly like a missing one.
  if (!loaded) throw notFound('Pendaftaran');
  return loaded;
}

function assertUndecided(application: ApplicationRow) {
  if (application.status !== 'submitted') {
    throw new AppError('INVALID_STATE', `Pendaftaran ini sudah diputuskan ${application.status.toUpperCase()}. Perubahan hanya melalui pembukaan ulang oleh panitia (sebelum pengumuman) atau sanggah.`);
  }
}

async function assertHolder(db: Db, application: ApplicationRow, actorId: string) {
  if (application.assignedVerifierId === actorId) return;
  if (!application.assignedVerifierId) throw new AppError('INVALID_STATE', 'Ambil pendaftaran ini dari antrean terlebih dahulu sebelum memeriksanya.');
  const names = await accountNames(db, [application.assignedVerifierId]);
  throw new AppError('CONFLICT', `Pendaftaran ini sedang dipegang ${names.get(application.assignedVerifierId) ?? 'verifikator lain'}.`);
}

async function uploadedKeys(db: Db, applicationId: string): Promise<string[]> {
  const rows = await db.select({ key: applicationDocuments.requirementKey }).from(applicationDocuments).where(eq(applicationDocuments.applicationId, applicationId));
  return rows.map((r) => r.key);
}

/** The application's checklist: its round's documents, its formation's kind (core/verification). */
export async function requirementsOf(db: Db, loaded: LoadedApplication): Promise<Requirement[]> {
  return requirementsFor({ documents: loaded.selection.requiredDocuments, uploadedKeys: await uploadedKeys(db, loaded.application.id), formasiKind: loaded.formasi.kind });
}

const toState = (row: VerificationCheckRow): CheckState => ({ requirementKey: row.requirementKey, result: row.result as CheckState['result'], verifierId: row.verifierId, confirmedBy: row.confirmedBy });

const summary = (row: Pick<VerificationCheckRow, 'requirementKey' | 'result' | 'reasonCode' | 'reasonText' | 'verifierId' | 'confirmedBy'>) => ({
  key: row.requirementKey,
  result: row.result,
  reasonCode: row.reasonCode,
  reasonText: row.reasonText,
  verifierId: row.verifierId,
  confirmedBy: row.confirmedBy,
});

export type ApplicationActionInput = { agencyId: string; applicationId: string; actorId: string; now?: Date };

/**
 * Takes an undecided application from the queue. One UPDATE guarded by "nobody holds it": of two
 * verifiers claiming at once, exactly one gets it, the other a 409 naming who has it.
 */
export async function claimApplication(db: Db, { agencyId, applicationId, actorId, now = new Date() }: ApplicationActionInput) {
  await db.transaction(async (tx) => {
    const [won] = await tx
      .update(applications)
      .set({ assignedVerifierId: actorId, claimedAt: now, updatedAt: now })
      .where(and(eq(applications.id, applicationId), eq(applications.agencyId, agencyId), eq(applications.status, 'submitted'), isNull(applications.assignedVerifierId)))
      .returning({ id: applications.id });
    if (!won) {
      const loaded = await requireApplication(tx, { agencyId, applicationId });
      assertUndecided(loaded.application);
      if (loaded.application.assignedVerifierId === actorId) return;
      await assertHolder(tx, loaded.application, actorId);
    }
    await recordAudit(tx, { agencyId, actorId, action: 'verification.claim', targetType: 'application', targetId: applicationId, after: { assignedVerifierId: actorId } });
  });
}

export type ReleaseInput = ApplicationActionInput & { asManager: boolean };

/** Puts an undecided application back in the queue: by the verifier holding it or by a manager. */
export async function releaseApplication(db: Db, { agencyId, applicationId, actorId, asManager, now = new Date() }: ReleaseInput) {
  await db.transaction(async (tx) => {
    const { application } = await requireApplication(tx, { agencyId, applicationId, lock: true });
    assertUndecided(application);
    if (!application.assignedVerifierId) throw new AppError('INVALID_STATE', 'Pendaftaran ini tidak sedang dipegang siapa pun.');
    if (!asManager && application.assignedVerifierId !== actorId) {
      throw new AppError('FORBIDDEN', 'Hanya verifikator yang memegang pendaftaran ini atau panitia yang dapat melepaskannya.');
    }
    await tx.update(applications).set({ assignedVerifierId: null, claimedAt: null, updatedAt: now }).where(eq(applications.id, applicationId));
    await recordAudit(tx, { agencyId, actorId, action: 'verification.release', targetType: 'application', targetId: applicationId, before: { assignedVerifierId: application.assignedVerifierId }, after: { assignedVerifierId: null } });
  });
}

export type AssignInput = { agencyId: string; actorId: string; applicationIds: string[]; verifierId: string | null; now?: Date };

/** A manager hands many undecided applications to one verifier (or back to the queue with null). */
export async function assignApplications(db: Db, { agencyId, actorId, applicationIds, verifierId, now = new Date() }: AssignInput) {
  if (verifierId && !(await isAgencyVerifier(db, { agencyId, accountId: verifierId }))) {
    throw validationFailed({ verifierId: 'Akun ini bukan verifikator instansi ini' }, 'Akun yang dipilih bukan verifikator instansi ini.');
  }
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: applications.id, status: applications.status, assignedVerifierId: applications.assignedVerifierId })
      .from(applications)
      .where(and(eq(applications.agencyId, agencyId), inArray(applications.id, applicationIds)))
      .orderBy(applications.id)
      .for('update');
    const found = new Map(rows.map((r) => [r.id, r]));
    const done: string[] = [];
    const skipped: Array<{ id: string; reason: string }> = [];
    for (const id of applicationIds) {
      const row = found.get(id);
      if (!row || row.status === 'draft') skipped.push({ id, reason: 'Pendaftaran tidak ditemukan di instansi ini.' });
      else if (row.status !== 'submitted') skipped.push({ id, reason: `Sudah diputuskan ${row.status.toUpperCase()}.` });
      else done.push(id);
    }
    if (done.length) {
      await tx
        .update(applications)
        .set({ assignedVerifierId: verifierId, claimedAt: verifierId ? now : null, updatedAt: now })
        .where(inArray(applications.id, done));
      for (const id of done) {
        await recordAudit(tx, {
          agencyId,
          actorId,
          action: verifierId ? 'verification.assign' : 'verification.release',
          targetType: 'application',
          targetId: id,
          before: { assignedVerifierId: found.get(id)!.assignedVerifierId },
          after: { assignedVerifierId: verifierId },
        });
      }
    }
    return { done, skipped };
  });
}

export type SaveChecksInput = ApplicationActionInput & { checks: CheckInput[] };

/**
 * Records MS/TMS per requirement, by the verifier holding the application. A changed check loses
 * its four-eyes confirmation (the second verifier confirmed something else); an unchanged one is
 * left as it is. The changes and their audit record commit together.
 */
export async function saveChecks(db: Db, { agencyId, applicationId, actorId, checks, now = new Date() }: SaveChecksInput) {
  const reasons = await ensureReasons(db, agencyId);
  return db.transaction(async (tx) => {
    const loaded = await requireApplication(tx, { agencyId, applicationId, lock: true });
    assertUndecided(loaded.application);
    await assertHolder(tx, loaded.application, actorId);
    const requirements = await requirementsOf(tx, loaded);
    const issues = checkInputIssues({ requirements, checks, activeReasonCodes: reasons.filter((r) => r.active).map((r) => r.code) });
    if (issues.length) {
      throw validationFailed(Object.fromEntries(issues.map((i) => [i.field, i.message])), issues[0]!.message);
    }
    const existing = new Map((await checksOf(tx, applicationId)).map((row) => [row.requirementKey, row]));
    const changes: Array<{ before: ReturnType<typeof summary> | null; after: ReturnType<typeof summary> }> = [];
    for (const check of checks) {
      const before = existing.get(check.requirementKey);
      const reasonCode = check.reasonCode ?? null;
      if (before && before.result === check.result && before.reasonCode === reasonCode && before.reasonText === check.reasonText) continue;
      const values = { result: check.result, reasonCode, reasonText: check.reasonText, verifierId: actorId, confirmedBy: null, confirmedAt: null, decidedAt: now };
      await tx
        .insert(verificationChecks)
        .values({ applicationId, agencyId, requirementKey: check.requirementKey, ...values })
        .onConflictDoUpdate({ target: [verificationChecks.applicationId, verificationChecks.requirementKey], set: values });
      changes.push({ before: before ? summary(before) : null, after: summary({ requirementKey: check.requirementKey, ...values }) });
    }
    if (changes.length) {
      await recordAudit(tx, {
        agencyId,
        actorId,
        action: 'verification.check',
        targetType: 'application',
        targetId: applicationId,
        before: changes.map((c) => c.before),
        after: changes.map((c) => c.after),
        details: { registrationNumber: loaded.application.registrationNumber },
      });
    }
    return { changed: changes.length };
  });
}

export type ConfirmInput = ApplicationActionInput & { requirementKeys: string[] };

/** The four-eyes rule: a second, different verifier confirms TMS checks. */
export async function confirmChecks(db: Db, { agencyId, applicationId, actorId, requirementKeys, now = new Date() }: ConfirmInput) {
  await db.transaction(async (tx) => {
    const loaded = await requireApplication(tx, { agencyId, applicationId, lock: true });
    assertUndecided(loaded.application);
    if (!administrationSettings(loaded.selection.settings).fourEyes) {
      throw new AppError('INVALID_STATE', 'Aturan empat mata tidak berlaku pada seleksi ini; TMS tidak memerlukan konfirmasi.');
    }
    const existing = new Map((await checksOf(tx, applicationId)).map((row) => [row.requirementKey, row]));
    const keys = [...new Set(requirementKeys)];
    for (const key of keys) {
      const row = existing.get(key);
      if (!row) throw validationFailed({ requirementKeys: `${key} belum diperiksa` }, 'Persyaratan yang dipilih belum diperiksa.');
      const refusal = confirmRefusal({ check: toState(row), confirmerId: actorId });
      if (refusal) throw new AppError(refusal.code === 'SAME_VERIFIER' ? 'FORBIDDEN' : 'INVALID_STATE', refusal.message, { requirementKeys: refusal.message });
    }
    await tx
      .update(verificationChecks)
      .set({ confirmedBy: actorId, confirmedAt: now })
      .where(and(eq(verificationChecks.applicationId, applicationId), inArray(verificationChecks.requirementKey, keys)));
    await recordAudit(tx, { agencyId, actorId, action: 'verification.confirm', targetType: 'application', targetId: applicationId, after: { requirementKeys: keys } });
  });
}

export type DecideInput = ApplicationActionInput & { decision: Decision };

/** The final decision, which the checks must support (core/verification evaluateDecision). */
export async function decideApplication(db: Db, { agencyId, applicationId, actorId, decision, now = new Date() }: DecideInput) {
  await db.transaction(async (tx) => {
    const loaded = await requireApplication(tx, { agencyId, applicationId, lock: true });
    assertUndecided(loaded.application);
    await assertHolder(tx, loaded.application, actorId);
    const requirements = await requirementsOf(tx, loaded);
    const rows = await checksOf(tx, applicationId);
    const { fourEyes } = administrationSettings(loaded.selection.settings);
    const evaluation = evaluateDecision({ requirements, checks: rows.map(toState), fourEyes, decision });
    if (!evaluation.allowed) {
      const fields = Object.fromEntries(evaluation.issues.map((i) => [i.requirementKey ? `checklist.${i.requirementKey}` : 'decision', i.message]));
      throw new AppError('INVALID_STATE', `Keputusan ${DECISION_LABEL[decision]} belum dapat dicatat: ${evaluation.issues.map((i) => i.message).join(' ')}`, fields);
    }
    await tx.update(applications).set({ status: decision, decidedAt: now, decidedBy: actorId, updatedAt: now }).where(eq(applications.id, applicationId));
    const keys = new Set(requirements.map((r) => r.key));
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'verification.decide',
      targetType: 'application',
      targetId: applicationId,
      before: { status: 'submitted' },
      after: { status: decision, checks: rows.filter((r) => keys.has(r.requirementKey)).map(summary) },
      details: { registrationNumber: loaded.application.registrationNumber, fourEyes },
    });
  });
}

export type BulkDecideInput = { agencyId: string; actorId: string; applicationIds: string[]; now?: Date };

/** MS for many at once — each only if all its checks are MS — each in its own transaction and audit record. */
export async function bulkDecideMs(db: Db, { agencyId, actorId, applicationIds, now = new Date() }: BulkDecideInput) {
  const done: string[] = [];
  const skipped: Array<{ id: string; reason: string }> = [];
  for (const applicationId of applicationIds) {
    try {
      await decideApplication(db, { agencyId, applicationId, actorId, decision: 'ms', now });
      done.push(applicationId);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      skipped.push({ id: applicationId, reason: error.message });
    }
  }
  return { done, skipped };
}

/** Serialises publishing a round's administrative result with reopening its decisions. */
export async function lockAdministrativeResult(tx: Db, selectionId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`administrasi:${selectionId}`}, 0))`);
}

export type ReopenInput = ApplicationActionInput & { reason: string };

/** A manager sends a decided application back to the verifier — only before the result is announced. */
export async function reopenApplication(db: Db, { agencyId, applicationId, actorId, reason, now = new Date() }: ReopenInput) {
  await db.transaction(async (tx) => {
    const loaded = await requireApplication(tx, { agencyId, applicationId, lock: true });
    await lockAdministrativeResult(tx, loaded.application.selectionId);
    const { application } = loaded;
    if (application.status === 'submitted') throw new AppError('INVALID_STATE', 'Pendaftaran ini belum diputuskan.');
    if (await findStageResult(tx, { selectionId: application.selectionId, stage: 'administrasi' })) {
      throw new AppError('INVALID_STATE', 'Hasil seleksi administrasi sudah diumumkan; keputusan hanya dapat berubah melalui sanggah.');
    }
    await tx.update(applications).set({ status: 'submitted', decidedAt: null, decidedBy: null, updatedAt: now }).where(eq(applications.id, applicationId));
    await recordAudit(tx, {
      agencyId,
      actorId,
      action: 'verification.reopen',
      targetType: 'application',
      targetId: applicationId,
      before: { status: application.status, decidedBy: application.decidedBy },
      after: { status: 'submitted' },
      details: { reason },
    });
  });
}

/** What the checks of a loaded application lead to (for the workspace). */
export function decisionState(requirements: Requirement[], rows: VerificationCheckRow[], fourEyes: boolean) {
  const states = rows.map(toState);
  const issues = (decision: Decision) => evaluateDecision({ requirements, checks: states, fourEyes, decision }).issues.map((i) => i.message);
  return {
    suggested: decisionFromChecks(requirements, states),
    pendingConfirmations: fourEyes ? pendingConfirmations(requirements, states) : [],
    msIssues: issues('ms'),
    tmsIssues: issues('tms'),
  };
}

// ---------------------------------------------------------------------------------------------
// For the administrative result and objections (server/modules/sanggah)

export type SelectionRef = { agencyId: string; selectionId: string };

/** Submitted applications of a round and how many still wait for a decision. */
export async function decisionCounts(db: Db, { agencyId, selectionId }: SelectionRef) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)`.mapWith(Number),
      undecided: sql<number>`count(*) filter (where ${applications.status} = 'submitted')`.mapWith(Number),
      ms: sql<number>`count(*) filter (where ${applications.status} = 'ms')`.mapWith(Number),
      tms: sql<number>`count(*) filter (where ${applications.status} = 'tms')`.mapWith(Number),
    })
    .from(applications)
    .where(and(eq(applications.agencyId, agencyId), eq(applications.selectionId, selectionId), sql`${applications.status} <> 'draft'`));
  return row ?? { total: 0, undecided: 0, ms: 0, tms: 0 };
}

/** Every decided application of a round, for the result list and the notifications. */
export async function decidedApplications(db: Db, { agencyId, selectionId }: SelectionRef) {
  const rows = await db
    .select({
      id: applications.id,
      accountId: applications.accountId,
      email: applications.email,
      registrationNumber: applications.registrationNumber,
      name: applications.applicantName,
      status: applications.status,
      positionName: formasi.positionName,
      unitName: formasi.unitName,
    })
    .from(applications)
    .innerJoin(formasi, eq(formasi.id, applications.formasiId))
    .where(and(eq(applications.agencyId, agencyId), eq(applications.selectionId, selectionId), inArray(applications.status, ['ms', 'tms'])))
    .orderBy(applications.registrationNumber);
  return rows.map((r) => ({ ...r, status: r.status as Decision, registrationNumber: r.registrationNumber ?? '', name: r.name ?? '', formasi: `${r.positionName} — ${r.unitName}` }));
}

export type ApplicationRequirementsView = {
  application: ApplicationRow;
  selectionName: string;
  formasi: LoadedApplication['formasi'];
  requirements: Requirement[];
  checks: VerificationCheckRow[];
  reasonLabels: Map<string, string>;
};

/** An application's checklist with its checks and the agency's reason labels (for the applicant's result and the panel). */
export async function applicationChecks(db: Db, { agencyId, applicationId }: { agencyId: string; applicationId: string }): Promise<ApplicationRequirementsView> {
  const loaded = await requireApplication(db, { agencyId, applicationId });
  const reasons = await ensureReasons(db, agencyId);
  return {
    application: loaded.application,
    selectionName: loaded.selection.name,
    formasi: loaded.formasi,
    requirements: await requirementsOf(db, loaded),
    checks: await checksOf(db, applicationId),
    reasonLabels: new Map(reasons.map((r) => [r.code, r.label])),
  };
}

export type AcceptByObjectionInput = { agencyId: string; applicationId: string; actorId: string; requirementKeys: string[]; answer: string; now?: Date };

/**
 * An accepted objection (sanggah): the pointed requirements become MS, recorded by the panel
 * member; the application becomes MS when no TMS remains. Runs in the caller's transaction, which
 * writes the audit record.
 */
export async function acceptByObjection(tx: Db, { agencyId, applicationId, actorId, requirementKeys, answer, now = new Date() }: AcceptByObjectionInput) {
  const loaded = await requireApplication(tx, { agencyId, applicationId, lock: true });
  const rows = await checksOf(tx, applicationId);
  const requirements = new Set((await requirementsOf(tx, loaded)).map((r) => r.key));
  const current = rows.filter((r) => requirements.has(r.requirementKey));
  const { decision } = applyAcceptance({ checks: current.map((r) => ({ requirementKey: r.requirementKey, result: r.result as CheckState['result'] })), keys: requirementKeys });
  const labels = new Map((await ensureReasons(tx, agencyId)).map((r) => [r.code, r.label]));
  for (const row of current.filter((r) => requirementKeys.includes(r.requirementKey))) {
    // The check keeps what it was, in words, beside why the objection was accepted.
    const was = `Semula TMS: ${row.reasonCode ? (labels.get(row.reasonCode) ?? row.reasonCode) : 'tanpa alasan'}${row.reasonText ? ` — ${row.reasonText}` : ''}.`;
    await tx
      .update(verificationChecks)
      .set({ result: 'MS', reasonCode: null, reasonText: `${was} Diterima melalui sanggah: ${answer}`.slice(0, 4000), verifierId: actorId, confirmedBy: null, confirmedAt: null, decidedAt: now })
      .where(eq(verificationChecks.id, row.id));
  }
  await tx.update(applications).set({ status: decision, decidedAt: now, decidedBy: actorId, updatedAt: now }).where(eq(applications.id, applicationId));
  return {
    before: { status: loaded.application.status, checks: current.filter((r) => requirementKeys.includes(r.requirementKey)).map(summary) },
    after: { status: decision },
    decision,
  };
}

/** Everything the workspace shows of one application (the presenter masks and shapes it). */
export async function loadWorkspace(db: Db, { agencyId, applicationId }: { agencyId: string; applicationId: string }) {
  const loaded = await requireApplication(db, { agencyId, applicationId });
  const [reasons, files, checks, requirements, published] = await Promise.all([
    ensureReasons(db, agencyId),
    applicationFiles(db, applicationId),
    checksWithNames(db, applicationId),
    requirementsOf(db, loaded),
    findStageResult(db, { selectionId: loaded.application.selectionId, stage: 'administrasi' }),
  ]);
  const { application } = loaded;
  const flags = application.flags ?? [];
  const [others, names] = await Promise.all([
    applicationSummaries(db, { agencyId, ids: [...new Set(flags.map((f) => f.otherApplicationId))] }),
    accountNames(db, [application.assignedVerifierId, application.decidedBy]),
  ]);
  return { loaded, reasons, files, checks, requirements, resultPublished: Boolean(published), others, names };
}
export type WorkspaceData = Awaited<ReturnType<typeof loadWorkspace>>;

/** The stored file of one uploaded document of an application of this agency. */
export async function documentFileId(db: Db, { agencyId, applicationId, key }: { agencyId: string; applicationId: string; key: string }): Promise<string> {
  await requireApplication(db, { agencyId, applicationId });
  const document = (await applicationFiles(db, applicationId)).find((d) => d.key === key);
  if (!document) throw notFound('Dokumen');
  return document.fileId;
}

/** Totals and, per verifier of the agency (and anyone who decided and has since left), held, decided, MS and TMS. */
export async function verificationProgress(db: Db, options: ProgressOptions) {
  const figures = await progressFigures(db, options);
  const held = new Map(figures.held.map((h) => [h.id!, h.n]));
  const decided = new Map(figures.decided.map((d) => [d.id!, d]));
  const people = new Map(figures.verifiers.map((v) => [v.id, v.name]));
  const ids = [...new Set([...people.keys(), ...held.keys(), ...decided.keys()])];
  const former = await accountNames(db, ids.filter((id) => !people.has(id)));
  const verifiers = ids
    .map((id) => {
      const d = decided.get(id);
      return { id, name: people.get(id) ?? former.get(id) ?? '—', claimed: held.get(id) ?? 0, decided: (d?.ms ?? 0) + (d?.tms ?? 0), ms: d?.ms ?? 0, tms: d?.tms ?? 0 };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return { totals: figures.totals, verifiers };
}

/** The queue's filter choices: rounds with submitted applications, each with its formations. */
export async function verificationFilters(db: Db, agencyId: string) {
  const rows = await queueFilters(db, agencyId);
  const bySelection = new Map<string, { id: string; name: string; year: number; fourEyes: boolean; formasi: Array<{ id: string; positionName: string; unitName: string }> }>();
  for (const row of rows) {
    let selection = bySelection.get(row.selectionId);
    if (!selection) {
      selection = { id: row.selectionId, name: row.selectionName, year: row.year, fourEyes: administrationSettings(row.settings).fourEyes, formasi: [] };
      bySelection.set(row.selectionId, selection);
    }
    selection.formasi.push({ id: row.formasiId, positionName: row.positionName, unitName: row.unitName });
  }
  return { selections: [...bySelection.values()] };
}
