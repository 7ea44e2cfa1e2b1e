import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ANNOUNCEMENT_KIND_LABELS, type AnnouncementKind } from '../../../../../core/announcements';
import { publicAnnouncementApi, type AnnouncementVerification } from '../../../api/announcements';
import { DateTime } from '../../../components/DateTime';
import { TextField } from '../../../components/Field';
import { FileField } from '../../../components/FileField';
import { ErrorState, Loading, Notice } from '../../../components/Feedback';
import { FormErrors, fieldError } from '../../../components/FormErrors';
import { PageTitle } from '../../../components/PageTitle';
import { formatBytes, zoneOf } from '../../../lib/agencyTime';
import { Fingerprint } from './Fingerprint';

const HEX64 = /^[0-9a-f]{64}$/;
const MAX_BYTES = 50 * 1024 * 1024;

function Result({ result, fileName }: { result: AnnouncementVerification; fileName?: string }) {
  return (
    <section className="card panel verification-result" aria-labelledby="judul-hasil-periksa" aria-live="polite">
      <h2 id="judul-hasil-periksa" tabIndex={-1}>
        {result.found ? 'Berkas ini asli: pernah diterbitkan' : 'Tidak ditemukan'}
      </h2>
      {fileName ? (
        <p>
          Berkas: <strong>{fileName}</strong>
          {result.sizeBytes !== null ? ` (${formatBytes(result.sizeBytes)})` : ''}. Berkas hanya dihitung sidik jarinya, tidak disimpan.
        </p>
      ) : null}
      <Fingerprint sha256={result.sha256} />
      {result.found ? (
        <ul className="verification-matches">
          {result.matches.map((match) => (
            <li key={`${match.announcement.id}-${match.fileTitle}`}>
              <p>
                Diterbitkan oleh <strong>{match.agency.name}</strong> pada <DateTime value={match.announcement.publishedAt} timeZone={zoneOf(match.agency.timezone)} /> dalam
                pengumuman <Link to={`/pengumuman/${match.announcement.id}`}>“{match.announcement.title}”</Link> (
                {ANNOUNCEMENT_KIND_LABELS[match.announcement.kind as AnnouncementKind] ?? match.announcement.kind}), sebagai lampiran “{match.fileTitle}”.
              </p>
              {match.supersededBy ? (
                <Notice kind="info">
                  Perhatian: pengumuman itu sudah <strong>digantikan</strong> oleh <Link to={`/pengumuman/${match.supersededBy.id}`}>“{match.supersededBy.title}”</Link> pada{' '}
                  <DateTime value={match.supersededBy.publishedAt} timeZone={zoneOf(match.agency.timezone)} />.
                </Notice>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          Tidak ada pengumuman terbit yang memuat berkas dengan sidik jari ini. Berkas mungkin sudah diubah (satu bita pun mengubah sidik jarinya), belum
          diterbitkan, atau bukan dari sistem ini. Unduh berkas asli dari halaman pengumuman instansi.
        </p>
      )}
    </section>
  );
}

export function VerifyPage() {
  const [params, setParams] = useSearchParams();
  const pasted = (params.get('sha256') ?? '').toLowerCase();
  const [fingerprint, setFingerprint] = useState(pasted);
  const [fingerprintError, setFingerprintError] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const byFingerprint = useQuery({
    queryKey: ['public', 'verify', pasted],
    queryFn: () => publicAnnouncementApi.verifyFingerprint(pasted),
    enabled: HEX64.test(pasted),
  });
  const byFile = useMutation({
    mutationFn: (chosen: File) => publicAnnouncementApi.verifyFile(chosen, setProgress),
    onSettled: () => setProgress(null),
  });
  const tooBig = file ? file.size > MAX_BYTES : false;

  return (
    <>
      <PageTitle title="Periksa keaslian berkas pengumuman">Periksa keaslian berkas pengumuman</PageTitle>
      <p className="lead">
        Setiap lampiran pengumuman memiliki sidik jari SHA-256. Unggah berkas yang Anda terima (misalnya dari grup percakapan) atau tempel sidik jarinya untuk
        mengetahui apakah, kapan, dan oleh instansi mana berkas itu diterbitkan.
      </p>

      <div className="two-columns">
        <section className="card" aria-labelledby="judul-unggah-periksa">
          <h2 id="judul-unggah-periksa">Unggah berkas</h2>
          <FormErrors error={byFile.error} labels={{ file: 'Berkas' }} />
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (file && !tooBig) {
                setParams({}, { replace: true });
                byFile.mutate(file);
              }
            }}
          >
            <FileField
              label="Berkas yang akan diperiksa"
              accept=".pdf,application/pdf,image/*"
              required
              inputRef={fileInput}
              hint="Berkas tidak disimpan; hanya sidik jarinya yang dihitung. Maksimal 50 MB."
              error={tooBig ? 'Ukuran berkas melebihi 50 MB.' : fieldError(byFile.error, 'file')}
              onFileChange={(chosen) => {
                setFile(chosen);
                byFile.reset();
              }}
            />
            {progress !== null ? (
              <p role="status">
                Mengirim… <progress max={1} value={progress} aria-label="Kemajuan pengiriman" /> {Math.round(progress * 100)}%
              </p>
            ) : null}
            <button type="submit" className="button" disabled={!file || tooBig || byFile.isPending}>
              {byFile.isPending ? 'Memeriksa…' : 'Periksa berkas'}
            </button>
          </form>
        </section>

        <section className="card" aria-labelledby="judul-tempel-periksa">
          <h2 id="judul-tempel-periksa">Tempel sidik jari</h2>
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const value = fingerprint.replace(/\s+/g, '').toLowerCase();
              if (!HEX64.test(value)) {
                setFingerprintError('Sidik jari SHA-256 terdiri dari 64 karakter 0–9 dan a–f.');
                return;
              }
              setFingerprintError(undefined);
              byFile.reset();
              setParams({ sha256: value });
            }}
          >
            <TextField
              label="Sidik jari SHA-256"
              name="sha256"
              value={fingerprint}
              onValueChange={setFingerprint}
              autoComplete="off"
              spellCheck={false}
              hint="64 karakter heksadesimal, spasi boleh."
              error={fingerprintError}
            />
            <button type="submit" className="button">
              Periksa sidik jari
            </button>
          </form>
        </section>
      </div>

      {byFile.data ? (
        <Result result={byFile.data} fileName={file?.name} />
      ) : HEX64.test(pasted) ? (
        byFingerprint.isPending ? (
          <Loading label="Memeriksa sidik jari…" />
        ) : byFingerprint.isError ? (
          <ErrorState error={byFingerprint.error} onRetry={() => void byFingerprint.refetch()} />
        ) : (
          <Result result={byFingerprint.data} />
        )
      ) : pasted ? (
        <Notice kind="error">Sidik jari pada alamat ini tidak valid: harus 64 karakter heksadesimal.</Notice>
      ) : null}
    </>
  );
}
