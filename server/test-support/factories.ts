import { createHash } from 'node:crypto';
import { applicationDocuments } from '../modules/applications/applications.table.js';
import { files } from '../modules/files/files.table.js';
import { formasi } from '../modules/formasi/formasi.table.js';
import { selections } from '../modules/selections/selections.table.js';
import type { TestContext } from './app.js';

export const DEFAULT_DOCUMENTS = [
  { key: 'ktp', name: 'KTP', formats: ['jpg', 'png'], maxKb: 200, mandatory: true },
  { key: 'ijazah', name: 'Ijazah', formats: ['pdf'], maxKb: 800, mandatory: true },
  { key: 'sertifikat', name: 'Sertifikat pendukung', formats: ['pdf'], maxKb: 800, mandatory: false },
];

type SelectionRow = typeof selections.$inferInsert;

/** A published round whose registration is open now (unless overridden). */
export async function createSelectionRow(ctx: TestContext, agencyId: string, over: Partial<SelectionRow> = {}) {
  const now = Date.now();
  const [row] = await ctx.database.db
    .insert(selections)
    .values({
      agencyId,
      type: 'cpns',
      year: 2026,
      name: 'Seleksi CPNS Uji 2026',
      status: 'published',
      registrationOpensAt: new Date(now - 24 * 3600 * 1000),
      registrationClosesAt: new Date(now + 7 * 24 * 3600 * 1000),
      requiredDocuments: DEFAULT_DOCUMENTS,
      publishedAt: new Date(now - 24 * 3600 * 1000),
      ...over,
    })
    .returning();
  return row!;
}

type FormasiRow = typeof formasi.$inferInsert;

/** A published formation for S1 Informatika graduates, 2 places. */
export async function createFormasiRow(ctx: TestContext, selection: { id: string; agencyId: string }, over: Partial<FormasiRow> = {}) {
  const [row] = await ctx.database.db
    .insert(formasi)
    .values({
      agencyId: selection.agencyId,
      selectionId: selection.id,
      positionName: 'Pranata Komputer Ahli Pertama',
      unitName: 'Dinas Komunikasi dan Informatika',
      count: 2,
      qualifications: [{ level: 'S1', programmes: ['Informatika', 'Sistem Informasi'] }],
      educationLevels: ['S1'],
      programmes: ['informatika', 'sistem informasi'],
      kind: 'umum',
      status: 'published',
      searchText: 'pranata komputer ahli pertama dinas komunikasi dan informatika',
      ...over,
    })
    .returning();
  return row!;
}

/** A NIK that agrees with the birth date and sex (province 32, regency 73, district 01). */
export function nikFor(birthDate: string, sex: 'L' | 'P', serial = 1): string {
  const [year, month, day] = birthDate.split('-');
  const dd = String(Number(day) + (sex === 'P' ? 40 : 0)).padStart(2, '0');
  return `327301${dd}${month}${year!.slice(2)}${String(serial).padStart(4, '0')}`;
}

let serial = 0;
/** A complete, valid applicant profile body; each call gets its own NIK. */
export function profileFor(over: Record<string, unknown> = {}) {
  serial += 1;
  const birthDate = (over.birthDate as string | undefined) ?? '2000-05-15';
  const sex = (over.sex as 'L' | 'P' | undefined) ?? 'L';
  return {
    nik: nikFor(birthDate, sex, (serial % 9999) + 1),
    name: 'Andi Pratama',
    birthPlace: 'Bandung',
    birthDate,
    sex,
    address: 'Jl. Merdeka No. 1, Bandung',
    phone: `0812${String(10_000_000 + serial).slice(-8)}`,
    education: [{ level: 'S1', institution: 'Universitas Padjadjaran', programme: 'Informatika', gpa: 3.4, diplomaNumber: `IJZ-${serial}`, year: 2022 }],
    disability: '',
    claims: {},
    ...over,
  };
}

/** Records an uploaded document for an application directly (the upload route is tested on its own). */
export async function attachDocumentRow(ctx: TestContext, application: { id: string; agencyId: string }, requirementKey: string, content = `${application.id}-${requirementKey}`) {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const [file] = await ctx.database.db.insert(files).values({ agencyId: application.agencyId, sha256, sizeBytes: content.length, mime: 'application/pdf', originalName: `${requirementKey}.pdf` }).returning();
  await ctx.database.db.insert(applicationDocuments).values({ applicationId: application.id, agencyId: application.agencyId, requirementKey, fileId: file!.id, sha256 });
  return sha256;
}
