import { and, asc, count, desc, eq, ilike, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { FieldIssue } from '../../../core/field-issue.js';
import { PIPELINE_PRESETS, validatePipeline, type PipelineStage, type SelectionType } from '../../../core/pipeline.js';
import { registrationWindow, validateLocalSchedule, type LocalSchedule } from '../../../core/selection-schedule.js';
import {
  DEFAULT_REQUIRED_DOCUMENTS,
  type correctionChanges,
  type createSelectionBody,
  type RequiredDocument,
  type SelectionStatus,
} from '../../../core/schemas/selections.js';
import { isAgencyZone, type AgencyZone } from '../../../core/time.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { agencies } from '../agencies/agencies.table.js';
import { listAudit, recordAudit } from '../audit/audit.service.js';
import { countSelectionFormasi, publishSelectionFormasi } from '../formasi/formasi.service.js';
import { portalChanged } from '../public/portal.service.js';
import { auditedFields, type SelectionRow } from './selections.presenter.js';
import { selections } from './selections.table.js';

type SelectionRef = { agencyId: string; selectionId: string };

async function agencyZone(db: Db, agencyId: string): Promise<AgencyZone> {
  const agency = await getAgency(db, agencyId);
  return isAgencyZone(agency.timezone) ? agency.timezone : 'Asia/Jakarta';
}

/** One 400 naming every problem: "pipeline.2.weight: …", "schedule.registrationCloses: …". */
function refuse(issues: FieldIssue[]): never {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.field] ??= issue.message;
  const [first] = issues;
  const more = issues.length > 1 ? ` (dan ${issues.length - 1} masalah lain)` : '';
  throw validationFailed(fields, `${first?.message ?? 'Data yang dikirim tidak valid.'}${more}`);
}

const prefixed = (prefix: string, issues: FieldIssue[]): FieldIssue[] =>
  issues.map((issue) => ({ ...issue, field: issue.field === 'stages' ? prefix : `${prefix}.${issue.field.replace(/^stages\./, '')}` }));

export type CheckRoundOptions = {
  zone: AgencyZone;
  schedule?: LocalSchedule | undefined;
  pipeline?: readonly PipelineStage[] | undefined;
  /** Field prefix in the request ('' for an edit, 'changes.' for a correction). */
  prefix: string;
  complete: boolean;
};

/** The schedule's order (core/selection-schedule) and the pipeline's rules and weights (core/pipeline). */
function roundIssues({ zone, schedule, pipeline, prefix, complete }: CheckRoundOptions): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (schedule !== undefined) issues.push(...prefixed(`${prefix}schedule`, validateLocalSchedule({ schedule, zone, complete }).errors));
  if (pipeline !== undefined) issues.push(...prefixed(`${prefix}pipeline`, validatePipeline(pipeline).errors));
  return issues;
}

async function lockSelection(tx: Db, { agencyId, selectionId }: SelectionRef): Promise<SelectionRow> {
  const [row] = await tx
    .select()
    .from(selections)
    .where(and(eq(selections.id, selectionId), eq(selections.agencyId, agencyId)))
    .for('update');
  if (!row) throw notFound('Seleksi');
  return row;
}

function checkVersion(row: SelectionRow, expectedVersion: number | undefined) {
  if (expectedVersion !== undefined && expectedVersion !== row.version) {
    throw new AppError(
      'CONFLICT',
      `Seleksi ini telah diubah orang lain (sekarang versi ${row.version}, Anda mengubah versi ${expectedVersion}). Muat ulang halaman lalu ulangi perubahan Anda.`,
    );
  }
}

const FROZEN_MESSAGE =
  'Seleksi sudah diumumkan: jadwal, dokumen persyaratan dan tahapan beserta bobotnya tidak dapat diubah langsung. Ajukan koreksi dengan alasan (versi dan jejak audit dicatat).';

function requireDraft(row: SelectionRow) {
  if (row.status === 'published') throw new AppError('CONFLICT', FROZEN_MESSAGE);
  if (row.status !== 'draft') throw new AppError('CONFLICT', 'Seleksi yang sudah selesai atau dibatalkan tidak dapat diubah.');
}

export async function getSelection(db: Db, ref: SelectionRef): Promise<SelectionRow> {
  const [row] = await db
    .select()
    .from(selections)
    .where(and(eq(selections.id, ref.selectionId), eq(selections.agencyId, ref.agencyId)));
  if (!row) throw notFound('Seleksi');
  return row;
}

export async function selectionCounts(db: Db, ref: SelectionRef) {
  return countSelectionFormasi(db, ref);
}

export type ListSelectionsOptions = {
  agencyId: string;
  page: number;
  pageSize: number;
  q?: string | undefined;
  type?: SelectionType | undefined;
  year?: number | undefined;
  status?: SelectionStatus | undefined;
};

export async function listSelections(db: Db, options: ListSelectionsOptions) {
  const where = and(
    eq(selections.agencyId, options.agencyId),
    options.type ? eq(selections.type, options.type) : undefined,
    options.year ? eq(selections.year, options.year) : undefined,
    options.status ? eq(selections.status, options.status) : undefined,
    options.q ? ilike(selections.name, `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(selections).where(where);
  const rows = await db
    .select()
    .from(selections)
    .where(where)
    .orderBy(desc(selections.year), asc(selections.name), asc(selections.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const counts = await Promise.all(rows.map((row) => countSelectionFormasi(db, { agencyId: row.agencyId, selectionId: row.id })));
  return { items: rows.map((row, index) => ({ row, counts: counts[index]! })), total: total?.n ?? 0 };
}

export type CreateSelectionInput = { actorId: string; agencyId: string; data: z.infer<typeof createSelectionBody> };

/** A new draft round from its type's preset: the stage pipeline (core/pipeline) and the usual documents (domain-rules §1). */
export async function createSelection(db: Db, { actorId, agencyId, data }: CreateSelectionInput): Promise<SelectionRow> {
  const zone = await agencyZone(db, agencyId);
  const schedule = data.schedule ?? {};
  const issues = roundIssues({ zone, schedule, prefix: '', complete: false });
  if (issues.length > 0) refuse(issues);
  const window = registrationWindow({ schedule, zone });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(selections)
      .values({
        agencyId,
        type: data.type,
        year: data.year,
        name: data.name,
        description: data.description,
        schedule,
        registrationOpensAt: window.opensAt,
        registrationClosesAt: window.closesAt,
        requiredDocuments: structuredClone([...DEFAULT_REQUIRED_DOCUMENTS]),
        pipeline: structuredClone([...PIPELINE_PRESETS[data.type]]),
        createdBy: actorId,
      })
      .returning();
    await recordAudit(tx, { agencyId, actorId, action: 'selection.create', targetType: 'selection', targetId: row!.id, after: auditedFields(row!) });
    return row!;
  });
}

export type SelectionChanges = {
  name?: string | undefined;
  description?: string | undefined;
  year?: number | undefined;
  schedule?: LocalSchedule | undefined;
  requiredDocuments?: RequiredDocument[] | undefined;
  pipeline?: PipelineStage[] | undefined;
};

const CHANGEABLE = ['name', 'description', 'year', 'schedule', 'requiredDocuments', 'pipeline'] as const;

/** The fields whose value really differs, with the new registration instants when the schedule moves. */
function diff(row: SelectionRow, changes: SelectionChanges, zone: AgencyZone) {
  const set: Partial<typeof selections.$inferInsert> = {};
  const changed: string[] = [];
  for (const key of CHANGEABLE) {
    const value = changes[key];
    if (value === undefined) continue;
    if (JSON.stringify(value) === JSON.stringify(row[key])) continue;
    changed.push(key);
    (set as Record<string, unknown>)[key] = value;
  }
  if (changes.schedule !== undefined && changed.includes('schedule')) {
    const window = registrationWindow({ schedule: changes.schedule, zone });
    set.registrationOpensAt = window.opensAt;
    set.registrationClosesAt = window.closesAt;
  }
  return { set, changed };
}

function pick(fields: ReturnType<typeof auditedFields>, keys: string[]) {
  const withInstants = keys.includes('schedule') ? [...keys, 'registrationOpensAt', 'registrationClosesAt'] : keys;
  return Object.fromEntries(withInstants.map((key) => [key, fields[key as keyof typeof fields]]));
}

export type UpdateSelectionInput = SelectionRef & { actorId: string; changes: SelectionChanges; expectedVersion?: number | undefined };

/** Edits a draft round. Once published, only correctSelection changes it. */
export async function updateSelection(db: Db, input: UpdateSelectionInput): Promise<SelectionRow> {
  const zone = await agencyZone(db, input.agencyId);
  const row = await db.transaction(async (tx) => {
    const before = await lockSelection(tx, input);
    checkVersion(before, input.expectedVersion);
    requireDraft(before);
    const issues = roundIssues({ zone, schedule: input.changes.schedule, pipeline: input.changes.pipeline, prefix: '', complete: false });
    if (issues.length > 0) refuse(issues);
    const { set, changed } = diff(before, input.changes, zone);
    if (changed.length === 0) return before;
    const [after] = await tx
      .update(selections)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(eq(selections.id, before.id))
      .returning();
    await recordAudit(tx, {
      agencyId: input.agencyId,
      actorId: input.actorId,
      action: 'selection.update',
      targetType: 'selection',
      targetId: before.id,
      before: pick(auditedFields(before), changed),
      after: pick(auditedFields(after!), changed),
      details: { version: after!.version, changed },
    });
    return after!;
  });
  return row;
}

export type CorrectSelectionInput = SelectionRef & {
  actorId: string;
  reason: string;
  changes: z.infer<typeof correctionChanges>;
  expectedVersion?: number | undefined;
};

/**
 * The only way to change a published round: validated like an edit (a complete schedule in order,
 * weights summing to 100), a new version, and an audit record with the reason and before/after.
 */
export async function correctSelection(db: Db, input: CorrectSelectionInput): Promise<SelectionRow> {
  const zone = await agencyZone(db, input.agencyId);
  const row = await db.transaction(async (tx) => {
    const before = await lockSelection(tx, input);
    checkVersion(before, input.expectedVersion);
    if (before.status === 'draft') {
      throw new AppError('CONFLICT', 'Seleksi ini masih draf: ubah langsung tanpa koreksi. Koreksi hanya untuk seleksi yang sudah diumumkan.');
    }
    if (before.status !== 'published') throw new AppError('CONFLICT', 'Seleksi yang sudah selesai atau dibatalkan tidak dapat dikoreksi.');
    const issues = roundIssues({ zone, schedule: input.changes.schedule, pipeline: input.changes.pipeline, prefix: 'changes.', complete: true });
    if (issues.length > 0) refuse(issues);
    const { set, changed } = diff(before, input.changes, zone);
    if (changed.length === 0) {
      throw validationFailed({ changes: 'Tidak ada yang berbeda dari versi saat ini' }, 'Koreksi tidak mengubah apa pun: isinya sama dengan versi saat ini.');
    }
    const [after] = await tx
      .update(selections)
      .set({ ...set, version: before.version + 1, updatedAt: new Date() })
      .where(eq(selections.id, before.id))
      .returning();
    await recordAudit(tx, {
      agencyId: input.agencyId,
      actorId: input.actorId,
      action: 'selection.correct',
      targetType: 'selection',
      targetId: before.id,
      before: pick(auditedFields(before), changed),
      after: pick(auditedFields(after!), changed),
      details: { reason: input.reason, version: after!.version, previousVersion: before.version, changed },
    });
    return after!;
  });
  portalChanged(db);
  return row;
}

export type PublishSelectionInput = SelectionRef & { actorId: string; expectedVersion?: number | undefined; now?: Date };

/**
 * Publishes a draft round with its formasi, in one transaction: the schedule complete and in
 * order with registration still to close, the weights summing to 100, at least one formasi.
 */
export async function publishSelection(db: Db, input: PublishSelectionInput): Promise<SelectionRow> {
  const zone = await agencyZone(db, input.agencyId);
  const now = input.now ?? new Date();
  const row = await db.transaction(async (tx) => {
    const before = await lockSelection(tx, input);
    checkVersion(before, input.expectedVersion);
    requireDraft(before);
    const schedule = before.schedule as LocalSchedule;
    const issues = roundIssues({ zone, schedule, pipeline: before.pipeline as PipelineStage[], prefix: '', complete: true });
    const window = registrationWindow({ schedule, zone });
    if (window.closesAt && window.closesAt.getTime() <= now.getTime()) {
      issues.push({ field: 'schedule.registrationCloses', code: 'SCHEDULE_REGISTRATION_PAST', message: 'Penutupan pendaftaran sudah lewat; tetapkan tanggal yang akan datang.' });
    }
    const counts = await countSelectionFormasi(tx, input);
    if (counts.formasi === 0) {
      issues.push({ field: 'formasi', code: 'SELECTION_WITHOUT_FORMASI', message: 'Tambahkan minimal satu formasi sebelum mengumumkan seleksi.' });
    }
    if (issues.length > 0) refuse(issues);
    const published = await publishSelectionFormasi(tx, { agencyId: input.agencyId, selectionId: before.id, actorId: input.actorId });
    const [after] = await tx
      .update(selections)
      .set({
        status: 'published',
        publishedAt: now,
        registrationOpensAt: window.opensAt,
        registrationClosesAt: window.closesAt,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(selections.id, before.id))
      .returning();
    await recordAudit(tx, {
      agencyId: input.agencyId,
      actorId: input.actorId,
      action: 'selection.publish',
      targetType: 'selection',
      targetId: before.id,
      before: { status: before.status, version: before.version },
      after: auditedFields(after!),
      details: { version: after!.version, formasiPublished: published, formasi: counts.formasi, places: counts.places },
    });
    return after!;
  });
  portalChanged(db);
  return row;
}

export type DeleteSelectionInput = SelectionRef & { actorId: string };

/** Removes a draft round and its draft formasi; a published round stays (it can only be corrected). */
export async function deleteSelection(db: Db, input: DeleteSelectionInput): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockSelection(tx, input);
    if (before.status === 'published') {
      throw new AppError('CONFLICT', 'Seleksi yang sudah diumumkan tidak dapat dihapus; ajukan koreksi bila ada yang keliru.');
    }
    requireDraft(before);
    const counts = await countSelectionFormasi(tx, input);
    await tx.delete(selections).where(eq(selections.id, before.id));
    await recordAudit(tx, {
      agencyId: input.agencyId,
      actorId: input.actorId,
      action: 'selection.delete',
      targetType: 'selection',
      targetId: before.id,
      before: auditedFields(before),
      details: { formasiDeleted: counts.formasi },
    });
  });
}

export type SelectionHistoryOptions = SelectionRef & { page: number; pageSize: number };

const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** The round's audit records, newest first: creation, edits, publication, corrections with their reasons. */
export async function selectionHistory(db: Db, options: SelectionHistoryOptions) {
  await getSelection(db, options);
  const { items, total } = await listAudit(db, { agencyId: options.agencyId, targetId: options.selectionId, page: options.page, pageSize: options.pageSize });
  return {
    total,
    items: items.map(({ entry, actorName }) => {
      const summary = entry.summary as Record<string, unknown>;
      const details = record(summary.details) ?? {};
      const before = record(summary.before);
      const after = record(summary.after);
      const version = typeof details.version === 'number' ? details.version : typeof after?.version === 'number' ? after.version : null;
      const changed = Array.isArray(details.changed) ? details.changed.filter((key): key is string => typeof key === 'string') : Object.keys(after ?? {});
      return {
        seq: entry.seq,
        action: entry.action,
        actorName,
        createdAt: entry.createdAt.toISOString(),
        version,
        reason: typeof details.reason === 'string' ? details.reason : null,
        changed,
        before,
        after,
      };
    }),
  };
}

// ---- For the dashboards -------------------------------------------------------------------------

export type ReportedSelection = { id: string; agencyId: string; agencyName: string; zone: AgencyZone; name: string; type: string; year: number; status: string; schedule: LocalSchedule; registrationOpensAt: Date | null; registrationClosesAt: Date | null };

/** Published (or closed) rounds in scope, newest year first, with the agency's name and zone for their schedule. */
export async function selectionsForReport(db: Db, scope: { agencyId?: string | undefined; selectionId?: string | undefined }): Promise<ReportedSelection[]> {
  const rows = await db
    .select({ id: selections.id, agencyId: selections.agencyId, agencyName: agencies.name, timezone: agencies.timezone, name: selections.name, type: selections.type, year: selections.year, status: selections.status, schedule: selections.schedule, registrationOpensAt: selections.registrationOpensAt, registrationClosesAt: selections.registrationClosesAt })
    .from(selections)
    .innerJoin(agencies, eq(agencies.id, selections.agencyId))
    .where(and(scope.agencyId ? eq(selections.agencyId, scope.agencyId) : undefined, scope.selectionId ? eq(selections.id, scope.selectionId) : undefined, inArray(selections.status, ['published', 'closed'])))
    .orderBy(desc(selections.year), asc(agencies.name), asc(selections.name), asc(selections.id));
  return rows.map(({ timezone, ...r }) => ({ ...r, zone: isAgencyZone(timezone) ? timezone : 'Asia/Jakarta', schedule: r.schedule as LocalSchedule }));
}
