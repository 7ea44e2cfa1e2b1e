import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { catExamApi, catExamKeys, examPaths } from '../../api/cat-exam';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { sortSubtests, subtestLabel } from './labels';

const RESULT_POLL_MS = 2000;

/**
 * The participant's score right after the attempt closes: per subtest, total, whether the pass
 * marks were met and why not, and the answer-sheet hash published with the score. When the time
 * ran out the server closes and scores the attempt itself; this view waits for it.
 */
export function ResultView({ attemptId, timeUp = false }: { attemptId: string; timeUp?: boolean }) {
  const query = useQuery({
    queryKey: catExamKeys.result(attemptId),
    queryFn: () => catExamApi.result(attemptId),
    refetchInterval: (q) => (q.state.data?.result ? false : RESULT_POLL_MS),
  });
  const data = query.data;
  const result = data?.result ?? null;
  const subtests = result ? sortSubtests(Object.keys(result.scores)) : [];
  return (
    <>
      <p className="breadcrumb">
        <Link to={examPaths.list}>‹ Ujian CAT saya</Link>
      </p>
      <PageTitle>Hasil ujian CAT</PageTitle>
      {timeUp ? (
        <Notice kind="info">
          <strong>Waktu habis.</strong> Ujian Anda ditutup oleh server; semua jawaban yang sudah terkirim dinilai.
        </Notice>
      ) : null}
      {query.isPending ? (
        <Loading label="Memuat nilai…" />
      ) : query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : !result ? (
        <Loading label="Ujian sedang ditutup dan dinilai oleh server…" />
      ) : (
        <>
          <section className="card result-card" aria-labelledby="judul-nilai">
            <h2 id="judul-nilai">Nilai Anda</h2>
            <p className="muted">
              Nomor pendaftaran {result.registrationNumber} · dinilai <DateTime value={result.scoredAt} />
            </p>
            <div className="table-wrap" role="region" aria-labelledby="judul-tabel-nilai" tabIndex={0}>
              <table>
                <caption id="judul-tabel-nilai">Nilai per subtes</caption>
                <thead>
                  <tr>
                    <th scope="col">Subtes</th>
                    <th scope="col" className="num">
                      Nilai
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {subtests.map((subtest) => (
                    <tr key={subtest}>
                      <th scope="row">{subtestLabel(subtest)}</th>
                      <td className="num">{result.scores[subtest]}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Total</th>
                    <td className="num">
                      <strong>{result.total}</strong>
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
            <p className={`result-verdict ${result.passed ? 'result-pass' : 'result-fail'}`}>
              <strong>{result.passed ? 'Memenuhi nilai ambang batas' : 'Tidak memenuhi nilai ambang batas'}</strong>
            </p>
            {result.passReasons.length > 0 ? (
              <>
                <h3>Keterangan</h3>
                <ul>
                  {result.passReasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="fingerprint">
              <span className="fingerprint-label">Sidik lembar jawaban (SHA-256):</span>
              <code className="fingerprint-value">{result.answerSheetHash}</code>
            </p>
            <p className="muted small">
              Sidik ini dihitung dari seluruh jawaban Anda yang tersimpan dan dicatat dalam jejak audit; nilai tidak dapat diubah tanpa koreksi yang tercatat.
            </p>
          </section>
          {data?.attempt.sessionId ? (
            <p>
              <Link to={examPaths.board({ session: data.attempt.sessionId })}>Lihat papan nilai sesi ini</Link>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}

