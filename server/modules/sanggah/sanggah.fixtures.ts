// Decided applications, published results and objections as rows, for the role matrix and for
// tests that are not about how they came to be (those go through the API in sanggah.test.ts).
import { eq } from 'drizzle-orm';
import type { TestContext } from '../../test-support/app.js';
import { createAccount } from '../../test-support/app.js';
import { applications } from '../applications/applications.table.js';
import { ALL_MS, closedSelection, submittedApplication } from '../verification/verification.fixtures.js';
import { verificationChecks } from '../verification/verification.table.js';
import { sanggah, stageResults } from './sanggah.table.js';

/** Records every check (TMS with a catalogue reason on `tms` keys) and the decision that follows, as a verifier would. */
export async function decideDirectly(ctx: TestContext, application: { id: string; agencyId: string }, tms: string[] = []) {
  const verifier = await createAccount(ctx, { roles: [{ role: 'verifikator', agencyId: application.agencyId }] });
  await ctx.database.db.insert(verificationChecks).values(
    ALL_MS.map((c) => ({
      applicationId: application.id,
      agencyId: application.agencyId,
      requirementKey: c.requirementKey,
      result: tms.includes(c.requirementKey) ? 'TMS' : 'MS',
      reasonCode: tms.includes(c.requirementKey) ? 'tidak_sesuai' : null,
      reasonText: tms.includes(c.requirementKey) ? 'Berkas yang diunggah bukan dokumen yang diminta' : '',
      verifierId: verifier.id,
    })),
  );
  await ctx.database.db
    .update(applications)
    .set({ status: tms.length ? 'tms' : 'ms', assignedVerifierId: verifier.id, decidedAt: new Date(), decidedBy: verifier.id })
    .where(eq(applications.id, application.id));
}

/** A published administrative result whose objection window runs from an hour ago to `closesInMs` from now. */
export async function publishedStage(ctx: TestContext, selection: { id: string; agencyId: string }, closesInMs = 24 * 3600_000) {
  const now = Date.now();
  const [row] = await ctx.database.db
    .insert(stageResults)
    .values({ agencyId: selection.agencyId, selectionId: selection.id, stage: 'administrasi', resultHash: 'a'.repeat(64), publishedAt: new Date(now - 3600_000), objectionOpensAt: new Date(now - 3600_000), objectionClosesAt: new Date(now + closesInMs) })
    .returning();
  return row!;
}

/** A TMS application (ijazah) in a published round with an open window; `accountId` owns it. */
export async function tmsInOpenWindow(ctx: TestContext, agencyId: string, accountId?: string) {
  const selection = await closedSelection(ctx, agencyId);
  const made = await submittedApplication(ctx, { agencyId, selection, ...(accountId ? { accountId } : {}) });
  await decideDirectly(ctx, made.application, ['doc:ijazah']);
  const stage = await publishedStage(ctx, selection);
  return { ...made, stage };
}

/** An objection waiting for the panel's answer. */
export async function pendingSanggah(ctx: TestContext, agencyId: string) {
  const made = await tmsInOpenWindow(ctx, agencyId);
  const [row] = await ctx.database.db
    .insert(sanggah)
    .values({ agencyId, applicationId: made.application.id, stageResultId: made.stage.id, reason: 'Ijazah saya sudah sesuai, mohon diperiksa kembali.', requirementKeys: ['doc:ijazah'] })
    .returning();
  return { ...made, sanggah: row! };
}
