import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { bankPaths } from './access';

/** Dashboard links to question banks, blueprints and CAT reports. */
export function CatBankLinks({ grant }: { grant: RoleGrant }) {
  if (grant.role === 'super_admin') {
    return (
      <ul className="link-list">
        <li>
          <Link to={bankPaths.list({ agencyId: null })}>Bank soal nasional</Link>
        </li>
      </ul>
    );
  }
  if (!grant.agencyId || !['admin_instansi', 'panitia', 'pengawas'].includes(grant.role)) return null;
  return (
    <ul className="link-list">
      {grant.role !== 'pengawas' ? (
        <li>
          <Link to={bankPaths.list({ agencyId: grant.agencyId })}>Bank soal CAT</Link>
        </li>
      ) : null}
      <li>
        <Link to={bankPaths.plans(grant.agencyId)}>{grant.role === 'pengawas' ? 'Laporan ujian CAT' : 'Cetak biru dan laporan ujian CAT'}</Link>
      </li>
    </ul>
  );
}
