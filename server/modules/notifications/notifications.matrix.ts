import { EVERYONE, type MatrixExempt, type MatrixRow } from '../../test-support/matrix.js';

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/notifications', build: async () => ({ url: '/api/notifications' }), allowed: EVERYONE, status: 200, agencyScoped: false },
  { method: 'POST', route: '/api/notifications/read-all', build: async () => ({ url: '/api/notifications/read-all' }), allowed: EVERYONE, status: 204, agencyScoped: false },
  { method: 'GET', route: '/api/outbox', build: async () => ({ url: '/api/outbox' }), allowed: ['super_admin'], status: 200, agencyScoped: false },
];

export const exempt: MatrixExempt[] = [{ method: 'POST', route: '/api/notifications/:id/read', why: "one's own notifications (notifications.test.ts)" }];
