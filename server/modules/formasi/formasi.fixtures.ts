// Test factories for selections (inserted directly: the selections module is its own) and formasi.
import type { Db } from '../../db/client.js';
import { createPositionRow } from '../organisation/organisation.fixtures.js';
import { selections } from '../selections/selections.table.js';
import { formasi } from './formasi.table.js';

export async function createSelectionRow(db: Db, agencyId: string, values: { status?: string; name?: string } = {}) {
  const [row] = await db
    .insert(selections)
    .values({ agencyId, type: 'cpns', year: 2026, name: values.name ?? 'Seleksi CPNS 2026', status: values.status ?? 'draft', publishedAt: values.status === 'published' ? new Date() : null })
    .returning();
  return row!;
}

/** A formasi row for a (new) position, as the service would write it. */
export async function createFormasiRow(db: Db, agencyId: string, selectionId: string, values: { status?: string; count?: number; positionId?: string; unitId?: string } = {}) {
  const position = values.positionId ? { id: values.positionId, unitId: values.unitId! } : await createPositionRow(db, agencyId, { name: 'Analis Kebijakan' });
  const [row] = await db
    .insert(formasi)
    .values({
      agencyId,
      selectionId,
      positionId: position.id,
      unitId: position.unitId,
      positionName: 'Analis Kebijakan',
      unitName: 'Unit Uji',
      count: values.count ?? 2,
      qualifications: [{ level: 'S1', programmes: ['Ilmu Pemerintahan'] }],
      educationLevels: ['S1'],
      programmes: ['ilmupemerintahan'],
      status: values.status ?? 'draft',
      publishedAt: values.status === 'published' ? new Date() : null,
      searchText: 'analis kebijakan unit uji ilmu pemerintahan',
    })
    .returning();
  return row!;
}
