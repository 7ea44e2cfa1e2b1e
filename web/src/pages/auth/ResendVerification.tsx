import { useMutation } from '@tanstack/react-query';
import { authApi } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { Notice } from '../../components/Feedback';

export function ResendVerification({ email }: { email: string }) {
  const resend = useMutation({ mutationFn: () => authApi.resendVerification({ email }) });
  return (
    <div className="stack">
      <button type="button" className="button button-secondary" onClick={() => resend.mutate()} disabled={resend.isPending || !email}>
        {resend.isPending ? 'Mengirim…' : 'Kirim ulang tautan verifikasi'}
      </button>
      {resend.isSuccess ? (
        <Notice kind="success">Jika akun belum terverifikasi, tautan baru telah dikirim ke {email}.</Notice>
      ) : null}
      {resend.isError ? <Notice kind="error">{errorMessage(resend.error)}</Notice> : null}
    </div>
  );
}
