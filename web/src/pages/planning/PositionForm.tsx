import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { POSITION_KINDS, POSITION_KIND_LABELS, type PositionKind } from '../../../../core/planning';
import { organisationApi, planningKeys, type Position, type PositionInput } from '../../api/planning';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { UnitSelect } from './UnitSelect';

const labels = { unitId: 'Unit kerja', code: 'Kode jabatan', name: 'Nama jabatan', jenis: 'Jenis jabatan', bezetting: 'Bezetting', retiring: 'Pensiun dalam periode perencanaan' };
const kindOptions = POSITION_KINDS.map((kind) => ({ value: kind, label: POSITION_KIND_LABELS[kind] }));

/** Whole numbers typed as text: '' stays '' (the server names the field), anything else must be digits. */
const toCount = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : (text.trim() as unknown as number));

export function PositionForm({
  agencyId,
  position,
  defaultUnitId,
  onDone,
  onCancel,
}: {
  agencyId: string;
  position?: Position;
  defaultUnitId?: string;
  onDone: (position: Position) => void;
  onCancel: () => void;
}) {
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState(position?.unitId ?? defaultUnitId ?? '');
  const [code, setCode] = useState(position?.code ?? '');
  const [name, setName] = useState(position?.name ?? '');
  const [jenis, setJenis] = useState<PositionKind>((position?.jenis as PositionKind | undefined) ?? 'pelaksana');
  const [bezetting, setBezetting] = useState(String(position?.bezetting ?? 0));
  const [retiring, setRetiring] = useState(String(position?.retiring ?? 0));
  const save = useMutation({
    mutationFn: (body: PositionInput) => (position ? organisationApi.updatePosition(agencyId, position.id, body) : organisationApi.createPosition(agencyId, body)),
    onSuccess: ({ position: saved }) => {
      void queryClient.invalidateQueries({ queryKey: planningKeys.all(agencyId) });
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
          save.mutate({ unitId, code: code.trim(), name: name.trim(), jenis, bezetting: toCount(bezetting), retiring: toCount(retiring) });
        }}
      >
        <UnitSelect agencyId={agencyId} label={labels.unitId} value={unitId} onChange={setUnitId} required error={fieldError(save.error, 'unitId')} currentName={position ? `${position.unitCode} — ${position.unitName}` : undefined} />
        <div className="plan-two-columns">
          <TextField label={labels.code} name="code" required autoComplete="off" hint="Unik di dalam unit kerjanya." value={code} onValueChange={setCode} error={fieldError(save.error, 'code')} />
          <SelectField label={labels.jenis} name="jenis" value={jenis} options={kindOptions} onValueChange={(value) => setJenis(value as PositionKind)} error={fieldError(save.error, 'jenis')} />
        </div>
        <TextField label={labels.name} name="name" required autoComplete="off" value={name} onValueChange={setName} error={fieldError(save.error, 'name')} />
        <div className="plan-two-columns">
          <TextField
            label={labels.bezetting}
            name="bezetting"
            required
            inputMode="numeric"
            autoComplete="off"
            hint="Pegawai yang kini menduduki jabatan ini."
            value={bezetting}
            onValueChange={setBezetting}
            error={fieldError(save.error, 'bezetting')}
          />
          <TextField
            label={labels.retiring}
            name="retiring"
            required
            inputMode="numeric"
            autoComplete="off"
            hint="Di antara bezetting, yang pensiun sebelum formasi terisi."
            value={retiring}
            onValueChange={setRetiring}
            error={fieldError(save.error, 'retiring')}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : position ? 'Simpan jabatan' : 'Tambah jabatan'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}
