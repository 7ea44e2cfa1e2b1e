import { useId, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { catBankApi, type BankImportResult, type BankScope } from '../../api/cat-banks';
import { errorMessage } from '../../api/client';
import { isImportRejected } from '../../api/planning';
import { Notice } from '../../components/Feedback';
import { formatNumber } from '../../lib/time';

const MAX_BYTES = 5 * 1024 * 1024;

function describe(result: BankImportResult) {
  const parts = Object.entries(result.bySubtest).map(([subtest, count]) => `${subtest} ${formatNumber(count)}`);
  return `${formatNumber(result.created)} soal diimpor sebagai draf (${parts.join(', ')}). Setiap soal perlu ditelaah orang lain lalu diaktifkan.`;
}

/**
 * Uploads one XLSX (the template's "Soal" sheet) or JSON (the export format). The server saves all
 * questions or none; when it refuses, every problem is listed by row and column.
 */
export function BankImport({ scope, bankId, onImported, onClose }: { scope: BankScope; bankId: string; onImported: () => void; onClose: () => void }) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: (chosen: File) => catBankApi.import(scope, bankId, chosen),
    onSuccess: () => onImported(),
    onSettled: () => setTimeout(() => resultRef.current?.focus(), 0),
  });
  const error = mutation.error;
  return (
    <section className="card panel" aria-labelledby="judul-impor-soal">
      <h2 id="judul-impor-soal" tabIndex={-1}>Impor soal</h2>
      <p>
        Unggah berkas XLSX sesuai <a href={catBankApi.templateUrl(scope)} download>templat</a>, atau berkas JSON hasil ekspor bank soal. Semua soal disimpan
        bersama sebagai draf, atau tidak ada yang disimpan bila satu baris saja salah. Batas 5.000 soal dan 5 MB per berkas.
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!file) return setLocalError('Pilih berkas XLSX atau JSON terlebih dahulu.');
          if (file.size > MAX_BYTES) return setLocalError('Berkas melebihi batas 5 MB.');
          setLocalError(null);
          mutation.mutate(file);
        }}
      >
        <div className={`field${localError ? ' field-invalid' : ''}`}>
          <label htmlFor={inputId}>Berkas soal (XLSX atau JSON)</label>
          <p className="hint" id={hintId}>
            Gambar tidak ikut diimpor; tambahkan gambar pada soal setelah impor.
          </p>
          <input
            id={inputId}
            type="file"
            accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
        {mutation.isSuccess ? <Notice kind="success">{describe(mutation.data.result)}</Notice> : null}
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
                      <th scope="col">Baris / nomor soal</th>
                      <th scope="col">Kolom</th>
                      <th scope="col">Masalah</th>
                    </tr>
                  </thead>
                  <tbody>
                    {error.issues.map((issue, index) => (
                      <tr key={index}>
                        <td className="cb-num">{issue.row ?? '—'}</td>
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
    </section>
  );
}
