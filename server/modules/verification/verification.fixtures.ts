// Submitted applications for verification and objection tests: rows as the applications module
// leaves them after submission (frozen profile, registration number), with real stored documents.
import type { Role } from '../../../core/roles.js';
import { accountWithSession, createAccount, loginCookie, type TestContext } from '../../test-support/app.js';
import { createFormasiRow, createSelectionRow, nikFor } from '../../test-support/factories.js';
import { applicationDocuments, applications } from '../applications/applications.table.js';
import { makePdf, makePng } from '../files/files.fixtures.js';
import { storeContent } from '../files/files.service.js';

let counter = 0;

type SelectionOver = Parameters<typeof createSelectionRow>[2];

/** A round whose registration has closed (so its result may be published), with the given settings. */
export async function closedSelection(ctx: TestContext, agencyId: string, over: SelectionOver = {}) {
  const now = Date.now();
  return createSelectionRow(ctx, agencyId, {
    registrationOpensAt: new Date(now - 10 * 24 * 3600 * 1000),
    registrationClosesAt: new Date(now - 24 * 3600 * 1000),
    year: 2000 + (++counter % 99),
    ...over,
  });
}

export type SubmittedOptions = {
  agencyId: string;
  selection?: { id: string; agencyId: string };
  formasi?: { id: string };
  name?: string;
  /** With a session cookie for the applicant (objection tests). */
  withSession?: boolean;
  /** An existing applicant account instead of a new one (no session is made). */
  accountId?: string;
};

/** A submitted application with a KTP (PNG) and an ijazah (PDF) stored in UPLOAD_DIR. */
export async function submittedApplication(ctx: TestContext, options: SubmittedOptions) {
  const n = ++counter;
  const selection = options.selection ?? (await closedSelection(ctx, options.agencyId));
  const formasi = options.formasi ?? (await createFormasiRow(ctx, selection));
  const spec = { roles: [{ role: 'pelamar' as Role, agencyId: null }] };
  const session = options.accountId
    ? { account: { id: options.accountId, email: `pelamar-${n}@uji.test` }, cookie: '' }
    : options.withSession
      ? await accountWithSession(ctx, spec)
      : { account: await createAccount(ctx, spec), cookie: '' };
  const name = options.name ?? `Pelamar Uji ${n}`;
  const birthDate = '1998-03-14';
  const nik = nikFor(birthDate, 'L', (Date.now() % 5000) + n);
  const snapshot = {
    nik,
    name,
    birthPlace: 'Padang',
    birthDate,
    sex: 'L',
    address: 'Jl. Sudirman No. 5, Padang',
    phone: `0813${String(20_000_000 + n).slice(-8)}`,
    education: [{ level: 'S1', institution: 'Universitas Andalas', programme: 'Informatika', gpa: 3.41, diplomaNumber: `UA-${n}`, year: 2020 }],
    disability: '',
    claims: {},
  };
  const [application] = await ctx.database.db
    .insert(applications)
    .values({
      agencyId: options.agencyId,
      selectionId: selection.id,
      formasiId: formasi.id,
      accountId: session.account.id,
      nik,
      selectionType: 'cpns',
      selectionYear: 1900 + n,
      status: 'submitted',
      registrationNumber: `CPNS-UJI-${Date.now().toString(36)}-${String(n).padStart(5, '0')}`,
      profileSnapshot: snapshot,
      applicantName: name,
      birthDate,
      phone: snapshot.phone,
      email: session.account.email,
      submittedAt: new Date(Date.now() - 3600_000 + n),
    })
    .returning();
  const documents = [
    { key: 'ktp', content: await makePng(40 + (n % 50), 30), kind: 'png' as const, fileName: 'ktp.png' },
    { key: 'ijazah', content: await makePdf({ text: `Ijazah ${name} ${n}` }), kind: 'pdf' as const, fileName: 'ijazah.pdf' },
  ];
  for (const doc of documents) {
    await ctx.database.db.transaction(async (tx) => {
      const file = await storeContent(tx, { uploadDir: ctx.config.uploadDir, content: doc.content, fileName: doc.fileName, kind: doc.kind, agencyId: options.agencyId, actorId: session.account.id });
      await tx.insert(applicationDocuments).values({ applicationId: application!.id, agencyId: options.agencyId, requirementKey: doc.key, fileId: file.id, sha256: file.sha256 });
    });
  }
  return { application: application!, selection, formasi, account: session.account, cookie: session.cookie, documents };
}

/** A verifier (or other staff member) of the agency with a session. */
export async function staffSession(ctx: TestContext, agencyId: string, role: Role = 'verifikator', name?: string) {
  const account = await createAccount(ctx, { roles: [{ role, agencyId }], ...(name ? { name } : {}) });
  return { account, cookie: await loginCookie(ctx, account.email) };
}

/** Every requirement of a plain application (KTP, ijazah, age, education) as MS. */
export const ALL_MS = ['doc:ktp', 'doc:ijazah', 'rule:age', 'rule:education'].map((requirementKey) => ({ requirementKey, result: 'MS' as const, reasonCode: null, reasonText: '' }));
