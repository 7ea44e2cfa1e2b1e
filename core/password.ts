export type PasswordCheckOptions = { password: string; email?: string; name?: string; minLength?: number };

const COMMON = new Set(['password', 'password123', '12345678', '123456789', '1234567890', 'qwerty123', 'admin123', 'katasandi', 'indonesia', 'rahasia123', 'bismillah', 'cpns2024', 'pppk2024']);

/**
 * Minimum strength: at least 10 characters (NIST SP 800-63B asks ≥ 8; we ask more for staff
 * accounts that hold exam data), letters and digits, not a common password, not the email's name.
 * Returns the Indonesian problem, or null when the password is acceptable.
 */
export function passwordProblem({ password, email, name, minLength = 10 }: PasswordCheckOptions): string | null {
  if (password.length < minLength) return `Kata sandi minimal ${minLength} karakter.`;
  if (password.length > 200) return 'Kata sandi maksimal 200 karakter.';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'Kata sandi harus memuat huruf dan angka.';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'Kata sandi terlalu umum; pilih yang lain.';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'Kata sandi tidak boleh memuat nama email Anda.';
  const firstName = name?.trim().split(/\s+/)[0]?.toLowerCase();
  if (firstName && firstName.length >= 4 && lower.includes(firstName)) return 'Kata sandi tidak boleh memuat nama Anda.';
  return null;
}
