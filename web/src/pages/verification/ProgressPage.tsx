import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useAgencyDetail } from '../../api/queries';
import { verificationApi, verificationKeys } from '../../api/verification';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { paths, verificationAccess } from './access';
import { AreaLinks } from './shared';
import './verification.css';

function Progress({ agencyId }: { agencyId: string }) {
  const { extras, update } = useListParams(['seleksi']);
  const selectionId = extras.seleksi ?? '';
  const { name: agencyName } = useAgencyDetail(agencyId);
  const filters = useQuery({ queryKey: verificationKeys.filters(agencyId), queryFn: () => verificationApi.filters(agencyId), staleTime: 60_000 });
  const progress = useQuery({ queryKey: verificationKeys.progress(agencyId, selectionId), queryFn: () => verificationApi.progress(agencyId, selectionId || undefined) });
  const options = [{ value: '', label: 'Semua seleksi' }, ...(filters.data?.selections ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.year})` }))];
  const queueOf = (verifierId: string, status: string) => `${paths.queue(agencyId)}?${new URLSearchParams({ ...(selectionId ? { seleksi: selectionId } : {}), status, verifikator: verifierId })}`;

  return (
    <div className="verifikasi">
      <AgencyHeading title="Kemajuan verifikasi" agencyName={agencyName} />
      <AreaLinks agencyId={agencyId} show={['queue', 'reasons', 'results']} />
      <div className="filters">
        <SelectField label="Seleksi" value={selectionId} options={options} onValueChange={(value) => update({ seleksi: value || null })} />
      </div>
      {progress.isPending ? (
        <Loading label="Menghitung kemajuan…" />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />
      ) : (
        <>
          <ul className="summary-line" aria-label="Jumlah pendaftaran">
            <li>
              Dikirim: <strong>{formatNumber(progress.data.totals.submitted)}</strong>
            </li>
            <li>
              Belum diputuskan: <strong>{formatNumber(progress.data.totals.undecided)}</strong>
            </li>
            <li>
              Belum dipegang: <strong>{formatNumber(progress.data.totals.unassigned)}</strong>
            </li>
            <li>
              MS: <strong>{formatNumber(progress.data.totals.ms)}</strong>
            </li>
            <li>
              TMS: <strong>{formatNumber(progress.data.totals.tms)}</strong>
            </li>
            <li>
              Menunggu konfirmasi empat mata: <strong>{formatNumber(progress.data.totals.awaitingConfirmation)}</strong>
            </li>
          </ul>
          {progress.data.verifiers.length === 0 ? (
            <EmptyState>Instansi ini belum memiliki verifikator. Admin instansi dapat mengundang staf dengan peran Verifikator.</EmptyState>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="judul-kemajuan" tabIndex={0}>
              <table>
                <caption id="judul-kemajuan">Kemajuan per verifikator</caption>
                <thead>
                  <tr>
                    <th scope="col">Verifikator</th>
                    <th scope="col">Sedang dipegang</th>
                    <th scope="col">Sudah diputuskan</th>
                    <th scope="col">MS</th>
                    <th scope="col">TMS</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.data.verifiers.map((v) => (
                    <tr key={v.id}>
                      <th scope="row">{v.name}</th>
                      <td>
                        <Link to={queueOf(v.id, 'submitted')}>{formatNumber(v.claimed)}</Link>
                      </td>
                      <td>{formatNumber(v.decided)}</td>
                      <td>{formatNumber(v.ms)}</td>
                      <td>{formatNumber(v.tms)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

export function ProgressPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => verificationAccess.read(me, agencyId)}>{() => <Progress key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
