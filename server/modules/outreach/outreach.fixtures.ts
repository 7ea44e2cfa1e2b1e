// Outreach events for tests: rows of this module, registrations through its service.
import type { TestContext } from '../../test-support/app.js';
import { makePdf } from '../files/files.fixtures.js';
import { storeContent } from '../files/files.service.js';
import { register } from './outreach.service.js';
import { outreachEvents, outreachMaterials } from './outreach.table.js';

let counter = 0;
const HOUR = 3600_000;

export type EventSpec = Partial<typeof outreachEvents.$inferInsert>;

/** A published seminar two days from now for pelajar and mahasiswa, 3 hours long, unless told otherwise. */
export async function eventRow(ctx: TestContext, agencyId: string, spec: EventSpec = {}) {
  const startsAt = spec.startsAt ?? new Date(Date.now() + 48 * HOUR);
  const [row] = await ctx.database.db
    .insert(outreachEvents)
    .values({
      agencyId,
      title: `Seminar karier ASN ${++counter}`,
      description: 'Mengenal seleksi CPNS dan PPPK.',
      kind: 'seminar',
      audiences: ['pelajar', 'mahasiswa'],
      venue: 'Aula BKPSDM',
      capacity: 50,
      status: 'published',
      ...spec,
      startsAt,
      endsAt: spec.endsAt ?? new Date(startsAt.getTime() + 3 * HOUR),
    })
    .returning();
  return row!;
}

export function uniqueVisitor(prefix = 'peserta') {
  return `${prefix}-${Date.now().toString(36)}-${++counter}@contoh.test`;
}

export async function registerVisitor(ctx: TestContext, eventId: string, over: { email?: string; audience?: 'pelajar' | 'mahasiswa' | 'umum'; name?: string } = {}) {
  return register(
    { db: ctx.database.db, config: ctx.config },
    { eventId, data: { name: over.name ?? 'Peserta Uji', email: over.email ?? uniqueVisitor(), phone: null, audience: over.audience ?? 'mahasiswa', institution: 'Universitas Bengkulu' } },
  );
}

/** An event that has started, with one PDF material. */
export async function startedEventWithMaterial(ctx: TestContext, agencyId: string) {
  const event = await eventRow(ctx, agencyId, { startsAt: new Date(Date.now() - HOUR), endsAt: new Date(Date.now() + 2 * HOUR) });
  const pdf = await makePdf({ text: `Materi ${event.title}` });
  const materialId = await ctx.database.db.transaction(async (tx) => {
    const file = await storeContent(tx, { uploadDir: ctx.config.uploadDir, content: pdf, fileName: 'materi.pdf', kind: 'pdf', agencyId, actorId: null });
    const [row] = await tx.insert(outreachMaterials).values({ eventId: event.id, agencyId, fileId: file.id, title: 'Materi paparan' }).returning();
    return row!.id;
  });
  return { event, materialId, pdf };
}
