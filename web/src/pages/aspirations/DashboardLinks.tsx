import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { aspirationPaths } from './access';

/** Dashboard links to the complaint desk and community forums for the roles that read or handle them. */
export function AspirationLinks({ grant }: { grant: RoleGrant }) {
  if (!grant.agencyId || !['admin_instansi', 'panitia', 'pengawas'].includes(grant.role)) return null;
  return (
    <ul className="link-list">
      <li>
        <Link to={aspirationPaths.list(grant.agencyId)}>{grant.role === 'pengawas' ? 'Aspirasi dan pengaduan' : 'Kelola aspirasi dan pengaduan'}</Link>
      </li>
      <li>
        <Link to={aspirationPaths.forums(grant.agencyId)}>Forum warga</Link>
      </li>
    </ul>
  );
}
