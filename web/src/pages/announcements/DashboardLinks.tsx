import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';

/** Dashboard links to announcements and outreach events for the roles that work on them. */
export function AnnouncementOutreachLinks({ grant }: { grant: RoleGrant }) {
  if (!grant.agencyId) return null;
  const manages = grant.role === 'admin_instansi' || grant.role === 'panitia';
  if (!manages && grant.role !== 'pengawas') return null;
  return (
    <ul className="link-list">
      <li>
        <Link to={`/admin/instansi/${grant.agencyId}/pengumuman`}>{manages ? 'Kelola pengumuman' : 'Pengumuman instansi'}</Link>
      </li>
      {manages ? (
        <li>
          <Link to={`/admin/instansi/${grant.agencyId}/sosialisasi`}>Kelola sosialisasi</Link>
        </li>
      ) : null}
    </ul>
  );
}
