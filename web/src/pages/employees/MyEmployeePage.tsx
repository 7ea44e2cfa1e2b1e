import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { employeeApi, employeeKeys } from '../../api/employees';
import { trainingApi, trainingKeys, type PendingSurvey } from '../../api/training';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { SurveyForm } from '../training/SurveyForm';
import { trainingPaths } from '../training/access';
import { employeePaths, formatIsoDate, statusLabel, statusTag, typeLabel } from './access';

/** The new ASN's surveys: on the recruitment after appointment, on the basic training after it. */
function PendingSurveys() {
  const queryClient = useQueryClient();
  const pending = useQuery({ queryKey: trainingKeys.pendingSurveys, queryFn: () => trainingApi.pendingSurveys() });
  // A survey just sent leaves the pending list on the refresh; it stays on the page with its thanks.
  const [sent, setSent] = useState<PendingSurvey[]>([]);
  const keyOf = (survey: PendingSurvey) => `${survey.employeeId}-${survey.stage}`;
  const items = pending.data?.items ?? [];
  const shown = [...items, ...sent.filter((done) => !items.some((survey) => keyOf(survey) === keyOf(done)))];
  if (!shown.length) return null;
  return (
    <>
      {shown.map((survey) => (
        <section key={keyOf(survey)} className="card panel" aria-labelledby={`survei-${survey.stage}-${survey.employeeId}`}>
          <h2 id={`survei-${survey.stage}-${survey.employeeId}`}>Survei ASN baru: {survey.label.toLowerCase()}</h2>
          <p>
            Jawaban Anda (tanpa nama) disampaikan kepada panitia seleksi {survey.agencyName} sebagai masukan untuk seleksi berikutnya. 1 = sangat tidak setuju, 5 = sangat setuju.
          </p>
          <SurveyForm
            id={`asn-${survey.stage}-${survey.employeeId}`}
            questions={survey.questions}
            commentLabel={survey.stage === 'appointment' ? 'Saran untuk proses seleksi berikutnya' : 'Saran untuk pelatihan dasar'}
            submitLabel="Kirim survei"
            thanks="Terima kasih, masukan Anda tersimpan."
            submit={(body) => trainingApi.submitAsnFeedback(survey.agencyId, { stage: survey.stage, ...body })}
            onDone={() => {
              setSent((done) => [...done, survey]);
              void queryClient.invalidateQueries({ queryKey: trainingKeys.pendingSurveys });
            }}
          />
        </section>
      ))}
    </>
  );
}

function MyEmployee() {
  const mine = useQuery({ queryKey: employeeKeys.mine, queryFn: () => employeeApi.mine() });
  return (
    <>
      <PageTitle>Data kepegawaian saya</PageTitle>
      <PendingSurveys />
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.items.length === 0 ? (
        <EmptyState>Akun Anda belum terhubung dengan data pegawai. Hubungi admin kepegawaian instansi Anda.</EmptyState>
      ) : (
        <div className="card-list">
          {mine.data.items.map((employee) => (
            <article key={employee.id} className="card" aria-labelledby={`pegawai-${employee.id}`}>
              <h2 id={`pegawai-${employee.id}`} className="h3">
                {employee.unitName ?? 'Unit kerja'} {employee.positionName ? `— ${employee.positionName}` : ''}
              </h2>
              <p>
                <span className={`tag ${statusTag(employee.status)}`}>{statusLabel(employee.status)}</span> {typeLabel(employee.employmentType)} · TMT {formatIsoDate(employee.appointedAt)}
                {employee.probationEndsAt && employee.status === 'calon' ? ` · masa percobaan sampai ${formatIsoDate(employee.probationEndsAt)}` : ''}
              </p>
              <p>Atasan langsung: {employee.supervisor?.name ?? 'belum ditetapkan'}</p>
              <ul className="link-list">
                <li>
                  <Link to={employeePaths.detail(employee.agencyId, employee.id)}>Halaman pegawai saya (riwayat rekrutmen dan pelatihan)</Link>
                </li>
                <li>
                  <Link to={trainingPaths.mine}>Pelatihan saya</Link>
                </li>
              </ul>
            </article>
          ))}
        </div>
      )}
    </>
  );
}

export function MyEmployeePage() {
  return <RequireAuth>{() => <MyEmployee />}</RequireAuth>;
}
