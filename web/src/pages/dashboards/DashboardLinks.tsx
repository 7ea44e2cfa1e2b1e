import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { dashboardPaths } from './access';

/** Dashboard links to the agency's (or, for the super administrator, the national) dashboards. */
export function DashboardsLinks({ grant }: { grant: RoleGrant }) {
  if (grant.role === 'super_admin') {
    return (
      <ul className="link-list">
        <li>
          <Link to={dashboardPaths.national()}>Dasbor nasional seluruh instansi</Link>
        </li>
      </ul>
    );
  }
  if (!grant.agencyId || !['admin_instansi', 'panitia', 'pengawas'].includes(grant.role)) return null;
  return (
    <ul className="link-list">
      <li>
        <Link to={dashboardPaths.agency(grant.agencyId)}>Dasbor rekrutmen, pelatihan, kinerja dan layanan</Link>
      </li>
      <li>
        <Link to={dashboardPaths.agency(grant.agencyId, 'kualitas-rekrutmen')}>Kualitas hasil rekrutmen</Link>
      </li>
    </ul>
  );
}
