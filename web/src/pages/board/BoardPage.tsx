import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { catExamApi, catExamKeys, type BoardScope, type LiveScore } from '../../api/cat-exam';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { sortSubtests } from '../exam/labels';
import './board.css';

/** How long a newly arrived score stays highlighted (and marked "Baru"). */
const FRESH_MS = 8000;
const MAX_RECONNECT_MS = 30_000;

type Connection = 'connecting' | 'connected' | 'reconnecting';

const CONNECTION_TEXT: Record<Connection, string> = {
  connecting: 'Menghubungkan…',
  connected: 'Terhubung — nilai baru tampil otomatis',
  reconnecting: 'Menyambung ulang… nilai yang masuk selama terputus akan dimuat',
};

const SCOPE_TEXT = { session: 'sesi ujian', selection: 'seleksi', venue: 'lokasi ujian' } as const;

/** Exactly one of ?sesi=, ?seleksi= or ?lokasi= (shareable, readable URLs). */
function scopeFrom(params: URLSearchParams): BoardScope | null {
  const given = [
    ['session', params.get('sesi')],
    ['selection', params.get('seleksi')],
    ['venue', params.get('lokasi')],
  ].filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (given.length !== 1) return null;
  const [kind, id] = given[0]!;
  return { [kind]: id } as BoardScope;
}

function scopeKind(scope: BoardScope): keyof typeof SCOPE_TEXT {
  return 'session' in scope ? 'session' : 'selection' in scope ? 'selection' : 'venue';
}

/**
 * Scores of one board: the snapshot, then every score the stream brings. The browser's EventSource
 * reconnects by itself (the server asks for 3 s); when it gives up (an HTTP error), we reconnect with
 * backoff. After every (re)connection the snapshot is loaded again to fill any gap.
 */
function useLiveBoard(scope: BoardScope) {
  const queryClient = useQueryClient();
  const snapshot = useQuery({ queryKey: catExamKeys.board(scope), queryFn: () => catExamApi.board(scope), retry: 1 });
  const [scores, setScores] = useState<ReadonlyMap<string, LiveScore>>(new Map());
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [connection, setConnection] = useState<Connection>('connecting');
  const [latest, setLatest] = useState<LiveScore | null>(null);
  const loadedOnce = useRef(false);

  const markFresh = useCallback((ids: string[]) => {
    if (ids.length === 0) return;
    setFresh((current) => new Set([...current, ...ids]));
    window.setTimeout(() => {
      setFresh((current) => {
        const next = new Set(current);
        for (const id of ids) next.delete(id);
        return next;
      });
    }, FRESH_MS);
  }, []);

  const scoresRef = useRef<ReadonlyMap<string, LiveScore>>(scores);
  const add = useCallback(
    (items: readonly LiveScore[], highlight: boolean) => {
      const current = scoresRef.current;
      const added: string[] = [];
      let next: Map<string, LiveScore> | null = null;
      for (const item of items) {
        const known = (next ?? current).get(item.attemptId);
        if (known && known.scoredAt >= item.scoredAt) continue;
        next ??= new Map(current);
        if (!known) added.push(item.attemptId);
        next.set(item.attemptId, item);
      }
      if (!next) return;
      scoresRef.current = next;
      setScores(next);
      if (highlight) markFresh(added);
    },
    [markFresh],
  );

  useEffect(() => {
    if (!snapshot.data) return;
    add(snapshot.data.items, loadedOnce.current);
    loadedOnce.current = true;
  }, [snapshot.data, add]);

  const url = catExamApi.boardStreamUrl(scope);
  const boardKey = JSON.stringify(catExamKeys.board(scope));
  useEffect(() => {
    let source: EventSource | null = null;
    let timer: number | undefined;
    let failures = 0;
    let opened = false;
    let stopped = false;
    const connect = () => {
      source = new EventSource(url);
      source.onopen = () => {
        setConnection('connected');
        failures = 0;
        // Reconnected: scores that came in while the stream was down are in the snapshot.
        if (opened) void queryClient.invalidateQueries({ queryKey: JSON.parse(boardKey) as unknown[] });
        opened = true;
      };
      source.addEventListener('score', (event) => {
        try {
          const score = JSON.parse((event as MessageEvent<string>).data) as LiveScore;
          add([score], true);
          setLatest(score);
        } catch {
          // a malformed message is skipped; the next snapshot brings the row
        }
      });
      source.onerror = () => {
        setConnection('reconnecting');
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          failures += 1;
          timer = window.setTimeout(connect, Math.min(MAX_RECONNECT_MS, 1000 * 2 ** failures));
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      source?.close();
    };
  }, [url, boardKey, queryClient, add]);

  const rows = useMemo(() => [...scores.values()].sort((a, b) => b.scoredAt.localeCompare(a.scoredAt) || a.registrationNumber.localeCompare(b.registrationNumber)), [scores]);
  return { snapshot, rows, fresh, connection, latest };
}

function Board({ scope }: { scope: BoardScope }) {
  const { snapshot, rows, fresh, connection, latest } = useLiveBoard(scope);
  const boardRef = useRef<HTMLDivElement>(null);
  const [fullScreen, setFullScreen] = useState(false);
  const [projector, setProjector] = useState(false);

  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement === boardRef.current && boardRef.current !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const toggleFullScreen = () => {
    if (fullScreen) {
      void document.exitFullscreen();
      return;
    }
    if (projector) {
      setProjector(false);
      return;
    }
    const element = boardRef.current;
    if (element?.requestFullscreen) {
      // Without the Fullscreen API (or when refused), the board fills the window instead.
      element.requestFullscreen().catch(() => setProjector(true));
    } else setProjector(true);
  };

  const subtests = useMemo(() => sortSubtests(rows.flatMap((row) => Object.keys(row.scores))), [rows]);
  const passed = rows.filter((row) => row.passed).length;
  const large = fullScreen || projector;

  return (
    <div ref={boardRef} className={`board${large ? ' board-large' : ''}${projector ? ' board-projector' : ''}`}>
      <div className="board-head">
        <p className={`board-connection board-${connection}`} role="status" aria-live="polite">
          <span className="board-dot" aria-hidden="true" /> {CONNECTION_TEXT[connection]}
        </p>
        <button type="button" className="button button-secondary" onClick={toggleFullScreen} aria-pressed={large}>
          {large ? 'Keluar dari layar penuh' : 'Layar penuh (proyektor)'}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {latest ? `Nilai baru: ${latest.name}, total ${latest.total}, ${latest.passed ? 'memenuhi' : 'tidak memenuhi'} nilai ambang batas.` : ''}
      </p>
      {snapshot.isPending ? (
        <Loading label="Memuat nilai…" />
      ) : snapshot.isError && rows.length === 0 ? (
        <ErrorState error={snapshot.error} onRetry={() => void snapshot.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>Belum ada nilai. Nilai tampil di sini begitu peserta menyelesaikan ujian.</EmptyState>
      ) : (
        <>
          <p className="board-summary">
            <strong>{rows.length}</strong> peserta sudah dinilai · <strong>{passed}</strong> memenuhi nilai ambang batas
          </p>
          <div className="table-wrap" role="region" aria-labelledby="judul-papan" tabIndex={0}>
            <table className="board-table">
              <caption id="judul-papan">Nilai peserta, terbaru di atas</caption>
              <thead>
                <tr>
                  <th scope="col">No. pendaftaran</th>
                  <th scope="col">Nama</th>
                  {subtests.map((subtest) => (
                    <th key={subtest} scope="col" className="num">
                      {subtest}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col">Hasil</th>
                  <th scope="col">Waktu</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const isNew = fresh.has(row.attemptId);
                  return (
                    <tr key={row.attemptId} className={isNew ? 'row-new' : undefined}>
                      <td className="nowrap">{row.registrationNumber}</td>
                      <th scope="row">
                        {row.name}
                        {isNew ? <span className="tag tag-new">Baru</span> : null}
                      </th>
                      {subtests.map((subtest) => (
                        <td key={subtest} className="num">
                          {row.scores[subtest] ?? '—'}
                        </td>
                      ))}
                      <td className="num">
                        <strong>{row.total}</strong>
                      </td>
                      <td>
                        <span className={`board-result ${row.passed ? 'board-pass' : 'board-fail'}`}>
                          <span aria-hidden="true">{row.passed ? '✔ ' : '✖ '}</span>
                          {row.passed ? 'Memenuhi' : 'Tidak memenuhi'}
                        </span>
                      </td>
                      <td className="nowrap">
                        <DateTime value={row.scoredAt} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

export function BoardPage() {
  const [params] = useSearchParams();
  const scope = scopeFrom(params);
  return (
    <>
      <PageTitle>Papan nilai CAT</PageTitle>
      {scope ? (
        <>
          <p className="lead">
            Nilai langsung per {SCOPE_TEXT[scopeKind(scope)]}: setiap nilai tampil begitu peserta selesai, dihitung server dengan kunci jawaban yang tidak pernah dikirim ke peserta. Kolom Hasil menyatakan apakah nilai
            ambang batas terpenuhi.
          </p>
          <Board key={JSON.stringify(scope)} scope={scope} />
        </>
      ) : (
        <>
          <p>Papan nilai dibuka dari tautan sesi, lokasi atau seleksi yang diumumkan panitia (mis. <code>/papan-nilai?sesi=…</code>).</p>
          <p>
            <Link to="/pengumuman">Lihat pengumuman seleksi</Link>
          </p>
        </>
      )}
    </>
  );
}
