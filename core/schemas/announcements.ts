import { z } from 'zod';
import { ANNOUNCEMENT_KINDS, ANNOUNCEMENT_STATUSES } from '../announcements.js';
import { pageQuery, uuid } from './common.js';

export * from '../announcements.js';

export const announcementKind = () => z.enum(ANNOUNCEMENT_KINDS, { message: 'Jenis pengumuman tidak dikenal' });
const title = () => z.string().trim().min(5, 'Judul minimal 5 karakter').max(200, 'Judul maksimal 200 karakter');
const body = () => z.string().trim().min(1, 'Isi pengumuman wajib diisi').max(20_000, 'Isi pengumuman maksimal 20.000 karakter');

export const createAnnouncementBody = z.strictObject({
  title: title(),
  body: body(),
  kind: announcementKind().default('umum'),
  selectionId: uuid().nullable().optional(),
});

export const updateAnnouncementBody = z
  .strictObject({ title: title(), body: body(), kind: announcementKind(), selectionId: uuid().nullable() })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'Tidak ada yang diubah');

export const supersedeAnnouncementBody = z.strictObject({ title: title().optional(), body: body().optional() });

export const attachmentTitle = () => z.string().trim().min(1, 'Judul lampiran wajib diisi').max(200, 'Judul lampiran maksimal 200 karakter');

/** A SHA-256 fingerprint as 64 hexadecimal characters (spaces and case are forgiven). */
export const sha256Input = () =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, '').toLowerCase())
    .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'Sidik jari SHA-256 harus 64 karakter heksadesimal (0–9, a–f)'));

export const staffAnnouncementQuery = pageQuery.extend({
  status: z.enum(ANNOUNCEMENT_STATUSES).optional(),
  selectionId: uuid().optional(),
});

export const publicAnnouncementQuery = pageQuery.extend({
  agencyId: uuid().optional(),
  selectionId: uuid().optional(),
  kind: announcementKind().optional(),
});

const ref = z.object({ id: z.string(), title: z.string(), publishedAt: z.string().nullable() });

export const announcementFileSchema = z.object({
  id: z.string(),
  title: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mime: z.string(),
  sha256: z.string(),
});

export const announcementSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  selectionId: z.string().nullable(),
  selectionName: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(ANNOUNCEMENT_STATUSES),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  supersedes: ref.nullable(),
  supersededBy: ref.nullable(),
  /** A draft being written to replace this one (staff only). */
  replacementDraft: z.object({ id: z.string(), title: z.string() }).nullable(),
  files: z.array(announcementFileSchema),
});
export type Announcement = z.infer<typeof announcementSchema>;

export const announcementListItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.enum(ANNOUNCEMENT_STATUSES),
  selectionId: z.string().nullable(),
  selectionName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  fileCount: z.number().int(),
  supersedesId: z.string().nullable(),
  supersededBy: ref.nullable(),
});
export type AnnouncementListItem = z.infer<typeof announcementListItemSchema>;

const publicAgency = z.object({ id: z.string(), name: z.string(), timezone: z.string() });

export const publicAnnouncementListItemSchema = z.object({
  id: z.string(),
  agency: publicAgency,
  selectionId: z.string().nullable(),
  selectionName: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  excerpt: z.string(),
  publishedAt: z.string(),
  fileCount: z.number().int(),
  supersedes: ref.nullable(),
  supersededBy: ref.nullable(),
});
export type PublicAnnouncementListItem = z.infer<typeof publicAnnouncementListItemSchema>;

export const publicAnnouncementSchema = z.object({
  id: z.string(),
  agency: publicAgency,
  selectionId: z.string().nullable(),
  selectionName: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
  supersedes: ref.nullable(),
  supersededBy: ref.nullable(),
  files: z.array(announcementFileSchema.extend({ downloadUrl: z.string() })),
});
export type PublicAnnouncement = z.infer<typeof publicAnnouncementSchema>;

export const verificationMatchSchema = z.object({
  agency: publicAgency,
  announcement: z.object({ id: z.string(), title: z.string(), kind: z.string(), publishedAt: z.string() }),
  fileTitle: z.string(),
  fileName: z.string(),
  supersededBy: ref.nullable(),
});

export const verificationSchema = z.object({
  sha256: z.string(),
  /** Set when a file was uploaded (it is hashed and not kept). */
  sizeBytes: z.number().int().nullable(),
  found: z.boolean(),
  matches: z.array(verificationMatchSchema),
});
export type AnnouncementVerification = z.infer<typeof verificationSchema>;
