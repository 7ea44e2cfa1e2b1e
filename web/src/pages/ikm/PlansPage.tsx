import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { IKM_PLAN_STATUSES, IKM_PLAN_STATUS_LABELS } from '../../../../core/ikm-survey';
import { ikmApi } from '../../api/ikm';
import { useAgencyDetail, useMe } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { FilterSelect, OverdueFilter } from '../../components/FilterSelect';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageIkm, canReadIkm, ikmPaths } from './access';
import { PlanList } from './PlanList';

function Plans({ agencyId }: { agencyId: string }) {
  const me = useMe();
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status', 'terlambat']);
  const { name: agencyName } = useAgencyDetail(agencyId);
  const list = useQuery({
    queryKey: ['ikm', agencyId, 'plans', q, extras.status, extras.terlambat, page],
    queryFn: () => ikmApi.plans(agencyId, { q: q || undefined, status: extras.status || undefined, overdue: extras.terlambat || undefined, page, pageSize: 20 }),
    placeholderData: (p) => p,
  });
  return (
    <>
      <p className="breadcrumb">
        <Link to={ikmPaths.surveys(agencyId)}>‹ Semua survei IKM</Link>
      </p>
      <AgencyHeading title="Rencana tindak lanjut IKM" agencyName={agencyName} />
      <p>Perbaikan atas unsur pelayanan yang lemah, dengan penanggung jawab dan batas waktu. Yang terlambat tampil paling atas.</p>
      <div className="filters">
        <SearchForm label="Cari rencana atau penanggung jawab" value={q} onSearch={setQuery} />
        <FilterSelect label="Status" name="status" value={extras.status} allLabel="Semua status" options={IKM_PLAN_STATUSES.map((s) => ({ value: s, label: IKM_PLAN_STATUS_LABELS[s] }))} update={update} />
        <OverdueFilter value={extras.terlambat} overdueLabel="Terlambat" onTimeLabel="Tidak terlambat" update={update} />
      </div>
      {list.isPending ? (
        <Loading label="Memuat rencana…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Tidak ada rencana tindak lanjut yang cocok.</EmptyState>
      ) : (
        <>
          <PlanList agencyId={agencyId} plans={list.data.items} manage={canManageIkm(me.data, agencyId)} showSurvey caption="Rencana tindak lanjut instansi" />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function PlansPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadIkm(me, agencyId)}>{() => <Plans key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
