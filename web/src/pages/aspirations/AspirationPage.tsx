import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { aspirationApi, type Aspiration } from '../../api/aspirations';
import { useAgencyDetail, useMe } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { formatBytes } from '../../lib/agencyTime';
import { AgencyHeading } from '../admin/AgencyHeading';
import { UnitSelect } from '../planning/UnitSelect';
import { aspirationPaths, canManageAspirations, canReadAspirations, categoryLabel, statusLabel, statusTag } from './access';

type Step = { title: string; submit: string; done: string; fields: ReactNode };

/** One action on the complaint (route, answer, close, note) as its own small form. */
function StepForm({ step, error, pending, succeeded, onSubmit }: { step: Step; error: unknown; pending: boolean; succeeded: boolean; onSubmit: () => void }) {
  const id = `judul-${step.submit.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <form
      className="form card"
      noValidate
      aria-labelledby={id}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={id}>{step.title}</h3>
      <FormErrors error={error} />
      {step.fields}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Menyimpan…' : step.submit}
      </button>
      {succeeded && !pending ? <Notice kind="success">{step.done}</Notice> : null}
    </form>
  );
}

function Actions({ agencyId, aspiration }: { agencyId: string; aspiration: Aspiration }) {
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState(aspiration.unit?.id ?? '');
  const [routeNote, setRouteNote] = useState('');
  const [answer, setAnswer] = useState('');
  const [closeNote, setCloseNote] = useState('');
  const [note, setNote] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['aspirations', agencyId] });
  const route = useMutation({ mutationFn: () => aspirationApi.route(agencyId, aspiration.id, { unitId, note: routeNote.trim() }), onSuccess: refresh });
  const answerIt = useMutation({ mutationFn: () => aspirationApi.answer(agencyId, aspiration.id, answer.trim()), onSuccess: () => { setAnswer(''); refresh(); } });
  const close = useMutation({ mutationFn: () => aspirationApi.close(agencyId, aspiration.id, closeNote.trim()), onSuccess: refresh });
  const addNote = useMutation({ mutationFn: () => aspirationApi.note(agencyId, aspiration.id, note.trim()), onSuccess: () => { setNote(''); refresh(); } });
  const open = aspiration.status !== 'closed';
  return (
    <section aria-labelledby="judul-tindakan">
      <h2 id="judul-tindakan">Tindak lanjut</h2>
      {aspiration.status === 'received' || aspiration.status === 'in_progress' ? (
        <StepForm
          step={{
            title: 'Teruskan ke unit kerja',
            submit: 'Teruskan',
            done: 'Pengaduan diteruskan.',
            fields: (
              <>
                <UnitSelect agencyId={agencyId} label="Unit kerja" required value={unitId} onChange={setUnitId} currentName={aspiration.unit?.name} error={fieldError(route.error, 'unitId')} />
                <TextAreaField label="Catatan untuk pelapor (opsional)" name="catatan-teruskan" rows={2} maxLength={1000} value={routeNote} onValueChange={setRouteNote} />
              </>
            ),
          }}
          error={route.error}
          pending={route.isPending}
          succeeded={route.isSuccess}
          onSubmit={() => route.mutate()}
        />
      ) : null}
      {open ? (
        <StepForm
          step={{
            title: aspiration.answer ? 'Perbarui jawaban' : 'Jawab pengaduan',
            submit: aspiration.answer ? 'Perbarui jawaban' : 'Kirim jawaban',
            done: 'Jawaban tersimpan dan tampil bagi pelapor.',
            fields: <TextAreaField label="Jawaban untuk pelapor" name="jawaban" required rows={5} maxLength={5000} value={answer} onValueChange={setAnswer} error={fieldError(answerIt.error, 'answer')} />,
          }}
          error={answerIt.error}
          pending={answerIt.isPending}
          succeeded={answerIt.isSuccess}
          onSubmit={() => answerIt.mutate()}
        />
      ) : null}
      {aspiration.status === 'answered' ? (
        <StepForm
          step={{
            title: 'Selesaikan pengaduan',
            submit: 'Selesaikan',
            done: 'Pengaduan selesai.',
            fields: <TextAreaField label="Catatan penutup (opsional)" name="catatan-penutup" rows={2} maxLength={1000} value={closeNote} onValueChange={setCloseNote} />,
          }}
          error={close.error}
          pending={close.isPending}
          succeeded={close.isSuccess}
          onSubmit={() => close.mutate()}
        />
      ) : null}
      <StepForm
        step={{
          title: 'Catatan internal',
          submit: 'Simpan catatan',
          done: 'Catatan tersimpan (tidak tampil bagi pelapor).',
          fields: <TextAreaField label="Catatan (hanya untuk staf)" name="catatan-internal" rows={2} maxLength={2000} value={note} onValueChange={setNote} error={fieldError(addNote.error, 'note')} />,
        }}
        error={addNote.error}
        pending={addNote.isPending}
        succeeded={addNote.isSuccess}
        onSubmit={() => addNote.mutate()}
      />
    </section>
  );
}

function Detail({ aspiration, timezone }: { aspiration: Aspiration; timezone: AgencyTimezone }) {
  return (
    <>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`tag ${statusTag(aspiration.status)}`} data-testid="status-pengaduan">
            {statusLabel(aspiration.status)}
          </span>
        </dd>
        <dt>Kategori</dt>
        <dd>{categoryLabel(aspiration.category)}</dd>
        <dt>Sumber</dt>
        <dd>{aspiration.source === 'forum' ? 'Tindak lanjut forum warga' : 'Masyarakat (daring)'}</dd>
        <dt>Pelapor</dt>
        <dd>
          {aspiration.anonymous
            ? 'Anonim'
            : aspiration.reporter
              ? [aspiration.reporter.name, aspiration.reporter.email, aspiration.reporter.phone].filter(Boolean).join(' · ')
              : aspiration.source === 'forum'
                ? 'Forum warga'
                : 'Disembunyikan untuk peran Anda'}
        </dd>
        <dt>Diterima</dt>
        <dd>
          <DateTime value={aspiration.receivedAt} timeZone={timezone} />
        </dd>
        <dt>Batas waktu</dt>
        <dd>
          <DateTime value={aspiration.dueAt} timeZone={timezone} />
          {aspiration.overdue ? <span className="overdue"> · {aspiration.status === 'closed' ? 'diselesaikan terlambat' : 'melewati batas waktu'}</span> : null}
        </dd>
        <dt>Unit</dt>
        <dd>{aspiration.unit?.name ?? 'Belum diteruskan'}</dd>
      </dl>
      <section aria-labelledby="judul-isi">
        <h2 id="judul-isi">{aspiration.subject}</h2>
        <div className="announcement-body">{aspiration.body}</div>
        {aspiration.files.length > 0 ? (
          <ul className="file-list">
            {aspiration.files.map((file) => (
              <li key={file.id}>
                <a href={file.downloadUrl}>{file.name}</a> <span className="muted">({formatBytes(file.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {aspiration.answer ? (
        <section aria-labelledby="judul-jawaban-staf">
          <h2 id="judul-jawaban-staf">Jawaban</h2>
          <div className="announcement-body">{aspiration.answer}</div>
        </section>
      ) : null}
      <section aria-labelledby="judul-riwayat">
        <h2 id="judul-riwayat">Riwayat</h2>
        <ol className="summary-list">
          {aspiration.timeline.map((event, i) => (
            <li key={i}>
              <DateTime value={event.at} timeZone={timezone} /> — {event.message}
              {event.actorName ? <span className="muted"> ({event.actorName})</span> : null}
              {event.public ? null : <span className="tag tag-pending"> internal</span>}
            </li>
          ))}
        </ol>
        {aspiration.forums.length > 0 ? <p>Dibahas dalam forum warga: {aspiration.forums.map((f) => f.title).join(', ')}.</p> : null}
      </section>
    </>
  );
}

function View({ agencyId, aspirationId }: { agencyId: string; aspirationId: string }) {
  const me = useMe();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const query = useQuery({ queryKey: ['aspirations', agencyId, 'one', aspirationId], queryFn: () => aspirationApi.get(agencyId, aspirationId) });
  if (query.isPending) return <Loading label="Memuat pengaduan…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { aspiration } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to={aspirationPaths.list(agencyId)}>‹ Semua pengaduan</Link>
      </p>
      <AgencyHeading title={`Pengaduan ${aspiration.reference}`} agencyName={agencyName} />
      <Detail aspiration={aspiration} timezone={timezone} />
      {canManageAspirations(me.data, agencyId) ? <Actions agencyId={agencyId} aspiration={aspiration} /> : null}
    </>
  );
}

export function AspirationPage() {
  const { agencyId = '', aspirationId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadAspirations(me, agencyId)}>{() => <View key={`${agencyId}-${aspirationId}`} agencyId={agencyId} aspirationId={aspirationId} />}</RequireAuth>;
}
