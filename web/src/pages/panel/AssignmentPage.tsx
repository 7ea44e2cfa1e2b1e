import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { assessorTotal, displayTotal, scoreIssues } from '../../../../core/panel-scoring';
import { panelApi, panelKeys, REASON_MIN, type MyAssignmentDetail } from '../../api/panel-scores';
import { useAgencyDetail } from '../../api/queries';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import type { AgencyTimezone } from '../../api/types';
import { panelAccess, panelPaths } from './access';
import { assignmentState, formatScore } from './shared';
import './panel.css';

type Detail = MyAssignmentDetail;

/** Asks for a reason of at least REASON_MIN characters before sending; used for a conflict and for an absence. */
function ReasonAction({ label, confirmLabel, fieldLabel, intro, pending, error, onSend, danger = false }: {
  label: string;
  confirmLabel: string;
  fieldLabel: string;
  intro: string;
  pending: boolean;
  error: unknown;
  onSend: (reason: string) => void;
  danger?: boolean;
}) {
  const [reason, setReason] = useState('');
  return (
    <ConfirmButton
      label={label}
      triggerClassName={`button ${danger ? 'button-danger' : 'button-secondary'}`}
      groupLabel={label}
      explanation={intro}
      confirmLabel={confirmLabel}
      pendingLabel="Mengirim…"
      onConfirm={() => onSend(reason.trim())}
      pending={pending}
      error={error}
      danger={danger}
      ready={reason.trim().length >= REASON_MIN}
    >
      <TextAreaField label={fieldLabel} rows={3} maxLength={1000} required value={reason} onValueChange={setReason} hint={`Minimal ${REASON_MIN} karakter.`} />
    </ConfirmButton>
  );
}

function Declaration({ agencyId, detail, timezone, onDone }: { agencyId: string; detail: Detail; timezone: AgencyTimezone; onDone: (data: Detail, message: string) => void }) {
  const { assignment } = detail;
  const noConflict = useMutation({ mutationFn: () => panelApi.declare(agencyId, assignment.id, { conflict: false }), onSuccess: (data) => onDone(data, 'Pernyataan tersimpan. Silakan menilai.') });
  const conflict = useMutation({
    mutationFn: (reason: string) => panelApi.declare(agencyId, assignment.id, { conflict: true, reason }),
    onSuccess: (data) => onDone(data, 'Konflik kepentingan tercatat. Panitia akan menetapkan penguji pengganti.'),
  });
  return (
    <section aria-labelledby="judul-pernyataan" className="card">
      <h2 id="judul-pernyataan">1. Pernyataan konflik kepentingan</h2>
      {assignment.status === 'conflict' ? (
        <p>
          Anda menyatakan memiliki konflik kepentingan dengan peserta ini: <em>{assignment.conflictReason}</em>. Anda tidak menilai peserta ini; panitia menetapkan penguji pengganti.
        </p>
      ) : assignment.declaredAt ? (
        <p>
          Anda menyatakan tidak ada konflik kepentingan dengan peserta ini pada <DateTime value={assignment.declaredAt} timeZone={timezone} />.
        </p>
      ) : detail.can.declare ? (
        <>
          <p>
            Konflik kepentingan antara lain: hubungan keluarga atau perkawinan, hubungan atasan–bawahan langsung, hubungan bisnis, atau hal lain yang dapat memengaruhi objektivitas Anda terhadap peserta ini.
          </p>
          <FormErrors error={noConflict.error} />
          <div className="actions">
            <button type="button" className="button" disabled={noConflict.isPending} onClick={() => noConflict.mutate()}>
              {noConflict.isPending ? 'Menyimpan…' : 'Saya menyatakan tidak ada konflik kepentingan'}
            </button>
            <ReasonAction
              label="Saya memiliki konflik kepentingan"
              confirmLabel="Nyatakan konflik kepentingan"
              fieldLabel="Uraian konflik kepentingan"
              intro="Anda akan dikeluarkan dari penilaian peserta ini dan panitia diberi tahu untuk menetapkan pengganti. Pernyataan ini tidak dapat dibatalkan."
              pending={conflict.isPending}
              error={conflict.error}
              onSend={(reason) => conflict.mutate(reason)}
              danger
            />
          </div>
        </>
      ) : (
        <p>Pernyataan tidak dapat dibuat lagi karena nilai komponen ini sudah dikunci.</p>
      )}
    </section>
  );
}

function ScoreForm({ agencyId, detail, onDone }: { agencyId: string; detail: Detail; onDone: (data: Detail, message: string) => void }) {
  const previous = detail.assignment.score?.scores ?? {};
  const [scores, setScores] = useState<Record<string, number>>(previous);
  const [note, setNote] = useState(detail.assignment.score?.note ?? '');
  const [reviewing, setReviewing] = useState(false);
  const rubric = detail.rubric;
  const complete = scoreIssues(rubric, scores).length === 0;
  const total = complete ? displayTotal(assessorTotal(rubric, scores)) : null;
  const missing = rubric.criteria.filter((criterion) => scores[criterion.key] === undefined).length;
  const submit = useMutation({ mutationFn: () => panelApi.score(agencyId, detail.assignment.id, scores, note.trim()), onSuccess: (data) => onDone(data, 'Nilai Anda terkirim.') });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (complete) setReviewing(true);
      }}
      aria-describedby="petunjuk-nilai"
    >
      <p id="petunjuk-nilai">
        Pilih satu tingkat untuk setiap kriteria. Total Anda = jumlah (bobot × tingkat) ÷ 100, pada skala {detail.min}–{detail.max}.
      </p>
      {rubric.criteria.map((criterion) => (
        <fieldset key={criterion.key} className="criterion">
          <legend>
            {criterion.name} <span className="muted">(bobot {criterion.weight.toLocaleString('id-ID')}%)</span>
          </legend>
          {criterion.description ? <p className="hint">{criterion.description}</p> : null}
          <div className="level-options">
            {rubric.levels.map((level) => (
              <label key={level.value} className="level-option">
                <input
                  type="radio"
                  name={`kriteria-${criterion.key}`}
                  value={level.value}
                  checked={scores[criterion.key] === level.value}
                  onChange={() => {
                    setReviewing(false);
                    setScores((current) => ({ ...current, [criterion.key]: level.value }));
                  }}
                />
                <span>
                  <strong>
                    {level.value} — {level.label}
                  </strong>
                  {criterion.levelDescriptors[String(level.value)] ?? level.descriptor}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <TextAreaField label="Catatan penilaian (opsional)" rows={3} maxLength={2000} value={note} onValueChange={setNote} hint="Alasan singkat atau bukti perilaku yang Anda amati; dibaca panitia dan pengawas." />
      <div className="score-total">
        <p aria-live="polite">
          {complete ? (
            <>
              Total Anda: <strong>{formatScore(total)}</strong> dari {formatScore(detail.max)}
            </>
          ) : (
            `${missing} kriteria belum dinilai`
          )}
        </p>
        <button type="submit" className="button" disabled={!complete}>
          Periksa dan kirim
        </button>
      </div>
      {reviewing ? (
        <div className="alert alert-info" role="group" aria-label="Konfirmasi pengiriman nilai">
          <FormErrors error={submit.error} />
          <p>
            Kirim total <strong>{formatScore(total)}</strong> untuk {detail.assignment.candidate.name}? Setelah dikirim, nilai hanya dapat diubah bila panitia membukanya kembali melalui moderasi.
          </p>
          <div className="actions">
            <button type="button" className="button" disabled={submit.isPending} onClick={() => submit.mutate()}>
              {submit.isPending ? 'Mengirim…' : 'Kirim nilai'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setReviewing(false)}>
              Periksa lagi
            </button>
          </div>
        </div>
      ) : null}
    </form>
  );
}

function SubmittedScores({ detail, timezone }: { detail: Detail; timezone: AgencyTimezone }) {
  const score = detail.assignment.score!;
  const label = (value: number) => detail.rubric.levels.find((level) => level.value === value)?.label ?? '';
  return (
    <>
      <p>
        Terkirim <DateTime value={score.submittedAt} timeZone={timezone} />
        {score.submissions > 1 ? ` (pengiriman ke-${score.submissions})` : ''}. Total Anda: <strong>{formatScore(score.total)}</strong> dari {formatScore(detail.max)}.
      </p>
      <div className="table-wrap" role="region" aria-labelledby="cap-nilai-saya" tabIndex={0}>
        <table>
          <caption id="cap-nilai-saya">Nilai Anda per kriteria</caption>
          <thead>
            <tr>
              <th scope="col">Kriteria</th>
              <th scope="col">Bobot</th>
              <th scope="col">Tingkat</th>
            </tr>
          </thead>
          <tbody>
            {detail.rubric.criteria.map((criterion) => (
              <tr key={criterion.key}>
                <th scope="row">{criterion.name}</th>
                <td>{criterion.weight.toLocaleString('id-ID')}%</td>
                <td>
                  {score.scores[criterion.key]} — {label(score.scores[criterion.key]!)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {score.note ? <p>Catatan: {score.note}</p> : null}
    </>
  );
}

function Others({ detail }: { detail: Detail }) {
  if (detail.others === null) {
    return <p>Nilai penguji lain untuk peserta ini tampil setelah Anda mengirim nilai Anda sendiri.</p>;
  }
  if (detail.others.length === 0) return <p>Tidak ada penguji lain untuk peserta ini.</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="cap-nilai-lain" tabIndex={0}>
      <table>
        <caption id="cap-nilai-lain">Nilai penguji lain</caption>
        <thead>
          <tr>
            <th scope="col">Penguji</th>
            <th scope="col">Status</th>
            {detail.rubric.criteria.map((criterion) => (
              <th key={criterion.key} scope="col">
                {criterion.name}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {detail.others.map((other, index) => (
            <tr key={`${other.assessorName}-${index}`}>
              <th scope="row">{other.assessorName}</th>
              <td>{other.status === 'submitted' ? 'Terkirim' : other.status === 'reopened' ? 'Sedang ditinjau' : 'Belum mengirim'}</td>
              {detail.rubric.criteria.map((criterion) => (
                <td key={criterion.key}>{other.scores?.[criterion.key] ?? '—'}</td>
              ))}
              <td>{formatScore(other.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Assignment({ agencyId, assignmentId }: { agencyId: string; assignmentId: string }) {
  const queryClient = useQueryClient();
  const { timezone } = useAgencyDetail(agencyId);
  const [message, setMessage] = useState<string | null>(null);
  const key = panelKeys.myAssignment(agencyId, assignmentId);
  const detail = useQuery({ queryKey: key, queryFn: () => panelApi.myAssignment(agencyId, assignmentId) });
  const onDone = (data: Detail, text: string) => {
    queryClient.setQueryData(key, data);
    void queryClient.invalidateQueries({ queryKey: panelKeys.mine(agencyId), exact: true });
    setMessage(text);
  };
  const absent = useMutation({
    mutationFn: (reason: string) => panelApi.absence(agencyId, detail.data!.assignment.component.id, detail.data!.assignment.candidate.applicationId, true, reason),
    onSuccess: async () => {
      setMessage('Peserta ditandai tidak hadir.');
      await queryClient.invalidateQueries({ queryKey: panelKeys.mine(agencyId) });
    },
  });
  if (detail.isPending) return <Loading label="Memuat penugasan…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  const { assignment } = data;
  const state = assignmentState(assignment);
  return (
    <div className="panel-scores">
      <p className="breadcrumb">
        <Link to={panelPaths.workspace(agencyId)}>‹ Penilaian saya</Link>
      </p>
      <PageTitle title={`Penilaian ${assignment.candidate.name}`}>
        {assignment.candidate.name}
        <span className="subtitle">
          {assignment.component.name} — {assignment.component.selectionName}
        </span>
      </PageTitle>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <dl className="facts">
        <dt>Nomor pendaftaran</dt>
        <dd>{assignment.candidate.registrationNumber}</dd>
        <dt>Formasi</dt>
        <dd>{assignment.candidate.formasi}</dd>
        <dt>Tahap</dt>
        <dd>{assignment.component.stageName}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`tag ${state.tag}`}>{state.label}</span>
        </dd>
      </dl>
      {assignment.candidate.absent ? <Notice kind="info">Peserta ditandai tidak hadir{assignment.candidate.absentReason ? `: ${assignment.candidate.absentReason}` : ''}.</Notice> : null}
      <Declaration agencyId={agencyId} detail={data} timezone={timezone} onDone={onDone} />
      {assignment.status === 'active' ? (
        <section aria-labelledby="judul-penilaian" className="stack">
          <h2 id="judul-penilaian">2. Penilaian pada rubrik</h2>
          {assignment.score?.status === 'reopened' ? <Notice kind="info">Panitia membuka kembali nilai Anda untuk ditinjau (lihat notifikasi untuk alasannya). Periksa lalu kirim ulang.</Notice> : null}
          {data.can.score ? (
            <ScoreForm key={assignment.score?.submissions ?? 0} agencyId={agencyId} detail={data} onDone={onDone} />
          ) : assignment.score ? (
            <SubmittedScores detail={data} timezone={timezone} />
          ) : !assignment.declaredAt ? (
            <p>Isi pernyataan konflik kepentingan terlebih dahulu.</p>
          ) : (
            <p>Peserta ini tidak dapat dinilai saat ini.</p>
          )}
          {data.can.markAbsent ? (
            <ReasonAction
              label="Tandai peserta tidak hadir"
              confirmLabel="Tandai tidak hadir"
              fieldLabel="Keterangan ketidakhadiran"
              intro="Peserta yang tidak hadir tidak dinilai pada komponen ini. Hanya panitia yang dapat membatalkan tanda ini."
              pending={absent.isPending}
              error={absent.error}
              onSend={(reason) => absent.mutate(reason)}
            />
          ) : null}
          <h2>3. Nilai penguji lain</h2>
          <Others detail={data} />
        </section>
      ) : null}
    </div>
  );
}

export function AssignmentPage() {
  const { agencyId = '', assignmentId = '' } = useParams();
  return <RequireAuth allow={(me) => panelAccess.assess(me, agencyId)}>{() => <Assignment key={assignmentId} agencyId={agencyId} assignmentId={assignmentId} />}</RequireAuth>;
}
