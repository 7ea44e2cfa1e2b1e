import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { employeeApi, employeeKeys, type Employee } from '../../api/employees';
import { organisationApi, planningKeys } from '../../api/planning';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { UnitSelect } from '../planning/UnitSelect';
import { EMPLOYMENT_TYPE_LABELS } from './access';

const labels = {
  name: 'Nama',
  nip: 'NIP',
  employmentType: 'Jenis kepegawaian',
  unitId: 'Unit kerja',
  positionId: 'Jabatan',
  appointedAt: 'TMT pengangkatan',
  probationEndsAt: 'Akhir masa percobaan',
};

type EmployeeFormProps = { agencyId: string; employee?: Employee; onDone: (employee: Employee) => void; onCancel: () => void };

/** Adds an employee by hand or corrects one; the server checks the NIP and the dates against each other. */
export function EmployeeForm({ agencyId, employee, onDone, onCancel }: EmployeeFormProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(employee?.name ?? '');
  const [nip, setNip] = useState(employee?.nip ?? '');
  const [type, setType] = useState<string>(employee?.employmentType ?? 'pns');
  const [unitId, setUnitId] = useState(employee?.unitId ?? '');
  const [positionId, setPositionId] = useState(employee?.positionId ?? '');
  const [appointedAt, setAppointedAt] = useState(employee?.appointedAt ?? '');
  const [probationEndsAt, setProbationEndsAt] = useState(employee?.probationEndsAt ?? '');
  const positions = useQuery({
    queryKey: [...planningKeys.positionOptions(agencyId, unitId), 'unit'],
    queryFn: () => organisationApi.positions(agencyId, { unitId, pageSize: 100 }),
    enabled: Boolean(unitId),
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        nip: nip.trim() || null,
        employmentType: type as Employee['employmentType'],
        unitId,
        positionId: positionId || null,
        appointedAt,
        probationEndsAt: type === 'cpns' && probationEndsAt ? probationEndsAt : null,
      };
      return employee ? employeeApi.update(agencyId, employee.id, body) : employeeApi.create(agencyId, body);
    },
    onSuccess: ({ employee: saved }) => {
      void queryClient.invalidateQueries({ queryKey: employeeKeys.all(agencyId) });
      onDone(saved);
    },
  });
  // A calon (CPNS in probation) stays CPNS until appointed PNS; others cannot become CPNS again.
  const typeOptions = Object.entries(EMPLOYMENT_TYPE_LABELS)
    .filter(([value]) => !employee || (employee.status === 'calon' ? value === 'cpns' : value !== 'cpns'))
    .map(([value, label]) => ({ value, label }));
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
        <TextField label={labels.name} name="name" required autoComplete="off" value={name} onValueChange={setName} error={fieldError(save.error, 'name')} />
        <TextField
          label={labels.nip}
          name="nip"
          inputMode="numeric"
          autoComplete="off"
          hint="18 angka (NIP atau NI PPPK). Boleh kosong untuk pegawai baru yang NIP-nya belum terbit."
          value={nip}
          onValueChange={setNip}
          error={fieldError(save.error, 'nip')}
        />
        <SelectField label={labels.employmentType} name="employmentType" required value={type} options={typeOptions} onValueChange={setType} error={fieldError(save.error, 'employmentType')} />
        <UnitSelect
          agencyId={agencyId}
          label={labels.unitId}
          required
          value={unitId}
          currentName={employee?.unitName ?? undefined}
          onChange={(value) => {
            setUnitId(value);
            setPositionId('');
          }}
          error={fieldError(save.error, 'unitId')}
        />
        <SelectField
          label={labels.positionId}
          name="positionId"
          value={positionId}
          options={[
            { value: '', label: unitId ? (positions.isPending ? 'Memuat jabatan…' : '— Tanpa jabatan —') : 'Pilih unit kerja dahulu' },
            ...(positions.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` })),
          ]}
          onValueChange={setPositionId}
          error={fieldError(save.error, 'positionId')}
        />
        <TextField label={labels.appointedAt} name="appointedAt" type="date" required value={appointedAt} onValueChange={setAppointedAt} error={fieldError(save.error, 'appointedAt')} hint="Tanggal mulai berlaku pengangkatan (TMT)." />
        {type === 'cpns' ? (
          <TextField
            label={labels.probationEndsAt}
            name="probationEndsAt"
            type="date"
            value={probationEndsAt}
            onValueChange={setProbationEndsAt}
            error={fieldError(save.error, 'probationEndsAt')}
            hint="Kosongkan untuk satu tahun sejak TMT; paling lama dua tahun."
          />
        ) : null}
        <FormActions pending={save.isPending} label={employee ? 'Simpan perubahan' : 'Tambah pegawai'} onCancel={onCancel} />
      </form>
    </>
  );
}
