import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { trainingApi, trainingKeys, type TrainingSession } from '../../api/training';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';

const labels = { programmeId: 'Program', name: 'Nama kelas', trainerAccountId: 'Pelatih', venue: 'Tempat', onlineUrl: 'Tautan daring', capacity: 'Kapasitas' };

type SessionFormProps = { agencyId: string; programmeId?: string; session?: TrainingSession; onDone: (session: TrainingSession) => void; onCancel: () => void };

/** Opens a class of a programme (or changes one): trainer, place or online link, capacity. */
export function SessionForm({ agencyId, programmeId: fixedProgramme, session, onDone, onCancel }: SessionFormProps) {
  const queryClient = useQueryClient();
  const [programmeId, setProgrammeId] = useState(fixedProgramme ?? session?.programmeId ?? '');
  const [name, setName] = useState(session?.name ?? '');
  const [trainer, setTrainer] = useState(session?.trainer?.accountId ?? '');
  const [venue, setVenue] = useState(session?.venue ?? '');
  const [onlineUrl, setOnlineUrl] = useState(session?.onlineUrl ?? '');
  const [capacity, setCapacity] = useState(String(session?.capacity ?? '30'));
  const programmes = useQuery({
    queryKey: trainingKeys.programmes(agencyId, { active: 'true', pageSize: 100 }),
    queryFn: () => trainingApi.programmes(agencyId, { active: 'true', pageSize: 100 }),
    enabled: !fixedProgramme && !session,
  });
  const trainers = useQuery({ queryKey: trainingKeys.trainers(agencyId), queryFn: () => trainingApi.trainers(agencyId) });
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), trainerAccountId: trainer || null, venue: venue.trim(), onlineUrl: onlineUrl.trim(), capacity: Number(capacity) };
      return session ? trainingApi.updateSession(agencyId, session.id, body) : trainingApi.createSession(agencyId, { ...body, programmeId });
    },
    onSuccess: ({ session: saved }) => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all(agencyId) });
      onDone(saved);
    },
  });
  return (
    <>
      <FormErrors error={save.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        {!fixedProgramme && !session ? (
          <SelectField
            label={labels.programmeId}
            name="programmeId"
            required
            value={programmeId}
            options={[{ value: '', label: programmes.isPending ? 'Memuat program…' : '— Pilih program —' }, ...(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
            onValueChange={setProgrammeId}
            error={fieldError(save.error, 'programmeId')}
          />
        ) : null}
        <TextField label={labels.name} name="name" required autoComplete="off" value={name} onValueChange={setName} error={fieldError(save.error, 'name')} hint="Mis. Angkatan I 2026." />
        <SelectField
          label={labels.trainerAccountId}
          name="trainerAccountId"
          value={trainer}
          options={[{ value: '', label: trainers.data?.items.length ? '— Belum ditentukan —' : 'Belum ada staf berperan Pelatih' }, ...(trainers.data?.items ?? []).map((t) => ({ value: t.accountId, label: `${t.name} (${t.email})` }))]}
          onValueChange={setTrainer}
          error={fieldError(save.error, 'trainerAccountId')}
        />
        <TextField label={labels.venue} name="venue" autoComplete="off" value={venue} onValueChange={setVenue} error={fieldError(save.error, 'venue')} hint="Isi tempat, tautan daring, atau keduanya." />
        <TextField label={labels.onlineUrl} name="onlineUrl" type="url" autoComplete="off" value={onlineUrl} onValueChange={setOnlineUrl} error={fieldError(save.error, 'onlineUrl')} />
        <TextField label={labels.capacity} name="capacity" inputMode="numeric" required value={capacity} onValueChange={setCapacity} error={fieldError(save.error, 'capacity')} />
        <FormActions pending={save.isPending} label={session ? 'Simpan kelas' : 'Buka kelas'} onCancel={onCancel} />
      </form>
    </>
  );
}
