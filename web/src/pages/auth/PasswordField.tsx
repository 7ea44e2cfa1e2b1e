import { TextField } from '../../components/Field';
import { passwordStrength } from '../../lib/password';

type PasswordFieldProps = {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  error?: string;
  autoComplete: 'new-password' | 'current-password';
  showStrength?: boolean;
  name?: string;
  /** Email and name of the account, so the hint can warn about passwords built from them. */
  context?: { email?: string; name?: string };
};

/** A password input; new passwords get a strength hint that is read out as it changes. */
export function PasswordField({ label, value, onValueChange, error, autoComplete, showStrength, name, context }: PasswordFieldProps) {
  const strength = passwordStrength(value, context);
  return (
    <TextField
      label={label}
      type="password"
      name={name}
      required
      value={value}
      autoComplete={autoComplete}
      onValueChange={onValueChange}
      error={error}
      hint={
        showStrength ? (
          <span aria-live="polite">
            <span className={`strength strength-${strength.score}`}>
              Kekuatan sandi: <strong>{strength.label}</strong>
            </span>{' '}
            {strength.advice}
          </span>
        ) : undefined
      }
    />
  );
}
