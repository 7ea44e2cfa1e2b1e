import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SANGGAH_LIMITS } from '../../../../core/sanggah';
import { useAgencyDetail } from '../../api/queries';
import { sanggahApi, verificationKeys, type SanggahDetail } from '../../api/verification';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PageTitle } from '../../components/PageTitle';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { paths, verificationAccess } from '../verification/access';
import { StatusTag } from '../verification/shared';
import { SanggahStatusTag } from './shared';
import '../verification/verification.css';

function AnswerForm({ agencyId, detail }: { agencyId: string; detail: SanggahDetail }) {
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [choice, setChoice] = useState<'accept' | 'reject' | null>(null);
  const answerMutation = useMutation({
    mutationFn: (accept: boolean) => (accept ? sanggahApi.accept(agencyId, detail.sanggah.id, answer.trim()) : sanggahApi.reject(agencyId, detail.sanggah.id, answer.trim())),
    onSuccess: (result) => {
      queryClient.setQueryData(verificationKeys.sanggah(agencyId, detail.sanggah.id), result.detail);
      void queryClient.invalidateQueries({ queryKey: verificationKeys.sanggahAll(agencyId) });
      void queryClient.invalidateQueries({ queryKey: verificationKeys.results(agencyId) });
    },
  });
  const tooShort = choice === 'reject' && answer.trim().length < SANGGAH_LIMITS.answerMin;
  return (
    <section className="card panel" aria-labelledby="judul-jawab">
      <h2 id="judul-jawab">Jawab sanggah</h2>
      <FormErrors error={answerMutation.error} labels={{ answer: 'Jawaban' }} />
      <fieldset className="field">
        <legend>Keputusan panitia</legend>
        <div className="choice-row">
          <label className="choice">
            <input type="radio" name="keputusan-sanggah" checked={choice === 'accept'} onChange={() => setChoice('accept')} />
            Terima — persyaratan yang disanggah menjadi MS
          </label>
          <label className="choice">
            <input type="radio" name="keputusan-sanggah" checked={choice === 'reject'} onChange={() => setChoice('reject')} />
            Tolak — hasil tetap TMS
          </label>
        </div>
      </fieldset>
      <TextAreaField
        label={choice === 'reject' ? 'Jawaban penolakan' : 'Jawaban untuk pelamar'}
        required={choice === 'reject'}
        hint={choice === 'reject' ? `Jelaskan mengapa sanggah ditolak (minimal ${SANGGAH_LIMITS.answerMin} karakter). Pelamar dan pengawas membaca jawaban ini.` : 'Opsional untuk penerimaan; pelamar dan pengawas membaca jawaban ini.'}
        rows={4}
        maxLength={SANGGAH_LIMITS.answerMax}
        value={answer}
        onValueChange={setAnswer}
        error={fieldError(answerMutation.error, 'answer')}
      />
      <button type="button" className={`button${choice === 'reject' ? ' button-danger' : ''}`} disabled={!choice || tooShort || answerMutation.isPending} onClick={() => answerMutation.mutate(choice === 'accept')}>
        {answerMutation.isPending ? 'Menyimpan…' : choice === 'reject' ? 'Tolak sanggah' : choice === 'accept' ? 'Terima sanggah' : 'Pilih keputusan terlebih dahulu'}
      </button>
    </section>
  );
}

function SanggahView({ agencyId, sanggahId }: { agencyId: string; sanggahId: string }) {
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const detail = useQuery({ queryKey: verificationKeys.sanggah(agencyId, sanggahId), queryFn: async () => (await sanggahApi.get(agencyId, sanggahId)).detail });
  if (detail.isPending) return <Loading label="Memuat sanggah…" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { sanggah, checklist, can } = detail.data;
  const pointed = new Set(sanggah.requirements.map((r) => r.key));
  return (
    <div className="verifikasi">
      <p className="breadcrumb">
        <Link to={paths.desk(agencyId)}>‹ Meja sanggah</Link>
      </p>
      <PageTitle title={`Sanggah ${sanggah.application.registrationNumber ?? ''} — ${agencyName ?? ''}`}>
        Sanggah {sanggah.application.registrationNumber}
        <span className="subtitle">
          {sanggah.application.applicantName} · {sanggah.application.formasi}
        </span>
      </PageTitle>
      {sanggah.status !== 'diajukan' ? (
        <Notice kind={sanggah.status === 'diterima' ? 'success' : 'info'}>
          Sanggah {sanggah.status === 'diterima' ? 'diterima' : 'ditolak'} oleh {sanggah.answeredBy?.name}, <DateTime value={sanggah.answeredAt} timeZone={timezone} />.
        </Notice>
      ) : null}
      <dl className="facts">
        <dt>Seleksi</dt>
        <dd>{sanggah.selection.name}</dd>
        <dt>Diajukan</dt>
        <dd>
          <DateTime value={sanggah.createdAt} timeZone={timezone} />
          {sanggah.objectionClosesAt ? (
            <>
              {' '}
              (masa sanggah sampai <DateTime value={sanggah.objectionClosesAt} timeZone={timezone} />)
            </>
          ) : null}
        </dd>
        <dt>Status sanggah</dt>
        <dd>
          <SanggahStatusTag status={sanggah.status} />
        </dd>
        <dt>Status pendaftaran</dt>
        <dd>
          <StatusTag status={sanggah.application.status} />
        </dd>
        <dt>Persyaratan disanggah</dt>
        <dd>{sanggah.requirements.map((r) => r.label).join(', ')}</dd>
      </dl>
      <h2>Alasan pelamar</h2>
      <p className="quote">{sanggah.reason}</p>
      {sanggah.answer ? (
        <>
          <h2>Jawaban panitia</h2>
          <p className="quote">{sanggah.answer}</p>
        </>
      ) : null}
      <div className="table-wrap" role="region" aria-labelledby="judul-periksa-sanggah" tabIndex={0}>
        <table>
          <caption id="judul-periksa-sanggah">Hasil pemeriksaan persyaratan</caption>
          <thead>
            <tr>
              <th scope="col">Persyaratan</th>
              <th scope="col">Hasil</th>
              <th scope="col">Alasan dan keterangan</th>
              <th scope="col">Verifikator</th>
            </tr>
          </thead>
          <tbody>
            {checklist.map((item) => (
              <tr key={item.key} aria-current={pointed.has(item.key) ? 'true' : undefined}>
                <th scope="row">
                  {item.label}
                  {pointed.has(item.key) ? <span className="tag tag-submitted">disanggah</span> : null}
                </th>
                <td>{item.result ? <span className={`tag tag-${item.result.toLowerCase()}`}>{item.result}</span> : '—'}</td>
                <td className="summary">
                  {item.reasonLabel}
                  {item.reasonLabel && item.reasonText ? ' — ' : ''}
                  {item.reasonText}
                </td>
                <td>{item.verifier ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={paths.workspace(agencyId, sanggah.application.id)}>Buka dokumen dan rincian verifikasi pendaftaran ini</Link>
      </p>
      {can.answer ? <AnswerForm agencyId={agencyId} detail={detail.data} /> : null}
    </div>
  );
}

export function SanggahPage() {
  const { agencyId = '', sanggahId = '' } = useParams();
  return (
    <RequireAuth allow={(me) => verificationAccess.results(me, agencyId)}>{() => <SanggahView key={`${agencyId}/${sanggahId}`} agencyId={agencyId} sanggahId={sanggahId} />}</RequireAuth>
  );
}
