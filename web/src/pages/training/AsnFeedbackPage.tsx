import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useAgencyDetail } from '../../api/queries';
import { selectionApi, selectionKeys } from '../../api/selections';
import { trainingApi, trainingKeys } from '../../api/training';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canReadAsnFeedback } from './access';
import { SurveyResults } from './SurveyResults';

function AsnFeedback({ agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  const agency = useAgencyDetail(agencyId);
  const selection = useQuery({ queryKey: selectionKeys.one(agencyId, selectionId), queryFn: () => selectionApi.get(agencyId, selectionId), retry: false });
  const feedback = useQuery({ queryKey: trainingKeys.asnFeedback(agencyId, selectionId), queryFn: () => trainingApi.asnFeedback(agencyId, selectionId) });
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/admin/instansi/${agencyId}/seleksi/${selectionId}`}>‹ {selection.data?.selection.name ?? 'Seleksi'}</Link>
      </p>
      <AgencyHeading title="Umpan balik ASN baru" agencyName={agency.name} />
      <p className="lead">
        Apa kata ASN hasil {selection.data?.selection.name ?? 'seleksi ini'} tentang proses rekrutmen (setelah diangkat) dan pelatihan dasarnya, sebagai masukan untuk seleksi berikutnya. Jawaban
        ditampilkan tanpa nama; skala 1 (sangat tidak setuju) sampai 5 (sangat setuju).
      </p>
      {feedback.isPending ? (
        <Loading label="Memuat umpan balik…" />
      ) : feedback.isError ? (
        <ErrorState error={feedback.error} onRetry={() => void feedback.refetch()} />
      ) : (
        <>
          <p>{formatNumber(feedback.data.appointed)} ASN diangkat dari seleksi ini.</p>
          {feedback.data.stages.map((stage) => (
            <section key={stage.stage} className="card panel" aria-labelledby={`tahap-${stage.stage}`}>
              <h2 id={`tahap-${stage.stage}`}>{stage.label}</h2>
              <SurveyResults title={stage.label} summary={stage.summary} empty="Belum ada ASN yang mengisi survei ini." />
              {stage.summary.respondents > 0 && stage.summary.respondents < 5 ? <p className="hint">Responden masih sedikit; baca rata-rata dengan hati-hati.</p> : null}
              <h3>Saran</h3>
              {stage.comments.length ? (
                <ul className="stack">
                  {stage.comments.map((c, i) => (
                    <li key={i}>
                      <blockquote>{c.comment}</blockquote>
                      <span className="muted">
                        <DateTime value={c.createdAt} timeZone={agency.timezone} />
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState>Belum ada saran tertulis.</EmptyState>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}

export function AsnFeedbackPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadAsnFeedback(me, agencyId)}>{() => <AsnFeedback key={selectionId} agencyId={agencyId} selectionId={selectionId} />}</RequireAuth>;
}
