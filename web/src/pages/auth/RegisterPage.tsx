import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation } from '@tanstack/react-query';
import { authApi } from '../../api/endpoints';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { PasswordField } from './PasswordField';
import { ResendVerification } from './ResendVerification';

const labels = { name: 'Nama lengkap', email: 'Alamat email', password: 'Kata sandi' };

export function RegisterPage() {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const register = useMutation({ mutationFn: authApi.register });

  if (register.isSuccess) {
    return (
      <>
        <PageTitle>Periksa email Anda</PageTitle>
        <Notice kind="success">
          <p>
            Akun untuk <strong>{register.data.account.email}</strong> telah dibuat. Kami mengirim tautan verifikasi ke
            alamat email tersebut. Buka tautan itu untuk mengaktifkan akun, lalu masuk.
          </p>
        </Notice>
        <ResendVerification email={register.data.account.email} />
        <p>
          <Link to="/masuk">Ke halaman masuk</Link>
        </p>
      </>
    );
  }

  return (
    <div className="narrow">
      <PageTitle>Daftar sebagai pelamar</PageTitle>
      <p>Buat akun untuk melamar seleksi ASN. Gunakan alamat email yang aktif: tautan verifikasi dikirim ke sana.</p>
      <FormErrors error={register.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          register.mutate({ name: name.trim(), email: email.trim(), password });
        }}
      >
        <TextField
          label={labels.name}
          name="name"
          required
          autoComplete="name"
          value={name}
          onValueChange={setName}
          error={fieldError(register.error, 'name')}
          hint="Sesuai KTP."
        />
        <TextField
          label={labels.email}
          name="email"
          type="email"
          required
          autoComplete="email"
          inputMode="email"
          value={email}
          onValueChange={setEmail}
          error={fieldError(register.error, 'email')}
        />
        <PasswordField
          label={labels.password}
          name="password"
          value={password}
          onValueChange={setPassword}
          autoComplete="new-password"
          showStrength
          context={{ email, name }}
          error={fieldError(register.error, 'password')}
        />
        <button type="submit" className="button" disabled={register.isPending}>
          {register.isPending ? 'Mendaftarkan…' : 'Daftar'}
        </button>
      </form>
      <p>
        Sudah punya akun? <Link to="/masuk">Masuk</Link>
      </p>
    </div>
  );
}
