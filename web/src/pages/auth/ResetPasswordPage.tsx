import { Link, useSearchParams } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { authApi } from '../../api/endpoints';
import { Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { NewPasswordForm } from './NewPasswordForm';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useMutation({ mutationFn: authApi.confirmPasswordReset });

  return (
    <div className="narrow">
      <PageTitle>Atur ulang kata sandi</PageTitle>
      {!token ? (
        <Notice kind="error">
          Tautan atur ulang tidak lengkap. Buka kembali tautan dari email Anda atau{' '}
          <Link to="/lupa-sandi">minta tautan baru</Link>.
        </Notice>
      ) : confirm.isSuccess ? (
        <>
          <Notice kind="success">Kata sandi baru telah disimpan. Semua sesi lama telah diakhiri.</Notice>
          <p>
            <Link className="button" to="/masuk">
              Masuk
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>Buat kata sandi baru untuk akun Anda.</p>
          <NewPasswordForm
            submitLabel="Simpan kata sandi"
            pending={confirm.isPending}
            error={confirm.error}
            onSubmit={(password) => confirm.mutate({ token, password })}
          />
          <p>
            Tautan kedaluwarsa? <Link to="/lupa-sandi">Minta tautan baru</Link>
          </p>
        </>
      )}
    </div>
  );
}
