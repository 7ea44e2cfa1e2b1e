/**
 * A selection round's schedule as an agency enters it: local calendar dates in the agency's zone.
 * The instants the server enforces are derived here, once: a day that opens a period starts at
 * 00:00 local time, a day that ends one (registration closing, end of the objection window, last
 * test day) lasts until 23:59:59.999 local time. So registration that "closes on 20 August" in
 * Jayapura closes at 20 August 23:59:59.999 WIT, and the next step may be dated the day after at
 * the earliest. Order is checked by core/pipeline validateSchedule on those instants.
 */
import { parseCalendarDate, type IsoDate } from './calendar-date.js';
import type { FieldIssue } from './field-issue.js';
import { validateSchedule, type PipelineValidation, type SelectionSchedule } from './pipeline.js';
import { endOfDayInZone, startOfDayInZone, type AgencyZone } from './time.js';

export const SCHEDULE_FIELDS = [
  'registrationOpens',
  'registrationCloses',
  'adminAnnouncement',
  'objectionStart',
  'objectionEnd',
  'testStart',
  'testEnd',
  'finalAnnouncement',
] as const satisfies ReadonlyArray<keyof SelectionSchedule>;

export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];

/** Local dates ('YYYY-MM-DD') in the agency's zone; a field left out is not scheduled yet. */
export type LocalSchedule = Partial<Record<ScheduleField, IsoDate>>;

export const SCHEDULE_LABELS: Readonly<Record<ScheduleField, string>> = {
  registrationOpens: 'Pembukaan pendaftaran',
  registrationCloses: 'Penutupan pendaftaran',
  adminAnnouncement: 'Pengumuman hasil seleksi administrasi',
  objectionStart: 'Awal masa sanggah',
  objectionEnd: 'Akhir masa sanggah',
  testStart: 'Awal pelaksanaan ujian',
  testEnd: 'Akhir pelaksanaan ujian',
  finalAnnouncement: 'Pengumuman hasil akhir',
};

/** Fields that end a period: their day lasts to its last millisecond. */
const PERIOD_ENDS: ReadonlySet<ScheduleField> = new Set(['registrationCloses', 'objectionEnd', 'testEnd']);

export const REQUIRED_SCHEDULE_FIELDS: readonly ScheduleField[] = ['registrationOpens', 'registrationCloses'];

export function isPeriodEnd(field: ScheduleField): boolean {
  return PERIOD_ENDS.has(field);
}

export type ScheduleInstantOptions = { field: ScheduleField; date: IsoDate; zone: AgencyZone };

/** The instant a scheduled local date stands for (see the file comment). */
export function scheduleInstant({ field, date, zone }: ScheduleInstantOptions): Date {
  return isPeriodEnd(field) ? endOfDayInZone(date, zone) : startOfDayInZone(date, zone);
}

export type LocalScheduleOptions = { schedule: LocalSchedule; zone: AgencyZone };

/** Only the fields that hold a real calendar date, in schedule order. */
function presentDates(schedule: LocalSchedule): Array<[ScheduleField, IsoDate]> {
  return SCHEDULE_FIELDS.flatMap((field) => {
    const date = schedule[field];
    return typeof date === 'string' && parseCalendarDate(date) ? [[field, date] as [ScheduleField, IsoDate]] : [];
  });
}

/** The schedule as instants, for validateSchedule and for enforcement. Absent fields stay absent. */
export function toScheduleInstants({ schedule, zone }: LocalScheduleOptions): Partial<SelectionSchedule> {
  return Object.fromEntries(presentDates(schedule).map(([field, date]) => [field, scheduleInstant({ field, date, zone })]));
}

/** The instants registration opens and closes, or null while a date is missing. */
export function registrationWindow({ schedule, zone }: LocalScheduleOptions): { opensAt: Date | null; closesAt: Date | null } {
  const instants = toScheduleInstants({ schedule, zone });
  return { opensAt: (instants.registrationOpens as Date | undefined) ?? null, closesAt: (instants.registrationCloses as Date | undefined) ?? null };
}

export type ValidateLocalScheduleOptions = LocalScheduleOptions & {
  /**
   * A draft may leave dates out (saved while still being planned); a round about to be published,
   * or corrected after publication, must have its registration dates and both ends of each period.
   * Dates that are present must be in order either way.
   */
  complete: boolean;
};

const INCOMPLETE_CODES = new Set(['SCHEDULE_FIELD_REQUIRED', 'SCHEDULE_PAIR_INCOMPLETE']);

export function validateLocalSchedule({ schedule, zone, complete }: ValidateLocalScheduleOptions): PipelineValidation {
  const unreadable: FieldIssue[] = SCHEDULE_FIELDS.flatMap((field) => {
    const date = schedule[field];
    if (date === undefined || date === null || date === '') return [];
    return typeof date === 'string' && parseCalendarDate(date)
      ? []
      : [{ field, code: 'SCHEDULE_DATE_INVALID', message: `${SCHEDULE_LABELS[field]} bukan tanggal yang valid (format YYYY-MM-DD).` }];
  });
  const ordered = validateSchedule(toScheduleInstants({ schedule, zone }) as SelectionSchedule).errors;
  const errors = [...unreadable, ...(complete ? ordered : ordered.filter((issue) => !INCOMPLETE_CODES.has(issue.code)))];
  return { valid: errors.length === 0, errors };
}

// ---------------------------------------------------------------------------------------------
// Timeline shown to the public

export type TimelineKey = 'pendaftaran' | 'pengumuman_administrasi' | 'sanggah' | 'ujian' | 'pengumuman_akhir';

export type TimelineEntry = {
  key: TimelineKey;
  label: string;
  startDate: IsoDate;
  endDate: IsoDate;
  startsAt: Date;
  endsAt: Date;
};

const TIMELINE: ReadonlyArray<{ key: TimelineKey; label: string; from: ScheduleField; to: ScheduleField }> = [
  { key: 'pendaftaran', label: 'Pendaftaran', from: 'registrationOpens', to: 'registrationCloses' },
  { key: 'pengumuman_administrasi', label: 'Pengumuman hasil seleksi administrasi', from: 'adminAnnouncement', to: 'adminAnnouncement' },
  { key: 'sanggah', label: 'Masa sanggah', from: 'objectionStart', to: 'objectionEnd' },
  { key: 'ujian', label: 'Pelaksanaan ujian', from: 'testStart', to: 'testEnd' },
  { key: 'pengumuman_akhir', label: 'Pengumuman hasil akhir', from: 'finalAnnouncement', to: 'finalAnnouncement' },
];

/**
 * The round's periods in order, each from the start of its first day to the end of its last
 * (a one-day announcement lasts that whole local day); periods whose dates are not set are left out.
 */
export function selectionTimeline({ schedule, zone }: LocalScheduleOptions): TimelineEntry[] {
  const dates = new Map(presentDates(schedule));
  return TIMELINE.flatMap((period) => {
    const startDate = dates.get(period.from);
    const endDate = dates.get(period.to);
    if (!startDate || !endDate) return [];
    return [{ key: period.key, label: period.label, startDate, endDate, startsAt: startOfDayInZone(startDate, zone), endsAt: endOfDayInZone(endDate, zone) }];
  });
}

export type RegistrationState = 'unscheduled' | 'upcoming' | 'open' | 'closed';

export type RegistrationStateOptions = { opensAt: Date | null; closesAt: Date | null; now: Date };

/** Where registration stands at `now`: open from the opening instant to the closing one, both included. */
export function registrationState({ opensAt, closesAt, now }: RegistrationStateOptions): RegistrationState {
  if (!opensAt || !closesAt) return 'unscheduled';
  if (now.getTime() < opensAt.getTime()) return 'upcoming';
  return now.getTime() <= closesAt.getTime() ? 'open' : 'closed';
}
