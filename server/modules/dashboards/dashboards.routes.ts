import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dashboardParam, dashboardQuery, dashboardSchema, nationalDashboardParam, type DashboardQuery, type DashboardView } from '../../../core/schemas/dashboards.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { sendWorkbook } from '../../xlsx.js';
import { agencyParams } from '../agencies/agencies.routes.js';
import { dashboardPdf, dashboardWorkbook } from './dashboards-export.js';
import { dashboardsPolicy } from './dashboards.policy.js';
import { buildDashboard } from './dashboards.service.js';

const fileName = (view: DashboardView, ext: string) => `dasbor-${view.dashboard}${view.agency ? '' : '-nasional'}${view.filters.selectionId || view.filters.periodKey ? '-terfilter' : ''}-${view.generatedAt.slice(0, 10)}.${ext}`;

async function sendPdf(reply: FastifyReply, view: DashboardView) {
  const pdf = await dashboardPdf(view);
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName(view, 'pdf')}"`).header('cache-control', 'no-store').send(pdf);
}

export async function dashboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['dasbor'];
  const deps = () => ({ db: app.deps.db, database: app.deps.database });
  const params = agencyParams.extend({ dashboard: dashboardParam });
  const nationalParams = z.object({ dashboard: nationalDashboardParam });
  const xlsx = z.any().describe('Berkas XLSX, satu lembar per tabel');
  const pdf = z.any().describe('application/pdf, satu tabel per bagian');
  const base = '/api/agencies/:agencyId/dashboards/:dashboard';

  const agencyView = async (request: FastifyRequest, p: z.infer<typeof params>, query: DashboardQuery) => {
    authorize(dashboardsPolicy.read(await requireAccount(request), p.agencyId));
    return buildDashboard(deps(), { agencyId: p.agencyId, dashboard: p.dashboard, query });
  };
  const nationalView = async (request: FastifyRequest, p: z.infer<typeof nationalParams>, query: DashboardQuery) => {
    authorize(dashboardsPolicy.readNational(await requireAccount(request)));
    return buildDashboard(deps(), { agencyId: null, dashboard: p.dashboard, query });
  };

  app.get(
    base,
    { schema: { tags, summary: 'Dasbor instansi (rekrutmen; pelatihan, kinerja dan layanan; kualitas hasil rekrutmen) dengan filter', params, querystring: dashboardQuery, response: responses({ 200: dashboardSchema }) } },
    async (request) => agencyView(request, request.params, request.query),
  );
  app.get(
    `${base}/export.xlsx`,
    { schema: { tags, summary: 'Unduh tabel dasbor (XLSX; satu tabel dengan ?section=)', params, querystring: dashboardQuery, response: responses({ 200: xlsx }) } },
    async (request, reply) => {
      const view = await agencyView(request, request.params, request.query);
      return sendWorkbook(reply, dashboardWorkbook(view), fileName(view, 'xlsx'));
    },
  );
  app.get(
    `${base}/export.pdf`,
    { schema: { tags, summary: 'Unduh dasbor sebagai PDF (satu tabel dengan ?section=)', params, querystring: dashboardQuery, response: responses({ 200: pdf }) } },
    async (request, reply) => sendPdf(reply, await agencyView(request, request.params, request.query)),
  );

  app.get(
    '/api/dashboards/:dashboard',
    { schema: { tags, summary: 'Dasbor nasional seluruh instansi (super admin)', params: nationalParams, querystring: dashboardQuery, response: responses({ 200: dashboardSchema }) } },
    async (request) => nationalView(request, request.params, request.query),
  );
  app.get(
    '/api/dashboards/:dashboard/export.xlsx',
    { schema: { tags, summary: 'Unduh tabel dasbor nasional (XLSX)', params: nationalParams, querystring: dashboardQuery, response: responses({ 200: xlsx }) } },
    async (request, reply) => {
      const view = await nationalView(request, request.params, request.query);
      return sendWorkbook(reply, dashboardWorkbook(view), fileName(view, 'xlsx'));
    },
  );
  app.get(
    '/api/dashboards/:dashboard/export.pdf',
    { schema: { tags, summary: 'Unduh dasbor nasional sebagai PDF', params: nationalParams, querystring: dashboardQuery, response: responses({ 200: pdf }) } },
    async (request, reply) => sendPdf(reply, await nationalView(request, request.params, request.query)),
  );
}
