import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OFFER_DEFAULTS } from '../../../../core/final-results';
import { useAgencyDetail, useMe } from '../../api/queries';
import { resultsApi, resultsKeys } from '../../api/results';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { RequireAuth } from '../../components/RequireAuth';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { resultPaths, resultsAccess } from './access';
import { OfferStatusTag, RoundLinks } from './shared';
import '../verification/verification.css';
import './results.css';

function Optimisation({ agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const tz = timezone as AgencyTimezone;
  const canDecide = resultsAccess.decide(me.data, agencyId);
  const overview = useQuery({ queryKey: resultsKeys.overview(agencyId, selectionId), queryFn: async () => (await resultsApi.overview(agencyId, selectionId)).result });
  const view = useQuery({ queryKey: resultsKeys.optimisation(agencyId, selectionId), queryFn: () => resultsApi.optimisation(agencyId, selectionId) });
  const [days, setDays] = useState(String(OFFER_DEFAULTS.days));
  const start = useMutation({
    mutationFn: () => resultsApi.startOptimisation(agencyId, selectionId, Number(days)),
    onSuccess: (data) => {
      queryClient.setQueryData(resultsKeys.optimisation(agencyId, selectionId), data);
      void queryClient.invalidateQueries({ queryKey: resultsKeys.overview(agencyId, selectionId) });
    },
  });
  return (
    <div className="verifikasi results">
      <p className="breadcrumb">
        <Link to={resultPaths.round(agencyId, selectionId)}>‹ {overview.data?.selection.name ?? 'Hasil akhir'}</Link>
      </p>
      <AgencyHeading title="Optimalisasi formasi" agencyName={agencyName} />
      <RoundLinks agencyId={agencyId} selectionId={selectionId} />
      <p>
        Formasi yang belum terisi setelah hasil akhir pasca sanggah ditawarkan kepada peserta yang memenuhi nilai ambang batas SKD tetapi tidak mendapat tempat: jabatan dan kualifikasi pendidikan yang
        sama, peringkat terbaik lebih dahulu, dari unit penempatan lain bila perlu; formasi khusus yang kosong dapat diisi peserta formasi umum. Peserta menerima atau menolak sebelum batas waktu; bila
        ditolak atau lewat batas waktu, tawaran diberikan kepada peserta berikutnya.
      </p>
      {view.isPending || overview.isPending ? (
        <Loading label="Memuat optimalisasi…" />
      ) : view.isError ? (
        <ErrorState error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <>
          {!view.data.summary.started ? (
            <section className="card" aria-labelledby="judul-mulai">
              <h2 id="judul-mulai">Mulai optimalisasi</h2>
              <p>Formasi yang belum terisi: {formatNumber(view.data.summary.unfilled)}.</p>
              {overview.data?.can.startOptimisation.issues.length ? (
                <ul>
                  {overview.data.can.startOptimisation.issues.map((issue) => (
                    <li key={issue}>{issue}</li>
                  ))}
                </ul>
              ) : null}
              {canDecide && overview.data?.can.startOptimisation.allowed ? (
                <form
                  className="form"
                  noValidate
                  onSubmit={(event) => {
                    event.preventDefault();
                    start.mutate();
                  }}
                >
                  <FormErrors error={start.error} labels={{ offerDays: 'Batas waktu jawaban' }} />
                  <TextField
                    label="Batas waktu jawaban (hari)"
                    type="number"
                    inputMode="numeric"
                    min={OFFER_DEFAULTS.minDays}
                    max={OFFER_DEFAULTS.maxDays}
                    value={days}
                    onValueChange={setDays}
                    hint={`Tawaran berlaku sampai pukul 23.59 hari terakhir (waktu instansi), ${OFFER_DEFAULTS.minDays}–${OFFER_DEFAULTS.maxDays} hari.`}
                    error={fieldError(start.error, 'offerDays')}
                  />
                  <button type="submit" className="button" disabled={start.isPending}>
                    {start.isPending ? 'Mengirim tawaran…' : 'Mulai dan kirim tawaran pertama'}
                  </button>
                </form>
              ) : null}
            </section>
          ) : (
            <Notice kind="info">
              Optimalisasi dimulai <DateTime value={view.data.summary.startedAt} timeZone={tz} />; batas jawaban {view.data.summary.offerDays} hari. Tawaran yang lewat batas waktu diproses otomatis oleh server.
            </Notice>
          )}
          <h2>Formasi yang belum terisi</h2>
          {view.data.places.length === 0 ? (
            <EmptyState>Tidak ada formasi yang perlu dioptimalkan.</EmptyState>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="judul-tempat" tabIndex={0}>
              <table>
                <caption id="judul-tempat">Tempat per formasi</caption>
                <thead>
                  <tr>
                    <th scope="col">Formasi</th>
                    <th scope="col">Kebutuhan</th>
                    <th scope="col">Terisi dari peringkat</th>
                    <th scope="col">Diterima lewat optimalisasi</th>
                    <th scope="col">Menunggu jawaban</th>
                    <th scope="col">Belum ada calon</th>
                  </tr>
                </thead>
                <tbody>
                  {view.data.places.map((place) => (
                    <tr key={place.formasiId}>
                      <th scope="row">{place.formasi}</th>
                      <td>{formatNumber(place.count)}</td>
                      <td>{formatNumber(place.filled)}</td>
                      <td>{formatNumber(place.accepted)}</td>
                      <td>{formatNumber(place.pending)}</td>
                      <td>{formatNumber(place.uncovered)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>Tawaran</h2>
          {view.data.offers.length === 0 ? (
            <EmptyState>Belum ada tawaran.</EmptyState>
          ) : (
            <div className="table-wrap" role="region" aria-labelledby="judul-tawaran" tabIndex={0}>
              <table>
                <caption id="judul-tawaran">Tawaran optimalisasi, yang pertama dikirim di atas</caption>
                <thead>
                  <tr>
                    <th scope="col">Peserta</th>
                    <th scope="col">Formasi asal (peringkat, nilai)</th>
                    <th scope="col">Formasi yang ditawarkan</th>
                    <th scope="col">Batas waktu</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {view.data.offers.map((offer) => (
                    <tr key={offer.id}>
                      <th scope="row">
                        {offer.name}
                        <br />
                        <span className="muted">{offer.registrationNumber}</span>
                      </th>
                      <td>
                        {offer.fromFormasi}
                        <br />
                        <span className="muted">
                          peringkat {offer.rank ?? '—'}, nilai {offer.finalScore ?? '—'}
                        </span>
                      </td>
                      <td>
                        {offer.formasi}
                        <br />
                        <span className="muted">{offer.basisLabel}</span>
                      </td>
                      <td>
                        <DateTime value={offer.expiresAt} timeZone={tz} />
                      </td>
                      <td>
                        <OfferStatusTag status={offer.status} />
                        {offer.decidedAt ? (
                          <span className="tie-reason">
                            <DateTime value={offer.decidedAt} timeZone={tz} />
                          </span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

export function OptimisationPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return <RequireAuth allow={(me) => resultsAccess.read(me, agencyId)}>{() => <Optimisation key={`${agencyId}-${selectionId}`} agencyId={agencyId} selectionId={selectionId} />}</RequireAuth>;
}
