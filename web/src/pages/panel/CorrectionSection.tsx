import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CORRECTION_REASON_MIN } from '../../../../core/cat-correction';
import { panelApi, panelKeys, type ComponentDetail } from '../../api/panel-scores';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { formatScore } from './shared';

/**
 * After locking, a component score changes only by an audited correction with a reason; the
 * locked score stays as the original. Observers read each candidate's history; the panel corrects.
 */
export function CorrectionSection({ agencyId, detail, timezone, canCorrect }: { agencyId: string; detail: ComponentDetail; timezone: AgencyTimezone; canCorrect: boolean }) {
  const { component } = detail;
  const queryClient = useQueryClient();
  const scored = detail.candidates.filter((candidate) => !candidate.absent && candidate.score !== null);
  const [applicationId, setApplicationId] = useState('');
  const [score, setScore] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const history = useQuery({
    queryKey: panelKeys.corrections(agencyId, component.id, applicationId),
    queryFn: () => panelApi.corrections(agencyId, component.id, applicationId),
    enabled: applicationId !== '',
  });
  const correct = useMutation({
    mutationFn: () => panelApi.correct(agencyId, component.id, applicationId, { score: Number(score.replace(',', '.')), reason }),
    onSuccess: ({ candidate }) => {
      setMessage(`Nilai dikoreksi menjadi ${formatScore(candidate.score)} (nilai asli ${formatScore(candidate.originalScore)} tetap tersimpan).`);
      setScore('');
      setReason('');
      void queryClient.invalidateQueries({ queryKey: panelKeys.all(agencyId) });
    },
  });
  if (component.status !== 'locked') return null;
  const numeric = score.trim() !== '' && Number.isFinite(Number(score.replace(',', '.')));
  const ready = applicationId !== '' && numeric && reason.trim().length >= CORRECTION_REASON_MIN;
  return (
    <section aria-labelledby="judul-koreksi">
      <h2 id="judul-koreksi">Koreksi nilai setelah dikunci</h2>
      <p className="hint">
        Nilai yang sudah dikunci hanya dapat diubah melalui koreksi beralasan oleh panitia. Nilai asli tetap tersimpan, setiap koreksi tercatat di jejak audit, dan nilai koreksi terakhir yang dipakai pada
        integrasi nilai.
      </p>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <SelectField
        label="Peserta"
        value={applicationId}
        options={[{ value: '', label: 'Pilih peserta…' }, ...scored.map((candidate) => ({ value: candidate.applicationId, label: `${candidate.name} — ${candidate.registrationNumber}` }))]}
        onValueChange={(value) => {
          setApplicationId(value);
          setMessage(null);
          correct.reset();
        }}
      />
      {applicationId === '' ? null : history.isPending ? (
        <Loading label="Memuat riwayat koreksi…" />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <p>
            Nilai asli (saat dikunci): <strong>{formatScore(history.data.candidate.originalScore)}</strong> · nilai yang berlaku: <strong>{formatScore(history.data.candidate.score)}</strong>
          </p>
          {history.data.candidate.corrections.length === 0 ? (
            <EmptyState>Belum pernah dikoreksi.</EmptyState>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="cap-koreksi" tabIndex={0}>
              <table>
                <caption id="cap-koreksi">Riwayat koreksi nilai peserta ini</caption>
                <thead>
                  <tr>
                    <th scope="col">Waktu</th>
                    <th scope="col">Dari</th>
                    <th scope="col">Menjadi</th>
                    <th scope="col">Alasan</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data.candidate.corrections.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <DateTime value={row.createdAt} timeZone={timezone} />
                      </td>
                      <td>{formatScore(row.previousScore)}</td>
                      <td>{formatScore(row.score)}</td>
                      <td>{row.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canCorrect ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (ready) correct.mutate();
              }}
            >
              <FormErrors error={correct.error} />
              <TextField
                label="Nilai koreksi"
                inputMode="decimal"
                required
                value={score}
                onValueChange={setScore}
                hint={`Antara ${component.min} dan ${component.max}, paling banyak dua desimal.`}
              />
              <TextAreaField label="Alasan koreksi" rows={3} maxLength={2000} required value={reason} onValueChange={setReason} hint={`Minimal ${CORRECTION_REASON_MIN} karakter, misalnya nomor berita acara.`} />
              <div className="actions">
                <button type="submit" className="button" disabled={!ready || correct.isPending}>
                  {correct.isPending ? 'Menyimpan…' : 'Simpan koreksi'}
                </button>
              </div>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
}
