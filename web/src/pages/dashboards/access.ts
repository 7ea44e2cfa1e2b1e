import { DASHBOARD_TITLES, DASHBOARDS, NATIONAL_DASHBOARDS, type Dashboard } from '../../../../core/schemas/dashboards';
import type { Me } from '../../api/types';
import { hasRole, isSuperAdmin } from '../../lib/roles';

/** Same rules as the server's dashboards policy. */
export const canReadDashboards = (me: Me | null | undefined, agencyId: string) =>
  isSuperAdmin(me) || hasRole(me, 'admin_instansi', agencyId) || hasRole(me, 'panitia', agencyId) || hasRole(me, 'pengawas', agencyId);

export const dashboardPaths = {
  agency: (agencyId: string, dashboard: Dashboard = 'rekrutmen') => `/admin/instansi/${agencyId}/dasbor/${dashboard}`,
  national: (dashboard: Dashboard = 'rekrutmen') => `/admin/dasbor/${dashboard}`,
};

export const isDashboard = (value: string | undefined): value is Dashboard => (DASHBOARDS as readonly string[]).includes(value ?? '');
export const isNationalDashboard = (value: string | undefined): boolean => (NATIONAL_DASHBOARDS as readonly string[]).includes(value ?? '');
export { DASHBOARD_TITLES, DASHBOARDS, NATIONAL_DASHBOARDS };
