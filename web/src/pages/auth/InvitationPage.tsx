import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { authApi } from '../../api/endpoints';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { roleLabel } from '../../lib/roles';
import { NewPasswordForm } from './NewPasswordForm';

export function InvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => authApi.invitation(token),
    enabled: Boolean(token),
    retry: false,
  });
  const accept = useMutation({ mutationFn: authApi.acceptInvitation });

  return (
    <div className="narrow">
      <PageTitle>Undangan staf</PageTitle>
      {!token ? (
        <Notice kind="error">Tautan undangan tidak lengkap. Buka kembali tautan dari email Anda.</Notice>
      ) : invitation.isPending ? (
        <Loading label="Memuat undangan…" />
      ) : invitation.isError ? (
        <ErrorState error={invitation.error} />
      ) : accept.isSuccess ? (
        <>
          <Notice kind="success">Undangan diterima dan kata sandi telah dibuat. Silakan masuk.</Notice>
          <p>
            <Link className="button" to="/masuk">
              Masuk
            </Link>
          </p>
        </>
      ) : (
        <>
          <div className="card">
            <p>
              {invitation.data.invitedByName ? <>{invitation.data.invitedByName} dari </> : null}
              <strong>{invitation.data.agencyName}</strong> mengundang <strong>{invitation.data.name}</strong> (
              {invitation.data.email}) untuk bergabung sebagai:
            </p>
            <ul>
              {invitation.data.roles.map((role) => (
                <li key={role}>{roleLabel(role)}</li>
              ))}
            </ul>
          </div>
          <p>Buat kata sandi untuk mengaktifkan akun Anda.</p>
          <NewPasswordForm
            submitLabel="Terima undangan"
            pending={accept.isPending}
            error={accept.error}
            onSubmit={(password) => accept.mutate({ token, password })}
          />
        </>
      )}
    </div>
  );
}
