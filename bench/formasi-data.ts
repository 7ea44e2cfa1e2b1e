// Bench data for the public formation search: agencies, published rounds and published formasi
// written straight into PostgreSQL with generate_series (250,000 rows in seconds, no API calls).
// Everything it creates is tagged (agency codes 'bench-fs-…') so a second run replaces it.

/** Positions with the level and programmes they ask for; realistic names so words repeat as in real data. */
export const BENCH_POSITIONS: ReadonlyArray<readonly [name: string, level: string, programmes: readonly string[]]> = [
  ['Guru Matematika', 'S1', ['Pendidikan Matematika', 'Matematika']],
  ['Guru Bahasa Indonesia', 'S1', ['Pendidikan Bahasa Indonesia']],
  ['Guru Bahasa Inggris', 'S1', ['Pendidikan Bahasa Inggris']],
  ['Guru Kelas', 'S1', ['Pendidikan Guru Sekolah Dasar']],
  ['Guru Pendidikan Jasmani', 'S1', ['Pendidikan Jasmani Kesehatan dan Rekreasi']],
  ['Guru Agama Islam', 'S1', ['Pendidikan Agama Islam']],
  ['Guru IPA', 'S1', ['Pendidikan IPA', 'Pendidikan Biologi', 'Pendidikan Fisika']],
  ['Guru Bimbingan Konseling', 'S1', ['Bimbingan dan Konseling']],
  ['Dokter Ahli Pertama', 'PROFESI', ['Pendidikan Dokter']],
  ['Dokter Gigi Ahli Pertama', 'PROFESI', ['Pendidikan Dokter Gigi']],
  ['Dokter Spesialis Anak', 'S2', ['Ilmu Kesehatan Anak']],
  ['Perawat Terampil', 'D3', ['Keperawatan']],
  ['Perawat Ahli Pertama', 'PROFESI', ['Ners']],
  ['Bidan Terampil', 'D3', ['Kebidanan']],
  ['Apoteker Ahli Pertama', 'PROFESI', ['Apoteker']],
  ['Asisten Apoteker Terampil', 'D3', ['Farmasi']],
  ['Pranata Komputer Ahli Pertama', 'S1', ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer']],
  ['Pranata Komputer Terampil', 'D3', ['Manajemen Informatika', 'Teknik Komputer']],
  ['Analis Kebijakan Ahli Pertama', 'S1', ['Ilmu Administrasi Negara', 'Ilmu Pemerintahan', 'Ilmu Hukum']],
  ['Auditor Ahli Pertama', 'S1', ['Akuntansi']],
  ['Penata Kelola Keuangan', 'S1', ['Akuntansi', 'Manajemen']],
  ['Pengelola Pengadaan Barang dan Jasa', 'S1', ['Teknik Sipil', 'Manajemen', 'Ilmu Hukum']],
  ['Teknik Jalan dan Jembatan Ahli Pertama', 'S1', ['Teknik Sipil']],
  ['Penata Ruang Ahli Pertama', 'S1', ['Perencanaan Wilayah dan Kota']],
  ['Penyuluh Pertanian Ahli Pertama', 'D4', ['Penyuluhan Pertanian', 'Agribisnis']],
  ['Pengendali Dampak Lingkungan', 'S1', ['Teknik Lingkungan']],
  ['Sanitarian Terampil', 'D3', ['Kesehatan Lingkungan', 'Sanitasi']],
  ['Nutrisionis Terampil', 'D3', ['Gizi']],
  ['Fisioterapis Terampil', 'D3', ['Fisioterapi']],
  ['Radiografer Terampil', 'D3', ['Radiologi']],
  ['Pranata Laboratorium Kesehatan', 'D3', ['Analis Kesehatan', 'Teknologi Laboratorium Medis']],
  ['Arsiparis Terampil', 'D3', ['Kearsipan']],
  ['Pustakawan Ahli Pertama', 'S1', ['Ilmu Perpustakaan']],
  ['Statistisi Ahli Pertama', 'S1', ['Statistika']],
  ['Perencana Ahli Pertama', 'S1', ['Ekonomi Pembangunan', 'Perencanaan Wilayah dan Kota']],
  ['Penyuluh Kesehatan Masyarakat', 'S1', ['Kesehatan Masyarakat']],
  ['Epidemiolog Kesehatan', 'S1', ['Kesehatan Masyarakat', 'Epidemiologi']],
  ['Pengelola Layanan Operasional', 'SMA', []],
  ['Operator Layanan Operasional', 'SMA', []],
  ['Pemadam Kebakaran Pemula', 'SMA', []],
  ['Polisi Pamong Praja Terampil', 'SMA', []],
  ['Psikolog Klinis Ahli Pertama', 'PROFESI', ['Psikologi']],
  ['Penyuluh Perikanan Ahli Pertama', 'S1', ['Perikanan', 'Budidaya Perairan']],
  ['Pengawas Benih Tanaman', 'D3', ['Agroteknologi']],
  ['Medik Veteriner Ahli Pertama', 'PROFESI', ['Kedokteran Hewan']],
  ['Penerjemah Ahli Pertama', 'S1', ['Sastra Inggris']],
  ['Pranata Hubungan Masyarakat', 'S1', ['Ilmu Komunikasi']],
  ['Penera Terampil', 'D3', ['Metrologi']],
  ['Teknisi Elektromedis', 'D3', ['Teknik Elektromedik']],
  ['Pengelola Keuangan Daerah', 'D3', ['Akuntansi', 'Keuangan']],
];

export const BENCH_UNITS: readonly string[] = [
  'Dinas Pendidikan',
  'Dinas Kesehatan',
  'Rumah Sakit Umum Daerah',
  'Puskesmas Kota',
  'Puskesmas Pesisir',
  'Sekretariat Daerah',
  'Badan Perencanaan Pembangunan Daerah',
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Komunikasi dan Informatika',
  'Dinas Pertanian',
  'Dinas Lingkungan Hidup',
  'Badan Pengelola Keuangan dan Aset Daerah',
  'Inspektorat Daerah',
  'Satuan Polisi Pamong Praja',
  'Dinas Pemadam Kebakaran',
  'Dinas Perikanan',
  'Dinas Perpustakaan dan Kearsipan',
  'SD Negeri 1',
  'SD Negeri 7',
  'SMP Negeri 2',
  'SMP Negeri 4',
  'Kecamatan Utara',
  'Kecamatan Selatan',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Badan Kepegawaian dan Pengembangan SDM',
];

const REGIONS = ['Manna', 'Seluma', 'Kaur', 'Lebong', 'Kepahiang', 'Mukomuko', 'Rejang', 'Lahat', 'Muara Enim', 'Pagar Alam', 'Solok', 'Agam', 'Pasaman', 'Dharmasraya', 'Sijunjung', 'Tanah Datar', 'Pesisir', 'Bantul', 'Sleman', 'Klaten', 'Boyolali', 'Sragen', 'Wonogiri', 'Demak', 'Kendal', 'Batang', 'Pemalang', 'Brebes', 'Tegal', 'Banjar'];

const sqlText = (value: string) => `'${value.replaceAll("'", "''")}'`;
const sqlArray = (values: readonly string[]) => `ARRAY[${values.map(sqlText).join(',')}]::text[]`;

export type BenchDataOptions = { agencies: number; formasi: number };

/**
 * SQL that (re)creates the bench agencies, two published rounds per agency (CPNS with registration
 * open now, PPPK for every third agency, opening in ten days) and `formasi` published formasi spread
 * over them. Kinds follow a realistic mix (mostly umum); counts 1–5 places.
 */
export function benchDataSql({ agencies, formasi }: BenchDataOptions): string[] {
  const positions = BENCH_POSITIONS.map(([name]) => name);
  const levels = BENCH_POSITIONS.map(([, level]) => level);
  // Programmes per position as one '|'-joined string, split back with string_to_array.
  const programmes = BENCH_POSITIONS.map(([, , list]) => list.join('|'));
  return [
    `DELETE FROM agencies WHERE code LIKE 'bench-fs-%'`,
    `INSERT INTO agencies (code, name, region, timezone)
     SELECT 'bench-fs-' || i,
            'Pemerintah ' || (ARRAY['Kabupaten','Kota'])[1 + i % 2] || ' ' || (${sqlArray(REGIONS)})[1 + i % ${REGIONS.length}] || ' ' || i,
            'Provinsi Uji ' || (1 + i % 34),
            (ARRAY['Asia/Jakarta','Asia/Jakarta','Asia/Makassar','Asia/Jayapura'])[1 + i % 4]
     FROM generate_series(1, ${agencies}) AS i`,
    `INSERT INTO selections (agency_id, type, year, name, status, schedule, registration_opens_at, registration_closes_at, required_documents, pipeline, version, published_at)
     SELECT a.id, t.type, 2026, 'Seleksi ' || upper(t.type) || ' 2026 ' || a.name, 'published',
            jsonb_build_object('registrationOpens', to_char(now() + t.opens, 'YYYY-MM-DD'), 'registrationCloses', to_char(now() + t.opens + interval '20 days', 'YYYY-MM-DD')),
            date_trunc('day', now() + t.opens), date_trunc('day', now() + t.opens + interval '20 days') + interval '1 day' - interval '1 millisecond',
            '[]'::jsonb, '[]'::jsonb, 2, now()
     FROM agencies a
     CROSS JOIN (VALUES ('cpns', interval '-5 days', 0), ('pppk', interval '10 days', 1)) AS t(type, opens, n)
     WHERE a.code LIKE 'bench-fs-%' AND (t.n = 0 OR substring(a.code from 10)::int % 3 = 0)`,
    `WITH s AS (
       SELECT s.id, s.agency_id, a.name AS agency_name, row_number() OVER (ORDER BY s.id) - 1 AS n
       FROM selections s JOIN agencies a ON a.id = s.agency_id WHERE a.code LIKE 'bench-fs-%'
     ),
     h AS (SELECT i, ('x' || substr(md5(i::text), 1, 15))::bit(60)::bigint AS h FROM generate_series(1, ${formasi}) AS i),
     g AS (
       -- independent pseudo-random position, unit, kind and round per row
       SELECT i, h % ${positions.length} AS p, (h / 1000) % ${BENCH_UNITS.length} AS u, (h / 1000000) % 100 AS k, (h / 1000000000) % (SELECT count(*) FROM s) AS r
       FROM h
     )
     INSERT INTO formasi (agency_id, selection_id, position_name, unit_name, count, qualifications, education_levels, programmes, kind, min_age, max_age, status, search_text, published_at)
     SELECT s.agency_id, s.id,
            (${sqlArray(positions)})[1 + g.p],
            (${sqlArray(BENCH_UNITS)})[1 + g.u],
            1 + g.i % 5,
            jsonb_build_array(jsonb_build_object('level', (${sqlArray(levels)})[1 + g.p], 'programmes', to_jsonb(string_to_array((${sqlArray(programmes)})[1 + g.p], '|')))),
            ARRAY[(${sqlArray(levels)})[1 + g.p]],
            -- stored as core/eligibility normalizeProgramme spells them (lower case, no spaces), as the formasi module does
            coalesce(string_to_array(nullif(replace(lower((${sqlArray(programmes)})[1 + g.p]), ' ', ''), ''), '|'), '{}'),
            CASE WHEN g.k < 85 THEN 'umum' WHEN g.k < 89 THEN 'cumlaude' WHEN g.k < 93 THEN 'disabilitas' WHEN g.k < 95 THEN 'putra_putri_papua' WHEN g.k < 96 THEN 'diaspora' ELSE 'daerah_tertinggal' END,
            18, CASE WHEN (${sqlArray(levels)})[1 + g.p] IN ('PROFESI', 'S2') THEN 40 ELSE 35 END,
            'published',
            lower(concat_ws(' ', (${sqlArray(positions)})[1 + g.p], (${sqlArray(BENCH_UNITS)})[1 + g.u], replace((${sqlArray(programmes)})[1 + g.p], '|', ' '), s.agency_name)),
            now()
     FROM g JOIN s ON s.n = g.r`,
    `ANALYZE agencies`,
    `ANALYZE selections`,
    `VACUUM ANALYZE formasi`,
  ];
}
