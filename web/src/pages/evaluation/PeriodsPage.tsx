import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { evaluationApi, evaluationKeys } from '../../api/evaluation';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { formatIsoDate } from '../employees/access';
import { canManageEvaluation, evaluationPaths, periodStatusLabel } from './access';

function CreatePeriod({ agencyId, onCreated }: { agencyId: string; onCreated: (name: string) => void }) {
  const [kind, setKind] = useState('triwulan');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [quarter, setQuarter] = useState('1');
  const create = useMutation({
    mutationFn: () => evaluationApi.createPeriod(agencyId, { kind, year: Number(year), quarter: kind === 'triwulan' ? Number(quarter) : null }),
    onSuccess: (result) => onCreated(result.period.name),
  });
  return (
    <form
      className="form card panel"
      aria-labelledby="judul-periode-baru"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <h2 id="judul-periode-baru">Buka periode</h2>
      <FormErrors error={create.error} />
      <SelectField label="Jenis periode" value={kind} options={[{ value: 'triwulan', label: 'Triwulan' }, { value: 'tahunan', label: 'Tahunan' }]} onValueChange={setKind} />
      <TextField label="Tahun" inputMode="numeric" required value={year} onValueChange={setYear} error={fieldError(create.error, 'year')} />
      {kind === 'triwulan' ? (
        <SelectField label="Triwulan" value={quarter} options={['I', 'II', 'III', 'IV'].map((r, i) => ({ value: String(i + 1), label: `Triwulan ${r}` }))} onValueChange={setQuarter} error={fieldError(create.error, 'quarter')} />
      ) : null}
      <FormActions pending={create.isPending} label="Buka periode" />
    </form>
  );
}

function Periods({ agencyId }: { agencyId: string }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: evaluationKeys.periods(agencyId), queryFn: () => evaluationApi.periods(agencyId) });
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageTitle>Penilaian kinerja</PageTitle>
      <p className="lead">Periode triwulan dan tahunan, predikat organisasi yang membatasi sebaran predikat pegawai, dan finalisasi.</p>
      <p>
        <Link to={evaluationPaths.desks(agencyId)}>Tautan dan kode QR penilaian loket</Link> · <Link to={evaluationPaths.recommendations(agencyId)}>Rekomendasi pengembangan</Link>
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {query.isPending ? (
        <Loading label="Memuat periode…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>Belum ada periode penilaian.</EmptyState>
      ) : (
        <div className="table-wrap" role="region" aria-label="Periode penilaian" tabIndex={0}>
          <table>
            <caption>Periode penilaian</caption>
            <thead>
              <tr>
                <th scope="col">Periode</th>
                <th scope="col">Rentang</th>
                <th scope="col">Status</th>
                <th scope="col">Dinilai</th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((period) => (
                <tr key={period.id}>
                  <th scope="row">
                    <Link to={evaluationPaths.period(agencyId, period.id)}>{period.name}</Link>
                  </th>
                  <td>
                    {formatIsoDate(period.startsOn)} – {formatIsoDate(period.endsOn)}
                  </td>
                  <td>
                    <span className={`tag ${period.status === 'finalised' ? 'tag-active' : 'tag-pending'}`}>{periodStatusLabel(period.status)}</span>
                  </td>
                  <td>
                    {period.rated} dari {period.plans}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreatePeriod
        agencyId={agencyId}
        onCreated={(name) => {
          setNotice(`Periode ${name} dibuka.`);
          void queryClient.invalidateQueries({ queryKey: evaluationKeys.periods(agencyId) });
        }}
      />
    </>
  );
}

export function PeriodsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageEvaluation(me, agencyId)}>{() => <Periods agencyId={agencyId} />}</RequireAuth>;
}
