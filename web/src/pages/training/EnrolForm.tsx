import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { employeeKeys } from '../../api/employees';
import { trainingApi, trainingKeys, type Enrolment } from '../../api/training';
import { SelectField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { formatDate } from '../../lib/time';

type EnrolFormProps = {
  agencyId: string;
  /** Assign this employee (administrator, or their supervisor); without it the signed-in employee asks for themselves. */
  employeeId?: string;
  onDone: (enrolment: Enrolment) => void;
  onCancel: () => void;
};

/** Choose a programme, optionally one of its open classes, and say why. */
export function EnrolForm({ agencyId, employeeId, onDone, onCancel }: EnrolFormProps) {
  const queryClient = useQueryClient();
  const [programmeId, setProgrammeId] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [reason, setReason] = useState('');
  const programmes = useQuery({
    queryKey: trainingKeys.programmes(agencyId, { active: 'true', audience: 'employee', pageSize: 100 }),
    queryFn: () => trainingApi.programmes(agencyId, { active: 'true', audience: 'employee', pageSize: 100 }),
  });
  const sessions = useQuery({
    queryKey: trainingKeys.sessions(agencyId, { programmeId, status: 'open', pageSize: 100 }),
    queryFn: () => trainingApi.sessions(agencyId, { programmeId, status: 'open', pageSize: 100 }),
    enabled: Boolean(programmeId),
  });
  const save = useMutation({
    mutationFn: () =>
      employeeId
        ? trainingApi.enrol(agencyId, { programmeId, sessionId: sessionId || null, employeeId, reason: reason.trim() })
        : trainingApi.request(agencyId, { programmeId, sessionId: sessionId || null, reason: reason.trim() }),
    onSuccess: ({ enrolment }) => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all(agencyId) });
      void queryClient.invalidateQueries({ queryKey: trainingKeys.mine });
      void queryClient.invalidateQueries({ queryKey: employeeKeys.all(agencyId) });
      onDone(enrolment);
    },
  });
  const programmeOptions = (programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} — ${p.competencies.join(', ')}` }));
  const sessionOptions = (sessions.data?.items ?? []).map((s) => ({
    value: s.id,
    label: `${s.name} (${s.startsAt ? formatDate(s.startsAt) : 'jadwal belum ada'}; ${s.seated}/${s.capacity} peserta)`,
  }));
  return (
    <>
      <FormErrors error={save.error} labels={{ programmeId: 'Program', sessionId: 'Kelas', reason: 'Alasan', employeeId: 'Pegawai' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <SelectField
          label="Program pelatihan"
          name="programmeId"
          required
          value={programmeId}
          options={[{ value: '', label: programmes.isPending ? 'Memuat program…' : '— Pilih program —' }, ...programmeOptions]}
          onValueChange={(value) => {
            setProgrammeId(value);
            setSessionId('');
          }}
          error={fieldError(save.error, 'programmeId')}
        />
        <SelectField
          label="Kelas"
          name="sessionId"
          value={sessionId}
          options={[{ value: '', label: programmeId ? 'Belum memilih kelas (menunggu jadwal)' : 'Pilih program dahulu' }, ...sessionOptions]}
          onValueChange={setSessionId}
          error={fieldError(save.error, 'sessionId')}
        />
        <TextAreaField
          label={employeeId ? 'Alasan penugasan' : 'Mengapa Anda memerlukan pelatihan ini?'}
          name="reason"
          rows={3}
          required={!employeeId}
          value={reason}
          onValueChange={setReason}
          error={fieldError(save.error, 'reason')}
          hint={employeeId ? undefined : 'Permintaan dikirim ke atasan langsung Anda untuk disetujui.'}
        />
        <FormActions pending={save.isPending} label={employeeId ? 'Tugaskan' : 'Kirim permintaan'} pendingLabel="Mengirim…" onCancel={onCancel} disabled={!programmeId} />
      </form>
    </>
  );
}
