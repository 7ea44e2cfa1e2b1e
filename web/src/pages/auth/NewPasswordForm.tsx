import { useState } from 'react';
import type { ApiError } from '../../api/client';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PasswordField } from './PasswordField';

type NewPasswordFormProps = {
  submitLabel: string;
  pending: boolean;
  error: ApiError | Error | null;
  onSubmit: (password: string) => void;
};

/** New password twice; the mismatch is caught here, every other rule is the server's. */
export function NewPasswordForm({ submitLabel, pending, error, onSubmit }: NewPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return (
    <>
      <FormErrors error={error} labels={{ password: 'Kata sandi baru' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (password !== confirm) {
            setMismatch(true);
            return;
          }
          setMismatch(false);
          onSubmit(password);
        }}
      >
        <PasswordField
          label="Kata sandi baru"
          name="password"
          value={password}
          onValueChange={setPassword}
          autoComplete="new-password"
          showStrength
          error={fieldError(error, 'password')}
        />
        <PasswordField
          label="Ulangi kata sandi baru"
          name="confirmPassword"
          value={confirm}
          onValueChange={setConfirm}
          autoComplete="new-password"
          error={mismatch ? 'Kedua kata sandi tidak sama.' : undefined}
        />
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Menyimpan…' : submitLabel}
        </button>
      </form>
    </>
  );
}
