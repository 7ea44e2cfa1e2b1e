// Announcements for tests, made through the module's own service (drafts as rows, published ones as generated).
import type { TestContext } from '../../test-support/app.js';
import { makePdf } from '../files/files.fixtures.js';
import { storeContent } from '../files/files.service.js';
import { publishGeneratedAnnouncement } from './announcements.service.js';
import { announcementFiles, announcements } from './announcements.table.js';

let counter = 0;

export async function draftAnnouncement(ctx: TestContext, agencyId: string, title = 'Draf pengumuman uji') {
  const [row] = await ctx.database.db.insert(announcements).values({ agencyId, title: `${title} ${++counter}`, body: 'Isi draf pengumuman.', kind: 'umum' }).returning();
  return row!;
}

/** A published announcement with one PDF (unique content unless `text` is given). */
export async function publishedAnnouncement(ctx: TestContext, agencyId: string, options: { title?: string; text?: string } = {}) {
  const pdf = await makePdf({ text: options.text ?? `Lampiran pengumuman ${Date.now()}-${++counter}` });
  const announcement = await ctx.database.db.transaction((tx) =>
    publishGeneratedAnnouncement(tx, {
      uploadDir: ctx.config.uploadDir,
      agencyId,
      selectionId: null,
      kind: 'umum',
      title: options.title ?? `Pengumuman terbit ${counter}`,
      body: 'Isi pengumuman yang sudah terbit.',
      actorId: null,
      files: [{ title: 'Lampiran', fileName: 'lampiran.pdf', content: pdf }],
    }),
  );
  return { announcement, pdf };
}

/** A draft with one attached PDF; returns the draft and the attachment id. */
export async function draftWithFile(ctx: TestContext, agencyId: string) {
  const draft = await draftAnnouncement(ctx, agencyId);
  const pdf = await makePdf({ text: `Lampiran draf ${Date.now()}-${++counter}` });
  const attachmentId = await ctx.database.db.transaction(async (tx) => {
    const file = await storeContent(tx, { uploadDir: ctx.config.uploadDir, content: pdf, fileName: 'draf.pdf', kind: 'pdf', agencyId, actorId: null });
    const [row] = await tx.insert(announcementFiles).values({ announcementId: draft.id, agencyId, fileId: file.id, sha256: file.sha256, title: 'Lampiran draf' }).returning();
    return row!.id;
  });
  return { draft, attachmentId, pdf };
}
