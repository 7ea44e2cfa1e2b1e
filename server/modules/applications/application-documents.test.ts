import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWithSession, createAgencyRow, createTestApp, request, type TestContext } from '../../test-support/app.js';
import { createFormasiRow, createSelectionRow, profileFor } from '../../test-support/factories.js';
import { makeJpeg, makePdf, multipart } from '../files/files.fixtures.js';
import { blobPath } from '../files/files.service.js';
import { files } from '../files/files.table.js';
import { uploadDocument } from './application-documents.service.js';
import { applicationDocuments, applications } from './applications.table.js';

let ctx: TestContext;
let agencyId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  agencyId = (await createAgencyRow(ctx)).id;
});
afterAll(() => ctx.close());

const DOCUMENTS = [
  { key: 'pas_foto', name: 'Pas foto', formats: ['jpg'], maxKb: 200, mandatory: true },
  { key: 'ijazah', name: 'Ijazah', formats: ['pdf'], maxKb: 800, mandatory: true },
];

async function draft() {
  const session = await accountWithSession(ctx, { roles: [{ role: 'pelamar', agencyId: null }] });
  await request(ctx, session.cookie, { method: 'PUT', url: '/api/applicant/profile', payload: profileFor({ name: 'Dewi Lestari', sex: 'P', birthDate: '1999-03-04' }) });
  const selection = await createSelectionRow(ctx, agencyId, { requiredDocuments: DOCUMENTS });
  const formasi = await createFormasiRow(ctx, selection);
  const created = await request(ctx, session.cookie, { method: 'POST', url: '/api/applicant/applications', payload: { formasiId: formasi.id } });
  return { ...session, id: created.json().application.id as string };
}

async function upload(cookie: string, id: string, key: string, name: string, content: Buffer) {
  const body = await multipart({}, { name, content });
  return request(ctx, cookie, { method: 'PUT', url: `/api/applicant/applications/${id}/documents/${key}`, payload: body.payload, headers: body.headers });
}

const stored = async () => (await ctx.database.db.select().from(files)).length;

describe('application documents', () => {
  it('uploads, replaces until submission, then the registration card and the public check show the same fingerprints', async () => {
    const { cookie, id } = await draft();
    expect((await upload(cookie, id, 'pas_foto', 'foto.jpg', await makeJpeg(300, 400))).statusCode).toBe(200);
    const first = await upload(cookie, id, 'ijazah', 'ijazah.pdf', await makePdf({ text: 'versi 1' }));
    const replaced = await upload(cookie, id, 'ijazah', 'ijazah.pdf', await makePdf({ text: 'versi 2' }));
    expect(replaced.json().application.documents).toHaveLength(2);
    expect(replaced.json().application.documents.find((d: { key: string }) => d.key === 'ijazah').sha256).not.toBe(first.json().application.documents.find((d: { key: string }) => d.key === 'ijazah').sha256);
    expect(replaced.json().application.missingDocuments).toEqual([]);
    // The upload answers with the application as it now is: the same as reading it again.
    expect(replaced.json().application).toEqual((await request(ctx, cookie, { method: 'GET', url: `/api/applicant/applications/${id}` })).json().application);

    const submitted = await request(ctx, cookie, { method: 'POST', url: `/api/applicant/applications/${id}/submit` });
    expect(submitted.statusCode).toBe(200);
    const late = await upload(cookie, id, 'ijazah', 'ijazah.pdf', await makePdf({ text: 'versi 3' }));
    expect(late.json().error.code).toBe('INVALID_STATE');

    const card = await request(ctx, cookie, { method: 'GET', url: `/api/applicant/applications/${id}/card.pdf` });
    expect(card.statusCode).toBe(200);
    expect(card.headers['content-type']).toBe('application/pdf');
    expect(card.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const number = submitted.json().application.registrationNumber as string;
    // The card links (and its QR encodes) the public check page.
    const uri = /\/URI \(([^)]+)\)/.exec(card.rawPayload.toString('latin1'))?.[1] ?? '';
    expect(uri).toContain(`http://rekrutmen.test/cek-pendaftaran/${number}?t=`);
    const token = new URL(uri).searchParams.get('t');
    const check = await ctx.app.inject({ method: 'GET', url: `/api/public/registrations/${encodeURIComponent(number)}?t=${token}` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ registrationNumber: number, nameMasked: 'D*** L******', documents: expect.arrayContaining([expect.objectContaining({ name: 'Ijazah' })]) });
    expect(check.body).not.toContain('Dewi');
    const forged = await ctx.app.inject({ method: 'GET', url: `/api/public/registrations/${encodeURIComponent(number)}?t=${'A'.repeat(22)}` });
    expect(forged.statusCode).toBe(404);
  });

  it('refuses a JPEG renamed .pdf, a truncated PDF, an encrypted PDF and a file over the round limit — nothing stored', async () => {
    const { cookie, id } = await draft();
    const before = await stored();
    const jpegAsPdf = await upload(cookie, id, 'ijazah', 'ijazah.pdf', await makeJpeg());
    expect(jpegAsPdf.statusCode).toBe(415);
    const pdf = await makePdf({ text: 'terpotong' });
    const truncated = await upload(cookie, id, 'ijazah', 'ijazah.pdf', pdf.subarray(0, Math.floor(pdf.length / 2)));
    expect(truncated.statusCode).toBeGreaterThanOrEqual(400);
    const encrypted = await upload(cookie, id, 'ijazah', 'ijazah.pdf', await makePdf({ userPassword: 'rahasia' }));
    expect(encrypted.statusCode).toBeGreaterThanOrEqual(400);
    const noisy = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).jpeg({ quality: 95 }).toBuffer();
    expect(noisy.length).toBeGreaterThan(200 * 1024);
    const big = await upload(cookie, id, 'pas_foto', 'foto.jpg', noisy);
    expect(big.statusCode).toBe(413);
    expect(await stored()).toBe(before);
    expect(await ctx.database.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, id))).toEqual([]);
    const temp = await readdir(ctx.config.uploadDir, { recursive: true }).catch(() => []);
    expect(temp.filter((name) => String(name).endsWith('.part'))).toEqual([]);
  });

  it('refuses a document key the round does not ask for — 404 — and another applicant uploading to my application — 404', async () => {
    const mine = await draft();
    const other = await draft();
    expect((await upload(mine.cookie, mine.id, 'sertifikat', 'a.pdf', await makePdf())).statusCode).toBe(404);
    expect((await upload(other.cookie, mine.id, 'ijazah', 'a.pdf', await makePdf())).statusCode).toBe(404);
  });

  it('refuses the link when a submission froze the application while the file was arriving — 409, no file, no document, no content', async () => {
    const mine = await draft();
    const pdf = await makePdf({ text: 'Tiba setelah pengiriman' });
    let arrived!: () => void;
    const halfway = new Promise<void>((resolve) => (arrived = resolve));
    let resume!: () => void;
    const frozen = new Promise<void>((resolve) => (resume = resolve));
    async function* slowly() {
      yield pdf.subarray(0, 1000);
      arrived();
      await frozen;
      yield pdf.subarray(1000);
    }
    const before = await stored();
    const uploading = uploadDocument({ db: ctx.database.db, uploadDir: ctx.config.uploadDir, accountId: mine.account.id, applicationId: mine.id, key: 'ijazah', stream: Readable.from(slowly()), fileName: 'ijazah.pdf' });
    const refused = uploading.then(
      () => null,
      (error: unknown) => error,
    );
    await halfway;
    // What a submission that won the race leaves (the checks before the upload saw a draft).
    await ctx.database.db.update(applications).set({ status: 'submitted' }).where(eq(applications.id, mine.id));
    resume();
    expect(await refused).toMatchObject({ statusCode: 409, code: 'INVALID_STATE' });
    expect(await stored()).toBe(before);
    expect(await ctx.database.db.select().from(applicationDocuments).where(eq(applicationDocuments.applicationId, mine.id))).toEqual([]);
    expect(existsSync(blobPath(ctx.config.uploadDir, createHash('sha256').update(pdf).digest('hex')))).toBe(false);
  });
});

