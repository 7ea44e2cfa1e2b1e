import { and, arrayContains, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { ELIGIBILITY_DEFAULTS, FORMASI_KIND_RULES, normalizeEducationLevel, normalizeProgramme, validateFormasiRequirements } from '../../../core/eligibility.js';
import type { FieldIssue } from '../../../core/field-issue.js';
import { abkSourceSchema, type AbkSource, type FormasiBody, type FormasiFromAbkBody } from '../../../core/schemas/formasi.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound, validationFailed } from '../../errors.js';
import { getAgency } from '../agencies/agencies.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { analysePosition, getPosition, getUnit } from '../organisation/organisation.service.js';
import { portalChanged } from '../public/portal.service.js';
import { lockSelectionForFormasi, type SelectionForFormasi } from './formasi.repo.js';
import { formasi } from './formasi.table.js';

type FormasiRow = typeof formasi.$inferSelect;
export type SelectionRef = { agencyId: string; selectionId: string };
export type FormasiRef = SelectionRef & { formasiId: string };

// ---- Publication (called by the selections module) -------------------------------------------------

export type PublishSelectionFormasiOptions = { agencyId: string; selectionId: string; actorId: string };

/**
 * Publishes every draft formasi of a selection, called by the selections module inside the
 * transaction that publishes the round: the formasi and the round become public together, with
 * one audit record listing what was published. Returns how many formasi were published.
 */
export async function publishSelectionFormasi(tx: Db, options: PublishSelectionFormasiOptions): Promise<number> {
  const now = new Date();
  const published = await tx
    .update(formasi)
    .set({ status: 'published', publishedAt: now, updatedAt: now })
    .where(and(eq(formasi.agencyId, options.agencyId), eq(formasi.selectionId, options.selectionId), eq(formasi.status, 'draft')))
    .returning({ id: formasi.id, positionName: formasi.positionName, unitName: formasi.unitName, count: formasi.count, kind: formasi.kind });
  if (published.length === 0) return 0;
  published.sort((a, b) => a.positionName.localeCompare(b.positionName, 'id') || a.id.localeCompare(b.id));
  await recordAudit(tx, {
    agencyId: options.agencyId,
    actorId: options.actorId,
    action: 'formasi.publish',
    targetType: 'selection',
    targetId: options.selectionId,
    after: { formasi: published.length, places: published.reduce((sum, row) => sum + row.count, 0) },
    details: { items: published },
  });
  return published.length;
}

export type CountSelectionFormasiOptions = { agencyId: string; selectionId: string };

/** How many formasi a selection has and how many places they offer in total (drafts included). */
export async function countSelectionFormasi(db: Db, options: CountSelectionFormasiOptions): Promise<{ formasi: number; places: number }> {
  const [row] = await db
    .select({
      formasi: sql<number>`count(*)`.mapWith(Number),
      places: sql<number>`coalesce(sum(${formasi.count}), 0)`.mapWith(Number),
    })
    .from(formasi)
    .where(and(eq(formasi.agencyId, options.agencyId), eq(formasi.selectionId, options.selectionId)));
  return { formasi: row?.formasi ?? 0, places: row?.places ?? 0 };
}

// ---- Presenting ------------------------------------------------------------------------------------

const kindLabel = (kind: string) => (Object.hasOwn(FORMASI_KIND_RULES, kind) ? FORMASI_KIND_RULES[kind]!.label : kind);

function presentAbkSource(value: unknown): AbkSource | null {
  const parsed = abkSourceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function presentFormasi(row: FormasiRow) {
  return {
    id: row.id,
    selectionId: row.selectionId,
    positionId: row.positionId,
    unitId: row.unitId,
    positionName: row.positionName,
    unitName: row.unitName,
    count: row.count,
    qualifications: row.qualifications,
    educationLevels: row.educationLevels,
    kind: row.kind,
    kindLabel: kindLabel(row.kind),
    minAge: row.minAge,
    maxAge: row.maxAge,
    extraRequirements: row.extraRequirements,
    status: row.status,
    abkSource: presentAbkSource(row.abkSource),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type FormasiPresented = ReturnType<typeof presentFormasi>;

/** What the audit trail keeps of a formasi: every field an applicant relies on. */
const auditView = (row: Pick<FormasiRow, 'positionId' | 'unitId' | 'positionName' | 'unitName' | 'count' | 'qualifications' | 'kind' | 'minAge' | 'maxAge' | 'extraRequirements' | 'status'>) => ({
  positionId: row.positionId,
  unitId: row.unitId,
  positionName: row.positionName,
  unitName: row.unitName,
  count: row.count,
  qualifications: row.qualifications,
  kind: row.kind,
  minAge: row.minAge,
  maxAge: row.maxAge,
  extraRequirements: row.extraRequirements,
  status: row.status,
});

// ---- Requirements and the denormalised columns -----------------------------------------------------

export type FormasiRequirementsInput = {
  qualifications: ReadonlyArray<{ level: string; programmes: readonly string[] }>;
  kind: string;
  minAge: number;
  maxAge: number;
  extraRequirements: string;
};

/** The requirements normalised, or the problems (field names as in the request body). */
export function checkRequirements(input: FormasiRequirementsInput): { ok: true; value: FormasiRequirementsInput } | { ok: false; issues: FieldIssue[] } {
  const qualifications = input.qualifications.map((q) => {
    const seen = new Set<string>();
    const programmes: string[] = [];
    for (const programme of q.programmes) {
      const text = programme.trim().replace(/\s+/g, ' ');
      const key = normalizeProgramme(text);
      if (text && !seen.has(key)) {
        seen.add(key);
        programmes.push(text);
      }
    }
    return { level: normalizeEducationLevel(q.level), programmes };
  });
  const issues = validateFormasiRequirements({ formasi: { kind: input.kind, maxAge: input.maxAge, qualifications } }).map((issue) => ({
    ...issue,
    field: issue.field.replace(/^formasi\./, ''),
  }));
  const levels = new Map<string, number>();
  qualifications.forEach((q, index) => {
    const first = levels.get(q.level);
    if (first !== undefined) {
      issues.push({ field: `qualifications.${index}.level`, code: 'FORMASI_LEVEL_REPEATED', message: `Jenjang ${q.level} sudah disebut; gabungkan program studinya dalam satu kualifikasi.` });
    } else levels.set(q.level, index);
  });
  if (!Number.isInteger(input.minAge) || input.minAge < ELIGIBILITY_DEFAULTS.minAge || input.minAge > input.maxAge) {
    issues.push({ field: 'minAge', code: 'FORMASI_MIN_AGE_OUT_OF_RANGE', message: `Usia minimal harus bilangan bulat antara ${ELIGIBILITY_DEFAULTS.minAge} tahun dan usia maksimal.` });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...input, qualifications } };
}

function refuse(issues: FieldIssue[]): never {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.field] ??= issue.message;
  throw validationFailed(fields, issues[0]?.message);
}

/** Lower-cased words of the position, unit, programmes and agency: what the public search reads. */
export function searchTextOf(options: { positionName: string; unitName: string; programmes: readonly string[]; agencyName: string }): string {
  const text = [options.positionName, options.unitName, ...options.programmes, options.agencyName].join(' ');
  const words = text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return [...new Set(words)].join(' ');
}

/** The columns written on every insert and update, the denormalised copies included. */
export function formasiColumns(options: {
  requirements: FormasiRequirementsInput;
  position: { id: string; name: string };
  unit: { id: string; name: string };
  agencyName: string;
  count: number;
}) {
  const { requirements } = options;
  const programmes = requirements.qualifications.flatMap((q) => q.programmes);
  return {
    positionId: options.position.id,
    unitId: options.unit.id,
    positionName: options.position.name,
    unitName: options.unit.name,
    count: options.count,
    qualifications: requirements.qualifications.map((q) => ({ level: q.level, programmes: [...q.programmes] })),
    educationLevels: [...new Set(requirements.qualifications.map((q) => q.level))],
    programmes: [...new Set(programmes.map(normalizeProgramme))],
    kind: requirements.kind,
    minAge: requirements.minAge,
    maxAge: requirements.maxAge,
    extraRequirements: requirements.extraRequirements,
    searchText: searchTextOf({ positionName: options.position.name, unitName: options.unit.name, programmes, agencyName: options.agencyName }),
  };
}
export type FormasiColumns = ReturnType<typeof formasiColumns>;

/** A selection accepts formasi while it is a draft or published; closed and cancelled ones are final. */
export function requireWritable(selection: SelectionForFormasi) {
  if (selection.status !== 'draft' && selection.status !== 'published') {
    throw new AppError('CONFLICT', 'Seleksi ini sudah ditutup atau dibatalkan; formasinya tidak dapat diubah.');
  }
}

/** The same position, placement unit and kind may appear once per selection. */
async function refuseDuplicate(tx: Db, ref: SelectionRef, columns: Pick<FormasiColumns, 'positionId' | 'unitId' | 'kind' | 'positionName' | 'unitName'>, exceptId?: string) {
  const [existing] = await tx
    .select({ id: formasi.id })
    .from(formasi)
    .where(
      and(
        eq(formasi.agencyId, ref.agencyId),
        eq(formasi.selectionId, ref.selectionId),
        eq(formasi.positionId, columns.positionId),
        eq(formasi.unitId, columns.unitId),
        eq(formasi.kind, columns.kind),
        exceptId ? sql`${formasi.id} <> ${exceptId}` : undefined,
      ),
    );
  if (existing) {
    throw new AppError('CONFLICT', `Formasi ${columns.positionName} di ${columns.unitName} dengan jenis ${kindLabel(columns.kind)} sudah ada di seleksi ini; ubah jumlahnya saja.`, {
      positionId: 'Formasi yang sama sudah ada',
    });
  }
}

// ---- Reading ---------------------------------------------------------------------------------------

export type ListFormasiOptions = SelectionRef & {
  q?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  unitId?: string | undefined;
  educationLevel?: string | undefined;
  page: number;
  pageSize: number;
};

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listFormasi(db: Db, options: ListFormasiOptions) {
  const selection = await lockSelectionForFormasi(db, options, { lock: false });
  const words = options.q ? searchTextOf({ positionName: options.q, unitName: '', programmes: [], agencyName: '' }).split(' ').filter(Boolean) : [];
  const where = and(
    eq(formasi.agencyId, options.agencyId),
    eq(formasi.selectionId, options.selectionId),
    options.status ? eq(formasi.status, options.status) : undefined,
    options.kind ? eq(formasi.kind, options.kind) : undefined,
    options.unitId ? eq(formasi.unitId, options.unitId) : undefined,
    options.educationLevel ? arrayContains(formasi.educationLevels, [normalizeEducationLevel(options.educationLevel)]) : undefined,
    ...words.map((word) => or(ilike(formasi.searchText, like(word)), ilike(formasi.positionName, like(word)))),
  );
  const [total] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(formasi).where(where);
  const rows = await db
    .select()
    .from(formasi)
    .where(where)
    .orderBy(asc(formasi.positionName), asc(formasi.unitName), asc(formasi.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return {
    selection: { id: selection.id, name: selection.name, type: selection.type, year: selection.year, status: selection.status },
    totals: await countSelectionFormasi(db, options),
    items: rows.map(presentFormasi),
    total: total?.n ?? 0,
    page: options.page,
    pageSize: options.pageSize,
  };
}

async function findFormasi(db: Db, ref: FormasiRef, lock = false) {
  const query = db.select().from(formasi).where(and(eq(formasi.agencyId, ref.agencyId), eq(formasi.selectionId, ref.selectionId), eq(formasi.id, ref.formasiId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Formasi');
  return row;
}

export async function getFormasi(db: Db, ref: FormasiRef) {
  await lockSelectionForFormasi(db, ref, { lock: false });
  return presentFormasi(await findFormasi(db, ref));
}

/** Every formasi of a selection, for the export. */
export async function allFormasi(db: Db, ref: SelectionRef) {
  const selection = await lockSelectionForFormasi(db, ref, { lock: false });
  const rows = await db
    .select()
    .from(formasi)
    .where(and(eq(formasi.agencyId, ref.agencyId), eq(formasi.selectionId, ref.selectionId)))
    .orderBy(asc(formasi.positionName), asc(formasi.unitName), asc(formasi.id));
  return { selection, rows };
}

// ---- Writing ---------------------------------------------------------------------------------------

type Resolved = { position: { id: string; name: string }; unit: { id: string; name: string }; agencyName: string };

/** The position and placement unit of the agency (404 for another agency's), and the agency's name. */
async function resolvePlacement(db: Db, options: { agencyId: string; positionId: string; unitId?: string | null | undefined }): Promise<Resolved> {
  const agency = await getAgency(db, options.agencyId);
  const position = await getPosition(db, { agencyId: options.agencyId, positionId: options.positionId });
  const unit = options.unitId ? await getUnit(db, { agencyId: options.agencyId, unitId: options.unitId }) : { id: position.unitId, name: position.unitName };
  return { position: { id: position.id, name: position.name }, unit: { id: unit.id, name: unit.name }, agencyName: agency.name };
}

function requirementsOf(data: { qualifications: FormasiRequirementsInput['qualifications']; kind?: string; minAge?: number; maxAge?: number; extraRequirements?: string }): FormasiRequirementsInput {
  return {
    qualifications: data.qualifications,
    kind: data.kind ?? 'umum',
    minAge: data.minAge ?? ELIGIBILITY_DEFAULTS.minAge,
    maxAge: data.maxAge ?? ELIGIBILITY_DEFAULTS.maxAge,
    extraRequirements: data.extraRequirements ?? '',
  };
}

export type CreateFormasiOptions = SelectionRef & { actorId: string; data: FormasiBody; abkSource?: AbkSource | null };

export async function createFormasi(db: Db, options: CreateFormasiOptions) {
  const checked = checkRequirements(requirementsOf(options.data));
  if (!checked.ok) refuse(checked.issues);
  const resolved = await resolvePlacement(db, { agencyId: options.agencyId, positionId: options.data.positionId, unitId: options.data.unitId });
  const row = await db.transaction(async (tx) => {
    const selection = await lockSelectionForFormasi(tx, options, { lock: true });
    requireWritable(selection);
    const columns = formasiColumns({ requirements: checked.value, ...resolved, count: options.data.count });
    await refuseDuplicate(tx, options, columns);
    // A formasi added to a round already announced is public at once (and audited as such).
    const published = selection.status === 'published';
    const now = new Date();
    const [created] = await tx
      .insert(formasi)
      .values({
        agencyId: options.agencyId,
        selectionId: options.selectionId,
        ...columns,
        abkSource: options.abkSource ?? null,
        status: published ? 'published' : 'draft',
        publishedAt: published ? now : null,
      })
      .returning();
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: 'formasi.create',
      targetType: 'formasi',
      targetId: created!.id,
      after: auditView(created!),
      details: { selectionId: options.selectionId, ...(options.abkSource ? { abkSource: options.abkSource } : {}) },
    });
    return created!;
  });
  if (row.status === 'published') portalChanged(db);
  return presentFormasi(row);
}

export type CreateFormasiFromAbkOptions = SelectionRef & { actorId: string; data: FormasiFromAbkBody };

/** One step from the position's ABK proposal: the count defaults to the proposed formasi. */
export async function createFormasiFromAbk(db: Db, options: CreateFormasiFromAbkOptions) {
  const analysis = await analysePosition(db, { agencyId: options.agencyId, positionId: options.data.positionId });
  const calculation = analysis.calculation;
  if (!calculation) {
    throw validationFailed(
      { positionId: analysis.problems[0]?.message ?? 'ABK tidak dapat dihitung' },
      `ABK jabatan ${analysis.position.name} tidak dapat dihitung: ${analysis.problems.map((p) => p.message).join(' ')}`,
    );
  }
  if (options.data.count === undefined && calculation.proposedFormasi === 0) {
    throw validationFailed(
      { count: 'Usulan ABK 0 formasi; isi jumlah formasi bila tetap ingin membuatnya' },
      `Usulan ABK untuk ${analysis.position.name} adalah 0 formasi (kebutuhan ${calculation.roundedNeed}, pegawai tersisa ${calculation.bezetting - calculation.retiring}). Isi jumlah formasi bila tetap ingin membuatnya.`,
    );
  }
  const abkSource: AbkSource = {
    positionId: analysis.position.id,
    need: calculation.need,
    needExact: calculation.needExact,
    roundedNeed: calculation.roundedNeed,
    bezetting: calculation.bezetting,
    retiring: calculation.retiring,
    shortfall: calculation.shortfall,
    proposedFormasi: calculation.proposedFormasi,
    effectiveMinutesPerYear: calculation.effectiveMinutesPerYear,
    calculatedAt: new Date().toISOString(),
  };
  return createFormasi(db, {
    agencyId: options.agencyId,
    selectionId: options.selectionId,
    actorId: options.actorId,
    data: { ...options.data, count: options.data.count ?? calculation.proposedFormasi },
    abkSource,
  });
}

export type UpdateFormasiOptions = FormasiRef & { actorId: string; data: FormasiBody };

/** Edits a formasi; after publication still allowed, each change recorded with before and after. */
export async function updateFormasi(db: Db, options: UpdateFormasiOptions) {
  const checked = checkRequirements(requirementsOf(options.data));
  if (!checked.ok) refuse(checked.issues);
  const resolved = await resolvePlacement(db, { agencyId: options.agencyId, positionId: options.data.positionId, unitId: options.data.unitId });
  const row = await db.transaction(async (tx) => {
    const selection = await lockSelectionForFormasi(tx, options, { lock: true });
    requireWritable(selection);
    const before = await findFormasi(tx, options, true);
    const columns = formasiColumns({ requirements: checked.value, ...resolved, count: options.data.count });
    await refuseDuplicate(tx, options, columns, before.id);
    const [after] = await tx.update(formasi).set({ ...columns, updatedAt: new Date() }).where(eq(formasi.id, before.id)).returning();
    await recordAudit(tx, {
      agencyId: options.agencyId,
      actorId: options.actorId,
      action: before.status === 'published' ? 'formasi.correct' : 'formasi.update',
      targetType: 'formasi',
      targetId: before.id,
      before: auditView(before),
      after: auditView(after!),
      details: { selectionId: options.selectionId },
    });
    return after!;
  });
  if (row.status === 'published') portalChanged(db);
  return presentFormasi(row);
}

export type DeleteFormasiOptions = FormasiRef & { actorId: string };

/** Only a draft can be deleted: a published formasi has been announced and may have applicants. */
export async function deleteFormasi(db: Db, options: DeleteFormasiOptions) {
  await db.transaction(async (tx) => {
    const selection = await lockSelectionForFormasi(tx, options, { lock: true });
    requireWritable(selection);
    const before = await findFormasi(tx, options, true);
    if (before.status !== 'draft') {
      throw new AppError('CONFLICT', 'Formasi yang sudah diumumkan tidak dapat dihapus; ubah jumlah atau persyaratannya (perubahan tercatat di jejak audit).');
    }
    await tx.delete(formasi).where(eq(formasi.id, before.id));
    await recordAudit(tx, { agencyId: options.agencyId, actorId: options.actorId, action: 'formasi.delete', targetType: 'formasi', targetId: before.id, before: auditView(before), details: { selectionId: options.selectionId } });
  });
}

export { auditView as formasiAuditView, kindLabel as formasiKindLabel };

// ---- For the dashboards -------------------------------------------------------------------------

/** Position, unit and places of the given formations (one query), for report tables. */
export async function formasiLabels(db: Db, { ids }: { ids: string[] }): Promise<Array<{ id: string; selectionId: string; positionName: string; unitName: string; kind: string; count: number }>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: formasi.id, selectionId: formasi.selectionId, positionName: formasi.positionName, unitName: formasi.unitName, kind: formasi.kind, count: formasi.count })
    .from(formasi)
    .where(inArray(formasi.id, ids));
}
