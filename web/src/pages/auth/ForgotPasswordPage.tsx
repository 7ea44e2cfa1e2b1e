import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { authApi } from '../../api/endpoints';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: authApi.requestPasswordReset });

  return (
    <div className="narrow">
      <PageTitle>Lupa kata sandi</PageTitle>
      {request.isSuccess ? (
        <>
          <Notice kind="success">
            Jika <strong>{email.trim()}</strong> terdaftar, kami telah mengirim tautan untuk mengatur ulang kata sandi.
            Tautan itu hanya berlaku sebentar.
          </Notice>
          <p>
            <Link to="/masuk">Kembali ke halaman masuk</Link>
          </p>
        </>
      ) : (
        <>
          <p>Masukkan alamat email akun Anda. Kami akan mengirim tautan untuk membuat kata sandi baru.</p>
          <FormErrors error={request.error} labels={{ email: 'Alamat email' }} />
          <form
            className="form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              request.mutate({ email: email.trim() });
            }}
          >
            <TextField
              label="Alamat email"
              name="email"
              type="email"
              required
              autoComplete="email"
              inputMode="email"
              value={email}
              onValueChange={setEmail}
              error={fieldError(request.error, 'email')}
            />
            <button type="submit" className="button" disabled={request.isPending}>
              {request.isPending ? 'Mengirim…' : 'Kirim tautan'}
            </button>
          </form>
          <p>
            <Link to="/masuk">Kembali ke halaman masuk</Link>
          </p>
        </>
      )}
    </div>
  );
}
