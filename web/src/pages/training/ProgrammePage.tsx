import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { useAgencyDetail } from '../../api/queries';
import { trainingApi, trainingKeys, type Enrolment, type ProgrammeStats } from '../../api/training';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { audienceLabel, canManageTraining, canReadCatalogue, formatScore, trainingPaths } from './access';
import { EnrolmentTable } from './EnrolmentTable';
import { ProgrammeForm } from './ProgrammeForm';
import { SessionForm } from './SessionForm';
import { SessionsTable } from './SessionsTable';
import { SurveyResults } from './SurveyResults';

function Figures({ stats }: { stats: ProgrammeStats }) {
  return (
    <>
      <dl className="stat-list">
        <div>
          <dt>Tingkat kelulusan</dt>
          <dd className="stat-value">{stats.completion.rate === null ? '—' : `${stats.completion.rate.toLocaleString('id-ID')}%`}</dd>
          <dd className="muted">
            {formatNumber(stats.completion.completed)} lulus dari {formatNumber(stats.completion.finished)} peserta kelas yang sudah ditutup
          </dd>
        </div>
        <div>
          <dt>Rata-rata peningkatan nilai</dt>
          <dd className="stat-value">{stats.gain.meanGain === null ? '—' : `${stats.gain.meanGain > 0 ? '+' : ''}${formatScore(stats.gain.meanGain)}`}</dd>
          <dd className="muted">
            post-test {formatScore(stats.gain.meanPost)} − pre-test {formatScore(stats.gain.meanPre)}; {formatNumber(stats.gain.n)} peserta dengan kedua nilai
          </dd>
        </div>
        <div>
          <dt>Reaksi peserta</dt>
          <dd className="stat-value">{stats.reaction.overall === null ? '—' : `${formatScore(stats.reaction.overall)} / 5`}</dd>
          <dd className="muted">{formatNumber(stats.reaction.respondents)} survei</dd>
        </div>
        <div>
          <dt>Sedang berjalan</dt>
          <dd className="stat-value">{formatNumber(stats.inClass)}</dd>
          <dd className="muted">{formatNumber(stats.waiting)} menunggu kelas atau persetujuan</dd>
        </div>
      </dl>
      <SurveyResults title="Reaksi peserta per pertanyaan" summary={stats.reaction} empty="Belum ada survei reaksi peserta." />
    </>
  );
}

function PlaceAction({ agencyId, enrolment, sessions }: { agencyId: string; enrolment: Enrolment; sessions: Array<{ id: string; name: string; seated: number; capacity: number }> }) {
  const queryClient = useQueryClient();
  const [sessionId, setSessionId] = useState('');
  const place = useMutation({
    mutationFn: () => trainingApi.place(agencyId, enrolment.id, sessionId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingKeys.all(agencyId) }),
  });
  if (sessions.length === 0) return <span className="muted">Buka kelas dahulu</span>;
  return (
    <form
      className="row-actions"
      onSubmit={(event) => {
        event.preventDefault();
        if (sessionId) place.mutate();
      }}
    >
      <label className="visually-hidden" htmlFor={`kelas-${enrolment.id}`}>
        Kelas untuk {enrolment.participant.name}
      </label>
      <select id={`kelas-${enrolment.id}`} value={sessionId} onChange={(event) => setSessionId(event.target.value)}>
        <option value="">— Kelas —</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id} disabled={s.seated >= s.capacity}>
            {s.name} ({s.seated}/{s.capacity})
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small" disabled={!sessionId || place.isPending}>
        Tempatkan
      </button>
      {place.isError ? <span className="field-error">{errorMessage(place.error)}</span> : null}
    </form>
  );
}

function ProgrammeView({ agencyId, programmeId }: { agencyId: string; programmeId: string }) {
  const agency = useAgencyDetail(agencyId);
  const [panel, setPanel] = useState<'none' | 'edit' | 'session'>('none');
  const [notice, setNotice] = useState<string | null>(null);
  const detail = useQuery({ queryKey: trainingKeys.programme(agencyId, programmeId), queryFn: () => trainingApi.programme(agencyId, programmeId) });
  const sessionsQuery = { programmeId, pageSize: 100 };
  const sessions = useQuery({ queryKey: trainingKeys.sessions(agencyId, sessionsQuery), queryFn: () => trainingApi.sessions(agencyId, sessionsQuery) });
  const manage = detail.data?.can.manage ?? false;
  const waitingQuery = { programmeId, status: 'waiting', pageSize: 100 };
  const waiting = useQuery({ queryKey: trainingKeys.enrolments(agencyId, waitingQuery), queryFn: () => trainingApi.enrolments(agencyId, waitingQuery), enabled: manage });
  if (detail.isPending) return <Loading label="Memuat program…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { programme, stats } = detail.data;
  const openSessions = (sessions.data?.items ?? []).filter((s) => s.status === 'open');
  return (
    <>
      {manage ? (
        <p className="breadcrumb">
          <Link to={trainingPaths.admin(agencyId)}>‹ Pelatihan</Link>
        </p>
      ) : null}
      <AgencyHeading title={programme.name} agencyName={agency.name} />
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {programme.description ? <p className="lead">{programme.description}</p> : null}
      <dl className="facts">
        <div>
          <dt>Kode</dt>
          <dd>{programme.code}</dd>
        </div>
        <div>
          <dt>Kompetensi yang dibangun</dt>
          <dd>{programme.competencies.join(', ')}</dd>
        </div>
        <div>
          <dt>Sasaran</dt>
          <dd>{audienceLabel(programme.audience)}</dd>
        </div>
        <div>
          <dt>Jam pelajaran</dt>
          <dd>{formatNumber(programme.hours)} JP</dd>
        </div>
        <div>
          <dt>Syarat lulus</dt>
          <dd>
            hadir minimal {programme.minAttendancePercent.toLocaleString('id-ID')}% pertemuan
            {programme.minPostTest !== null ? ` dan nilai post-test minimal ${programme.minPostTest.toLocaleString('id-ID')}` : ''}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{programme.active ? 'Aktif' : 'Tidak aktif'}{programme.isBasic ? ' · pelatihan dasar CPNS' : ''}</dd>
        </div>
      </dl>
      {manage ? (
        <div className="toolbar">
          <button type="button" className="button button-secondary" aria-expanded={panel === 'edit'} onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}>
            Ubah program
          </button>
          <button type="button" className="button button-secondary" aria-expanded={panel === 'session'} onClick={() => setPanel(panel === 'session' ? 'none' : 'session')}>
            Buka kelas
          </button>
        </div>
      ) : null}
      {panel === 'edit' ? (
        <section className="card panel" aria-labelledby="judul-ubah-program">
          <h2 id="judul-ubah-program">Ubah program</h2>
          <p className="hint">Aturan kelulusan yang diubah berlaku untuk kelas yang ditutup sesudahnya; hasil kelas yang sudah ditutup tidak berubah.</p>
          <ProgrammeForm
            agencyId={agencyId}
            programme={programme}
            onDone={() => {
              setPanel('none');
              setNotice('Program disimpan.');
            }}
            onCancel={() => setPanel('none')}
          />
        </section>
      ) : null}
      {panel === 'session' ? (
        <section className="card panel" aria-labelledby="judul-buka-kelas">
          <h2 id="judul-buka-kelas">Kelas baru</h2>
          <SessionForm
            agencyId={agencyId}
            programmeId={programme.id}
            onDone={(s) => {
              setPanel('none');
              setNotice(`Kelas ${s.name} dibuka; tambahkan pertemuannya di halaman kelas.`);
            }}
            onCancel={() => setPanel('none')}
          />
        </section>
      ) : null}
      <section className="card panel" aria-labelledby="judul-capaian">
        <h2 id="judul-capaian">Capaian program</h2>
        <Figures stats={stats} />
      </section>
      <section aria-labelledby="judul-kelas-program">
        <h2 id="judul-kelas-program">Kelas</h2>
        {sessions.data?.items.length ? <SessionsTable agencyId={agencyId} items={sessions.data.items} caption={`Kelas ${programme.name}`} /> : <EmptyState>Belum ada kelas untuk program ini.</EmptyState>}
      </section>
      {manage ? (
        <section aria-labelledby="judul-menunggu">
          <h2 id="judul-menunggu">Menunggu kelas</h2>
          {waiting.data?.items.length ? (
            <EnrolmentTable
              agencyId={agencyId}
              items={waiting.data.items}
              caption="Peserta yang menunggu kelas"
              showParticipant
              actions={(enrolment) => <PlaceAction agencyId={agencyId} enrolment={enrolment} sessions={openSessions} />}
            />
          ) : (
            <EmptyState>Tidak ada peserta yang menunggu kelas.</EmptyState>
          )}
        </section>
      ) : null}
    </>
  );
}

export function ProgrammePage() {
  const { agencyId = '', programmeId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadCatalogue(me, agencyId) || canManageTraining(me, agencyId)}>{() => <ProgrammeView key={programmeId} agencyId={agencyId} programmeId={programmeId} />}</RequireAuth>;
}
