import { useEffect, useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ELIGIBILITY_DEFAULTS, FORMASI_KIND_RULES } from '../../../../core/eligibility';
import { EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS, isEducationLevel } from '../../../../core/planning';
import { formasiApi, organisationApi, planningKeys, type AbkLine, type Formasi, type FormasiBodyInput } from '../../api/planning';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { formatNumber } from '../../lib/time';
import { formatDecimal } from '../planning/access';
import { UnitSelect } from '../planning/UnitSelect';

export const kindOptions = Object.entries(FORMASI_KIND_RULES).map(([value, rule]) => ({ value, label: rule.label }));
const levelOptions = EDUCATION_LEVELS.map((level) => ({ value: level, label: `${level} — ${EDUCATION_LEVEL_LABELS[level]}` }));

const labels = {
  positionId: 'Jabatan',
  unitId: 'Unit penempatan',
  count: 'Jumlah formasi',
  kind: 'Jenis formasi',
  qualifications: 'Kualifikasi pendidikan',
  minAge: 'Usia minimal',
  maxAge: 'Usia maksimal',
  extraRequirements: 'Persyaratan tambahan',
};

type QualificationDraft = { key: number; level: string; programmes: string };
let nextKey = 1;

/** Programmes typed one per line or separated by commas. */
const splitProgrammes = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((programme) => programme.trim())
    .filter(Boolean);

const toInteger = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : (text.trim() as unknown as number));

/** Chooses a position, showing each one's ABK proposal; searchable for agencies with many positions. */
function PositionSelect({ agencyId, value, onChange, error, currentName }: { agencyId: string; value: string; onChange: (line: AbkLine | null) => void; error?: string; currentName?: string }) {
  const id = useId();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const lines = useQuery({
    queryKey: [...planningKeys.positionOptions(agencyId, debounced)],
    queryFn: () => organisationApi.analysis(agencyId, { q: debounced || undefined, pageSize: 100 }),
    placeholderData: (previous) => previous,
  });
  const items = lines.data?.items ?? [];
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={`${id}-search`}>Cari jabatan</label>
      <input id={`${id}-search`} type="search" autoComplete="off" value={search} onChange={(event) => setSearch(event.target.value)} />
      <label htmlFor={id}>
        {labels.positionId}
        <span className="required"> (wajib)</span>
      </label>
      <select
        id={id}
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(items.find((line) => line.position.id === event.target.value) ?? null)}
      >
        <option value="">{lines.isPending ? 'Memuat jabatan…' : '— Pilih jabatan —'}</option>
        {value && !items.some((line) => line.position.id === value) ? <option value={value}>{currentName ?? 'Jabatan terpilih'}</option> : null}
        {items.map((line) => (
          <option key={line.position.id} value={line.position.id}>
            {line.position.name} — {line.position.unitName} (usulan ABK {line.proposedFormasi === null ? '—' : formatNumber(line.proposedFormasi)})
          </option>
        ))}
      </select>
      {lines.data && lines.data.total > items.length ? <p className="hint">Menampilkan {items.length} dari {lines.data.total} jabatan; ketik untuk mempersempit.</p> : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function QualificationsEditor({ items, onChange, error }: { items: QualificationDraft[]; onChange: (items: QualificationDraft[]) => void; error: (field: string) => string | undefined }) {
  const id = useId();
  const set = (key: number, change: Partial<QualificationDraft>) => onChange(items.map((item) => (item.key === key ? { ...item, ...change } : item)));
  return (
    <fieldset className="field plan-qualifications">
      <legend>
        {labels.qualifications}
        <span className="required"> (wajib, minimal satu jenjang)</span>
      </legend>
      {error('qualifications') ? <p className="field-error">{error('qualifications')}</p> : null}
      {items.map((item, index) => {
        const levelError = error(`qualifications.${index}.level`);
        const programmeError = error(`qualifications.${index}.programmes`) ?? findProgrammeError(error, index);
        return (
          <fieldset key={item.key} className="plan-qualification">
            <legend>Kualifikasi {index + 1}</legend>
            <SelectField
              label="Jenjang pendidikan"
              name={`level-${item.key}`}
              required
              value={item.level}
              options={levelOptions}
              onValueChange={(level) => set(item.key, { level })}
              error={levelError}
            />
            <div className={`field${programmeError ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-${item.key}`}>Program studi</label>
              <p className="hint" id={`${id}-${item.key}-hint`}>
                Satu per baris atau dipisah koma. Kosongkan bila semua program studi jenjang ini diterima.
              </p>
              <textarea
                className="plan-textarea"
                id={`${id}-${item.key}`}
                value={item.programmes}
                aria-describedby={`${id}-${item.key}-hint`}
                aria-invalid={programmeError ? true : undefined}
                onChange={(event) => set(item.key, { programmes: event.target.value })}
              />
              {programmeError ? <p className="field-error">{programmeError}</p> : null}
            </div>
            {items.length > 1 ? (
              <button type="button" className="button button-small button-secondary" onClick={() => onChange(items.filter((other) => other.key !== item.key))}>
                Hapus kualifikasi {index + 1}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" className="button button-small button-secondary" onClick={() => onChange([...items, { key: nextKey++, level: 'S1', programmes: '' }])}>
        Tambah jenjang pendidikan
      </button>
    </fieldset>
  );
}

function findProgrammeError(error: (field: string) => string | undefined, index: number): string | undefined {
  for (let i = 0; i < 50; i++) {
    const found = error(`qualifications.${index}.programmes.${i}`);
    if (found) return found;
  }
  return undefined;
}

export type FormasiFormMode = { kind: 'create' } | { kind: 'abk' } | { kind: 'edit'; formasi: Formasi };

/** Adds or edits one formasi; in "abk" mode the count defaults to the position's ABK proposal. */
export function FormasiForm({ agencyId, selectionId, mode, onDone, onCancel }: { agencyId: string; selectionId: string; mode: FormasiFormMode; onDone: (formasi: Formasi) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const editing = mode.kind === 'edit' ? mode.formasi : null;
  const [positionId, setPositionId] = useState(editing?.positionId ?? '');
  const [line, setLine] = useState<AbkLine | null>(null);
  const [unitId, setUnitId] = useState(editing && editing.unitId ? editing.unitId : '');
  const [count, setCount] = useState(editing ? String(editing.count) : '');
  const [kind, setKind] = useState(editing?.kind ?? 'umum');
  const [minAge, setMinAge] = useState(String(editing?.minAge ?? ELIGIBILITY_DEFAULTS.minAge));
  const [maxAge, setMaxAge] = useState(String(editing?.maxAge ?? ELIGIBILITY_DEFAULTS.maxAge));
  const [extra, setExtra] = useState(editing?.extraRequirements ?? '');
  const [qualifications, setQualifications] = useState<QualificationDraft[]>(
    editing ? editing.qualifications.map((q) => ({ key: nextKey++, level: isEducationLevel(q.level) ? q.level : 'S1', programmes: q.programmes.join('\n') })) : [{ key: nextKey++, level: 'S1', programmes: '' }],
  );
  const extraId = useId();
  const save = useMutation({
    mutationFn: (body: FormasiBodyInput) => {
      if (editing) return formasiApi.update(agencyId, selectionId, editing.id, body);
      if (mode.kind === 'abk') {
        const { count: typed, ...rest } = body;
        return formasiApi.createFromAbk(agencyId, selectionId, count.trim() === '' ? rest : { ...rest, count: typed });
      }
      return formasiApi.create(agencyId, selectionId, body);
    },
    onSuccess: ({ formasi }) => {
      void queryClient.invalidateQueries({ queryKey: ['formasi', agencyId, selectionId] });
      onDone(formasi);
    },
  });
  const error = (field: string) => fieldError(save.error, field);
  const proposal = line?.proposedFormasi ?? null;

  return (
    <>
      {editing?.status === 'published' ? (
        <p className="alert alert-info">Formasi ini sudah diumumkan. Perubahan tetap dapat disimpan dan dicatat di jejak audit beserta nilai sebelum dan sesudahnya.</p>
      ) : null}
      <FormErrors error={save.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            positionId,
            unitId: unitId || null,
            count: toInteger(count),
            kind,
            minAge: toInteger(minAge),
            maxAge: toInteger(maxAge),
            extraRequirements: extra.trim(),
            qualifications: qualifications.map((q) => ({ level: q.level, programmes: splitProgrammes(q.programmes) })),
          });
        }}
      >
        <PositionSelect
          agencyId={agencyId}
          value={positionId}
          currentName={editing ? `${editing.positionName} — ${editing.unitName}` : undefined}
          error={error('positionId')}
          onChange={(chosen) => {
            setLine(chosen);
            setPositionId(chosen?.position.id ?? '');
            if (mode.kind === 'abk') setCount('');
          }}
        />
        {mode.kind === 'abk' && line ? (
          <div className="card" aria-live="polite">
            <p>
              <strong>Usulan ABK {line.position.name}:</strong> kebutuhan {formatDecimal(line.need)} → {formatNumber(line.roundedNeed ?? 0)} orang, bezetting{' '}
              {formatNumber(line.position.bezetting)}, pensiun {formatNumber(line.position.retiring)}, kekurangan {formatNumber(line.shortfall ?? 0)}.{' '}
              <strong>Usulan formasi {formatNumber(proposal ?? 0)} orang.</strong>
            </p>
            {proposal === 0 ? <p>Usulan ABK jabatan ini 0. Isi jumlah formasi bila tetap ingin membuat formasi.</p> : null}
          </div>
        ) : null}
        <UnitSelect
          agencyId={agencyId}
          label={labels.unitId}
          emptyLabel="Sama dengan unit jabatan"
          value={unitId}
          onChange={setUnitId}
          currentName={editing ? editing.unitName : undefined}
          error={error('unitId')}
        />
        <div className="plan-two-columns">
          <TextField
            label={labels.count}
            name="count"
            required={mode.kind !== 'abk'}
            inputMode="numeric"
            autoComplete="off"
            hint={mode.kind === 'abk' ? `Kosongkan untuk memakai usulan ABK${proposal === null ? '' : ` (${formatNumber(proposal)})`}.` : 'Bilangan bulat lebih dari 0.'}
            value={count}
            onValueChange={setCount}
            error={error('count')}
          />
          <SelectField label={labels.kind} name="kind" value={kind} options={kindOptions} onValueChange={setKind} error={error('kind')} />
        </div>
        <QualificationsEditor items={qualifications} onChange={setQualifications} error={error} />
        <div className="plan-two-columns">
          <TextField label={labels.minAge} name="minAge" required inputMode="numeric" autoComplete="off" hint={`Bawaan ${ELIGIBILITY_DEFAULTS.minAge} tahun.`} value={minAge} onValueChange={setMinAge} error={error('minAge')} />
          <TextField
            label={labels.maxAge}
            name="maxAge"
            required
            inputMode="numeric"
            autoComplete="off"
            hint={`Bawaan ${ELIGIBILITY_DEFAULTS.maxAge} tahun; paling tinggi ${ELIGIBILITY_DEFAULTS.maxAgeCeiling} tahun untuk jabatan tertentu.`}
            value={maxAge}
            onValueChange={setMaxAge}
            error={error('maxAge')}
          />
        </div>
        <div className={`field${error('extraRequirements') ? ' field-invalid' : ''}`}>
          <label htmlFor={extraId}>{labels.extraRequirements}</label>
          <textarea className="plan-textarea" id={extraId} value={extra} onChange={(event) => setExtra(event.target.value)} aria-invalid={error('extraRequirements') ? true : undefined} />
          {error('extraRequirements') ? <p className="field-error">{error('extraRequirements')}</p> : null}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : editing ? 'Simpan formasi' : mode.kind === 'abk' ? 'Buat formasi dari usulan ABK' : 'Tambah formasi'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}
