// Test blueprints for the CAT stages of a selection round: presets filled in, checked by
// core/cat-blueprint, banks checked to hold enough active questions per section (with the very
// rule papers are drawn with, core/cat-paper), editable until a session of the stage has started.
import { and, asc, count, eq, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { NEED_LABELS, PRESETS, catStages, sectionMaxPoints, sectionName, validateBlueprint, type BlueprintPreset, type BlueprintSection } from '../../../core/cat-blueprint.js';
import { CAT_SUBTESTS } from '../../../core/cat-bank.js';
import { checkPaperPools, type PaperSection } from '../../../core/cat-paper.js';
import type { PassRules } from '../../../core/cat-scoring.js';
import { FORMASI_KIND_RULES } from '../../../core/eligibility.js';
import type { FieldIssue } from '../../../core/field-issue.js';
import { PIPELINE_PRESETS, type PipelineStage, type SelectionType } from '../../../core/pipeline.js';
import { formatInZone, isAgencyZone } from '../../../core/time.js';
import type { BlueprintAvailability, BlueprintBody, BlueprintOptions, BlueprintUpdateBody, CatBlueprint } from '../../../core/schemas/cat-blueprints.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import type { Actor } from '../../policy.js';
import { getAgency } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { questionsForPaper, refuse, usableBanks } from '../cat-banks/cat-banks.service.js';
import { catAttempts, catBlueprints, catSessions } from '../cat/cat.table.js';
import { getSelection } from '../selections/selections.service.js';

export type BlueprintRow = typeof catBlueprints.$inferSelect;
export type SelectionRef = { agencyId: string; selectionId: string };
type SelectionInfo = { id: string; name: string; type: SelectionType; year: number; stages: Array<{ key: string; name: string }> };

const SELECTION_TYPES: readonly SelectionType[] = ['cpns', 'pppk', 'jpt'];

/** The round and its CAT stages (the preset pipeline of its type while it has none of its own). */
async function selectionInfo(db: Db, ref: SelectionRef): Promise<SelectionInfo> {
  const selection = await getSelection(db, ref);
  const type = (SELECTION_TYPES as readonly string[]).includes(selection.type) ? (selection.type as SelectionType) : 'cpns';
  const pipeline = Array.isArray(selection.pipeline) && selection.pipeline.length > 0 ? (selection.pipeline as PipelineStage[]) : PIPELINE_PRESETS[type];
  return { id: selection.id, name: selection.name, type, year: selection.year, stages: catStages(pipeline) };
}

// ---- Availability ----------------------------------------------------------------------------------

type SectionInput = { subtest: string; topic: string; count: number; bankIds: string[] };

/** Banks the sections name that the agency may not use: field problems. */
async function bankIssues(db: Db, agencyId: string, sections: readonly SectionInput[]): Promise<FieldIssue[]> {
  const named = [...new Set(sections.flatMap((section) => section.bankIds))];
  const usable = new Set((await usableBanks(db, { agencyId, bankIds: named })).map((bank) => bank.id));
  return sections.flatMap((section, index) =>
    section.bankIds.some((id) => !usable.has(id))
      ? [{ field: `sections.${index}.bankIds`, code: 'bank_unknown', message: `Bagian ${index + 1} (${sectionName(section)}) memakai bank soal yang tidak ditemukan atau bukan milik instansi ini.` }]
      : [],
  );
}

/**
 * Whether the banks hold enough active questions for every section, judged by the rule papers are
 * drawn with (core/cat-paper checkPaperPools: no question twice in a paper, sections with a topic
 * first). For a section that falls short, the largest count it could take gives the shortfall.
 */
export async function checkAvailability(db: Db, options: { agencyId: string; sections: readonly SectionInput[] }): Promise<BlueprintAvailability> {
  const pools: PaperSection[] = [];
  for (const section of options.sections) {
    const pool = await questionsForPaper(db, { bankIds: section.bankIds, subtest: section.subtest, topic: section.topic, agencyId: options.agencyId });
    pools.push({ subtest: section.subtest, topic: section.topic || undefined, count: section.count, pool });
  }
  const issues = checkPaperPools(pools);
  const failing = (sections: PaperSection[], index: number) => checkPaperPools(sections).some((issue) => issue.field === `sections.${index}.count`);
  const sections = options.sections.map((section, index) => {
    const base = { index, subtest: section.subtest, topic: section.topic, required: section.count, active: pools[index]!.pool.length };
    if (!issues.some((issue) => issue.field === `sections.${index}.count`)) return { ...base, shortfall: 0, message: null };
    let low = 0;
    let high = section.count - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      const trial = pools.map((pool, i) => (i === index ? { ...pool, count: mid } : pool));
      if (failing(trial, index)) high = mid - 1;
      else low = mid;
    }
    const shortfall = section.count - low;
    const message = `Bagian ${index + 1} — ${sectionName(section)}: dibutuhkan ${section.count} soal aktif, hanya ${low} yang dapat dipakai (kurang ${shortfall}).`;
    return { ...base, shortfall, message };
  });
  return { ok: sections.every((section) => section.shortfall === 0), sections };
}

// ---- Presenting ------------------------------------------------------------------------------------

async function lockedReason(db: Db, blueprintId: string): Promise<string | null> {
  const [started] = await db
    .select({ name: catSessions.name, startsAt: catSessions.startsAt, status: catSessions.status })
    .from(catSessions)
    .where(and(eq(catSessions.blueprintId, blueprintId), or(ne(catSessions.status, 'scheduled'), lte(catSessions.startsAt, sql`now()`))))
    .orderBy(asc(catSessions.startsAt))
    .limit(1);
  if (started) {
    const [blueprint] = await db.select({ agencyId: catBlueprints.agencyId }).from(catBlueprints).where(eq(catBlueprints.id, blueprintId));
    const timezone = blueprint ? (await getAgency(db, blueprint.agencyId)).timezone : 'Asia/Jakarta';
    const when = formatInZone(started.startsAt, isAgencyZone(timezone) ? timezone : 'Asia/Jakarta');
    return `Cetak biru tidak dapat diubah lagi: sesi ujian "${started.name}" sudah dimulai (jadwal ${when}). Perubahan setelah ujian dimulai akan membuat peserta mengerjakan naskah yang berbeda.`;
  }
  const [attempt] = await db.select({ id: catAttempts.id }).from(catAttempts).where(and(eq(catAttempts.blueprintId, blueprintId), isNotNull(catAttempts.startedAt))).limit(1);
  if (attempt) return 'Cetak biru tidak dapat diubah lagi: peserta sudah mulai mengerjakan ujian dengan cetak biru ini.';
  return null;
}

async function papersIssued(db: Db, blueprintId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(catAttempts)
    .where(and(eq(catAttempts.blueprintId, blueprintId), sql`exists (select 1 from cat_paper_items p where p.attempt_id = cat_attempts.id)`));
  return row?.n ?? 0;
}

async function present(db: Db, row: BlueprintRow, selection: SelectionInfo): Promise<CatBlueprint> {
  const bankIds = [...new Set(row.sections.flatMap((section) => section.bankIds))];
  const banks = new Map((await usableBanks(db, { agencyId: row.agencyId, bankIds })).map((bank) => [bank.id, bank]));
  const preset = PRESETS[row.preset as BlueprintPreset] ?? PRESETS.custom;
  return {
    id: row.id,
    selectionId: row.selectionId,
    stageKey: row.stageKey,
    stageName: selection.stages.find((stage) => stage.key === row.stageKey)?.name ?? row.stageKey,
    name: row.name,
    preset: preset.preset,
    presetLabel: preset.label,
    durationMinutes: row.durationMinutes,
    extraMinutes: row.extraMinutes,
    sections: row.sections.map((section) => ({
      subtest: section.subtest,
      topic: section.topic ?? '',
      count: section.count,
      banks: section.bankIds.map((id) => {
        const bank = banks.get(id);
        return { id, name: bank?.name ?? 'Bank soal tidak ditemukan', national: bank?.national ?? false };
      }),
    })),
    passRules: row.passRules as PassRules as CatBlueprint['passRules'],
    totalQuestions: row.sections.reduce((sum, section) => sum + section.count, 0),
    maxTotal: row.sections.reduce((sum, section) => sum + sectionMaxPoints(section), 0),
    lockedReason: await lockedReason(db, row.id),
    papers: await papersIssued(db, row.id),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// ---- Reading ---------------------------------------------------------------------------------------

export async function blueprintOptions(db: Db, ref: SelectionRef): Promise<BlueprintOptions> {
  const selection = await selectionInfo(db, ref);
  const existing = await db.select({ id: catBlueprints.id, stageKey: catBlueprints.stageKey }).from(catBlueprints).where(eq(catBlueprints.selectionId, selection.id));
  return {
    selection: { id: selection.id, name: selection.name, type: selection.type, year: selection.year },
    stages: selection.stages.map((stage) => ({ ...stage, blueprintId: existing.find((row) => row.stageKey === stage.key)?.id ?? null })),
    presets: Object.values(PRESETS).map((info) => ({
      preset: info.preset,
      label: info.label,
      description: info.description,
      subtests: [...info.subtests],
      fixed: info.fixed,
      fitsSelection: info.selectionTypes.includes(selection.type),
      defaults: { ...info.defaults, passRules: info.defaults.passRules as BlueprintOptions['presets'][number]['defaults']['passRules'] },
      passRuleVariants: info.passRuleVariants.map((variant) => ({ ...variant, passRules: variant.passRules as BlueprintOptions['presets'][number]['defaults']['passRules'] })),
    })),
    subtests: CAT_SUBTESTS.map((subtest) => ({ code: subtest.code, name: subtest.name, type: subtest.type, maxOptionPoints: subtest.maxOptionPoints ?? null })),
    formasiKinds: Object.entries(FORMASI_KIND_RULES).map(([key, rule]) => ({ key, label: rule.label })),
    needs: Object.entries(NEED_LABELS).map(([key, label]) => ({ key, label })),
    banks: await usableBanks(db, { agencyId: ref.agencyId }),
  };
}

export async function listBlueprints(db: Db, ref: SelectionRef): Promise<CatBlueprint[]> {
  const selection = await selectionInfo(db, ref);
  const rows = await db
    .select()
    .from(catBlueprints)
    .where(and(eq(catBlueprints.agencyId, ref.agencyId), eq(catBlueprints.selectionId, ref.selectionId)))
    .orderBy(asc(catBlueprints.createdAt), asc(catBlueprints.id));
  const order = new Map(selection.stages.map((stage, index) => [stage.key, index]));
  rows.sort((a, b) => (order.get(a.stageKey) ?? 99) - (order.get(b.stageKey) ?? 99));
  return Promise.all(rows.map((row) => present(db, row, selection)));
}

async function findBlueprint(db: Db, ref: SelectionRef & { blueprintId: string; lock?: boolean }): Promise<BlueprintRow> {
  const query = db
    .select()
    .from(catBlueprints)
    .where(and(eq(catBlueprints.id, ref.blueprintId), eq(catBlueprints.agencyId, ref.agencyId), eq(catBlueprints.selectionId, ref.selectionId)));
  const [row] = ref.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Cetak biru');
  return row;
}

/** The blueprint with the current availability of its sections' questions. */
export async function getBlueprint(db: Db, ref: SelectionRef & { blueprintId: string }) {
  const selection = await selectionInfo(db, ref);
  const row = await findBlueprint(db, ref);
  const sections = row.sections.map((section) => ({ ...section, topic: section.topic ?? '' }));
  // A bank since deleted leaves its section empty rather than failing the page.
  const usable = new Set((await usableBanks(db, { agencyId: ref.agencyId, bankIds: sections.flatMap((s) => s.bankIds) })).map((bank) => bank.id));
  const availability = await checkAvailability(db, { agencyId: ref.agencyId, sections: sections.map((s) => ({ ...s, bankIds: s.bankIds.filter((id) => usable.has(id)) })) });
  return { blueprint: await present(db, row, selection), availability };
}

// ---- Writing ---------------------------------------------------------------------------------------

type Definition = { name: string; preset: BlueprintPreset; durationMinutes: number; extraMinutes: Record<string, number>; sections: SectionInput[]; passRules: PassRules };

/** Every rule a blueprint must meet before it is saved: preset, stage, banks, and enough active questions. */
async function checkDefinition(db: Db, options: { agencyId: string; selection: SelectionInfo; stageKey: string; definition: Definition }) {
  const { definition, selection } = options;
  const issues: FieldIssue[] = [];
  if (!selection.stages.some((stage) => stage.key === options.stageKey)) {
    issues.push({
      field: 'stageKey',
      code: 'stage_unknown',
      message: selection.stages.length
        ? `Tahap "${options.stageKey}" bukan tahap CAT seleksi ini (tahap CAT: ${selection.stages.map((stage) => stage.name).join(', ')}).`
        : 'Seleksi ini tidak memiliki tahap yang diuji dengan CAT.',
    });
  }
  issues.push(...validateBlueprint({ ...definition, sections: definition.sections as BlueprintSection[], selectionType: selection.type }));
  issues.push(...(await bankIssues(db, options.agencyId, definition.sections)));
  if (issues.length > 0) refuse(issues);
  const availability = await checkAvailability(db, { agencyId: options.agencyId, sections: definition.sections });
  if (!availability.ok) {
    refuse(
      availability.sections
        .filter((section) => section.message)
        .map((section) => ({ field: `sections.${section.index}.count`, code: 'not_enough_questions', message: `Soal aktif belum cukup. ${section.message}` })),
    );
  }
}

function definitionOf(body: BlueprintBody | BlueprintUpdateBody): Definition {
  const defaults = PRESETS[body.preset].defaults;
  return {
    name: body.name,
    preset: body.preset,
    durationMinutes: body.durationMinutes ?? defaults.durationMinutes,
    extraMinutes: body.extraMinutes ?? { ...defaults.extraMinutes },
    sections: body.sections.map((section) => ({ subtest: section.subtest, topic: section.topic, count: section.count, bankIds: section.bankIds })),
    passRules: (body.passRules as PassRules | undefined) ?? defaults.passRules,
  };
}

const stored = (definition: Definition) => ({
  name: definition.name,
  preset: definition.preset,
  durationMinutes: definition.durationMinutes,
  extraMinutes: definition.extraMinutes,
  sections: definition.sections.map((section) => ({ subtest: section.subtest, ...(section.topic ? { topic: section.topic } : {}), count: section.count, bankIds: section.bankIds })),
  passRules: definition.passRules as Record<string, unknown>,
});

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return (e.cause?.code ?? e.code) === '23505';
};

export type CreateBlueprintOptions = SelectionRef & { actor: Actor; data: BlueprintBody };

export async function createBlueprint(db: Db, { actor, agencyId, selectionId, data }: CreateBlueprintOptions): Promise<CatBlueprint> {
  const selection = await selectionInfo(db, { agencyId, selectionId });
  const definition = definitionOf(data);
  await checkDefinition(db, { agencyId, selection, stageKey: data.stageKey, definition });
  try {
    const row = await db.transaction(async (tx) => {
      const [row] = await tx.insert(catBlueprints).values({ agencyId, selectionId, stageKey: data.stageKey, ...stored(definition) }).returning();
      await recordAudit(tx, { agencyId, actorId: actor.accountId, action: 'cat.blueprint.create', targetType: 'cat_blueprint', targetId: row!.id, after: { stageKey: data.stageKey, ...stored(definition) } });
      return row!;
    });
    return present(db, row, selection);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const stage = selection.stages.find((s) => s.key === data.stageKey)?.name ?? data.stageKey;
      throw new AppError('CONFLICT', `Tahap ${stage} sudah memiliki cetak biru; ubah cetak biru yang ada.`, { stageKey: 'Tahap ini sudah memiliki cetak biru' });
    }
    throw error;
  }
}

export type UpdateBlueprintOptions = SelectionRef & { actor: Actor; blueprintId: string; data: BlueprintUpdateBody };

export async function updateBlueprint(db: Db, { actor, agencyId, selectionId, blueprintId, data }: UpdateBlueprintOptions): Promise<CatBlueprint> {
  const selection = await selectionInfo(db, { agencyId, selectionId });
  const current = await findBlueprint(db, { agencyId, selectionId, blueprintId });
  const locked = await lockedReason(db, current.id);
  if (locked) throw new AppError('INVALID_STATE', locked);
  const definition = definitionOf(data);
  await checkDefinition(db, { agencyId, selection, stageKey: current.stageKey, definition });
  const row = await db.transaction(async (tx) => {
    const before = await findBlueprint(tx, { agencyId, selectionId, blueprintId, lock: true });
    // Checked again under the row lock: a session may have started while the banks were counted.
    const lockedNow = await lockedReason(tx, before.id);
    if (lockedNow) throw new AppError('INVALID_STATE', lockedNow);
    const [row] = await tx.update(catBlueprints).set({ ...stored(definition), updatedAt: new Date() }).where(eq(catBlueprints.id, before.id)).returning();
    const { name, preset, durationMinutes, extraMinutes, sections, passRules } = before;
    await recordAudit(tx, {
      agencyId,
      actorId: actor.accountId,
      action: 'cat.blueprint.update',
      targetType: 'cat_blueprint',
      targetId: before.id,
      before: { name, preset, durationMinutes, extraMinutes, sections, passRules },
      after: stored(definition),
    });
    return row!;
  });
  return present(db, row, selection);
}

export type DeleteBlueprintOptions = SelectionRef & { actor: Actor; blueprintId: string };

export async function deleteBlueprint(db: Db, { actor, agencyId, selectionId, blueprintId }: DeleteBlueprintOptions) {
  await db.transaction(async (tx) => {
    const row = await findBlueprint(tx, { agencyId, selectionId, blueprintId, lock: true });
    const [sessions] = await tx.select({ n: count() }).from(catSessions).where(eq(catSessions.blueprintId, row.id));
    const [attempts] = await tx.select({ n: count() }).from(catAttempts).where(eq(catAttempts.blueprintId, row.id));
    if ((sessions?.n ?? 0) > 0 || (attempts?.n ?? 0) > 0) {
      throw new AppError('CONFLICT', `Cetak biru sudah dipakai ${sessions?.n ?? 0} sesi dan ${attempts?.n ?? 0} peserta; hapus sesi dan pembagian pesertanya terlebih dahulu.`);
    }
    await tx.delete(catBlueprints).where(eq(catBlueprints.id, row.id));
    await recordAudit(tx, { agencyId, actorId: actor.accountId, action: 'cat.blueprint.delete', targetType: 'cat_blueprint', targetId: row.id, before: { stageKey: row.stageKey, name: row.name, sections: row.sections } });
  });
}

export type CheckSectionsOptions = SelectionRef & { sections: SectionInput[] };

/** The editor's "check availability" without saving: banks named must be usable by the agency. */
export async function checkSections(db: Db, { agencyId, selectionId, sections }: CheckSectionsOptions): Promise<BlueprintAvailability> {
  await getSelection(db, { agencyId, selectionId });
  const issues = await bankIssues(db, agencyId, sections);
  if (issues.length > 0) refuse(issues);
  return checkAvailability(db, { agencyId, sections });
}
