import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { portalPaths, selectionPaths } from './access';

/** Dashboard links to the agency's selection rounds, and to the formation search for applicants. */
export function SelectionLinks({ grant }: { grant: RoleGrant }) {
  if (grant.role === 'pelamar') {
    return (
      <ul className="link-list">
        <li>
          <Link to={portalPaths.search}>Cari formasi yang dibuka</Link>
        </li>
      </ul>
    );
  }
  if (!grant.agencyId || !['admin_instansi', 'panitia', 'pengawas'].includes(grant.role)) return null;
  return (
    <ul className="link-list">
      <li>
        <Link to={selectionPaths.list(grant.agencyId)}>{grant.role === 'pengawas' ? 'Seleksi instansi' : 'Kelola seleksi (jadwal, tahapan, bobot)'}</Link>
      </li>
    </ul>
  );
}
