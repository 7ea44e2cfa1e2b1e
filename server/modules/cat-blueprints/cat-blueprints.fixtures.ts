// Test factories for blueprints.
import { PRESETS, type BlueprintPreset } from '../../../core/cat-blueprint.js';
import type { Db } from '../../db/client.js';
import { catBlueprints } from '../cat/cat.table.js';

export type BlueprintSpec = {
  preset?: BlueprintPreset;
  stageKey?: string;
  name?: string;
  sections?: Array<{ subtest: string; topic?: string; count: number; bankIds: string[] }>;
};

/** A blueprint stored directly (the preset's defaults; sections must name banks). */
export async function createBlueprintRow(db: Db, selection: { id: string; agencyId: string }, spec: BlueprintSpec = {}) {
  const preset = spec.preset ?? 'skd';
  const defaults = PRESETS[preset].defaults;
  const [row] = await db
    .insert(catBlueprints)
    .values({
      agencyId: selection.agencyId,
      selectionId: selection.id,
      stageKey: spec.stageKey ?? (preset === 'skb' ? 'skb' : preset === 'pppk' ? 'kompetensi' : 'skd'),
      name: spec.name ?? `Cetak biru ${PRESETS[preset].label}`,
      preset,
      durationMinutes: defaults.durationMinutes,
      extraMinutes: defaults.extraMinutes,
      sections: spec.sections ?? defaults.sections.map((section) => ({ ...section, bankIds: [] })),
      passRules: defaults.passRules as Record<string, unknown>,
    })
    .returning();
  return row!;
}
