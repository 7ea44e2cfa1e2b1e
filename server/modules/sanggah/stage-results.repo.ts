import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { stageResults } from './sanggah.table.js';

export type StageResult = typeof stageResults.$inferSelect;

/** administrasi: the administrative result; administrasi_pasca_sanggah: the result after objections. */
export type AdministrativeStage = 'administrasi' | 'administrasi_pasca_sanggah';

export type StageRef = { selectionId: string; stage: AdministrativeStage };

/** The published result of a stage of a round, or null. Read by verification (nothing is reopened after publication). */
export async function findStageResult(db: Db, { selectionId, stage }: StageRef): Promise<StageResult | null> {
  const [row] = await db
    .select()
    .from(stageResults)
    .where(and(eq(stageResults.selectionId, selectionId), eq(stageResults.stage, stage)));
  return row ?? null;
}

export type NewStageResult = Omit<typeof stageResults.$inferInsert, 'id'>;

/** Records a published stage result (another module's list: SKD, final…); unique per round and stage. */
export async function insertStageResult(db: Db, values: NewStageResult): Promise<StageResult> {
  const [row] = await db.insert(stageResults).values(values).returning();
  return row!;
}
