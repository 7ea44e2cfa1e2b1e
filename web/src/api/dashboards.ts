// Dashboards of an agency and the national ones (super administrator): one view of sections, each a
// table with an optional chart, and its XLSX and PDF export.
import type { Dashboard, DashboardView, NationalDashboard } from '../../../core/schemas/dashboards';
import { api, type QueryValue } from './client';

export type { Dashboard, DashboardView, NationalDashboard };
export type DashboardFilters = { selectionId?: string; formasiId?: string; periodKey?: string; unitId?: string; section?: string };

const enc = encodeURIComponent;
const base = (agencyId: string | null, dashboard: Dashboard) => (agencyId ? `/api/agencies/${enc(agencyId)}/dashboards/${dashboard}` : `/api/dashboards/${dashboard}`);

function search(filters: DashboardFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const dashboardsApi = {
  view: (agencyId: string | null, dashboard: Dashboard, filters: DashboardFilters) => api.get<DashboardView>(base(agencyId, dashboard), { ...filters } as Record<string, QueryValue>),
  exportUrl: (agencyId: string | null, dashboard: Dashboard, format: 'xlsx' | 'pdf', filters: DashboardFilters) => `${base(agencyId, dashboard)}/export.${format}${search(filters)}`,
};
