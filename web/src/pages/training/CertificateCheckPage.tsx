import { useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { trainingApi } from '../../api/training';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { formatNumber } from '../../lib/time';

/** The public page behind a certificate's QR code: genuine, suspended, or refused. */
export function CertificateCheckPage() {
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const check = useQuery({ queryKey: ['public', 'certificate', number, token], queryFn: () => trainingApi.checkCertificate(number, token), retry: false, enabled: Boolean(token) });
  return (
    <>
      <PageTitle>Pemeriksaan sertifikat pelatihan</PageTitle>
      <p>Nomor sertifikat: {number || '—'}</p>
      {!token ? (
        <Notice kind="error">Tautan tidak lengkap: kode pemeriksaan tidak ada. Pindai ulang kode QR pada sertifikat.</Notice>
      ) : check.isPending ? (
        <Loading label="Memeriksa sertifikat…" />
      ) : check.isError ? (
        isApiError(check.error) && check.error.status === 404 ? (
          <Notice kind="error">
            <strong>Sertifikat tidak dikenal.</strong> Nomor dan kode ini tidak cocok dengan sertifikat yang diterbitkan sistem. Sertifikat atau kode QR-nya mungkin dipalsukan atau diubah.
          </Notice>
        ) : (
          <ErrorState error={check.error} onRetry={() => void check.refetch()} />
        )
      ) : (
        <>
          {check.data.certificate.valid ? (
            <Notice kind="success">
              <strong>Sertifikat asli dan berlaku.</strong>
            </Notice>
          ) : (
            <Notice kind="error">
              <strong>Sertifikat ini sedang tidak berlaku</strong>: kelasnya dibuka kembali untuk koreksi oleh penyelenggara.
            </Notice>
          )}
          <dl className="facts">
            <div>
              <dt>Nama peserta</dt>
              <dd>{check.data.certificate.participantName}</dd>
            </div>
            <div>
              <dt>Pelatihan</dt>
              <dd>
                {check.data.certificate.programmeName}
                {check.data.certificate.hours ? ` (${formatNumber(check.data.certificate.hours)} jam pelajaran)` : ''}
              </dd>
            </div>
            <div>
              <dt>Kelas</dt>
              <dd>{check.data.certificate.sessionName || '—'}</dd>
            </div>
            <div>
              <dt>Penyelenggara</dt>
              <dd>{check.data.certificate.agencyName}</dd>
            </div>
            <div>
              <dt>Lulus</dt>
              <dd>
                <DateTime value={check.data.certificate.completedAt} />
              </dd>
            </div>
          </dl>
        </>
      )}
    </>
  );
}
