import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { resultPaths } from './access';

/** Final-result links on the dashboard, by role in the agency. */
export function FinalResultLinks({ grant }: { grant: RoleGrant }) {
  const agencyId = grant.agencyId;
  if (!agencyId || !['admin_instansi', 'panitia', 'pengawas'].includes(grant.role)) return null;
  return (
    <ul className="link-list">
      <li>
        <Link to={resultPaths.rounds(agencyId)}>{grant.role === 'pengawas' ? 'Hasil akhir dan bukti integritasnya' : 'Integrasi nilai dan hasil akhir'}</Link>
      </li>
      <li>
        <Link to={resultPaths.objections(agencyId)}>Meja sanggah hasil akhir</Link>
      </li>
    </ul>
  );
}
