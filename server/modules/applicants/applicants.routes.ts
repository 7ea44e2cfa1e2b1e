import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { profileBody, profileSchema } from '../../../core/schemas/applicants.js';
import { notFound } from '../../errors.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { applicantPolicy } from './applicants.policy.js';
import { getProfile, presentProfile, saveProfile } from './applicants.service.js';

export async function applicantRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pelamar'];
  const one = z.object({ profile: profileSchema });

  app.get('/api/applicant/profile', { schema: { tags, summary: 'Profil pelamar (milik sendiri)', response: responses({ 200: one }) } }, async (request) => {
    const actor = await requireAccount(request);
    authorize(applicantPolicy.self(actor));
    const row = await getProfile(app.deps.db, actor.accountId);
    if (!row) throw notFound('Profil pelamar');
    return { profile: presentProfile(row) };
  });

  app.put('/api/applicant/profile', { schema: { tags, summary: 'Simpan profil pelamar', body: profileBody, response: responses({ 200: one }) } }, async (request) => {
    const actor = await requireAccount(request);
    authorize(applicantPolicy.self(actor));
    return { profile: presentProfile(await saveProfile(app.deps.db, { accountId: actor.accountId, data: request.body })) };
  });
}
