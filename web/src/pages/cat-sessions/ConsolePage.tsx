import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ATTEMPT_EVENT_LABELS,
  ATTEMPT_STATUS_LABELS,
  catKeys,
  catSessionsApi,
  needLabel,
  SESSION_STATUS_LABELS,
  WARNING_EVENT_KINDS,
  type ConsoleParticipant,
  type Pin,
  type ProctorConsole,
} from '../../api/cat-sessions';
import { errorMessage } from '../../api/client';
import { examPaths } from '../../api/cat-exam';
import { useAgencyDetail } from '../../api/queries';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canProctor, catPaths, formatDuration } from './access';
import './cat-sessions.css';

const REFRESH_MS = 10_000;

/** The PIN as the room sees it: large digits, full screen on a projector, hidden again with one click. */
function PinDisplay({ pin, onHide }: { pin: Pin; onHide: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [pin]);
  return (
    <div className="pin-display" ref={box} tabIndex={-1} aria-labelledby="judul-pin">
      <p id="judul-pin" className="pin-label">
        PIN sesi
      </p>
      <p className="pin-digits" aria-label={`PIN sesi: ${pin.pin.split('').join(' ')}`}>
        {pin.pin.slice(0, 3)}
        <span aria-hidden="true"> </span>
        {pin.pin.slice(3)}
      </p>
      <p className="pin-note">PIN hanya ditampilkan sekali. Untuk menampilkannya lagi, buat PIN baru (PIN lama tidak berlaku).</p>
      <div className="row-actions">
        <button type="button" className="button button-secondary" onClick={() => void box.current?.requestFullscreen?.().catch(() => undefined)}>
          Layar penuh
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
            onHide();
          }}
        >
          Sembunyikan PIN
        </button>
      </div>
    </div>
  );
}

/** Seconds left for a participant still working, from the server's clock. */
function remaining(participant: ConsoleParticipant, serverNow: number): number | null {
  if (participant.status !== 'active' || !participant.endsAt) return null;
  return Math.max(0, Math.round((Date.parse(participant.endsAt) - serverNow) / 1000));
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function useServerNow(data: ProctorConsole | undefined, fetchedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const offset = data ? Date.parse(data.serverTime) - fetchedAt : 0;
  return now + offset;
}

type Panel =
  | { kind: 'time'; participant?: ConsoleParticipant }
  | { kind: 'device'; participant: ConsoleParticipant }
  | { kind: 'events'; participant: ConsoleParticipant }
  | { kind: 'close' }
  | { kind: 'newPin' }
  | null;

function AddTimeForm({ agencyId, sessionId, participant, onDone, onCancel }: { agencyId: string; sessionId: string; participant?: ConsoleParticipant; onDone: (message: string) => void; onCancel: () => void }) {
  const [minutes, setMinutes] = useState('5');
  const [reason, setReason] = useState('');
  const add = useMutation({
    mutationFn: () => {
      const value = Number(minutes.trim().replace(',', '.'));
      const seconds = Number.isFinite(value) ? Math.round(value * 60) : Number.NaN;
      return catSessionsApi.addTime(agencyId, sessionId, { seconds, reason: reason.trim(), ...(participant ? { attemptIds: [participant.attemptId] } : {}) });
    },
    onSuccess: (result) => onDone(`Waktu ditambah ${minutes.trim()} menit untuk ${formatNumber(result.changed)} peserta.`),
  });
  return (
    <>
      <FormErrors error={add.error} labels={{ seconds: 'Tambahan waktu', reason: 'Alasan' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <TextField label="Tambahan waktu (menit)" name="minutes" inputMode="decimal" required autoComplete="off" value={minutes} onValueChange={setMinutes} error={fieldError(add.error, 'seconds')} />
        <TextField label="Alasan (kendala yang terjadi)" name="reason" required autoComplete="off" hint="Mis. listrik padam 5 menit. Dicatat di jejak audit." value={reason} onValueChange={setReason} error={fieldError(add.error, 'reason')} />
        <div className="actions">
          <button type="submit" className="button" disabled={add.isPending}>
            {add.isPending ? 'Menambah…' : 'Tambah waktu'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

function DeviceResetForm({ agencyId, sessionId, participant, onDone, onCancel }: { agencyId: string; sessionId: string; participant: ConsoleParticipant; onDone: (message: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const reset = useMutation({
    mutationFn: () => catSessionsApi.resetDevice(agencyId, sessionId, participant.attemptId, reason.trim()),
    onSuccess: () => onDone(`${participant.name} dapat masuk dari komputer lain dan melanjutkan dengan sisa waktunya.`),
  });
  return (
    <>
      <p>Komputer lama dilepas dari ujian ini. Peserta masuk lagi di komputer lain dengan akun dan PIN sesi; jawaban yang tersimpan dan sisa waktu tetap.</p>
      <FormErrors error={reset.error} labels={{ reason: 'Alasan' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          reset.mutate();
        }}
      >
        <TextField label="Alasan pindah komputer" name="reason" required autoComplete="off" hint="Mis. komputer nomor 12 mati." value={reason} onValueChange={setReason} error={fieldError(reset.error, 'reason')} />
        <div className="actions">
          <button type="submit" className="button" disabled={reset.isPending}>
            {reset.isPending ? 'Memproses…' : 'Izinkan pindah komputer'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Batal
          </button>
        </div>
      </form>
    </>
  );
}

function EventLog({ agencyId, sessionId, participant, zone, onClose }: { agencyId: string; sessionId: string; participant: ConsoleParticipant; zone: AgencyTimezone; onClose: () => void }) {
  const events = useQuery({ queryKey: catKeys.events(agencyId, sessionId, participant.attemptId), queryFn: () => catSessionsApi.events(agencyId, sessionId, participant.attemptId), refetchInterval: REFRESH_MS });
  return (
    <>
      {events.isPending ? (
        <Loading label="Memuat catatan…" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState>Belum ada kejadian tercatat.</EmptyState>
      ) : (
        <ol className="event-log">
          {events.data.items.map((event) => (
            <li key={event.id} className={(WARNING_EVENT_KINDS as readonly string[]).includes(event.kind) ? 'event-warning' : undefined}>
              <DateTime value={event.at} timeZone={zone} /> — {ATTEMPT_EVENT_LABELS[event.kind] ?? event.kind}
              {typeof event.detail.reason === 'string' ? `: ${event.detail.reason}` : ''}
              {typeof event.detail.seconds === 'number' ? ` (+${formatDuration(event.detail.seconds)})` : ''}
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button button-secondary" onClick={onClose}>
        Tutup
      </button>
    </>
  );
}

function ParticipantCard({ agencyId, participant, serverNow, open, onConfirm, confirming, onAction }: { agencyId: string; participant: ConsoleParticipant; serverNow: number; open: boolean; onConfirm: () => void; confirming: boolean; onAction: (panel: Panel) => void }) {
  const left = remaining(participant, serverNow);
  const warnings = WARNING_EVENT_KINDS.map((kind) => [kind, participant.warnings[kind] ?? 0] as const).filter(([, n]) => n > 0);
  const done = participant.status === 'finished' || participant.status === 'absent';
  const titleId = `peserta-${participant.attemptId}`;
  return (
    <li className={`participant-card participant-${participant.status}`} aria-labelledby={titleId}>
      <div className="participant-photo">
        {participant.photoUrl ? <img src={participant.photoUrl} alt={`Pas foto ${participant.name}`} loading="lazy" width={96} height={128} /> : <span className="no-photo">Tanpa foto</span>}
      </div>
      <div className="participant-body">
        <h3 id={titleId}>
          <span className="seat">Kursi {participant.seat ?? '—'}</span> {participant.name}
        </h3>
        <p className="muted small">{participant.registrationNumber}</p>
        <p>
          <span className={`tag tag-attempt-${participant.status}`}>{ATTEMPT_STATUS_LABELS[participant.status]}</span>{' '}
          {participant.identityConfirmedAt ? <span className="tag tag-ok">Identitas cocok</span> : done ? null : <span className="tag tag-wait">Belum dikonfirmasi</span>}
          {participant.need ? <span className="tag">{needLabel(participant.need)}</span> : null}
        </p>
        {left !== null ? (
          <p>
            Sisa waktu: <strong className="countdown">{clock(left)}</strong>
            {participant.extraSeconds ? ` (termasuk tambahan ${formatDuration(participant.extraSeconds)})` : ''}
          </p>
        ) : null}
        {warnings.length ? (
          <p className="warning-line">
            {warnings.map(([kind, n]) => `${ATTEMPT_EVENT_LABELS[kind]}: ${n}×`).join(' · ')}
          </p>
        ) : null}
        <div className="row-actions">
          {!participant.identityConfirmedAt && !done ? (
            <button type="button" className="button button-small" disabled={confirming} onClick={onConfirm}>
              Konfirmasi identitas<span className="visually-hidden"> {participant.name}</span>
            </button>
          ) : null}
          {open && participant.status === 'active' && left ? (
            <button type="button" className="button button-small button-secondary" onClick={() => onAction({ kind: 'time', participant })}>
              Tambah waktu<span className="visually-hidden"> {participant.name}</span>
            </button>
          ) : null}
          {open && !done && participant.deviceBound ? (
            <button type="button" className="button button-small button-secondary" onClick={() => onAction({ kind: 'device', participant })}>
              Pindah komputer<span className="visually-hidden"> {participant.name}</span>
            </button>
          ) : null}
          {participant.status === 'finished' ? (
            <Link className="button button-small button-secondary" to={catPaths.result(agencyId, participant.attemptId)}>
              Hasil<span className="visually-hidden"> {participant.name}</span>
            </Link>
          ) : null}
          <button type="button" className="button button-small button-secondary" onClick={() => onAction({ kind: 'events', participant })}>
            Catatan<span className="visually-hidden"> kejadian {participant.name}</span>
          </button>
        </div>
      </div>
    </li>
  );
}

function Console({ agencyId, sessionId }: { agencyId: string; sessionId: string }) {
  const queryClient = useQueryClient();
  const { name: agencyName, timezone: zone } = useAgencyDetail(agencyId);
  const [fetchedAt, setFetchedAt] = useState(() => Date.now());
  const view = useQuery({
    queryKey: catKeys.console(agencyId, sessionId),
    queryFn: async () => {
      const data = await catSessionsApi.console(agencyId, sessionId);
      setFetchedAt(Date.now());
      return data;
    },
    refetchInterval: REFRESH_MS,
  });
  const serverNow = useServerNow(view.data, fetchedAt);
  const [pin, setPin] = useState<Pin | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (panel) panelHeading.current?.focus();
  }, [panel]);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: catKeys.console(agencyId, sessionId) });
  const finish = (message: string) => {
    setPanel(null);
    setDone(message);
    refresh();
  };
  const openSession = useMutation({
    mutationFn: () => catSessionsApi.open(agencyId, sessionId),
    onSuccess: (result) => {
      setPin(result);
      setDone('Sesi dibuka. Umumkan PIN kepada peserta di ruang ujian.');
      refresh();
    },
  });
  const newPin = useMutation({
    mutationFn: () => catSessionsApi.newPin(agencyId, sessionId),
    onSuccess: (result) => {
      setPin(result);
      setPanel(null);
      setDone('PIN baru dibuat; PIN lama tidak berlaku lagi.');
      refresh();
    },
  });
  const confirm = useMutation({
    mutationFn: (body: { attemptIds: string[] } | { all: true }) => catSessionsApi.confirmIdentity(agencyId, sessionId, body),
    onSuccess: (result) => {
      setDone(`Identitas ${formatNumber(result.changed)} peserta dikonfirmasi.`);
      refresh();
    },
  });
  const close = useMutation({
    mutationFn: () => catSessionsApi.close(agencyId, sessionId),
    onSuccess: (result) => {
      setPin(null);
      finish(`Sesi ditutup. ${formatNumber(result.absent)} peserta tidak hadir${result.stillRunning ? `; ${formatNumber(result.stillRunning)} peserta masih mengerjakan sampai waktunya habis` : ''}.`);
    },
  });

  if (view.isPending) return <Loading label="Memuat konsol pengawas…" />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const data = view.data;
  const { session } = data;
  const isOpen = session.status === 'open';
  const counts = Object.fromEntries(['allocated', 'active', 'finished', 'absent'].map((status) => [status, data.participants.filter((p) => p.status === status).length]));
  const unconfirmed = data.participants.filter((p) => !p.identityConfirmedAt && p.status !== 'finished' && p.status !== 'absent').length;
  const actionError = openSession.error ?? newPin.error ?? confirm.error ?? close.error;

  return (
    <>
      <p className="breadcrumb">
        <Link to={catPaths.sessions(agencyId)}>‹ Sesi ujian CAT</Link>
      </p>
      <AgencyHeading title={`Konsol pengawas: ${session.name}`} agencyName={agencyName} />
      <dl className="facts">
          <dt>Ujian</dt>
          <dd>
            {session.selectionName} — {session.blueprintName}
          </dd>
          <dt>Lokasi</dt>
          <dd>
            {session.venueName}, {session.roomName}
          </dd>
          <dt>Mulai</dt>
          <dd>
            <DateTime value={session.startsAt} timeZone={zone} />
          </dd>
          <dt>Status</dt>
          <dd>
            <span className={`tag tag-session-${session.status}`}>{SESSION_STATUS_LABELS[session.status]}</span>
          </dd>
      </dl>
      <p>
        <Link to={examPaths.board({ session: session.id })}>Papan nilai langsung sesi ini (untuk proyektor)</Link>
      </p>
      <ul className="stat-inline" aria-label="Ringkasan peserta">
        <li>
          <strong>{formatNumber(data.participants.length)}</strong> peserta
        </li>
        <li>
          <strong>{formatNumber(counts.allocated ?? 0)}</strong> belum mulai
        </li>
        <li>
          <strong>{formatNumber(counts.active ?? 0)}</strong> sedang ujian
        </li>
        <li>
          <strong>{formatNumber(counts.finished ?? 0)}</strong> selesai
        </li>
        {counts.absent ? (
          <li>
            <strong>{formatNumber(counts.absent)}</strong> tidak hadir
          </li>
        ) : null}
      </ul>

      {done ? <Notice kind="success">{done}</Notice> : null}
      {actionError ? <Notice kind="error">{errorMessage(actionError)}</Notice> : null}

      {pin ? <PinDisplay pin={pin} onHide={() => setPin(null)} /> : null}
      {isOpen && data.pinFailures > 0 ? (
        <Notice kind={data.pinLocked ? 'error' : 'info'}>
          {data.pinLocked
            ? `PIN diblokir setelah ${formatNumber(data.pinFailures)} kali salah dimasukkan. Buat PIN baru untuk peserta yang belum masuk.`
            : `PIN salah dimasukkan ${formatNumber(data.pinFailures)} kali sejak PIN ini dibuat.`}
        </Notice>
      ) : null}

      <div className="row-actions console-actions">
        {session.status === 'scheduled' ? (
          <button type="button" className="button" disabled={openSession.isPending} onClick={() => openSession.mutate()}>
            {openSession.isPending ? 'Membuka…' : 'Buka sesi dan tampilkan PIN'}
          </button>
        ) : null}
        {isOpen ? (
          <button type="button" className="button button-secondary" onClick={() => setPanel({ kind: 'newPin' })}>
            Tampilkan PIN baru
          </button>
        ) : null}
        {session.status !== 'closed' && unconfirmed > 0 ? (
          <button type="button" className="button button-secondary" disabled={confirm.isPending} onClick={() => confirm.mutate({ all: true })}>
            Konfirmasi identitas semua yang hadir ({formatNumber(unconfirmed)})
          </button>
        ) : null}
        {isOpen && (counts.active ?? 0) > 0 ? (
          <button type="button" className="button button-secondary" onClick={() => setPanel({ kind: 'time' })}>
            Tambah waktu untuk semua
          </button>
        ) : null}
        {isOpen ? (
          <button type="button" className="button button-danger" onClick={() => setPanel({ kind: 'close' })}>
            Tutup sesi
          </button>
        ) : null}
        <a className="button button-secondary" href={catSessionsApi.listPdfUrl(agencyId, sessionId)} target="_blank" rel="noreferrer">
          Daftar hadir (PDF)
        </a>
        <Link className="button button-secondary" to={`/papan-nilai?sesi=${encodeURIComponent(sessionId)}`}>
          Papan nilai langsung
        </Link>
      </div>

      {panel ? (
        <section className="card panel" aria-labelledby="judul-panel-konsol">
          <h2 id="judul-panel-konsol" tabIndex={-1} ref={panelHeading}>
            {panel.kind === 'time'
              ? panel.participant
                ? `Tambah waktu: ${panel.participant.name}`
                : 'Tambah waktu untuk semua yang sedang ujian'
              : panel.kind === 'device'
                ? `Pindah komputer: ${panel.participant.name}`
                : panel.kind === 'events'
                  ? `Catatan kejadian: ${panel.participant.name}`
                  : panel.kind === 'close'
                    ? 'Tutup sesi?'
                    : 'Buat PIN baru?'}
          </h2>
          {panel.kind === 'time' ? (
            <AddTimeForm agencyId={agencyId} sessionId={sessionId} participant={panel.participant} onDone={finish} onCancel={() => setPanel(null)} />
          ) : panel.kind === 'device' ? (
            <DeviceResetForm agencyId={agencyId} sessionId={sessionId} participant={panel.participant} onDone={finish} onCancel={() => setPanel(null)} />
          ) : panel.kind === 'events' ? (
            <EventLog agencyId={agencyId} sessionId={sessionId} participant={panel.participant} zone={zone} onClose={() => setPanel(null)} />
          ) : panel.kind === 'close' ? (
            <>
              <p>
                Setelah ditutup tidak ada peserta yang dapat mulai. Peserta yang belum mulai dicatat tidak hadir; yang sedang mengerjakan tetap sampai waktunya habis.
              </p>
              <div className="row-actions">
                <button type="button" className="button button-danger" disabled={close.isPending} onClick={() => close.mutate()}>
                  {close.isPending ? 'Menutup…' : 'Ya, tutup sesi'}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setPanel(null)}>
                  Batal
                </button>
              </div>
            </>
          ) : (
            <>
              <p>PIN yang sekarang langsung tidak berlaku. Peserta yang sudah mulai tidak terpengaruh; peserta yang belum masuk memakai PIN baru.</p>
              <div className="row-actions">
                <button type="button" className="button" disabled={newPin.isPending} onClick={() => newPin.mutate()}>
                  {newPin.isPending ? 'Membuat…' : 'Ya, buat PIN baru'}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setPanel(null)}>
                  Batal
                </button>
              </div>
            </>
          )}
        </section>
      ) : null}

      <h2>Peserta ({formatNumber(data.participants.length)})</h2>
      {data.participants.length === 0 ? (
        <EmptyState>Belum ada peserta di sesi ini.</EmptyState>
      ) : (
        <ul className="participant-grid">
          {data.participants.map((participant) => (
            <ParticipantCard
              key={participant.attemptId}
              agencyId={agencyId}
              participant={participant}
              serverNow={serverNow}
              open={isOpen}
              confirming={confirm.isPending}
              onConfirm={() => confirm.mutate({ attemptIds: [participant.attemptId] })}
              onAction={(next) => {
                setDone(null);
                setPanel(next);
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}

export function CatConsolePage() {
  const { agencyId = '', sessionId = '' } = useParams();
  return <RequireAuth allow={(me) => canProctor(me, agencyId)}>{() => <Console key={`${agencyId}-${sessionId}`} agencyId={agencyId} sessionId={sessionId} />}</RequireAuth>;
}
