// Constants and small helpers of formation planning (ABK and formasi) shared by the server and the
// web app: no I/O and no zod, so the web bundle can import them as they are.
import { normalizeEducationLevel } from './eligibility.js';

/** Kinds of position (jenis jabatan) in the civil service. */
export const POSITION_KINDS = ['struktural', 'fungsional', 'pelaksana'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];
export const POSITION_KIND_LABELS: Record<PositionKind, string> = {
  struktural: 'Struktural',
  fungsional: 'Fungsional',
  pelaksana: 'Pelaksana',
};

/** Bounds shared by the forms and the XLSX import. */
export const ORGANISATION_LIMITS = {
  codeMax: 40,
  nameMax: 200,
  outputUnitMax: 60,
  headcountMax: 100_000,
  volumeMax: 100_000_000,
  /** No single output takes longer than a year of minutes. */
  normMinutesMax: 525_600,
  effectiveMinutesMin: 1_000,
  effectiveMinutesMax: 525_600,
} as const;

/** At most two decimals, the precision the columns keep. */
export const hasTwoDecimalsAtMost = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;

/** Education levels a formation may ask for, in core/eligibility's normalised spelling. */
export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA', 'SMK', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3', 'PROFESI'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = {
  SD: 'SD/sederajat',
  SMP: 'SMP/sederajat',
  SMA: 'SMA/MA/sederajat',
  SMK: 'SMK/MAK',
  D1: 'Diploma I (D-I)',
  D2: 'Diploma II (D-II)',
  D3: 'Diploma III (D-III)',
  D4: 'Diploma IV (D-IV)/Sarjana Terapan',
  S1: 'Sarjana (S-1)',
  S2: 'Magister (S-2)',
  S3: 'Doktor (S-3)',
  PROFESI: 'Pendidikan Profesi',
};

export const isEducationLevel = (level: string): level is EducationLevel =>
  (EDUCATION_LEVELS as readonly string[]).includes(normalizeEducationLevel(level));

export const FORMASI_STATUSES = ['draft', 'published'] as const;
export type FormasiStatus = (typeof FORMASI_STATUSES)[number];
export const FORMASI_STATUS_LABELS: Record<FormasiStatus, string> = { draft: 'Draf', published: 'Diumumkan' };

export const FORMASI_LIMITS = { countMax: 10_000, qualificationsMax: 10, programmesMax: 50, programmeMax: 150, extraMax: 2_000 } as const;

/** 'S1: Akuntansi, Manajemen; D3: Akuntansi' — one cell of the XLSX import/export. */
export function formatQualifications(qualifications: ReadonlyArray<{ level: string; programmes: readonly string[] }>): string {
  return qualifications.map((q) => (q.programmes.length ? `${q.level}: ${q.programmes.join(', ')}` : q.level)).join('; ');
}

/** The inverse of formatQualifications; levels are normalised, programmes trimmed. */
export function parseQualifications(text: string): Array<{ level: string; programmes: string[] }> {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      const level = normalizeEducationLevel(colon < 0 ? part : part.slice(0, colon));
      const programmes =
        colon < 0
          ? []
          : part
              .slice(colon + 1)
              .split(',')
              .map((programme) => programme.trim().replace(/\s+/g, ' '))
              .filter(Boolean);
      return { level, programmes };
    });
}
