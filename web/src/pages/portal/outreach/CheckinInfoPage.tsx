import { Link, useSearchParams } from 'react-router-dom';
import { formatCheckinCode, parseCheckinCode } from '../../../../../core/outreach';
import { useMe } from '../../../api/queries';
import { PageTitle } from '../../../components/PageTitle';
import { staffEventsPath } from '../../outreach/access';

/**
 * Where a registrant's QR code leads when opened with an ordinary camera app: the code in large
 * print, and for the agency's staff a way to their check-in pages.
 */
export function CheckinInfoPage() {
  const [params] = useSearchParams();
  const me = useMe();
  const code = parseCheckinCode(params.get('kode') ?? '');
  const agencies = new Map<string, string>();
  for (const grant of me.data?.roles ?? []) {
    if ((grant.role === 'admin_instansi' || grant.role === 'panitia') && grant.agencyId) agencies.set(grant.agencyId, grant.agencyName ?? 'Instansi');
  }
  return (
    <>
      <PageTitle title="Kode presensi sosialisasi">Kode presensi sosialisasi</PageTitle>
      {code ? (
        <p className="checkin-code-large">
          <strong>{formatCheckinCode(code)}</strong>
        </p>
      ) : (
        <p>Kode presensi pada alamat ini tidak valid.</p>
      )}
      <p>
        Ini adalah kode presensi peserta acara sosialisasi. Peserta: tunjukkan QR pada tiket Anda kepada petugas. Petugas: buka halaman presensi acara, lalu
        pindai QR atau ketik kode di atas.
      </p>
      {agencies.size > 0 ? (
        <ul className="link-list">
          {[...agencies].map(([agencyId, name]) => (
            <li key={agencyId}>
              <Link to={staffEventsPath(agencyId)}>Acara sosialisasi {name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
