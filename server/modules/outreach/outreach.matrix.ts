import type { MatrixRow } from '../../test-support/matrix.js';
import { makePdf, multipart } from '../files/files.fixtures.js';
import { eventRow, registerVisitor, startedEventWithMaterial, uniqueVisitor } from './outreach.fixtures.js';

const managers = ['super_admin', 'admin_instansi', 'panitia'] as const;
const base = (a: string) => `/api/agencies/${a}/outreach-events`;
const HOUR = 3600_000;

const newEvent = () => {
  const startsAt = new Date(Date.now() + 72 * HOUR);
  return {
    title: 'Seminar matriks',
    kind: 'seminar',
    audiences: ['umum'],
    venue: 'Aula',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    capacity: 10,
  };
};

export const rows: MatrixRow[] = [
  { method: 'GET', route: '/api/agencies/:agencyId/outreach-events', build: async (_e, a) => ({ url: base(a) }), allowed: managers, status: 200, agencyScoped: true },
  { method: 'POST', route: '/api/agencies/:agencyId/outreach-events', build: async (_e, a) => ({ url: base(a), payload: newEvent() }), allowed: managers, status: 201, agencyScoped: true },
  { method: 'GET', route: '/api/agencies/:agencyId/outreach-events/:eventId', build: async (e, a) => ({ url: `${base(a)}/${(await eventRow(e.ctx, a)).id}` }), allowed: managers, status: 200, agencyScoped: true },
  {
    method: 'PATCH',
    route: '/api/agencies/:agencyId/outreach-events/:eventId',
    build: async (e, a) => ({ url: `${base(a)}/${(await eventRow(e.ctx, a)).id}`, payload: { capacity: 60 } }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/outreach-events/:eventId/publish',
    build: async (e, a) => ({ url: `${base(a)}/${(await eventRow(e.ctx, a, { status: 'draft' })).id}/publish` }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/outreach-events/:eventId/cancel',
    build: async (e, a) => ({ url: `${base(a)}/${(await eventRow(e.ctx, a)).id}/cancel`, payload: {} }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/outreach-events/:eventId/registrations',
    build: async (e, a) => ({ url: `${base(a)}/${(await eventRow(e.ctx, a)).id}/registrations` }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/outreach-events/:eventId/attendance',
    build: async (e, a) => ({ url: `${base(a)}/${(await eventRow(e.ctx, a)).id}/attendance` }),
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/outreach-events/:eventId/check-in',
    build: async (e, a) => {
      const event = await eventRow(e.ctx, a, { startsAt: new Date(Date.now() + HOUR) });
      const { ticket } = await registerVisitor(e.ctx, event.id);
      return { url: `${base(a)}/${event.id}/check-in`, payload: { code: ticket.checkinUrl } };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'POST',
    route: '/api/agencies/:agencyId/outreach-events/:eventId/materials',
    build: async (e, a) => {
      const { payload, headers } = await multipart({ title: 'Materi matriks' }, { name: 'materi.pdf', content: await makePdf(), type: 'application/pdf' });
      return { url: `${base(a)}/${(await eventRow(e.ctx, a)).id}/materials`, payload, headers };
    },
    allowed: managers,
    status: 201,
    agencyScoped: true,
  },
  {
    method: 'DELETE',
    route: '/api/agencies/:agencyId/outreach-events/:eventId/materials/:materialId',
    build: async (e, a) => {
      const { event, materialId } = await startedEventWithMaterial(e.ctx, a);
      return { url: `${base(a)}/${event.id}/materials/${materialId}` };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  {
    method: 'GET',
    route: '/api/agencies/:agencyId/outreach-events/:eventId/materials/:materialId',
    build: async (e, a) => {
      const { event, materialId } = await startedEventWithMaterial(e.ctx, a);
      return { url: `${base(a)}/${event.id}/materials/${materialId}` };
    },
    allowed: managers,
    status: 200,
    agencyScoped: true,
  },
  { method: 'GET', route: '/api/public/outreach-events', build: async () => ({ url: '/api/public/outreach-events' }), allowed: 'public', status: 200, agencyScoped: false },
  { method: 'GET', route: '/api/public/outreach-events/:eventId', build: async (e, a) => ({ url: `/api/public/outreach-events/${(await eventRow(e.ctx, a)).id}` }), allowed: 'public', status: 200, agencyScoped: false },
  {
    method: 'POST',
    route: '/api/public/outreach-events/:eventId/registrations',
    build: async (e, a) => ({
      url: `/api/public/outreach-events/${(await eventRow(e.ctx, a)).id}/registrations`,
      payload: { name: 'Pengunjung Matriks', email: uniqueVisitor('matriks'), audience: 'pelajar', institution: 'SMA Negeri 1' },
    }),
    allowed: 'public',
    status: 201,
    agencyScoped: false,
  },
  {
    method: 'GET',
    route: '/api/public/outreach-events/:eventId/materials/:materialId',
    build: async (e, a) => {
      const { event, materialId } = await startedEventWithMaterial(e.ctx, a);
      return { url: `/api/public/outreach-events/${event.id}/materials/${materialId}` };
    },
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
  {
    method: 'GET',
    route: '/api/public/outreach-registrations/:registrationId',
    build: async (e, a) => ({ url: `/api/public${(await registerVisitor(e.ctx, (await eventRow(e.ctx, a)).id)).ticketPath.replace('/sosialisasi/tiket/', '/outreach-registrations/')}` }),
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
  {
    method: 'GET',
    route: '/api/public/outreach-registrations/:registrationId/qr.png',
    build: async (e, a) => {
      const { ticket } = await registerVisitor(e.ctx, (await eventRow(e.ctx, a)).id);
      return { url: ticket.qrUrl! };
    },
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
  {
    method: 'POST',
    route: '/api/public/outreach-registrations/:registrationId/cancel',
    build: async (e, a) => {
      const { ticket, kunci } = await registerVisitor(e.ctx, (await eventRow(e.ctx, a)).id);
      return { url: `/api/public/outreach-registrations/${ticket.id}/cancel`, payload: { kunci } };
    },
    allowed: 'public',
    status: 200,
    agencyScoped: false,
  },
];
