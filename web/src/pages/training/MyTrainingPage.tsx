import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { trainingApi, trainingKeys, type MyEnrolment } from '../../api/training';
import type { Me } from '../../api/types';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { formatDate } from '../../lib/time';
import { REACTION_QUESTIONS } from '../../../../core/training';
import { agenciesWithRole, enrolmentStatusLabel, enrolmentTag, formatScore, trainingPaths } from './access';
import { EnrolForm } from './EnrolForm';
import { SurveyForm } from './SurveyForm';

function Withdraw({ enrolment }: { enrolment: MyEnrolment }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => trainingApi.cancel(enrolment.agencyId, enrolment.id, 'Dibatalkan oleh peserta'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.mine }),
  });
  return (
    <>
      <button type="button" className="button button-small button-secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
        Batalkan<span className="visually-hidden"> {enrolment.programme.name}</span>
      </button>
      {cancel.isError ? <span className="field-error">{errorMessage(cancel.error)}</span> : null}
    </>
  );
}

function EnrolmentCard({ enrolment, me }: { enrolment: MyEnrolment; me: Me }) {
  const queryClient = useQueryClient();
  const [surveying, setSurveying] = useState(false);
  const staffHere = me.roles.some((grant) => grant.agencyId === enrolment.agencyId);
  // The survey opens once the class has met for the last time (the server checks the last meeting's start).
  const finished = enrolment.session ? enrolment.session.status === 'closed' || (enrolment.session.endsAt !== null && Date.parse(enrolment.session.endsAt) <= Date.now()) : false;
  const canReact = Boolean(enrolment.session) && !enrolment.reactionDone && ['enrolled', 'completed', 'not_completed'].includes(enrolment.status) && finished;
  const headingId = `pelatihan-${enrolment.id}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="h3">
        {enrolment.programme.name}
      </h2>
      <p className="muted">{enrolment.agencyName}</p>
      <p>
        <span className={`tag ${enrolmentTag(enrolment.status)}`}>{enrolmentStatusLabel(enrolment.status)}</span>
      </p>
      {enrolment.outcomeNote ? <p>{enrolment.outcomeNote}</p> : null}
      {enrolment.decisionNote ? <p>Catatan: {enrolment.decisionNote}</p> : null}
      <dl className="facts">
        <div>
          <dt>Kelas</dt>
          <dd>
            {enrolment.session ? (staffHere ? <Link to={trainingPaths.session(enrolment.agencyId, enrolment.session.id)}>{enrolment.session.name}</Link> : enrolment.session.name) : 'Menunggu jadwal'}
            {enrolment.session?.startsAt ? ` · ${formatDate(enrolment.session.startsAt)} – ${formatDate(enrolment.session.endsAt)}` : ''}
          </dd>
        </div>
        <div>
          <dt>Nilai pre-test / post-test</dt>
          <dd>
            {formatScore(enrolment.preTest)} / {formatScore(enrolment.postTest)}
          </dd>
        </div>
        {enrolment.attendancePercent !== null ? (
          <div>
            <dt>Kehadiran</dt>
            <dd>{enrolment.attendancePercent.toLocaleString('id-ID')}%</dd>
          </div>
        ) : null}
      </dl>
      <div className="actions">
        {enrolment.status === 'completed' && enrolment.certificateNumber ? (
          <a className="button" href={trainingApi.certificateUrl(enrolment.agencyId, enrolment.id)} target="_blank" rel="noreferrer">
            Unduh sertifikat<span className="visually-hidden"> {enrolment.programme.name}</span>
          </a>
        ) : null}
        {canReact && !surveying ? (
          <button type="button" className="button button-secondary" onClick={() => setSurveying(true)}>
            Isi survei pelatihan
          </button>
        ) : null}
        {enrolment.reactionDone ? <span className="muted">Survei sudah diisi. Terima kasih.</span> : null}
        {enrolment.status === 'requested' || enrolment.status === 'waiting' ? <Withdraw enrolment={enrolment} /> : null}
      </div>
      {surveying ? (
        <SurveyForm
          id={`reaksi-${enrolment.id}`}
          questions={REACTION_QUESTIONS}
          commentLabel="Saran untuk pelatihan ini"
          submitLabel="Kirim survei"
          thanks="Terima kasih, survei Anda tersimpan."
          submit={(body) => trainingApi.react(enrolment.agencyId, enrolment.id, body)}
          onDone={() => void queryClient.invalidateQueries({ queryKey: trainingKeys.mine })}
        />
      ) : null}
    </article>
  );
}

function RequestTraining({ agencies }: { agencies: Array<{ agencyId: string; agencyName: string }> }) {
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="card panel" aria-labelledby="judul-minta-pelatihan">
      <h2 id="judul-minta-pelatihan">Minta ikut pelatihan</h2>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {agencyId ? (
        <EnrolForm
          agencyId={agencyId}
          onDone={(enrolment) => {
            setAgencyId(null);
            setNotice(`Permintaan ${enrolment.programme.name} dikirim ke atasan Anda.`);
          }}
          onCancel={() => setAgencyId(null)}
        />
      ) : (
        <div className="actions">
          {agencies.map((agency) => (
            <button key={agency.agencyId} type="button" className="button button-secondary" onClick={() => setAgencyId(agency.agencyId)}>
              Pilih program{agencies.length > 1 ? ` di ${agency.agencyName}` : ''}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function MyTraining({ me }: { me: Me }) {
  const list = useQuery({ queryKey: trainingKeys.mine, queryFn: () => trainingApi.mine() });
  const employeeAgencies = agenciesWithRole(me, 'pegawai');
  return (
    <>
      <PageTitle>Pelatihan saya</PageTitle>
      <p className="lead">Pelatihan yang Anda ikuti, jadwal kelas, nilai, sertifikat dan survei setelah kelas.</p>
      {employeeAgencies.length ? <RequestTraining agencies={employeeAgencies} /> : null}
      {list.isPending ? (
        <Loading label="Memuat pelatihan…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Anda belum terdaftar di pelatihan mana pun.</EmptyState>
      ) : (
        <div className="card-list">
          {list.data.items.map((enrolment) => (
            <EnrolmentCard key={enrolment.id} enrolment={enrolment} me={me} />
          ))}
        </div>
      )}
    </>
  );
}

export function MyTrainingPage() {
  return <RequireAuth>{(me) => <MyTraining me={me} />}</RequireAuth>;
}
