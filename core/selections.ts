/**
 * Selection rounds (seleksi): the words and defaults shared by the server and the web, without zod
 * (the request and response schemas are in core/schemas/selections.ts).
 */
import { FORMASI_KIND_RULES } from './eligibility.js';
import type { SelectionType } from './pipeline.js';

export const SELECTION_TYPES = ['cpns', 'pppk', 'jpt'] as const satisfies readonly SelectionType[];
export const SELECTION_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export type SelectionStatus = (typeof SELECTION_STATUSES)[number];

export const SELECTION_STATUS_LABELS: Readonly<Record<SelectionStatus, string>> = {
  draft: 'Draf',
  published: 'Diumumkan',
  closed: 'Selesai',
  cancelled: 'Dibatalkan',
};

export const REGISTRATION_STATES = ['unscheduled', 'upcoming', 'open', 'closed'] as const;
export const REGISTRATION_STATE_LABELS: Readonly<Record<(typeof REGISTRATION_STATES)[number], string>> = {
  unscheduled: 'Jadwal belum ditetapkan',
  upcoming: 'Akan dibuka',
  open: 'Pendaftaran dibuka',
  closed: 'Pendaftaran ditutup',
};

/** Budget years a round may belong to. */
export const SELECTION_YEAR_MIN = 2020;
export const SELECTION_YEAR_MAX = 2100;

export const DOCUMENT_FORMATS = ['pdf', 'jpg', 'png'] as const;
export const DOCUMENT_MAX_KB = 10_240;

export type RequiredDocument = { key: string; name: string; formats: Array<(typeof DOCUMENT_FORMATS)[number]>; maxKb: number; mandatory: boolean };

/**
 * Typical documents and the size limits of the national portal's 2021 guide (domain-rules §1):
 * pas foto, swafoto, KTP JPG ≤ 200 KB; surat lamaran PDF ≤ 300 KB; transkrip PDF ≤ 500 KB; ijazah
 * and other documents PDF ≤ 800 KB. Each agency edits the list per round.
 */
export const DEFAULT_REQUIRED_DOCUMENTS: readonly RequiredDocument[] = [
  { key: 'ktp', name: 'KTP', formats: ['jpg'], maxKb: 200, mandatory: true },
  { key: 'ijazah', name: 'Ijazah', formats: ['pdf'], maxKb: 800, mandatory: true },
  { key: 'transkrip', name: 'Transkrip nilai', formats: ['pdf'], maxKb: 500, mandatory: true },
  { key: 'pas_foto', name: 'Pas foto', formats: ['jpg'], maxKb: 200, mandatory: true },
  { key: 'swafoto', name: 'Swafoto', formats: ['jpg'], maxKb: 200, mandatory: true },
  { key: 'surat_lamaran', name: 'Surat lamaran', formats: ['pdf'], maxKb: 300, mandatory: true },
  { key: 'surat_pernyataan', name: 'Surat pernyataan', formats: ['pdf'], maxKb: 800, mandatory: true },
];

export const FORMASI_KINDS = Object.keys(FORMASI_KIND_RULES);
