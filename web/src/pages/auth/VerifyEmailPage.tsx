import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { authApi } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { Loading, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';

export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // A query (not an effect) so the token is sent once even when React mounts the page twice.
  const verify = useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => authApi.verifyEmail({ token }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
  });

  return (
    <div className="narrow">
      <PageTitle>Verifikasi email</PageTitle>
      {!token ? (
        <Notice kind="error">Tautan verifikasi tidak lengkap. Buka kembali tautan dari email Anda.</Notice>
      ) : verify.isPending ? (
        <Loading label="Memverifikasi email…" />
      ) : verify.isError ? (
        <>
          <Notice kind="error">{errorMessage(verify.error)}</Notice>
          <p>
            Tautan mungkin sudah kedaluwarsa atau pernah dipakai. Coba <Link to="/masuk">masuk</Link>; jika email belum
            terverifikasi, Anda dapat meminta tautan baru di sana.
          </p>
        </>
      ) : (
        <>
          <Notice kind="success">Email Anda berhasil diverifikasi. Sekarang Anda dapat masuk.</Notice>
          <p>
            <Link className="button" to="/masuk">
              Masuk
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
