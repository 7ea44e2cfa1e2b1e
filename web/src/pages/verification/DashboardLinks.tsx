import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types';
import { paths } from './access';

/** Verification, result and objection links on the dashboard, by role in the agency. */
export function VerificationLinks({ grant }: { grant: RoleGrant }) {
  const agencyId = grant.agencyId;
  if (!agencyId) return null;
  switch (grant.role) {
    case 'verifikator':
      return (
        <ul className="link-list">
          <li>
            <Link to={`${paths.queue(agencyId)}?pegang=me`}>Pendaftaran yang saya pegang</Link>
          </li>
          <li>
            <Link to={`${paths.queue(agencyId)}?pegang=unassigned`}>Antrean verifikasi (belum dipegang)</Link>
          </li>
          <li>
            <Link to={`${paths.queue(agencyId)}?konfirmasi=1`}>TMS yang menunggu konfirmasi empat mata</Link>
          </li>
        </ul>
      );
    case 'admin_instansi':
    case 'panitia':
      return (
        <ul className="link-list">
          <li>
            <Link to={paths.queue(agencyId)}>Antrean dan penugasan verifikasi</Link>
          </li>
          <li>
            <Link to={paths.progress(agencyId)}>Kemajuan per verifikator</Link>
          </li>
          <li>
            <Link to={paths.results(agencyId)}>Hasil seleksi administrasi</Link>
          </li>
          <li>
            <Link to={paths.desk(agencyId)}>Meja sanggah</Link>
          </li>
        </ul>
      );
    case 'pengawas':
      return (
        <ul className="link-list">
          <li>
            <Link to={paths.observer(agencyId)}>Pemantauan verifikasi dan sanggah</Link>
          </li>
        </ul>
      );
    default:
      return null;
  }
}
