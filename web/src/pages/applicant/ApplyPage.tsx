import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { applicationApi } from '../../api/endpoints';
import { queryKeys, useApplicantProfile, useOwnApplications } from '../../api/queries';
import type { Me } from '../../api/types';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { hasRole } from '../../lib/roles';
import { FormasiSummary } from './FormasiSummary';
import { NotApplicant, PORTAL_FORMASI_SEARCH } from './shared';
import './applicant.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Apply({ formasiId }: { formasiId: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const profile = useApplicantProfile();
  const applications = useOwnApplications();
  const [agreed, setAgreed] = useState(false);
  const [agreeError, setAgreeError] = useState(false);
  const start = useMutation({
    mutationFn: () => applicationApi.create(formasiId),
    onSuccess: ({ application }) => {
      queryClient.setQueryData(queryKeys.ownApplication(application.id), application);
      void queryClient.invalidateQueries({ queryKey: queryKeys.ownApplications, exact: true });
      navigate(`/pelamar/pendaftaran/${application.id}`, { state: { started: true } });
    },
  });

  if (profile.isPending || applications.isPending) return <Loading label="Memeriksa profil dan pendaftaran Anda…" />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  if (applications.isError) return <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />;

  const here = `/pelamar/daftar?formasi=${encodeURIComponent(formasiId)}`;
  const existing = applications.data.items.find((application) => application.formasi.id === formasiId);
  if (existing) {
    return (
      <Notice kind="info">
        <p>Anda sudah memiliki pendaftaran pada formasi ini.</p>
        <p>
          <Link to={`/pelamar/pendaftaran/${existing.id}`}>Buka pendaftaran itu</Link>
        </p>
      </Notice>
    );
  }
  if (profile.data === null) {
    return (
      <Notice kind="info">
        <p>Sebelum mendaftar, lengkapi profil pelamar Anda: NIK, data diri, dan riwayat pendidikan. Kelayakan dihitung dari profil itu.</p>
        <p>
          <Link to={`/pelamar/profil?lanjut=${encodeURIComponent(here)}`}>Lengkapi profil pelamar</Link>
        </p>
      </Notice>
    );
  }

  const code = isApiError(start.error) ? start.error.code : null;
  return (
    <>
      <FormErrors error={start.error} />
      {code === 'CONFLICT' || code === 'DUPLICATE_APPLICATION' ? (
        <p>
          <Link to="/pelamar/pendaftaran">Lihat pendaftaran saya</Link>
        </p>
      ) : null}
      <section aria-labelledby="judul-langkah" className="card">
        <h2 id="judul-langkah">Yang terjadi setelah ini</h2>
        <ol className="steps">
          <li>Pendaftaran dibuat sebagai draf: Anda dapat mengunggah dokumen dan menggantinya selama belum dikirim.</li>
          <li>Sistem memeriksa kelayakan (usia pada tanggal penutupan, pendidikan, syarat jenis formasi) dari profil Anda.</li>
          <li>Setelah dikirim, data dan dokumen dibekukan, nomor pendaftaran terbit, dan kartu pendaftaran dapat diunduh.</li>
        </ol>
        <p>Satu NIK hanya boleh mendaftar pada satu seleksi per jenis per tahun. Seluruh proses tidak dipungut biaya.</p>
      </section>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!agreed) {
            setAgreeError(true);
            return;
          }
          setAgreeError(false);
          start.mutate();
        }}
      >
        <div className={`field${agreeError ? ' field-invalid' : ''}`}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={agreed}
              onChange={(event) => setAgreed(event.target.checked)}
              aria-invalid={agreeError ? true : undefined}
              aria-describedby={agreeError ? 'setuju-error' : undefined}
            />
            <span>Saya telah membaca persyaratan formasi ini dan data profil saya benar.</span>
          </label>
          {agreeError ? (
            <p className="field-error" id="setuju-error">
              Centang pernyataan ini untuk melanjutkan.
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={start.isPending}>
          {start.isPending ? 'Memulai…' : 'Mulai pendaftaran'}
        </button>
      </form>
    </>
  );
}

function ApplyFor({ formasiId }: { formasiId: string | null }) {
  return (
    <div className="pelamar narrow-wide">
      <PageTitle>Daftar pada formasi</PageTitle>
      {formasiId && UUID.test(formasiId) ? (
        <>
          <FormasiSummary formasiId={formasiId} />
          <Apply formasiId={formasiId} />
        </>
      ) : (
        <Notice kind="error">
          <p>Formasi tidak dikenali. Pilih formasi dari portal lalu tekan “Daftar pada formasi ini”.</p>
          <p>
            <Link to={PORTAL_FORMASI_SEARCH}>Cari formasi</Link>
          </p>
        </Notice>
      )}
    </div>
  );
}

export function ApplyPage() {
  const [params] = useSearchParams();
  const formasiId = params.get('formasi');
  return (
    <RequireAuth>{(me: Me) => (hasRole(me, 'pelamar') ? <ApplyFor formasiId={formasiId} /> : <NotApplicant title="Daftar pada formasi" />)}</RequireAuth>
  );
}
