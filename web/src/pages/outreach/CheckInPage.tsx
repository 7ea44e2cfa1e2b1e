import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { outreachApi, type CheckInResult } from '../../api/outreach';
import { useAgencyDetail } from '../../api/queries';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { formatDateTime } from '../../lib/time';
import { audienceLabel, canManageOutreach, staffEventPath } from './access';
import { AttendanceTable } from './EventPage';

// The Barcode Detection API is not in TypeScript's DOM library yet.
type DetectedBarcode = { rawValue: string };
type BarcodeDetectorLike = { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> };
type BarcodeDetectorConstructor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorConstructor | null {
  const candidate = (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  return candidate && typeof navigator.mediaDevices?.getUserMedia === 'function' ? candidate : null;
}

type Outcome = { kind: 'success'; result: CheckInResult } | { kind: 'error'; message: string };

/** Scans QR codes with the camera where the browser can (Barcode Detection API) and reports each value once. */
function CameraScanner({ onCode, paused }: { onCode: (value: string) => void; paused: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  const [active, setActive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const Detector = barcodeDetector();
  const pausedRef = useRef(paused);
  useEffect(() => {
    pausedRef.current = paused;
  }, [paused]);

  useEffect(() => {
    if (!active || !Detector) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    let last = '';
    const tick = async () => {
      if (stopped) return;
      const element = video.current;
      if (element && element.readyState >= 2 && !pausedRef.current) {
        try {
          const codes = await detector.detect(element);
          const value = codes[0]?.rawValue;
          if (value && value !== last) {
            last = value;
            onCode(value);
            window.setTimeout(() => {
              last = '';
            }, 3000);
          }
        } catch {
          // a frame that cannot be read: try the next one
        }
      }
      timer = window.setTimeout(() => void tick(), 250);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then((media) => {
        if (stopped) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        if (video.current) {
          video.current.srcObject = media;
          void video.current.play();
        }
        void tick();
      })
      .catch(() => {
        setProblem('Kamera tidak dapat dibuka. Izinkan akses kamera, atau ketik kode di bawah.');
        setActive(false);
      });
    return () => {
      stopped = true;
      if (timer) window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [active, Detector, onCode]);

  if (!Detector) {
    return <Notice kind="info">Pemindai kamera tidak tersedia di peramban ini. Ketik kode pada tiket atau tempel alamat dari QR di kolom di bawah.</Notice>;
  }
  return (
    <div className="scanner">
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      {active ? (
        <>
          <video ref={video} className="scanner-video" muted playsInline aria-label="Tampilan kamera untuk memindai QR tiket" />
          <button type="button" className="button button-secondary" onClick={() => setActive(false)}>
            Hentikan kamera
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setProblem(null);
            setActive(true);
          }}
        >
          Pindai QR dengan kamera
        </button>
      )}
    </div>
  );
}

function CheckIn({ agencyId, eventId }: { agencyId: string; eventId: string }) {
  const { timezone } = useAgencyDetail(agencyId);
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recent, setRecent] = useState<CheckInResult['registration'][]>([]);
  const input = useRef<HTMLInputElement>(null);
  const event = useQuery({ queryKey: ['outreach-event', agencyId, eventId], queryFn: () => outreachApi.get(agencyId, eventId) });
  const checkIn = useMutation({
    mutationFn: (value: string) => outreachApi.checkIn(agencyId, eventId, value),
    onSuccess: (result) => {
      setOutcome({ kind: 'success', result });
      setRecent((list) => [result.registration, ...list].slice(0, 10));
      setCode('');
      void queryClient.invalidateQueries({ queryKey: ['outreach-attendance', agencyId, eventId] });
      void queryClient.invalidateQueries({ queryKey: ['outreach-event', agencyId, eventId] });
      void queryClient.invalidateQueries({ queryKey: ['outreach-registrations', agencyId, eventId] });
    },
    onError: (error) => setOutcome({ kind: 'error', message: errorMessage(error) }),
    onSettled: () => input.current?.focus(),
  });
  const { mutate } = checkIn;
  const submit = useCallback(
    (value: string) => {
      if (value.trim()) mutate(value.trim());
    },
    [mutate],
  );

  if (event.isPending) return <Loading label="Memuat acara…" />;
  if (event.isError) return <ErrorState error={event.error} onRetry={() => void event.refetch()} />;
  const details = event.data.event;
  return (
    <>
      <p className="breadcrumb">
        <Link to={staffEventPath(agencyId, eventId)}>‹ Kembali ke acara</Link>
      </p>
      <PageTitle title={`Presensi — ${details.title}`}>
        Presensi
        <span className="subtitle">{details.title}</span>
      </PageTitle>
      {details.status !== 'published' ? <Notice kind="error">Acara ini {details.status === 'cancelled' ? 'dibatalkan' : 'belum diumumkan'}; presensi tidak dapat dicatat.</Notice> : null}

      <div className="checkin-result" aria-live="assertive" role="status">
        {outcome?.kind === 'success' ? (
          <div className="alert alert-success">
            <p>
              <strong>{outcome.result.registration.name}</strong> tercatat hadir
              {' '}({audienceLabel(outcome.result.registration.audience)}
              {outcome.result.registration.institution ? `, ${outcome.result.registration.institution}` : ''}) pada {formatDateTime(outcome.result.registration.checkedInAt, timezone)}.
            </p>
          </div>
        ) : outcome?.kind === 'error' ? (
          <div className="alert alert-error">
            <p>{outcome.message}</p>
          </div>
        ) : null}
      </div>

      <CameraScanner onCode={submit} paused={checkIn.isPending} />

      <form
        className="form"
        noValidate
        onSubmit={(submitEvent) => {
          submitEvent.preventDefault();
          submit(code);
        }}
      >
        <div className="field">
          <label htmlFor="kode-presensi">Kode presensi atau alamat dari QR</label>
          <div className="hint" id="kode-presensi-petunjuk">
            Contoh: ABCD-EFGH-JKMN-PQRS. Pemindai QR genggam dapat langsung mengetik ke kolom ini.
          </div>
          <input
            id="kode-presensi"
            ref={input}
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-describedby="kode-presensi-petunjuk"
            value={code}
            onChange={(changeEvent) => setCode(changeEvent.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={checkIn.isPending || !code.trim()}>
          {checkIn.isPending ? 'Mencatat…' : 'Catat kehadiran'}
        </button>
      </form>

      <section aria-labelledby="judul-angka-presensi">
        <h2 id="judul-angka-presensi">Angka kehadiran</h2>
        <AttendanceTable agencyId={agencyId} eventId={eventId} />
      </section>

      {recent.length > 0 ? (
        <section aria-labelledby="judul-baru-hadir">
          <h2 id="judul-baru-hadir">Baru saja hadir</h2>
          <ul className="link-list">
            {recent.map((person) => (
              <li key={person.id}>
                {person.name} — {audienceLabel(person.audience)}, {formatDateTime(person.checkedInAt, timezone)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function CheckInPage() {
  const { agencyId = '', eventId = '' } = useParams();
  return <RequireAuth allow={(me) => canManageOutreach(me, agencyId)}>{() => <CheckIn key={eventId} agencyId={agencyId} eventId={eventId} />}</RequireAuth>;
}
