import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { useAgencyDetail } from '../../api/queries';
import { selectionApi, selectionKeys } from '../../api/selections';
import { trainingApi, trainingKeys, type Enrolment } from '../../api/training';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { Pagination } from '../../components/Pagination';
import { RequireAuth } from '../../components/RequireAuth';
import { SearchForm } from '../../components/SearchForm';
import { useListParams } from '../../lib/useListParams';
import { AgencyHeading } from '../admin/AgencyHeading';
import { ENROLMENT_STATUS_LABELS, canManageTraining, trainingPaths } from './access';
import { EnrolmentTable } from './EnrolmentTable';

const PAGE_SIZE = 20;
const statusOptions = [{ value: '', label: 'Semua status' }, ...Object.entries(ENROLMENT_STATUS_LABELS).map(([value, label]) => ({ value, label }))];

/** Decide a request: approve (optionally into a class of its programme) or reject with a reason; cancel an open enrolment. */
export function EnrolmentActions({ agencyId, enrolment, canCancel }: { agencyId: string; enrolment: Enrolment; canCancel: boolean }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'none' | 'reject' | 'cancel'>('none');
  const [note, setNote] = useState('');
  const [sessionId, setSessionId] = useState(enrolment.session?.id ?? '');
  const sessions = useQuery({
    queryKey: trainingKeys.sessions(agencyId, { programmeId: enrolment.programme.id, status: 'open', pageSize: 100 }),
    queryFn: () => trainingApi.sessions(agencyId, { programmeId: enrolment.programme.id, status: 'open', pageSize: 100 }),
    enabled: enrolment.status === 'requested',
  });
  const done = () => {
    setMode('none');
    void queryClient.invalidateQueries({ queryKey: trainingKeys.all(agencyId) });
  };
  const approve = useMutation({ mutationFn: () => trainingApi.approve(agencyId, enrolment.id, { sessionId: sessionId || null, note: '' }), onSuccess: done });
  const reject = useMutation({ mutationFn: () => trainingApi.reject(agencyId, enrolment.id, note.trim()), onSuccess: done });
  const cancel = useMutation({ mutationFn: () => trainingApi.cancel(agencyId, enrolment.id, note.trim()), onSuccess: done });
  const error = approve.error ?? reject.error ?? cancel.error;
  const noteId = `catatan-${enrolment.id}`;
  if (mode !== 'none') {
    const mutation = mode === 'reject' ? reject : cancel;
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
      >
        <label htmlFor={noteId}>{mode === 'reject' ? 'Alasan penolakan' : 'Alasan pembatalan'}</label>
        <input id={noteId} value={note} onChange={(event) => setNote(event.target.value)} aria-invalid={fieldError(mutation.error, 'note') ? true : undefined} />
        {mutation.isError ? <span className="field-error">{fieldError(mutation.error, 'note') ?? errorMessage(mutation.error)}</span> : null}
        <button type="submit" className="button button-small" disabled={mutation.isPending}>
          {mode === 'reject' ? 'Tolak' : 'Batalkan'}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={() => setMode('none')}>
          Kembali
        </button>
      </form>
    );
  }
  return (
    <>
      {enrolment.status === 'requested' ? (
        <>
          <label className="visually-hidden" htmlFor={`kelas-setuju-${enrolment.id}`}>
            Kelas untuk {enrolment.participant.name}
          </label>
          <select id={`kelas-setuju-${enrolment.id}`} value={sessionId} onChange={(event) => setSessionId(event.target.value)}>
            <option value="">Tanpa kelas (menunggu jadwal)</option>
            {(sessions.data?.items ?? []).map((s) => (
              <option key={s.id} value={s.id} disabled={s.seated >= s.capacity}>
                {s.name} ({s.seated}/{s.capacity})
              </option>
            ))}
          </select>
          <button type="button" className="button button-small" onClick={() => approve.mutate()} disabled={approve.isPending}>
            Setujui<span className="visually-hidden"> permintaan {enrolment.participant.name}</span>
          </button>
          <button type="button" className="button button-small button-secondary" onClick={() => setMode('reject')}>
            Tolak<span className="visually-hidden"> permintaan {enrolment.participant.name}</span>
          </button>
        </>
      ) : null}
      {canCancel && ['requested', 'waiting', 'enrolled'].includes(enrolment.status) ? (
        <button type="button" className="button button-small button-secondary" onClick={() => setMode('cancel')}>
          Batalkan<span className="visually-hidden"> pendaftaran {enrolment.participant.name}</span>
        </button>
      ) : null}
      {error ? <span className="field-error">{errorMessage(error)}</span> : null}
    </>
  );
}

/** Enrols a running round's eligible candidates into a candidates' programme (seed 002). */
function CandidatesForm({ agencyId, onDone }: { agencyId: string; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [selectionId, setSelectionId] = useState('');
  const [programmeId, setProgrammeId] = useState('');
  const [sessionId, setSessionId] = useState('');
  const rounds = useQuery({ queryKey: selectionKeys.list(agencyId, { status: 'published', pageSize: 100 }), queryFn: () => selectionApi.list(agencyId, { status: 'published', pageSize: 100 }) });
  const programmes = useQuery({ queryKey: trainingKeys.programmes(agencyId, { audience: 'candidate', active: 'true', pageSize: 100 }), queryFn: () => trainingApi.programmes(agencyId, { audience: 'candidate', active: 'true', pageSize: 100 }) });
  const sessions = useQuery({
    queryKey: trainingKeys.sessions(agencyId, { programmeId, status: 'open', pageSize: 100 }),
    queryFn: () => trainingApi.sessions(agencyId, { programmeId, status: 'open', pageSize: 100 }),
    enabled: Boolean(programmeId),
  });
  const save = useMutation({
    mutationFn: () => trainingApi.enrolCandidates(agencyId, { programmeId, sessionId: sessionId || null, selectionId }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: trainingKeys.all(agencyId) });
      onDone(`${result.enrolled} peserta seleksi diikutkan${result.already ? `; ${result.already} sudah terdaftar sebelumnya` : ''}.`);
    },
  });
  return (
    <>
      <FormErrors error={save.error} labels={{ selectionId: 'Seleksi', programmeId: 'Program', sessionId: 'Kelas' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <SelectField
          label="Seleksi yang sedang berjalan"
          name="selectionId"
          required
          value={selectionId}
          options={[{ value: '', label: '— Pilih seleksi —' }, ...(rounds.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.year})` }))]}
          onValueChange={setSelectionId}
          error={fieldError(save.error, 'selectionId')}
        />
        <SelectField
          label="Program untuk peserta seleksi"
          name="programmeId"
          required
          value={programmeId}
          options={[{ value: '', label: programmes.data?.items.length ? '— Pilih program —' : 'Belum ada program bersasaran peserta seleksi' }, ...(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          onValueChange={(value) => {
            setProgrammeId(value);
            setSessionId('');
          }}
          error={fieldError(save.error, 'programmeId')}
        />
        <SelectField
          label="Kelas"
          name="sessionId"
          value={sessionId}
          options={[{ value: '', label: 'Tanpa kelas (menunggu jadwal)' }, ...(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.seated}/${s.capacity})` }))]}
          onValueChange={setSessionId}
          error={fieldError(save.error, 'sessionId')}
        />
        <p className="hint">Semua peserta yang Memenuhi Syarat (MS) diikutkan, sebelum pengumuman hasil akhir seleksinya.</p>
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending || !selectionId || !programmeId}>
            {save.isPending ? 'Memproses…' : 'Ikutkan peserta seleksi'}
          </button>
        </div>
      </form>
    </>
  );
}

function Enrolments({ agencyId }: { agencyId: string }) {
  const agency = useAgencyDetail(agencyId);
  const { q, page, extras, setQuery, setPage, update } = useListParams(['status', 'program']);
  const [candidates, setCandidates] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const query = { q: q || undefined, page, pageSize: PAGE_SIZE, status: extras.status || undefined, programmeId: extras.program || undefined };
  const list = useQuery({ queryKey: trainingKeys.enrolments(agencyId, query), queryFn: () => trainingApi.enrolments(agencyId, query), placeholderData: (p) => p });
  const programmes = useQuery({ queryKey: trainingKeys.programmes(agencyId, { pageSize: 100 }), queryFn: () => trainingApi.programmes(agencyId, { pageSize: 100 }) });
  return (
    <>
      <p className="breadcrumb">
        <Link to={trainingPaths.admin(agencyId)}>‹ Pelatihan</Link>
      </p>
      <AgencyHeading title="Peserta pelatihan" agencyName={agency.name} />
      <p className="lead">Permintaan pegawai tanpa atasan menunggu keputusan di sini; permintaan lain diputuskan atasan langsungnya.</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      <div className="toolbar">
        <button type="button" className="button button-secondary" aria-expanded={candidates} onClick={() => setCandidates((open) => !open)}>
          Ikutkan peserta seleksi
        </button>
      </div>
      {candidates ? (
        <section className="card panel" aria-labelledby="judul-peserta-seleksi">
          <h2 id="judul-peserta-seleksi">Pembekalan peserta seleksi</h2>
          <CandidatesForm
            agencyId={agencyId}
            onDone={(message) => {
              setCandidates(false);
              setNotice(message);
            }}
          />
        </section>
      ) : null}
      <div className="filters">
        <SearchForm label="Cari nama peserta" value={q} onSearch={setQuery} />
        <SelectField label="Status" name="status" value={extras.status ?? ''} options={statusOptions} onValueChange={(value) => update({ status: value, halaman: null })} />
        <SelectField
          label="Program"
          name="program"
          value={extras.program ?? ''}
          options={[{ value: '', label: 'Semua program' }, ...(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          onValueChange={(value) => update({ program: value, halaman: null })}
        />
      </div>
      {list.isPending ? (
        <Loading label="Memuat peserta…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{q || extras.status || extras.program ? 'Tidak ada peserta yang cocok.' : 'Belum ada peserta pelatihan.'}</EmptyState>
      ) : (
        <>
          <EnrolmentTable
            agencyId={agencyId}
            items={list.data.items}
            caption="Peserta pelatihan"
            showParticipant
            showCertificate
            canManage
            actions={(enrolment) => <EnrolmentActions agencyId={agencyId} enrolment={enrolment} canCancel />}
          />
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPageChange={setPage} />
        </>
      )}
    </>
  );
}

export function EnrolmentsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageTraining(me, agencyId)}>{() => <Enrolments key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}
