import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ORGANISATION_RATING_LABELS, ORGANISATION_RATINGS, PREDIKAT_LABELS, PREDIKATS } from '../../../../core/predikat';
import { evaluationApi, evaluationKeys, type EvaluationPeriodDetail } from '../../api/evaluation';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { formatIsoDate } from '../employees/access';
import { canManageEvaluation, evaluationPaths, periodStatusLabel, planStatusLabel, planStatusTag, predikatLabel, predikatTag } from './access';

function Settings({ agencyId, detail, onSaved }: { agencyId: string; detail: EvaluationPeriodDetail; onSaved: () => void }) {
  const { period } = detail;
  const [rating, setRating] = useState(period.organisationRating ?? '');
  const [threshold, setThreshold] = useState(String(period.publicThreshold));
  const [minResponses, setMinResponses] = useState(String(period.publicMinResponses));
  const save = useMutation({
    mutationFn: () => evaluationApi.updatePeriod(agencyId, period.id, { organisationRating: rating || null, publicThreshold: Number(threshold.replace(',', '.')), publicMinResponses: Number(minResponses) }),
    onSuccess: onSaved,
  });
  return (
    <form
      className="form card panel"
      aria-labelledby="judul-pengaturan-periode"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="judul-pengaturan-periode">Predikat organisasi dan ambang umpan balik publik</h2>
      <FormErrors error={save.error} />
      <SelectField
        label="Predikat kinerja organisasi"
        value={rating}
        options={[{ value: '', label: '— Belum diisi —' }, ...ORGANISATION_RATINGS.map((r) => ({ value: r, label: `${ORGANISATION_RATING_LABELS[r]} (paling banyak ${period.bounds[r]?.maxBaikOrBetterPercent ?? '—'}% Baik atau lebih)` }))]}
        onValueChange={setRating}
      />
      <TextField label="Ambang indeks umpan balik publik (25–100)" inputMode="decimal" value={threshold} onValueChange={setThreshold} error={fieldError(save.error, 'publicThreshold')} />
      <TextField label="Minimal tanggapan publik" inputMode="numeric" value={minResponses} onValueChange={setMinResponses} error={fieldError(save.error, 'publicMinResponses')} />
      <FormActions pending={save.isPending} label="Simpan pengaturan" />
    </form>
  );
}

function Period({ agencyId, periodId }: { agencyId: string; periodId: string }) {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: evaluationKeys.period(agencyId, periodId), queryFn: () => evaluationApi.period(agencyId, periodId) });
  const plans = useQuery({ queryKey: evaluationKeys.periodPlans(agencyId, periodId, {}), queryFn: () => evaluationApi.periodPlans(agencyId, periodId, { pageSize: 100 }) });
  const feedback = useQuery({ queryKey: evaluationKeys.publicFeedback(agencyId, periodId), queryFn: () => evaluationApi.publicFeedback(agencyId, periodId) });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['evaluation', agencyId] });
  const finalise = useMutation({
    mutationFn: () => evaluationApi.finalise(agencyId, periodId),
    onSuccess: (detail) => {
      setNotice(`Periode ${detail.period.name} difinalisasi.`);
      refresh();
    },
  });
  if (query.isPending) return <Loading label="Memuat periode…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { period, distribution } = query.data;
  const open = period.status === 'open';
  return (
    <>
      <PageTitle>
        {period.name}
        <span className="subtitle">
          {formatIsoDate(period.startsOn)} – {formatIsoDate(period.endsOn)} · {periodStatusLabel(period.status)}
        </span>
      </PageTitle>
      <p>
        <Link to={evaluationPaths.periods(agencyId)}>Semua periode</Link>
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <section className="card panel" aria-labelledby="judul-sebaran">
        <h2 id="judul-sebaran">Sebaran predikat</h2>
        <div className="table-wrap" role="region" aria-label="Sebaran predikat" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Sebaran predikat</caption>
            <thead>
              <tr>
                {PREDIKATS.map((p) => (
                  <th key={p} scope="col">
                    {PREDIKAT_LABELS[p]}
                  </th>
                ))}
                <th scope="col">Belum dinilai</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                {PREDIKATS.map((p) => (
                  <td key={p}>{distribution.counts[p] ?? 0}</td>
                ))}
                <td>{distribution.plans - distribution.rated}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <p>
          Baik atau lebih: {distribution.baikOrBetter} dari {distribution.plans} pegawai
          {distribution.allowedBaikOrBetter !== null ? ` (batas ${distribution.limitPercent}% = ${distribution.allowedBaikOrBetter} pegawai)` : ' (predikat organisasi belum diisi)'}.
        </p>
        {open ? (
          distribution.problems.length ? (
            <div className="alert alert-error" role="status">
              <p>Periode belum dapat difinalisasi:</p>
              <ul>
                {distribution.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : (
            <Notice kind="info">Semua syarat finalisasi terpenuhi.</Notice>
          )
        ) : null}
        {open ? (
          <>
            <FormErrors error={finalise.error} />
            <button type="button" className="button" disabled={finalise.isPending} onClick={() => finalise.mutate()}>
              {finalise.isPending ? 'Memfinalisasi…' : 'Finalisasi periode'}
            </button>
          </>
        ) : null}
      </section>
      {open ? <Settings key={period.organisationRating ?? ''} agencyId={agencyId} detail={query.data} onSaved={() => (setNotice('Pengaturan periode tersimpan.'), refresh())} /> : null}
      <section className="card panel" aria-labelledby="judul-rencana-pegawai">
        <h2 id="judul-rencana-pegawai">Rencana pegawai</h2>
        {plans.isPending ? (
          <Loading />
        ) : plans.isError ? (
          <ErrorState error={plans.error} />
        ) : plans.data.items.length === 0 ? (
          <EmptyState>Belum ada pegawai yang menyusun rencana.</EmptyState>
        ) : (
          <div className="table-wrap" role="region" aria-label="Rencana pegawai" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Rencana pegawai</caption>
              <thead>
                <tr>
                  <th scope="col">Pegawai</th>
                  <th scope="col">Atasan</th>
                  <th scope="col">Rencana</th>
                  <th scope="col">Predikat</th>
                </tr>
              </thead>
              <tbody>
                {plans.data.items.map((plan) => (
                  <tr key={plan.id}>
                    <th scope="row">
                      <Link to={evaluationPaths.plan(agencyId, plan.id)}>{plan.employee.name}</Link>
                      <span className="subtitle">{plan.employee.unitName ?? ''}</span>
                    </th>
                    <td>{plan.supervisor?.name ?? '—'}</td>
                    <td>
                      <span className={`tag ${planStatusTag(plan.status)}`}>{planStatusLabel(plan.status)}</span>
                    </td>
                    <td>
                      <span className={`tag ${predikatTag(plan.predikat)}`}>{predikatLabel(plan.predikat)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card panel" aria-labelledby="judul-umpan-balik-publik">
        <h2 id="judul-umpan-balik-publik">Umpan balik publik per unit</h2>
        <p className="muted">
          Unit dengan indeks di bawah {period.publicThreshold.toLocaleString('id-ID')} (minimal {period.publicMinResponses} tanggapan) mendapat rekomendasi pelatihan pelayanan publik bagi stafnya saat periode difinalisasi.
        </p>
        {feedback.isPending ? (
          <Loading />
        ) : feedback.isError ? (
          <ErrorState error={feedback.error} />
        ) : feedback.data.units.length === 0 ? (
          <EmptyState>Belum ada umpan balik publik.</EmptyState>
        ) : (
          <div className="table-wrap" role="region" aria-label="Umpan balik publik per unit" tabIndex={0}>
            <table>
              <caption className="visually-hidden">Umpan balik publik per unit</caption>
              <thead>
                <tr>
                  <th scope="col">Unit</th>
                  <th scope="col">Tanggapan</th>
                  <th scope="col">Indeks</th>
                  <th scope="col">Keterangan</th>
                </tr>
              </thead>
              <tbody>
                {feedback.data.units.map((unit) => (
                  <tr key={unit.unitId}>
                    <th scope="row">{unit.unitName}</th>
                    <td>{unit.summary.responses}</td>
                    <td>{unit.summary.index === null ? '—' : unit.summary.index.toLocaleString('id-ID')}</td>
                    <td>{unit.summary.belowThreshold ? <span className="tag tag-failed">Di bawah ambang</span> : unit.summary.enoughResponses ? 'Memenuhi ambang' : 'Tanggapan belum cukup'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function PeriodPage() {
  const { agencyId = '', periodId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageEvaluation(me, agencyId)}>{() => <Period agencyId={agencyId} periodId={periodId} />}</RequireAuth>;
}
