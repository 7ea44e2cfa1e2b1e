import { z } from 'zod';
import { uuid } from './common.js';

/** The dashboards of an agency; the national view (super administrator) has the first two. */
export const DASHBOARDS = ['rekrutmen', 'pasca-rekrutmen', 'kualitas-rekrutmen'] as const;
export type Dashboard = (typeof DASHBOARDS)[number];
export const NATIONAL_DASHBOARDS = ['rekrutmen', 'pasca-rekrutmen'] as const;
export type NationalDashboard = (typeof NATIONAL_DASHBOARDS)[number];

export const DASHBOARD_TITLES: Readonly<Record<Dashboard, string>> = {
  rekrutmen: 'Dasbor rekrutmen',
  'pasca-rekrutmen': 'Dasbor pelatihan, kinerja dan layanan',
  'kualitas-rekrutmen': 'Kualitas hasil rekrutmen',
};

export const dashboardParam = z.enum(DASHBOARDS, { message: 'Dasbor tidak dikenal' });
export const nationalDashboardParam = z.enum(NATIONAL_DASHBOARDS, { message: 'Dasbor nasional tidak dikenal' });

export const dashboardQuery = z.object({
  selectionId: uuid().optional(),
  formasiId: uuid().optional(),
  /** An IKM/evaluation period key: "2026", "2026-S1", "2026-T3". */
  periodKey: z
    .string()
    .regex(/^\d{4}(-[ST][1-4])?$/, 'Periode harus berbentuk 2026, 2026-S1 atau 2026-T3')
    .optional(),
  unitId: uuid().optional(),
  /** Exports: only this section (table). */
  section: z
    .string()
    .regex(/^[a-z-]{1,40}$/, 'Bagian tidak dikenal')
    .optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const dashboardCell = z.union([z.string(), z.number(), z.null()]);
export type DashboardCell = z.infer<typeof dashboardCell>;

export const dashboardColumnSchema = z.object({
  key: z.string(),
  header: z.string(),
  /** number: a count or measure; percent: 0–100; text otherwise. */
  kind: z.enum(['text', 'number', 'percent']),
});
export type DashboardColumn = z.infer<typeof dashboardColumnSchema>;

export const dashboardChartSchema = z.object({
  /** Column whose text names each bar, and the numeric column the bar shows. */
  labelKey: z.string(),
  valueKey: z.string(),
  /** Fixed scale (e.g. 0–100 for percents, −1–1 for a correlation); null: from 0 to the largest value. */
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type DashboardChart = z.infer<typeof dashboardChartSchema>;

export const dashboardSectionSchema = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  /** Plain-language notes and cautions shown with the table. */
  notes: z.array(z.string()),
  columns: z.array(dashboardColumnSchema),
  rows: z.array(z.record(z.string(), dashboardCell)),
  chart: dashboardChartSchema.nullable(),
  /** Shown instead of an empty table: why there is nothing (yet). */
  empty: z.string(),
});
export type DashboardSection = z.infer<typeof dashboardSectionSchema>;

const option = z.object({ value: z.string(), label: z.string() });

export const dashboardSchema = z.object({
  dashboard: z.enum(DASHBOARDS),
  title: z.string(),
  /** The agency, or null for the national view. */
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
  generatedAt: z.string(),
  filters: z.object({ selectionId: z.string().nullable(), formasiId: z.string().nullable(), periodKey: z.string().nullable(), unitId: z.string().nullable() }),
  /** The values each filter may take (only those that apply to this dashboard are non-empty). */
  options: z.object({ selections: z.array(option), formasi: z.array(option), periods: z.array(option), units: z.array(option) }),
  sections: z.array(dashboardSectionSchema),
});
export type DashboardView = z.infer<typeof dashboardSchema>;
