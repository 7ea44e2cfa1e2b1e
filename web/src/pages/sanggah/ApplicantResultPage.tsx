import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SANGGAH_LIMITS } from '../../../../core/sanggah';
import type { AgencyTimezone } from '../../api/types';
import { sanggahApi, verificationKeys, type ApplicantResult } from '../../api/verification';
import { ConfirmPanel, useFocusAfterRender } from '../../components/ConfirmButton';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { isAgencyTimezone, DEFAULT_TIMEZONE } from '../../lib/time';
import { paths } from '../verification/access';
import { ApplicantApplicationPage, ApplicantObjectionSection, ApplicantResultHeading } from './shared';
import '../verification/verification.css';

const DECISION_TEXT = { ms: 'Memenuhi Syarat (MS)', tms: 'Tidak Memenuhi Syarat (TMS)' } as const;

function Decision({ decision }: { decision: 'ms' | 'tms' }) {
  return <span className={`result-badge ${decision}`}>{DECISION_TEXT[decision]}</span>;
}

function ObjectionForm({ result, timezone }: { result: ApplicantResult; timezone: AgencyTimezone }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [keys, setKeys] = useState<string[]>(result.reasons.length === 1 ? [result.reasons[0]!.key] : []);
  const [confirming, setConfirming] = useState(false);
  const submitId = useId();
  const focusAfterRender = useFocusAfterRender();
  const file = useMutation({
    mutationFn: () => sanggahApi.file(result.application.id, { reason: reason.trim(), requirementKeys: keys }),
    onSuccess: (data) => {
      setConfirming(false);
      queryClient.setQueryData(verificationKeys.applicantResult(result.application.id), data.result);
    },
    onError: () => setConfirming(false),
  });
  const length = reason.trim().length;
  const ready = keys.length > 0 && length >= SANGGAH_LIMITS.reasonMin && length <= SANGGAH_LIMITS.reasonMax;
  return (
    <section className="card panel" aria-labelledby="judul-form-sanggah">
      <h2 id="judul-form-sanggah">Ajukan sanggah</h2>
      <p>
        Sanggah dapat diajukan <strong>satu kali</strong> sampai <DateTime value={result.administrative?.objectionClosesAt} timeZone={timezone} />, tanpa mengunggah dokumen baru. Panitia memeriksa
        kembali dokumen yang sudah Anda unggah.
      </p>
      <FormErrors error={file.error} labels={{ reason: 'Alasan sanggah', requirementKeys: 'Persyaratan yang disanggah' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) setConfirming(true);
        }}
      >
        <fieldset className={`field checkbox-group${fieldError(file.error, 'requirementKeys') ? ' field-invalid' : ''}`}>
          <legend>
            Persyaratan yang Anda sanggah <span className="required">(wajib)</span>
          </legend>
          <div className="checkbox-list">
            {result.reasons.map((item) => (
              <label key={item.key} className="checkbox">
                <input
                  type="checkbox"
                  checked={keys.includes(item.key)}
                  onChange={(event) => setKeys((current) => (event.target.checked ? [...current, item.key] : current.filter((k) => k !== item.key)))}
                />
                <span>{item.label}</span>
              </label>
            ))}
          </div>
          {fieldError(file.error, 'requirementKeys') ? <p className="field-error">{fieldError(file.error, 'requirementKeys')}</p> : null}
        </fieldset>
        <TextAreaField
          label="Alasan sanggah"
          required
          rows={6}
          maxLength={SANGGAH_LIMITS.reasonMax}
          hint={`Jelaskan mengapa persyaratan tersebut seharusnya memenuhi syarat (${SANGGAH_LIMITS.reasonMin}–${SANGGAH_LIMITS.reasonMax.toLocaleString('id-ID')} karakter; saat ini ${length.toLocaleString('id-ID')}).`}
          value={reason}
          onValueChange={setReason}
          error={fieldError(file.error, 'reason')}
        />
        {confirming ? (
          <ConfirmPanel
            groupLabel="Konfirmasi sanggah"
            explanation="Kirim sanggah sekarang? Sanggah hanya dapat diajukan satu kali dan tidak dapat diubah."
            confirmLabel="Ya, kirim sanggah"
            pendingLabel="Mengirim…"
            pending={file.isPending}
            onConfirm={() => file.mutate()}
            cancelLabel="Periksa lagi"
            onCancel={() => {
              setConfirming(false);
              focusAfterRender(submitId);
            }}
          />
        ) : (
          <button id={submitId} type="submit" className="button" disabled={!ready}>
            Kirim sanggah
          </button>
        )}
        {!ready && !confirming ? <p className="hint">Pilih sedikitnya satu persyaratan dan tulis alasan minimal {SANGGAH_LIMITS.reasonMin} karakter.</p> : null}
      </form>
    </section>
  );
}

function ResultView({ applicationId }: { applicationId: string }) {
  const query = useQuery({ queryKey: verificationKeys.applicantResult(applicationId), queryFn: async () => (await sanggahApi.applicantResult(applicationId)).result });
  if (query.isPending) return <Loading label="Memuat hasil…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const result = query.data;
  const timezone: AgencyTimezone = isAgencyTimezone(result.application.agencyTimezone) ? result.application.agencyTimezone : DEFAULT_TIMEZONE;
  const admin = result.administrative;
  return (
    <div className="verifikasi">
      <ApplicantResultHeading
        applicationId={applicationId}
        title="Hasil seleksi administrasi"
        application={result.application}
        formasi={`${result.application.formasi.positionName} — ${result.application.formasi.unitName}`}
      />
      {!result.published || !admin ? (
        <Notice kind="info">Hasil seleksi administrasi belum diumumkan. Anda akan diberi tahu melalui aplikasi dan email saat hasil diumumkan.</Notice>
      ) : (
        <>
          <section className="card" aria-labelledby="judul-hasil">
            <h2 id="judul-hasil">{result.postObjection ? 'Hasil setelah sanggah' : 'Hasil'}</h2>
            <p>
              <Decision decision={result.postObjection?.decision ?? admin.decision} />
            </p>
            <dl className="facts">
              <dt>Hasil administrasi diumumkan</dt>
              <dd>
                <DateTime value={admin.publishedAt} timeZone={timezone} /> — {DECISION_TEXT[admin.decision]}
              </dd>
              {admin.announcementId ? (
                <>
                  <dt>Pengumuman</dt>
                  <dd>
                    <Link to={paths.announcement(admin.announcementId)}>Lihat pengumuman dan daftar lengkapnya</Link>
                  </dd>
                </>
              ) : null}
              <dt>Sidik jari daftar hasil</dt>
              <dd className="hash">{admin.resultHash}</dd>
              {result.postObjection ? (
                <>
                  <dt>Hasil pasca sanggah diumumkan</dt>
                  <dd>
                    <DateTime value={result.postObjection.publishedAt} timeZone={timezone} />
                    {result.postObjection.announcementId ? (
                      <>
                        {' '}
                        — <Link to={paths.announcement(result.postObjection.announcementId)}>lihat pengumuman</Link>
                      </>
                    ) : null}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          {result.objection && result.objection.status !== 'diajukan' && !result.postObjection && result.currentDecision ? (
            <Notice kind="info">
              Setelah sanggah dijawab, status pendaftaran Anda saat ini: <strong>{DECISION_TEXT[result.currentDecision]}</strong>. Status ini resmi setelah hasil pasca sanggah diumumkan.
            </Notice>
          ) : null}
          {result.reasons.length ? (
            <section aria-labelledby="judul-alasan-tms">
              <h2 id="judul-alasan-tms">Persyaratan yang tidak memenuhi syarat</h2>
              <ul className="card-list">
                {result.reasons.map((item) => (
                  <li key={item.key} className="card">
                    <h3>{item.label}</h3>
                    <p>
                      <strong>{item.reasonLabel ?? 'Tidak memenuhi syarat'}</strong>
                    </p>
                    {item.reasonText ? <p>{item.reasonText}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ApplicantObjectionSection
            headingId="judul-sanggah-saya"
            result={result}
            facts={(objection) => (
              <>
                <dt>Diajukan</dt>
                <dd>
                  <DateTime value={objection.createdAt} timeZone={timezone} />
                </dd>
                <dt>Persyaratan</dt>
                <dd>{objection.requirements.map((r) => r.label).join(', ')}</dd>
              </>
            )}
            answered={(objection) => (
              <p className="muted">
                Dijawab <DateTime value={objection.answeredAt} timeZone={timezone} />
              </p>
            )}
            unanswered={() => <p>Panitia sedang memeriksa sanggah Anda. Jawabannya akan tampil di sini dan dikirim melalui notifikasi.</p>}
            form={<ObjectionForm result={result} timezone={timezone} />}
          />
        </>
      )}
    </div>
  );
}

export function ApplicantResultPage() {
  return (
    <ApplicantApplicationPage title="Hasil seleksi administrasi" dashboardLink>
      {(id) => <ResultView key={id} applicationId={id} />}
    </ApplicantApplicationPage>
  );
}
