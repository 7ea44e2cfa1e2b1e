import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectPrepared } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { createAgencyRow, createTestApp, type TestContext } from '../../test-support/app.js';
import { makeHugePng, makeJpeg, makePdf, makePng } from './files.fixtures.js';
import { blobPath, CHECK_IN_MEMORY_BYTES, contentDisposition, fileRowCtes, hashStream, listTemporaryFiles, MAX_IMAGE_PIXELS, safeFileName, storeContent, storeUpload, sweepTemporaryFiles, WRITE_BATCH_BYTES, type FileKind, type StoredFile } from './files.service.js';
import { files } from './files.table.js';
import { loadPdfOffThread } from './pdf-check.js';

let ctx: TestContext;
let agencyId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx, 'Instansi Berkas')).id;
});
afterAll(() => ctx.close());

const sha = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Every file under UPLOAD_DIR, temporary ones included. */
function storedPaths(): string[] {
  const root = ctx.config.uploadDir;
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

async function rowCount() {
  const [row] = await ctx.database.db.select({ n: count() }).from(files);
  return row!.n;
}

function store(content: Buffer | Readable, fileName: string, kinds: FileKind[] = ['pdf'], maxBytes = 1024 * 1024) {
  return storeUpload<StoredFile>({
    db: ctx.database.db,
    uploadDir: ctx.config.uploadDir,
    stream: content instanceof Readable ? content : Readable.from([content]),
    fileName,
    kinds,
    maxBytes,
    agencyId,
    actorId: null,
    attach: async (_tx, file) => file,
  });
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let before: { paths: string[]; rows: number };
beforeEach(async () => {
  before = { paths: storedPaths(), rows: await rowCount() };
});

async function expectNothingChanged() {
  expect(storedPaths()).toEqual(before.paths);
  expect(await rowCount()).toBe(before.rows);
  expect(await listTemporaryFiles(ctx.config.uploadDir)).toEqual([]);
}

describe('storing an upload', () => {
  it('stores a PDF under its SHA-256 with a row that names it, type and size', async () => {
    const pdf = await makePdf({ text: 'Pengumuman hasil seleksi administrasi', pages: 2 });
    const file = await store(pdf, 'Hasil Seleksi.pdf');
    expect(file).toMatchObject({ sha256: sha(pdf), sizeBytes: pdf.length, mime: 'application/pdf', originalName: 'Hasil Seleksi.pdf', agencyId });
    const where = blobPath(ctx.config.uploadDir, file.sha256);
    expect(path.relative(ctx.config.uploadDir, where)).toBe(`${file.sha256.slice(0, 2)}/${file.sha256.slice(2, 4)}/${file.sha256}`);
    expect(readFileSync(where).equals(pdf)).toBe(true);
    expect(await listTemporaryFiles(ctx.config.uploadDir)).toEqual([]);
  });

  it('stores the same content once on disk, with a row for each upload', async () => {
    const pdf = await makePdf({ text: 'Isi yang sama' });
    const first = await store(pdf, 'a.pdf');
    const second = await store(pdf, 'b.pdf');
    expect(first.id).not.toBe(second.id);
    expect(first.sha256).toBe(second.sha256);
    expect(storedPaths().filter((p) => p.endsWith(first.sha256))).toHaveLength(1);
  });

  it('accepts JPEG and PNG images when the caller allows them, and names them by their real type', async () => {
    const jpeg = await store(await makeJpeg(), 'foto.pdf', ['jpeg', 'png', 'pdf']);
    expect(jpeg).toMatchObject({ mime: 'image/jpeg', originalName: 'foto.jpg' });
    const png = await store(await makePng(), 'Pas Foto.PNG', ['jpeg', 'png']);
    expect(png).toMatchObject({ mime: 'image/png', originalName: 'Pas Foto.png' });
  });

  it('refuses a JPEG renamed .pdf when only PDF is allowed — 415, nothing stored', async () => {
    const error = await refusal(store(await makeJpeg(), 'surat-lamaran.pdf', ['pdf']));
    expect(error.statusCode).toBe(415);
    expect(error.fields?.file).toMatch(/bukan PDF \(isinya JPG\)/);
    await expectNothingChanged();
  });

  it('refuses a text file named .png — 415', async () => {
    const error = await refusal(store(Buffer.from('bukan gambar sama sekali'), 'foto.png', ['png', 'jpeg']));
    expect(error.statusCode).toBe(415);
    await expectNothingChanged();
  });

  it('refuses a truncated PDF — 422, nothing stored', async () => {
    const pdf = await makePdf({ pages: 3 });
    const error = await refusal(store(pdf.subarray(0, Math.floor(pdf.length / 2)), 'ijazah.pdf'));
    expect(error).toMatchObject({ statusCode: 422, code: 'FILE_INVALID' });
    expect(error.fields?.file).toMatch(/terpotong/);
    await expectNothingChanged();
  });

  it('refuses a PDF cut just before its end marker, whose objects still parse — 422', async () => {
    const pdf = await makePdf({ pages: 2 });
    const cut = pdf.subarray(0, pdf.lastIndexOf('xref'));
    const error = await refusal(store(cut, 'transkrip.pdf'));
    expect(error.statusCode).toBe(422);
    await expectNothingChanged();
  });

  it('refuses an encrypted PDF — 422 with the reason', async () => {
    const error = await refusal(store(await makePdf({ userPassword: 'rahasia' }), 'terkunci.pdf'));
    expect(error.statusCode).toBe(422);
    expect(error.fields?.file).toMatch(/terenkripsi/);
    await expectNothingChanged();
  });

  it('judges the content alike whether it was kept in memory (small limit) or read back from the disk (large limit)', async () => {
    const pdf = await makePdf({ pages: 2 });
    for (const maxBytes of [1024 * 1024, CHECK_IN_MEMORY_BYTES + 1]) {
      expect(await store(pdf, 'ijazah.pdf', ['pdf'], maxBytes)).toMatchObject({ mime: 'application/pdf', sha256: sha(pdf) });
      expect((await refusal(store(await makeJpeg(), 'surat.pdf', ['pdf'], maxBytes))).statusCode).toBe(415);
      expect((await refusal(store(pdf.subarray(0, Math.floor(pdf.length / 2)), 'ijazah.pdf', ['pdf'], maxBytes))).fields?.file).toMatch(/terpotong/);
      expect((await refusal(store(pdf.subarray(0, pdf.lastIndexOf('xref')), 'ijazah.pdf', ['pdf'], maxBytes))).statusCode).toBe(422);
      expect((await refusal(store(await makePdf({ userPassword: 'rahasia' }), 'terkunci.pdf', ['pdf'], maxBytes))).fields?.file).toMatch(/terenkripsi/);
      const jpeg = await makeJpeg();
      expect((await refusal(store(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'foto.jpg', ['jpeg'], maxBytes))).statusCode).toBe(422);
    }
    expect(await listTemporaryFiles(ctx.config.uploadDir)).toEqual([]);
  });

  it('writes a large upload arriving in small pieces whole, in order, over several batches', async () => {
    // Noise does not compress: a PNG of a few MB, sent in 64 KB pieces like a socket's reads.
    const png = await sharp({ create: { width: 1100, height: 1000, channels: 3, background: { r: 0, g: 0, b: 0 }, noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    expect(png.length).toBeGreaterThan(2 * WRITE_BATCH_BYTES);
    const pieces = Array.from({ length: Math.ceil(png.length / 65_536) }, (_, i) => png.subarray(i * 65_536, (i + 1) * 65_536));
    const stored = await store(Readable.from(pieces), 'pindaian.png', ['png'], 8 * 1024 * 1024);
    expect(stored).toMatchObject({ sha256: sha(png), sizeBytes: png.length });
    expect(readFileSync(blobPath(ctx.config.uploadDir, stored.sha256)).equals(png)).toBe(true);
    expect(await listTemporaryFiles(ctx.config.uploadDir)).toEqual([]);
  });

  it('loads PDFs on the worker thread, each answer to its own file, also many at once', async () => {
    const pdfs = await Promise.all([1, 2, 3, 4].map((pages) => makePdf({ pages })));
    const locked = await makePdf({ userPassword: 'rahasia' });
    const results = await Promise.all([...pdfs, locked, ...pdfs].map((pdf) => loadPdfOffThread(pdf)));
    expect(results.map((r) => ('pages' in r ? r.pages : r.error.includes('is encrypted') ? 'encrypted' : r.error))).toEqual([1, 2, 3, 4, 'encrypted', 1, 2, 3, 4]);
    // Handed over: a Buffer that fills its memory is moved (left empty here), one sharing Node's small-buffer pool is copied.
    const whole = new Uint8Array(pdfs[0]!);
    expect(await loadPdfOffThread(whole, { handOver: true })).toEqual({ pages: 1 });
    expect(whole.byteLength).toBe(0);
    const pooled = Buffer.from('%PDF-1.4 tidak lengkap');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    expect(await loadPdfOffThread(pooled, { handOver: true })).toMatchObject({ error: expect.any(String) });
    expect(pooled.toString()).toBe('%PDF-1.4 tidak lengkap');
  });

  it('refuses a file over the limit while streaming — 413, nothing stored', async () => {
    const pdf = await makePdf();
    let pulled = 0;
    // 4 MB arriving in 64 KB pieces against a 1 MB limit: the stream is read to its end but never kept.
    const stream = new Readable({
      read() {
        if (pulled === 0) this.push(pdf);
        else if (pulled < 64) this.push(Buffer.alloc(64 * 1024, 0x20));
        else this.push(null);
        pulled += 1;
      },
    });
    const error = await refusal(store(stream, 'besar.pdf', ['pdf'], 1024 * 1024));
    expect(error.statusCode).toBe(413);
    expect(error.fields?.file).toContain('1 MB');
    expect(pulled).toBe(65);
    await expectNothingChanged();
  });

  it('refuses an image bomb (48 megapixels in a small PNG) before decoding it — 422', async () => {
    const bomb = await makeHugePng();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(store(bomb, 'pasfoto.png', ['png', 'jpeg'], 2 * 1024 * 1024));
    expect(error.statusCode).toBe(422);
    expect(error.fields?.file).toMatch(/8\.000 × 6\.000 piksel/);
    expect(8000 * 6000).toBeGreaterThan(MAX_IMAGE_PIXELS);
    await expectNothingChanged();
  });

  it('refuses a truncated JPEG — 422', async () => {
    const jpeg = await makeJpeg(400, 300);
    const error = await refusal(store(jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'ktp.jpg', ['jpeg']));
    expect(error.statusCode).toBe(422);
    await expectNothingChanged();
  });

  it('refuses a path in the file name — 422, nothing stored', async () => {
    const pdf = await makePdf();
    for (const name of ['../../../etc/passwd.pdf', 'C:\\Users\\pelamar\\ijazah.pdf', 'folder/ijazah.pdf']) {
      const error = await refusal(store(pdf, name));
      expect(error.statusCode).toBe(422);
      expect(error.fields?.file).toMatch(/jalur/);
    }
    await expectNothingChanged();
  });

  it('refuses an empty file — 422', async () => {
    const error = await refusal(store(Buffer.alloc(0), 'kosong.pdf'));
    expect(error.statusCode).toBe(422);
    await expectNothingChanged();
  });

  it('leaves nothing when the upload breaks off halfway — 400', async () => {
    const pdf = await makePdf({ pages: 4 });
    let sent = 0;
    const stream = new Readable({
      read() {
        if (sent === 0) {
          this.push(pdf.subarray(0, 500));
          sent += 1;
        } else this.destroy(new Error('koneksi terputus'));
      },
    });
    const error = await refusal(store(stream, 'terputus.pdf'));
    expect(error.statusCode).toBe(400);
    await expectNothingChanged();
  });

  it('leaves nothing when the transaction that links the file fails after the content was placed', async () => {
    const pdf = await makePdf({ text: 'Gagal ditautkan' });
    const failed = storeUpload({
      db: ctx.database.db,
      uploadDir: ctx.config.uploadDir,
      stream: Readable.from([pdf]),
      fileName: 'gagal.pdf',
      kinds: ['pdf'],
      maxBytes: 1024 * 1024,
      agencyId,
      actorId: null,
      attach: async () => {
        throw new AppError('INVALID_STATE', 'Pengumuman sudah diterbitkan.');
      },
    });
    expect((await refusal(failed)).statusCode).toBe(409);
    await expectNothingChanged();
    expect(existsSync(blobPath(ctx.config.uploadDir, sha(pdf)))).toBe(false);
  });

  /** An upload whose row the caller's own statement records (attachWithRow), then `after` runs in the same transaction. */
  function storeWithOwnStatement(content: Buffer, after: (row: { id: string; sha256: string }) => void) {
    return storeUpload({
      db: ctx.database.db,
      uploadDir: ctx.config.uploadDir,
      stream: Readable.from([content]),
      fileName: 'sendiri.pdf',
      kinds: ['pdf'],
      maxBytes: 1024 * 1024,
      agencyId,
      actorId: null,
      attachWithRow: async (tx, file) => {
        const [row] = await selectPrepared<{ id: string; sha256: string }>(tx, 'files_test_own_statement', `WITH ${fileRowCtes(1)} SELECT id, sha256 FROM file`, file.params);
        expect(row!.sha256).toBe(file.sha256);
        after(row!);
        return row!;
      },
    });
  }

  it("records the row from the caller's own statement and places the content, as attach does", async () => {
    const pdf = await makePdf({ text: 'Baris dari pernyataan sendiri' });
    const row = await storeWithOwnStatement(pdf, () => undefined);
    expect(row.sha256).toBe(sha(pdf));
    const [stored] = await ctx.database.db.select().from(files).where(eq(files.id, row.id));
    expect(stored).toMatchObject({ agencyId, sha256: sha(pdf), sizeBytes: pdf.length, mime: 'application/pdf', originalName: 'sendiri.pdf' });
    expect(readFileSync(blobPath(ctx.config.uploadDir, row.sha256)).equals(pdf)).toBe(true);
    expect(await listTemporaryFiles(ctx.config.uploadDir)).toEqual([]);
  });

  it("leaves nothing when the caller's own statement ran and the link is then refused", async () => {
    const pdf = await makePdf({ text: 'Ditolak setelah pernyataan' });
    const failed = storeWithOwnStatement(pdf, () => {
      throw new AppError('INVALID_STATE', 'Dokumen tidak dapat diganti setelah pendaftaran dikirim.');
    });
    expect((await refusal(failed)).statusCode).toBe(409);
    await expectNothingChanged();
    expect(existsSync(blobPath(ctx.config.uploadDir, sha(pdf)))).toBe(false);
  });

  it('keeps content another row still uses when a second upload of it fails', async () => {
    const pdf = await makePdf({ text: 'Dipakai bersama' });
    const kept = await store(pdf, 'pertama.pdf');
    const rows = await rowCount();
    const failed = storeUpload({
      db: ctx.database.db,
      uploadDir: ctx.config.uploadDir,
      stream: Readable.from([pdf]),
      fileName: 'kedua.pdf',
      kinds: ['pdf'],
      maxBytes: 1024 * 1024,
      agencyId,
      actorId: null,
      attach: async () => {
        throw new AppError('CONFLICT');
      },
    });
    await refusal(failed);
    expect(await rowCount()).toBe(rows);
    expect(statSync(blobPath(ctx.config.uploadDir, kept.sha256)).size).toBe(pdf.length);
  });
});

describe('generated content and hashing', () => {
  it('stores generated PDF content in the caller transaction', async () => {
    const pdf = await makePdf({ text: 'Dibuat oleh server' });
    const file = await ctx.database.db.transaction((tx) =>
      storeContent(tx, { uploadDir: ctx.config.uploadDir, content: pdf, fileName: 'hasil.pdf', kind: 'pdf', agencyId, actorId: null }),
    );
    expect(file.sha256).toBe(sha(pdf));
    const [row] = await ctx.database.db.select().from(files).where(eq(files.id, file.id));
    expect(row?.originalName).toBe('hasil.pdf');
  });

  it('hashes a stream without keeping it, and refuses one over the limit', async () => {
    const content = Buffer.from('isi berkas apa pun');
    expect(await hashStream(Readable.from([content]), 1024)).toEqual({ sha256: sha(content), sizeBytes: content.length });
    const error = await refusal(hashStream(Readable.from([Buffer.alloc(2048)]), 1024));
    expect(error.statusCode).toBe(413);
  });
});

describe('left-over temporary files', () => {
  it('sweeps temporary files older than an hour (left by a stopped process) and keeps recent ones', async () => {
    const dir = path.join(ctx.config.uploadDir, '.tmp');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'lama.part'), 'sisa unggahan');
    writeFileSync(path.join(dir, 'baru.part'), 'unggahan berjalan');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const oneMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, 'lama.part'), twoHoursAgo, twoHoursAgo);
    // A fixed past time: a file written "now" may carry an mtime a fraction of a millisecond ahead of Date.now().
    utimesSync(path.join(dir, 'baru.part'), oneMinuteAgo, oneMinuteAgo);
    expect(await sweepTemporaryFiles(ctx.config.uploadDir)).toBe(1);
    expect(await listTemporaryFiles(ctx.config.uploadDir)).toEqual(['baru.part']);
    expect(await sweepTemporaryFiles(ctx.config.uploadDir, 30_000)).toBe(1);
    expect(await listTemporaryFiles(ctx.config.uploadDir)).toEqual([]);
  });
});

describe('file names', () => {
  it('removes control, reserved and direction-override characters and fixes the extension', () => {
    expect(safeFileName('  ..Hasil<Seleksi>:2026?.PDF ', 'pdf')).toBe('HasilSeleksi2026.pdf');
    expect(safeFileName('Lampiran\u202Efdp.exe', 'pdf')).toBe('Lampiranfdp.exe.pdf');
    expect(safeFileName('...', 'png')).toBe('berkas.png');
    expect(safeFileName('a'.repeat(300) + '.pdf', 'pdf')).toHaveLength(124);
    expect(safeFileName('Pengumuman Kelulusan Tahap I.jpeg', 'jpeg')).toBe('Pengumuman Kelulusan Tahap I.jpg');
  });

  it('offers a download name that cannot break out of its header', () => {
    expect(contentDisposition('Hasil "akhir"\r\n.pdf')).toBe(`attachment; filename="Hasil _akhir___.pdf"; filename*=UTF-8''Hasil%20%22akhir%22%0D%0A.pdf`);
    expect(contentDisposition('Pengumuman Ü.pdf')).toContain("filename*=UTF-8''Pengumuman%20%C3%9C.pdf");
  });
});
