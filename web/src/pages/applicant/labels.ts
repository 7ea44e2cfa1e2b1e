// Words the applicant pages share. Kind, type and education labels come from core (the same words
// the portal and the server use); the rest are display text only.
import { EDUCATION_LEVELS, EDUCATION_LEVEL_LABELS } from '../../../../core/planning';
import { SELECTION_TYPE_LABELS, formasiKindLabel } from '../../../../core/selection-text';
import type { ApplicationStatus, ClaimKey } from '../../api/types';

export { formasiKindLabel };

/**
 * What an applicant's own pages say about an application's state. The verifier's MS/TMS is not
 * the applicant's to see until the panel announces the result (it may still be reopened), so a
 * decided application reads "Terkirim" here and the result page shows the announced outcome.
 */
export const APPLICATION_STATUS_TEXT: Record<ApplicationStatus, string> = {
  draft: 'Draf (belum dikirim)',
  submitted: 'Terkirim',
  ms: 'Terkirim',
  tms: 'Terkirim',
};

export const APPLICATION_STATUS_TAG: Record<ApplicationStatus, string> = {
  draft: 'tag-pending',
  submitted: 'tag-info',
  ms: 'tag-info',
  tms: 'tag-info',
};

export const DECISION_TEXT = { ms: 'Memenuhi Syarat (MS)', tms: 'Tidak Memenuhi Syarat (TMS)' } as const;

export function selectionTypeLabel(type: string): string {
  return (SELECTION_TYPE_LABELS as Readonly<Record<string, string>>)[type] ?? type.toUpperCase();
}

/** The three eligibility rules of core/eligibility, named as an applicant reads them. */
export const ELIGIBILITY_RULE_LABELS: Record<string, string> = {
  age: 'Syarat usia',
  education: 'Syarat pendidikan',
  formasiKind: 'Syarat jenis formasi',
};

export function eligibilityRuleLabel(rule: string): string {
  return ELIGIBILITY_RULE_LABELS[rule] ?? rule;
}

/** Education levels in core/eligibility's normalised spelling (the same list formations use). */
export const EDUCATION_LEVEL_OPTIONS: Array<{ value: string; label: string }> = EDUCATION_LEVELS.map((level) => ({ value: level, label: EDUCATION_LEVEL_LABELS[level] }));

/** Each claim to a special formation kind, what it means and what the agency will ask to see. */
export const CLAIM_OPTIONS: Array<{ key: ClaimKey; label: string; kind: string; explanation: string }> = [
  {
    key: 'cumlaude',
    label: 'Saya lulus dengan predikat dengan pujian (cumlaude)',
    kind: 'cumlaude',
    explanation:
      'Formasi Lulusan Cumlaude hanya untuk lulusan perguruan tinggi dengan predikat dengan pujian. Untuk S-1/D-IV, IPK pada ijazah yang dipakai melamar harus di atas 3,50 (formasi tertentu dapat meminta lebih). Predikat harus tercantum pada ijazah atau transkrip.',
  },
  {
    key: 'disability',
    label: 'Saya penyandang disabilitas',
    kind: 'disabilitas',
    explanation:
      'Formasi Penyandang Disabilitas untuk pelamar penyandang disabilitas yang mampu menjalankan tugas jabatan. Jelaskan jenis dan derajat disabilitas pada kolom keterangan disabilitas; instansi biasanya meminta surat keterangan dokter. Peserta tunanetra mendapat tambahan waktu ujian CAT.',
  },
  {
    key: 'papuan',
    label: 'Saya putra/putri Papua',
    kind: 'putra_putri_papua',
    explanation:
      'Formasi Putra/Putri Papua untuk orang asli Papua sesuai ketentuan dalam pengumuman instansi; bukti keaslian (misalnya surat keterangan) diperiksa verifikator.',
  },
  {
    key: 'diaspora',
    label: 'Saya diaspora (WNI yang tinggal atau bekerja di luar negeri)',
    kind: 'diaspora',
    explanation:
      'Formasi Diaspora untuk warga negara Indonesia yang tinggal, bekerja, atau lulus pendidikan di luar negeri, dengan syarat yang diumumkan instansi.',
  },
  {
    key: 'disadvantagedRegion',
    label: 'Saya putra/putri daerah tertinggal',
    kind: 'daerah_tertinggal',
    explanation:
      'Formasi Putra/Putri Daerah Tertinggal untuk pelamar yang berasal dan berdomisili di daerah tertinggal yang ditetapkan pemerintah, dibuktikan dengan KTP sesuai pengumuman instansi.',
  },
];

export const FORMAT_LABELS: Record<string, string> = { pdf: 'PDF', jpg: 'JPG', jpeg: 'JPG', png: 'PNG' };

/** The file picker's filter for a document's formats (by extension and media type). */
export function acceptFor(formats: readonly string[]): string {
  const parts = new Set<string>();
  for (const format of formats) {
    if (format === 'pdf') ['.pdf', 'application/pdf'].forEach((part) => parts.add(part));
    if (format === 'jpg' || format === 'jpeg') ['.jpg', '.jpeg', 'image/jpeg'].forEach((part) => parts.add(part));
    if (format === 'png') ['.png', 'image/png'].forEach((part) => parts.add(part));
  }
  return [...parts].join(',');
}

export function formatsText(formats: readonly string[]): string {
  return [...new Set(formats.map((format) => FORMAT_LABELS[format] ?? format.toUpperCase()))].join(' atau ');
}

export function sizeText(kb: number): string {
  return kb >= 1024 && kb % 1024 === 0 ? `${kb / 1024} MB` : `${new Intl.NumberFormat('id-ID').format(kb)} KB`;
}
