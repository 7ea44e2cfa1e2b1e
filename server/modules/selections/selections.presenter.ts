import type { PipelineStage } from '../../../core/pipeline.js';
import { registrationState, type LocalSchedule } from '../../../core/selection-schedule.js';
import type { RequiredDocument, Selection, SelectionStatus } from '../../../core/schemas/selections.js';
import type { selections } from './selections.table.js';

export type SelectionRow = typeof selections.$inferSelect;
export type SelectionCounts = { formasi: number; places: number };

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The fields a round's audit records compare (before/after), without timestamps. */
export function auditedFields(row: SelectionRow) {
  return {
    type: row.type,
    year: row.year,
    name: row.name,
    description: row.description,
    status: row.status,
    schedule: row.schedule,
    registrationOpensAt: iso(row.registrationOpensAt),
    registrationClosesAt: iso(row.registrationClosesAt),
    requiredDocuments: row.requiredDocuments,
    pipeline: row.pipeline,
    version: row.version,
  };
}

export function presentSelection(row: SelectionRow, counts: SelectionCounts, now = new Date()): Selection {
  return {
    id: row.id,
    agencyId: row.agencyId,
    type: row.type as Selection['type'],
    year: row.year,
    name: row.name,
    description: row.description,
    status: row.status as SelectionStatus,
    schedule: row.schedule as LocalSchedule,
    registrationOpensAt: iso(row.registrationOpensAt),
    registrationClosesAt: iso(row.registrationClosesAt),
    registrationState: registrationState({ opensAt: row.registrationOpensAt, closesAt: row.registrationClosesAt, now }),
    requiredDocuments: row.requiredDocuments as RequiredDocument[],
    pipeline: row.pipeline as Selection['pipeline'],
    version: row.version,
    publishedAt: iso(row.publishedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    counts,
  };
}

export const pipelineOf = (row: SelectionRow) => row.pipeline as PipelineStage[];
