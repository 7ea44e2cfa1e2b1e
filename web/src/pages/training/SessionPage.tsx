import { useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { employeeApi, employeeKeys } from '../../api/employees';
import { useAgencyDetail } from '../../api/queries';
import { trainingApi, trainingKeys, type AttendanceStatus, type Meeting, type RosterEntry, type SessionDetail } from '../../api/training';
import type { AgencyTimezone } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { fromLocalInput } from '../../lib/agencyTime';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { employeePaths } from '../employees/access';
import { ATTENDANCE_LABELS, canReadCatalogue, enrolmentStatusLabel, enrolmentTag, formatScore, trainingPaths } from './access';
import { SessionForm } from './SessionForm';
import { SurveyResults } from './SurveyResults';

const attendanceOptions = Object.entries(ATTENDANCE_LABELS) as Array<[AttendanceStatus, string]>;
const parseScore = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));

function useRefresh(agencyId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trainingKeys.all(agencyId) });
  };
}

function MeetingForm({ agencyId, sessionId, zone, onDone }: { agencyId: string; sessionId: string; zone: AgencyTimezone; onDone: () => void }) {
  const refresh = useRefresh(agencyId);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [topic, setTopic] = useState('');
  const save = useMutation({
    mutationFn: () => trainingApi.addMeeting(agencyId, sessionId, { startsAt: fromLocalInput(start, zone) ?? '', endsAt: fromLocalInput(end, zone) ?? '', topic: topic.trim() }),
    onSuccess: () => {
      refresh();
      setStart('');
      setEnd('');
      setTopic('');
      onDone();
    },
  });
  return (
    <>
      <FormErrors error={save.error} labels={{ startsAt: 'Mulai', endsAt: 'Selesai', topic: 'Topik' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <TextField label="Mulai" name="startsAt" type="datetime-local" required value={start} onValueChange={setStart} error={fieldError(save.error, 'startsAt')} />
        <TextField label="Selesai" name="endsAt" type="datetime-local" required value={end} onValueChange={setEnd} error={fieldError(save.error, 'endsAt')} />
        <TextField label="Topik" name="topic" autoComplete="off" value={topic} onValueChange={setTopic} error={fieldError(save.error, 'topic')} />
        <FormActions pending={save.isPending} label="Tambah pertemuan" />
      </form>
    </>
  );
}

function Meetings({ detail, agencyId, zone }: { detail: SessionDetail; agencyId: string; zone: AgencyTimezone }) {
  const refresh = useRefresh(agencyId);
  const [adding, setAdding] = useState(false);
  const remove = useMutation({ mutationFn: (meeting: Meeting) => trainingApi.deleteMeeting(agencyId, detail.session.id, meeting.id), onSuccess: refresh });
  const editable = detail.can.manage && detail.session.status === 'open';
  return (
    <section className="card panel" aria-labelledby="judul-pertemuan">
      <h2 id="judul-pertemuan">Jadwal pertemuan</h2>
      {remove.isError ? <Notice kind="error">{errorMessage(remove.error)}</Notice> : null}
      {detail.meetings.length === 0 ? (
        <EmptyState>Belum ada pertemuan.</EmptyState>
      ) : (
        <ol className="stack">
          {detail.meetings.map((meeting, index) => (
            <li key={meeting.id}>
              <strong>Pertemuan {index + 1}</strong>: <DateTime value={meeting.startsAt} timeZone={zone} /> – <DateTime value={meeting.endsAt} timeZone={zone} />
              {meeting.topic ? ` · ${meeting.topic}` : ''}
              {detail.can.manage || detail.can.teach ? <span className="muted"> · presensi {formatNumber(meeting.recorded)} peserta</span> : null}
              {editable && meeting.recorded === 0 ? (
                <>
                  {' '}
                  <button type="button" className="button button-small button-secondary" onClick={() => remove.mutate(meeting)} disabled={remove.isPending}>
                    Hapus<span className="visually-hidden"> pertemuan {index + 1}</span>
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {editable ? (
        adding ? (
          <MeetingForm agencyId={agencyId} sessionId={detail.session.id} zone={zone} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setAdding(true)}>
            Tambah pertemuan
          </button>
        )
      ) : null}
    </section>
  );
}

/** Attendance of one meeting: a choice per participant, saved together. */
function AttendanceForm({ detail, agencyId, zone }: { detail: SessionDetail; agencyId: string; zone: AgencyTimezone }) {
  const refresh = useRefresh(agencyId);
  const started = detail.meetings.filter((m) => Date.parse(m.startsAt) <= Date.now());
  const [meetingId, setMeetingId] = useState(started[started.length - 1]?.id ?? '');
  const [marks, setMarks] = useState<Record<string, AttendanceStatus>>({});
  useEffect(() => {
    setMarks(Object.fromEntries(detail.roster.map((entry) => [entry.id, entry.attendance[meetingId] ?? 'present'])));
  }, [meetingId, detail.roster]);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => trainingApi.attendance(agencyId, detail.session.id, { meetingId, entries: detail.roster.filter((e) => e.status === 'enrolled').map((e) => ({ enrolmentId: e.id, status: marks[e.id] ?? 'present' })) }),
    onSuccess: () => {
      setSaved(true);
      refresh();
    },
  });
  if (started.length === 0) return <p>Presensi dapat diisi setelah pertemuan pertama dimulai.</p>;
  const meetingIndex = (id: string) => detail.meetings.findIndex((m) => m.id === id) + 1;
  return (
    <>
      {saved && !save.isPending ? <Notice kind="success">Presensi pertemuan {meetingIndex(meetingId)} disimpan.</Notice> : null}
      <FormErrors error={save.error} />
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <SelectField
          label="Pertemuan"
          name="meetingId"
          value={meetingId}
          options={started.map((m) => ({ value: m.id, label: `Pertemuan ${meetingIndex(m.id)} — ${new Date(m.startsAt).toLocaleString('id-ID', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' })}${m.recorded ? ' (sudah diisi)' : ''}` }))}
          onValueChange={(value) => {
            setSaved(false);
            setMeetingId(value);
          }}
        />
        <div className="table-wrap" role="region" aria-label="Presensi peserta" tabIndex={0}>
          <table>
            <caption>Presensi pertemuan {meetingIndex(meetingId)}</caption>
            <thead>
              <tr>
                <th scope="col">Peserta</th>
                {attendanceOptions.map(([value, label]) => (
                  <th scope="col" key={value}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {detail.roster
                .filter((entry) => entry.status === 'enrolled')
                .map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">{entry.participant.name}</th>
                    {attendanceOptions.map(([value, label]) => (
                      <td key={value}>
                        <label>
                          <input type="radio" name={`hadir-${entry.id}`} value={value} checked={marks[entry.id] === value} onChange={() => setMarks((m) => ({ ...m, [entry.id]: value }))} />
                          <span className="visually-hidden">
                            {label}: {entry.participant.name}
                          </span>
                        </label>
                      </td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
        <FormActions pending={save.isPending} label="Simpan presensi" />
      </form>
    </>
  );
}

function ScoresForm({ detail, agencyId }: { detail: SessionDetail; agencyId: string }) {
  const refresh = useRefresh(agencyId);
  const enrolled = detail.roster.filter((e) => e.status === 'enrolled');
  const [values, setValues] = useState<Record<string, { pre: string; post: string }>>({});
  useEffect(() => {
    setValues(Object.fromEntries(enrolled.map((e) => [e.id, { pre: e.preTest === null ? '' : String(e.preTest), post: e.postTest === null ? '' : String(e.postTest) }])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail.roster]);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () => trainingApi.scores(agencyId, detail.session.id, enrolled.map((e) => ({ enrolmentId: e.id, preTest: parseScore(values[e.id]?.pre ?? ''), postTest: parseScore(values[e.id]?.post ?? '') }))),
    onSuccess: () => {
      setSaved(true);
      refresh();
    },
  });
  const fieldProblem = (index: number, key: 'preTest' | 'postTest') => fieldError(save.error, `entries.${index}.${key}`);
  return (
    <>
      {saved && !save.isPending ? <Notice kind="success">Nilai disimpan.</Notice> : null}
      <FormErrors error={save.error} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <div className="table-wrap" role="region" aria-label="Nilai peserta" tabIndex={0}>
          <table>
            <caption>Nilai pre-test dan post-test (0–100)</caption>
            <thead>
              <tr>
                <th scope="col">Peserta</th>
                <th scope="col">Pre-test</th>
                <th scope="col">Post-test</th>
              </tr>
            </thead>
            <tbody>
              {enrolled.map((entry, index) => (
                <tr key={entry.id}>
                  <th scope="row">{entry.participant.name}</th>
                  {(['pre', 'post'] as const).map((key) => {
                    const problem = fieldProblem(index, key === 'pre' ? 'preTest' : 'postTest');
                    return (
                      <td key={key} className={problem ? 'field-invalid' : undefined}>
                        <label className="visually-hidden" htmlFor={`${key}-${entry.id}`}>
                          {key === 'pre' ? 'Pre-test' : 'Post-test'} {entry.participant.name}
                        </label>
                        <input
                          id={`${key}-${entry.id}`}
                          inputMode="decimal"
                          size={6}
                          value={values[entry.id]?.[key] ?? ''}
                          aria-invalid={problem ? true : undefined}
                          onChange={(event) => setValues((v) => ({ ...v, [entry.id]: { pre: v[entry.id]?.pre ?? '', post: v[entry.id]?.post ?? '', [key]: event.target.value } }))}
                        />
                        {problem ? <span className="field-error">{problem}</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <FormActions pending={save.isPending} label="Simpan nilai" />
      </form>
    </>
  );
}

function Roster({ detail, agencyId }: { detail: SessionDetail; agencyId: string }) {
  return (
    <div className="table-wrap" role="region" aria-label="Daftar peserta" tabIndex={0}>
      <table>
        <caption>Peserta ({formatNumber(detail.roster.length)} dari kapasitas {formatNumber(detail.session.capacity)})</caption>
        <thead>
          <tr>
            <th scope="col">Peserta</th>
            <th scope="col">Hadir</th>
            <th scope="col">Pre / post-test</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {detail.roster.map((entry: RosterEntry) => (
            <tr key={entry.id}>
              <th scope="row">
                {entry.participant.employeeId && detail.can.manage ? <Link to={employeePaths.detail(agencyId, entry.participant.employeeId)}>{entry.participant.name}</Link> : entry.participant.name}
                <span className="subtitle">{entry.participant.kind === 'candidate' ? 'Peserta seleksi' : 'Pegawai'}</span>
              </th>
              <td>
                {formatNumber(entry.present)} dari {formatNumber(detail.meetings.length)}
                {entry.attendancePercent !== null ? <span className="subtitle">{entry.attendancePercent.toLocaleString('id-ID')}%</span> : null}
              </td>
              <td>
                {formatScore(entry.preTest)} / {formatScore(entry.postTest)}
              </td>
              <td>
                <span className={`tag ${enrolmentTag(entry.status)}`}>{enrolmentStatusLabel(entry.status)}</span>
                {entry.outcomeNote ? <span className="subtitle">{entry.outcomeNote}</span> : null}
                {entry.certificateNumber ? <span className="subtitle">Sertifikat {entry.certificateNumber}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Administrators add an employee to this class (by name or NIP). */
function AddParticipant({ detail, agencyId }: { detail: SessionDetail; agencyId: string }) {
  const id = useId();
  const refresh = useRefresh(agencyId);
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [employeeId, setEmployeeId] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const found = useQuery({
    queryKey: employeeKeys.list(agencyId, { q: debounced, pageSize: 30 }),
    queryFn: () => employeeApi.list(agencyId, { q: debounced || undefined, pageSize: 30 }),
    enabled: debounced.length >= 2,
  });
  const add = useMutation({
    mutationFn: () => trainingApi.enrol(agencyId, { programmeId: detail.session.programmeId, sessionId: detail.session.id, employeeId, reason: '' }),
    onSuccess: () => {
      setEmployeeId('');
      refresh();
    },
  });
  const options = (found.data?.items ?? []).filter((e) => e.status !== 'ended').map((e) => ({ value: e.id, label: `${e.name}${e.nip ? ` (${e.nip})` : ''} — ${e.unitName ?? ''}` }));
  return (
    <>
      <FormErrors error={add.error} labels={{ employeeId: 'Pegawai', sessionId: 'Kelas' }} />
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (employeeId) add.mutate();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-cari`}>Cari pegawai (minimal 2 huruf nama atau angka NIP)</label>
          <input id={`${id}-cari`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" />
        </div>
        <SelectField label="Pegawai" name="employeeId" value={employeeId} options={[{ value: '', label: debounced.length < 2 ? 'Ketik untuk mencari' : found.isPending ? 'Mencari…' : options.length ? '— Pilih pegawai —' : 'Tidak ditemukan' }, ...options]} onValueChange={setEmployeeId} />
        <div className="actions">
          <button type="submit" className="button" disabled={!employeeId || add.isPending}>
            Tambahkan ke kelas
          </button>
        </div>
      </form>
    </>
  );
}

function CloseOrReopen({ detail, agencyId }: { detail: SessionDetail; agencyId: string }) {
  const refresh = useRefresh(agencyId);
  const [note, setNote] = useState('');
  const close = useMutation({ mutationFn: () => trainingApi.close(agencyId, detail.session.id), onSuccess: refresh });
  const reopen = useMutation({ mutationFn: () => trainingApi.reopen(agencyId, detail.session.id, note.trim()), onSuccess: refresh });
  // The outcome of closing stays on screen after the page reloads the class as closed, also for a
  // trainer, who cannot reopen it and so has no section below.
  const closed = close.isSuccess ? (
    <Notice kind="success">
      Kelas ditutup: {close.data.result.completed} lulus, {close.data.result.notCompleted} tidak lulus.
    </Notice>
  ) : null;
  if (detail.session.status === 'open') {
    return (
      <section className="card panel" aria-labelledby="judul-tutup">
        <h2 id="judul-tutup">Tutup kelas</h2>
        <p>
          Setelah pertemuan terakhir dimulai dan presensi setiap pertemuan lengkap, tutup kelas: aturan kelulusan program diterapkan ke setiap peserta dan yang lulus mendapat nomor sertifikat.
        </p>
        {closed}
        <ConfirmButton
          label="Tutup kelas dan tetapkan kelulusan"
          groupLabel="Konfirmasi penutupan kelas"
          explanation="Aturan kelulusan program diterapkan ke setiap peserta sekarang; kelas hanya dapat dibuka kembali oleh pengelola, dengan alasan yang tercatat."
          confirmLabel="Ya, tutup kelas"
          pendingLabel="Menutup…"
          onConfirm={() => close.mutate()}
          pending={close.isPending}
          error={close.error}
        />
      </section>
    );
  }
  if (!detail.can.manage) return closed;
  return (
    <section className="card panel" aria-labelledby="judul-buka-kembali">
      <h2 id="judul-buka-kembali">Buka kembali kelas</h2>
      {closed}
      <p>Untuk mengoreksi presensi atau nilai. Selama kelas terbuka kembali, sertifikat pesertanya tidak berlaku; nomornya tetap sama setelah kelas ditutup lagi.</p>
      <FormErrors error={reopen.error} labels={{ note: 'Alasan' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          reopen.mutate();
        }}
      >
        <TextAreaField label="Alasan" name="note" rows={2} required value={note} onValueChange={setNote} error={fieldError(reopen.error, 'note')} />
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={reopen.isPending}>
            Buka kembali
          </button>
        </div>
      </form>
    </section>
  );
}

function SessionView({ agencyId, sessionId }: { agencyId: string; sessionId: string }) {
  const agency = useAgencyDetail(agencyId);
  const zone = agency.timezone;
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<'attendance' | 'scores' | 'add'>('attendance');
  const detail = useQuery({ queryKey: trainingKeys.session(agencyId, sessionId), queryFn: () => trainingApi.session(agencyId, sessionId) });
  if (detail.isPending) return <Loading label="Memuat kelas…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { session, programme, can } = detail.data;
  const staffView = can.manage || can.teach;
  return (
    <>
      <p className="breadcrumb">
        {can.manage ? <Link to={trainingPaths.programme(agencyId, programme.id)}>‹ {programme.name}</Link> : can.teach ? <Link to={trainingPaths.trainer}>‹ Kelas yang saya ampu</Link> : <Link to={trainingPaths.mine}>‹ Pelatihan saya</Link>}
      </p>
      <AgencyHeading title={session.name} agencyName={agency.name} />
      <dl className="facts">
        <div>
          <dt>Program</dt>
          <dd>{programme.name}</dd>
        </div>
        <div>
          <dt>Pelatih</dt>
          <dd>{session.trainer?.name ?? 'Belum ditentukan'}</dd>
        </div>
        <div>
          <dt>Tempat</dt>
          <dd>
            {session.venue || '—'}
            {session.onlineUrl ? (
              <>
                {' · '}
                <a href={session.onlineUrl} target="_blank" rel="noreferrer">
                  Tautan daring
                </a>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>Peserta</dt>
          <dd>
            {formatNumber(session.seated)} / {formatNumber(session.capacity)}
          </dd>
        </div>
        <div>
          <dt>Syarat lulus</dt>
          <dd>
            hadir ≥ {programme.minAttendancePercent.toLocaleString('id-ID')}%{programme.minPostTest !== null ? `, post-test ≥ ${programme.minPostTest.toLocaleString('id-ID')}` : ''}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {session.status === 'open' ? 'Berjalan' : 'Ditutup'}
            {session.closedAt ? (
              <>
                {' '}
                (<DateTime value={session.closedAt} timeZone={zone} />)
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {can.manage && session.status === 'open' ? (
        editing ? (
          <section className="card panel" aria-labelledby="judul-ubah-kelas">
            <h2 id="judul-ubah-kelas">Ubah kelas</h2>
            <SessionForm agencyId={agencyId} session={session} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
          </section>
        ) : (
          <div className="toolbar">
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              Ubah kelas
            </button>
          </div>
        )
      ) : null}
      <Meetings detail={detail.data} agencyId={agencyId} zone={zone} />
      {staffView ? (
        <>
          <section aria-labelledby="judul-peserta">
            <h2 id="judul-peserta">Peserta</h2>
            {detail.data.roster.length ? <Roster detail={detail.data} agencyId={agencyId} /> : <EmptyState>Belum ada peserta di kelas ini.</EmptyState>}
          </section>
          {session.status === 'open' ? (
            <section className="card panel" aria-labelledby="judul-isian">
              <h2 id="judul-isian">Isi presensi dan nilai</h2>
              <div className="tabs" role="group" aria-label="Pilih isian">
                {(
                  [
                    ['attendance', 'Presensi'],
                    ['scores', 'Nilai'],
                    ...(can.manage ? [['add', 'Tambah peserta']] : []),
                  ] as Array<[typeof tab, string]>
                ).map(([key, label]) => (
                  <button key={key} type="button" className={`tab${tab === key ? ' tab-current' : ''}`} aria-pressed={tab === key} onClick={() => setTab(key)}>
                    {label}
                  </button>
                ))}
              </div>
              {tab === 'attendance' ? (
                detail.data.roster.length ? <AttendanceForm detail={detail.data} agencyId={agencyId} zone={zone} /> : <p>Belum ada peserta.</p>
              ) : tab === 'scores' ? (
                detail.data.roster.length ? <ScoresForm detail={detail.data} agencyId={agencyId} /> : <p>Belum ada peserta.</p>
              ) : (
                <AddParticipant detail={detail.data} agencyId={agencyId} />
              )}
            </section>
          ) : null}
          <CloseOrReopen detail={detail.data} agencyId={agencyId} />
          {detail.data.reaction ? (
            <section className="card panel" aria-labelledby="judul-reaksi-kelas">
              <h2 id="judul-reaksi-kelas">Survei reaksi peserta</h2>
              <SurveyResults title="Reaksi peserta kelas ini" summary={detail.data.reaction} empty="Belum ada peserta yang mengisi survei." />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

export function SessionPage() {
  const { agencyId = '', sessionId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadCatalogue(me, agencyId)}>{() => <SessionView key={sessionId} agencyId={agencyId} sessionId={sessionId} />}</RequireAuth>;
}
