import { useId, type ReactNode } from 'react';
import { PIPELINE_WEIGHT_TOTAL, STAGE_KINDS, validatePipeline, type PassRule, type PipelineStage, type StageKind } from '../../../../core/pipeline';
import { describePassRule, STAGE_KIND_LABELS } from '../../../../core/selection-text';
import type { PipelineStageInput } from '../../api/selections';
import { documentKey } from './DocumentsEditor';

type PipelineEditorProps = {
  value: PipelineStageInput[];
  onChange: (value: PipelineStageInput[]) => void;
  /** The server's problem for a path of the pipeline ('1.weight', '' for the list itself). */
  serverError: (path: string) => string | undefined;
};

const SCORED: readonly StageKind[] = ['cat', 'panel'];
const isScored = (kind: StageKind) => SCORED.includes(kind);

/** The sum of the scored stages' weights, exactly as entered (two decimals are plenty for display). */
export function scoredWeightSum(stages: readonly PipelineStageInput[]): number {
  return Math.round(stages.filter((stage) => isScored(stage.kind)).reduce((sum, stage) => sum + (Number.isFinite(stage.weight) ? stage.weight : 0), 0) * 1e6) / 1e6;
}

/** Problems core/pipeline finds, by path ('2.weight', '' for the whole list). */
export function pipelineProblems(stages: readonly PipelineStageInput[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of validatePipeline(stages as PipelineStage[]).errors) {
    const path = issue.field === 'stages' ? '' : issue.field.replace(/^stages\./, '');
    problems[path] ??= issue.message;
  }
  return problems;
}

const RULE_OPTIONS: Array<{ value: PassRule['type']; label: string }> = [
  { value: 'none', label: 'Tanpa nilai ambang batas' },
  { value: 'minScore', label: 'Nilai minimal (skala 0–100)' },
  { value: 'topN', label: 'Peringkat terbaik (kelipatan jumlah formasi)' },
];

function defaultRule(type: PassRule['type']): PassRule {
  if (type === 'minScore') return { type: 'minScore', min: 60 };
  if (type === 'topN') return { type: 'topN', multiplier: 3, keepTies: true };
  return { type: 'none' };
}

const numberValue = (value: number) => (Number.isFinite(value) ? value : '');
const readNumber = (text: string) => (text === '' ? Number.NaN : Number(text));

function Field({ id, label, error, children, hint }: { id: string; label: string; error?: string; children: ReactNode; hint?: string }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

const aria = (id: string, error?: string, hint?: string) => {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined };
};

function PassRuleFields({ stage, error, onChange }: { stage: PipelineStageInput; error: (path: string) => string | undefined; onChange: (rule: PassRule) => void }) {
  const id = useId();
  const rule = stage.passRule as PassRule;
  if (stage.kind === 'administrasi') {
    return <p className="muted">Aturan: Memenuhi Syarat (MS) atau Tidak Memenuhi Syarat (TMS) per persyaratan.</p>;
  }
  const options = rule.type === 'passMarksBySubtest' ? [...RULE_OPTIONS, { value: 'passMarksBySubtest' as const, label: 'Nilai ambang batas per subtes' }] : RULE_OPTIONS;
  return (
    <div className="rule-fields">
      <Field id={`${id}-type`} label="Aturan kelulusan" error={error('passRule') ?? error('passRule.type')}>
        <select id={`${id}-type`} value={rule.type} {...aria(`${id}-type`, error('passRule'))} onChange={(event) => onChange(defaultRule(event.target.value as PassRule['type']))}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      {rule.type === 'minScore' ? (
        <Field id={`${id}-min`} label="Nilai minimal" error={error('passRule.min')}>
          <input id={`${id}-min`} type="number" min={0} max={100} step="any" value={numberValue(rule.min)} {...aria(`${id}-min`, error('passRule.min'))} onChange={(event) => onChange({ ...rule, min: readNumber(event.target.value) })} />
        </Field>
      ) : null}
      {rule.type === 'topN' ? (
        <>
          <Field id={`${id}-multiplier`} label="Kelipatan jumlah formasi" error={error('passRule.multiplier')} hint="Contoh: 3 berarti paling banyak 3 × jumlah formasi yang lolos.">
            <input
              id={`${id}-multiplier`}
              type="number"
              min={1}
              max={100}
              step={1}
              value={numberValue(rule.multiplier)}
              {...aria(`${id}-multiplier`, error('passRule.multiplier'), 'hint')}
              onChange={(event) => onChange({ ...rule, multiplier: readNumber(event.target.value) })}
            />
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={rule.keepTies} onChange={(event) => onChange({ ...rule, keepTies: event.target.checked })} />
            <span>Peserta dengan nilai sama di batas ikut lolos</span>
          </label>
        </>
      ) : null}
      <p className="muted rule-text">{describePassRule(rule)}</p>
    </div>
  );
}

function ComponentsFields({ stage, error, onChange }: { stage: PipelineStageInput; error: (path: string) => string | undefined; onChange: (components: PipelineStageInput['components']) => void }) {
  const id = useId();
  const components = stage.components ?? [];
  const sum = Math.round(components.reduce((total, component) => total + (Number.isFinite(component.weight) ? component.weight : 0), 0) * 1e6) / 1e6;
  const listError = error('components');
  return (
    <fieldset className="components">
      <legend>Komponen penilaian tahap ini (opsional)</legend>
      {components.length === 0 ? <p className="muted">Tanpa komponen: tahap dinilai sebagai satu nilai.</p> : null}
      {components.map((component, index) => {
        const at = (field: string) => error(`components.${index}.${field}`);
        const update = (next: Partial<typeof component>) => onChange(components.map((item, i) => (i === index ? { ...item, ...next } : item)));
        return (
          <div className="component-row" key={index}>
            <Field id={`${id}-${index}-name`} label={`Komponen ${index + 1}: nama`} error={at('name')}>
              <input
                id={`${id}-${index}-name`}
                type="text"
                value={component.name}
                maxLength={120}
                {...aria(`${id}-${index}-name`, at('name'))}
                onChange={(event) => update({ name: event.target.value })}
                onBlur={() => {
                  if (!component.key && component.name.trim()) update({ key: documentKey(component.name) });
                }}
              />
            </Field>
            <Field id={`${id}-${index}-key`} label="Kode" error={at('key')}>
              <input id={`${id}-${index}-key`} type="text" value={component.key} maxLength={40} {...aria(`${id}-${index}-key`, at('key'))} onChange={(event) => update({ key: event.target.value.trim() })} />
            </Field>
            <Field id={`${id}-${index}-kind`} label="Cara penilaian" error={at('kind')}>
              <select id={`${id}-${index}-kind`} value={component.kind} onChange={(event) => update({ kind: event.target.value as 'cat' | 'panel' })}>
                <option value="cat">{STAGE_KIND_LABELS.cat}</option>
                <option value="panel">{STAGE_KIND_LABELS.panel}</option>
              </select>
            </Field>
            <Field id={`${id}-${index}-weight`} label="Bobot dalam tahap (%)" error={at('weight')}>
              <input
                id={`${id}-${index}-weight`}
                type="number"
                min={0}
                max={100}
                step="any"
                inputMode="decimal"
                value={numberValue(component.weight)}
                {...aria(`${id}-${index}-weight`, at('weight'))}
                onChange={(event) => update({ weight: readNumber(event.target.value) })}
              />
            </Field>
            <button type="button" className="button button-small button-danger" onClick={() => onChange(components.filter((_, i) => i !== index).length ? components.filter((_, i) => i !== index) : undefined)}>
              Hapus<span className="visually-hidden"> komponen {component.name}</span>
            </button>
          </div>
        );
      })}
      {components.length > 0 ? (
        <p className={`weight-sum${sum === 100 ? ' weight-ok' : ' weight-bad'}`}>
          Jumlah bobot komponen: {sum.toLocaleString('id-ID')}%{sum === 100 ? ' ✓' : ' — harus 100%'}
        </p>
      ) : null}
      {listError ? <p className="field-error">{listError}</p> : null}
      <button type="button" className="button button-small button-secondary" onClick={() => onChange([...components, { key: '', name: '', kind: 'cat', weight: components.length ? 0 : 100 }])}>
        Tambah komponen
      </button>
    </fieldset>
  );
}

function StageFields({
  index,
  count,
  stage,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  stage: PipelineStageInput;
  error: (path: string) => string | undefined;
  onChange: (stage: PipelineStageInput) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const scored = isScored(stage.kind);
  return (
    <li className="stage-card">
      <fieldset>
        <legend>
          Tahap {index + 1}: {stage.name || '(tanpa nama)'}
          {scored ? ` — bobot ${Number.isFinite(stage.weight) ? stage.weight.toLocaleString('id-ID') : '?'}%` : ''}
        </legend>
        <div className="stage-grid">
          <Field id={`${id}-name`} label="Nama tahap" error={error('name')}>
            <input
              id={`${id}-name`}
              type="text"
              value={stage.name}
              maxLength={120}
              {...aria(`${id}-name`, error('name'))}
              onChange={(event) => onChange({ ...stage, name: event.target.value })}
              onBlur={() => {
                if (!stage.key && stage.name.trim()) onChange({ ...stage, key: documentKey(stage.name) });
              }}
            />
          </Field>
          <Field id={`${id}-key`} label="Kode" error={error('key')}>
            <input id={`${id}-key`} type="text" value={stage.key} maxLength={40} {...aria(`${id}-key`, error('key'))} onChange={(event) => onChange({ ...stage, key: event.target.value.trim() })} />
          </Field>
          <Field id={`${id}-kind`} label="Jenis tahap" error={error('kind')}>
            <select
              id={`${id}-kind`}
              value={stage.kind}
              {...aria(`${id}-kind`, error('kind'))}
              onChange={(event) => {
                const kind = event.target.value as StageKind;
                const next: PipelineStageInput = { ...stage, kind, weight: isScored(kind) ? stage.weight : 0 };
                if (kind === 'administrasi') next.passRule = { type: 'none' };
                if (!isScored(kind)) delete next.components;
                onChange(next);
              }}
            >
              {STAGE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {STAGE_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-weight`} label="Bobot nilai akhir (%)" error={error('weight')} hint={scored ? undefined : 'Tahap ini tidak berbobot.'}>
            <input
              id={`${id}-weight`}
              type="number"
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
              disabled={!scored}
              value={numberValue(stage.weight)}
              {...aria(`${id}-weight`, error('weight'), scored ? undefined : 'hint')}
              onChange={(event) => onChange({ ...stage, weight: readNumber(event.target.value) })}
            />
          </Field>
        </div>
        <PassRuleFields stage={stage} error={error} onChange={(passRule) => onChange({ ...stage, passRule: passRule as PipelineStageInput['passRule'] })} />
        <label className="checkbox">
          <input type="checkbox" checked={stage.eliminates} onChange={(event) => onChange({ ...stage, eliminates: event.target.checked })} />
          <span>Peserta yang tidak lolos tahap ini gugur</span>
        </label>
        {error('eliminates') ? <p className="field-error">{error('eliminates')}</p> : null}
        {scored ? <ComponentsFields stage={stage} error={error} onChange={(components) => onChange(components ? { ...stage, components } : (({ components: _c, ...rest }) => rest)(stage))} /> : null}
        <div className="actions stage-actions">
          <button type="button" className="button button-small button-secondary" onClick={() => onMove(-1)} disabled={index === 0}>
            Naikkan<span className="visually-hidden"> tahap {stage.name}</span>
          </button>
          <button type="button" className="button button-small button-secondary" onClick={() => onMove(1)} disabled={index === count - 1}>
            Turunkan<span className="visually-hidden"> tahap {stage.name}</span>
          </button>
          <button type="button" className="button button-small button-danger" onClick={onRemove} disabled={count === 1}>
            Hapus<span className="visually-hidden"> tahap {stage.name}</span>
          </button>
        </div>
      </fieldset>
    </li>
  );
}

/** The ordered stages with their weights, rules and components, and the live sum of the weights. */
export function PipelineEditor({ value, onChange, serverError }: PipelineEditorProps) {
  const problems = pipelineProblems(value);
  const sum = scoredWeightSum(value);
  const sumOk = sum === PIPELINE_WEIGHT_TOTAL;
  const listError = problems[''] ?? serverError('');
  const move = (index: number, delta: number) => {
    const next = [...value];
    const [stage] = next.splice(index, 1);
    next.splice(index + delta, 0, stage!);
    onChange(next);
  };
  return (
    <div className="pipeline-editor">
      <p className="weight-total" role="status">
        <span className={sumOk ? 'weight-ok' : 'weight-bad'}>
          Jumlah bobot tahap CAT dan panel: <strong>{sum.toLocaleString('id-ID')}%</strong>
          {sumOk ? ' ✓ sudah 100%' : ` — harus ${PIPELINE_WEIGHT_TOTAL}% (${sum < PIPELINE_WEIGHT_TOTAL ? 'kurang' : 'lebih'} ${Math.abs(PIPELINE_WEIGHT_TOTAL - sum).toLocaleString('id-ID')}%)`}
        </span>
      </p>
      {listError && !listError.startsWith('Jumlah bobot') ? <p className="field-error">{listError}</p> : null}
      <ol className="stage-list">
        {value.map((stage, index) => (
          <StageFields
            key={index}
            index={index}
            count={value.length}
            stage={stage}
            error={(path) => problems[`${index}.${path}`] ?? serverError(`${index}.${path}`)}
            onChange={(next) => onChange(value.map((item, i) => (i === index ? next : item)))}
            onMove={(delta) => move(index, delta)}
            onRemove={() => onChange(value.filter((_, i) => i !== index))}
          />
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const last = value[value.length - 1];
          const stage: PipelineStageInput = { key: '', name: '', kind: 'panel', weight: 0, passRule: { type: 'none' }, eliminates: false };
          // A new scored stage goes before the final integration, which must stay last.
          onChange(last?.kind === 'integrasi' ? [...value.slice(0, -1), stage, last] : [...value, stage]);
        }}
      >
        Tambah tahap
      </button>
    </div>
  );
}
