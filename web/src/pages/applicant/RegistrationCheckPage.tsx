import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { registrationCheckApi } from '../../api/endpoints';
import { ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import './applicant.css';

function NotFound() {
  return (
    <>
      <PageTitle>Pendaftaran tidak ditemukan</PageTitle>
      <div className="alert alert-error" role="alert">
        <p>
          <strong>Tidak ditemukan.</strong> Tidak ada pendaftaran terkirim dengan nomor dan kode ini.
        </p>
      </div>
      <p>
        Tautan ini mungkin diubah atau tidak lengkap. Pindai ulang kode QR pada kartu pendaftaran, atau salin tautan di bawah kode QR apa adanya. Kartu
        yang tautannya tidak dapat dikonfirmasi di sini tidak boleh dianggap sah.
      </p>
      <p>
        <Link to="/">Ke beranda</Link>
      </p>
    </>
  );
}

/**
 * The public confirmation behind the QR code of a registration card: anyone holding the card's
 * link sees that the registration exists, with masked data only and the fingerprints of what was
 * submitted. A link whose code does not match is answered "not found", like one that never existed.
 */
export function RegistrationCheckPage() {
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const usable = number.length > 0 && number.length <= 60 && token.length >= 10 && token.length <= 60;
  const check = useQuery({
    queryKey: ['public', 'registration', number, token],
    queryFn: () => registrationCheckApi.get(number, token),
    enabled: usable,
    retry: false,
  });

  if (!usable) return <NotFound />;
  if (check.isPending) {
    return (
      <>
        <PageTitle>Cek pendaftaran</PageTitle>
        <Loading label="Memeriksa pendaftaran…" />
      </>
    );
  }
  if (check.isError) {
    if (isApiError(check.error) && (check.error.status === 404 || check.error.status === 400)) return <NotFound />;
    return (
      <>
        <PageTitle>Cek pendaftaran</PageTitle>
        <ErrorState error={check.error} onRetry={() => void check.refetch()} />
      </>
    );
  }
  const data = check.data;
  return (
    <div className="pelamar">
      <PageTitle title={`Pendaftaran ${data.registrationNumber}`}>
        Pendaftaran tercatat
        <span className="subtitle">{data.registrationNumber}</span>
      </PageTitle>
      <div className="alert alert-success" role="status">
        <p>
          Pendaftaran dengan nomor <strong>{data.registrationNumber}</strong> tercatat di sistem Rekrutmen ASN dan telah dikirim.
        </p>
      </div>
      <dl className="facts">
        <dt>Nomor pendaftaran</dt>
        <dd>{data.registrationNumber}</dd>
        <dt>Nama (disamarkan)</dt>
        <dd>{data.nameMasked}</dd>
        <dt>Instansi</dt>
        <dd>{data.agencyName}</dd>
        <dt>Seleksi</dt>
        <dd>{data.selectionName}</dd>
        <dt>Formasi</dt>
        <dd>{data.formasi}</dd>
        <dt>Dikirim</dt>
        <dd>
          <time dateTime={data.submittedAt}>{data.submittedAtText}</time>
        </dd>
      </dl>
      <section aria-labelledby="judul-sidik-jari">
        <h2 id="judul-sidik-jari">Sidik jari dokumen (SHA-256)</h2>
        <p>
          Sidik jari ini sama dengan yang tercetak pada kartu pendaftaran. Berkas yang diubah sedikit saja menghasilkan sidik jari yang sama sekali
          berbeda.
        </p>
        {data.documents.length === 0 ? (
          <p className="empty">Tidak ada dokumen pada pendaftaran ini.</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="judul-tabel-sidik-jari">
            <table>
              <caption id="judul-tabel-sidik-jari">Sidik jari setiap dokumen</caption>
              <thead>
                <tr>
                  <th scope="col">Dokumen</th>
                  <th scope="col">SHA-256</th>
                </tr>
              </thead>
              <tbody>
                {data.documents.map((document) => (
                  <tr key={`${document.name}-${document.sha256}`}>
                    <th scope="row">{document.name}</th>
                    <td>
                      <code className="sha256">{document.sha256}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>Sidik jari pendaftaran</h3>
        <p>
          <code className="sha256" data-testid="sidik-jari-pendaftaran">
            {data.fingerprint}
          </code>
        </p>
        <p className="hint">Satu sidik jari untuk nomor pendaftaran beserta semua dokumennya, sama dengan yang tercetak pada kartu.</p>
      </section>
    </div>
  );
}
