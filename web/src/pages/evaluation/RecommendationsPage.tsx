import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { evaluationApi, evaluationKeys } from '../../api/evaluation';
import { SelectField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { FormErrors } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { canManageEvaluation, evaluationPaths, RECOMMENDATION_STATUS_LABELS } from './access';
import { RecommendationList } from './RecommendationList';

function Recommendations({ agencyId }: { agencyId: string }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const query = useQuery({ queryKey: evaluationKeys.recommendations(agencyId, { status }), queryFn: () => evaluationApi.recommendations(agencyId, { status, pageSize: 100 }) });
  const retry = useMutation({
    mutationFn: (id: string) => evaluationApi.retryRecommendation(agencyId, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['evaluation', agencyId, 'recommendations'] }),
  });
  return (
    <>
      <PageTitle>Rekomendasi pengembangan</PageTitle>
      <p className="lead">Pelatihan yang diusulkan dari predikat di bawah Baik atau umpan balik publik unit di bawah ambang, diikuti sampai pegawai lulus.</p>
      <p>
        <Link to={evaluationPaths.periods(agencyId)}>Penilaian kinerja</Link>
      </p>
      <SelectField label="Status" value={status} options={[{ value: '', label: 'Semua' }, ...Object.entries(RECOMMENDATION_STATUS_LABELS).map(([value, label]) => ({ value, label }))]} onValueChange={setStatus} />
      <FormErrors error={retry.error} />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>Tidak ada rekomendasi.</EmptyState>
      ) : (
        <RecommendationList
          items={query.data.items}
          showEmployee
          actions={(item) =>
            item.status === 'proposed' ? (
              <button type="button" className="button button-secondary" disabled={retry.isPending} onClick={() => retry.mutate(item.id)}>
                Usulkan program lagi
              </button>
            ) : null
          }
        />
      )}
    </>
  );
}

export function RecommendationsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageEvaluation(me, agencyId)}>{() => <Recommendations agencyId={agencyId} />}</RequireAuth>;
}
