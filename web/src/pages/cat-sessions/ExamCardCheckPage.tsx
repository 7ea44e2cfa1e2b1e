import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { catSessionsApi } from '../../api/cat-sessions';
import { isApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function NotFound() {
  return (
    <>
      <PageTitle>Kartu ujian tidak ditemukan</PageTitle>
      <div className="alert alert-error" role="alert">
        <p>
          <strong>Tidak ditemukan.</strong> Tidak ada kartu ujian dengan kode ini, atau pesertanya belum mendapat kursi.
        </p>
      </div>
      <p>Pindai ulang kode QR pada kartu ujian, atau salin tautan di bawah kode QR apa adanya. Kartu yang tidak dapat dikonfirmasi di sini tidak boleh dianggap sah.</p>
      <p>
        <Link to="/">Ke beranda</Link>
      </p>
    </>
  );
}

/**
 * The public check behind the QR code of an exam card: the participant's current session, room and
 * seat, with the name masked. A code that does not match is answered "not found".
 */
export function ExamCardCheckPage() {
  const { attemptId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const usable = UUID.test(attemptId) && token.length >= 10 && token.length <= 60;
  const check = useQuery({ queryKey: ['public', 'cat-card', attemptId, token], queryFn: () => catSessionsApi.publicCard(attemptId, token), enabled: usable, retry: false });

  if (!usable) return <NotFound />;
  if (check.isPending) {
    return (
      <>
        <PageTitle>Cek kartu ujian</PageTitle>
        <Loading label="Memeriksa kartu ujian…" />
      </>
    );
  }
  if (check.isError) {
    if (isApiError(check.error) && (check.error.status === 404 || check.error.status === 400)) return <NotFound />;
    return (
      <>
        <PageTitle>Cek kartu ujian</PageTitle>
        <ErrorState error={check.error} onRetry={() => void check.refetch()} />
      </>
    );
  }
  const data = check.data;
  return (
    <>
      <PageTitle title={`Kartu ujian ${data.registrationNumber}`}>
        Kartu ujian tercatat
        <span className="subtitle">{data.registrationNumber}</span>
      </PageTitle>
      <div className="alert alert-success" role="status">
        <p>
          Peserta dengan nomor pendaftaran <strong>{data.registrationNumber}</strong> terjadwal mengikuti ujian CAT berikut. Bila jadwal pada kartu berbeda, jadwal di halaman ini yang berlaku.
        </p>
      </div>
      <dl className="facts">
        <dt>Nama (disamarkan)</dt>
        <dd>{data.nameMasked}</dd>
        <dt>Instansi</dt>
        <dd>{data.agencyName}</dd>
        <dt>Seleksi</dt>
        <dd>
          {data.selectionName} — {data.blueprintName}
        </dd>
        <dt>Sesi</dt>
        <dd>{data.sessionName}</dd>
        <dt>Waktu mulai</dt>
        <dd>
          <time dateTime={data.startsAt}>{data.startsAtText}</time>
        </dd>
        <dt>Lokasi dan ruang</dt>
        <dd>
          {data.venueName}, {data.roomName}
        </dd>
        <dt>Nomor kursi</dt>
        <dd>{data.seat}</dd>
      </dl>
    </>
  );
}
