import { useId } from 'react';
import {
  SCHEDULE_LABELS,
  registrationWindow,
  validateLocalSchedule,
  type LocalSchedule,
  type ScheduleField,
} from '../../../../core/selection-schedule';
import type { AgencyTimezone } from '../../api/types';
import { formatDateTime } from '../../lib/time';

/** The periods of a round as an administrator plans them. */
const GROUPS: ReadonlyArray<{ title: string; fields: readonly ScheduleField[] }> = [
  { title: 'Pendaftaran', fields: ['registrationOpens', 'registrationCloses'] },
  { title: 'Pengumuman hasil seleksi administrasi', fields: ['adminAnnouncement'] },
  { title: 'Masa sanggah', fields: ['objectionStart', 'objectionEnd'] },
  { title: 'Pelaksanaan ujian', fields: ['testStart', 'testEnd'] },
  { title: 'Pengumuman hasil akhir', fields: ['finalAnnouncement'] },
];

type ScheduleEditorProps = {
  value: LocalSchedule;
  onChange: (value: LocalSchedule) => void;
  zone: AgencyTimezone;
  /** Publication and corrections need the registration dates and both ends of each period. */
  complete: boolean;
  /** The server's problems from the last save, by field ('registrationCloses'…). */
  serverError: (field: ScheduleField) => string | undefined;
};

/** Problems of a schedule as the server will judge them (core/selection-schedule), by field. */
export function scheduleProblems(schedule: LocalSchedule, zone: AgencyTimezone, complete: boolean): Partial<Record<ScheduleField, string>> {
  const problems: Partial<Record<ScheduleField, string>> = {};
  for (const issue of validateLocalSchedule({ schedule, zone, complete }).errors) problems[issue.field as ScheduleField] ??= issue.message;
  return problems;
}

function DateInput({ field, value, error, onChange }: { field: ScheduleField; value: string; error?: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{SCHEDULE_LABELS[field]}</label>
      <input
        id={id}
        type="date"
        name={field}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The round's dates (local to the agency), checked in order as they are typed. */
export function ScheduleEditor({ value, onChange, zone, complete, serverError }: ScheduleEditorProps) {
  const problems = scheduleProblems(value, zone, complete);
  const window = registrationWindow({ schedule: value, zone });
  const set = (field: ScheduleField, date: string) => {
    const next = { ...value };
    if (date) next[field] = date;
    else delete next[field];
    onChange(next);
  };
  return (
    <div className="schedule-editor">
      <p className="hint">
        Tanggal mengikuti zona waktu instansi. Hari terakhir suatu tahap (penutupan pendaftaran, akhir masa sanggah, akhir ujian) berlaku sampai pukul
        23.59; tahap berikutnya paling cepat dimulai keesokan harinya.
      </p>
      <div className="schedule-groups">
        {GROUPS.map((group) => (
          <fieldset key={group.title} className="schedule-group">
            <legend>{group.title}</legend>
            {group.fields.map((field) => (
              <DateInput key={field} field={field} value={value[field] ?? ''} error={problems[field] ?? serverError(field)} onChange={(date) => set(field, date)} />
            ))}
          </fieldset>
        ))}
      </div>
      <p className="schedule-window" aria-live="polite">
        {window.opensAt && window.closesAt
          ? `Pendaftaran dibuka ${formatDateTime(window.opensAt.toISOString(), zone)} dan ditutup ${formatDateTime(window.closesAt.toISOString(), zone)}.`
          : 'Isi tanggal pembukaan dan penutupan pendaftaran untuk melihat batas waktunya.'}
      </p>
    </div>
  );
}
