// Test factories for selection rounds and the formasi the portal shows, inserted straight into the
// tables (as the module's own service would leave them), so a test builds only what it needs.
import { CPNS_PIPELINE, PIPELINE_PRESETS, type SelectionType } from '../../../core/pipeline.js';
import { registrationWindow, type LocalSchedule } from '../../../core/selection-schedule.js';
import { DEFAULT_REQUIRED_DOCUMENTS } from '../../../core/schemas/selections.js';
import { calendarDateInZone, type AgencyZone } from '../../../core/time.js';
import type { Db } from '../../db/client.js';
import { formasi } from '../formasi/formasi.table.js';
import { selections } from './selections.table.js';

const DAY = 24 * 3600 * 1000;

/** The local date `days` from today in the zone ('2026-11-22' style). */
export function dayFromToday(days: number, zone: AgencyZone = 'Asia/Jakarta'): string {
  return calendarDateInZone(new Date(Date.now() + days * DAY), zone);
}

/** A complete schedule in order whose registration opened yesterday and closes in ten days. */
export function openSchedule(zone: AgencyZone = 'Asia/Jakarta'): LocalSchedule {
  return {
    registrationOpens: dayFromToday(-1, zone),
    registrationCloses: dayFromToday(10, zone),
    adminAnnouncement: dayFromToday(14, zone),
    objectionStart: dayFromToday(14, zone),
    objectionEnd: dayFromToday(17, zone),
    testStart: dayFromToday(25, zone),
    testEnd: dayFromToday(27, zone),
    finalAnnouncement: dayFromToday(35, zone),
  };
}

type SelectionInsert = typeof selections.$inferInsert;

export type SelectionFixture = Partial<Omit<SelectionInsert, 'schedule'>> & { schedule?: LocalSchedule; zone?: AgencyZone };

export async function insertSelection(db: Db, agencyId: string, over: SelectionFixture = {}) {
  const { zone = 'Asia/Jakarta', ...values } = over;
  const type = (values.type ?? 'cpns') as SelectionType;
  const schedule = values.schedule ?? openSchedule(zone);
  const window = registrationWindow({ schedule, zone });
  const published = values.status === 'published';
  const [row] = await db
    .insert(selections)
    .values({
      agencyId,
      type,
      year: 2026,
      name: `Seleksi ${type.toUpperCase()} 2026`,
      status: 'draft',
      registrationOpensAt: window.opensAt,
      registrationClosesAt: window.closesAt,
      requiredDocuments: [...DEFAULT_REQUIRED_DOCUMENTS],
      pipeline: [...(PIPELINE_PRESETS[type] ?? CPNS_PIPELINE)],
      publishedAt: published ? new Date() : null,
      ...values,
      schedule,
    })
    .returning();
  return row!;
}

type FormasiInsert = typeof formasi.$inferInsert;

/** A formasi as the formasi module writes it (denormalised names, normalised levels and programmes, search text). */
export async function insertFormasi(db: Db, selection: { id: string; agencyId: string; status?: string }, over: Partial<FormasiInsert> = {}) {
  const positionName = over.positionName ?? 'Pranata Komputer Ahli Pertama';
  const unitName = over.unitName ?? 'Dinas Komunikasi dan Informatika';
  const qualifications = over.qualifications ?? [{ level: 'S1', programmes: ['Teknik Informatika', 'Sistem Informasi'] }];
  const words = [positionName, unitName, ...qualifications.flatMap((q) => q.programmes)].join(' ').toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const status = over.status ?? (selection.status === 'published' ? 'published' : 'draft');
  const [row] = await db
    .insert(formasi)
    .values({
      agencyId: selection.agencyId,
      selectionId: selection.id,
      positionName,
      unitName,
      count: 2,
      qualifications,
      educationLevels: [...new Set(qualifications.map((q) => q.level))],
      programmes: qualifications.flatMap((q) => q.programmes.map((p) => p.toLowerCase().replace(/\s+/g, ''))),
      kind: 'umum',
      status,
      publishedAt: status === 'published' ? new Date() : null,
      searchText: [...new Set(words.filter(Boolean))].join(' '),
      ...over,
    })
    .returning();
  return row!;
}
