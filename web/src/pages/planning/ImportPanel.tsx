import { useId, useRef, useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { isImportRejected } from '../../api/planning';
import { Notice } from '../../components/Feedback';
import { formatNumber } from '../../lib/time';

type ImportPanelProps<T> = {
  /** What is imported, for the labels ("unit kerja, jabatan dan uraian tugas"). */
  what: string;
  upload: (file: File) => Promise<T>;
  describe: (result: T) => ReactNode;
  onImported: () => void;
  onClose: () => void;
  templateUrl: string;
};

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Uploads one XLSX file. The server saves all rows or none; when it refuses, every problem is
 * listed with its sheet, row and column so the file can be corrected in one pass.
 */
export function ImportPanel<T>({ what, upload, describe, onImported, onClose, templateUrl }: ImportPanelProps<T>) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: (chosen: File) => upload(chosen),
    onSuccess: () => onImported(),
    onSettled: () => setTimeout(() => resultRef.current?.focus(), 0),
  });
  const error = mutation.error;
  return (
    <>
      <p>
        Unggah berkas XLSX sesuai <a href={templateUrl} download>templat</a>. Semua baris disimpan bersama, atau tidak ada yang disimpan
        bila satu baris saja salah. Batas 5.000 baris per lembar dan 5 MB per berkas.
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) return setLocalError('Pilih berkas XLSX terlebih dahulu.');
          if (file.size > MAX_BYTES) return setLocalError('Berkas melebihi batas 5 MB.');
          setLocalError(null);
          mutation.mutate(file);
        }}
      >
        <div className={`field${localError ? ' field-invalid' : ''}`}>
          <label htmlFor={inputId}>Berkas XLSX {what}</label>
          <p className="hint" id={hintId}>
            Format .xlsx (Excel, LibreOffice Calc, Google Sheets → Unduh → .xlsx).
          </p>
          <input
            id={inputId}
            type="file"
            className="plan-file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={localError ? `${hintId} ${inputId}-error` : hintId}
            aria-invalid={localError ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              mutation.reset();
              setLocalError(null);
            }}
          />
          {localError ? (
            <p className="field-error" id={`${inputId}-error`}>
              {localError}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={mutation.isPending}>
            {mutation.isPending ? 'Mengimpor…' : 'Impor berkas'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Tutup
          </button>
        </div>
      </form>
      <div ref={resultRef} tabIndex={-1}>
        {mutation.isSuccess ? <Notice kind="success">{describe(mutation.data)}</Notice> : null}
        {error ? (
          <div className="alert alert-error" role="alert">
            <p>{errorMessage(error)}</p>
            {isImportRejected(error) && error.issues.some((issue) => issue.row !== null || issue.column !== null) ? (
              <div className="table-wrap" role="region" aria-label="Daftar masalah pada berkas" tabIndex={0}>
                <table>
                  <caption>
                    {formatNumber(error.issues.length)}
                    {error.truncated ? '+' : ''} masalah pada berkas
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Lembar</th>
                      <th scope="col">Baris</th>
                      <th scope="col">Kolom</th>
                      <th scope="col">Masalah</th>
                    </tr>
                  </thead>
                  <tbody>
                    {error.issues.map((issue, index) => (
                      <tr key={index}>
                        <td>{issue.sheet ?? '—'}</td>
                        <td className="plan-num">{issue.row ?? '—'}</td>
                        <td>{issue.column ?? '—'}</td>
                        <td>{issue.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            {isImportRejected(error) && error.truncated ? <p>Masih ada masalah lain; perbaiki yang tercantum lalu impor ulang.</p> : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
