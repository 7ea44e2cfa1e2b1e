import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { FINAL_LIST_LABELS } from '../../../../core/final-results';
import { isApiError } from '../../api/client';
import { resultsApi, resultsKeys } from '../../api/results';
import { DateTime } from '../../components/DateTime';
import { Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { DEFAULT_TIMEZONE, isAgencyTimezone } from '../../lib/time';
import { resultPaths } from './access';
import { FinalStatusTag } from './shared';
import '../verification/verification.css';
import './results.css';

const CODE = /^[A-Za-z0-9_-]{22}$/;

function CodeForm({ initial }: { initial: string }) {
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const trimmed = code.trim().replace(/^.*\/verifikasi-hasil\//, '');
  return (
    <form
      className="form search-form"
      role="search"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed) navigate(resultPaths.publicCheck(trimmed));
      }}
    >
      <TextField label="Kode verifikasi pada surat hasil" hint="22 karakter di bawah kode QR, atau tempel alamat lengkapnya." value={code} onValueChange={setCode} autoComplete="off" />
      <button type="submit" className="button" disabled={!trimmed}>
        Periksa
      </button>
    </form>
  );
}

function Check({ code }: { code: string }) {
  const wellFormed = CODE.test(code);
  const query = useQuery({ queryKey: resultsKeys.publicCheck(code), queryFn: async () => (await resultsApi.publicCheck(code)).check, enabled: wellFormed, retry: false });
  if (!wellFormed) return <Notice kind="error">Kode ini bukan kode surat hasil yang sah (kode terdiri dari 22 huruf, angka, tanda minus atau garis bawah). Surat dengan kode seperti ini tidak diterbitkan oleh sistem.</Notice>;
  if (query.isPending) return <Loading label="Memeriksa surat hasil…" />;
  if (query.isError) {
    const forged = isApiError(query.error) && query.error.status === 404;
    return (
      <Notice kind="error">
        <strong>{forged ? 'SURAT TIDAK SAH.' : 'Pemeriksaan gagal.'}</strong> {query.error instanceof Error ? query.error.message : ''}
      </Notice>
    );
  }
  const check = query.data;
  const timezone = isAgencyTimezone(check.agencyTimezone) ? check.agencyTimezone : DEFAULT_TIMEZONE;
  return (
    <>
      <Notice kind="success">
        <strong>SURAT SAH.</strong> Data di bawah ini adalah hasil yang diumumkan {check.agencyName}. Cocokkan dengan isi surat yang Anda pegang.
      </Notice>
      {!check.current ? <Notice kind="info">Daftar ini telah digantikan oleh hasil akhir pasca sanggah; hasil yang berlaku dapat berbeda. Minta peserta menunjukkan surat yang terbaru.</Notice> : null}
      <section className="card" aria-labelledby="judul-hasil-terverifikasi">
        <h2 id="judul-hasil-terverifikasi">{check.name}</h2>
        <p>
          <FinalStatusTag status={check.optimisation ? 'lulus_optimalisasi' : check.status} />
        </p>
        <dl className="facts">
          <dt>Nomor pendaftaran</dt>
          <dd>{check.registrationNumber}</dd>
          <dt>Seleksi</dt>
          <dd>{check.selectionName}</dd>
          <dt>Formasi</dt>
          <dd>{check.formasi}</dd>
          {check.optimisation ? (
            <>
              <dt>Ditempatkan melalui optimalisasi</dt>
              <dd>{check.optimisation.formasi}</dd>
            </>
          ) : null}
          <dt>Peringkat</dt>
          <dd>{check.rank ?? '—'}</dd>
          <dt>Nilai akhir</dt>
          <dd>{check.finalScore ?? '—'}</dd>
          <dt>Daftar</dt>
          <dd>
            {FINAL_LIST_LABELS[check.list]}, diumumkan <DateTime value={check.publishedAt} timeZone={timezone} />
            {check.announcementId ? (
              <>
                {' '}
                — <Link to={resultPaths.announcement(check.announcementId)}>lihat pengumuman</Link>
              </>
            ) : null}
          </dd>
          <dt>SHA-256 daftar hasil</dt>
          <dd className="hash">{check.resultHash}</dd>
        </dl>
      </section>
    </>
  );
}

export function PublicCheckPage() {
  const { code = '' } = useParams();
  return (
    <div className="verifikasi results narrow">
      <PageTitle title="Verifikasi surat hasil seleksi">Verifikasi surat hasil seleksi</PageTitle>
      <p>Pindai kode QR pada surat hasil seleksi, atau masukkan kodenya, untuk memastikan surat itu diterbitkan oleh sistem dan isinya sama dengan hasil yang diumumkan.</p>
      {code ? <Check key={code} code={code} /> : null}
      <CodeForm key={code} initial={code} />
    </div>
  );
}
