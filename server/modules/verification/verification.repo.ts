import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { QUEUE_COUNT_CAP, type QueueStatus, type QueueAssignment } from '../../../core/schemas/verification.js';
import type { Database, Db } from '../../db/client.js';
import { accountRoles, accounts } from '../accounts/accounts.repo.js';
import { applicationDocuments, applications } from '../applications/applications.table.js';
import { files } from '../files/files.table.js';
import { formasi } from '../formasi/formasi.table.js';
import { selections } from '../selections/selections.table.js';
import { verificationChecks, verificationReasons } from './verification.table.js';

// Verification owns the verification columns of `applications` (assigned_verifier_id, claimed_at,
// decided_at, decided_by and the ms/tms status); it reads the round, the formation and the
// uploaded documents beside them, as the queue must be one indexed query.

const FOUR_EYES = sql`'{"fourEyes": true}'::jsonb`;

/** A TMS still waiting for the second verifier, in a round with the four-eyes rule. */
const awaitingConfirmationSql = sql<boolean>`(${applications.status} = 'submitted'
  and exists (select 1 from ${selections} where ${selections.id} = ${applications.selectionId} and ${selections.settings} @> ${FOUR_EYES})
  and exists (select 1 from ${verificationChecks} where ${verificationChecks.applicationId} = ${applications.id} and ${verificationChecks.result} = 'TMS' and ${verificationChecks.confirmedBy} is null))`;

export type QueueFilter = {
  agencyId: string;
  actorId: string;
  status: QueueStatus;
  assigned: QueueAssignment;
  selectionId?: string | undefined;
  formasiId?: string | undefined;
  verifierId?: string | undefined;
  flagged?: boolean | undefined;
  awaitingConfirmation?: boolean | undefined;
  q?: string | undefined;
};

/** A whole registration number as core/registration formats it ("CPNS2026-KOTAMANNA-0000123"). */
const REGISTRATION_NUMBER = /^[A-Z]{2,6}\d{4}-[A-Z0-9]{1,12}-\d{7,}$/;

/** The words of a name and a registration number, as indexed by applications_search_idx (the same expression). */
const SEARCH_VECTOR = `to_tsvector('simple', coalesce(a.applicant_name, '') || ' ' || coalesce(a.registration_number, ''))`;

/**
 * What a verifier types, as a full-text query of word prefixes: "budi sant" finds Budi Santoso,
 * "0001234" or the whole number finds CPNS2026-KOTAMANNA-0001234. Only letters and digits reach
 * the query; null when none are left.
 */
export function searchQuery(text: string): string | null {
  const words = text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}

export type QueuePageOptions = QueueFilter & { page: number; pageSize: number };

const AWAITING_WHERE = `(a.status = 'submitted'
  AND EXISTS (SELECT 1 FROM selections ws WHERE ws.id = a.selection_id AND ws.settings @> '{"fourEyes": true}'::jsonb)
  AND EXISTS (SELECT 1 FROM verification_checks wc WHERE wc.application_id = a.id AND wc.result = 'TMS' AND wc.confirmed_by IS NULL))`;

/** The status condition is written into the text (a closed set): PostgreSQL then estimates it exactly in a generic plan. */
const STATUS_SQL: Record<QueueStatus, string> = {
  submitted: `a.status = 'submitted'`,
  ms: `a.status = 'ms'`,
  tms: `a.status = 'tms'`,
  decided: `a.status IN ('ms', 'tms')`,
  all: `a.status <> 'draft'`,
};

/** A prepared statement's name from its text, so one name never stands for two texts. */
const statementName = (text: string) => `vq_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

/** Pages of the queue whose statement stays prepared on each connection (deeper pages are planned each time). */
const PREPARED_PAGES = 10;

/** The WHERE clause of the queue over `applications a`, with its parameters numbered from $1. */
function queueWhere(filter: QueueFilter, params: unknown[]): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`a.agency_id = ${p(filter.agencyId)}`, STATUS_SQL[filter.status]];
  if (filter.selectionId) where.push(`a.selection_id = ${p(filter.selectionId)}`);
  if (filter.formasiId) where.push(`a.formasi_id = ${p(filter.formasiId)}`);
  if (filter.assigned === 'me') where.push(`a.assigned_verifier_id = ${p(filter.actorId)}`);
  if (filter.assigned === 'unassigned') where.push('a.assigned_verifier_id IS NULL');
  if (filter.verifierId) where.push(`a.assigned_verifier_id = ${p(filter.verifierId)}`);
  if (filter.flagged !== undefined) where.push(filter.flagged ? `a.flags <> '[]'::jsonb` : `a.flags = '[]'::jsonb`);
  if (filter.awaitingConfirmation) where.push(AWAITING_WHERE);
  const number = filter.q?.trim().toUpperCase();
  if (number && REGISTRATION_NUMBER.test(number)) {
    // A whole registration number: the unique index finds it directly.
    where.push(`a.registration_number = ${p(number)}`);
  } else if (filter.q) {
    const query = searchQuery(filter.q);
    // Nothing to look for (only punctuation): nothing matches, rather than everything.
    where.push(query ? `${SEARCH_VECTOR} @@ to_tsquery('simple', ${p(query)})` : 'false');
  }
  return where.join(' AND ');
}

export type QueueRow = {
  capped_total: number;
  id: string | null;
  registration_number: string | null;
  applicant_name: string | null;
  status: string;
  submitted_at: Date | null;
  selection_id: string;
  selection_name: string;
  formasi_id: string;
  position_name: string;
  unit_name: string;
  flag_count: number;
  assigned_verifier_id: string | null;
  verifier_name: string | null;
  claimed_at: Date | null;
  decided_at: Date | null;
  awaiting: boolean;
};

/**
 * One page of the queue, oldest submission first, by the (agency_id, status, submitted_at) index,
 * and its total counted exactly up to QUEUE_COUNT_CAP (a bounded index scan) — in one statement,
 * prepared once per connection for each filter combination and page, so that after a few
 * executions PostgreSQL runs its generic plan without planning again: over 100,000 applications,
 * query building, planning and a second round trip each cost more than reading the page.
 */
export async function queuePage(database: Database, options: QueuePageOptions) {
  const params: unknown[] = [];
  const where = queueWhere(options, params);
  if (!Number.isInteger(options.page) || !Number.isInteger(options.pageSize) || options.page < 1 || options.pageSize < 1) throw new RangeError('page and pageSize must be positive integers');
  // LIMIT and OFFSET are written into the text too: with them as parameters PostgreSQL re-plans
  // the statement on every execution (it cannot cost a generic plan), and planning this statement
  // costs more than running it. The count follows the index order, so that a generic plan (which
  // cannot know how many applications this agency has) still reads the index and stops at the cap
  // instead of scanning the table for a small agency.
  const limit = String(options.pageSize);
  const offset = String((options.page - 1) * options.pageSize);
  const text = `WITH page AS (
      SELECT a.id, a.registration_number, a.applicant_name, a.status, a.submitted_at, a.selection_id, s.name AS selection_name,
             a.formasi_id, f.position_name, f.unit_name, jsonb_array_length(a.flags) AS flag_count,
             a.assigned_verifier_id, v.name AS verifier_name, a.claimed_at, a.decided_at,
             (a.status = 'submitted' AND s.settings @> '{"fourEyes": true}'::jsonb
              AND EXISTS (SELECT 1 FROM verification_checks c WHERE c.application_id = a.id AND c.result = 'TMS' AND c.confirmed_by IS NULL)) AS awaiting
      FROM applications a
      JOIN formasi f ON f.id = a.formasi_id
      JOIN selections s ON s.id = a.selection_id
      LEFT JOIN accounts v ON v.id = a.assigned_verifier_id
      WHERE ${where}
      ORDER BY a.submitted_at, a.id
      LIMIT ${limit} OFFSET ${offset}
    ),
    capped AS (SELECT count(*)::int AS n FROM (SELECT 1 FROM applications a WHERE ${where} ORDER BY a.submitted_at LIMIT ${QUEUE_COUNT_CAP + 1}) c)
    SELECT capped.n AS capped_total, page.* FROM capped LEFT JOIN page ON true ORDER BY page.submitted_at, page.id`;
  const result =
    options.page <= PREPARED_PAGES ? await database.prepared<QueueRow>(statementName(text), text, params) : await database.query<QueueRow>(text, params);
  const n = Number(result[0]?.capped_total ?? 0);
  return { rows: result.filter((row) => row.id !== null), total: Math.min(n, QUEUE_COUNT_CAP), totalCapped: n > QUEUE_COUNT_CAP };
}

export type ApplicationRef = { agencyId: string; applicationId: string };

/** An application of this agency with its round and formation (row-locked with `lock`), or null. */
export async function loadApplication(db: Db, { agencyId, applicationId, lock = false }: ApplicationRef & { lock?: boolean }) {
  const query = db
    .select({
      application: applications,
      selection: { id: selections.id, name: selections.name, settings: selections.settings, requiredDocuments: selections.requiredDocuments },
      formasi: { id: formasi.id, positionName: formasi.positionName, unitName: formasi.unitName, kind: formasi.kind },
    })
    .from(applications)
    .innerJoin(selections, eq(selections.id, applications.selectionId))
    .innerJoin(formasi, eq(formasi.id, applications.formasiId))
    .where(and(eq(applications.id, applicationId), eq(applications.agencyId, agencyId), ne(applications.status, 'draft')));
  const [row] = lock ? await query.for('update', { of: applications }) : await query;
  if (!row) return null;
  return {
    ...row,
    selection: { ...row.selection, requiredDocuments: row.selection.requiredDocuments as Array<{ key: string; name: string; mandatory: boolean; formats?: string[] }> },
  };
}
export type LoadedApplication = NonNullable<Awaited<ReturnType<typeof loadApplication>>>;

/** The documents uploaded for an application, with their stored file. */
export async function applicationFiles(db: Db, applicationId: string) {
  return db
    .select({ key: applicationDocuments.requirementKey, fileId: applicationDocuments.fileId, sha256: applicationDocuments.sha256, uploadedAt: applicationDocuments.uploadedAt, mime: files.mime, sizeBytes: files.sizeBytes })
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .where(eq(applicationDocuments.applicationId, applicationId));
}

/** The checks of an application with the names of their verifier and confirmer. */
export async function checksWithNames(db: Db, applicationId: string) {
  const verifier = alias(accounts, 'check_verifier');
  const confirmer = alias(accounts, 'check_confirmer');
  return db
    .select({ check: verificationChecks, verifierName: verifier.name, confirmerName: confirmer.name })
    .from(verificationChecks)
    .leftJoin(verifier, eq(verifier.id, verificationChecks.verifierId))
    .leftJoin(confirmer, eq(confirmer.id, verificationChecks.confirmedBy))
    .where(eq(verificationChecks.applicationId, applicationId))
    .orderBy(asc(verificationChecks.requirementKey));
}

export async function checksOf(db: Db, applicationId: string) {
  return db.select().from(verificationChecks).where(eq(verificationChecks.applicationId, applicationId));
}

export async function reasonLabels(db: Db, agencyId: string): Promise<Map<string, string>> {
  const rows = await db.select({ code: verificationReasons.code, label: verificationReasons.label }).from(verificationReasons).where(eq(verificationReasons.agencyId, agencyId));
  return new Map(rows.map((r) => [r.code, r.label]));
}

export async function accountNames(db: Db, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Registration number and status of other applications of this agency (duplicate flags link to them). */
export async function applicationSummaries(db: Db, { agencyId, ids }: { agencyId: string; ids: string[] }) {
  if (!ids.length) return new Map<string, { registrationNumber: string | null; status: string }>();
  const rows = await db
    .select({ id: applications.id, registrationNumber: applications.registrationNumber, status: applications.status })
    .from(applications)
    .where(and(eq(applications.agencyId, agencyId), inArray(applications.id, ids)));
  return new Map(rows.map((r) => [r.id, { registrationNumber: r.registrationNumber, status: r.status }]));
}

/** Whether an account holds the verifier role in this agency. */
export async function isAgencyVerifier(db: Db, { agencyId, accountId }: { agencyId: string; accountId: string }) {
  const [row] = await db
    .select({ accountId: accountRoles.accountId })
    .from(accountRoles)
    .where(and(eq(accountRoles.agencyId, agencyId), eq(accountRoles.accountId, accountId), eq(accountRoles.role, 'verifikator')));
  return Boolean(row);
}

export type ProgressOptions = { agencyId: string; selectionId?: string | undefined };

/** Exact figures per verifier and in total (a few aggregate scans; read by managers, not on every queue page). */
export async function progressFigures(db: Db, { agencyId, selectionId }: ProgressOptions) {
  const scope = and(eq(applications.agencyId, agencyId), selectionId ? eq(applications.selectionId, selectionId) : undefined);
  const [totals] = await db
    .select({
      submitted: sql<number>`count(*) filter (where ${applications.status} <> 'draft')`.mapWith(Number),
      undecided: sql<number>`count(*) filter (where ${applications.status} = 'submitted')`.mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${applications.status} = 'submitted' and ${applications.assignedVerifierId} is null)`.mapWith(Number),
      ms: sql<number>`count(*) filter (where ${applications.status} = 'ms')`.mapWith(Number),
      tms: sql<number>`count(*) filter (where ${applications.status} = 'tms')`.mapWith(Number),
    })
    .from(applications)
    .where(scope);
  const [awaiting] = await db.select({ n: count() }).from(applications).where(and(scope, awaitingConfirmationSql));
  const held = await db
    .select({ id: applications.assignedVerifierId, n: count() })
    .from(applications)
    .where(and(scope, eq(applications.status, 'submitted'), isNotNull(applications.assignedVerifierId)))
    .groupBy(applications.assignedVerifierId);
  const decided = await db
    .select({
      id: applications.decidedBy,
      ms: sql<number>`count(*) filter (where ${applications.status} = 'ms')`.mapWith(Number),
      tms: sql<number>`count(*) filter (where ${applications.status} = 'tms')`.mapWith(Number),
    })
    .from(applications)
    .where(and(scope, inArray(applications.status, ['ms', 'tms']), isNotNull(applications.decidedBy)))
    .groupBy(applications.decidedBy);
  const verifiers = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accountRoles)
    .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
    .where(and(eq(accountRoles.agencyId, agencyId), eq(accountRoles.role, 'verifikator')));
  return { totals: { ...totals!, awaitingConfirmation: awaiting?.n ?? 0 }, held, decided, verifiers };
}

/** Rounds and formations of the agency that have submitted applications (the queue's filter choices). */
export async function queueFilters(db: Db, agencyId: string) {
  const rows = await db
    .select({
      selectionId: selections.id,
      selectionName: selections.name,
      year: selections.year,
      settings: selections.settings,
      formasiId: formasi.id,
      positionName: formasi.positionName,
      unitName: formasi.unitName,
    })
    .from(formasi)
    .innerJoin(selections, eq(selections.id, formasi.selectionId))
    .where(
      and(
        eq(formasi.agencyId, agencyId),
        sql`exists (select 1 from ${applications} where ${applications.selectionId} = ${formasi.selectionId} and ${applications.formasiId} = ${formasi.id} and ${applications.status} <> 'draft')`,
      ),
    )
    .orderBy(sql`${selections.year} desc`, selections.name, formasi.positionName, formasi.unitName);
  return rows;
}
