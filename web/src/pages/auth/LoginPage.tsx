import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../../api/endpoints';
import { isApiError } from '../../api/client';
import { queryKeys } from '../../api/queries';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { PasswordField } from './PasswordField';
import { ResendVerification } from './ResendVerification';

/** Only same-site paths are followed after login, never a full URL from the query string. */
function safeNext(value: string | null): string {
  if (value && value.startsWith('/') && !value.startsWith('//')) return value;
  return '/dasbor';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: ({ account }) => {
      queryClient.setQueryData(queryKeys.me, account);
      navigate(safeNext(params.get('lanjut')), { replace: true });
    },
  });
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut;
  const code = isApiError(login.error) ? login.error.code : null;

  return (
    <div className="narrow">
      <PageTitle>Masuk</PageTitle>
      {loggedOut && !login.error ? <Notice kind="info">Anda telah keluar.</Notice> : null}
      <FormErrors error={login.error} labels={{ email: 'Alamat email', password: 'Kata sandi' }} />
      {code === 'EMAIL_NOT_VERIFIED' ? <ResendVerification email={email.trim()} /> : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          login.mutate({ email: email.trim(), password });
        }}
      >
        <TextField
          label="Alamat email"
          name="email"
          type="email"
          required
          autoComplete="username"
          inputMode="email"
          value={email}
          onValueChange={setEmail}
          error={fieldError(login.error, 'email')}
        />
        <PasswordField
          label="Kata sandi"
          name="password"
          value={password}
          onValueChange={setPassword}
          autoComplete="current-password"
          error={fieldError(login.error, 'password')}
        />
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? 'Memproses…' : 'Masuk'}
        </button>
      </form>
      <p>
        <Link to="/lupa-sandi">Lupa kata sandi?</Link>
      </p>
      <p>
        Belum punya akun? <Link to="/daftar">Daftar sebagai pelamar</Link>
      </p>
    </div>
  );
}
