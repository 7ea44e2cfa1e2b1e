import { and, count, desc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { accounts } from '../accounts/accounts.repo.js';
import { agencies } from '../agencies/agencies.table.js';
import { applications } from '../applications/applications.table.js';
import { formasi } from '../formasi/formasi.table.js';
import { selections } from '../selections/selections.table.js';
import { sanggah, stageResults } from './sanggah.table.js';

export type SanggahRow = typeof sanggah.$inferSelect;

/** A round of this agency with what publishing its result needs (name, schedule, settings, agency zone). */
export async function loadSelection(db: Db, { agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  const [row] = await db
    .select({
      id: selections.id,
      name: selections.name,
      type: selections.type,
      year: selections.year,
      status: selections.status,
      settings: selections.settings,
      requiredDocuments: selections.requiredDocuments,
      registrationClosesAt: selections.registrationClosesAt,
      agencyName: agencies.name,
      timezone: agencies.timezone,
    })
    .from(selections)
    .innerJoin(agencies, eq(agencies.id, selections.agencyId))
    .where(and(eq(selections.id, selectionId), eq(selections.agencyId, agencyId)));
  if (!row) return null;
  return { ...row, requiredDocuments: row.requiredDocuments as Array<{ key: string; name: string }> };
}
export type ResultSelection = NonNullable<Awaited<ReturnType<typeof loadSelection>>>;

/** Rounds of the agency that have submitted applications, newest first. */
export async function selectionsWithApplications(db: Db, agencyId: string) {
  return db
    .selectDistinct({ id: selections.id, createdAt: selections.createdAt })
    .from(selections)
    .innerJoin(applications, and(eq(applications.selectionId, selections.id), ne(applications.status, 'draft')))
    .where(eq(selections.agencyId, agencyId))
    .orderBy(desc(selections.createdAt));
}

export async function stageResultsOf(db: Db, selectionId: string) {
  return db.select().from(stageResults).where(eq(stageResults.selectionId, selectionId));
}

/** Objections to one published result, counted by status. */
export async function objectionCounts(db: Db, stageResultId: string) {
  const rows = await db.select({ status: sanggah.status, n: count() }).from(sanggah).where(eq(sanggah.stageResultId, stageResultId)).groupBy(sanggah.status);
  const by = new Map(rows.map((r) => [r.status, r.n]));
  return { diajukan: by.get('diajukan') ?? 0, diterima: by.get('diterima') ?? 0, ditolak: by.get('ditolak') ?? 0 };
}

export type SanggahListOptions = {
  agencyId: string;
  status?: string | undefined;
  selectionId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
  sanggahId?: string | undefined;
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Objections of the agency with their application, round and who answered, oldest unanswered first. */
export async function listSanggahRows(db: Db, options: SanggahListOptions) {
  const search = options.q ? `%${escapeLike(options.q)}%` : null;
  const where = and(
    eq(sanggah.agencyId, options.agencyId),
    options.sanggahId ? eq(sanggah.id, options.sanggahId) : undefined,
    options.status ? eq(sanggah.status, options.status) : undefined,
    options.selectionId ? eq(applications.selectionId, options.selectionId) : undefined,
    search ? or(ilike(applications.applicantName, search), ilike(applications.registrationNumber, search)) : undefined,
  );
  const answerer = alias(accounts, 'answerer');
  const [total] = await db.select({ n: count() }).from(sanggah).innerJoin(applications, eq(applications.id, sanggah.applicationId)).where(where);
  const rows = await db
    .select({
      sanggah,
      registrationNumber: applications.registrationNumber,
      applicantName: applications.applicantName,
      applicationStatus: applications.status,
      selectionId: selections.id,
      selectionName: selections.name,
      requiredDocuments: selections.requiredDocuments,
      positionName: formasi.positionName,
      unitName: formasi.unitName,
      answeredByName: answerer.name,
      objectionClosesAt: stageResults.objectionClosesAt,
    })
    .from(sanggah)
    .innerJoin(applications, eq(applications.id, sanggah.applicationId))
    .innerJoin(selections, eq(selections.id, applications.selectionId))
    .innerJoin(formasi, eq(formasi.id, applications.formasiId))
    .innerJoin(stageResults, eq(stageResults.id, sanggah.stageResultId))
    .leftJoin(answerer, eq(answerer.id, sanggah.answeredBy))
    .where(where)
    .orderBy(sql`case when ${sanggah.status} = 'diajukan' then 0 else 1 end`, sanggah.createdAt, sanggah.id)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { rows, total: total?.n ?? 0 };
}
export type SanggahListRow = Awaited<ReturnType<typeof listSanggahRows>>['rows'][number];

export async function findSanggah(db: Db, { applicationId, stageResultId }: { applicationId: string; stageResultId: string }) {
  const [row] = await db.select().from(sanggah).where(and(eq(sanggah.applicationId, applicationId), eq(sanggah.stageResultId, stageResultId)));
  return row ?? null;
}

/** Objections to one published result (for the post-objection notifications). */
export async function sanggahOfStage(db: Db, stageResultId: string) {
  return db.select().from(sanggah).where(eq(sanggah.stageResultId, stageResultId));
}

export async function lockSanggah(db: Db, { agencyId, sanggahId }: { agencyId: string; sanggahId: string }) {
  const [row] = await db
    .select()
    .from(sanggah)
    .where(and(eq(sanggah.id, sanggahId), eq(sanggah.agencyId, agencyId)))
    .for('update');
  return row ?? null;
}
