import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAgencyDetail, useMe } from '../../api/queries';
import { resultsApi, resultsKeys, type FinalOverview } from '../../api/results';
import type { AgencyTimezone } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyState, ErrorState, Loading, Notice } from '../../components/Feedback';
import { TextField } from '../../components/Field';
import { FormErrors, fieldError } from '../../components/FormErrors';
import { PublishForm } from '../../components/PublishForm';
import { RequireAuth } from '../../components/RequireAuth';
import { TextAreaField } from '../../components/TextAreaField';
import { formatNumber } from '../../lib/time';
import { AgencyHeading } from '../admin/AgencyHeading';
import { resultPaths, resultsAccess } from './access';
import { PublicationFacts, RoundLinks, Weights } from './shared';
import '../verification/verification.css';
import './results.css';

const PUBLISHED_LABELS = { belum: 'Belum diumumkan', akhir: 'Hasil akhir diumumkan', akhir_pasca_sanggah: 'Hasil pasca sanggah diumumkan' } as const;

function Rounds({ agencyId }: { agencyId: string }) {
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const rounds = useQuery({ queryKey: resultsKeys.rounds(agencyId), queryFn: () => resultsApi.rounds(agencyId) });
  return (
    <div className="verifikasi results">
      <AgencyHeading title="Hasil akhir seleksi" agencyName={agencyName} />
      <RoundLinks agencyId={agencyId} />
      <p>
        Nilai akhir dihitung dari bobot setiap tahap yang ditetapkan pada seleksi (CPNS: 40% SKD + 60% SKB), lalu diurutkan per formasi. Pilih seleksi untuk melihat pratinjau peringkat, mengumumkan hasil,
        menjawab sanggah, dan menjalankan optimalisasi.
      </p>
      {rounds.isPending ? (
        <Loading label="Memuat seleksi…" />
      ) : rounds.isError ? (
        <ErrorState error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : rounds.data.items.length === 0 ? (
        <EmptyState>Belum ada seleksi dengan pelamar yang memenuhi syarat administrasi.</EmptyState>
      ) : (
        <ul className="card-list">
          {rounds.data.items.map((round) => (
            <li key={round.id} className="card">
              <h2>
                <Link to={resultPaths.round(agencyId, round.id)}>{round.name}</Link> <span className="muted">({round.type.toUpperCase()} {round.year})</span>
              </h2>
              <p>
                {PUBLISHED_LABELS[round.published]}
                {round.publishedAt ? (
                  <>
                    {' '}
                    — <DateTime value={round.publishedAt} timeZone={timezone} />
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function RoundsPage() {
  const { agencyId = '' } = useParams();
  return <RequireAuth allow={(me) => resultsAccess.read(me, agencyId)}>{() => <Rounds key={agencyId} agencyId={agencyId} />}</RequireAuth>;
}

function Issues({ issues }: { issues: string[] }) {
  if (!issues.length) return null;
  return (
    <ul>
      {issues.map((issue) => (
        <li key={issue}>{issue}</li>
      ))}
    </ul>
  );
}

function Disqualifications({ agencyId, selectionId, canDecide, locked }: { agencyId: string; selectionId: string; canDecide: boolean; locked: boolean }) {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: resultsKeys.disqualifications(agencyId, selectionId), queryFn: () => resultsApi.disqualifications(agencyId, selectionId) });
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: resultsKeys.overview(agencyId, selectionId) });
    void queryClient.invalidateQueries({ queryKey: resultsKeys.disqualifications(agencyId, selectionId) });
  };
  const lookup = useMutation({
    mutationFn: async () => {
      const page = await resultsApi.ranking(agencyId, selectionId, { list: 'preview', q: number.trim(), pageSize: 5 });
      const line = page.items.find((item) => item.registrationNumber === number.trim());
      if (!line) throw new Error('Nomor pendaftaran tidak ditemukan di antara peserta tahap akhir.');
      return resultsApi.disqualify(agencyId, selectionId, { applicationId: line.applicationId, reason: reason.trim() });
    },
    onSuccess: () => {
      setNumber('');
      setReason('');
      refresh();
    },
  });
  const undo = useMutation({ mutationFn: (applicationId: string) => resultsApi.undoDisqualification(agencyId, selectionId, applicationId, 'Diskualifikasi dibatalkan oleh panitia.'), onSuccess: refresh });
  return (
    <section className="card" aria-labelledby="judul-diskualifikasi">
      <h2 id="judul-diskualifikasi">Diskualifikasi</h2>
      <p>Peserta yang didiskualifikasi (misalnya terbukti memakai joki atau memalsukan dokumen) tidak diberi peringkat; alasannya tercatat di jejak audit.</p>
      {list.isPending ? (
        <Loading label="Memuat diskualifikasi…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">Tidak ada peserta yang didiskualifikasi.</p>
      ) : (
        <ul className="card-list">
          {list.data.items.map((item) => (
            <li key={item.applicationId}>
              <strong>{item.registrationNumber}</strong> — {item.name}: {item.reason}
              {canDecide && !locked ? (
                <>
                  {' '}
                  <button type="button" className="button button-secondary button-small" disabled={undo.isPending} onClick={() => undo.mutate(item.applicationId)}>
                    Batalkan
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canDecide && !locked ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            lookup.mutate();
          }}
        >
          {lookup.error instanceof Error && !('status' in lookup.error) ? <Notice kind="error">{lookup.error.message}</Notice> : <FormErrors error={lookup.error} labels={{ reason: 'Alasan' }} />}
          <TextField label="Nomor pendaftaran" value={number} onValueChange={setNumber} autoComplete="off" />
          <TextAreaField label="Alasan diskualifikasi" rows={3} maxLength={2000} value={reason} onValueChange={setReason} error={fieldError(lookup.error, 'reason')} />
          <button type="submit" className="button button-danger" disabled={!number.trim() || reason.trim().length < 10 || lookup.isPending}>
            Diskualifikasi peserta
          </button>
        </form>
      ) : null}
    </section>
  );
}

function RoundView({ agencyId, selectionId }: { agencyId: string; selectionId: string }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const { name: agencyName, timezone } = useAgencyDetail(agencyId);
  const canDecide = resultsAccess.decide(me.data, agencyId);
  const overview = useQuery({ queryKey: resultsKeys.overview(agencyId, selectionId), queryFn: async () => (await resultsApi.overview(agencyId, selectionId)).result });
  const [done, setDone] = useState<string | null>(null);
  const onPublished = (message: string) => (data: { result: FinalOverview }) => {
    setDone(message);
    queryClient.setQueryData(resultsKeys.overview(agencyId, selectionId), data.result);
    void queryClient.invalidateQueries({ queryKey: resultsKeys.rounds(agencyId) });
  };
  const publish = useMutation({ mutationFn: (note: string) => resultsApi.publish(agencyId, selectionId, note), onSuccess: onPublished('Hasil akhir telah diumumkan; peserta diberi tahu melalui aplikasi dan email.') });
  const publishPost = useMutation({ mutationFn: (note: string) => resultsApi.publishPostObjection(agencyId, selectionId, note), onSuccess: onPublished('Hasil akhir pasca sanggah telah diumumkan.') });
  if (overview.isPending) return <Loading label="Memuat hasil akhir…" />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  const tz = timezone as AgencyTimezone;
  return (
    <div className="verifikasi results">
      <p className="breadcrumb">
        <Link to={resultPaths.rounds(agencyId)}>‹ Hasil akhir seleksi</Link>
      </p>
      <AgencyHeading title={`Hasil akhir — ${o.selection.name}`} agencyName={agencyName} />
      <RoundLinks agencyId={agencyId} selectionId={selectionId} />
      {done ? <Notice kind="success">{done}</Notice> : null}
      <section className="card" aria-labelledby="judul-bobot">
        <h2 id="judul-bobot">Bobot nilai akhir</h2>
        <p>Setiap nilai diskalakan 0–100 (nilai ÷ nilai maksimal × 100), dibobot, lalu dibulatkan sekali ke tiga desimal. Nilai sama diurutkan menurut SKD, TKP, TIU, TWK, IPK, lalu usia.</p>
        <Weights stages={o.stages} />
      </section>

      <section className="card" aria-labelledby="judul-hasil-akhir">
        <h2 id="judul-hasil-akhir">Hasil akhir</h2>
        {o.akhir ? (
          <PublicationFacts publication={o.akhir} timezone={tz} withWindow />
        ) : (
          <>
            <p>
              Belum diumumkan. Pratinjau: {formatNumber(o.preview.finalists)} peserta tahap akhir ({formatNumber(o.preview.ranked)} dapat diberi peringkat), {formatNumber(o.preview.eliminated)} gugur di tahap
              sebelumnya. <Link to={`${resultPaths.ranking(agencyId, selectionId)}`}>Lihat pratinjau peringkat</Link>
            </p>
            <Issues issues={o.can.publish.issues} />
            {canDecide && o.can.publish.allowed ? (
              <PublishForm
                label="Umumkan hasil akhir"
                explanation="Setelah diumumkan, daftar tidak dapat diubah kecuali melalui sanggah. Daftar PDF (peringkat, nomor pendaftaran, nama, nilai — tanpa NIK) dan sidik jari SHA-256-nya terbit di pengumuman; masa sanggah hasil akhir dimulai, dan setiap peserta diberi tahu."
                pending={publish.isPending}
                error={publish.error}
                onPublish={(note) => publish.mutate(note)}
              />
            ) : null}
          </>
        )}
      </section>

      {o.akhir ? (
        <section className="card" aria-labelledby="judul-sanggah-akhir">
          <h2 id="judul-sanggah-akhir">Sanggah hasil akhir</h2>
          <p>
            Menunggu jawaban <strong>{formatNumber(o.objections.diajukan)}</strong>, diterima {formatNumber(o.objections.diterima)}, ditolak {formatNumber(o.objections.ditolak)}.{' '}
            <Link to={`${resultPaths.objections(agencyId)}?seleksi=${selectionId}`}>Buka meja sanggah hasil akhir</Link>
          </p>
          <h3>Hasil akhir pasca sanggah</h3>
          {o.pascaSanggah ? (
            <>
              <PublicationFacts publication={o.pascaSanggah} timezone={tz} withWindow={false} />
              <p>
                <a className="button button-secondary" href={resultsApi.appointedUrl(agencyId, selectionId)} download>
                  Unduh daftar peserta yang diangkat (XLSX)
                </a>
              </p>
            </>
          ) : (
            <>
              <Issues issues={o.can.publishPostObjection.issues} />
              {canDecide && o.can.publishPostObjection.allowed ? (
                <PublishForm
                  label="Umumkan hasil pasca sanggah"
                  explanation="Daftar dihitung ulang dengan koreksi dari sanggah yang diterima, lalu diumumkan dengan sidik jari baru. Daftar ini menjadi dasar pengangkatan dan optimalisasi."
                  pending={publishPost.isPending}
                  error={publishPost.error}
                  onPublish={(note) => publishPost.mutate(note)}
                />
              ) : null}
            </>
          )}
        </section>
      ) : null}

      <section className="card" aria-labelledby="judul-optimalisasi">
        <h2 id="judul-optimalisasi">Optimalisasi</h2>
        {o.optimisation.started ? (
          <p>
            Dimulai <DateTime value={o.optimisation.startedAt} timeZone={tz} /> (batas jawaban {o.optimisation.offerDays} hari): menunggu {formatNumber(o.optimisation.pending)}, diterima{' '}
            {formatNumber(o.optimisation.accepted)}, ditolak {formatNumber(o.optimisation.declined)}, kedaluwarsa {formatNumber(o.optimisation.expired)}.
          </p>
        ) : (
          <>
            <p>Formasi yang belum terisi: {formatNumber(o.optimisation.unfilled)}.</p>
            <Issues issues={o.can.startOptimisation.issues} />
          </>
        )}
        <p>
          <Link to={resultPaths.optimisation(agencyId, selectionId)}>Buka optimalisasi</Link>
        </p>
      </section>

      <Disqualifications agencyId={agencyId} selectionId={selectionId} canDecide={canDecide} locked={Boolean(o.pascaSanggah)} />
    </div>
  );
}

export function RoundPage() {
  const { agencyId = '', selectionId = '' } = useParams();
  return <RequireAuth allow={(me) => resultsAccess.read(me, agencyId)}>{() => <RoundView key={`${agencyId}-${selectionId}`} agencyId={agencyId} selectionId={selectionId} />}</RequireAuth>;
}
