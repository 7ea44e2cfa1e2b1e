// Documents the demo applicants upload: small real PDFs and JPEGs (each one different, so the
// duplicate check flags only the pairs the story means to flag).
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

export function demoPdf(lines: readonly string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: lines[0] ?? 'Dokumen', Producer: 'Rekrutmen ASN (data demo)' } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(16).text(lines[0] ?? '', { align: 'center' });
    doc.moveDown();
    doc.fontSize(11);
    for (const line of lines.slice(1)) doc.text(line);
    doc.moveDown().fontSize(8).fillColor('#666').text('Dokumen contoh untuk data demo Rekrutmen ASN.');
    doc.end();
  });
}

/** A plain coloured JPEG whose colour comes from the seed text (a stand-in for a photo or scan). */
export function demoJpeg(seedText: string, width = 240, height = 320): Promise<Buffer> {
  let h = 0;
  for (const ch of seedText) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const background = { r: 60 + (h % 160), g: 60 + ((h >>> 8) % 160), b: 60 + ((h >>> 16) % 160) };
  return sharp({ create: { width, height, channels: 3, background } }).jpeg({ quality: 70 }).toBuffer();
}
