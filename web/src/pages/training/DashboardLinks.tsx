import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { employeePaths } from '../employees/access';
import { trainingPaths } from './access';

/** Dashboard links to employees and training, per role. */
export function TrainingLinks({ grant }: { grant: RoleGrant }) {
  const agencyId = grant.agencyId;
  const links: Array<[string, string]> = [];
  if (grant.role === 'admin_instansi' && agencyId) {
    links.push([employeePaths.list(agencyId), 'Pegawai: impor, atasan, angkat dari hasil seleksi']);
    links.push([trainingPaths.admin(agencyId), 'Pelatihan: program, kelas, peserta']);
  }
  if (grant.role === 'pegawai') {
    links.push([employeePaths.mine, 'Data kepegawaian dan survei ASN baru']);
    links.push([trainingPaths.mine, 'Pelatihan saya, sertifikat, minta pelatihan']);
  }
  if (grant.role === 'atasan') links.push([employeePaths.myStaff, 'Bawahan saya dan permintaan pelatihannya']);
  if (grant.role === 'pelatih') links.push([trainingPaths.trainer, 'Kelas yang saya ampu: presensi dan nilai']);
  if (grant.role === 'pelamar') links.push([trainingPaths.mine, 'Pembekalan untuk peserta seleksi']);
  if (!links.length) return null;
  return (
    <ul className="link-list">
      {links.map(([to, label]) => (
        <li key={to}>
          <Link to={to}>{label}</Link>
        </li>
      ))}
    </ul>
  );
}
