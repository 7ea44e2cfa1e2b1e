import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { catPaths } from './access';

/** CAT links on the dashboard: sessions and venues for the agency's panel, the exam card for applicants. */
export function CatSessionLinks({ grant }: { grant: RoleGrant }) {
  if (grant.role === 'pelamar') {
    return (
      <ul className="link-list">
        <li>
          <Link to={catPaths.applicant}>Ujian CAT: lokasi, jadwal dan kartu ujian</Link>
        </li>
      </ul>
    );
  }
  if (!grant.agencyId || !['admin_instansi', 'panitia', 'pengawas'].includes(grant.role)) return null;
  return (
    <ul className="link-list">
      <li>
        <Link to={catPaths.sessions(grant.agencyId)}>{grant.role === 'pengawas' ? 'Sesi ujian CAT' : 'Sesi ujian CAT dan konsol pengawas'}</Link>
      </li>
      <li>
        <Link to={catPaths.venues(grant.agencyId)}>Lokasi dan ruang ujian CAT</Link>
      </li>
    </ul>
  );
}
