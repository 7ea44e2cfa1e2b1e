import { asc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { paged, uuid } from '../../../core/schemas/common.js';
import {
  formasiSearchQuery,
  formasiSearchResponse,
  publicFormasiDetailResponse,
  publicSelectionDetailSchema,
  publicSelectionSchema,
  publicSelectionsQuery,
} from '../../../core/schemas/selections.js';
import { responses } from '../../http.js';
import { agencies } from '../agencies/agencies.table.js';
import { getPublicFormasi, getPublicSelection, listOpenSelections, searchFormasi } from './portal.service.js';

const publicAgency = z.object({ id: z.string(), code: z.string(), name: z.string(), region: z.string(), timezone: z.string() });

/**
 * Public answers may be kept by browsers and proxies for a short while: a publication shows on a
 * page at most this long after a visitor last loaded it (the server itself answers fresh data).
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=30';

/** What anyone may read without an account. */
export async function publicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['publik'];
  const db = () => app.deps.db;

  app.get('/api/public/agencies', { schema: { tags, summary: 'Daftar instansi', response: { 200: z.object({ items: z.array(publicAgency) }) } } }, async () => {
    const rows = await db()
      .select({ id: agencies.id, code: agencies.code, name: agencies.name, region: agencies.region, timezone: agencies.timezone })
      .from(agencies)
      .orderBy(asc(agencies.name));
    return { items: rows };
  });

  app.get(
    '/api/public/time',
    { schema: { tags, summary: 'Waktu server (untuk hitung mundur batas pendaftaran)', response: responses({ 200: z.object({ now: z.string() }) }) } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { now: new Date().toISOString() };
    },
  );

  app.get(
    '/api/public/selections',
    {
      schema: {
        tags,
        summary: 'Seleksi yang sedang dibuka dan akan dibuka di semua instansi',
        querystring: publicSelectionsQuery,
        response: responses({ 200: paged(publicSelectionSchema).extend({ now: z.string() }) }),
      },
    },
    async (request, reply) => {
      const { items, total, now } = await listOpenSelections(db(), request.query);
      reply.header('cache-control', PUBLIC_CACHE_CONTROL);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize, now: now.toISOString() };
    },
  );

  app.get(
    '/api/public/selections/:selectionId',
    {
      schema: {
        tags,
        summary: 'Halaman seleksi: jadwal (linimasa), tahapan dan bobot, dokumen persyaratan',
        params: z.object({ selectionId: uuid() }),
        response: responses({ 200: z.object({ selection: publicSelectionDetailSchema, now: z.string() }) }),
      },
    },
    async (request, reply) => {
      const answer = await getPublicSelection(db(), request.params.selectionId);
      reply.header('cache-control', PUBLIC_CACHE_CONTROL);
      return answer;
    },
  );

  app.get(
    '/api/public/formasi',
    {
      schema: {
        tags,
        summary: 'Cari formasi yang diumumkan (instansi, jabatan, jenjang, program studi, unit penempatan, jenis formasi, jenis dan tahun seleksi)',
        querystring: formasiSearchQuery,
        response: responses({ 200: formasiSearchResponse }),
      },
    },
    async (request, reply) => {
      const { items, total } = await searchFormasi(db(), request.query);
      reply.header('cache-control', PUBLIC_CACHE_CONTROL);
      return { items, total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/public/formasi/:formasiId',
    {
      schema: {
        tags,
        summary: 'Halaman formasi: persyaratan, tahapan dan bobot, jadwal, batas pendaftaran dan waktu server',
        params: z.object({ formasiId: uuid() }),
        response: responses({ 200: publicFormasiDetailResponse }),
      },
    },
    async (request, reply) => {
      const answer = await getPublicFormasi(db(), request.params.formasiId);
      reply.header('cache-control', PUBLIC_CACHE_CONTROL);
      return answer;
    },
  );
}
