import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CORRECTION_REASON_MAX, CORRECTION_REASON_MIN } from '../../../core/cat-correction.js';
import { resultSchema } from '../../../core/schemas/cat-exam.js';
import { uuid } from '../../../core/schemas/common.js';
import { responses } from '../../http.js';
import { requireAccount } from '../../plugins/auth.js';
import { authorize } from '../../policy.js';
import { catResultPolicy } from './cat-results.policy.js';
import { correctResult, getResult, presentResult } from './cat-results.service.js';

const params = z.object({ agencyId: uuid(), attemptId: uuid() });

const resultView = resultSchema.extend({
  participantName: z.string(),
  /** The result as first scored, kept when a correction replaced it; null when never corrected. */
  original: z.record(z.string(), z.unknown()).nullable(),
});

const correctionBody = z.strictObject({
  // Checked against the blueprint's subtests by core/cat-correction (names the subtest).
  scores: z.record(z.string().max(40), z.unknown()).refine((value) => Object.keys(value).length <= 20, 'Paling banyak 20 subtes'),
  reason: z
    .string({ message: 'Alasan koreksi wajib diisi' })
    .trim()
    .min(CORRECTION_REASON_MIN, `Alasan koreksi minimal ${CORRECTION_REASON_MIN} karakter`)
    .max(CORRECTION_REASON_MAX, `Alasan koreksi maksimal ${CORRECTION_REASON_MAX.toLocaleString('id-ID')} karakter`),
});

const tags = ['cat'];

/** A participant's CAT result for the panel and observers, and its audited correction. */
export async function catResultRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/agencies/:agencyId/cat/results/:attemptId',
    { schema: { tags, summary: 'Hasil ujian CAT seorang peserta, dengan hasil asli bila pernah dikoreksi', params, response: responses({ 200: z.object({ result: resultView }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(catResultPolicy.read(actor, request.params.agencyId));
      return { result: presentResult(await getResult(app.deps.db, request.params)) };
    },
  );

  app.post(
    '/api/agencies/:agencyId/cat/results/:attemptId/correction',
    { schema: { tags, summary: 'Koreksi hasil ujian CAT dengan alasan (hasil asli disimpan, tercatat di jejak audit)', params, body: correctionBody, response: responses({ 200: z.object({ result: resultView }) }) } },
    async (request) => {
      const actor = await requireAccount(request);
      authorize(catResultPolicy.correct(actor, request.params.agencyId));
      const row = await correctResult(app.deps.db, { ...request.params, actorId: actor.accountId, scores: request.body.scores, reason: request.body.reason });
      return { result: presentResult(row) };
    },
  );
}
