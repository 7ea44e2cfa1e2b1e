// Aspirations and forums for tests: submissions through the service (as the public sends them), forums as rows.
import type { AspirationCategory } from '../../../core/aspirations.js';
import type { TestContext } from '../../test-support/app.js';
import { submitAspiration } from './aspirations.service.js';
import { communityForums } from './aspirations.table.js';

const HOUR = 3600_000;

export type SubmissionSpec = { category?: AspirationCategory; subject?: string; body?: string; anonymous?: boolean; name?: string | null; email?: string | null };

/** A named (not anonymous) complaint about service quality, without attachments. */
export async function submitted(ctx: TestContext, agencyId: string, spec: SubmissionSpec = {}) {
  const anonymous = spec.anonymous ?? false;
  return submitAspiration(
    { db: ctx.database.db, config: ctx.config },
    {
      staged: [],
      fields: {
        agencyId,
        category: spec.category ?? 'kualitas_layanan',
        subject: spec.subject ?? 'Antrean loket terlalu lama',
        body: spec.body ?? 'Saya menunggu lebih dari tiga jam di loket pelayanan tanpa kejelasan nomor antrean.',
        anonymous,
        name: anonymous ? null : (spec.name ?? 'Budi Santoso'),
        email: anonymous ? null : (spec.email ?? null),
        phone: null,
        website: '',
      },
    },
  );
}

/** A scheduled forum two days ahead unless told otherwise. */
export async function forumRow(ctx: TestContext, agencyId: string, spec: Partial<typeof communityForums.$inferInsert> = {}) {
  const [row] = await ctx.database.db
    .insert(communityForums)
    .values({ agencyId, title: 'Forum warga kecamatan', venue: 'Aula kantor camat', agenda: 'Pelayanan KTP dan rekrutmen', scheduledAt: new Date(Date.now() + 48 * HOUR), ...spec })
    .returning();
  return row!;
}
