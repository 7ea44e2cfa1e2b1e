import { useState } from 'react';
import { OUTREACH_AUDIENCES, OUTREACH_AUDIENCE_LABELS, OUTREACH_KINDS, OUTREACH_KIND_LABELS } from '../../../../core/outreach';
import type { OutreachEvent, OutreachEventInput } from '../../api/outreach';
import type { AgencyTimezone } from '../../api/types';
import { CheckboxGroup, SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { fromLocalInput, toLocalInput } from '../../lib/agencyTime';
import { timezoneAbbreviations } from '../../lib/time';

export const eventLabels: Record<string, string> = {
  title: 'Judul acara',
  kind: 'Jenis acara',
  audiences: 'Kelompok peserta',
  description: 'Deskripsi',
  venue: 'Tempat',
  onlineUrl: 'Tautan daring',
  startsAt: 'Mulai',
  endsAt: 'Selesai',
  registrationClosesAt: 'Pendaftaran ditutup',
  capacity: 'Kapasitas',
};

const kindOptions = OUTREACH_KINDS.map((kind) => ({ value: kind, label: OUTREACH_KIND_LABELS[kind] }));
const audienceOptions = OUTREACH_AUDIENCES.map((audience) => ({ value: audience, label: OUTREACH_AUDIENCE_LABELS[audience] }));

type Props = {
  timezone: AgencyTimezone;
  initial?: OutreachEvent;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: OutreachEventInput) => void;
};

/** Everything about an event; times are entered in the agency's own zone. */
export function EventForm({ timezone, initial, submitLabel, pending, error, onSubmit }: Props) {
  const zone = timezoneAbbreviations[timezone];
  const [title, setTitle] = useState(initial?.title ?? '');
  const [kind, setKind] = useState(initial?.kind ?? 'seminar');
  const [audiences, setAudiences] = useState<string[]>(initial?.audiences ?? ['pelajar', 'mahasiswa', 'umum']);
  const [description, setDescription] = useState(initial?.description ?? '');
  const [venue, setVenue] = useState(initial?.venue ?? '');
  const [onlineUrl, setOnlineUrl] = useState(initial?.onlineUrl ?? '');
  const [startsAt, setStartsAt] = useState(toLocalInput(initial?.startsAt, timezone));
  const [endsAt, setEndsAt] = useState(toLocalInput(initial?.endsAt, timezone));
  const [closesAt, setClosesAt] = useState(toLocalInput(initial?.registrationClosesAt, timezone));
  const [capacity, setCapacity] = useState(initial ? String(initial.capacity) : '100');
  const [local, setLocal] = useState<Record<string, string>>({});
  const problem = (field: string) => local[field] ?? fieldError(error, field);

  return (
    <>
      <FormErrors error={error} labels={eventLabels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const start = fromLocalInput(startsAt, timezone);
          const end = fromLocalInput(endsAt, timezone);
          const problems: Record<string, string> = {};
          if (!start) problems.startsAt = 'Isi tanggal dan jam mulai';
          if (!end) problems.endsAt = 'Isi tanggal dan jam selesai';
          setLocal(problems);
          if (!start || !end) return;
          onSubmit({
            title: title.trim(),
            kind,
            audiences,
            description,
            venue: venue.trim(),
            onlineUrl: onlineUrl.trim() || null,
            startsAt: start,
            endsAt: end,
            registrationClosesAt: fromLocalInput(closesAt, timezone),
            capacity: Number(capacity),
          });
        }}
      >
        <TextField label={eventLabels.title!} name="title" required maxLength={200} value={title} onValueChange={setTitle} error={problem('title')} />
        <SelectField label={eventLabels.kind!} name="kind" value={kind} options={kindOptions} onValueChange={setKind} error={problem('kind')} />
        <CheckboxGroup legend={eventLabels.audiences!} name="audiences" options={audienceOptions} values={audiences} onValuesChange={setAudiences} error={problem('audiences')} />
        <TextAreaField label={eventLabels.description!} name="description" rows={5} maxLength={10000} value={description} onValueChange={setDescription} error={problem('description')} />
        <TextField label={eventLabels.venue!} name="venue" maxLength={300} value={venue} onValueChange={setVenue} hint="Isi tempat, tautan daring, atau keduanya." error={problem('venue')} />
        <TextField label={eventLabels.onlineUrl!} name="onlineUrl" type="url" inputMode="url" maxLength={500} value={onlineUrl} onValueChange={setOnlineUrl} error={problem('onlineUrl')} />
        <TextField label={`${eventLabels.startsAt} (${zone})`} name="startsAt" type="datetime-local" required value={startsAt} onValueChange={setStartsAt} error={problem('startsAt')} />
        <TextField label={`${eventLabels.endsAt} (${zone})`} name="endsAt" type="datetime-local" required value={endsAt} onValueChange={setEndsAt} error={problem('endsAt')} />
        <TextField
          label={`${eventLabels.registrationClosesAt} (${zone})`}
          name="registrationClosesAt"
          type="datetime-local"
          value={closesAt}
          onValueChange={setClosesAt}
          hint="Kosongkan agar pendaftaran ditutup saat acara dimulai."
          error={problem('registrationClosesAt')}
        />
        <TextField label={eventLabels.capacity!} name="capacity" type="number" inputMode="numeric" min={1} required value={capacity} onValueChange={setCapacity} hint="Pendaftar di atas kapasitas masuk daftar tunggu." error={problem('capacity')} />
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Menyimpan…' : submitLabel}
        </button>
      </form>
    </>
  );
}
