import { useQuery } from '@tanstack/react-query';
import { trainingApi, trainingKeys } from '../../api/training';
import type { Me } from '../../api/types';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { agenciesWithRole } from './access';
import { SessionsTable } from './SessionsTable';

function AgencyClasses({ agencyId, agencyName }: { agencyId: string; agencyName: string }) {
  const query = { mine: 'true', pageSize: 100 };
  const list = useQuery({ queryKey: trainingKeys.sessions(agencyId, query), queryFn: () => trainingApi.sessions(agencyId, query) });
  return (
    <section aria-labelledby={`kelas-${agencyId}`}>
      <h2 id={`kelas-${agencyId}`}>{agencyName}</h2>
      {list.isPending ? (
        <Loading label="Memuat kelas…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Belum ada kelas yang Anda ampu.</EmptyState>
      ) : (
        <SessionsTable agencyId={agencyId} items={list.data.items} caption={`Kelas yang saya ampu di ${agencyName}`} />
      )}
    </section>
  );
}

function Trainer({ me }: { me: Me }) {
  return (
    <>
      <PageTitle>Kelas yang saya ampu</PageTitle>
      <p className="lead">Buka kelas untuk mengisi presensi setiap pertemuan, nilai pre-test dan post-test, lalu tutup kelas setelah pertemuan terakhir.</p>
      {agenciesWithRole(me, 'pelatih').map((agency) => (
        <AgencyClasses key={agency.agencyId} {...agency} />
      ))}
    </>
  );
}

export function TrainerPage() {
  return <RequireAuth allow={(me) => agenciesWithRole(me, 'pelatih').length > 0}>{(me) => <Trainer me={me} />}</RequireAuth>;
}
