import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ANNOUNCEMENT_FILE_MAX_BYTES,
  ANNOUNCEMENT_MAX_FILES,
  type AnnouncementKind,
  type createAnnouncementBody,
  type updateAnnouncementBody,
} from '../../../core/schemas/announcements.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { getFile, storeContent, storeUpload, type StoredFile, type UploadPart } from '../files/files.service.js';
import { files } from '../files/files.table.js';
import { getSelection } from '../selections/selections.service.js';
import { announcementFiles, announcements } from './announcements.table.js';

export type AnnouncementRow = typeof announcements.$inferSelect;
export type AnnouncementDeps = { db: Db; uploadDir: string };
type Ref = { id: string; title: string; publishedAt: string | null };

const iso = (date: Date | null) => date?.toISOString() ?? null;
const ref = (row: { id: string; title: string; publishedAt: Date | null }): Ref => ({ id: row.id, title: row.title, publishedAt: iso(row.publishedAt) });

// ---- lookups --------------------------------------------------------------------------------------

async function selectionNames(db: Db, rows: Array<{ agencyId: string; selectionId: string | null }>) {
  const names = new Map<string, string>();
  for (const row of rows) {
    if (!row.selectionId || names.has(row.selectionId)) continue;
    const selection = await getSelection(db, { agencyId: row.agencyId, selectionId: row.selectionId }).catch(() => null);
    if (selection) names.set(row.selectionId, selection.name);
  }
  return names;
}

async function agencySummaries(db: Db, agencyIds: string[]) {
  const out = new Map<string, { id: string; name: string; timezone: string }>();
  for (const id of new Set(agencyIds)) {
    const agency = await getAgency(db, id);
    out.set(id, { id: agency.id, name: agency.name, timezone: agency.timezone });
  }
  return out;
}

/** Published announcements that replace the given ones. */
async function replacements(db: Db, ids: string[]) {
  const map = new Map<string, Ref>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({ id: announcements.id, title: announcements.title, publishedAt: announcements.publishedAt, supersedesId: announcements.supersedesId })
    .from(announcements)
    .where(and(inArray(announcements.supersedesId, ids), eq(announcements.status, 'published')));
  for (const row of rows) map.set(row.supersedesId!, ref(row));
  return map;
}

async function announcementsById(db: Db, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const map = new Map<string, Ref>();
  if (wanted.length === 0) return map;
  const rows = await db.select({ id: announcements.id, title: announcements.title, publishedAt: announcements.publishedAt }).from(announcements).where(inArray(announcements.id, wanted));
  for (const row of rows) map.set(row.id, ref(row));
  return map;
}

async function attachmentsOf(db: Db, announcementId: string) {
  return db
    .select({ id: announcementFiles.id, title: announcementFiles.title, sha256: announcementFiles.sha256, fileName: files.originalName, sizeBytes: files.sizeBytes, mime: files.mime })
    .from(announcementFiles)
    .innerJoin(files, eq(files.id, announcementFiles.fileId))
    .where(eq(announcementFiles.announcementId, announcementId))
    .orderBy(announcementFiles.createdAt, announcementFiles.id);
}

async function findRow(db: Db, agencyId: string, announcementId: string, lock = false) {
  const query = db
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, announcementId), eq(announcements.agencyId, agencyId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Pengumuman');
  return row;
}

export const notDraft = () =>
  new AppError('INVALID_STATE', 'Pengumuman yang sudah diterbitkan tidak dapat diubah. Buat pengumuman pengganti bila ada yang perlu diralat.');

function requireDraft(row: AnnouncementRow) {
  if (row.status !== 'draft') throw notDraft();
}

async function checkSelection(db: Db, agencyId: string, selectionId: string | null | undefined) {
  if (!selectionId) return;
  try {
    await getSelection(db, { agencyId, selectionId });
  } catch {
    throw new AppError('VALIDATION_FAILED', 'Seleksi tidak ditemukan di instansi ini.', { selectionId: 'Seleksi tidak ditemukan di instansi ini' });
  }
}

// ---- presenters -----------------------------------------------------------------------------------

export async function presentAnnouncement(db: Db, row: AnnouncementRow) {
  const [attachments, supersededBy, supersedes, names, [draft]] = await Promise.all([
    attachmentsOf(db, row.id),
    replacements(db, [row.id]),
    announcementsById(db, [row.supersedesId]),
    selectionNames(db, [row]),
    db
      .select({ id: announcements.id, title: announcements.title })
      .from(announcements)
      .where(and(eq(announcements.supersedesId, row.id), eq(announcements.status, 'draft')))
      .limit(1),
  ]);
  return {
    id: row.id,
    agencyId: row.agencyId,
    selectionId: row.selectionId,
    selectionName: row.selectionId ? (names.get(row.selectionId) ?? null) : null,
    kind: row.kind,
    title: row.title,
    body: row.body,
    status: row.status as 'draft' | 'published',
    publishedAt: iso(row.publishedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    supersedes: row.supersedesId ? (supersedes.get(row.supersedesId) ?? null) : null,
    supersededBy: supersededBy.get(row.id) ?? null,
    replacementDraft: draft ?? null,
    files: attachments,
  };
}

// ---- staff ----------------------------------------------------------------------------------------

export type ListAnnouncementsOptions = {
  agencyId: string;
  status?: 'draft' | 'published' | undefined;
  selectionId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

const fileCount = sql<number>`(select count(*) from ${announcementFiles} where ${announcementFiles.announcementId} = ${announcements.id})`.mapWith(Number);

function search(q: string | undefined): SQL | undefined {
  return q ? or(ilike(announcements.title, `%${q}%`), ilike(announcements.body, `%${q}%`)) : undefined;
}

export async function listAnnouncements(db: Db, options: ListAnnouncementsOptions) {
  const where = and(
    eq(announcements.agencyId, options.agencyId),
    options.status ? eq(announcements.status, options.status) : undefined,
    options.selectionId ? eq(announcements.selectionId, options.selectionId) : undefined,
    search(options.q),
  );
  const [total] = await db.select({ n: count() }).from(announcements).where(where);
  const rows = await db
    .select({ row: announcements, fileCount })
    .from(announcements)
    .where(where)
    // Drafts first (work in progress), then the newest publications.
    .orderBy(sql`${announcements.status} = 'published'`, desc(sql`coalesce(${announcements.publishedAt}, ${announcements.createdAt})`), desc(announcements.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const [supersededBy, names] = await Promise.all([replacements(db, rows.map((r) => r.row.id)), selectionNames(db, rows.map((r) => r.row))]);
  const items = rows.map(({ row, fileCount: n }) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status as 'draft' | 'published',
    selectionId: row.selectionId,
    selectionName: row.selectionId ? (names.get(row.selectionId) ?? null) : null,
    publishedAt: iso(row.publishedAt),
    createdAt: row.createdAt.toISOString(),
    fileCount: n,
    supersedesId: row.supersedesId,
    supersededBy: supersededBy.get(row.id) ?? null,
  }));
  return { items, total: total?.n ?? 0 };
}

export type AnnouncementRef = { agencyId: string; announcementId: string };

export async function getAnnouncement(db: Db, input: AnnouncementRef) {
  return presentAnnouncement(db, await findRow(db, input.agencyId, input.announcementId));
}

export type CreateAnnouncementInput = { actorId: string; agencyId: string; data: z.infer<typeof createAnnouncementBody> };

export async function createAnnouncement(db: Db, input: CreateAnnouncementInput) {
  await checkSelection(db, input.agencyId, input.data.selectionId);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(announcements)
      .values({ agencyId: input.agencyId, title: input.data.title, body: input.data.body, kind: input.data.kind, selectionId: input.data.selectionId ?? null, createdBy: input.actorId })
      .returning();
    await recordAudit(tx, { agencyId: input.agencyId, actorId: input.actorId, action: 'announcement.create', targetType: 'announcement', targetId: created!.id, after: { title: created!.title, kind: created!.kind } });
    return created!;
  });
  return presentAnnouncement(db, row);
}

export type UpdateAnnouncementInput = AnnouncementRef & { actorId: string; changes: z.infer<typeof updateAnnouncementBody> };

/** Drafts only: a published announcement is never changed (it is superseded instead). */
export async function updateAnnouncement(db: Db, input: UpdateAnnouncementInput) {
  await checkSelection(db, input.agencyId, input.changes.selectionId);
  const row = await db.transaction(async (tx) => {
    const before = await findRow(tx, input.agencyId, input.announcementId, true);
    requireDraft(before);
    const [updated] = await tx
      .update(announcements)
      .set({ ...input.changes, updatedAt: new Date() })
      .where(eq(announcements.id, before.id))
      .returning();
    return updated!;
  });
  return presentAnnouncement(db, row);
}

export async function deleteAnnouncementDraft(db: Db, input: AnnouncementRef & { actorId: string }) {
  await db.transaction(async (tx) => {
    const row = await findRow(tx, input.agencyId, input.announcementId, true);
    requireDraft(row);
    await tx.delete(announcements).where(eq(announcements.id, row.id));
    await recordAudit(tx, { agencyId: input.agencyId, actorId: input.actorId, action: 'announcement.delete_draft', targetType: 'announcement', targetId: row.id, before: { title: row.title } });
  });
}

export type AttachFileInput = AnnouncementRef & { actorId: string; title?: string | undefined; upload: UploadPart };

/** Attaches a PDF to a draft: streamed, checked and stored; the draft is re-checked under a lock in the same transaction. */
export async function attachAnnouncementFile(deps: AnnouncementDeps, input: AttachFileInput) {
  await storeUpload({
    db: deps.db,
    uploadDir: deps.uploadDir,
    stream: input.upload.stream,
    fileName: input.upload.fileName,
    kinds: ['pdf'],
    maxBytes: ANNOUNCEMENT_FILE_MAX_BYTES,
    agencyId: input.agencyId,
    actorId: input.actorId,
    attach: async (tx, file) => {
      const row = await findRow(tx, input.agencyId, input.announcementId, true);
      requireDraft(row);
      const [attached] = await tx.select({ n: count() }).from(announcementFiles).where(eq(announcementFiles.announcementId, row.id));
      if ((attached?.n ?? 0) >= ANNOUNCEMENT_MAX_FILES) throw new AppError('CONFLICT', `Satu pengumuman memuat paling banyak ${ANNOUNCEMENT_MAX_FILES} lampiran.`);
      await tx.insert(announcementFiles).values({ announcementId: row.id, agencyId: row.agencyId, fileId: file.id, sha256: file.sha256, title: input.title || file.originalName.replace(/\.pdf$/i, '') });
      await tx.update(announcements).set({ updatedAt: new Date() }).where(eq(announcements.id, row.id));
    },
  });
  return getAnnouncement(deps.db, input);
}

export async function removeAnnouncementFile(db: Db, input: AnnouncementRef & { attachmentId: string }) {
  await db.transaction(async (tx) => {
    const row = await findRow(tx, input.agencyId, input.announcementId, true);
    requireDraft(row);
    const removed = await tx
      .delete(announcementFiles)
      .where(and(eq(announcementFiles.id, input.attachmentId), eq(announcementFiles.announcementId, row.id)))
      .returning({ id: announcementFiles.id });
    if (removed.length === 0) throw notFound('Lampiran');
  });
  return getAnnouncement(db, input);
}

/** The announcement a new one replaces: published, and not already replaced. Locked until commit. */
async function lockReplaceable(tx: Db, agencyId: string, announcementId: string) {
  const old = await findRow(tx, agencyId, announcementId, true);
  if (old.status !== 'published') throw new AppError('INVALID_STATE', 'Hanya pengumuman yang sudah diterbitkan yang dapat digantikan; draf cukup diubah.');
  const replaced = await replacements(tx, [old.id]);
  const by = replaced.get(old.id);
  if (by) throw new AppError('INVALID_STATE', `Pengumuman ini sudah digantikan oleh "${by.title}". Gantikan pengumuman terbaru itu bila perlu.`);
  return old;
}

async function auditPublish(tx: Db, row: AnnouncementRow, actorId: string | null) {
  const attachments = await tx.select({ title: announcementFiles.title, sha256: announcementFiles.sha256 }).from(announcementFiles).where(eq(announcementFiles.announcementId, row.id));
  await recordAudit(tx, {
    agencyId: row.agencyId,
    actorId,
    action: 'announcement.publish',
    targetType: 'announcement',
    targetId: row.id,
    after: { title: row.title, kind: row.kind, selectionId: row.selectionId, supersedesId: row.supersedesId, publishedAt: iso(row.publishedAt), files: attachments },
  });
}

export async function publishAnnouncement(db: Db, input: AnnouncementRef & { actorId: string }) {
  const row = await db.transaction(async (tx) => {
    const draft = await findRow(tx, input.agencyId, input.announcementId, true);
    requireDraft(draft);
    if (draft.supersedesId) await lockReplaceable(tx, input.agencyId, draft.supersedesId);
    const [published] = await tx
      .update(announcements)
      .set({ status: 'published', publishedAt: new Date(), updatedAt: new Date() })
      .where(eq(announcements.id, draft.id))
      .returning();
    await auditPublish(tx, published!, input.actorId);
    return published!;
  });
  return presentAnnouncement(db, row);
}

export type SupersedeInput = AnnouncementRef & { actorId: string; title?: string | undefined; body?: string | undefined };

/** Starts a replacement: a new draft that names the published announcement it will replace, with the same attachments to start from. */
export async function supersedeAnnouncement(db: Db, input: SupersedeInput) {
  const row = await db.transaction(async (tx) => {
    const old = await lockReplaceable(tx, input.agencyId, input.announcementId);
    const [pending] = await tx
      .select({ id: announcements.id, title: announcements.title })
      .from(announcements)
      .where(and(eq(announcements.supersedesId, old.id), eq(announcements.status, 'draft')));
    if (pending) throw new AppError('CONFLICT', `Sudah ada draf pengganti untuk pengumuman ini ("${pending.title}"). Lanjutkan draf itu.`);
    const [draft] = await tx
      .insert(announcements)
      .values({ agencyId: old.agencyId, selectionId: old.selectionId, kind: old.kind, title: input.title ?? old.title, body: input.body ?? old.body, supersedesId: old.id, createdBy: input.actorId })
      .returning();
    const attachments = await tx.select().from(announcementFiles).where(eq(announcementFiles.announcementId, old.id)).orderBy(announcementFiles.createdAt, announcementFiles.id);
    if (attachments.length > 0) {
      await tx.insert(announcementFiles).values(attachments.map((a) => ({ announcementId: draft!.id, agencyId: a.agencyId, fileId: a.fileId, sha256: a.sha256, title: a.title })));
    }
    await recordAudit(tx, { agencyId: old.agencyId, actorId: input.actorId, action: 'announcement.supersede_draft', targetType: 'announcement', targetId: draft!.id, after: { supersedesId: old.id, title: draft!.title } });
    return draft!;
  });
  return presentAnnouncement(db, row);
}

export type GeneratedFile = { title: string; fileName: string; content: Buffer };

export type PublishGeneratedInput = {
  /** UPLOAD_DIR (config.uploadDir), where the generated PDFs are stored. */
  uploadDir: string;
  agencyId: string;
  selectionId: string | null;
  kind: AnnouncementKind;
  title: string;
  body: string;
  actorId: string | null;
  files: GeneratedFile[];
  /** A published announcement this one replaces (a corrected result). */
  supersedesId?: string | null;
};

/**
 * For other modules: publishes an announcement with generated PDFs in the caller's transaction
 * (so the result it announces and its publication commit together), audited like any other.
 */
export async function publishGeneratedAnnouncement(tx: Db, input: PublishGeneratedInput) {
  if (input.files.length > ANNOUNCEMENT_MAX_FILES) throw new Error(`at most ${ANNOUNCEMENT_MAX_FILES} files`);
  await checkSelection(tx, input.agencyId, input.selectionId);
  if (input.supersedesId) await lockReplaceable(tx, input.agencyId, input.supersedesId);
  // Written as a draft with its files, then published: published rows and their files are immutable (migration 0009).
  const [draft] = await tx
    .insert(announcements)
    .values({
      agencyId: input.agencyId,
      selectionId: input.selectionId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      status: 'draft',
      supersedesId: input.supersedesId ?? null,
      createdBy: input.actorId,
    })
    .returning();
  for (const generated of input.files) {
    const file = await storeContent(tx, { uploadDir: input.uploadDir, content: generated.content, fileName: generated.fileName, kind: 'pdf', agencyId: input.agencyId, actorId: input.actorId });
    await tx.insert(announcementFiles).values({ announcementId: draft!.id, agencyId: input.agencyId, fileId: file.id, sha256: file.sha256, title: generated.title });
  }
  const now = new Date();
  const [row] = await tx.update(announcements).set({ status: 'published', publishedAt: now, updatedAt: now }).where(eq(announcements.id, draft!.id)).returning();
  await auditPublish(tx, row!, input.actorId);
  return presentAnnouncement(tx, row!);
}

/** A file of an announcement, for download: staff see drafts of their agency, the public only what is published. */
export async function announcementFileForDownload(db: Db, input: { announcementId: string; attachmentId: string; agencyId?: string }): Promise<StoredFile> {
  const [row] = await db
    .select({ fileId: announcementFiles.fileId, title: announcementFiles.title })
    .from(announcementFiles)
    .innerJoin(announcements, eq(announcements.id, announcementFiles.announcementId))
    .where(
      and(
        eq(announcementFiles.id, input.attachmentId),
        eq(announcementFiles.announcementId, input.announcementId),
        input.agencyId ? eq(announcements.agencyId, input.agencyId) : eq(announcements.status, 'published'),
      ),
    );
  if (!row) throw notFound('Lampiran');
  return getFile(db, row.fileId);
}

// ---- public ---------------------------------------------------------------------------------------

export type PublicListOptions = {
  agencyId?: string | undefined;
  selectionId?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

function excerpt(body: string) {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 197).trimEnd()}…` : flat;
}

export async function listPublicAnnouncements(db: Db, options: PublicListOptions) {
  const where = and(
    eq(announcements.status, 'published'),
    options.agencyId ? eq(announcements.agencyId, options.agencyId) : undefined,
    options.selectionId ? eq(announcements.selectionId, options.selectionId) : undefined,
    options.kind ? eq(announcements.kind, options.kind) : undefined,
    search(options.q),
  );
  const [total] = await db.select({ n: count() }).from(announcements).where(where);
  const rows = await db
    .select({ row: announcements, fileCount })
    .from(announcements)
    .where(where)
    .orderBy(desc(announcements.publishedAt), desc(announcements.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const list = rows.map((r) => r.row);
  const [supersededBy, supersedes, names, agencies] = await Promise.all([
    replacements(db, list.map((r) => r.id)),
    announcementsById(db, list.map((r) => r.supersedesId)),
    selectionNames(db, list),
    agencySummaries(db, list.map((r) => r.agencyId)),
  ]);
  const items = rows.map(({ row, fileCount: n }) => ({
    id: row.id,
    agency: agencies.get(row.agencyId)!,
    selectionId: row.selectionId,
    selectionName: row.selectionId ? (names.get(row.selectionId) ?? null) : null,
    kind: row.kind,
    title: row.title,
    excerpt: excerpt(row.body),
    publishedAt: row.publishedAt!.toISOString(),
    fileCount: n,
    supersedes: row.supersedesId ? (supersedes.get(row.supersedesId) ?? null) : null,
    supersededBy: supersededBy.get(row.id) ?? null,
  }));
  return { items, total: total?.n ?? 0 };
}

export async function getPublicAnnouncement(db: Db, announcementId: string) {
  const [row] = await db
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, announcementId), eq(announcements.status, 'published')));
  if (!row) throw notFound('Pengumuman');
  const presented = await presentAnnouncement(db, row);
  const agency = (await agencySummaries(db, [row.agencyId])).get(row.agencyId)!;
  return {
    id: presented.id,
    agency,
    selectionId: presented.selectionId,
    selectionName: presented.selectionName,
    kind: presented.kind,
    title: presented.title,
    body: presented.body,
    publishedAt: presented.publishedAt!,
    supersedes: presented.supersedes,
    supersededBy: presented.supersededBy,
    files: presented.files.map((file) => ({ ...file, downloadUrl: `/api/public/announcements/${row.id}/files/${file.id}` })),
  };
}

/**
 * Whether, when, by which agency and in which announcement a file with this SHA-256 was published
 * (drafts do not count), and whether that announcement has since been replaced.
 */
export async function verifyFingerprint(db: Db, sha256: string, sizeBytes: number | null = null) {
  const rows = await db
    .select({
      agencyId: announcements.agencyId,
      announcementId: announcements.id,
      title: announcements.title,
      kind: announcements.kind,
      publishedAt: announcements.publishedAt,
      fileTitle: announcementFiles.title,
      fileName: files.originalName,
    })
    .from(announcementFiles)
    .innerJoin(announcements, eq(announcements.id, announcementFiles.announcementId))
    .innerJoin(files, eq(files.id, announcementFiles.fileId))
    .where(and(eq(announcementFiles.sha256, sha256), eq(announcements.status, 'published')))
    .orderBy(announcements.publishedAt, announcements.id)
    .limit(50);
  const [supersededBy, agencies] = await Promise.all([replacements(db, rows.map((r) => r.announcementId)), agencySummaries(db, rows.map((r) => r.agencyId))]);
  return {
    sha256,
    sizeBytes,
    found: rows.length > 0,
    matches: rows.map((row) => ({
      agency: agencies.get(row.agencyId)!,
      announcement: { id: row.announcementId, title: row.title, kind: row.kind, publishedAt: row.publishedAt!.toISOString() },
      fileTitle: row.fileTitle,
      fileName: row.fileName,
      supersededBy: supersededBy.get(row.announcementId) ?? null,
    })),
  };
}
