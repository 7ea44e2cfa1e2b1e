import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../core/schemas/common.js';
import { itemsQuery, itemsSchema, reportQuery, reportSchema } from '../../../core/schemas/cat-reports.js';
import { selectionParams } from '../../../core/schemas/selections.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { sendWorkbook } from '../../xlsx.js';
import { recordAudit } from '../audit/audit.service.js';
import { getSelection } from '../selections/selections.service.js';
import { reportWorkbook } from './cat-reports-xlsx.js';
import { catReportPolicy as policy } from './cat-reports.policy.js';
import { allItems, itemAnalysisPage, stageReport } from './cat-reports.service.js';

const xlsxFile = z.any().describe('Berkas XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)');

export async function catReportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;
  const base = '/api/agencies/:agencyId/selections/:selectionId/cat-reports/:blueprintId';
  const tags = ['laporan CAT'];
  const params = selectionParams.extend({ blueprintId: uuid() });

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Laporan tahap CAT: kehadiran, statistik nilai per sesi dan per formasi, distribusi nilai',
        params,
        querystring: reportQuery,
        response: responses({ 200: reportSchema }),
      },
    },
    async (request) => {
      authorize(policy.read(await requireAccount(request), request.params.agencyId));
      return stageReport(db(), { ...request.params, ...request.query });
    },
  );
  app.get(
    `${base}/items`,
    {
      schema: {
        tags,
        summary: 'Analisis butir soal: tingkat kesukaran, daya beda, sebaran pilihan (isi soal hanya untuk pengelola bank soal)',
        params,
        querystring: itemsQuery,
        response: responses({ 200: itemsSchema }),
      },
    },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(policy.items(actor, request.params.agencyId));
      const { page, pageSize, subtest, sessionId, review } = request.query;
      return itemAnalysisPage(db(), { ...request.params, actor, page, pageSize, subtest, sessionId, review: review === undefined ? undefined : review === '1' });
    },
  );
  app.get(
    `${base}/export.xlsx`,
    { schema: { tags, summary: 'Unduh laporan tahap CAT (XLSX; analisis butir bagi perencana ujian)', params, response: responses({ 200: xlsxFile }) } },
    async (request, reply) => {
      const actor = await requireAccount(request);
      authorize(policy.read(actor, request.params.agencyId));
      const selection = await getSelection(db(), request.params);
      const report = await stageReport(db(), request.params);
      const items = policy.items(actor, request.params.agencyId) ? (await allItems(db(), { ...request.params, actor })).items : null;
      // A report with question content leaves the system: recorded like a bank export.
      await db().transaction((tx) =>
        recordAudit(tx, {
          agencyId: request.params.agencyId,
          actorId: actor.accountId,
          action: 'cat.report.export',
          targetType: 'cat_blueprint',
          targetId: request.params.blueprintId,
          details: { items: items?.length ?? 0, withContent: items?.filter((item) => item.content !== null).length ?? 0 },
        }),
      );
      const date = new Date().toISOString().slice(0, 10);
      return sendWorkbook(reply, reportWorkbook({ selectionName: selection.name, report, items }), `laporan-cat-${report.blueprint.stageKey}-${date}.xlsx`);
    },
  );
}
