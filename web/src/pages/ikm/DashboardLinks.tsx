import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { ikmPaths } from './access';

/** Dashboard links to the public satisfaction index for the roles that read or run it. */
export function IkmLinks({ grant }: { grant: RoleGrant }) {
  if (!grant.agencyId || !['admin_instansi', 'pengawas'].includes(grant.role)) return null;
  return (
    <ul className="link-list">
      <li>
        <Link to={ikmPaths.surveys(grant.agencyId)}>{grant.role === 'admin_instansi' ? 'Kelola survei kepuasan (IKM)' : 'Survei kepuasan (IKM)'}</Link>
      </li>
      <li>
        <Link to={ikmPaths.plans(grant.agencyId)}>Rencana tindak lanjut IKM</Link>
      </li>
    </ul>
  );
}
