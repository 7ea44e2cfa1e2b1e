import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catExamApi, catExamKeys, examPaths, type MyAttempt } from '../../api/cat-exam';
import { isApiError } from '../../api/client';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { hasRole } from '../../lib/roles';
import { deviceMark } from './outbox';
import './exam.css';

/** While someone waits for the proctor, the list is reloaded this often. */
const WAITING_POLL_MS = 3000;

const STATUS_LABELS: Record<MyAttempt['status'], string> = {
  allocated: 'Belum mulai',
  active: 'Sedang dikerjakan',
  finished: 'Selesai',
  absent: 'Tidak hadir',
};

function minutes(seconds: number): string {
  return `${Math.round(seconds / 60)} menit`;
}

function PinForm({ attempt, note }: { attempt: MyAttempt; note?: string }) {
  const queryClient = useQueryClient();
  const [pin, setPin] = useState('');
  const checkIn = useMutation({
    mutationFn: () => catExamApi.checkIn(attempt.id, pin.trim()),
    onSuccess: (state) => {
      deviceMark.set(attempt.id);
      queryClient.setQueryData(catExamKeys.state(attempt.id), state);
      void queryClient.invalidateQueries({ queryKey: catExamKeys.myAttempts });
    },
  });
  return (
    <form
      className="form pin-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        checkIn.mutate();
      }}
    >
      {note ? <p>{note}</p> : null}
      <FormErrors error={checkIn.error} labels={{ pin: 'PIN sesi' }} />
      <TextField
        label="PIN sesi"
        name="pin"
        required
        inputMode="numeric"
        autoComplete="off"
        pattern="[0-9]*"
        maxLength={6}
        hint="6 angka yang diumumkan pengawas di ruang ujian. Perangkat ini menjadi perangkat ujian Anda."
        value={pin}
        onValueChange={(value) => setPin(value.replace(/\D/g, ''))}
        error={fieldError(checkIn.error, 'pin')}
      />
      <button type="submit" className="button" disabled={checkIn.isPending}>
        {checkIn.isPending ? 'Memeriksa PIN…' : 'Masuk ke sesi'}
      </button>
    </form>
  );
}

function StartPanel({ attempt }: { attempt: MyAttempt }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: () => catExamApi.start(attempt.id),
    onSuccess: (state) => {
      queryClient.setQueryData(catExamKeys.state(attempt.id), state);
      void queryClient.invalidateQueries({ queryKey: catExamKeys.myAttempts });
      void navigate(examPaths.attempt(attempt.id));
    },
  });
  const deviceRefused = isApiError(start.error) && start.error.status === 409 && /[Pp]erangkat/.test(start.error.message);
  if (!attempt.identityConfirmed) {
    return (
      <div className="waiting" aria-live="polite">
        <p className="waiting-text">
          <span className="pulse" aria-hidden="true" /> <strong>Menunggu konfirmasi identitas oleh pengawas</strong>
        </p>
        <p className="muted">PIN diterima. Tunjukkan kartu ujian dan KTP kepada pengawas; halaman ini berlanjut sendiri setelah pengawas mengonfirmasi identitas Anda.</p>
      </div>
    );
  }
  return (
    <div aria-live="polite">
      <Notice kind="success">Identitas Anda sudah dikonfirmasi pengawas. Waktu ujian ({minutes(attempt.durationSeconds)}) mulai berjalan saat Anda menekan tombol di bawah.</Notice>
      <FormErrors error={start.error} />
      {deviceRefused ? <PinForm attempt={attempt} /> : null}
      <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate()}>
        {start.isPending ? 'Memulai…' : 'Mulai ujian'}
      </button>
    </div>
  );
}

function AttemptCard({ attempt }: { attempt: MyAttempt }) {
  const headingId = `ujian-${attempt.id}`;
  const thisDevice = deviceMark.has(attempt.id);
  return (
    <li className="card exam-entry">
      <h2 id={headingId}>{attempt.sessionName ?? 'Ujian CAT (belum dijadwalkan)'}</h2>
      <dl className="facts">
        <dt>Waktu mulai sesi</dt>
        <dd>
          <DateTime value={attempt.startsAt} />
        </dd>
        <dt>Kursi</dt>
        <dd>{attempt.seat ?? '—'}</dd>
        <dt>Durasi</dt>
        <dd>{minutes(attempt.durationSeconds)}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`tag tag-attempt-${attempt.status}`}>{STATUS_LABELS[attempt.status]}</span>
        </dd>
      </dl>
      {attempt.status === 'finished' ? (
        <p>
          <Link className="button" to={examPaths.attempt(attempt.id)}>
            Lihat nilai<span className="visually-hidden"> {attempt.sessionName}</span>
          </Link>
        </p>
      ) : attempt.status === 'absent' ? (
        <p>Anda tercatat tidak hadir pada sesi ini.</p>
      ) : !attempt.sessionId ? (
        <p>Panitia belum menempatkan Anda pada sesi ujian.</p>
      ) : attempt.status === 'active' ? (
        <>
          <p>
            <Link className="button" to={examPaths.attempt(attempt.id)}>
              Lanjutkan ujian<span className="visually-hidden"> {attempt.sessionName}</span>
            </Link>
          </p>
          {!thisDevice ? <p className="muted">Ujian hanya dapat dilanjutkan di perangkat tempat Anda memasukkan PIN. Pindah komputer? Minta pengawas memindahkan ujian Anda, lalu masukkan PIN lagi.</p> : null}
        </>
      ) : !attempt.checkedIn ? (
        <PinForm attempt={attempt} />
      ) : thisDevice ? (
        <StartPanel attempt={attempt} />
      ) : (
        <PinForm attempt={attempt} note="Ujian ini sudah terhubung dengan perangkat lain. Bila Anda pindah komputer, minta pengawas memindahkan ujian Anda, lalu masukkan PIN sesi di sini." />
      )}
    </li>
  );
}

function ExamList() {
  const attempts = useQuery({
    queryKey: catExamKeys.myAttempts,
    queryFn: () => catExamApi.myAttempts(),
    refetchInterval: (query) => (query.state.data?.items.some((a) => a.status === 'allocated' && a.checkedIn && !a.identityConfirmed) ? WAITING_POLL_MS : false),
  });
  return (
    <>
      <PageTitle>Ujian CAT</PageTitle>
      <p>Di lokasi ujian: masukkan PIN sesi yang diumumkan pengawas, tunggu pengawas mengonfirmasi identitas Anda, lalu mulai ujian. Jadwal, lokasi dan kartu ujian ada di <Link to="/pelamar/ujian">Ujian CAT saya</Link>.</p>
      {attempts.isPending ? (
        <Loading label="Memuat ujian Anda…" />
      ) : attempts.isError ? (
        <ErrorState error={attempts.error} onRetry={() => void attempts.refetch()} />
      ) : attempts.data.items.length === 0 ? (
        <EmptyState>Belum ada ujian CAT untuk Anda. Ujian tersedia setelah pendaftaran Anda dinyatakan Memenuhi Syarat (MS) dan panitia membagi sesi.</EmptyState>
      ) : (
        <ul className="card-list exam-entries">
          {attempts.data.items.map((attempt) => (
            <AttemptCard key={attempt.id} attempt={attempt} />
          ))}
        </ul>
      )}
    </>
  );
}

export function ExamListPage() {
  return <RequireAuth allow={(me) => hasRole(me, 'pelamar')}>{() => <ExamList />}</RequireAuth>;
}
