import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BERAKHLAK, RATING_LABELS, RATINGS, type Rating } from '../../../../core/predikat';
import { evaluationApi, evaluationKeys, type MyEvaluation } from '../../api/evaluation';
import type { Me } from '../../api/types';
import { SelectField } from '../../components/Field';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { employeeAgencies, evaluationPaths, planStatusLabel, planStatusTag, predikatLabel, predikatTag } from './access';
import { RecommendationList } from './RecommendationList';

function PeerForm({ agencyId, colleague, onDone }: { agencyId: string; colleague: MyEvaluation['colleagues'][number]; onDone: () => void }) {
  const [behaviours, setBehaviours] = useState<Record<string, Rating | ''>>({});
  const [body, setBody] = useState('');
  const send = useMutation({
    mutationFn: () => evaluationApi.peerFeedback(agencyId, colleague.planId, { behaviours: Object.fromEntries(Object.entries(behaviours).filter(([, v]) => v)) as Record<string, Rating>, body: body.trim() }),
    onSuccess: onDone,
  });
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate();
      }}
    >
      <FormErrors error={send.error} />
      <p className="muted">Masukan Anda dibaca atasan {colleague.name} sebagai bahan, bukan sebagai penilaian. Isi nilai perilaku yang Anda amati saja.</p>
      {BERAKHLAK.map((value) => (
        <SelectField
          key={value}
          label={value}
          value={behaviours[value] ?? ''}
          options={[{ value: '', label: '— Tidak diisi —' }, ...RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))]}
          onValueChange={(rating) => setBehaviours((current) => ({ ...current, [value]: rating as Rating | '' }))}
        />
      ))}
      <TextAreaField label={`Masukan untuk ${colleague.name}`} rows={3} required value={body} onValueChange={setBody} error={fieldError(send.error, 'body')} />
      <FormActions pending={send.isPending} label="Kirim masukan" />
    </form>
  );
}

function AgencyEvaluation({ agencyId, agencyName, showAgency }: { agencyId: string; agencyName: string; showAgency: boolean }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: evaluationKeys.me(agencyId), queryFn: () => evaluationApi.me(agencyId) });
  const [peer, setPeer] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const start = useMutation({ mutationFn: (periodId: string) => evaluationApi.startPlan(agencyId, periodId), onSuccess: (detail) => navigate(evaluationPaths.plan(agencyId, detail.plan.id)) });
  if (query.isPending) return <Loading label="Memuat penilaian kinerja…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  return (
    <section aria-labelledby={`penilaian-${agencyId}`}>
      <h2 id={`penilaian-${agencyId}`} className={showAgency ? undefined : 'visually-hidden'}>
        {agencyName}
      </h2>
      <p>
        {data.employee.name} · {data.employee.positionName ?? data.employee.unitName ?? ''} · Atasan: {data.employee.supervisorName ?? 'belum tercatat'}
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <FormErrors error={start.error} />
      <section className="card panel" aria-labelledby={`periode-${agencyId}`}>
        <h3 id={`periode-${agencyId}`}>Periode penilaian</h3>
        {data.periods.length === 0 ? (
          <EmptyState>Belum ada periode penilaian yang dibuka instansi.</EmptyState>
        ) : (
          <ul className="card-list">
            {data.periods.map(({ period, plan }) => (
              <li key={period.id} className="card">
                <h4>{period.name}</h4>
                {plan ? (
                  <p>
                    <span className={`tag ${planStatusTag(plan.status)}`}>{planStatusLabel(plan.status)}</span>{' '}
                    {plan.predikat ? <span className={`tag ${predikatTag(plan.predikat)}`}>Predikat {predikatLabel(plan.predikat)}</span> : null}{' '}
                    <Link to={evaluationPaths.plan(agencyId, plan.id)}>Buka rencana {period.name}</Link>
                  </p>
                ) : period.status === 'open' ? (
                  <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate(period.id)}>
                    Mulai rencana {period.name}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card panel" aria-labelledby={`rekomendasi-${agencyId}`}>
        <h3 id={`rekomendasi-${agencyId}`}>Rekomendasi pengembangan</h3>
        {data.recommendations.length ? <RecommendationList items={data.recommendations} showEmployee={false} /> : <EmptyState>Tidak ada rekomendasi pengembangan.</EmptyState>}
      </section>
      {data.colleagues.length ? (
        <section className="card panel" aria-labelledby={`rekan-${agencyId}`}>
          <h3 id={`rekan-${agencyId}`}>Masukan untuk rekan satu unit</h3>
          <ul>
            {data.colleagues.map((colleague) => (
              <li key={colleague.planId}>
                {colleague.name} ({colleague.periodName}) {colleague.given ? <span className="tag tag-active">Sudah diberi masukan</span> : null}{' '}
                <button type="button" className="button button-secondary" aria-expanded={peer === colleague.planId} onClick={() => setPeer(peer === colleague.planId ? null : colleague.planId)}>
                  {colleague.given ? 'Ubah masukan' : 'Beri masukan'}
                </button>
                {peer === colleague.planId ? (
                  <PeerForm
                    agencyId={agencyId}
                    colleague={colleague}
                    onDone={() => {
                      setPeer(null);
                      setNotice(`Masukan untuk ${colleague.name} terkirim.`);
                      void queryClient.invalidateQueries({ queryKey: evaluationKeys.me(agencyId) });
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

function MyEvaluationView({ me }: { me: Me }) {
  const agencies = employeeAgencies(me);
  return (
    <>
      <PageTitle>Penilaian kinerja saya</PageTitle>
      <p className="lead">Rencana hasil kerja, realisasi, catatan dengan atasan, predikat dan rekomendasi pengembangan Anda.</p>
      {agencies.map((agency) => (
        <AgencyEvaluation key={agency.agencyId} agencyId={agency.agencyId} agencyName={agency.agencyName} showAgency={agencies.length > 1} />
      ))}
    </>
  );
}

export function MyEvaluationPage() {
  return <RequireAuth allow={(me) => employeeAgencies(me).length > 0}>{(me) => <MyEvaluationView me={me} />}</RequireAuth>;
}
