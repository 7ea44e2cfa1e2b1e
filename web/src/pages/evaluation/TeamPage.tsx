import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { evaluationApi, evaluationKeys } from '../../api/evaluation';
import type { Me } from '../../api/types';
import { SelectField } from '../../components/Field';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { formatIsoDate } from '../employees/access';
import { evaluationPaths, planStatusLabel, planStatusTag, predikatLabel, predikatTag, supervisorAgencies } from './access';

function AgencyTeam({ agencyId, agencyName, showAgency }: { agencyId: string; agencyName: string; showAgency: boolean }) {
  const [periodId, setPeriodId] = useState('');
  const query = useQuery({ queryKey: evaluationKeys.myStaff(agencyId, periodId), queryFn: () => evaluationApi.myStaff(agencyId, periodId || undefined) });
  if (query.isPending) return <Loading label="Memuat tim…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { period, periods, staff } = query.data;
  const waiting = staff.filter((s) => s.plan?.status === 'submitted').length;
  const toRate = staff.filter((s) => s.plan?.status === 'agreed' && !s.plan.predikat).length;
  return (
    <section aria-labelledby={`tim-${agencyId}`}>
      <h2 id={`tim-${agencyId}`} className={showAgency ? undefined : 'visually-hidden'}>
        {agencyName}
      </h2>
      {periods.length > 1 ? (
        <SelectField label="Periode" value={period?.id ?? ''} options={periods.map((p) => ({ value: p.id, label: `${p.name}${p.status === 'finalised' ? ' (final)' : ''}` }))} onValueChange={setPeriodId} />
      ) : null}
      {!period ? (
        <EmptyState>Belum ada periode penilaian.</EmptyState>
      ) : (
        <>
          <p>
            {period.name} ({formatIsoDate(period.startsOn)} – {formatIsoDate(period.endsOn)}): {waiting} rencana menunggu persetujuan, {toRate} menunggu penilaian.
          </p>
          {staff.length === 0 ? (
            <EmptyState>Belum ada pegawai yang tercatat sebagai bawahan Anda.</EmptyState>
          ) : (
            <div className="table-wrap" role="region" aria-label="Bawahan dan penilaiannya" tabIndex={0}>
              <table>
                <caption>Bawahan langsung — {period.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Pegawai</th>
                    <th scope="col">Rencana</th>
                    <th scope="col">Predikat</th>
                  </tr>
                </thead>
                <tbody>
                  {staff.map(({ employee, plan }) => (
                    <tr key={employee.id}>
                      <th scope="row">
                        {plan ? <Link to={evaluationPaths.plan(agencyId, plan.id)}>{employee.name}</Link> : employee.name}
                        <span className="subtitle">{employee.positionName ?? employee.unitName ?? ''}</span>
                      </th>
                      <td>{plan ? <span className={`tag ${planStatusTag(plan.status)}`}>{planStatusLabel(plan.status)}</span> : <span className="muted">Belum menyusun rencana</span>}</td>
                      <td>{plan?.predikat ? <span className={`tag ${predikatTag(plan.predikat)}`}>{predikatLabel(plan.predikat)}</span> : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Team({ me }: { me: Me }) {
  const agencies = supervisorAgencies(me);
  return (
    <>
      <PageTitle>Penilaian kinerja tim</PageTitle>
      <p className="lead">Sepakati rencana hasil kerja bawahan langsung Anda dan nilai hasil kerja serta perilaku BerAKHLAK mereka.</p>
      {agencies.map((agency) => (
        <AgencyTeam key={agency.agencyId} agencyId={agency.agencyId} agencyName={agency.agencyName} showAgency={agencies.length > 1} />
      ))}
    </>
  );
}

export function TeamPage() {
  return <RequireAuth allow={(me) => supervisorAgencies(me).length > 0}>{(me) => <Team me={me} />}</RequireAuth>;
}
