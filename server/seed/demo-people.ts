// The demo applicants of the Kota Manna story. Their NIKs carry Bengkulu Selatan's region code
// (17 01) and agree with the birth date and sex, as core/nik.ts requires.

export type DemoEducation = { level: string; institution: string; programme: string; gpa: number; year: number };

export type DemoApplicant = {
  key: string;
  name: string;
  sex: 'L' | 'P';
  birthDate: string;
  birthPlace: string;
  education: DemoEducation;
  /** The formasi key they apply to (see demo-story.ts). */
  formasi: string;
  /** A phone shared with another applicant makes the pair a likely duplicate for the verifier. */
  phone?: string;
};

const UNIB = 'Universitas Bengkulu';

/** The 2026 CPNS round, now past its administrative stage: the demo applicant is the first. */
export const CPNS_APPLICANTS: readonly DemoApplicant[] = [
  { key: 'demo', name: 'Rahmat Hidayat', sex: 'L', birthDate: '1998-04-12', birthPlace: 'Manna', education: { level: 'S1', institution: UNIB, programme: 'Informatika', gpa: 3.52, year: 2020 }, formasi: 'pranata' },
  { key: 'siti', name: 'Siti Nurhaliza', sex: 'P', birthDate: '1999-08-23', birthPlace: 'Bengkulu', education: { level: 'S1', institution: UNIB, programme: 'Sistem Informasi', gpa: 3.61, year: 2021 }, formasi: 'pranata' },
  { key: 'andi', name: 'Andi Saputra', sex: 'L', birthDate: '1997-01-30', birthPlace: 'Manna', education: { level: 'S1', institution: 'Universitas Sriwijaya', programme: 'Teknik Informatika', gpa: 3.34, year: 2019 }, formasi: 'pranata' },
  { key: 'dewi', name: 'Dewi Lestari', sex: 'P', birthDate: '2000-02-14', birthPlace: 'Kaur', education: { level: 'S1', institution: UNIB, programme: 'Informatika', gpa: 3.47, year: 2022 }, formasi: 'pranata' },
  { key: 'yoga', name: 'Yoga Pratama', sex: 'L', birthDate: '1996-11-05', birthPlace: 'Seluma', education: { level: 'S1', institution: 'Universitas Andalas', programme: 'Informatika', gpa: 3.29, year: 2019 }, formasi: 'pranata' },
  { key: 'rizki', name: 'Rizki Ramadhan', sex: 'L', birthDate: '1999-01-15', birthPlace: 'Manna', education: { level: 'S1', institution: UNIB, programme: 'Sistem Informasi', gpa: 3.4, year: 2021 }, formasi: 'pranata' },
  { key: 'fitri', name: 'Fitri Handayani', sex: 'P', birthDate: '1998-06-17', birthPlace: 'Bengkulu', education: { level: 'S1', institution: UNIB, programme: 'Psikologi', gpa: 3.55, year: 2020 }, formasi: 'kepegawaian' },
  { key: 'budi', name: 'Budi Santoso', sex: 'L', birthDate: '1995-03-09', birthPlace: 'Curup', education: { level: 'S1', institution: 'Universitas Padjadjaran', programme: 'Manajemen Sumber Daya Manusia', gpa: 3.21, year: 2018 }, formasi: 'kepegawaian' },
  { key: 'rina', name: 'Rina Marlina', sex: 'P', birthDate: '1999-12-01', birthPlace: 'Manna', education: { level: 'S1', institution: UNIB, programme: 'Administrasi Negara', gpa: 3.68, year: 2022 }, formasi: 'kepegawaian' },
  { key: 'hendra', name: 'Hendra Gunawan', sex: 'L', birthDate: '1994-07-21', birthPlace: 'Lahat', education: { level: 'S1', institution: 'Universitas Sriwijaya', programme: 'Hukum', gpa: 3.05, year: 2017 }, formasi: 'kepegawaian' },
  { key: 'putri', name: 'Putri Ayu Wulandari', sex: 'P', birthDate: '2001-05-19', birthPlace: 'Bengkulu', education: { level: 'S1', institution: UNIB, programme: 'Hukum', gpa: 3.73, year: 2023 }, formasi: 'kepegawaian' },
  { key: 'nurul', name: 'Nurul Aini', sex: 'P', birthDate: '2000-10-10', birthPlace: 'Manna', education: { level: 'D3', institution: 'Poltekkes Kemenkes Bengkulu', programme: 'Keperawatan', gpa: 3.44, year: 2021 }, formasi: 'perawat' },
  { key: 'agus', name: 'Agus Salim', sex: 'L', birthDate: '1998-09-28', birthPlace: 'Kaur', education: { level: 'D3', institution: 'Poltekkes Kemenkes Bengkulu', programme: 'Keperawatan', gpa: 3.18, year: 2019 }, formasi: 'perawat' },
  { key: 'maya', name: 'Maya Sari', sex: 'P', birthDate: '1997-04-04', birthPlace: 'Manna', education: { level: 'D3', institution: 'Akademi Keperawatan Manna', programme: 'Keperawatan', gpa: 3.37, year: 2018 }, formasi: 'perawat' },
];

/** The PPPK round whose registration is open now. */
export const PPPK_APPLICANTS: readonly DemoApplicant[] = [
  { key: 'lina', name: 'Lina Marlina', sex: 'P', birthDate: '1996-02-11', birthPlace: 'Manna', education: { level: 'D3', institution: 'Poltekkes Kemenkes Bengkulu', programme: 'Keperawatan', gpa: 3.3, year: 2017 }, formasi: 'perawat' },
  { key: 'joko', name: 'Joko Susilo', sex: 'L', birthDate: '1994-08-30', birthPlace: 'Bengkulu', education: { level: 'D3', institution: 'Poltekkes Kemenkes Bengkulu', programme: 'Keperawatan', gpa: 3.12, year: 2015 }, formasi: 'perawat' },
  { key: 'ratna', name: 'Ratna Dewi', sex: 'P', birthDate: '1997-03-27', birthPlace: 'Seluma', education: { level: 'S1', institution: UNIB, programme: 'Pendidikan Matematika', gpa: 3.58, year: 2019 }, formasi: 'guru' },
  { key: 'fajar', name: 'Fajar Nugroho', sex: 'L', birthDate: '1995-12-12', birthPlace: 'Manna', education: { level: 'S1', institution: UNIB, programme: 'Pendidikan Matematika', gpa: 3.26, year: 2018 }, formasi: 'guru', phone: '081377001122' },
  { key: 'sri', name: 'Sri Wahyuni', sex: 'P', birthDate: '1998-07-08', birthPlace: 'Manna', education: { level: 'S1', institution: 'Universitas Negeri Padang', programme: 'Pendidikan Matematika', gpa: 3.45, year: 2020 }, formasi: 'guru', phone: '081377001122' },
  { key: 'dimas', name: 'Dimas Anggara', sex: 'L', birthDate: '1999-10-03', birthPlace: 'Bengkulu', education: { level: 'S1', institution: UNIB, programme: 'Informatika', gpa: 3.39, year: 2021 }, formasi: 'pranata' },
  { key: 'wulan', name: 'Wulan Sari', sex: 'P', birthDate: '2000-01-22', birthPlace: 'Kaur', education: { level: 'D3', institution: 'Akademi Keperawatan Manna', programme: 'Keperawatan', gpa: 3.51, year: 2021 }, formasi: 'perawat' },
  { key: 'bayu', name: 'Bayu Firmansyah', sex: 'L', birthDate: '1993-05-16', birthPlace: 'Bengkulu', education: { level: 'S1', institution: UNIB, programme: 'Pendidikan Matematika', gpa: 3.02, year: 2016 }, formasi: 'guru' },
];

/** A NIK of Kecamatan Manna (17 01 01) for the birth date and sex (women's day + 40). */
export function demoNik(birthDate: string, sex: 'L' | 'P', serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const dd = String(Number(day) + (sex === 'P' ? 40 : 0)).padStart(2, '0');
  return `170101${dd}${month}${year!.slice(2)}${String(serial).padStart(4, '0')}`;
}

export function demoPhone(serial: number): string {
  return `0852${String(73_000_000 + serial * 7919).slice(-8)}`;
}
