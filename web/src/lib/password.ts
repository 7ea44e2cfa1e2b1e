import { passwordProblem } from '../../../core/password';

// The same rule the server applies (core/password.ts), so the hint never promises what the server
// refuses; the strength label on top is only advice.
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordStrength = { score: 0 | 1 | 2 | 3; label: string; advice: string };

export function passwordStrength(password: string, context: { email?: string; name?: string } = {}): PasswordStrength {
  if (!password) {
    return { score: 0, label: 'Belum diisi', advice: `Minimal ${PASSWORD_MIN_LENGTH} karakter, memuat huruf dan angka.` };
  }
  const problem = passwordProblem({ password, email: context.email, name: context.name, minLength: PASSWORD_MIN_LENGTH });
  if (problem) return { score: 1, label: 'Belum memenuhi syarat', advice: problem };
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (password.length >= 14 && kinds >= 3) return { score: 3, label: 'Kuat', advice: 'Sandi ini sulit ditebak.' };
  return {
    score: 2,
    label: 'Cukup',
    advice: 'Memenuhi syarat. Tambah panjang sandi atau campurkan huruf besar dan simbol agar lebih kuat.',
  };
}
