/**
 * What the public portal reads: open and upcoming rounds, the formation search, a round's page and
 * a formation's page. Searches and lists are answered from the in-memory index (formasi-index.ts),
 * kept fresh as follows:
 * - a publication or correction in this process (portalChanged) makes the next portal requests wait
 *   for a new index (up to MAX_WAIT_FOR_CHANGE_MS), so a round is on the portal as soon as it is
 *   published;
 * - changes made elsewhere (another server process, formasi edited after publication) are noticed
 *   by a fingerprint query (count and latest change of published formasi and rounds: one scan) at
 *   most every FRESHNESS_CHECK_MS while the portal is used; the index is then rebuilt in the
 *   background and swapped in, the old one answering meanwhile.
 * The round and formation pages read PostgreSQL directly (by primary key), so they are always current.
 */
import { and, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { PipelineStage } from '../../../core/pipeline.js';
import { registrationState, selectionTimeline, type LocalSchedule } from '../../../core/selection-schedule.js';
import type { PublicSelectionDetail, RequiredDocument, SelectionStatus } from '../../../core/schemas/selections.js';
import { isAgencyZone } from '../../../core/time.js';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../errors.js';
import { agencies } from '../agencies/agencies.table.js';
import { formasi } from '../formasi/formasi.table.js';
import { selections } from '../selections/selections.table.js';
import { FormasiSearchIndex, type FormasiIndexQuery, type IndexedAgency, type IndexedFormasi, type IndexedSelection } from './formasi-index.js';

export const FRESHNESS_CHECK_MS = 15_000;
/** How long a request waits for the index to include a publication made by this process. */
export const MAX_WAIT_FOR_CHANGE_MS = 2_000;
const LOAD_BATCH = 10_000;

type PortalState = {
  index: (FormasiSearchIndex & { builtAt: number; seq: number; fingerprint: string }) | null;
  building: Promise<void> | null;
  /** Incremented by portalChanged; an index built before the latest change is not used. */
  changeSeq: number;
  lastCheck: number;
};

// One state per database handle: each app (and each test's app) has its own.
const states = new WeakMap<Db, PortalState>();

function stateOf(db: Db): PortalState {
  let state = states.get(db);
  if (!state) {
    state = { index: null, building: null, changeSeq: 0, lastCheck: 0 };
    states.set(db, state);
  }
  return state;
}

/** Called after a round is published or corrected: the next portal request sees the change. */
export function portalChanged(db: Db): void {
  stateOf(db).changeSeq += 1;
}

/** Changes whenever a published formasi or a non-draft round is added, changed or removed. */
async function fingerprint(db: Db): Promise<string> {
  const [f] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number), at: sql<string | null>`max(${formasi.updatedAt})::text` })
    .from(formasi)
    .where(eq(formasi.status, 'published'));
  const [s] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number), at: sql<string | null>`max(${selections.updatedAt})::text` })
    .from(selections)
    .where(ne(selections.status, 'draft'));
  return `${f?.n}:${f?.at}:${s?.n}:${s?.at}`;
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

async function loadIndex(db: Db, seq: number) {
  const mark = await fingerprint(db);
  const selectionRows = await db
    .select({
      id: selections.id,
      agencyId: selections.agencyId,
      name: selections.name,
      type: selections.type,
      year: selections.year,
      opensAt: selections.registrationOpensAt,
      closesAt: selections.registrationClosesAt,
    })
    .from(selections)
    .where(eq(selections.status, 'published'));
  const agencyIds = [...new Set(selectionRows.map((row) => row.agencyId))];
  const agencyRows: IndexedAgency[] = agencyIds.length
    ? await db
        .select({ id: agencies.id, code: agencies.code, name: agencies.name, region: agencies.region, timezone: agencies.timezone })
        .from(agencies)
        .where(inArray(agencies.id, agencyIds))
    : [];
  const formasiRows: IndexedFormasi[] = [];
  // Names, kinds, levels and qualifications repeat across thousands of formasi: one copy of each.
  const strings = new Map<string, string>();
  const intern = (value: string) => {
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
  const lists = new Map<string, string[]>();
  const list = (joined: string) => {
    let value = lists.get(joined);
    if (!value) lists.set(joined, (value = joined === '' ? [] : joined.split('\u0001')));
    return value;
  };
  let after = '00000000-0000-0000-0000-000000000000';
  // In batches by id (keyset), yielding between them so requests keep being answered. Arrays come
  // as joined text, which is much cheaper to read than PostgreSQL array literals.
  for (;;) {
    const batch = await db
      .select({
        id: formasi.id,
        selectionId: formasi.selectionId,
        agencyId: formasi.agencyId,
        positionName: formasi.positionName,
        unitName: formasi.unitName,
        count: formasi.count,
        kind: formasi.kind,
        levels: sql<string>`array_to_string(${formasi.educationLevels}, chr(1))`,
        // Kept as text and parsed only for the rows a search shows.
        qualificationsJson: sql<string>`${formasi.qualifications}::text`,
        programmeKeys: sql<string>`array_to_string(${formasi.programmes}, chr(1))`,
        searchText: formasi.searchText,
      })
      .from(formasi)
      .innerJoin(selections, and(eq(selections.id, formasi.selectionId), eq(selections.status, 'published')))
      .where(and(eq(formasi.status, 'published'), gt(formasi.id, after)))
      .orderBy(formasi.id)
      .limit(LOAD_BATCH);
    for (const row of batch) {
      formasiRows.push({
        id: row.id,
        selectionId: intern(row.selectionId),
        agencyId: intern(row.agencyId),
        positionName: intern(row.positionName),
        unitName: intern(row.unitName),
        count: row.count,
        kind: intern(row.kind),
        educationLevels: list(row.levels),
        qualificationsJson: intern(row.qualificationsJson),
        programmeKeys: list(row.programmeKeys),
        searchText: row.searchText,
      });
    }
    if (batch.length < LOAD_BATCH) break;
    after = batch[batch.length - 1]!.id;
    await yieldToRequests();
  }
  const index = await FormasiSearchIndex.build({ agencies: agencyRows, selections: selectionRows as IndexedSelection[], formasi: formasiRows }, yieldToRequests);
  return Object.assign(index, { builtAt: Date.now(), seq, fingerprint: mark });
}

function startBuild(db: Db, state: PortalState): Promise<void> {
  state.building ??= loadIndex(db, state.changeSeq)
    .then((index) => {
      if (!state.index || index.seq >= state.index.seq) state.index = index;
    })
    .finally(() => {
      state.building = null;
    });
  return state.building;
}

async function checkFreshness(db: Db, state: PortalState) {
  const current = state.index;
  if (!current || state.building) return;
  if ((await fingerprint(db)) !== current.fingerprint) await startBuild(db, state);
}

/** Resolves once the index includes every change announced up to `seq`. */
async function freshUntil(db: Db, state: PortalState, seq: number) {
  while (!state.index || state.index.seq < seq) await (state.building ?? startBuild(db, state));
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/** The index to answer from (see the file comment for when it is rebuilt). */
export async function portalIndex(db: Db): Promise<FormasiSearchIndex> {
  const state = stateOf(db);
  const fresh = freshUntil(db, state, state.changeSeq);
  if (!state.index) await fresh;
  else if (state.index.seq < state.changeSeq) {
    // After a publication the portal waits for the new index, up to a limit: small indexes are
    // rebuilt in milliseconds; a national one takes seconds, during which the previous one answers.
    await Promise.race([fresh, delay(MAX_WAIT_FOR_CHANGE_MS)]).catch(() => {
      // A failed rebuild is retried by the next request; the current index keeps answering.
    });
  } else {
    fresh.catch(() => undefined);
  }
  const now = Date.now();
  if (now - state.lastCheck > FRESHNESS_CHECK_MS) {
    state.lastCheck = now;
    void checkFreshness(db, state).catch(() => {
      // A failed check is retried at the next interval; the current index keeps answering.
    });
  }
  // Always set by now (the first build is awaited above); checked for the type system.
  if (!state.index) throw new AppError('SERVICE_UNAVAILABLE', 'Portal sedang dimuat. Coba lagi sebentar.');
  return state.index;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

function presentOpenSelection(entry: ReturnType<FormasiSearchIndex['openSelections']>[number], now: Date) {
  const { selection, agency, counts } = entry;
  return {
    id: selection.id,
    name: selection.name,
    type: selection.type,
    year: selection.year,
    status: 'published' as const,
    agency,
    registrationOpensAt: iso(selection.opensAt),
    registrationClosesAt: iso(selection.closesAt),
    registrationState: registrationState({ opensAt: selection.opensAt, closesAt: selection.closesAt, now }),
    counts,
  };
}

export type PublicSelectionsOptions = { page: number; pageSize: number; type?: string | undefined; year?: number | undefined; agencyId?: string | undefined };

export async function listOpenSelections(db: Db, options: PublicSelectionsOptions) {
  const now = new Date();
  const all = (await portalIndex(db)).openSelections({ now, type: options.type, year: options.year, agencyId: options.agencyId });
  const start = (options.page - 1) * options.pageSize;
  return { items: all.slice(start, start + options.pageSize).map((entry) => presentOpenSelection(entry, now)), total: all.length, now };
}

/** A page of the formation search with its exact total (items as the API presents them). */
export async function searchFormasi(db: Db, query: Omit<FormasiIndexQuery, 'now'>) {
  return (await portalIndex(db)).search({ ...query, now: new Date() });
}

/** A round as the public reads it; drafts do not exist for the public (404). */
async function publicSelectionDetail(db: Db, selectionId: string, now: Date): Promise<PublicSelectionDetail> {
  const [row] = await db
    .select({ selection: selections, agency: { id: agencies.id, code: agencies.code, name: agencies.name, region: agencies.region, timezone: agencies.timezone } })
    .from(selections)
    .innerJoin(agencies, eq(agencies.id, selections.agencyId))
    .where(and(eq(selections.id, selectionId), ne(selections.status, 'draft')));
  if (!row) throw notFound('Seleksi');
  const { selection, agency } = row;
  const [counts] = await db
    .select({ formasi: sql<number>`count(*)`.mapWith(Number), places: sql<number>`coalesce(sum(${formasi.count}), 0)`.mapWith(Number) })
    .from(formasi)
    .where(and(eq(formasi.selectionId, selection.id), eq(formasi.status, 'published')));
  const zone = isAgencyZone(agency.timezone) ? agency.timezone : 'Asia/Jakarta';
  const schedule = selection.schedule as LocalSchedule;
  return {
    id: selection.id,
    name: selection.name,
    type: selection.type as PublicSelectionDetail['type'],
    year: selection.year,
    status: selection.status as SelectionStatus,
    agency,
    description: selection.description,
    schedule,
    timeline: selectionTimeline({ schedule, zone }).map((entry) => ({ ...entry, startsAt: entry.startsAt.toISOString(), endsAt: entry.endsAt.toISOString() })),
    registrationOpensAt: iso(selection.registrationOpensAt),
    registrationClosesAt: iso(selection.registrationClosesAt),
    registrationState: registrationState({ opensAt: selection.registrationOpensAt, closesAt: selection.registrationClosesAt, now }),
    pipeline: selection.pipeline as PipelineStage[] as PublicSelectionDetail['pipeline'],
    requiredDocuments: selection.requiredDocuments as RequiredDocument[],
    version: selection.version,
    publishedAt: iso(selection.publishedAt),
    counts: { formasi: counts?.formasi ?? 0, places: counts?.places ?? 0 },
  };
}

export async function getPublicSelection(db: Db, selectionId: string) {
  const now = new Date();
  return { selection: await publicSelectionDetail(db, selectionId, now), now: now.toISOString() };
}

export async function getPublicFormasi(db: Db, formasiId: string) {
  const [row] = await db
    .select()
    .from(formasi)
    .where(and(eq(formasi.id, formasiId), eq(formasi.status, 'published')));
  if (!row) throw notFound('Formasi');
  const now = new Date();
  const selection = await publicSelectionDetail(db, row.selectionId, now).catch(() => {
    throw notFound('Formasi');
  });
  return {
    formasi: {
      id: row.id,
      positionName: row.positionName,
      unitName: row.unitName,
      count: row.count,
      kind: row.kind,
      qualifications: row.qualifications,
      minAge: row.minAge,
      maxAge: row.maxAge,
      extraRequirements: row.extraRequirements,
      publishedAt: iso(row.publishedAt),
    },
    selection,
    now: now.toISOString(),
  };
}
