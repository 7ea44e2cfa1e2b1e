import { z } from 'zod';

import { AGENCY_ZONES, type AgencyZone } from '../time.js';

export const AGENCY_TIMEZONES = Object.keys(AGENCY_ZONES) as [AgencyZone, ...AgencyZone[]];

export const agencyCode = () =>
  z.string().trim().min(2, 'Kode minimal 2 karakter').max(40, 'Kode maksimal 40 karakter').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Kode hanya huruf kecil, angka dan tanda hubung (contoh: kota-manna)');

const agencyFields = {
  name: z.string().trim().min(3, 'Nama minimal 3 karakter').max(150, 'Nama maksimal 150 karakter'),
  region: z.string().trim().max(150, 'Wilayah maksimal 150 karakter'),
  timezone: z.enum(AGENCY_TIMEZONES, { message: 'Zona waktu harus WIB (Asia/Jakarta), WITA (Asia/Makassar) atau WIT (Asia/Jayapura)' }),
};
export const agencyCreateBody = z.object({ code: agencyCode(), ...agencyFields, region: agencyFields.region.default('') });
export const agencyUpdateBody = z
  .object(agencyFields)
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Tidak ada perubahan');

export const agencySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  region: z.string(),
  timezone: z.string(),
  createdAt: z.string(),
});
export type Agency = z.infer<typeof agencySchema>;
