import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { passwordProblem } from '../../../core/password.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError, validationFailed } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueEmail } from '../notifications/notifications.service.js';
import { accountChanged } from '../sessions/session-cache.js';
import type { SessionStore } from '../sessions/sessions.store.js';
import { accountRoles, accounts, findAccountByEmail, findAccountById, findToken, issueToken, markTokenUsed, type TokenPurpose } from './accounts.repo.js';
import { clearFailures, lockedUntil, recordFailure, throttleKeys } from './login-throttle.js';

export type AccountsDeps = { db: Db; config: Config; sessions: SessionStore };

/** Hash used when the email is unknown, so a wrong email costs the same time as a wrong password. */
const DUMMY_HASH = await hash('tidak-ada-akun-seperti-ini-2026');

export function hashPassword(password: string) {
  return hash(password);
}

function assertStrong(password: string, email?: string, name?: string, field = 'password') {
  const problem = passwordProblem({ password, email, name });
  if (problem) throw validationFailed({ [field]: problem }, problem);
}

function link(config: Config, pathAndQuery: string) {
  return `${config.publicUrl}${pathAndQuery}`;
}

const tokenError = (code: 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_USED') => new AppError(code);

async function sendVerification(deps: AccountsDeps, db: Db, account: { id: string; email: string; name: string }) {
  const token = await issueToken(db, account.id, 'verify_email');
  await enqueueEmail(
    db,
    {
      to: account.email,
      subject: 'Verifikasi email akun Rekrutmen ASN',
      text: `Halo ${account.name},\n\nBuka tautan berikut untuk memverifikasi email Anda (berlaku 48 jam):\n${link(deps.config, `/verifikasi-email?token=${token}`)}\n\nJika Anda tidak mendaftar, abaikan email ini.`,
    },
    { smtp: Boolean(deps.config.smtpUrl) },
  );
}

export type RegisterInput = { email: string; password: string; name: string };

/** An applicant registers; the account can log in once the emailed link is opened. */
export async function registerApplicant(deps: AccountsDeps, input: RegisterInput) {
  const email = input.email.trim().toLowerCase();
  assertStrong(input.password, email, input.name);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    if (await findAccountByEmail(tx, email)) throw new AppError('EMAIL_TAKEN', 'Email sudah terdaftar. Silakan masuk atau atur ulang kata sandi.', { email: 'Email sudah terdaftar.' });
    const inserted = await tx.insert(accounts).values({ email, name: input.name.trim(), passwordHash }).onConflictDoNothing().returning();
    const account = inserted[0];
    if (!account) throw new AppError('EMAIL_TAKEN', 'Email sudah terdaftar.', { email: 'Email sudah terdaftar.' });
    await tx.insert(accountRoles).values({ accountId: account.id, role: 'pelamar', agencyId: null });
    await sendVerification(deps, tx, account);
    return account;
  });
}

export async function resendVerification(deps: AccountsDeps, emailInput: string) {
  const email = emailInput.trim().toLowerCase();
  await deps.db.transaction(async (tx) => {
    const account = await findAccountByEmail(tx, email);
    // Same answer whether or not the email exists: no account enumeration.
    if (!account || account.emailVerifiedAt || !account.passwordHash) return;
    await sendVerification(deps, tx, account);
  });
}

export type TokenUseInput = { token: string; sessionAccountId?: string | null };

async function useToken(db: Db, token: string, purpose: TokenPurpose, sessionAccountId?: string | null) {
  const found = await findToken(db, token, purpose);
  if (!found.ok) throw tokenError(found.code);
  if (sessionAccountId && sessionAccountId !== found.token.accountId) {
    throw new AppError('TOKEN_INVALID', 'Tautan ini milik akun lain. Keluar dulu, lalu buka tautan itu lagi.');
  }
  await markTokenUsed(db, found.token.id);
  return found.token;
}

export async function verifyEmail(deps: AccountsDeps, { token, sessionAccountId }: TokenUseInput) {
  await deps.db.transaction(async (tx) => {
    const row = await useToken(tx, token, 'verify_email', sessionAccountId);
    await tx.update(accounts).set({ emailVerifiedAt: new Date() }).where(eq(accounts.id, row.accountId));
  });
}

export type LoginInput = { email: string; password: string; ip: string; userAgent: string | null };

export async function login(deps: AccountsDeps, input: LoginInput) {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.ip);
  const until = await lockedUntil(deps.db, keys);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60000));
    throw new AppError('LOGIN_LOCKED', `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`, undefined, {
      'retry-after': String(minutes * 60),
    });
  }
  const account = await findAccountByEmail(deps.db, email);
  const valid = await verify(account?.passwordHash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!account || !account.passwordHash || !valid) {
    await recordFailure(deps.db, keys);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.disabledAt) throw new AppError('ACCOUNT_DISABLED');
  if (!account.emailVerifiedAt) throw new AppError('EMAIL_NOT_VERIFIED');
  await clearFailures(deps.db, email);
  await deps.db.update(accounts).set({ lastLoginAt: new Date() }).where(eq(accounts.id, account.id));
  const session = await deps.sessions.create({ accountId: account.id, userAgent: input.userAgent, ip: input.ip });
  return { account, ...session };
}

export async function requestPasswordReset(deps: AccountsDeps, emailInput: string) {
  const email = emailInput.trim().toLowerCase();
  await deps.db.transaction(async (tx) => {
    const account = await findAccountByEmail(tx, email);
    if (!account || account.disabledAt || !account.passwordHash) return;
    const token = await issueToken(tx, account.id, 'password_reset');
    await enqueueEmail(
      tx,
      {
        to: account.email,
        subject: 'Atur ulang kata sandi Rekrutmen ASN',
        text: `Halo ${account.name},\n\nBuka tautan berikut untuk mengatur ulang kata sandi Anda (berlaku 1 jam, sekali pakai):\n${link(deps.config, `/atur-ulang-sandi?token=${token}`)}\n\nJika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.`,
      },
      { smtp: Boolean(deps.config.smtpUrl) },
    );
  });
}

export type ConfirmResetInput = TokenUseInput & { password: string };

export async function confirmPasswordReset(deps: AccountsDeps, input: ConfirmResetInput) {
  const passwordHash = await hashPassword(input.password);
  const accountId = await deps.db.transaction(async (tx) => {
    const row = await useToken(tx, input.token, 'password_reset', input.sessionAccountId);
    const account = await findAccountById(tx, row.accountId);
    if (!account) throw tokenError('TOKEN_INVALID');
    assertStrong(input.password, account.email, account.name);
    // Opening the emailed link proves the address too.
    await tx.update(accounts).set({ passwordHash, emailVerifiedAt: account.emailVerifiedAt ?? new Date() }).where(eq(accounts.id, account.id));
    await recordAudit(tx, { agencyId: null, actorId: account.id, action: 'account.password_reset', targetType: 'account', targetId: account.id });
    return account.id;
  });
  await deps.sessions.revokeAll(accountId);
  await clearFailures(deps.db, (await findAccountById(deps.db, accountId))!.email);
}

export async function describeInvitation(deps: AccountsDeps, token: string) {
  return deps.db.transaction(async (tx) => {
    const found = await findToken(tx, token, 'invitation');
    if (!found.ok) throw tokenError(found.code);
    const account = await findAccountById(tx, found.token.accountId);
    if (!account) throw tokenError('TOKEN_INVALID');
    const meta = found.token.meta as { agencyName?: string; invitedByName?: string; roles?: string[] };
    return { email: account.email, name: account.name, agencyName: meta.agencyName ?? '', invitedByName: meta.invitedByName ?? null, roles: meta.roles ?? [] };
  });
}

export async function acceptInvitation(deps: AccountsDeps, input: ConfirmResetInput) {
  const passwordHash = await hashPassword(input.password);
  const accountId = await deps.db.transaction(async (tx) => {
    const row = await useToken(tx, input.token, 'invitation', input.sessionAccountId);
    const account = await findAccountById(tx, row.accountId);
    if (!account) throw tokenError('TOKEN_INVALID');
    assertStrong(input.password, account.email, account.name);
    await tx.update(accounts).set({ passwordHash, emailVerifiedAt: account.emailVerifiedAt ?? new Date() }).where(eq(accounts.id, account.id));
    const agencyId = typeof row.meta.agencyId === 'string' ? row.meta.agencyId : null;
    await recordAudit(tx, { agencyId, actorId: account.id, action: 'staff.accept_invitation', targetType: 'account', targetId: account.id });
    return account.id;
  });
  accountChanged(accountId);
}

export async function updateProfile(deps: AccountsDeps, accountId: string, input: { name: string }) {
  await deps.db.update(accounts).set({ name: input.name.trim() }).where(eq(accounts.id, accountId));
  accountChanged(accountId);
}

export type ChangePasswordInput = { accountId: string; sessionId: string; currentPassword: string; newPassword: string };

export async function changePassword(deps: AccountsDeps, input: ChangePasswordInput) {
  const account = await findAccountById(deps.db, input.accountId);
  if (!account?.passwordHash || !(await verify(account.passwordHash, input.currentPassword).catch(() => false))) {
    throw validationFailed({ currentPassword: 'Kata sandi saat ini salah.' }, 'Kata sandi saat ini salah.');
  }
  assertStrong(input.newPassword, account.email, account.name, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, account.id));
    await recordAudit(tx, { agencyId: null, actorId: account.id, action: 'account.change_password', targetType: 'account', targetId: account.id });
  });
  // Other devices must log in again with the new password.
  await deps.sessions.revokeAll(account.id, input.sessionId);
}
