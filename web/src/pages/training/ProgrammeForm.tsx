import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { trainingApi, trainingKeys, type Programme } from '../../api/training';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { PROGRAMME_AUDIENCE_LABELS, TRAINING_COMPETENCIES } from './access';

const labels = {
  code: 'Kode',
  name: 'Nama program',
  description: 'Uraian',
  audience: 'Sasaran',
  competencies: 'Kompetensi yang dibangun',
  hours: 'Jam pelajaran',
  minAttendancePercent: 'Syarat kehadiran (%)',
  minPostTest: 'Syarat nilai post-test',
};

/** Numbers typed with a comma or a point ("72,5"). */
const parseNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

type ProgrammeFormProps = { agencyId: string; programme?: Programme; onDone: (programme: Programme) => void; onCancel: () => void };

export function ProgrammeForm({ agencyId, programme, onDone, onCancel }: ProgrammeFormProps) {
  const id = useId();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(programme?.code ?? '');
  const [name, setName] = useState(programme?.name ?? '');
  const [description, setDescription] = useState(programme?.description ?? '');
  const [audience, setAudience] = useState<string>(programme?.audience ?? 'employee');
  const [competencies, setCompetencies] = useState(programme?.competencies.join(', ') ?? '');
  const [hours, setHours] = useState(String(programme?.hours ?? ''));
  const [attendance, setAttendance] = useState(String(programme?.minAttendancePercent ?? '80'));
  const [postTest, setPostTest] = useState(programme?.minPostTest === null || programme?.minPostTest === undefined ? (programme ? '' : '70') : String(programme.minPostTest));
  const [isBasic, setIsBasic] = useState(programme?.isBasic ?? false);
  const [active, setActive] = useState(programme?.active ?? true);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        code: code.trim(),
        name: name.trim(),
        description: description.trim(),
        audience: audience as Programme['audience'],
        competencies: competencies.split(',').map((c) => c.trim()).filter(Boolean),
        hours: parseNumber(hours),
        minAttendancePercent: parseNumber(attendance),
        minPostTest: postTest.trim() === '' ? null : parseNumber(postTest),
        isBasic,
        active,
      };
      return programme ? trainingApi.updateProgramme(agencyId, programme.id, body) : trainingApi.createProgramme(agencyId, body);
    },
    onSuccess: ({ programme: saved }) => {
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
        <TextField label={labels.code} name="code" required autoComplete="off" value={code} onValueChange={setCode} error={fieldError(save.error, 'code')} hint="Huruf, angka dan tanda hubung, mis. LATSAR atau TI-DASAR; dipakai di nomor sertifikat." />
        <TextField label={labels.name} name="name" required autoComplete="off" value={name} onValueChange={setName} error={fieldError(save.error, 'name')} />
        <TextAreaField label={labels.description} name="description" rows={3} value={description} onValueChange={setDescription} error={fieldError(save.error, 'description')} />
        <SelectField
          label={labels.audience}
          name="audience"
          value={audience}
          options={Object.entries(PROGRAMME_AUDIENCE_LABELS).map(([value, label]) => ({ value, label }))}
          onValueChange={setAudience}
          error={fieldError(save.error, 'audience')}
        />
        <TextField
          label={labels.competencies}
          name="competencies"
          required
          list={`${id}-kompetensi`}
          autoComplete="off"
          value={competencies}
          onValueChange={setCompetencies}
          error={fieldError(save.error, 'competencies') ?? fieldError(save.error, 'competencies.0')}
          hint={`Pisahkan dengan koma. Kata yang dipakai rekomendasi penilaian kinerja: ${TRAINING_COMPETENCIES.join(', ')}.`}
        />
        <datalist id={`${id}-kompetensi`}>
          {TRAINING_COMPETENCIES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <TextField label={labels.hours} name="hours" inputMode="numeric" required value={hours} onValueChange={setHours} error={fieldError(save.error, 'hours')} hint="Jumlah jam pelajaran (JP), dicetak di sertifikat." />
        <TextField label={labels.minAttendancePercent} name="minAttendancePercent" inputMode="decimal" required value={attendance} onValueChange={setAttendance} error={fieldError(save.error, 'minAttendancePercent')} hint="Peserta lulus bila hadir minimal persentase ini dari seluruh pertemuan kelas." />
        <TextField label={labels.minPostTest} name="minPostTest" inputMode="decimal" value={postTest} onValueChange={setPostTest} error={fieldError(save.error, 'minPostTest')} hint="0–100; kosongkan bila kelulusan tidak bergantung pada post-test." />
        <label className="checkbox">
          <input type="checkbox" checked={isBasic} onChange={(event) => setIsBasic(event.target.checked)} /> Pelatihan dasar CPNS (Latsar): setelah lulus, ASN baru diminta mengisi survei pelatihan dasar
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} /> Aktif (dapat dibuka kelas dan diikuti)
        </label>
        <FormActions pending={save.isPending} label={programme ? 'Simpan program' : 'Tambah program'} onCancel={onCancel} />
      </form>
    </>
  );
}
