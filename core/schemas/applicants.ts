import { z } from 'zod';

const isoDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat TTTT-BB-HH');

export const educationEntry = z.object({
  level: z.string().trim().min(2, 'Jenjang wajib diisi').max(10, 'Jenjang maksimal 10 karakter'),
  institution: z.string().trim().min(2, 'Nama perguruan tinggi/sekolah wajib diisi').max(150),
  programme: z.string().trim().min(2, 'Program studi wajib diisi').max(150),
  gpa: z.number().min(0, 'IPK minimal 0').max(4, 'IPK maksimal 4,00').nullable(),
  diplomaNumber: z.string().trim().min(1, 'Nomor ijazah wajib diisi').max(60),
  year: z.number().int().min(1950, 'Tahun lulus tidak valid').max(2100, 'Tahun lulus tidak valid'),
});

export const CLAIM_KEYS = ['cumlaude', 'disability', 'papuan', 'diaspora', 'disadvantagedRegion'] as const;

export const profileBody = z.object({
  nik: z.string().trim().max(32, 'NIK terlalu panjang'),
  name: z.string().trim().min(2, 'Nama minimal 2 karakter').max(120, 'Nama maksimal 120 karakter'),
  birthPlace: z.string().trim().min(2, 'Tempat lahir wajib diisi').max(80),
  birthDate: isoDate(),
  sex: z.enum(['L', 'P'], { message: 'Jenis kelamin harus L atau P' }),
  address: z.string().trim().min(5, 'Alamat minimal 5 karakter').max(500, 'Alamat maksimal 500 karakter'),
  phone: z.string().trim().regex(/^(\+62|0)8\d{7,12}$/, 'Nomor HP harus diawali 08 atau +628 dan berisi 10–15 digit'),
  education: z.array(educationEntry).min(1, 'Isi minimal satu riwayat pendidikan').max(5, 'Maksimal 5 riwayat pendidikan'),
  disability: z.string().trim().max(200).default(''),
  claims: z.object(Object.fromEntries(CLAIM_KEYS.map((key) => [key, z.boolean().optional()])) as Record<(typeof CLAIM_KEYS)[number], z.ZodOptional<z.ZodBoolean>>).default({}),
});
export type ProfileBody = z.infer<typeof profileBody>;

export const profileSchema = profileBody.extend({
  nikMasked: z.string(),
  updatedAt: z.string(),
});
