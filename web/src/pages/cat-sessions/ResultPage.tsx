import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catKeys, catSessionsApi, type CatResultView } from '../../api/cat-sessions';
import { useAgencyDetail, useMe } from '../../api/queries';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { canManageCat, canReadCat } from './access';

const REASON_MIN = 20;

function ScoreTable({ caption, scores, total, passed }: { caption: string; scores: Record<string, number>; total: number; passed: boolean }) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {Object.keys(scores).map((subtest) => (
            <th key={subtest} scope="col">
              {subtest}
            </th>
          ))}
          <th scope="col">Total</th>
          <th scope="col">Keterangan</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          {Object.entries(scores).map(([subtest, points]) => (
            <td key={subtest}>{formatNumber(points)}</td>
          ))}
          <td>
            <strong>{formatNumber(total)}</strong>
          </td>
          <td>{passed ? 'Memenuhi nilai ambang batas' : 'Tidak memenuhi nilai ambang batas'}</td>
        </tr>
      </tbody>
    </table>
  );
}

/**
 * The audited correction of a CAT result: new points per subtest and a reason; the server checks
 * them against the blueprint, recomputes the total and the pass verdict, and keeps the first result.
 */
function CorrectionForm({ agencyId, result, onDone }: { agencyId: string; result: CatResultView; onDone: (message: string) => void }) {
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(result.scores).map(([subtest, points]) => [subtest, String(points)])));
  const [reason, setReason] = useState('');
  const correct = useMutation({
    mutationFn: () =>
      catSessionsApi.correctResult(agencyId, result.attemptId, {
        scores: Object.fromEntries(Object.entries(scores).map(([subtest, value]) => [subtest, value.trim() === '' ? Number.NaN : Number(value.trim())])),
        reason: reason.trim(),
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(catKeys.result(agencyId, result.attemptId), data);
      setReason('');
      onDone(`Nilai dikoreksi: total ${formatNumber(data.result.total)}. Hasil asli tetap tersimpan dan koreksi tercatat di jejak audit.`);
    },
  });
  const labels = Object.fromEntries([...Object.keys(result.scores).map((subtest) => [`scores.${subtest}`, `Nilai ${subtest}`]), ['reason', 'Alasan']]);
  return (
    <section aria-labelledby="judul-koreksi">
      <h2 id="judul-koreksi">Koreksi nilai</h2>
      <p>
        Hanya untuk kesalahan yang terbukti (mis. kunci jawaban soal yang dibatalkan, gangguan yang telah diperiksa). Nilai baru diperiksa terhadap kisi-kisi ujian; total dan kelulusan dihitung ulang oleh
        sistem.
      </p>
      <FormErrors error={correct.error} labels={labels} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          correct.mutate();
        }}
      >
        {Object.keys(result.scores).map((subtest) => (
          <TextField
            key={subtest}
            label={`Nilai ${subtest}`}
            name={`nilai-${subtest}`}
            inputMode="numeric"
            required
            autoComplete="off"
            value={scores[subtest] ?? ''}
            onValueChange={(value) => setScores((current) => ({ ...current, [subtest]: value }))}
            error={fieldError(correct.error, `scores.${subtest}`)}
          />
        ))}
        <TextAreaField
          label="Alasan koreksi"
          name="alasan"
          required
          rows={4}
          hint={`Minimal ${REASON_MIN} karakter. Alasan ini tampil di jejak audit dan bagi pengawas.`}
          value={reason}
          onValueChange={setReason}
          error={fieldError(correct.error, 'reason')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={correct.isPending}>
            {correct.isPending ? 'Menyimpan…' : 'Simpan koreksi'}
          </button>
        </div>
      </form>
    </section>
  );
}

function Result({ agencyId, attemptId }: { agencyId: string; attemptId: string }) {
  const me = useMe();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const [done, setDone] = useState<string | null>(null);
  const query = useQuery({ queryKey: catKeys.result(agencyId, attemptId), queryFn: () => catSessionsApi.result(agencyId, attemptId) });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { result } = query.data;
  const original = result.original;
  return (
    <>
      <AgencyHeading title={`Hasil CAT: ${result.participantName}`} agencyName={agencyName} />
      {done ? <Notice kind="success">{done}</Notice> : null}
      <dl className="facts">
        <dt>Nomor peserta</dt>
        <dd>{result.registrationNumber}</dd>
        <dt>Dinilai</dt>
        <dd>
          <DateTime value={result.scoredAt} timeZone={timezone} />
        </dd>
        <dt>Sidik lembar jawaban (SHA-256)</dt>
        <dd>
          <code className="hash">{result.answerSheetHash}</code>
        </dd>
        <dt>Sidik hasil (SHA-256)</dt>
        <dd>
          <code className="hash">{result.resultHash}</code>
        </dd>
      </dl>
      <ScoreTable caption={original ? 'Nilai setelah koreksi' : 'Nilai'} scores={result.scores} total={result.total} passed={result.passed} />
      {result.passReasons.length ? (
        <ul>
          {result.passReasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      {original?.scores ? (
        <ScoreTable caption="Hasil asli (sebelum koreksi, tetap disimpan)" scores={original.scores} total={original.total ?? 0} passed={original.passed ?? false} />
      ) : (
        <p className="muted">Hasil ini belum pernah dikoreksi.</p>
      )}
      {canManageCat(me.data, agencyId) ? <CorrectionForm agencyId={agencyId} result={result} onDone={setDone} /> : null}
    </>
  );
}

/** A participant's CAT result for the panel and observers, with the audited correction for the panel. */
export function CatResultPage() {
  const { agencyId = '', attemptId = '' } = useParams();
  return <RequireAuth allow={(me) => canReadCat(me, agencyId)}>{() => <Result key={attemptId} agencyId={agencyId} attemptId={attemptId} />}</RequireAuth>;
}
