import { Fragment, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FINAL_LIST_LABELS, FINAL_OBJECTION_LIMITS } from '../../../../core/final-results';
import { resultsApi, resultsKeys, type ApplicantFinalResult } from '../../api/results';
import type { AgencyTimezone } from '../../api/types';
import { ConfirmPanel, useFocusAfterRender } from '../../components/ConfirmButton';
import { DateTime } from '../../components/DateTime';
import { ErrorState, Loading, Notice } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { TextAreaField } from '../../components/TextAreaField';
import { DEFAULT_TIMEZONE, isAgencyTimezone } from '../../lib/time';
import { ApplicantApplicationPage, ApplicantObjectionSection, ApplicantResultHeading } from '../sanggah/shared';
import { resultPaths } from './access';
import { TieReasons } from './RankingPage';
import { FinalStatusTag, OfferStatusTag } from './shared';
import '../verification/verification.css';
import './results.css';

const show = (value: number | string | null | undefined) => (value === null || value === undefined ? '—' : String(value));

function OfferCard({ result, timezone }: { result: ApplicantFinalResult; timezone: AgencyTimezone }) {
  const queryClient = useQueryClient();
  const offer = result.offer!;
  const [confirm, setConfirm] = useState<'accept' | 'decline' | null>(null);
  const ids = useId();
  const focusAfterRender = useFocusAfterRender();
  const decide = useMutation({
    mutationFn: (accept: boolean) => resultsApi.decideOffer(offer.id, accept),
    onSettled: () => {
      setConfirm(null);
      void queryClient.invalidateQueries({ queryKey: resultsKeys.mine(result.application.id) });
      void queryClient.invalidateQueries({ queryKey: resultsKeys.myOffers() });
    },
  });
  return (
    <section className="card panel offer-card" aria-labelledby="judul-tawaran">
      <h2 id="judul-tawaran">Tawaran optimalisasi</h2>
      <p>
        Anda ditawari formasi <strong>{offer.formasi}</strong> ({offer.basisLabel}).
      </p>
      <p>
        Status: <OfferStatusTag status={offer.status} />
      </p>
      {offer.status === 'pending' ? (
        <>
          <p className="deadline">
            Jawab sebelum <strong>
              <DateTime value={offer.expiresAt} timeZone={timezone} />
            </strong>
            . Setelah batas waktu, tawaran berakhir dan diberikan kepada peserta berikutnya (waktu server yang berlaku).
          </p>
          <FormErrors error={decide.error} />
          {confirm ? (
            <ConfirmPanel
              groupLabel={confirm === 'accept' ? 'Konfirmasi menerima tawaran' : 'Konfirmasi menolak tawaran'}
              explanation={confirm === 'accept' ? `Terima formasi ${offer.formasi}? Keputusan ini tidak dapat diubah.` : 'Tolak tawaran ini? Anda tidak akan ditawari formasi lain pada optimalisasi ini.'}
              confirmLabel={confirm === 'accept' ? 'Ya, terima' : 'Ya, tolak'}
              pendingLabel="Mengirim…"
              pending={decide.isPending}
              danger={confirm === 'decline'}
              onConfirm={() => decide.mutate(confirm === 'accept')}
              onCancel={() => {
                setConfirm(null);
                focusAfterRender(`${ids}-${confirm}`);
              }}
            />
          ) : (
            <div className="actions">
              <button id={`${ids}-accept`} type="button" className="button" onClick={() => setConfirm('accept')}>
                Terima tawaran
              </button>
              <button id={`${ids}-decline`} type="button" className="button button-secondary" onClick={() => setConfirm('decline')}>
                Tolak tawaran
              </button>
            </div>
          )}
        </>
      ) : offer.decidedAt ? (
        <p>
          Dijawab <DateTime value={offer.decidedAt} timeZone={timezone} />.
        </p>
      ) : null}
    </section>
  );
}

function ObjectionForm({ result, timezone }: { result: ApplicantFinalResult; timezone: AgencyTimezone }) {
  const queryClient = useQueryClient();
  const [item, setItem] = useState('');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const chosen = result.items.find((i) => i.key === item);
  const claimed = chosen?.kind === 'birthDate' ? value.trim() : Number(value.replace(',', '.'));
  const file = useMutation({
    mutationFn: () => resultsApi.object(result.application.id, { item, claimedValue: claimed, reason: reason.trim() }),
    onSuccess: (data) => queryClient.setQueryData(resultsKeys.mine(result.application.id), data.result),
  });
  const ready = Boolean(chosen) && value.trim() !== '' && reason.trim().length >= FINAL_OBJECTION_LIMITS.reasonMin;
  return (
    <section className="card panel" aria-labelledby="judul-form-sanggah-akhir">
      <h2 id="judul-form-sanggah-akhir">Ajukan sanggah hasil akhir</h2>
      <p>
        Sanggah dapat diajukan <strong>satu kali</strong> sampai <DateTime value={result.objectionClosesAt} timeZone={timezone} />, hanya untuk mengoreksi ketidaksesuaian antara yang diumumkan dan yang
        tercatat (misalnya nilai yang tampil di layar ujian, IPK pada ijazah, tanggal lahir). Sanggah <strong>tidak dapat menaikkan nilai</strong>.
      </p>
      <FormErrors error={file.error} labels={{ item: 'Yang disanggah', claimedValue: 'Nilai yang benar', reason: 'Alasan' }} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) file.mutate();
        }}
      >
        <SelectField
          label="Yang disanggah"
          required
          value={item}
          options={[{ value: '', label: 'Pilih…' }, ...result.items.map((i) => ({ value: i.key, label: `${i.label} (diumumkan: ${show(i.published)})` }))]}
          onValueChange={(next) => {
            setItem(next);
            setValue('');
          }}
          error={fieldError(file.error, 'item')}
        />
        <TextField
          label={chosen?.kind === 'birthDate' ? 'Tanggal lahir yang benar' : 'Nilai yang benar menurut Anda'}
          required
          type={chosen?.kind === 'birthDate' ? 'date' : 'text'}
          inputMode={chosen?.kind === 'birthDate' ? undefined : 'decimal'}
          value={value}
          onValueChange={setValue}
          error={fieldError(file.error, 'claimedValue')}
        />
        <TextAreaField
          label="Alasan dan bukti"
          required
          rows={5}
          maxLength={FINAL_OBJECTION_LIMITS.reasonMax}
          hint={`Sebutkan dari mana nilai itu (misalnya layar hasil di lokasi ujian, nomor ijazah), ${FINAL_OBJECTION_LIMITS.reasonMin}–${FINAL_OBJECTION_LIMITS.reasonMax.toLocaleString('id-ID')} karakter.`}
          value={reason}
          onValueChange={setReason}
          error={fieldError(file.error, 'reason')}
        />
        <button type="submit" className="button" disabled={!ready || file.isPending}>
          {file.isPending ? 'Mengirim…' : 'Kirim sanggah'}
        </button>
      </form>
    </section>
  );
}

function ResultView({ applicationId }: { applicationId: string }) {
  const query = useQuery({ queryKey: resultsKeys.mine(applicationId), queryFn: async () => (await resultsApi.mine(applicationId)).result });
  if (query.isPending) return <Loading label="Memuat hasil akhir…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const result = query.data;
  const timezone: AgencyTimezone = isAgencyTimezone(result.application.agencyTimezone) ? result.application.agencyTimezone : DEFAULT_TIMEZONE;
  const line = result.line;
  return (
    <div className="verifikasi results">
      <ApplicantResultHeading applicationId={applicationId} title="Hasil akhir seleksi" application={result.application} formasi={result.application.formasi} />
      {!result.published ? (
        <Notice kind="info">Hasil akhir belum diumumkan. Anda akan diberi tahu melalui aplikasi dan email saat hasil diumumkan.</Notice>
      ) : !line ? (
        <Notice kind="info">Pendaftaran ini tidak termasuk peserta tahap akhir (tidak lolos atau tidak hadir pada tahap sebelumnya).</Notice>
      ) : (
        <>
          <section className="card" aria-labelledby="judul-hasil-saya">
            <h2 id="judul-hasil-saya">{result.list ? FINAL_LIST_LABELS[result.list] : 'Hasil'}</h2>
            <p>
              <FinalStatusTag status={result.offer?.status === 'accepted' ? 'lulus_optimalisasi' : line.status} />
            </p>
            <dl className="facts">
              {result.leaves.map((leaf) => (
                <Fragment key={leaf.key}>
                  <dt>Nilai {leaf.name}</dt>
                  <dd>
                    {show(line.scores[leaf.key])}
                    {leaf.max ? ` dari ${leaf.max}` : ''}
                  </dd>
                </Fragment>
              ))}
              <dt>Nilai akhir</dt>
              <dd>
                <strong>{show(line.finalScore)}</strong>
              </dd>
              <dt>Peringkat pada formasi</dt>
              <dd>
                {show(line.rank)}
                <TieReasons line={line} />
              </dd>
              <dt>Diumumkan</dt>
              <dd>
                <DateTime value={result.publishedAt} timeZone={timezone} />
                {result.announcementId ? (
                  <>
                    {' '}
                    — <Link to={resultPaths.announcement(result.announcementId)}>lihat pengumuman dan daftar lengkapnya</Link>
                  </>
                ) : null}
              </dd>
              <dt>Sidik jari daftar hasil</dt>
              <dd className="hash">{result.resultHash}</dd>
            </dl>
            <p>
              Nilai akhir = {result.weights.map((w) => `${w.name} ${w.weight}%`).join(' + ')}, setiap nilai diskalakan 0–100.
            </p>
            {result.letterAvailable ? (
              <p>
                <a className="button button-secondary" href={resultsApi.letterUrl(applicationId)} target="_blank" rel="noopener">
                  Unduh surat hasil seleksi (PDF dengan kode QR)
                </a>
              </p>
            ) : null}
            {result.letterCode ? (
              <p>
                Kode verifikasi surat: <span className="hash">{result.letterCode}</span> —{' '}
                <Link to={resultPaths.publicCheck(result.letterCode)}>buka halaman verifikasi publik</Link> (siapa pun yang memegang surat Anda dapat memeriksanya di sana).
              </p>
            ) : null}
          </section>
          {result.offer ? <OfferCard result={result} timezone={timezone} /> : null}
          <ApplicantObjectionSection
            headingId="judul-sanggah-akhir-saya"
            result={result}
            facts={(objection) => (
              <>
                <dt>Yang disanggah</dt>
                <dd>
                  {objection.itemLabel}: diumumkan {show(objection.publishedValue)}, menurut Anda {show(objection.claimedValue)}
                </dd>
                <dt>Diajukan</dt>
                <dd>
                  <DateTime value={objection.createdAt} timeZone={timezone} />
                </dd>
              </>
            )}
            unanswered={(objection) => (
              <p>
                Panitia menjawab paling lambat <DateTime value={objection.answerDueAt} timeZone={timezone} />.
              </p>
            )}
            form={<ObjectionForm result={result} timezone={timezone} />}
          />
        </>
      )}
    </div>
  );
}

export function ApplicantFinalResultPage() {
  return <ApplicantApplicationPage title="Hasil akhir seleksi">{(id) => <ResultView key={id} applicationId={id} />}</ApplicantApplicationPage>;
}
