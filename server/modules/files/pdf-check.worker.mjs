// Loads PDFs with pdf-lib off the server's event loop (see pdf-check.ts). Plain JavaScript, so it
// runs the same under tsx, vitest and plain node.
import { parentPort } from 'node:worker_threads';
import { PDFDocument } from 'pdf-lib';

parentPort.on('message', async ({ id, bytes }) => {
  try {
    const document = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    parentPort.postMessage({ id, pages: document.getPageCount() });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
