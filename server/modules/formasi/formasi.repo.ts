import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { selections } from '../selections/selections.table.js';

export type SelectionForFormasi = { id: string; name: string; type: string; year: number; status: string };

/**
 * The selection a formasi belongs to (404 for another agency's). Writers lock its row FOR NO KEY
 * UPDATE, which queues them behind the selections module's publication (FOR UPDATE on the same
 * row) and behind each other: a formasi added while the round is being published sees the round's
 * final status, and two writers cannot both add the same formasi. This one read of the selections
 * table is here rather than in the selections service because the lock must be taken in this
 * module's transaction, before it reads its own rows.
 */
export async function lockSelectionForFormasi(db: Db, ref: { agencyId: string; selectionId: string }, options: { lock: boolean }): Promise<SelectionForFormasi> {
  const query = db
    .select({ id: selections.id, name: selections.name, type: selections.type, year: selections.year, status: selections.status })
    .from(selections)
    .where(and(eq(selections.id, ref.selectionId), eq(selections.agencyId, ref.agencyId)));
  const [row] = options.lock ? await query.for('no key update') : await query;
  if (!row) throw notFound('Seleksi');
  return row;
}
