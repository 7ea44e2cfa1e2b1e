// The demo SKD question bank: TWK and TIU with one key, TKP with points 1–5 per option.
// TIU number series are computed, so their keys are right by construction.
import type { QuestionBody } from '../../core/schemas/cat-banks.js';

type Draft = { subtest: 'TWK' | 'TIU' | 'TKP'; topic: string; stem: string; options: string[]; keyIndex?: number; points?: number[] };

const TWK_FACTS: Array<{ topic: string; stem: string; answer: string; wrong: string[] }> = [
  { topic: 'Pancasila', stem: 'Sila keempat Pancasila dilambangkan dengan…', answer: 'Kepala banteng', wrong: ['Pohon beringin', 'Rantai emas', 'Bintang', 'Padi dan kapas'] },
  { topic: 'Pancasila', stem: 'Hari Lahir Pancasila diperingati setiap tanggal…', answer: '1 Juni', wrong: ['1 Oktober', '17 Agustus', '18 Agustus', '22 Juni'] },
  { topic: 'Pancasila', stem: 'Rumusan Pancasila yang sah tercantum dalam…', answer: 'Pembukaan UUD 1945 alinea keempat', wrong: ['Piagam Jakarta', 'Pidato 1 Juni 1945', 'Batang tubuh UUD 1945', 'Ketetapan MPR'] },
  { topic: 'UUD 1945', stem: 'Pasal 27 ayat (3) UUD 1945 mengatur hak dan kewajiban warga negara dalam…', answer: 'Upaya pembelaan negara', wrong: ['Memperoleh pendidikan', 'Memeluk agama', 'Berserikat dan berkumpul', 'Memperoleh pekerjaan'] },
  { topic: 'UUD 1945', stem: 'Lembaga yang berwenang mengubah dan menetapkan UUD adalah…', answer: 'MPR', wrong: ['DPR', 'Presiden', 'Mahkamah Konstitusi', 'DPD'] },
  { topic: 'UUD 1945', stem: 'Amandemen UUD 1945 dilakukan sebanyak…', answer: 'Empat kali', wrong: ['Dua kali', 'Tiga kali', 'Lima kali', 'Enam kali'] },
  { topic: 'NKRI', stem: 'Deklarasi Djuanda tahun 1957 menegaskan…', answer: 'Wawasan Nusantara sebagai negara kepulauan', wrong: ['Batas wilayah udara', 'Pembentukan provinsi', 'Kemerdekaan Papua', 'Sistem pemerintahan'] },
  { topic: 'NKRI', stem: 'Sumpah Pemuda diikrarkan pada tahun…', answer: '1928', wrong: ['1908', '1945', '1926', '1930'] },
  { topic: 'Bhinneka Tunggal Ika', stem: 'Semboyan Bhinneka Tunggal Ika diambil dari kitab…', answer: 'Sutasoma', wrong: ['Negarakertagama', 'Pararaton', 'Arjunawiwaha', 'Bharatayudha'] },
  { topic: 'Nasionalisme', stem: 'Organisasi Budi Utomo yang menandai Kebangkitan Nasional berdiri pada tahun…', answer: '1908', wrong: ['1928', '1911', '1912', '1945'] },
];

const TKP_SCENARIOS: Array<{ topic: string; stem: string; options: string[] }> = [
  {
    topic: 'Pelayanan publik',
    stem: 'Seorang warga lanjut usia kesulitan mengisi formulir layanan daring di kantor Anda. Sikap Anda…',
    options: ['Membantunya mengisi formulir sampai selesai sambil menjelaskan langkahnya', 'Meminta petugas lain yang sedang senggang membantunya', 'Memberinya panduan tertulis', 'Memintanya datang lagi bersama keluarga', 'Membiarkannya mencoba sendiri'],
  },
  {
    topic: 'Jejaring kerja',
    stem: 'Unit lain meminta data dari unit Anda untuk laporan bersama dengan tenggat besok. Anda…',
    options: ['Menyiapkan data hari ini dan menawarkan bantuan penjelasannya', 'Menyiapkan data sebelum tenggat', 'Mengirim data seadanya', 'Meminta mereka menunggu pekerjaan Anda selesai', 'Meminta mereka mengambil data sendiri'],
  },
  {
    topic: 'Profesionalisme',
    stem: 'Atasan memberi tugas mendesak saat pekerjaan Anda sendiri belum selesai. Anda…',
    options: ['Menyusun prioritas bersama atasan lalu menyelesaikan keduanya', 'Mengerjakan tugas mendesak lebih dulu', 'Lembur tanpa memberi tahu atasan', 'Meminta rekan mengerjakan tugas Anda', 'Menolak tugas baru'],
  },
  {
    topic: 'Teknologi informasi',
    stem: 'Kantor Anda beralih ke aplikasi persuratan elektronik yang belum Anda kuasai. Anda…',
    options: ['Mempelajarinya segera dan membantu rekan yang kesulitan', 'Mengikuti pelatihan yang disediakan', 'Belajar ketika sudah diwajibkan', 'Meminta rekan mengerjakan bagian Anda', 'Tetap memakai cara lama'],
  },
  {
    topic: 'Sosial budaya',
    stem: 'Rekan kerja baru berasal dari daerah dengan kebiasaan yang berbeda dari Anda. Anda…',
    options: ['Mengajaknya berkenalan dan saling belajar kebiasaan masing-masing', 'Bersikap ramah dalam urusan kerja', 'Menunggu ia menyesuaikan diri', 'Bergaul hanya dengan rekan sedaerah', 'Menghindarinya'],
  },
  {
    topic: 'Anti radikalisme',
    stem: 'Di grup percakapan kantor beredar pesan yang menghasut kebencian terhadap kelompok tertentu. Anda…',
    options: ['Mengingatkan pengirim dan melaporkan kepada pengelola grup', 'Mengingatkan pengirim secara pribadi', 'Tidak menanggapi', 'Keluar dari grup', 'Meneruskan pesan itu'],
  },
  {
    topic: 'Integritas',
    stem: 'Seorang pelamar menawarkan bingkisan agar berkasnya diperiksa lebih dulu. Anda…',
    options: ['Menolak dengan sopan dan memeriksa berkas sesuai antrean', 'Menolak bingkisan itu', 'Menerima tetapi tetap mengikuti antrean', 'Menerima dan menyerahkannya kepada atasan', 'Menerima dan memeriksa berkasnya lebih dulu'],
  },
  {
    topic: 'Semangat berprestasi',
    stem: 'Target kinerja unit Anda tahun ini dinaikkan. Anda…',
    options: ['Menyusun rencana kerja baru dan mengusulkan perbaikan proses', 'Bekerja lebih keras dari biasanya', 'Bekerja seperti biasa', 'Menunggu arahan atasan', 'Mengeluhkan target itu'],
  },
  {
    topic: 'Kreativitas dan inovasi',
    stem: 'Antrean layanan di kantor Anda selalu panjang pada awal bulan. Anda…',
    options: ['Mengusulkan pendaftaran antrean daring dan membantu menguji cobanya', 'Mengusulkan penambahan petugas', 'Melayani lebih cepat', 'Menyarankan warga datang di akhir bulan', 'Membiarkannya'],
  },
];

function seriesQuestion(n: number): Draft {
  const start = 2 + (n % 7);
  const step = 3 + (n % 5);
  if (n % 3 === 0) {
    const terms = [start, start + step, start + 2 * step + 1, start + 3 * step + 3, start + 4 * step + 6];
    const next = start + 5 * step + 10;
    return { subtest: 'TIU', topic: 'Numerik', stem: `Suku berikutnya dari deret ${terms.join(', ')}, … adalah…`, options: [next, next + 1, next - 2, next + step, next - step].map(String), keyIndex: 0 };
  }
  if (n % 3 === 1) {
    const ratio = 2 + (n % 2);
    const terms = [start, start * ratio, start * ratio ** 2, start * ratio ** 3];
    const next = start * ratio ** 4;
    return { subtest: 'TIU', topic: 'Numerik', stem: `Suku berikutnya dari deret ${terms.join(', ')}, … adalah…`, options: [next - 1, next, next - start, next * 2, next + 2 * start + 1].map(String), keyIndex: 1 };
  }
  const a = 12 + n * 3;
  const b = 4 + (n % 6);
  const answer = a * b - b;
  return { subtest: 'TIU', topic: 'Aritmetika', stem: `Hasil dari ${a} × ${b} − ${b} adalah…`, options: [answer + b, answer - b, answer, answer + 10, answer - 10].map(String), keyIndex: 2 };
}

const VERBAL: Array<{ stem: string; answer: string; wrong: string[] }> = [
  { stem: 'Sinonim kata "efisien" adalah…', answer: 'Hemat dan tepat guna', wrong: ['Boros', 'Lamban', 'Rumit', 'Mewah'] },
  { stem: 'Antonim kata "transparan" adalah…', answer: 'Tertutup', wrong: ['Jernih', 'Terbuka', 'Jelas', 'Tembus pandang'] },
  { stem: 'DOKTER : PASIEN = GURU : …', answer: 'Murid', wrong: ['Sekolah', 'Buku', 'Kapur', 'Kelas'] },
  { stem: 'Semua ASN wajib menjaga netralitas. Rina adalah ASN. Simpulan yang tepat…', answer: 'Rina wajib menjaga netralitas', wrong: ['Rina tidak wajib menjaga netralitas', 'Sebagian ASN tidak netral', 'Rina bukan ASN', 'Tidak dapat disimpulkan'] },
  { stem: 'Sinonim kata "akuntabel" adalah…', answer: 'Dapat dipertanggungjawabkan', wrong: ['Dapat dihitung', 'Mudah diubah', 'Tidak jelas', 'Rahasia'] },
];

export function demoSkdQuestions(): QuestionBody[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < 30; i++) {
    const fact = TWK_FACTS[i % TWK_FACTS.length]!;
    const round = Math.floor(i / TWK_FACTS.length);
    // The key moves between positions so that "always A" scores nothing.
    const keyIndex = (i * 2 + round) % 5;
    const options = [...fact.wrong.slice(0, 4)];
    options.splice(keyIndex, 0, fact.answer);
    drafts.push({ subtest: 'TWK', topic: fact.topic, stem: round === 0 ? fact.stem : `${fact.stem} (butir ${round + 1})`, options, keyIndex });
  }
  for (let i = 0; i < 35; i++) {
    if (i % 7 === 6) {
      const verbal = VERBAL[Math.floor(i / 7) % VERBAL.length]!;
      const keyIndex = i % 5;
      const options = [...verbal.wrong.slice(0, 4)];
      options.splice(keyIndex, 0, verbal.answer);
      drafts.push({ subtest: 'TIU', topic: 'Verbal', stem: verbal.stem, options, keyIndex });
    } else drafts.push(seriesQuestion(i));
  }
  for (let i = 0; i < 45; i++) {
    const scenario = TKP_SCENARIOS[i % TKP_SCENARIOS.length]!;
    const round = Math.floor(i / TKP_SCENARIOS.length);
    // Options listed best first in the scenario; their order in the question rotates.
    const shift = (i * 3) % 5;
    const order = [0, 1, 2, 3, 4].map((k) => (k + shift) % 5);
    drafts.push({
      subtest: 'TKP',
      topic: scenario.topic,
      stem: round === 0 ? scenario.stem : `${scenario.stem} (situasi ${round + 1})`,
      options: order.map((k) => scenario.options[k]!),
      points: order.map((k) => 5 - k),
    });
  }
  return drafts.map((draft) => ({
    subtest: draft.subtest,
    topic: draft.topic,
    stem: draft.stem,
    options: draft.options.map((text, index) => ({ text, ...(draft.points ? { points: draft.points[index]! } : {}) })),
    keyIndex: draft.keyIndex ?? null,
  }));
}
