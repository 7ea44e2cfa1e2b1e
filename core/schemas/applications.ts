import { z } from 'zod';
import { uuid } from './common.js';

export const createApplicationBody = z.object({ formasiId: uuid() });
export const changeFormasiBody = z.object({ formasiId: uuid() });

export const APPLICATION_STATUS_LABELS = {
  draft: 'Draf',
  submitted: 'Terkirim',
  ms: 'Memenuhi Syarat',
  tms: 'Tidak Memenuhi Syarat',
} as const;

const requiredDocument = z.object({ key: z.string(), name: z.string(), formats: z.array(z.string()), maxKb: z.number(), mandatory: z.boolean() });
const uploadedDocument = z.object({ key: z.string(), sha256: z.string(), fileId: z.string(), uploadedAt: z.string() });

export const ownApplicationSchema = z.object({
  id: z.string(),
  status: z.enum(['draft', 'submitted', 'ms', 'tms']),
  registrationNumber: z.string().nullable(),
  submittedAt: z.string().nullable(),
  selection: z.object({ id: z.string(), name: z.string(), type: z.string(), year: z.number(), registrationClosesAt: z.string().nullable() }),
  agency: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  formasi: z.object({ id: z.string(), positionName: z.string(), unitName: z.string(), kind: z.string() }),
  requiredDocuments: z.array(requiredDocument),
  documents: z.array(uploadedDocument),
  missingDocuments: z.array(z.string()),
  eligibility: z.object({ eligible: z.boolean(), failures: z.array(z.object({ rule: z.string(), code: z.string(), message: z.string() })) }).nullable(),
});
export type OwnApplication = z.infer<typeof ownApplicationSchema>;
