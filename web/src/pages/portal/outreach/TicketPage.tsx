import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../api/client';
import { publicOutreachApi } from '../../../api/outreach';
import { DateTime } from '../../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../../components/Feedback';
import { PageTitle } from '../../../components/PageTitle';
import { zoneOf } from '../../../lib/agencyTime';
import { formatNumber } from '../../../lib/time';
import { audienceLabel, registrationStatusLabel } from '../../outreach/access';

export function TicketPage() {
  const { registrationId = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const kunci = params.get('kunci') ?? '';
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const justRegistered = Boolean((location.state as { justRegistered?: boolean } | null)?.justRegistered);
  const key = ['public', 'ticket', registrationId, kunci];
  const query = useQuery({ queryKey: key, queryFn: () => publicOutreachApi.ticket(registrationId, kunci), enabled: kunci.length > 0, retry: false });
  const cancel = useMutation({
    mutationFn: () => publicOutreachApi.cancel(registrationId, kunci),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      setConfirming(false);
    },
  });

  if (!kunci) {
    return (
      <>
        <PageTitle>Tiket tidak valid</PageTitle>
        <p>Tautan tiket tidak lengkap. Buka tautan dari email konfirmasi pendaftaran Anda.</p>
      </>
    );
  }
  if (query.isPending) return <Loading label="Memuat tiket…" />;
  if (query.isError) {
    return (
      <>
        <PageTitle>Tiket tidak ditemukan</PageTitle>
        <ErrorState error={query.error} />
        <p>Pastikan Anda membuka tautan lengkap dari email konfirmasi pendaftaran.</p>
      </>
    );
  }
  const ticket = query.data.ticket;
  const zone = zoneOf(ticket.event.agency.timezone);
  return (
    <>
      <PageTitle title={`Tiket — ${ticket.event.title}`}>
        Tiket sosialisasi
        <span className="subtitle">{ticket.event.title}</span>
      </PageTitle>
      {justRegistered ? (
        <Notice kind="success">
          {ticket.status === 'registered'
            ? 'Pendaftaran berhasil. Anda terdaftar sebagai peserta.'
            : `Pendaftaran berhasil. Kursi sudah penuh, Anda berada di daftar tunggu nomor ${formatNumber(ticket.waitlistPosition ?? 0)}.`}{' '}
          Tautan halaman ini juga dikirim ke email Anda; simpan baik-baik dan jangan dibagikan.
        </Notice>
      ) : null}
      {ticket.event.status === 'cancelled' ? <Notice kind="error">Acara ini dibatalkan oleh penyelenggara.</Notice> : null}

      <div className="ticket card">
        <dl className="facts">
          <dt>Nama</dt>
          <dd>{ticket.name}</dd>
          <dt>Email</dt>
          <dd>{ticket.email}</dd>
          <dt>Kelompok</dt>
          <dd>
            {audienceLabel(ticket.audience)}
            {ticket.institution ? ` — ${ticket.institution}` : ''}
          </dd>
          <dt>Status</dt>
          <dd>
            <strong>{registrationStatusLabel(ticket.status)}</strong>
            {ticket.waitlistPosition ? <> — urutan daftar tunggu: <strong>{formatNumber(ticket.waitlistPosition)}</strong></> : null}
          </dd>
          <dt>Waktu acara</dt>
          <dd>
            <DateTime value={ticket.event.startsAt} timeZone={zone} />
          </dd>
          <dt>Tempat</dt>
          <dd>{ticket.event.venue || 'Daring'}</dd>
          {ticket.checkedInAt ? (
            <>
              <dt>Hadir</dt>
              <dd>
                <DateTime value={ticket.checkedInAt} timeZone={zone} />
              </dd>
            </>
          ) : null}
        </dl>

        {ticket.qrUrl && ticket.checkinCode ? (
          <section aria-labelledby="judul-qr">
            <h2 id="judul-qr">Kode QR presensi</h2>
            <p>Tunjukkan kode ini kepada petugas di pintu masuk.{ticket.status === 'waitlisted' ? ' Kode ini baru berlaku bila Anda mendapat kursi.' : ''}</p>
            <img className="qr" src={ticket.qrUrl} width={240} height={240} alt={`Kode QR presensi untuk ${ticket.name}. Kode: ${ticket.checkinCode}`} />
            <p>
              Kode presensi: <strong className="checkin-code">{ticket.checkinCode}</strong>
            </p>
            <p className="muted small">
              Alamat dalam QR: <code data-testid="alamat-qr">{ticket.checkinUrl}</code>
            </p>
          </section>
        ) : null}
      </div>

      {ticket.canCancel ? (
        <section aria-labelledby="judul-batal-daftar">
          <h2 id="judul-batal-daftar">Berhalangan hadir?</h2>
          {confirming ? (
            <>
              <p>Kursi Anda akan diberikan kepada peserta berikutnya di daftar tunggu. Pembatalan tidak dapat diurungkan, tetapi Anda dapat mendaftar lagi bila pendaftaran masih dibuka.</p>
              {cancel.isError ? <Notice kind="error">{errorMessage(cancel.error)}</Notice> : null}
              <div className="actions">
                <button type="button" className="button button-danger" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
                  {cancel.isPending ? 'Membatalkan…' : 'Ya, batalkan pendaftaran saya'}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                  Kembali
                </button>
              </div>
            </>
          ) : (
            <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
              Batalkan pendaftaran
            </button>
          )}
        </section>
      ) : ticket.status === 'cancelled' ? (
        <Notice kind="info">Pendaftaran ini sudah dibatalkan.</Notice>
      ) : null}
      <p>
        <Link to={`/sosialisasi/${ticket.event.id}`}>Halaman acara</Link>
      </p>
    </>
  );
}
