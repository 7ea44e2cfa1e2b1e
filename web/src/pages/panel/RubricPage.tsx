import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AGGREGATION_METHODS,
  DEFAULT_SETTINGS,
  presetRubric,
  rubricIssues,
  type AggregationMethod,
  type PanelSettings,
  type RubricCriterion,
  type ScaleLevel,
} from '../../../../core/panel-scoring';
import { panelApi, panelKeys, type ComponentDetail } from '../../api/panel-scores';
import { useAgencyDetail } from '../../api/queries';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { AgencyHeading } from '../admin/AgencyHeading';
import { panelAccess, panelPaths } from './access';
import { AGGREGATION_LABELS } from './shared';
import './panel.css';

type Draft = { criteria: RubricCriterion[]; levels: ScaleLevel[]; settings: PanelSettings };

const keyFrom = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, 'k_$1')
    .slice(0, 40);

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

function CriteriaEditor({ draft, setDraft, error }: { draft: Draft; setDraft: (update: (draft: Draft) => Draft) => void; error: unknown }) {
  const setCriterion = (index: number, change: Partial<RubricCriterion>) =>
    setDraft((current) => ({ ...current, criteria: current.criteria.map((criterion, i) => (i === index ? { ...criterion, ...change } : criterion)) }));
  const sumIssue = rubricIssues(draft).find((issue) => issue.code === 'RUBRIC_WEIGHT_SUM');
  return (
    <fieldset className="criteria-editor">
      <legend>Kriteria dan bobotnya</legend>
      <p className="hint">Bobot dalam persen; jumlahnya harus tepat 100. Desimal boleh (33,3 + 33,3 + 33,4).</p>
      <p role="status" className={sumIssue ? 'field-error' : 'muted'}>
        {sumIssue ? sumIssue.message : 'Jumlah bobot kriteria: 100.'}
      </p>
      {draft.criteria.map((criterion, index) => (
        <div key={index} className="criterion">
          <div className="criterion-row">
            <TextField
              label={`Kode kriteria ${index + 1}`}
              value={criterion.key}
              onValueChange={(value) => setCriterion(index, { key: value })}
              error={fieldError(error, `criteria.${index}.key`)}
              required
            />
            <TextField
              label={`Nama kriteria ${index + 1}`}
              value={criterion.name}
              onValueChange={(value) => setCriterion(index, { name: value, ...(criterion.key === '' ? { key: keyFrom(value) } : {}) })}
              error={fieldError(error, `criteria.${index}.name`)}
              required
            />
            <TextField
              label={`Bobot kriteria ${index + 1} (%)`}
              inputMode="decimal"
              value={Number.isNaN(criterion.weight) ? '' : String(criterion.weight).replace('.', ',')}
              onValueChange={(value) => setCriterion(index, { weight: toNumber(value) })}
              error={fieldError(error, `criteria.${index}.weight`)}
              required
            />
          </div>
          <TextAreaField label={`Uraian kriteria ${index + 1}`} rows={2} maxLength={1000} value={criterion.description} onValueChange={(value) => setCriterion(index, { description: value })} />
          <details>
            <summary>Deskripsi per tingkat khusus untuk kriteria ini (opsional)</summary>
            {draft.levels.map((level) => (
              <TextField
                key={level.value}
                label={`Tingkat ${level.value} (${level.label}) untuk ${criterion.name || `kriteria ${index + 1}`}`}
                value={criterion.levelDescriptors?.[String(level.value)] ?? ''}
                onValueChange={(value) => setCriterion(index, { levelDescriptors: { ...(criterion.levelDescriptors ?? {}), [String(level.value)]: value } })}
                hint="Kosongkan untuk memakai deskripsi umum skala."
              />
            ))}
          </details>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={draft.criteria.length <= 1}
            onClick={() => setDraft((current) => ({ ...current, criteria: current.criteria.filter((_, i) => i !== index) }))}
          >
            Hapus kriteria {index + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button button-secondary" onClick={() => setDraft((current) => ({ ...current, criteria: [...current.criteria, { key: '', name: '', weight: 0, description: '', levelDescriptors: {} }] }))}>
        Tambah kriteria
      </button>
    </fieldset>
  );
}

function LevelsEditor({ draft, setDraft, error }: { draft: Draft; setDraft: (update: (draft: Draft) => Draft) => void; error: unknown }) {
  const setLevel = (index: number, change: Partial<ScaleLevel>) =>
    setDraft((current) => ({ ...current, levels: current.levels.map((level, i) => (i === index ? { ...level, ...change } : level)) }));
  return (
    <fieldset>
      <legend>Skala nilai dan deskriptor tiap tingkat</legend>
      <p className="hint">Penguji memilih satu tingkat untuk setiap kriteria. Nilai tingkat bilangan bulat 0–100, naik dari atas ke bawah.</p>
      {draft.levels.map((level, index) => (
        <div key={index} className="criterion">
          <div className="criterion-row">
            <TextField label={`Nilai tingkat ${index + 1}`} inputMode="numeric" value={Number.isNaN(level.value) ? '' : String(level.value)} onValueChange={(value) => setLevel(index, { value: toNumber(value) })} error={fieldError(error, `levels.${index}.value`)} required />
            <TextField label={`Sebutan tingkat ${index + 1}`} value={level.label} onValueChange={(value) => setLevel(index, { label: value })} error={fieldError(error, `levels.${index}.label`)} required />
          </div>
          <TextAreaField label={`Deskripsi tingkat ${index + 1}`} rows={2} maxLength={500} value={level.descriptor} onValueChange={(value) => setLevel(index, { descriptor: value })} error={fieldError(error, `levels.${index}.descriptor`)} required />
          <button type="button" className="button button-secondary button-small" disabled={draft.levels.length <= 2} onClick={() => setDraft((current) => ({ ...current, levels: current.levels.filter((_, i) => i !== index) }))}>
            Hapus tingkat {index + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        disabled={draft.levels.length >= 11}
        onClick={() => setDraft((current) => ({ ...current, levels: [...current.levels, { value: (current.levels.at(-1)?.value ?? 0) + 1, label: '', descriptor: '' }] }))}
      >
        Tambah tingkat
      </button>
    </fieldset>
  );
}

function SettingsEditor({ draft, setDraft, error }: { draft: Draft; setDraft: (update: (draft: Draft) => Draft) => void; error: unknown }) {
  const set = (change: Partial<PanelSettings>) => setDraft((current) => ({ ...current, settings: { ...current.settings, ...change } }));
  const { settings } = draft;
  return (
    <fieldset>
      <legend>Penggabungan nilai dan moderasi</legend>
      <SelectField
        label="Nilai komponen dihitung dengan"
        value={settings.aggregation}
        options={AGGREGATION_METHODS.map((method) => ({ value: method, label: AGGREGATION_LABELS[method] }))}
        onValueChange={(value) => set({ aggregation: value as AggregationMethod })}
        error={fieldError(error, 'settings.aggregation')}
      />
      {settings.aggregation === 'trimmed_mean' ? (
        <TextField label="Jumlah nilai yang dibuang di setiap ujung" inputMode="numeric" value={String(settings.trim)} onValueChange={(value) => set({ trim: toNumber(value) })} error={fieldError(error, 'settings.trim')} />
      ) : null}
      <TextField
        label="Jumlah penguji minimal per peserta"
        inputMode="numeric"
        value={Number.isNaN(settings.minAssessors) ? '' : String(settings.minAssessors)}
        onValueChange={(value) => set({ minAssessors: toNumber(value) })}
        error={fieldError(error, 'settings.minAssessors')}
        required
      />
      <TextField
        label="Batas selisih nilai antarpenguji"
        inputMode="decimal"
        value={Number.isNaN(settings.spreadThreshold) ? '' : String(settings.spreadThreshold).replace('.', ',')}
        onValueChange={(value) => set({ spreadThreshold: toNumber(value) })}
        error={fieldError(error, 'settings.spreadThreshold')}
        hint="Pada skala nilai. Bila total tertinggi dikurangi total terendah melebihi batas ini, peserta ditandai untuk moderasi."
        required
      />
      <p className="hint">Nilai komponen dibulatkan sekali, setengah ke atas, menjadi dua desimal — angka itulah yang diumumkan.</p>
    </fieldset>
  );
}

function Editor({ agencyId, initial, title, subtitle, back, onSave }: {
  agencyId: string;
  initial: Draft;
  title: string;
  subtitle: string;
  back: string;
  onSave: (draft: Draft) => Promise<{ component: { id: string } }>;
}) {
  const { name: agencyName } = useAgencyDetail(agencyId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraftState] = useState<Draft>(initial);
  const setDraft = (update: (draft: Draft) => Draft) => setDraftState((current) => update(current));
  const save = useMutation({
    mutationFn: () => onSave(draft),
    onSuccess: async ({ component }) => {
      await queryClient.invalidateQueries({ queryKey: panelKeys.all(agencyId) });
      navigate(panelPaths.component(agencyId, component.id), { state: { saved: true } });
    },
  });
  return (
    <div className="panel-scores">
      <p className="breadcrumb">
        <Link to={back}>‹ Kembali</Link>
      </p>
      <AgencyHeading title={title} agencyName={agencyName} />
      <p className="lead">{subtitle}</p>
      <form
        className="form stack"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <FormErrors error={save.error} />
        <CriteriaEditor draft={draft} setDraft={setDraft} error={save.error} />
        <LevelsEditor draft={draft} setDraft={setDraft} error={save.error} />
        <SettingsEditor draft={draft} setDraft={setDraft} error={save.error} />
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Menyimpan…' : 'Simpan rubrik'}
        </button>
      </form>
    </div>
  );
}

function NewRubric({ agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  const [params] = useSearchParams();
  const stageKey = params.get('tahap') ?? '';
  const componentKey = params.get('komponen');
  const rounds = useQuery({ queryKey: panelKeys.rounds(agencyId), queryFn: () => panelApi.rounds(agencyId) });
  if (rounds.isPending) return <Loading label="Memuat seleksi…" />;
  if (rounds.isError) return <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const round = rounds.data.items.find((r) => r.selection.id === selectionId);
  const part = round?.components.find((c) => c.stageKey === stageKey && c.componentKey === componentKey);
  if (!round || !part) return <Notice kind="error">Komponen penilaian panel ini tidak ada pada alur seleksi.</Notice>;
  if (part.id) return <Notice kind="info">Rubrik komponen ini sudah ada. <Link to={panelPaths.editRubric(agencyId, part.id)}>Ubah rubriknya</Link>.</Notice>;
  return (
    <Editor
      agencyId={agencyId}
      initial={{ ...presetRubric(componentKey ?? stageKey), settings: { ...DEFAULT_SETTINGS } }}
      title={`Rubrik ${part.name}`}
      subtitle={`${round.selection.name} — bobot komponen ${part.weight.toLocaleString('id-ID')}%. Rubrik awal di bawah dapat diubah sebelum penguji mengirim nilai pertama.`}
      back={panelPaths.index(agencyId)}
      onSave={(draft) => panelApi.create(agencyId, selectionId, { stageKey, componentKey, ...draft })}
    />
  );
}

function EditRubric({ agencyId, componentId }: { agencyId: string; componentId: string }) {
  const params = { pageSize: 1 };
  const detail = useQuery({ queryKey: panelKeys.component(agencyId, componentId, params), queryFn: () => panelApi.component(agencyId, componentId, params) });
  if (detail.isPending) return <Loading label="Memuat rubrik…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { component }: ComponentDetail = detail.data;
  if (!component.rubricEditable) {
    return (
      <Notice kind="info">
        Rubrik {component.name} tidak dapat diubah lagi karena penguji sudah mengirim nilai atau nilai sudah dikunci. <Link to={panelPaths.component(agencyId, componentId)}>Kembali ke komponen</Link>.
      </Notice>
    );
  }
  return (
    <Editor
      agencyId={agencyId}
      initial={{ criteria: component.criteria, levels: component.levels, settings: component.settings }}
      title={`Ubah rubrik ${component.name}`}
      subtitle={`${component.selection.name}. Rubrik dapat diubah sampai penguji mengirim nilai pertama.`}
      back={panelPaths.component(agencyId, componentId)}
      onSave={(draft) => panelApi.update(agencyId, componentId, { ...draft, expectedVersion: component.version })}
    />
  );
}

export function NewRubricPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return <RequireAuth allow={(me) => panelAccess.manage(me, agencyId)}>{() => <NewRubric key={selectionId} agencyId={agencyId} selectionId={selectionId} />}</RequireAuth>;
}

export function EditRubricPage() {
  const { agencyId = '', componentId = '' } = useParams();
  return <RequireAuth allow={(me) => panelAccess.manage(me, agencyId)}>{() => <EditRubric key={componentId} agencyId={agencyId} componentId={componentId} />}</RequireAuth>;
}
