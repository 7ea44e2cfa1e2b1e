import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { panelPaths } from './access';

/** Panel scoring on the dashboard: the assessor's candidates; the panel's and observers' components. */
export function PanelLinks({ grant }: { grant: RoleGrant }) {
  if (!grant.agencyId) return null;
  if (grant.role === 'penguji') {
    return (
      <ul className="link-list">
        <li>
          <Link to={panelPaths.workspace(grant.agencyId)}>Peserta yang saya nilai (wawancara, praktik kerja, asesmen…)</Link>
        </li>
      </ul>
    );
  }
  if (!['admin_instansi', 'panitia', 'pengawas'].includes(grant.role)) return null;
  return (
    <ul className="link-list">
      <li>
        <Link to={panelPaths.index(grant.agencyId)}>{grant.role === 'pengawas' ? 'Pantau penilaian panel' : 'Penilaian panel: rubrik, penguji, moderasi, penguncian'}</Link>
      </li>
    </ul>
  );
}
