import { z } from 'zod';
import { parseCalendarDate } from '../calendar-date.js';

// Indonesian messages for every built-in zod check (the web shows them under the field).
z.config(z.locales.id());

export const uuid = () => z.uuid({ message: 'harus berupa UUID yang valid' });
export const email = () => z.email({ message: 'Alamat email tidak valid' }).max(254, 'Email maksimal 254 karakter');
/** An Indonesian mobile number, typed with or without spaces, dots, dashes and brackets. */
export const phone = () =>
  z
    .string()
    .transform((value) => value.replace(/[\s().-]/g, ''))
    .pipe(z.string().regex(/^(\+62|62|0)8\d{7,12}$/, 'Nomor ponsel tidak valid (contoh: 0812 3456 7890)'));
export const personName = () => z.string().trim().min(2, 'Nama minimal 2 karakter').max(120, 'Nama maksimal 120 karakter');

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
});

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** A calendar date typed as YYYY-MM-DD (local to the agency's zone where it matters). */
export const localDate = () =>
  z
    .string({ message: 'Tanggal harus berupa teks YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD')
    .refine((value) => parseCalendarDate(value) !== null, 'Tanggal tidak ada di kalender');
