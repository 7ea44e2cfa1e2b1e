import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catExamApi, catExamKeys, examPaths, type AttemptState, type PaperQuestion, type StoredAnswer } from '../../api/cat-exam';
import { isApiError } from '../../api/client';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { hasRole } from '../../lib/roles';
import { ConfirmDialog } from '../applicant/ConfirmDialog';
import { OPTION_LETTERS, subtestLabel } from './labels';
import { ExamOutbox, ExamSender, type QueuedAnswer, type Rejection } from './outbox';
import { ResultView } from './ResultView';
import './exam.css';

/** The server's state is loaded again this often: the clock is re-synchronised, extra time appears. */
const RESYNC_MS = 30_000;
const LARGE_TEXT_KEY = 'rekrutmen-cat:large-text';
const RESTORED_NOTICE_MS = 10_000;
/** Minutes left at which a screen reader hears the time (the clock itself is not a live region). */
const TIME_WARNINGS = [15, 5, 1];

type AnswerMap = ReadonlyMap<string, QueuedAnswer>;

/** Higher click number wins, whatever its source: the server's stored answers or this device's queue. */
function mergeAnswers(current: AnswerMap, incoming: ReadonlyArray<StoredAnswer | QueuedAnswer>): AnswerMap {
  let next: Map<string, QueuedAnswer> | null = null;
  for (const answer of incoming) {
    const known = (next ?? current).get(answer.questionId);
    if (known && known.seq >= answer.seq) continue;
    next ??= new Map(current);
    next.set(answer.questionId, { questionId: answer.questionId, optionId: answer.optionId, flagged: answer.flagged, seq: answer.seq });
  }
  return next ?? current;
}

function useLargeText(): [boolean, (value: boolean) => void] {
  const [large, setLarge] = useState(() => {
    try {
      return window.localStorage.getItem(LARGE_TEXT_KEY) === '1';
    } catch {
      return false;
    }
  });
  const set = useCallback((value: boolean) => {
    setLarge(value);
    try {
      window.localStorage.setItem(LARGE_TEXT_KEY, value ? '1' : '0');
    } catch {
      // the choice lasts for this page only
    }
  }, []);
  return [large, set];
}

function clockText(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

/**
 * Milliseconds left by the server's clock: the end the server fixed, minus the server's "now"
 * carried forward by this device's clock from the moment the state arrived.
 */
function useRemaining(state: AttemptState, receivedAt: number): number {
  const offset = Date.parse(state.serverNow) - receivedAt;
  const endsAt = state.attempt.endsAt ? Date.parse(state.attempt.endsAt) : Date.parse(state.serverNow) + (state.remainingSeconds ?? 0) * 1000;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, []);
  return Math.max(0, endsAt - (now + offset));
}

type GridState = { answered: boolean; flagged: boolean; pending: boolean };

function gridLabel(number: number, state: GridState): string {
  return [`Soal ${number}`, state.answered ? 'dijawab' : 'belum dijawab', state.flagged ? 'ditandai ragu-ragu' : null, state.pending ? 'belum terkirim' : null].filter(Boolean).join(', ');
}

function QuestionGrid({ paper, current, states, onJump }: { paper: PaperQuestion[]; current: number; states: GridState[]; onJump: (index: number) => void }) {
  return (
    <nav className="question-grid-nav" aria-labelledby="judul-daftar-soal">
      <h2 id="judul-daftar-soal" className="h3">
        Daftar soal
      </h2>
      <ul className="question-grid">
        {paper.map((question, index) => {
          const state = states[index]!;
          const classes = ['grid-button', state.answered ? 'is-answered' : '', state.flagged ? 'is-flagged' : '', state.pending ? 'is-pending' : ''].filter(Boolean).join(' ');
          return (
            <li key={question.questionId}>
              <button type="button" className={classes} aria-label={gridLabel(question.number, state)} aria-current={index === current ? 'step' : undefined} onClick={() => onJump(index)}>
                {question.number}
                {state.flagged ? <span aria-hidden="true" className="grid-flag">⚑</span> : null}
                {state.pending ? <span aria-hidden="true" className="grid-pending">↑</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
      <ul className="grid-legend" aria-label="Keterangan warna dan tanda">
        <li>
          <span className="grid-sample is-answered" aria-hidden="true">
            1
          </span>{' '}
          dijawab
        </li>
        <li>
          <span className="grid-sample" aria-hidden="true">
            1
          </span>{' '}
          belum dijawab
        </li>
        <li>
          <span className="grid-sample" aria-hidden="true">
            ⚑
          </span>{' '}
          ditandai ragu-ragu
        </li>
        <li>
          <span className="grid-sample is-pending" aria-hidden="true">
            ↑
          </span>{' '}
          belum terkirim ke server
        </li>
      </ul>
    </nav>
  );
}

function ConnectionBanner({ pending, disconnected, restoredAt, lastFailure }: { pending: number; disconnected: boolean; restoredAt: number | null; lastFailure: string | null }) {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!restoredAt) return;
    const timer = window.setTimeout(() => tick((n) => n + 1), RESTORED_NOTICE_MS + 100);
    return () => window.clearTimeout(timer);
  }, [restoredAt]);
  const showRestored = !disconnected && restoredAt !== null && Date.now() - restoredAt < RESTORED_NOTICE_MS && pending === 0;
  // One live region that is always there, so its changes are announced.
  return (
    <div role="status" aria-live="polite" className="connection-region">
      {disconnected ? (
        <div className="alert alert-error connection-banner">
          <p>
            <strong>Koneksi terputus — {pending} jawaban menunggu dikirim; jawaban Anda tetap tersimpan di perangkat ini.</strong>
          </p>
          <p>Lanjutkan mengerjakan soal. Jawaban dikirim otomatis begitu koneksi kembali.{lastFailure ? ` (${lastFailure})` : ''}</p>
        </div>
      ) : showRestored ? (
        <div className="alert alert-success connection-banner">
          <p>Koneksi tersambung kembali — semua jawaban telah terkirim dan tersimpan di server.</p>
        </div>
      ) : null}
    </div>
  );
}

function RejectedAnswers({ rejected, numberOf, onDismiss }: { rejected: readonly Rejection[]; numberOf: (questionId: string) => number | undefined; onDismiss: () => void }) {
  if (rejected.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>Jawaban berikut ditolak server dan tidak tersimpan:</strong>
      </p>
      <ul>
        {rejected.map((r) => (
          <li key={`${r.questionId}:${r.seq}`}>
            Soal {numberOf(r.questionId) ?? '?'}: {r.message}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-small button-secondary" onClick={onDismiss}>
        Tutup pesan
      </button>
    </div>
  );
}

function ActiveExam({ attemptId, state, receivedAt, onFinished }: { attemptId: string; state: AttemptState; receivedAt: number; onFinished: (timeUp: boolean) => void }) {
  const queryClient = useQueryClient();
  const paper = useMemo(() => state.paper ?? [], [state.paper]);
  const outbox = useMemo(() => new ExamOutbox(attemptId), [attemptId]);
  const [answers, setAnswers] = useState<AnswerMap>(() => mergeAnswers(mergeAnswers(new Map(), state.answers), outbox.pendingAnswers()));
  const answersRef = useRef(answers);
  answersRef.current = answers;
  const serverAnswersRef = useRef(state.answers);
  serverAnswersRef.current = state.answers;

  const sender = useMemo(
    () =>
      new ExamSender(outbox, (refused) => {
        // A refused click is not the answer: fall back to what the server holds, then reload it.
        setAnswers((current) => {
          const next = new Map(current);
          for (const r of refused) if (next.get(r.questionId)?.seq === r.seq) next.delete(r.questionId);
          return mergeAnswers(next, serverAnswersRef.current);
        });
        void queryClient.invalidateQueries({ queryKey: catExamKeys.state(attemptId) });
      }),
    [outbox, attemptId, queryClient],
  );
  const sync = useSyncExternalStore(sender.subscribe, sender.getSnapshot);
  useEffect(() => {
    sender.start();
    return () => sender.stop();
  }, [sender]);

  // Every load of the server's state (re-sync, reconnect) is merged: newer clicks stay.
  useEffect(() => {
    setAnswers((current) => mergeAnswers(current, state.answers));
  }, [state.answers]);

  // Focus loss and tab switches are recorded for the proctor.
  useEffect(() => {
    const onVisibility = () => sender.recordEvent(document.visibilityState === 'hidden' ? 'tab_hidden' : 'tab_visible');
    const onBlur = () => sender.recordEvent('focus_lost');
    const onFocus = () => sender.recordEvent('focus_back');
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('focus', onFocus);
    };
  }, [sender]);

  const remaining = useRemaining(state, receivedAt);
  const timeUp = remaining <= 0;
  useEffect(() => {
    if (!timeUp) return;
    void sender.flush().finally(() => onFinished(true));
  }, [timeUp, sender, onFinished]);

  const [warning, setWarning] = useState('');
  const warned = useRef(new Set<number>());
  useEffect(() => {
    const minutes = Math.ceil(remaining / 60_000);
    for (const mark of TIME_WARNINGS) {
      if (minutes <= mark && remaining > 0 && !warned.current.has(mark)) {
        // Marks already passed at load are not announced one after another.
        for (const m of TIME_WARNINGS) if (m >= mark) warned.current.add(m);
        setWarning(`Sisa waktu ${mark} menit.`);
      }
    }
  }, [remaining]);

  const [current, setCurrent] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const go = useCallback(
    (index: number) => {
      if (index < 0 || index >= paper.length) return;
      moved.current = true;
      setCurrent(index);
    },
    [paper.length],
  );
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [current]);

  const record = useCallback(
    (questionId: string, change: { optionId?: string | null; flagged?: boolean }) => {
      if (timeUp) return;
      const known = answersRef.current.get(questionId);
      let floor = 0;
      for (const a of answersRef.current.values()) floor = Math.max(floor, a.seq);
      const answer: QueuedAnswer = {
        questionId,
        optionId: change.optionId !== undefined ? change.optionId : (known?.optionId ?? null),
        flagged: change.flagged ?? known?.flagged ?? false,
        seq: outbox.nextSeq(floor),
      };
      const next = new Map(answersRef.current).set(questionId, answer);
      answersRef.current = next;
      setAnswers(next);
      sender.recordAnswer(answer);
    },
    [timeUp, outbox, sender],
  );

  const question = paper[current];
  const currentAnswer = question ? answers.get(question.questionId) : undefined;

  // Keyboard: 1–5 or A–E choose, ←/→ move, F flags. Not while typing or while a dialog is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || !question) return;
      if (document.querySelector('dialog[open]')) return;
      const target = event.target as HTMLElement | null;
      if (target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox') return;
      if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target?.isContentEditable) return;
      const key = event.key.toLowerCase();
      if (key === 'arrowleft' || key === 'arrowright') {
        event.preventDefault();
        go(current + (key === 'arrowleft' ? -1 : 1));
        return;
      }
      if (key === 'f') {
        event.preventDefault();
        record(question.questionId, { flagged: !(answersRef.current.get(question.questionId)?.flagged ?? false) });
        return;
      }
      const index = /^[1-9]$/.test(key) ? Number(key) - 1 : /^[a-h]$/.test(key) ? key.charCodeAt(0) - 97 : -1;
      const option = index >= 0 ? question.options[index] : undefined;
      if (option) {
        event.preventDefault();
        record(question.questionId, { optionId: option.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [question, current, go, record]);

  const pendingIds = useMemo(() => new Set(sync.pending.map((p) => p.questionId)), [sync.pending]);
  const gridStates = useMemo(
    () =>
      paper.map((q) => {
        const a = answers.get(q.questionId);
        return { answered: Boolean(a?.optionId), flagged: Boolean(a?.flagged), pending: pendingIds.has(q.questionId) };
      }),
    [paper, answers, pendingIds],
  );
  const answeredCount = gridStates.filter((s) => s.answered).length;
  const flaggedCount = gridStates.filter((s) => s.flagged).length;
  const unanswered = paper.length - answeredCount;
  const numberOf = (questionId: string) => paper.find((q) => q.questionId === questionId)?.number;

  const [large, setLarge] = useLargeText();
  const [confirming, setConfirming] = useState(false);
  const finish = useMutation({
    mutationFn: async () => {
      await sender.drain();
      return catExamApi.finish(attemptId);
    },
    onSuccess: (data) => {
      sender.stop();
      if (outbox.pendingAnswers().length === 0) outbox.clear();
      queryClient.setQueryData(catExamKeys.result(attemptId), data);
      void queryClient.invalidateQueries({ queryKey: catExamKeys.myAttempts });
      onFinished(false);
    },
  });

  if (!question) return <Notice kind="error">Naskah soal Anda kosong. Hubungi pengawas.</Notice>;
  const pending = pendingIds.has(question.questionId);
  const optionName = `soal-${question.questionId}`;

  return (
    <div className={`exam${large ? ' exam-large' : ''}`}>
      <div className="exam-bar">
        <p className="exam-clock">
          <span className="exam-clock-label">Sisa waktu</span>{' '}
          <strong className={remaining < 5 * 60_000 ? 'exam-clock-urgent' : undefined}>
            <time>{clockText(remaining)}</time>
          </strong>
        </p>
        <p className="exam-progress">
          {answeredCount} dari {paper.length} dijawab · {flaggedCount} ditandai
        </p>
        <label className="checkbox exam-large-toggle">
          <input type="checkbox" checked={large} onChange={(event) => setLarge(event.target.checked)} />
          <span>Huruf besar</span>
        </label>
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          Selesai ujian
        </button>
      </div>
      <p className="visually-hidden" aria-live="assertive">
        {warning}
      </p>
      <ConnectionBanner pending={sync.pending.length} disconnected={sync.disconnected} restoredAt={sync.restoredAt} lastFailure={sync.lastFailure} />
      <RejectedAnswers rejected={sync.rejected} numberOf={numberOf} onDismiss={() => sender.dismissRejections()} />

      <div className="exam-layout">
        <section className="exam-question card" aria-labelledby="judul-soal">
          <h2 id="judul-soal" tabIndex={-1} ref={headingRef}>
            Soal {question.number} dari {paper.length}
            <span className="muted exam-subtest"> · {subtestLabel(question.subtest)}</span>
          </h2>
          <fieldset className="exam-options">
            <legend className="exam-stem">{question.stem}</legend>
            {question.imageFileId ? (
              <img className="exam-image" src={`/api/cat/attempts/${attemptId}/images/${question.imageFileId}`} alt={`Gambar soal nomor ${question.number}`} />
            ) : null}
            {question.options.map((option, index) => (
              <label key={option.id} className={`exam-option${currentAnswer?.optionId === option.id ? ' is-chosen' : ''}`}>
                <input type="radio" name={optionName} value={option.id} checked={currentAnswer?.optionId === option.id} disabled={timeUp} onChange={() => record(question.questionId, { optionId: option.id })} />
                <span className="exam-option-letter" aria-hidden="true">
                  {OPTION_LETTERS[index]}
                </span>
                <span className="exam-option-text">
                  <span className="visually-hidden">{OPTION_LETTERS[index]}. </span>
                  {option.text}
                  {option.imageFileId ? <img className="exam-image" src={`/api/cat/attempts/${attemptId}/images/${option.imageFileId}`} alt={`Gambar pilihan ${index + 1}`} /> : null}
                </span>
              </label>
            ))}
          </fieldset>
          <p className="exam-save-state muted small">
            {!currentAnswer?.optionId ? 'Belum dijawab.' : pending ? 'Jawaban tersimpan di perangkat ini, menunggu dikirim ke server.' : 'Jawaban tersimpan di server.'}
            {currentAnswer?.flagged ? ' Ditandai ragu-ragu.' : ''}
          </p>
          <div className="row-actions exam-nav">
            <button type="button" className="button button-secondary" onClick={() => go(current - 1)} disabled={current === 0}>
              ← Sebelumnya
            </button>
            <button type="button" className="button button-secondary" aria-pressed={Boolean(currentAnswer?.flagged)} disabled={timeUp} onClick={() => record(question.questionId, { flagged: !currentAnswer?.flagged })}>
              ⚑ Ragu-ragu
            </button>
            {currentAnswer?.optionId ? (
              <button type="button" className="button button-secondary" disabled={timeUp} onClick={() => record(question.questionId, { optionId: null })}>
                Kosongkan jawaban
              </button>
            ) : null}
            <button type="button" className="button" onClick={() => go(current + 1)} disabled={current === paper.length - 1}>
              Berikutnya →
            </button>
          </div>
          <p className="muted small exam-keys">
            Papan ketik: <kbd>1</kbd>–<kbd>{Math.min(question.options.length, 9)}</kbd> atau <kbd>A</kbd>–<kbd>{OPTION_LETTERS[question.options.length - 1]}</kbd> memilih jawaban, <kbd>←</kbd>/<kbd>→</kbd> soal
            sebelumnya/berikutnya, <kbd>F</kbd> tandai ragu-ragu.
          </p>
        </section>
        <QuestionGrid paper={paper} current={current} states={gridStates} onJump={go} />
      </div>

      <ConfirmDialog
        open={confirming}
        title="Selesaikan ujian?"
        confirmLabel={finish.isPending ? 'Menyelesaikan…' : 'Ya, selesaikan ujian'}
        busy={finish.isPending}
        onConfirm={() => finish.mutate()}
        onCancel={() => {
          finish.reset();
          setConfirming(false);
        }}
      >
        <ul>
          <li>
            <strong>{unanswered}</strong> soal belum dijawab
          </li>
          <li>
            <strong>{flaggedCount}</strong> soal ditandai ragu-ragu
          </li>
          {sync.pending.length > 0 ? (
            <li>
              <strong>{sync.pending.length}</strong> jawaban belum terkirim; dikirim lebih dulu sebelum ujian diselesaikan
            </li>
          ) : null}
        </ul>
        <p>Setelah diselesaikan, jawaban tidak dapat diubah dan nilai Anda langsung tampil.</p>
        {finish.error ? finish.error instanceof Error && !isApiError(finish.error) ? <Notice kind="error">{finish.error.message}</Notice> : <FormErrors error={finish.error} /> : null}
      </ConfirmDialog>
    </div>
  );
}

function Exam({ attemptId }: { attemptId: string }) {
  const state = useQuery({
    queryKey: catExamKeys.state(attemptId),
    queryFn: () => catExamApi.state(attemptId),
    refetchInterval: RESYNC_MS,
    retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 3,
  });
  const [closed, setClosed] = useState<{ timeUp: boolean } | null>(null);
  const onFinished = useCallback((timeUp: boolean) => setClosed({ timeUp }), []);

  if (closed) return <ResultView attemptId={attemptId} timeUp={closed.timeUp} />;
  if (state.isPending) {
    return (
      <>
        <PageTitle>Ujian CAT</PageTitle>
        <Loading label="Memuat naskah soal…" />
      </>
    );
  }
  if (state.isError && !state.data) {
    return (
      <>
        <PageTitle>Ujian CAT</PageTitle>
        <ErrorState error={state.error} onRetry={() => void state.refetch()} />
        <p>
          <Link to={examPaths.list}>Kembali ke daftar ujian untuk memasukkan PIN sesi</Link>
        </p>
      </>
    );
  }
  const data = state.data!;
  if (data.attempt.status === 'finished') return <ResultView attemptId={attemptId} />;
  if (data.attempt.status !== 'active' || !data.paper) {
    return (
      <>
        <PageTitle>Ujian CAT</PageTitle>
        <Notice kind="info">{data.attempt.status === 'absent' ? 'Anda tercatat tidak hadir pada sesi ini.' : 'Ujian ini belum dimulai.'}</Notice>
        <p>
          <Link to={examPaths.list}>Kembali ke daftar ujian</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageTitle title="Ujian CAT sedang berlangsung">Ujian CAT</PageTitle>
      <ActiveExam attemptId={attemptId} state={data} receivedAt={state.dataUpdatedAt} onFinished={onFinished} />
    </>
  );
}

export function ExamPage() {
  const { attemptId = '' } = useParams();
  return <RequireAuth allow={(me) => hasRole(me, 'pelamar')}>{() => <Exam attemptId={attemptId} />}</RequireAuth>;
}
