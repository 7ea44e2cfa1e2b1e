import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useAgencyDetail } from '../../api/queries';
import { selectionApi, selectionKeys } from '../../api/selections';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { bankPaths, canPlanCat, canReadCatPlans } from './access';
import './cat-banks.css';

const TYPE_LABELS: Record<string, string> = { cpns: 'CPNS', pppk: 'PPPK', jpt: 'JPT' };

/** The agency's rounds, each with its CAT blueprints and reports. */
function Plans({ agencyId, canPlan }: { agencyId: string; canPlan: boolean }) {
  const { page, setPage } = useListParams();
  const { name } = useAgencyDetail(agencyId);
  const query = { page, pageSize: 20 };
  const list = useQuery({ queryKey: selectionKeys.list(agencyId, query), queryFn: () => selectionApi.list(agencyId, query) });
  return (
    <>
      <AgencyHeading title="Cetak biru dan laporan CAT" agencyName={name} />
      <p>
        Cetak biru menetapkan susunan soal, durasi, tambahan waktu dan nilai ambang batas setiap tahap CAT. Laporan menampilkan kehadiran, statistik nilai
        dan analisis butir soal.
      </p>
      {canPlan ? (
        <p>
          <Link to={bankPaths.list({ agencyId })}>Kelola bank soal</Link>
        </p>
      ) : null}
      {list.isPending ? (
        <Loading label="Memuat seleksi…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Belum ada seleksi di instansi ini.</EmptyState>
      ) : (
        <>
          <div className="table-wrap" role="region" aria-labelledby="judul-seleksi-cat" tabIndex={0}>
            <table>
              <caption id="judul-seleksi-cat">Seleksi instansi</caption>
              <thead>
                <tr>
                  <th scope="col">Seleksi</th>
                  <th scope="col">Jenis</th>
                  <th scope="col">Tahap CAT</th>
                  <th scope="col">Tautan</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((selection) => (
                  <tr key={selection.id}>
                    <th scope="row">{selection.name}</th>
                    <td>
                      {TYPE_LABELS[selection.type] ?? selection.type} {selection.year}
                    </td>
                    <td>
                      {selection.pipeline
                        .filter((stage) => stage.kind === 'cat' || (stage.components ?? []).some((component) => component.kind === 'cat'))
                        .map((stage) => stage.name)
                        .join(', ') || '—'}
                    </td>
                    <td>
                      <div className="row-actions">
                        <Link to={bankPaths.blueprints(agencyId, selection.id)}>
                          Cetak biru<span className="visually-hidden"> {selection.name}</span>
                        </Link>
                        <Link to={bankPaths.report(agencyId, selection.id)}>
                          Laporan<span className="visually-hidden"> {selection.name}</span>
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function PlansPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadCatPlans(me, agencyId)}>{(me) => <Plans key={agencyId} agencyId={agencyId} canPlan={canPlanCat(me, agencyId)} />}</RequireAuth>;
}
