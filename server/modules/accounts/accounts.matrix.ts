import { EVERYONE, type MatrixExempt, type MatrixRow } from '../../test-support/matrix.js';

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/auth/me', build: async () => ({ url: '/api/auth/me' }), allowed: EVERYONE, status: 200, agencyScoped: false },
  { method: 'PATCH', route: '/api/account', build: async () => ({ url: '/api/account', payload: { name: 'Nama Matriks' } }), allowed: EVERYONE, status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/account/sessions', build: async () => ({ url: '/api/account/sessions' }), allowed: EVERYONE, status: 200, agencyScoped: false },
];

const beforeLogin = 'a form used before logging in (accounts.test.ts)';
export const exempt: MatrixExempt[] = [
  { method: 'POST', route: '/api/auth/register', why: beforeLogin },
  { method: 'POST', route: '/api/auth/verify-email', why: beforeLogin },
  { method: 'POST', route: '/api/auth/resend-verification', why: beforeLogin },
  { method: 'POST', route: '/api/auth/login', why: beforeLogin },
  { method: 'POST', route: '/api/auth/logout', why: 'ends whatever session is sent (accounts.test.ts)' },
  { method: 'POST', route: '/api/auth/password-reset/request', why: beforeLogin },
  { method: 'POST', route: '/api/auth/password-reset/confirm', why: beforeLogin },
  { method: 'GET', route: '/api/auth/invitation', why: beforeLogin },
  { method: 'POST', route: '/api/auth/invitation/accept', why: beforeLogin },
  { method: 'POST', route: '/api/account/password', why: "one's own password (accounts.test.ts)" },
  { method: 'DELETE', route: '/api/account/sessions/:id', why: "one's own sessions (accounts.test.ts)" },
];
