import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type {} from '@fastify/multipart';
import { count, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import { selectPrepared, type Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { files } from './files.table.js';
import { loadPdfOffThread } from './pdf-check.js';

/**
 * Stored files. An upload is streamed to a temporary file in UPLOAD_DIR while its SHA-256 is
 * computed and its bytes counted (never held whole in memory), checked by its content, then moved
 * to UPLOAD_DIR/<aa>/<bb>/<sha256> — content-addressed, so the same content is stored once — in the
 * same transaction that records its `files` row. A refused or interrupted upload leaves neither.
 */

export type FileKind = 'pdf' | 'jpeg' | 'png';

export const FILE_KINDS: Record<FileKind, { mime: string; ext: string; label: string }> = {
  pdf: { mime: 'application/pdf', ext: 'pdf', label: 'PDF' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG' },
  png: { mime: 'image/png', ext: 'png', label: 'PNG' },
};

const KIND_BY_MIME: Record<string, FileKind> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpeg', 'image/png': 'png' };

/** The most any caller may accept; the multipart parser stops reading a file part beyond it. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Images above 40 megapixels are refused before decoding: a small file can declare a huge canvas (image bomb). */
export const MAX_IMAGE_PIXELS = 40_000_000;

export type StoredFile = typeof files.$inferSelect;

/** An upload that passed every check and waits in the temporary folder for its row. */
export type StagedFile = {
  tempPath: string;
  sha256: string;
  sizeBytes: number;
  kind: FileKind;
  mime: string;
  originalName: string;
  /** Set once moved to its content address (so a failure after that knows to clean it up). */
  placed: boolean;
};

const SHA256 = /^[0-9a-f]{64}$/;

/** Where a content lives: UPLOAD_DIR/<aa>/<bb>/<sha256>. */
export function blobPath(uploadDir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(uploadDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

function tempDir(uploadDir: string) {
  return path.join(uploadDir, '.tmp');
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1)).toLocaleString('id-ID')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024).toLocaleString('id-ID')} KB`;
  return `${bytes} bita`;
}

function fileInvalid(problem: string) {
  return new AppError('FILE_INVALID', `Berkas tidak dapat diterima: ${problem}`, { file: problem });
}

function tooLarge(maxBytes: number) {
  const problem = `Ukuran berkas melebihi batas ${formatBytes(maxBytes)}.`;
  return new AppError('PAYLOAD_TOO_LARGE', problem, { file: problem });
}

function kindList(kinds: readonly FileKind[]) {
  return kinds.map((kind) => FILE_KINDS[kind].label).join(' atau ');
}

// Controls, bidirectional overrides (which can make "fdp.exe" read as "exe.pdf") and characters
// that operating systems refuse in names.
const UNSAFE_NAME_CHARS = new RegExp('[\\p{Cc}\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069<>:"|?*]', 'gu');
const KNOWN_EXTENSION = /\.(pdf|jpe?g|png)$/i;
const MAX_NAME_CHARS = 120;

/**
 * The name a file is kept and offered under: never a path (a name with "/" or "\" is refused — a
 * browser never sends one, so it is a crafted request), no control or reserved characters, at most
 * 120 characters, and the extension of the content's real type.
 */
export function safeFileName(raw: string, kind: FileKind): string {
  if (/[\\/]/.test(raw) || raw.includes('\0')) {
    throw fileInvalid('Nama berkas tidak boleh memuat nama folder atau jalur ("/" atau "\\"). Ganti nama berkasnya lalu unggah ulang.');
  }
  let base = raw.normalize('NFC').replace(UNSAFE_NAME_CHARS, '').trim();
  while (KNOWN_EXTENSION.test(base)) base = base.replace(KNOWN_EXTENSION, '').trim();
  base = base.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  base = [...base].slice(0, MAX_NAME_CHARS).join('').trim();
  return `${base || 'berkas'}.${FILE_KINDS[kind].ext}`;
}

/** Reads a stream to its end without keeping it, so a refused upload still gets a clean answer. */
export async function drain(stream: Readable): Promise<void> {
  try {
    for await (const _chunk of stream) {
      // discarded
    }
  } catch {
    // the client went away: nothing to answer
  }
}

function interrupted(error: unknown): Error {
  if (error instanceof AppError) return error;
  return new AppError('BAD_REQUEST', 'Unggahan terputus sebelum selesai. Silakan unggah ulang berkasnya.', {
    file: 'Unggahan terputus sebelum selesai.',
  });
}

// Folders this process has made (or found): an upload does not ask the file system again each time.
const madeDirs = new Set<string>();

async function ensureDir(dir: string) {
  if (madeDirs.has(dir)) return;
  await mkdir(dir, { recursive: true });
  if (madeDirs.size > 70_000) madeDirs.clear();
  madeDirs.add(dir);
}

/**
 * Uploads allowed at most this size are also kept in memory while they are written, so the content
 * check reads them from there rather than from the disk again (a PDF check loads the whole file anyway).
 */
export const CHECK_IN_MEMORY_BYTES = 2 * 1024 * 1024;

/**
 * The stream's chunks (a socket read each, often 16–64 KB) are written in batches of up to this
 * size: every write is a hand-off to libuv's thread pool, which costs the event loop more than the
 * copy itself (a 300 KB upload was one write per socket read, now one in all). Memory per upload
 * stays bounded by it.
 */
export const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Streams to a new temporary file, hashing and counting; past maxBytes it stops writing, reads the
 * rest away and refuses. With maxBytes up to CHECK_IN_MEMORY_BYTES it also returns the content.
 */
async function spool(stream: Readable, tempPath: string, maxBytes: number): Promise<{ sha256: string; sizeBytes: number; content: Buffer | null }> {
  const hash = createHash('sha256');
  const kept: Buffer[] | null = maxBytes <= CHECK_IN_MEMORY_BYTES ? [] : null;
  let size = 0;
  let over = false;
  let failure: unknown = null;
  const handle = await open(tempPath, 'wx', 0o600).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    madeDirs.delete(path.dirname(tempPath));
    await ensureDir(path.dirname(tempPath));
    return open(tempPath, 'wx', 0o600);
  });
  let batch: Buffer[] = [];
  let batchBytes = 0;
  const flush = async () => {
    const chunks = batch;
    batch = [];
    batchBytes = 0;
    try {
      if (chunks.length) await handle.writev(chunks);
    } catch (error) {
      failure = error; // the disk, not the client: a server error
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) over = true;
      if (over) continue;
      hash.update(chunk);
      kept?.push(chunk);
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= WRITE_BATCH_BYTES) {
        await flush();
        if (failure) break;
      }
    }
    if (!failure && !over) await flush();
  } catch (error) {
    failure = interrupted(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
  if (!failure && (over || (stream as Readable & { truncated?: boolean }).truncated)) failure = tooLarge(maxBytes);
  if (failure) {
    await rm(tempPath, { force: true });
    throw failure;
  }
  return { sha256: hash.digest('hex'), sizeBytes: size, content: kept ? Buffer.concat(kept, size) : null };
}

async function checkPdf(source: string | Buffer) {
  // pdf-lib parses from memory: the content is bounded by the caller's size limit.
  const bytes = typeof source === 'string' ? await readFile(source) : source;
  // ISO 32000-1 §7.5.5: the last line of a PDF is %%EOF; readers look for it in the last 1 KB.
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  if (!tail.includes('%%EOF')) throw fileInvalid('PDF terpotong atau rusak (akhir berkas tidak ditemukan). Unggah ulang berkas aslinya.');
  // Nothing reads the bytes after this check: they are moved to the worker, not copied.
  const loaded = await loadPdfOffThread(bytes, { handOver: true });
  if ('error' in loaded) {
    // pdf-lib's errors are transpiled to ES5 classes: the message tells an encrypted file from a broken one.
    if (/is encrypted/.test(loaded.error)) {
      throw fileInvalid('PDF terkunci kata sandi (terenkripsi). Simpan ulang tanpa kata sandi lalu unggah lagi.');
    }
    throw fileInvalid('PDF rusak atau terpotong sehingga tidak dapat dibaca. Unggah ulang berkas aslinya.');
  }
  const { pages } = loaded;
  if (pages < 1) throw fileInvalid('PDF tidak memiliki halaman.');
}

async function checkImage(source: string | Buffer, kind: 'jpeg' | 'png') {
  // Reads the header only; the pixel count is checked before anything is decoded.
  const meta = await sharp(source, { limitInputPixels: false })
    .metadata()
    .catch(() => null);
  if (!meta || meta.format !== kind) throw fileInvalid('Gambar rusak dan tidak dapat dibaca.');
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width < 1 || height < 1) throw fileInvalid('Gambar rusak dan tidak dapat dibaca.');
  if (width * height > MAX_IMAGE_PIXELS) {
    throw fileInvalid(`Dimensi gambar terlalu besar (${width.toLocaleString('id-ID')} × ${height.toLocaleString('id-ID')} piksel); maksimal 40 megapiksel.`);
  }
  try {
    // Decodes every pixel (into a thumbnail, streamed by libvips) and fails on a truncated file.
    await sharp(source, { failOn: 'truncated', limitInputPixels: MAX_IMAGE_PIXELS, sequentialRead: true }).resize(32, 32, { fit: 'inside' }).raw().toBuffer();
  } catch {
    throw fileInvalid('Gambar rusak atau terpotong sehingga tidak dapat dibaca.');
  }
}

/** The kind of a file judged by its content (magic bytes, then a parse or decode), never by its name: from memory when the content is there, else from the file. */
async function checkContent(filePath: string, sizeBytes: number, kinds: readonly FileKind[], content: Buffer | null): Promise<FileKind> {
  if (sizeBytes === 0) throw fileInvalid('Berkas kosong.');
  const source = content ?? filePath;
  const type = content ? await fileTypeFromBuffer(content) : await fileTypeFromFile(filePath);
  const kind = type ? KIND_BY_MIME[type.mime] : undefined;
  if (!kind || !kinds.includes(kind)) {
    const found = type ? ` (isinya ${type.ext.toUpperCase()})` : '';
    const problem = `Isi berkas bukan ${kindList(kinds)}${found}. Jenis berkas diperiksa dari isinya, bukan dari nama berkasnya.`;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', problem, { file: problem });
  }
  if (kind === 'pdf') await checkPdf(source);
  else await checkImage(source, kind);
  return kind;
}

export type ReceiveUploadOptions = {
  uploadDir: string;
  stream: Readable;
  /** The name the client sent. */
  fileName: string;
  kinds: readonly FileKind[];
  maxBytes: number;
};

/**
 * Receives an upload into the temporary folder and checks it; throws (leaving nothing behind)
 * when the name, size or content is refused or the stream breaks off.
 */
export async function receiveUpload(options: ReceiveUploadOptions): Promise<StagedFile> {
  if (options.maxBytes > MAX_UPLOAD_BYTES) throw new Error(`maxBytes ${options.maxBytes} exceeds MAX_UPLOAD_BYTES`);
  try {
    // The name is judged before anything is written; the extension is fixed after the content is known.
    safeFileName(options.fileName, options.kinds[0] ?? 'pdf');
  } catch (error) {
    await drain(options.stream);
    throw error;
  }
  await ensureDir(tempDir(options.uploadDir));
  const tempPath = path.join(tempDir(options.uploadDir), `${randomUUID()}.part`);
  const { sha256, sizeBytes, content } = await spool(options.stream, tempPath, options.maxBytes);
  try {
    const kind = await checkContent(tempPath, sizeBytes, options.kinds, content);
    return { tempPath, sha256, sizeBytes, kind, mime: FILE_KINDS[kind].mime, originalName: safeFileName(options.fileName, kind), placed: false };
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

const contentLockKey = (sha256: string) => `file:${sha256}`;

/** Serialises writers and cleaners of one content address (PostgreSQL advisory lock, released at commit). */
async function lockContent(tx: Db, sha256: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${contentLockKey(sha256)}, 0))`);
}

async function place(uploadDir: string, staged: StagedFile) {
  const target = blobPath(uploadDir, staged.sha256);
  await ensureDir(path.dirname(target));
  // Same folder tree, same file system: rename is atomic. Existing content is identical by its hash.
  await rename(staged.tempPath, target).catch(async (error: NodeJS.ErrnoException) => {
    // The folder was removed since this process made it (an operator's clean-up): make it again.
    if (error.code !== 'ENOENT') throw error;
    madeDirs.delete(path.dirname(target));
    await ensureDir(path.dirname(target));
    await rename(staged.tempPath, target);
  });
  staged.placed = true;
}

/**
 * The content lock (lockContent) and the file's row as two CTEs, `locked` then `file` (its columns
 * as RETURNING names them), with fileRowParams from parameter $first on: the row is made from the
 * lock's result, so the lock comes first. For a statement that records the row itself, e.g. with
 * its link to the owner (StoreUploadOptions.attachWithRow).
 */
export function fileRowCtes(first: number): string {
  const p = (i: number) => `$${first + i}`;
  return `locked AS (SELECT pg_advisory_xact_lock(hashtextextended(${p(0)}, 0))),
  file AS (
    INSERT INTO files (agency_id, sha256, size_bytes, mime, original_name, created_by) SELECT ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)} FROM locked
    RETURNING id, agency_id, sha256, size_bytes, mime, original_name, created_by, created_at
  )`;
}

/** The values fileRowCtes takes. */
export function fileRowParams(staged: StagedFile, agencyId: string | null, actorId: string | null): unknown[] {
  return [contentLockKey(staged.sha256), agencyId, staged.sha256, staged.sizeBytes, staged.mime, staged.originalName, actorId];
}

const INSERT_LOCKED_SQL = `WITH ${fileRowCtes(1)} SELECT * FROM file`;
type FileRow = { id: string; agency_id: string | null; sha256: string; size_bytes: string | number; mime: string; original_name: string; created_by: string | null; created_at: Date };

export type SaveStagedFileOptions = { uploadDir: string; staged: StagedFile; agencyId: string | null; actorId: string | null };

/** Records the file's row and moves its content into place, inside the caller's transaction. */
export async function saveStagedFile(tx: Db, options: SaveStagedFileOptions): Promise<StoredFile> {
  const { staged } = options;
  // The content lock (lockContent) and the row in one statement.
  const [row] = await selectPrepared<FileRow>(tx, 'files_insert_locked', INSERT_LOCKED_SQL, fileRowParams(staged, options.agencyId, options.actorId));
  await place(options.uploadDir, staged);
  const r = row!;
  return { id: r.id, agencyId: r.agency_id, sha256: r.sha256, sizeBytes: Number(r.size_bytes), mime: r.mime, originalName: r.original_name, createdBy: r.created_by, createdAt: r.created_at };
}

export type DiscardStagedOptions = { uploadDir: string; staged: StagedFile };

/** After a failed transaction: removes the temporary file, and the placed content unless a committed row uses it. */
export async function discardStaged(db: Db, options: DiscardStagedOptions) {
  await rm(options.staged.tempPath, { force: true });
  if (!options.staged.placed) return;
  await db.transaction(async (tx) => {
    await lockContent(tx, options.staged.sha256);
    const [used] = await tx.select({ n: count() }).from(files).where(eq(files.sha256, options.staged.sha256));
    if (!used?.n) await rm(blobPath(options.uploadDir, options.staged.sha256), { force: true });
  });
}

export type StoreUploadOptions<T> = ReceiveUploadOptions & {
  db: Db;
  agencyId: string | null;
  actorId: string | null;
} & (
    | {
        /** Links the new file to its owner (and re-checks the owner's state) in the same transaction. */
        attach: (tx: Db, file: StoredFile) => Promise<T>;
      }
    | {
        /**
         * Or, on a hot path: records the file's row itself, from the statement that links it
         * (fileRowCtes with these params): one round trip fewer. The content is moved into place
         * after it, under the lock that statement took.
         */
        attachWithRow: (tx: Db, row: { params: unknown[]; sha256: string }) => Promise<T>;
      }
  );

/** Receive → check → one transaction (row, content in place, caller's link); anything failing leaves nothing. */
export async function storeUpload<T>(options: StoreUploadOptions<T>): Promise<T> {
  const staged = await receiveUpload(options);
  try {
    return await options.db.transaction(async (tx) => {
      if ('attachWithRow' in options) {
        const linked = await options.attachWithRow(tx, { params: fileRowParams(staged, options.agencyId, options.actorId), sha256: staged.sha256 });
        await place(options.uploadDir, staged);
        return linked;
      }
      const file = await saveStagedFile(tx, { uploadDir: options.uploadDir, staged, agencyId: options.agencyId, actorId: options.actorId });
      return options.attach(tx, file);
    });
  } catch (error) {
    await discardStaged(options.db, { uploadDir: options.uploadDir, staged });
    throw error;
  }
}

export type StoreContentOptions = { uploadDir: string; content: Buffer; fileName: string; kind: FileKind; agencyId: string | null; actorId: string | null };

/**
 * Stores content the server generated (a result PDF) in the caller's transaction, with the same
 * checks as an upload. Should that transaction roll back later, the content may stay on disk
 * without a row: harmless (content-addressed, written again by the next generation).
 */
export async function storeContent(tx: Db, options: StoreContentOptions): Promise<StoredFile> {
  const staged = await receiveUpload({
    uploadDir: options.uploadDir,
    stream: Readable.from([options.content]),
    fileName: options.fileName,
    kinds: [options.kind],
    maxBytes: MAX_UPLOAD_BYTES,
  });
  try {
    return await saveStagedFile(tx, { uploadDir: options.uploadDir, staged, agencyId: options.agencyId, actorId: options.actorId });
  } catch (error) {
    await rm(staged.tempPath, { force: true });
    throw error;
  }
}

/** SHA-256 and size of a stream, keeping nothing (the public verification of a published file). */
export async function hashStream(stream: Readable, maxBytes: number): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let size = 0;
  let over = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) over = true;
      if (!over) hash.update(chunk);
    }
  } catch (error) {
    throw interrupted(error);
  }
  if (over || (stream as Readable & { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
  if (size === 0) throw fileInvalid('Berkas kosong.');
  return { sha256: hash.digest('hex'), sizeBytes: size };
}

export async function getFile(db: Db, fileId: string): Promise<StoredFile> {
  const [row] = await db.select().from(files).where(eq(files.id, fileId));
  if (!row) throw notFound('Berkas');
  return row;
}

/** Files in the temporary folder (tests, and the operator's check that nothing is left behind). */
export async function listTemporaryFiles(uploadDir: string): Promise<string[]> {
  return readdir(tempDir(uploadDir)).catch(() => []);
}

/**
 * Removes temporary upload files left by a process that stopped mid-upload (a crash or a kill: a
 * running upload always cleans up after itself). Only files older than `olderThanMs` are touched,
 * so uploads in progress in another process sharing UPLOAD_DIR are left alone.
 */
export async function sweepTemporaryFiles(uploadDir: string, olderThanMs = 3600_000): Promise<number> {
  const dir = tempDir(uploadDir);
  let removed = 0;
  for (const name of await listTemporaryFiles(uploadDir)) {
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    if (info && Date.now() - info.mtimeMs >= olderThanMs) {
      await rm(full, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** RFC 6266 / 5987: an ASCII fallback name and the exact UTF-8 name; never a quote or a path. */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type SendFileOptions = { uploadDir: string; file: Pick<StoredFile, 'sha256' | 'mime' | 'originalName' | 'sizeBytes'> };

/** Streams a stored file as a download with its type, its SHA-256 and a safe name. */
export async function sendStoredFile(reply: FastifyReply, { uploadDir, file }: SendFileOptions) {
  const filePath = blobPath(uploadDir, file.sha256);
  try {
    await stat(filePath);
  } catch {
    reply.log.error({ sha256: file.sha256 }, 'stored file missing from UPLOAD_DIR');
    throw notFound('Isi berkas');
  }
  return reply
    .header('content-type', file.mime)
    .header('content-length', String(file.sizeBytes))
    .header('content-disposition', contentDisposition(file.originalName))
    .header('etag', `"${file.sha256}"`)
    .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
    .header('cache-control', 'private, no-cache')
    // Opened directly, a stored file can run nothing and load nothing.
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(createReadStream(filePath));
}

export type UploadPart = { stream: Readable; fileName: string; fields: Record<string, string> };

/**
 * The one file of a multipart request, with the text fields sent before it (browsers send a
 * FormData's entries in the order they were appended: put the fields first).
 */
export async function readUploadPart(request: FastifyRequest): Promise<UploadPart> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Kirim berkas sebagai multipart/form-data.');
  const part = await request.file();
  if (!part) throw validationFailed({ file: 'Pilih berkas untuk diunggah.' });
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const entry = Array.isArray(value) ? value[0] : value;
    if (entry && entry.type === 'field' && typeof entry.value === 'string') fields[name] = entry.value;
  }
  return { stream: part.file, fileName: part.filename, fields };
}
