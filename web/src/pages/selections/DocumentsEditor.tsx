import { useId, type ReactNode } from 'react';
import { DEFAULT_REQUIRED_DOCUMENTS, DOCUMENT_FORMATS, DOCUMENT_MAX_KB, type RequiredDocument } from '../../../../core/selections';
import { DOCUMENT_FORMAT_LABELS } from '../../../../core/selection-text';

type DocumentsEditorProps = {
  value: RequiredDocument[];
  onChange: (value: RequiredDocument[]) => void;
  /** The server's problem for a field of the list ('0.maxKb', '' for the list itself). */
  serverError: (path: string) => string | undefined;
};

const KEY = /^[a-z][a-z0-9_]*$/;

/** A document code from its name: "Surat Tanda Registrasi" → "surat_tanda_registrasi". */
export function documentKey(name: string): string {
  const key = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40);
  return key || 'dokumen';
}

/** Problems the server would report, by path ('0.name', '2.formats'…, '' for the whole list). */
export function documentProblems(documents: RequiredDocument[]): Record<string, string> {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  documents.forEach((document, index) => {
    if (!KEY.test(document.key) || document.key.length > 40) problems[`${index}.key`] = 'Kode: huruf kecil, angka atau garis bawah, diawali huruf (maks. 40).';
    else if (seen.has(document.key)) problems[`${index}.key`] = `Kode "${document.key}" sudah dipakai dokumen lain.`;
    seen.add(document.key);
    if (document.name.trim().length < 2) problems[`${index}.name`] = 'Nama dokumen minimal 2 karakter.';
    if (document.formats.length === 0) problems[`${index}.formats`] = 'Pilih minimal satu format.';
    if (!Number.isInteger(document.maxKb) || document.maxKb < 10 || document.maxKb > DOCUMENT_MAX_KB) {
      problems[`${index}.maxKb`] = `Batas ukuran bilangan bulat 10–${DOCUMENT_MAX_KB.toLocaleString('id-ID')} KB.`;
    }
  });
  return problems;
}

function DocumentFields({
  index,
  document,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  document: RequiredDocument;
  error: (field: string) => string | undefined;
  onChange: (document: RequiredDocument) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const field = (name: string, label: string, input: ReactNode, problem?: string) => (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {input}
      {problem ? (
        <p className="field-error" id={`${id}-${name}-error`}>
          {problem}
        </p>
      ) : null}
    </div>
  );
  const described = (name: string, problem?: string) => (problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-${name}-error` } : {});
  const formatsError = error('formats');
  return (
    <fieldset className="doc-card">
      <legend>
        Dokumen {index + 1}: {document.name || '(tanpa nama)'}
      </legend>
      <div className="doc-grid">
        {field(
          'name',
          'Nama dokumen',
          <input
            id={`${id}-name`}
            type="text"
            value={document.name}
            maxLength={120}
            {...described('name', error('name'))}
            onChange={(event) => onChange({ ...document, name: event.target.value })}
            onBlur={() => {
              if (!document.key && document.name.trim()) onChange({ ...document, key: documentKey(document.name) });
            }}
          />,
          error('name'),
        )}
        {field(
          'key',
          'Kode (untuk sistem)',
          <input id={`${id}-key`} type="text" value={document.key} maxLength={40} {...described('key', error('key'))} onChange={(event) => onChange({ ...document, key: event.target.value.trim() })} />,
          error('key'),
        )}
        {field(
          'maxKb',
          'Batas ukuran (KB)',
          <input
            id={`${id}-maxKb`}
            type="number"
            inputMode="numeric"
            min={10}
            max={DOCUMENT_MAX_KB}
            step={1}
            value={Number.isFinite(document.maxKb) ? document.maxKb : ''}
            {...described('maxKb', error('maxKb'))}
            onChange={(event) => onChange({ ...document, maxKb: event.target.value === '' ? Number.NaN : Number(event.target.value) })}
          />,
          error('maxKb'),
        )}
      </div>
      <fieldset className={`field checkbox-group${formatsError ? ' field-invalid' : ''}`} aria-describedby={formatsError ? `${id}-formats-error` : undefined}>
        <legend>Format yang diterima</legend>
        <div className="inline-checks">
          {DOCUMENT_FORMATS.map((format) => (
            <label key={format} className="checkbox">
              <input
                type="checkbox"
                checked={document.formats.includes(format)}
                onChange={(event) =>
                  onChange({ ...document, formats: event.target.checked ? DOCUMENT_FORMATS.filter((f) => f === format || document.formats.includes(f)) : document.formats.filter((f) => f !== format) })
                }
              />
              <span>{DOCUMENT_FORMAT_LABELS[format]}</span>
            </label>
          ))}
        </div>
        {formatsError ? (
          <p className="field-error" id={`${id}-formats-error`}>
            {formatsError}
          </p>
        ) : null}
      </fieldset>
      <div className="actions">
        <label className="checkbox">
          <input type="checkbox" checked={document.mandatory} onChange={(event) => onChange({ ...document, mandatory: event.target.checked })} />
          <span>Wajib diunggah</span>
        </label>
        <button type="button" className="button button-small button-danger" onClick={onRemove}>
          Hapus<span className="visually-hidden"> dokumen {document.name}</span>
        </button>
      </div>
    </fieldset>
  );
}

/** The documents an applicant uploads: name, code, formats, size limit, mandatory or not. */
export function DocumentsEditor({ value, onChange, serverError }: DocumentsEditorProps) {
  const problems = documentProblems(value);
  const listError = serverError('');
  return (
    <div className="documents-editor">
      {listError ? <p className="field-error">{listError}</p> : null}
      {value.length === 0 ? <p className="empty">Belum ada dokumen persyaratan.</p> : null}
      {value.map((document, index) => (
        <DocumentFields
          key={index}
          index={index}
          document={document}
          error={(field) => problems[`${index}.${field}`] ?? serverError(`${index}.${field}`)}
          onChange={(next) => onChange(value.map((item, i) => (i === index ? next : item)))}
          onRemove={() => onChange(value.filter((_, i) => i !== index))}
        />
      ))}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => onChange([...value, { key: '', name: '', formats: ['pdf'], maxKb: 800, mandatory: true }])}>
          Tambah dokumen
        </button>
        <button type="button" className="button button-secondary" onClick={() => onChange(DEFAULT_REQUIRED_DOCUMENTS.map((document) => ({ ...document, formats: [...document.formats] })))}>
          Kembalikan daftar bawaan
        </button>
      </div>
    </div>
  );
}
