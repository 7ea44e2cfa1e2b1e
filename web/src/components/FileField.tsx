import { useId, type Ref } from 'react';

type FileFieldProps = {
  label: string;
  accept: string;
  hint?: string;
  error?: string;
  required?: boolean;
  name?: string;
  onFileChange: (file: File | null) => void;
  inputRef?: Ref<HTMLInputElement>;
};

/** A labelled file picker; the server checks the content, the hint tells the person what it accepts. */
export function FileField({ label, accept, hint, error, required, name, onFileChange, inputRef }: FileFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (wajib)</span> : null}
      </label>
      {hint ? (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      <input
        id={id}
        ref={inputRef}
        type="file"
        name={name}
        accept={accept}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onFileChange(event.target.files?.[0] ?? null)}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
