import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { blueprintApi, catBankKeys, type BlueprintAvailability, type BlueprintInput, type BlueprintOptions, type CatBlueprint, type SectionInput } from '../../api/cat-banks';
import { errorMessage } from '../../api/client';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { bankPaths, canPlanCat, canReadCatPlans, subtestName } from './access';
import './cat-banks.css';

type Preset = BlueprintOptions['presets'][number];
type PassRules = CatBlueprint['passRules'];

type Draft = {
  name: string;
  preset: CatBlueprint['preset'];
  durationMinutes: string;
  extraMinutes: Record<string, string>;
  sections: SectionInput[];
  passRules: PassRules;
};

const toDraft = (blueprint: Pick<CatBlueprint, 'name' | 'preset' | 'durationMinutes' | 'extraMinutes' | 'passRules'> & { sections: SectionInput[] }): Draft => ({
  name: blueprint.name,
  preset: blueprint.preset,
  durationMinutes: String(blueprint.durationMinutes),
  extraMinutes: Object.fromEntries(Object.entries(blueprint.extraMinutes).map(([need, minutes]) => [need, String(minutes)])),
  sections: blueprint.sections,
  passRules: blueprint.passRules,
});

function fromPreset(preset: Preset, name: string): Draft {
  return toDraft({
    name,
    preset: preset.preset,
    durationMinutes: preset.defaults.durationMinutes,
    extraMinutes: preset.defaults.extraMinutes,
    passRules: preset.defaults.passRules,
    sections: preset.defaults.sections.map((section) => ({ subtest: section.subtest, topic: section.topic ?? '', count: section.count, bankIds: [] })),
  });
}

const toInput = (draft: Draft): BlueprintInput => ({
  name: draft.name.trim(),
  preset: draft.preset,
  durationMinutes: Number(draft.durationMinutes),
  extraMinutes: Object.fromEntries(Object.entries(draft.extraMinutes).map(([need, minutes]) => [need, Number(minutes)])),
  sections: draft.sections.map((section) => ({ ...section, topic: section.topic.trim() })),
  passRules: draft.passRules,
});

const sectionLabel = (section: { subtest: string; topic: string }, index: number) => `Bagian ${index + 1}: ${section.subtest}${section.topic ? ` (${section.topic})` : ''}`;

function AvailabilityTable({ availability }: { availability: BlueprintAvailability }) {
  return (
    <div className="table-wrap" role="region" aria-label="Ketersediaan soal aktif" tabIndex={0}>
      <table>
        <caption>{availability.ok ? 'Soal aktif cukup untuk setiap bagian' : 'Soal aktif belum cukup'}</caption>
        <thead>
          <tr>
            <th scope="col">Bagian</th>
            <th scope="col" className="cb-num">
              Dibutuhkan
            </th>
            <th scope="col" className="cb-num">
              Soal aktif di bank
            </th>
            <th scope="col" className="cb-num">
              Kekurangan
            </th>
          </tr>
        </thead>
        <tbody>
          {availability.sections.map((section) => (
            <tr key={section.index}>
              <th scope="row">
                {sectionLabel(section, section.index)}
                {section.message ? <div className="cb-shortfall">{section.message}</div> : null}
              </th>
              <td className="cb-num">{formatNumber(section.required)}</td>
              <td className="cb-num">{formatNumber(section.active)}</td>
              <td className={`cb-num${section.shortfall ? ' cb-shortfall' : ''}`}>{section.shortfall ? formatNumber(section.shortfall) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PassRulesTable({ passRules, kinds, editable, onChange }: { passRules: PassRules; kinds: BlueprintOptions['formasiKinds']; editable: boolean; onChange?: (rules: PassRules) => void }) {
  const entries = kinds.filter((kind) => passRules[kind.key]).map((kind) => ({ kind, rule: passRules[kind.key]! }));
  if (entries.length === 0) return <p>Tanpa nilai ambang batas: peringkat terbaik yang lolos.</p>;
  return (
    <div className="table-wrap" role="region" aria-label="Nilai ambang batas per jenis formasi" tabIndex={0}>
      <table>
        <caption>Nilai ambang batas per jenis formasi</caption>
        <thead>
          <tr>
            <th scope="col">Jenis formasi</th>
            <th scope="col">Ambang batas (semua harus terpenuhi)</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(({ kind, rule }) => (
            <tr key={kind.key}>
              <th scope="row">{kind.label}</th>
              <td>
                {rule.marks.length === 0 ? (
                  'Tanpa ambang batas'
                ) : (
                  <div className="row-actions">
                    {rule.marks.map((mark, index) =>
                      editable ? (
                        <TextField
                          key={index}
                          label={`${kind.label}: ${mark.label} minimal`}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          value={String(mark.min)}
                          onValueChange={(value) =>
                            onChange?.({ ...passRules, [kind.key]: { marks: rule.marks.map((m, i) => (i === index ? { ...m, min: Number(value) } : m)) } })
                          }
                        />
                      ) : (
                        <span key={index}>
                          {mark.label} ≥ {formatNumber(mark.min)}
                        </span>
                      ),
                    )}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SectionEditor({ section, index, preset, options, onChange, onRemove, error }: { section: SectionInput; index: number; preset: Preset; options: BlueprintOptions; onChange: (section: SectionInput) => void; onRemove?: () => void; error: (field: string) => string | undefined }) {
  const groupId = useId();
  const subtests = options.subtests.filter((subtest) => preset.subtests.includes(subtest.code));
  return (
    <fieldset className="cb-section">
      <legend>{sectionLabel(section, index)}</legend>
      <div className="cb-grid">
        <SelectField
          label="Subtes"
          value={section.subtest}
          options={subtests.map((subtest) => ({ value: subtest.code, label: `${subtest.code} — ${subtest.name}` }))}
          onValueChange={(subtest) => onChange({ ...section, subtest })}
          error={error(`sections.${index}.subtest`)}
        />
        <TextField label="Topik (boleh kosong)" value={section.topic} onValueChange={(topic) => onChange({ ...section, topic })} error={error(`sections.${index}.topic`)} />
        <TextField
          label="Jumlah soal"
          type="number"
          inputMode="numeric"
          min={1}
          value={String(section.count)}
          onValueChange={(count) => onChange({ ...section, count: Number(count) })}
          error={error(`sections.${index}.count`)}
        />
      </div>
      <fieldset className={`field checkbox-group${error(`sections.${index}.bankIds`) ? ' field-invalid' : ''}`} aria-describedby={error(`sections.${index}.bankIds`) ? `${groupId}-error` : undefined}>
        <legend>Bank soal sumber</legend>
        {options.banks.length === 0 ? <p>Belum ada bank soal.</p> : null}
        <div className="checkbox-list">
          {options.banks.map((bank) => (
            <label key={bank.id} className="checkbox">
              <input
                type="checkbox"
                checked={section.bankIds.includes(bank.id)}
                onChange={(event) => onChange({ ...section, bankIds: event.target.checked ? [...section.bankIds, bank.id] : section.bankIds.filter((id) => id !== bank.id) })}
              />
              <span>
                {bank.name}
                {bank.national ? ' (nasional)' : ''} — {formatNumber(bank.active)} soal aktif
              </span>
            </label>
          ))}
        </div>
        {error(`sections.${index}.bankIds`) ? (
          <p className="field-error" id={`${groupId}-error`}>
            {error(`sections.${index}.bankIds`)}
          </p>
        ) : null}
      </fieldset>
      {onRemove ? (
        <button type="button" className="button button-small button-secondary" onClick={onRemove}>
          Hapus bagian {index + 1}
        </button>
      ) : null}
    </fieldset>
  );
}

function BlueprintEditor({
  agencyId,
  selectionId,
  options,
  stage,
  blueprint,
  onDone,
}: {
  agencyId: string;
  selectionId: string;
  options: BlueprintOptions;
  stage: { key: string; name: string };
  blueprint: CatBlueprint | null;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const fitting = options.presets.filter((preset) => preset.fitsSelection);
  const initialPreset = fitting.find((preset) => preset.preset === (stage.key === 'skb' ? 'skb' : options.selection.type === 'pppk' ? 'pppk' : 'skd')) ?? fitting[0]!;
  const [draft, setDraft] = useState<Draft>(() =>
    blueprint ? toDraft({ ...blueprint, sections: blueprint.sections.map((s) => ({ subtest: s.subtest, topic: s.topic, count: s.count, bankIds: s.banks.map((b) => b.id) })) }) : fromPreset(initialPreset, `${stage.name} ${options.selection.year}`),
  );
  const preset = options.presets.find((p) => p.preset === draft.preset) ?? initialPreset;
  const check = useMutation({ mutationFn: () => blueprintApi.check(agencyId, selectionId, toInput(draft).sections) });
  const save = useMutation({
    mutationFn: () => (blueprint ? blueprintApi.update(agencyId, selectionId, blueprint.id, toInput(draft)) : blueprintApi.create(agencyId, selectionId, { ...toInput(draft), stageKey: stage.key })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: catBankKeys.blueprints(agencyId, selectionId) });
      onDone(blueprint ? 'Cetak biru telah diperbarui.' : 'Cetak biru telah dibuat.');
    },
  });
  const error = (field: string) => fieldError(save.error, field);
  const setSection = (index: number, section: SectionInput) => setDraft((d) => ({ ...d, sections: d.sections.map((s, i) => (i === index ? section : s)) }));
  return (
    <>
      <FormErrors error={save.error} labels={{ name: 'Nama', preset: 'Preset', durationMinutes: 'Durasi', stageKey: 'Tahap', sections: 'Bagian soal' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField label="Nama cetak biru" required value={draft.name} onValueChange={(name) => setDraft((d) => ({ ...d, name }))} error={error('name')} />
        <SelectField
          label="Preset"
          value={draft.preset}
          options={fitting.map((p) => ({ value: p.preset, label: p.label }))}
          onValueChange={(value) => {
            const next = options.presets.find((p) => p.preset === value);
            if (next) setDraft((d) => ({ ...fromPreset(next, d.name), name: d.name }));
          }}
          error={error('preset')}
        />
        <p className="hint">{preset.description}</p>
        <div className="cb-grid">
          <TextField label="Durasi (menit)" type="number" inputMode="numeric" min={5} value={draft.durationMinutes} onValueChange={(durationMinutes) => setDraft((d) => ({ ...d, durationMinutes }))} error={error('durationMinutes')} />
          {options.needs.map((need) => (
            <TextField
              key={need.key}
              label={`Tambahan waktu ${need.label} (menit)`}
              type="number"
              inputMode="numeric"
              min={0}
              value={draft.extraMinutes[need.key] ?? '0'}
              onValueChange={(minutes) => setDraft((d) => ({ ...d, extraMinutes: { ...d.extraMinutes, [need.key]: minutes } }))}
              error={error(`extraMinutes.${need.key}`)}
            />
          ))}
        </div>
        <h3>Bagian soal</h3>
        {error('sections') ? <p className="field-error">{error('sections')}</p> : null}
        {draft.sections.map((section, index) => (
          <SectionEditor
            key={index}
            section={section}
            index={index}
            preset={preset}
            options={options}
            error={error}
            onChange={(next) => setSection(index, next)}
            onRemove={draft.sections.length > 1 ? () => setDraft((d) => ({ ...d, sections: d.sections.filter((_, i) => i !== index) })) : undefined}
          />
        ))}
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setDraft((d) => ({ ...d, sections: [...d.sections, { subtest: preset.subtests[0] ?? 'SKB', topic: '', count: 10, bankIds: [] }] }))}
          >
            Tambah bagian
          </button>
        </p>
        <h3>Nilai ambang batas</h3>
        {preset.passRuleVariants.length > 1 ? (
          <SelectField
            label="Ketentuan ambang batas"
            value={preset.passRuleVariants.find((variant) => JSON.stringify(variant.passRules) === JSON.stringify(draft.passRules))?.key ?? ''}
            options={[...(preset.passRuleVariants.some((variant) => JSON.stringify(variant.passRules) === JSON.stringify(draft.passRules)) ? [] : [{ value: '', label: 'Disesuaikan' }]), ...preset.passRuleVariants.map((variant) => ({ value: variant.key, label: variant.label }))]}
            onValueChange={(key) => {
              const variant = preset.passRuleVariants.find((v) => v.key === key);
              if (variant) setDraft((d) => ({ ...d, passRules: variant.passRules }));
            }}
          />
        ) : null}
        <PassRulesTable passRules={draft.passRules} kinds={options.formasiKinds} editable onChange={(passRules) => setDraft((d) => ({ ...d, passRules }))} />
        <div className="actions">
          <button type="button" className="button button-secondary" disabled={check.isPending} onClick={() => check.mutate()}>
            {check.isPending ? 'Memeriksa…' : 'Periksa ketersediaan soal'}
          </button>
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Menyimpan…' : 'Simpan cetak biru'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone('')}>
            Batal
          </button>
        </div>
        <div aria-live="polite">
          {check.isError ? <Notice kind="error">{errorMessage(check.error)}</Notice> : null}
          {check.data ? <AvailabilityTable availability={check.data} /> : null}
        </div>
      </form>
    </>
  );
}

function BlueprintCard({ agencyId, selectionId, blueprint, kinds, canPlan, onEdit }: { agencyId: string; selectionId: string; blueprint: CatBlueprint; kinds: BlueprintOptions['formasiKinds']; canPlan: boolean; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const [showAvailability, setShowAvailability] = useState(false);
  const detail = useQuery({ queryKey: catBankKeys.blueprint(agencyId, selectionId, blueprint.id), queryFn: () => blueprintApi.get(agencyId, selectionId, blueprint.id), enabled: showAvailability });
  const remove = useMutation({
    mutationFn: () => blueprintApi.remove(agencyId, selectionId, blueprint.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: catBankKeys.blueprints(agencyId, selectionId) }),
  });
  return (
    <>
      <dl className="facts">
        <dt>Nama</dt>
        <dd>{blueprint.name}</dd>
        <dt>Preset</dt>
        <dd>{blueprint.presetLabel}</dd>
        <dt>Durasi</dt>
        <dd>
          {formatNumber(blueprint.durationMinutes)} menit
          {Object.entries(blueprint.extraMinutes)
            .filter(([, minutes]) => minutes > 0)
            .map(([need, minutes]) => `; ${need}: +${minutes} menit (${blueprint.durationMinutes + minutes} menit)`)
            .join('')}
        </dd>
        <dt>Jumlah soal</dt>
        <dd>
          {formatNumber(blueprint.totalQuestions)} soal, nilai maksimal {formatNumber(blueprint.maxTotal)}
        </dd>
        <dt>Naskah peserta</dt>
        <dd>{blueprint.papers ? `${formatNumber(blueprint.papers)} naskah sudah dibuat dari cetak biru ini (perubahan tidak mengubah naskah yang sudah dibuat)` : 'Belum ada'}</dd>
      </dl>
      <div className="table-wrap" role="region" aria-label={`Bagian soal ${blueprint.name}`} tabIndex={0}>
        <table>
          <caption>Bagian soal</caption>
          <thead>
            <tr>
              <th scope="col">Subtes</th>
              <th scope="col">Topik</th>
              <th scope="col" className="cb-num">
                Jumlah
              </th>
              <th scope="col">Bank soal</th>
            </tr>
          </thead>
          <tbody>
            {blueprint.sections.map((section, index) => (
              <tr key={index}>
                <th scope="row">
                  {section.subtest} — {subtestName(section.subtest)}
                </th>
                <td>{section.topic || 'Semua topik'}</td>
                <td className="cb-num">{formatNumber(section.count)}</td>
                <td>{section.banks.map((bank) => `${bank.name}${bank.national ? ' (nasional)' : ''}`).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PassRulesTable passRules={blueprint.passRules} kinds={kinds} editable={false} />
      {blueprint.lockedReason ? <Notice kind="info">{blueprint.lockedReason}</Notice> : null}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => setShowAvailability((v) => !v)} aria-expanded={showAvailability}>
          {showAvailability ? 'Sembunyikan ketersediaan soal' : 'Lihat ketersediaan soal'}
        </button>
        {canPlan && !blueprint.lockedReason ? (
          <>
            <button type="button" className="button" onClick={onEdit}>
              Ubah cetak biru<span className="visually-hidden"> {blueprint.name}</span>
            </button>
            <button type="button" className="button button-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
              Hapus cetak biru<span className="visually-hidden"> {blueprint.name}</span>
            </button>
          </>
        ) : null}
        <Link to={bankPaths.report(agencyId, selectionId, blueprint.id)}>Laporan tahap ini</Link>
      </div>
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      {showAvailability ? detail.isPending ? <Loading label="Memeriksa ketersediaan soal…" /> : detail.isError ? <ErrorState error={detail.error} /> : <AvailabilityTable availability={detail.data.availability} /> : null}
    </>
  );
}

function Blueprints({ agencyId, selectionId, canPlan }: { agencyId: string; selectionId: string; canPlan: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = useQuery({ queryKey: catBankKeys.blueprints(agencyId, selectionId), queryFn: () => blueprintApi.list(agencyId, selectionId) });
  const options = useQuery({ queryKey: catBankKeys.blueprintOptions(agencyId, selectionId), queryFn: () => blueprintApi.options(agencyId, selectionId), enabled: canPlan });
  useEffect(() => {
    if (editing) headingRef.current?.focus();
  }, [editing]);
  if (list.isPending || (canPlan && options.isPending)) return <Loading label="Memuat cetak biru…" />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (options.isError) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  const kinds = options.data?.formasiKinds ?? [];
  const stages = options.data?.stages ?? list.data.items.map((blueprint) => ({ key: blueprint.stageKey, name: blueprint.stageName, blueprintId: blueprint.id }));
  return (
    <>
      <p className="breadcrumb">
        <Link to={bankPaths.plans(agencyId)}>‹ Cetak biru dan laporan CAT</Link>
      </p>
      <PageTitle title="Cetak biru ujian CAT">
        Cetak biru ujian CAT
        {options.data ? <span className="subtitle">{options.data.selection.name}</span> : null}
      </PageTitle>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {stages.length === 0 ? <EmptyState>Seleksi ini tidak memiliki tahap yang diuji dengan CAT.</EmptyState> : null}
      {stages.map((stage) => {
        const blueprint = list.data.items.find((item) => item.stageKey === stage.key) ?? null;
        const isEditing = editing === stage.key;
        return (
          <section key={stage.key} className={`card${isEditing ? ' panel' : ''}`} aria-labelledby={`tahap-${stage.key}`}>
            <h2 id={`tahap-${stage.key}`} tabIndex={-1} ref={isEditing ? headingRef : undefined}>
              {stage.name}
            </h2>
            {isEditing && options.data ? (
              <BlueprintEditor
                agencyId={agencyId}
                selectionId={selectionId}
                options={options.data}
                stage={stage}
                blueprint={blueprint}
                onDone={(message) => {
                  setEditing(null);
                  setDone(message || null);
                }}
              />
            ) : blueprint ? (
              <BlueprintCard agencyId={agencyId} selectionId={selectionId} blueprint={blueprint} kinds={kinds} canPlan={canPlan} onEdit={() => setEditing(stage.key)} />
            ) : (
              <>
                <p>Tahap ini belum memiliki cetak biru.</p>
                {canPlan ? (
                  <button type="button" className="button" onClick={() => setEditing(stage.key)}>
                    Buat cetak biru<span className="visually-hidden"> {stage.name}</span>
                  </button>
                ) : null}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

export function BlueprintsPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => canReadCatPlans(me, agencyId)}>
      {(me) => <Blueprints key={`${agencyId}-${selectionId}`} agencyId={agencyId} selectionId={selectionId} canPlan={canPlanCat(me, agencyId)} />}
    </RequireAuth>
  );
}
