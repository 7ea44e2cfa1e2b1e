// Real files for tests: PDFs made by pdfkit (plain and password-protected) and images made by sharp.
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

export type PdfOptions = { text?: string; pages?: number; userPassword?: string };

export function makePdf(options: PdfOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options.userPassword ? { userPassword: options.userPassword, ownerPassword: `${options.userPassword}-pemilik` } : {});
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const pages = options.pages ?? 1;
    for (let page = 0; page < pages; page += 1) {
      if (page > 0) doc.addPage();
      doc.fontSize(14).text(`${options.text ?? 'Pengumuman uji'} — halaman ${page + 1}`);
    }
    doc.end();
  });
}

export function makeJpeg(width = 120, height = 80): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 30, b: 30 } } }).jpeg().toBuffer();
}

export function makePng(width = 120, height = 80): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: 60, b: 160 } } }).png().toBuffer();
}

/** A PNG of 8,000 × 6,000 pixels (48 megapixels) that compresses to a small file: an image bomb. */
export function makeHugePng(): Promise<Buffer> {
  return sharp({ create: { width: 8000, height: 6000, channels: 3, background: { r: 255, g: 255, b: 255 } } }).png({ compressionLevel: 9 }).toBuffer();
}

/** A multipart/form-data body built by the platform's own FormData, for app.inject. */
export async function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': response.headers.get('content-type')! } };
}
