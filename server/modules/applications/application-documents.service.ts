import { and, eq } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import { byText } from '../../../core/text-order.js';
import { selectPrepared, type Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { fileRowCtes, getFile, storeUpload, type FileKind } from '../files/files.service.js';
import { loadApplicationView } from './applications.repo.js';
import { getOwnApplication, previewOf, type SubmissionPreview } from './applications.service.js';
import { applicationDocuments } from './applications.table.js';

const KIND_OF_FORMAT: Record<string, FileKind> = { pdf: 'pdf', jpg: 'jpeg', jpeg: 'jpeg', png: 'png' };

export type UploadDocumentInput = {
  db: Db;
  uploadDir: string;
  accountId: string;
  applicationId: string;
  key: string;
  stream: Readable;
  fileName: string;
};

// The file's row with its content lock (files.service), then the application re-checked under its
// row lock — a submission that won the race freezes the documents — the link, and the application's
// other documents (for the answer): one statement.
const ATTACH_SQL = `WITH ${fileRowCtes(5)}, app AS (
    SELECT id, agency_id, status FROM applications WHERE id = $1 AND account_id = $2 FOR UPDATE
  ), linked AS (
    INSERT INTO application_documents (application_id, agency_id, requirement_key, file_id, sha256, uploaded_at)
    SELECT app.id, app.agency_id, $3, file.id, file.sha256, $4 FROM app, file WHERE app.status = 'draft'
    ON CONFLICT (application_id, requirement_key) DO UPDATE SET file_id = excluded.file_id, sha256 = excluded.sha256, uploaded_at = excluded.uploaded_at
    RETURNING id, agency_id
  )
  SELECT app.status, (SELECT count(*) FROM linked)::int AS linked,
    (SELECT json_build_object('id', l.id, 'agencyId', l.agency_id) FROM linked l) AS document,
    (SELECT f.id FROM file f) AS file_id,
    coalesce((SELECT json_agg(json_build_object('id', d.id, 'agencyId', d.agency_id, 'requirementKey', d.requirement_key, 'fileId', d.file_id, 'sha256', d.sha256, 'uploadedAt', d.uploaded_at))
              FROM application_documents d WHERE d.application_id = $1 AND d.requirement_key <> $3), '[]'::json) AS others
  FROM app`;
type AttachRow = {
  status: string;
  linked: number;
  document: { id: string; agencyId: string } | null;
  file_id: string;
  others: Array<{ id: string; agencyId: string; requirementKey: string; fileId: string; sha256: string; uploadedAt: string }>;
};

/**
 * Uploads (or replaces) one required document of a draft application: streamed and checked by
 * content, format and the round's size limit (files.service); replaceable until submission.
 * Returns the application as its applicant sees it after the upload.
 */
export async function uploadDocument(input: UploadDocumentInput): Promise<SubmissionPreview> {
  const view = await loadApplicationView(input.db, { accountId: input.accountId, applicationId: input.applicationId });
  if (!view) throw notFound('Pendaftaran');
  if (view.application.status !== 'draft') throw new AppError('INVALID_STATE', 'Dokumen tidak dapat diganti setelah pendaftaran dikirim.');
  const requirement = view.target.selection.requiredDocuments.find((d) => d.key === input.key);
  if (!requirement) throw notFound('Dokumen yang diminta seleksi ini');
  const kinds = [...new Set(requirement.formats.map((f) => KIND_OF_FORMAT[f]).filter((k): k is FileKind => Boolean(k)))];
  return storeUpload({
    db: input.db,
    uploadDir: input.uploadDir,
    stream: input.stream,
    fileName: input.fileName,
    kinds,
    maxBytes: requirement.maxKb * 1024,
    agencyId: view.application.agencyId,
    actorId: input.accountId,
    attachWithRow: async (tx, file) => {
      const uploadedAt = new Date();
      const [row] = await selectPrepared<AttachRow>(tx, 'application_document_store', ATTACH_SQL, [input.applicationId, input.accountId, input.key, uploadedAt, ...file.params]);
      if (!row) throw notFound('Pendaftaran');
      if (row.status !== 'draft' || row.linked !== 1 || !row.document) throw new AppError('INVALID_STATE', 'Dokumen tidak dapat diganti setelah pendaftaran dikirim.');
      // The view read before the upload, with the documents as they are now (the application row itself is unchanged by an upload).
      const documents = [
        ...row.others.map((d) => ({ ...d, applicationId: input.applicationId, uploadedAt: new Date(d.uploadedAt) })),
        { id: row.document.id, agencyId: row.document.agencyId, applicationId: input.applicationId, requirementKey: input.key, fileId: row.file_id, sha256: file.sha256, uploadedAt },
      ].sort((a, b) => byText(a.requirementKey, b.requirementKey));
      return previewOf({ ...view, documents });
    },
  });
}

export async function removeDocument(db: Db, options: { accountId: string; applicationId: string; key: string }) {
  await db.transaction(async (tx) => {
    const application = await getOwnApplication(tx, { accountId: options.accountId, applicationId: options.applicationId, lock: true });
    if (application.status !== 'draft') throw new AppError('INVALID_STATE', 'Dokumen tidak dapat dihapus setelah pendaftaran dikirim.');
    const removed = await tx
      .delete(applicationDocuments)
      .where(and(eq(applicationDocuments.applicationId, application.id), eq(applicationDocuments.requirementKey, options.key)))
      .returning({ id: applicationDocuments.id });
    if (!removed.length) throw notFound('Dokumen');
  });
}

/** One uploaded document of the applicant's own application (for their preview). */
export async function ownDocumentFile(db: Db, options: { accountId: string; applicationId: string; key: string }) {
  const application = await getOwnApplication(db, options);
  const [document] = await db
    .select()
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.applicationId, application.id), eq(applicationDocuments.requirementKey, options.key)));
  if (!document) throw notFound('Dokumen');
  return getFile(db, document.fileId);
}
